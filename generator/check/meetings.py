"""Meetings say when they are held, in a form the calendar export can write."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.check.registry import Context, Finding, check
from generator.model.recurrence import RecurrenceError, meeting_recurrence
from generator.model.types import where

TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@check("meeting-recurrence")
def meetings_recur(ctx: Context) -> Iterator[Finding]:
    """A meeting has a ``cadence`` or an ``every`` that can be read, a time ``HH:MM`` and a length.

    Passes: ``every: [monday, wednesday]``, ``time: "09:30"``, ``minutes: 30``; ``cadence: weekly``.
    Fails: ``every: twice a week``; ``time: 9.30``; ``minutes: 0``; neither cadence nor every.
    """
    for meeting in ctx.handbook.meetings:
        if meeting.cadence is None and meeting.every is None:
            yield Finding(
                meeting.loc,
                f"meeting '{meeting.id}' does not say when it is held",
                "add 'every:' (e.g. every: [monday]) or 'cadence:' (e.g. cadence: per-event)",
            )
        try:
            meeting_recurrence(meeting, ctx.handbook.info)
        except RecurrenceError as exc:
            yield Finding(where(meeting, "every"), f"meeting '{meeting.id}': {exc}")
        if meeting.time is not None and not TIME_RE.match(meeting.time):
            yield Finding(
                where(meeting, "time"),
                f"meeting '{meeting.id}' starts at '{meeting.time}', which is not a time",
                'write it as HH:MM in quotes, e.g. time: "09:30"',
            )
        if meeting.minutes is not None and meeting.minutes < 1:
            yield Finding(
                where(meeting, "minutes"),
                f"meeting '{meeting.id}' lasts {meeting.minutes} minutes",
                "give 1 or more",
            )
