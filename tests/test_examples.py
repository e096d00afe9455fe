"""The handbooks under examples/ validate and build, and show what makes each different.

examples/saas is as unlike the default handbook as the format allows: stages from 0,
outcomes, its own channels, no tiers, training or glossary, a ratio KPI and a mean, a
twice-weekly meeting, working-day onboarding with a ten-day bootcamp, roles without paths.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
from babel.dates import format_date
from playwright.sync_api import Browser, expect

from generator.export.assignment import Request, build_plan
from generator.export.files import export_file
from generator.model.index import Index
from generator.validate import validate
from tests.conftest import REPO
from tests.site_support import BuiltSite, built_site

EXAMPLES = sorted(p for p in (REPO / "examples").iterdir() if (p / "process").is_dir())
SAAS = REPO / "examples" / "saas"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_validates_with_no_warning(example: Path) -> None:
    result = validate(example)
    assert not result.diagnostics.sorted(), "\n".join(map(str, result.diagnostics.sorted()))


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.name)
def example_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BuiltSite]:
    """Each example, built once with ``handbook build`` and served, for the tests below."""
    with built_site(tmp_path_factory.mktemp(request.param.name), source=request.param) as site:
        yield site


def test_example_builds_in_every_language(example_site: BuiltSite) -> None:
    for lang in example_site.prefixes:
        assert (example_site.site / example_site.prefixes[lang] / "index.html").is_file(), lang
    if (
        example_site.handbook.info
        and example_site.handbook.info.title.get("en") == "Cloudline Revenue Playbook"
    ):
        home = (example_site.site / "index.html").read_text(encoding="utf-8")
        assert "Closed won" in home and not (example_site.site / "tiers").exists()


def test_the_browser_dates_a_working_day_path_as_handbook_assign_does(
    example_site: BuiltSite, browser: Browser
) -> None:
    """A mentor's link on the SDR path: the page shows the dates ``handbook assign`` prints."""
    if example_site.root.name.rstrip("0123456789") != "saas":
        pytest.skip("the SaaS example has the working-day path")
    handbook = example_site.handbook
    start = datetime.date(2027, 1, 11)  # 18 January, a Monday, is a holiday
    plan = build_plan(
        handbook,
        Index(handbook),
        "sdr-path",
        Request(name="Dana", start=start),
        created=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
    )
    context = browser.new_context()
    page = context.new_page()
    page.goto(example_site.url("en", "onboarding/assign/"), wait_until="networkidle")
    form = page.locator("form.path-assign")
    form.locator("select[name=path]").select_option("sdr-path")
    form.locator("input[name=name]").fill("Dana")
    form.locator("input[name=start]").fill(start.isoformat())
    form.locator("button[type=submit]").click()
    page.goto(form.locator("input[name=link]").input_value(), wait_until="networkidle")
    items = [item for milestone in plan.milestones for item in milestone.items]
    for item in items:
        shown = page.locator(f'li[data-item="path:sdr-path/{item.id}"] .task-due').inner_text()
        # The page writes dates the way its language does (Babel's medium format: "Jan 12, 2027").
        assert f"due {format_date(item.due, format='medium', locale='en')}" in shown, (
            item.id,
            item.due,
            shown,
        )
    assert {item.due for item in items} >= {datetime.date(2027, 1, 25)}  # the bootcamp ends after the holiday
    context.close()


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


@pytest.mark.parametrize(
    ("kpi", "values", "result"),
    [
        ("sales-cycle", {"cycle_days": "40, 50, 60"}, "50 days"),
        ("pipeline-coverage", {"open_pipeline": "1800000", "quota": "600000"}, "3.0×"),
        ("win-rate", {"won": "9", "lost": "21"}, "30%"),
    ],
)
def test_the_calculator_computes_means_ratios_and_rounding(
    example_site: BuiltSite, browser: Browser, kpi: str, values: dict[str, str], result: str
) -> None:
    if example_site.root.name.rstrip("0123456789") != "saas":
        pytest.skip("these KPIs are the SaaS example's")
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(example_site.url("en", f"kpis/{kpi}/"), wait_until="networkidle")
    output = page.locator("form.kpi-calculator output")
    for name, value in values.items():
        page.locator(f"form.kpi-calculator input[name={name}]").fill(value)
    expect(output).to_have_text(result)
    page.locator("form.kpi-calculator input").first.fill("")
    expect(output).to_have_text("–")
    context.close()
    assert errors == []


def test_the_plan_calendar_shows_the_bootcamp_as_one_event_over_its_days() -> None:
    from generator.export.plan import render_plan

    handbook = validate(SAAS).handbook
    plan = build_plan(
        handbook,
        Index(handbook),
        "sdr-path",
        Request(name="Dana", start=datetime.date(2027, 1, 11)),
        created=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
    )
    data = render_plan(plan, "ics")
    calendar = icalendar.Calendar.from_ical(data)
    [bootcamp] = [e for e in calendar.walk("VEVENT") if str(e["summary"]) == "Attend the two-week bootcamp"]
    assert bootcamp.decoded("dtstart") == datetime.date(2027, 1, 11)
    assert bootcamp.decoded("dtend") == datetime.date(2027, 1, 26)  # exclusive: the 25th is its last day
