"""``handbook export meetings --format ics``: the team's meetings as recurring calendar events.

Each meeting with a recurrence becomes one VEVENT whose RRULE is the meeting's
:class:`~generator.model.recurrence.Recurrence` (a dateutil rule): the first event is the
rule's first date, at the meeting's local time (floating: each reader's own clock) or all day.
Meetings held on events (after a purchase, "regularly") have no dates and are left out.
The UID is the handbook's title slug and the meeting id, so a re-import updates, not duplicates.
"""

from __future__ import annotations

import datetime

import icalendar

from generator.export.quiz.bank import export_language, one_line
from generator.model import entities as e
from generator.model.handbook import Handbook
from generator.model.recurrence import Recurrence, RecurrenceError, meeting_recurrence
from generator.presentation.labels import labels_for
from generator.presentation.recurrence_words import describe

PRODID = "-//sales-handbook//meetings//EN"
DEFAULT_MINUTES = 60


def export_meetings(
    handbook: Handbook, fmt: str, lang: str | None, *, stamp: datetime.datetime | None = None
) -> bytes:
    """Every recurring meeting of ``handbook`` as an iCalendar file, texts in ``lang``."""
    lang = export_language(handbook, lang)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    title = one_line(handbook.info.title, lang) if handbook.info else ""
    calendar.add("x-wr-calname", title or "Meetings")
    now = stamp or datetime.datetime.now(datetime.UTC)
    for meeting in handbook.meetings:
        try:
            recurrence = meeting_recurrence(meeting, handbook.info)
        except RecurrenceError:
            continue  # refused by the checks before any export
        if recurrence is not None:
            calendar.add_component(_event(handbook, meeting, recurrence, lang, now))
    return bytes(calendar.to_ical())


def _event(
    handbook: Handbook, meeting: e.Meeting, recurrence: Recurrence, lang: str, now: datetime.datetime
) -> icalendar.Event:
    rule = recurrence.rule()
    first = rule[0].date()  # the rule's first date on or after 'starts'
    event = icalendar.Event()
    event.add("uid", f"{meeting.id}@{_handbook_key(handbook)}")
    event.add("dtstamp", now)
    event.add("summary", one_line(meeting.name, lang) or meeting.id)
    if meeting.time:
        hour, minute = (int(part) for part in meeting.time.split(":"))
        start = datetime.datetime.combine(first, datetime.time(hour, minute))
        event.add("dtstart", start)
        event.add("duration", datetime.timedelta(minutes=meeting.minutes or DEFAULT_MINUTES))
    else:
        event.add("dtstart", first)
        event.add("duration", datetime.timedelta(days=1))
    event.add("rrule", icalendar.vRecur.from_ical(recurrence.rrule_text()))
    event.add("description", _description(meeting, recurrence, lang))
    return event


def _description(meeting: e.Meeting, recurrence: Recurrence, lang: str) -> str:
    words = labels_for(lang)
    lines = [describe(words, recurrence, meeting.time), one_line(meeting.purpose, lang)]
    lines += [f"{n}. {one_line(point, lang)}" for n, point in enumerate(meeting.agenda, start=1)]
    return "\n".join(line for line in lines if line)


def _handbook_key(handbook: Handbook) -> str:
    title = handbook.info.title.get("en") if handbook.info else ""
    slug = "-".join("".join(c if c.isalnum() else " " for c in (title or "handbook").lower()).split())
    return slug or "handbook"
