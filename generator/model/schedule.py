"""When an onboarding item is due: its day on the path, and that day's date for a hire.

The checks (prerequisites due in order), the browser's plan, the exported plans and the
print pack all count the same way: the rule lives here, once.

Days are numbered from the hire's start (day 1). A path counts calendar days, or, with
``days: working``, only the company's working days (its ``calendar`` in handbook.yaml:
weekends and holidays skipped). An item is due on its own ``day``, on the day after the
item it comes ``after``, or on its milestone's day; an item with a ``duration`` starts
there and is due on its last day (a ten-day bootcamp from day 1 is due on day 10).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import entities as e

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""ISO order: Monday is 1 (index 0)."""
MONDAY_TO_FRIDAY = frozenset(range(1, 6))
MAX_DAY = 3660  # ten years of days: anything further is a typing mistake, not a plan


def weekday_number(name: str) -> int:
    """``monday`` or ``mon`` → 1 … ``sunday`` or ``sun`` → 7."""
    for number, full in enumerate(WEEKDAYS, start=1):
        if name in (full, full[:3]):
            return number
    raise ValueError(f"'{name}' is not a weekday")


@dataclass(frozen=True)
class WorkCalendar:
    """The days people work: ISO weekday numbers, and dates off."""

    working_days: frozenset[int] = MONDAY_TO_FRIDAY
    holidays: frozenset[datetime.date] = frozenset()

    def works_on(self, date: datetime.date) -> bool:
        return date.isoweekday() in self.working_days and date not in self.holidays


def work_calendar(info: e.HandbookInfo | None) -> WorkCalendar:
    """The handbook's working days and holidays (Monday to Friday, no holidays, when unset)."""
    found = info.calendar if info else None
    if found is None:
        return WorkCalendar()
    days = frozenset(weekday_number(d) for d in found.working_days) or MONDAY_TO_FRIDAY
    return WorkCalendar(days, frozenset(found.holidays))


def date_of(start: datetime.date, day: int, calendar: WorkCalendar | None = None) -> datetime.date:
    """The date of path day ``day`` for a hire starting on ``start``.

    Calendar days (``calendar`` is None): day 1 is the start date. Working days: day 1 is the
    first working day on or after the start date, day 2 the next working day, and so on.
    Raises OverflowError past the end of the calendar.
    """
    if calendar is None:
        return start + datetime.timedelta(days=day - 1)
    if not calendar.working_days:
        raise ValueError("a calendar without working days")
    date, left = start, max(day, 1)
    while True:
        if calendar.works_on(date):
            left -= 1
            if left == 0:
                return date
        date += datetime.timedelta(days=1)


def path_calendar(path: e.OnboardingPath, info: e.HandbookInfo | None) -> WorkCalendar | None:
    """The calendar a path counts in: the company's working days, or None for calendar days."""
    return work_calendar(info) if path.days == "working" else None


class Schedule:
    """The start and due day of every item of one onboarding path."""

    def __init__(self, path: e.OnboardingPath) -> None:
        self._items: dict[str, tuple[e.Milestone, e.PathItem]] = {}
        for milestone in path.milestones:
            for item in milestone.items:
                self._items.setdefault(item.id, (milestone, item))
        self._start: dict[str, int] = {}

    def start(self, item_id: str) -> int:
        """The day the item starts (its due day when it takes one day)."""
        return self._start_of(item_id, ())

    def due(self, item_id: str) -> int:
        item = self._items[item_id][1]
        return self.start(item_id) + max(item.duration or 1, 1) - 1

    def _start_of(self, item_id: str, seen: tuple[str, ...]) -> int:
        if item_id in self._start:
            return self._start[item_id]
        milestone, item = self._items[item_id]
        if item.day is not None:
            day = item.day
        elif item.after in self._items and item.after not in (*seen, item_id):
            # A cycle of 'after' is reported by the checks; here it falls back to the milestone.
            before = self._items[item.after][1]
            day = self._start_of(item.after, (*seen, item_id)) + max(before.duration or 1, 1)
        else:
            day = milestone.day
        self._start[item_id] = min(day, MAX_DAY)
        return self._start[item_id]

    def ordered(self, items: Iterable[e.PathItem]) -> list[e.PathItem]:
        """Items by due day, in their written order within a day."""
        return sorted(items, key=lambda item: self.due(item.id))


def due_day(milestone: e.Milestone, item: e.PathItem, schedule: Schedule | None = None) -> int:
    """An item's due day: through ``schedule`` when the path has one (``after``, ``duration``)."""
    if schedule is not None:
        return schedule.due(item.id)
    start = item.day if item.day is not None else milestone.day
    return start + max(item.duration or 1, 1) - 1
