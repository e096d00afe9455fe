"""The handbooks under examples/ validate and build, and show what makes each different.

examples/saas is as unlike the default handbook as the format allows: stages from 0,
outcomes, its own channels, no tiers, training or glossary, a ratio KPI and a mean, a
twice-weekly meeting, working-day onboarding with a ten-day bootcamp, roles without paths.
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from generator.export.assignment import Request, build_plan
from generator.export.files import export_file
from generator.model.index import Index
from generator.validate import validate
from tests.conftest import REPO

EXAMPLES = sorted(p for p in (REPO / "examples").iterdir() if (p / "process").is_dir())
SAAS = REPO / "examples" / "saas"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_validates_with_no_warning(example: Path) -> None:
    result = validate(example)
    assert not result.diagnostics.sorted(), "\n".join(map(str, result.diagnostics.sorted()))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_builds(example: Path, tmp_path: Path) -> None:
    root = tmp_path / example.name
    shutil.copytree(example, root, ignore=shutil.ignore_patterns("site", ".handbook"))
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--root", str(root)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert (root / "site" / "zh" / "index.html").is_file()
    if example == SAAS:
        assert "Closed won" in home and not (root / "site" / "tiers").exists()


def test_saas_hires_get_working_day_dates_and_a_ten_day_bootcamp() -> None:
    handbook = validate(SAAS).handbook
    request = Request(name="Dana", start=datetime.date(2027, 1, 11))  # a Monday; 18 Jan is a holiday
    plan = build_plan(
        handbook,
        Index(handbook),
        "sdr-path",
        request,
        created=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
    )
    items = {item.id: item for milestone in plan.milestones for item in milestone.items}
    bootcamp = items["attend-bootcamp"]
    assert (bootcamp.start, bootcamp.due) == (datetime.date(2027, 1, 11), datetime.date(2027, 1, 25))
    assert bootcamp.day_label == "Working days 1–10"
    shadow = items["shadow-calls"]  # after the bootcamp, three working days
    assert (shadow.start, shadow.due) == (datetime.date(2027, 1, 26), datetime.date(2027, 1, 28))
    assert (
        plan.mentor
        and not build_plan(
            handbook,
            Index(handbook),
            "ae-path",
            request,
            created=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
        ).mentor
    )


def test_saas_meetings_export_twice_weekly() -> None:
    handbook = validate(SAAS).handbook
    calendar = icalendar.Calendar.from_ical(export_file(handbook, "meetings", fmt="ics")[0])
    [event] = calendar.walk("VEVENT")
    assert event["rrule"].to_ical().decode() == "FREQ=WEEKLY;BYDAY=MO,WE"
    assert event.decoded("dtstart") == datetime.datetime(2027, 1, 4, 9, 0)
