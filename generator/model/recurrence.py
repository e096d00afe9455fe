"""When a meeting recurs: a meeting's ``every`` (or its older ``cadence``) as a recurrence rule.

``every`` is written as people say it::

    every: [monday, wednesday]      # those weekdays, every week
    every: 2 weeks on monday        # every other Monday ('2 weeks' alone: the weekday of 'starts')
    every: first monday             # a weekday of every month: first … fourth, or last
    every: day 15                   # a date of every month
    every: month | quarter | week   # on the day of 'starts'

The rule is a :mod:`dateutil.rrule` recurrence: the iCalendar export writes it as RRULE and
the pages describe it in words (:mod:`generator.presentation.recurrence_words`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from dateutil import rrule

from generator.model import entities as e
from generator.model.schedule import weekday_number

Kind = Literal["weekdays", "weeks", "month-weekday", "month-day", "month", "quarter", "daily", "yearly"]
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
_RRULE_DAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"
_WEEKS = re.compile(rf"^(?:(\d+) )?weeks?(?: on ({_DAY}(?:\s*(?:,|and)\s*{_DAY})*))?$")
_NTH = re.compile(rf"^(first|second|third|fourth|last) ({_DAY})$")
_MONTH_DAY = re.compile(r"^day (\d{1,2})$")
# A handbook written before 'every' existed: its cadence is the recurrence, on the day of 'starts'.
_CADENCES: dict[str, Kind] = {
    "daily": "daily",
    "weekly": "weeks",
    "monthly": "month",
    "quarterly": "quarter",
    "yearly": "yearly",
}


class RecurrenceError(ValueError):
    """``every`` is not one of the forms above."""


@dataclass(frozen=True)
class Recurrence:
    """A meeting's recurrence: its kind, weekdays (ISO numbers), interval and first date."""

    kind: Kind
    starts: datetime.date
    weekdays: tuple[int, ...] = ()
    interval: int = 1
    ordinal: int = 0  # month-weekday: 1 … 4, or -1 for the last
    month_day: int = 0

    def rule(self) -> rrule.rrule:
        """The dateutil rule whose dates are the meeting's days."""
        days = [_RRULE_DAYS[d - 1] for d in self.weekdays]
        start = datetime.datetime.combine(self.starts, datetime.time())
        if self.kind in ("weekdays", "weeks"):
            return rrule.rrule(rrule.WEEKLY, dtstart=start, interval=self.interval, byweekday=days)
        if self.kind == "month-weekday":
            return rrule.rrule(rrule.MONTHLY, dtstart=start, byweekday=[days[0](self.ordinal)])
        if self.kind == "month-day":
            return rrule.rrule(rrule.MONTHLY, dtstart=start, bymonthday=self.month_day)
        if self.kind == "daily":  # a daily meeting is held on working days
            return rrule.rrule(rrule.WEEKLY, dtstart=start, byweekday=_RRULE_DAYS[:5])
        if self.kind == "yearly":
            return rrule.rrule(rrule.YEARLY, dtstart=start)
        return rrule.rrule(rrule.MONTHLY, dtstart=start, interval=3 if self.kind == "quarter" else 1)

    def rrule_text(self) -> str:
        """The rule as iCalendar writes it, e.g. ``FREQ=WEEKLY;BYDAY=MO,WE``."""
        for line in str(self.rule()).splitlines():
            if line.startswith("RRULE:"):
                return line.removeprefix("RRULE:")
        raise RecurrenceError("the rule has no RRULE line")  # dateutil always writes one


def parse_every(every: Sequence[str] | str, starts: datetime.date) -> Recurrence:
    """``every`` as a :class:`Recurrence`, or :class:`RecurrenceError` saying what to write."""
    if not isinstance(every, str):
        if not every:
            raise RecurrenceError("'every' lists no weekday")
        return Recurrence("weekdays", starts, _weekdays(list(every)))
    text = " ".join(every.strip().lower().split())
    if text in ("month", "quarter"):
        return Recurrence(text, starts)  # type: ignore[arg-type]  # one of the two literals
    if found := _WEEKS.match(text):
        interval = int(found[1] or 1)
        if interval < 1:
            raise RecurrenceError("a meeting recurs every 1 week or more")
        days = _weekdays(re.split(r"\s*(?:,|and)\s*", found[2])) if found[2] else (starts.isoweekday(),)
        return Recurrence("weeks", starts, days, interval=interval)
    if found := _NTH.match(text):
        return Recurrence("month-weekday", starts, _weekdays([found[2]]), ordinal=ORDINALS[found[1]])
    if (found := _MONTH_DAY.match(text)) and 1 <= int(found[1]) <= 28:
        return Recurrence("month-day", starts, month_day=int(found[1]))
    raise RecurrenceError(
        f"'every: {every}' is not a recurrence: write weekdays ([monday, wednesday]), "
        "'2 weeks on monday', 'first monday', 'day 15' (1 to 28), 'month' or 'quarter'"
    )


def _weekdays(names: list[str]) -> tuple[int, ...]:
    try:
        return tuple(sorted({weekday_number(name.strip().lower()) for name in names}))
    except ValueError as exc:
        raise RecurrenceError(f"{exc}: write monday … sunday, or mon … sun") from None


def meeting_recurrence(meeting: e.Meeting, info: e.HandbookInfo | None) -> Recurrence | None:
    """The meeting's recurrence; None for a meeting held on events (``per-event``, ``regularly``).

    Raises :class:`RecurrenceError` for an ``every`` that cannot be read (the checks report it).
    """
    starts = meeting.starts or (info.effective_date if info else datetime.date.today())
    if meeting.every is not None:
        return parse_every(meeting.every, starts)
    kind = _CADENCES.get(meeting.cadence or "")
    if kind is None:
        return None
    return Recurrence(kind, starts, (starts.isoweekday(),) if kind == "weeks" else ())
