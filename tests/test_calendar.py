"""The calendar: working days and holidays, items that span days or follow others, the same
dates in ``handbook assign`` and in the browser, and meetings as recurring iCalendar events."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import icalendar
import pytest

from generator.export.files import export_file
from generator.model.schedule import WorkCalendar, date_of
from generator.validate import validate
from tests.conftest import Workspace
from tests.test_render import copy_handbook, out, run

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


# --- meetings ---------------------------------------------------------------------------

TWICE_WEEKLY = """    every: [monday, wednesday]
    time: "09:30"
    minutes: 30
    starts: 2026-12-02
"""


def meeting_workspace(workspace: Workspace, every: str = TWICE_WEEKLY) -> Workspace:
    meeting = "    name: {en: Weekly meeting, zh: 周会}\n"
    workspace.replace("process/people.yaml", meeting + "    cadence: weekly\n", meeting + every)
    return workspace


def test_meetings_export_as_recurring_events_that_dateutil_reads_back(workspace: Workspace) -> None:
    from dateutil import rrule

    meeting_workspace(workspace)
    result = validate(workspace.root)
    assert result.ok, result.diagnostics.sorted()
    data = export_file(result.handbook, "meetings", fmt="ics")[0]
    calendar = icalendar.Calendar.from_ical(data)
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Weekly meeting"
    start = event.decoded("dtstart")
    assert start == datetime.datetime(2026, 12, 2, 9, 30)  # the first Wednesday on or after 'starts'
    assert event.decoded("duration") == datetime.timedelta(minutes=30)
    recur = event["rrule"].to_ical().decode()
    assert recur == "FREQ=WEEKLY;BYDAY=MO,WE"
    dates = list(rrule.rrulestr(recur, dtstart=start).xafter(start - datetime.timedelta(seconds=1), count=5))
    assert [d.date().isoformat() for d in dates] == [
        "2026-12-02", "2026-12-07", "2026-12-09", "2026-12-14", "2026-12-16"
    ]  # fmt: skip
    assert "Every Monday and Wednesday, at 09:30" in str(event["description"])


@pytest.mark.parametrize(
    ("every", "rule", "en", "zh"),
    [
        ("[monday, wednesday]", "FREQ=WEEKLY;BYDAY=MO,WE", "Every Monday and Wednesday", "每周一、周三"),
        ("2 weeks on friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "Every 2 weeks on Friday", "每 2 周的周五"),
        ("first monday", "FREQ=MONTHLY;BYDAY=+1MO", "The first Monday of every month", "每月第一个周一"),
        ("last friday", "FREQ=MONTHLY;BYDAY=-1FR", "The last Friday of every month", "每月最后一个周五"),
        ("day 15", "FREQ=MONTHLY;BYMONTHDAY=15", "Day 15 of every month", "每月 15 日"),
        ("quarter", "FREQ=MONTHLY;INTERVAL=3", "Every quarter", "每季度一次"),
    ],
)
def test_cadences_real_teams_have_in_rules_and_words(every: str, rule: str, en: str, zh: str) -> None:
    from generator.model.recurrence import parse_every
    from generator.presentation.labels import labels_for
    from generator.presentation.recurrence_words import describe

    written = [d.strip() for d in every.strip("[]").split(",")] if every.startswith("[") else every
    recurrence = parse_every(written, datetime.date(2026, 12, 1))
    assert recurrence.rrule_text() == rule
    assert describe(labels_for("en"), recurrence) == en
    assert describe(labels_for("zh"), recurrence) == zh


def test_a_meeting_page_says_when_in_words(workspace: Workspace) -> None:
    root = copy_handbook(meeting_workspace(workspace).root, workspace.root.parent / "copy")
    run(root)
    assert "Every Monday and Wednesday, at 09:30" in out(root, "en", "meetings.md")
    assert "每周一、周三 09:30" in out(root, "zh", "meetings.md")


def test_an_unreadable_recurrence_is_one_located_error(workspace: Workspace) -> None:
    meeting_workspace(workspace, "    every: twice a week\n")
    problems = workspace.problems()
    assert [(p.code, p.location.line) for p in problems] == [
        ("meeting-recurrence", workspace.line_of("process/people.yaml", "every: twice a week"))
    ]
    assert "'2 weeks on monday'" in problems[0].message
