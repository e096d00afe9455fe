"""The calendar: working days and holidays, items that span days or follow others, the same
dates in ``handbook assign`` and in the browser, and meetings as recurring iCalendar events."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from generator.model.schedule import WorkCalendar, date_of

DUE_DATES = Path(__file__).parent / "fixtures" / "calendar" / "due-dates.json"
HOLIDAYS = frozenset({datetime.date(2026, 12, 25), datetime.date(2027, 1, 1)})
WEEKDAYS = WorkCalendar(holidays=HOLIDAYS)


def due_date_cases() -> list[dict[str, object]]:
    """Starts on a weekday, a Saturday and a holiday; days across weekends, holidays and a year."""
    cases: list[dict[str, object]] = []
    for start in ("2026-12-07", "2026-12-19", "2026-12-25", "2027-02-26"):
        for day in (1, 2, 5, 6, 10, 15, 30, 90):
            for calendar in (None, WEEKDAYS, WorkCalendar(frozenset({1, 3}))):
                due = date_of(datetime.date.fromisoformat(start), day, calendar)
                cases.append(
                    {
                        "start": start,
                        "day": day,
                        "working": sorted(calendar.working_days) if calendar else [],
                        "holidays": sorted(d.isoformat() for d in calendar.holidays) if calendar else [],
                        "due": due.isoformat(),
                    }
                )
    return cases


def test_the_browsers_cases_are_the_python_rule(request: pytest.FixtureRequest) -> None:
    """tests/js/learning.test.mjs checks learning.js against this file; it must be today's rule.

    Regenerate with ``python -m pytest tests/test_calendar.py --update-golden``.
    """
    if request.config.getoption("--update-golden"):
        DUE_DATES.write_text(json.dumps(due_date_cases(), indent=1) + "\n", encoding="utf-8")
    assert json.loads(DUE_DATES.read_text(encoding="utf-8")) == due_date_cases()


def test_working_days_skip_weekends_and_holidays() -> None:
    friday = datetime.date(2026, 12, 18)
    assert date_of(friday, 1, WEEKDAYS) == friday
    assert date_of(friday, 2, WEEKDAYS) == datetime.date(2026, 12, 21)  # Monday
    # Two weeks of bootcamp from Monday 21 December: the 25th and 1 January are off.
    assert date_of(datetime.date(2026, 12, 21), 10, WEEKDAYS) == datetime.date(2027, 1, 5)
    saturday = datetime.date(2026, 12, 19)
    assert date_of(saturday, 1, WEEKDAYS) == datetime.date(2026, 12, 21)
    assert date_of(saturday, 1) == saturday


@pytest.mark.parametrize("day", [1, 2, 7, 31, 366])
def test_calendar_days_count_the_start_as_day_one(day: int) -> None:
    start = datetime.date(2026, 12, 7)
    assert date_of(start, day) == start + datetime.timedelta(days=day - 1)


def test_a_schedule_follows_after_and_duration() -> None:
    from generator.model import entities as e
    from generator.model.schedule import Schedule
    from generator.model.types import Text

    def item(ident: str, **kw: object) -> e.PathItem:
        return e.PathItem(id=ident, kind="task", title=Text(en=ident), owner="ae", **kw)  # type: ignore[arg-type]

    items = [
        item("bootcamp", day=1, duration=10),
        item("shadow", after="bootcamp"),
        item("first-call", after="shadow", duration=2),
        item("plan"),
    ]
    path = e.OnboardingPath(
        id="p",
        role="ae",
        title=Text(en="p"),
        summary=Text(en="p"),
        milestones=[e.Milestone(id="m", day=30, title=Text(en="m"), goal=Text(en="m"), items=items)],
    )
    schedule = Schedule(path)
    assert [(schedule.start(i.id), schedule.due(i.id)) for i in items] == [
        (1, 10),
        (11, 11),
        (12, 13),
        (30, 30),
    ]
