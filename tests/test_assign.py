"""``handbook assign``: a hire's dated onboarding plan as iCalendar, CSV, Markdown and HTML."""

from __future__ import annotations

import csv
import datetime
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from generator.export.assignment import (
    Plan,
    PlanError,
    build_plan,
    check_request,
    find_path,
    parse_base_url,
    parse_name,
    parse_start,
)
from generator.export.plan import render_plan
from generator.export.plan.as_csv import COLUMNS, defuse
from generator.export.plan.as_ics import escape_text, fold
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.model.schedule import due_day
from generator.presentation.links import page_url, served_relative
from generator.validate import validate
from tests.conftest import REPO, Workspace

PATH = "sales-representative"
START = "2026-12-07"
CREATED = datetime.datetime(2026, 11, 30, 9, 15, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    result = validate(REPO)
    assert result.ok
    return result.handbook


def make_plan(
    handbook: Handbook,
    name: str = "Li Wei",
    *,
    lang: str = "en",
    base_url: str = "",
    created: datetime.datetime = CREATED,
) -> Plan:
    request = check_request(name=name, start=START, base_url=base_url)
    return build_plan(handbook, Index(handbook), PATH, request, lang=lang, created=created)


def expected_items(handbook: Handbook) -> dict[str, datetime.date]:
    """Every item of the path and its date, straight from the model."""
    start = datetime.date.fromisoformat(START)
    path = find_path(handbook, PATH)
    return {
        item.id: start + datetime.timedelta(days=due_day(milestone, item) - 1)
        for milestone in path.milestones
        for item in milestone.items
    }


def events(text: str) -> list[Calendar]:
    return list(Calendar.from_ical(text).walk("VEVENT"))


def unescape_text(raw: str) -> str:
    """RFC 5545 TEXT unescaping, written apart from the code under test."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], raw)


def handbook_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "assign", *args], capture_output=True, text=True, cwd=cwd
    )


# --- the plan -------------------------------------------------------------------------


def test_day_one_is_the_start_date_and_day_90_is_three_months_on(handbook: Handbook) -> None:
    plan = make_plan(handbook)
    days = {item.day: item.due for _, item in plan.items()}
    assert days[1] == datetime.date(2026, 12, 7)
    assert days[90] == datetime.date(2027, 3, 6)
    assert {item.id: item.due for _, item in plan.items()} == expected_items(handbook)


def test_plan_names_owners_targets_and_prerequisites_in_the_chosen_language(handbook: Handbook) -> None:
    items = {item.id: item for _, item in make_plan(handbook, lang="zh").items()}
    quiz = items["quiz-roles-tools-and-meetings"]
    assert quiz.owner == "销售代表"
    assert quiz.kind_label == "测验"
    assert quiz.url == "zh/quizzes/roles-tools-and-meetings/"
    assert [p.id for p in quiz.prerequisites] == [
        "read-role",
        "read-communication-tools",
        "read-weekly-team-meeting",
    ]
    assert all(p.due <= quiz.due for p in quiz.prerequisites)


def test_urls_are_relative_to_the_site_root_or_absolute_below_the_base_url(handbook: Handbook) -> None:
    relative = {item.id: item.url for _, item in make_plan(handbook).items()}
    assert relative["read-crm"] == "tools/#tool-crm"
    absolute = {item.id: item.url for _, item in make_plan(handbook, base_url="https://h.example/s").items()}
    assert absolute["read-crm"] == "https://h.example/s/tools/#tool-crm"


@pytest.mark.parametrize(
    ("page", "fragment", "folder", "url"),
    [
        ("stages/x.md", "step-y", "", "stages/x/#step-y"),
        ("tools.md", "", "zh", "zh/tools/"),
        ("index.md", "", "", "./"),
        ("guides/index.md", "", "", "guides/"),
        ("guides/a b.md", "", "", "guides/a%20b/"),
    ],
)
def test_page_url_follows_mkdocs_directory_urls(page: str, fragment: str, folder: str, url: str) -> None:
    assert page_url(page, fragment, folder=folder) == url


def test_a_built_page_is_addressed_from_another_as_mkdocs_serves_them() -> None:
    assert served_relative("practice/review.md", "practice/review/cards-2.md") == "cards-2/"
    assert served_relative("index.md", "practice/review/cards-2.md") == "practice/review/cards-2/"
    assert served_relative("stages/a.md", "index.md") == "../../"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: parse_name("   "), "--name is empty"),
        (lambda: parse_name("Li\nWei"), "control characters"),
        (lambda: parse_start("07.12.2026"), "is not a date"),
        (lambda: parse_start("2026-02-30"), "is not a date"),
        (lambda: parse_base_url("javascript:alert(1)"), "not a web address"),
        (lambda: parse_base_url("https://h.example/?q=1"), "query or fragment"),
    ],
)
def test_bad_options_say_what_to_change(call: object, message: str) -> None:
    with pytest.raises(PlanError, match=message):
        call()  # type: ignore[operator]


def test_unknown_path_lists_the_paths_that_exist(handbook: Handbook) -> None:
    with pytest.raises(PlanError) as raised:
        find_path(handbook, "sales-rep")
    assert "customer-service, sales-manager, sales-representative" in str(raised.value)


# --- iCalendar ------------------------------------------------------------------------


def test_ics_has_every_item_on_its_date(handbook: Handbook) -> None:
    text = render_plan(make_plan(handbook), "ics")
    calendar = Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert calendar["PRODID"]
    found = events(text)
    expected = expected_items(handbook)
    assert len(found) == len(expected)
    plan_items = {item.title: item for _, item in make_plan(handbook).items()}
    for event in found:
        item = plan_items[str(event["SUMMARY"])]
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert type(start) is datetime.date
        assert start == expected[item.id]
        assert end == start + datetime.timedelta(days=1)
        assert event["DTSTAMP"].dt == CREATED
        assert event["CATEGORIES"].cats == [item.kind]
        assert "URL" not in event  # no base URL: no absolute address to give
    dates = {event["DTSTART"].dt for event in found}
    assert {datetime.date(2026, 12, 7), datetime.date(2027, 3, 6)} <= dates


def test_ics_uids_are_unique_and_stable(handbook: Handbook) -> None:
    def uids(plan: Plan) -> list[str]:
        return [str(event["UID"]) for event in events(render_plan(plan, "ics"))]

    first = uids(make_plan(handbook))
    assert len(set(first)) == len(first)
    assert all(re.fullmatch(r"[0-9a-f]{32}@sales-handbook", uid) for uid in first)
    later = make_plan(handbook, created=CREATED + datetime.timedelta(days=3), lang="zh")
    assert uids(later) == first
    assert set(uids(make_plan(handbook, name="Wang Fang"))).isdisjoint(first)


@pytest.mark.parametrize("name", ["Li, Wei; Jr.", "王小明", 'Back\\slash, "quoted"; 李, 伟'])
def test_ics_text_round_trips(handbook: Handbook, name: str) -> None:
    plan = make_plan(handbook, name, lang="zh", base_url="https://handbook.example.com/")
    text = render_plan(plan, "ics")
    calendar = Calendar.from_ical(text)
    # icalendar keeps an X- property's value as it was written: decode it as the TEXT it is.
    assert name in unescape_text(calendar["X-WR-CALNAME"].to_ical().decode("utf-8"))
    found = events(text)
    titles = [item.title for _, item in plan.items()]
    assert [str(event["SUMMARY"]) for event in found] == titles
    assert all(str(event["DESCRIPTION"]).startswith(f"新员工： {name}\n") for event in found)
    first = found[0]
    assert str(first["URL"]) == "https://handbook.example.com/zh/training/#format-on-the-job-mentoring"
    assert "负责人：销售经理" in str(first["DESCRIPTION"]).replace(" ", "")


def test_ics_lines_are_folded_at_75_octets_with_crlf(handbook: Handbook) -> None:
    text = render_plan(make_plan(handbook, "李" * 60, lang="zh"), "ics")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "") and "\r" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)  # something was folded


def test_fold_never_splits_a_character() -> None:
    line = "SUMMARY:" + "a" + "李伟😀" * 40
    folded = fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line
    assert fold("SHORT:x") == "SHORT:x"


def test_escape_text_escapes_what_rfc_5545_asks() -> None:
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
    assert escape_text("bell\x07") == "bell"


# --- CSV ------------------------------------------------------------------------------


def test_csv_has_one_row_per_item_and_defuses_formulas(handbook: Handbook) -> None:
    name = '=HYPERLINK("x")'
    text = render_plan(make_plan(handbook, name), "csv")
    assert not text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == COLUMNS
    body = [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]
    expected = expected_items(handbook)
    assert {row["item_id"]: row["due_date"] for row in body} == {k: str(v) for k, v in expected.items()}
    assert len(body) == len(expected)
    assert {row["hire"] for row in body} == {"'" + name}
    formula = tuple("=+-@\t\r")
    assert not any(cell.startswith(formula) for row in rows for cell in row)


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Li Wei", "Li Wei"),
        ("2026-12-07", "2026-12-07"),
    ],
)
def test_defuse(cell: str, safe: str) -> None:
    assert defuse(cell) == safe


# --- Markdown and HTML ----------------------------------------------------------------


def test_markdown_has_one_task_per_item(handbook: Handbook) -> None:
    plan = make_plan(handbook)
    text = render_plan(plan, "md")
    tasks = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(tasks) == len(expected_items(handbook))
    assert text.count("\n## ") == len(plan.milestones)
    assert "## Day 90 — Mar 6, 2027" in text  # the date as the plan's language writes it
    assert any("[Sales representative](roles/sales-representative/)" in task for task in tasks)


def test_markdown_escapes_the_name(handbook: Handbook) -> None:
    text = render_plan(make_plan(handbook, "<b>[x](javascript:alert(1))</b>"), "md")
    assert "<b>" not in text and "](javascript:" not in text


def test_html_escapes_the_name_and_stands_alone(handbook: Handbook) -> None:
    plan = make_plan(handbook, "<script>alert(1)</script>", base_url="https://handbook.example.com/")
    text = render_plan(plan, "html")
    assert "<script" not in text.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "@media print" in text
    assert text.count('<td class="box">☐</td>') == len(expected_items(handbook))
    assert not re.search(r"<link|src=|@import|url\(", text)
    assert '<a href="https://handbook.example.com/tools/#tool-crm">' in text


# --- the command ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--path", "nope", "--name", "Li", "--start", START], "sales-representative"),
        (["--path", PATH, "--name", "Li", "--start", "2026-13-01"], "is not a date"),
        (["--path", PATH, "--name", "", "--start", START], "--name is empty"),
        (["--path", PATH, "--name", "Li", "--start", "9999-12-30"], "past the end of the calendar"),
        (["--path", PATH, "--name", "Li", "--start", START, "--lang", "fr"], "not written in 'fr'"),
        (["--path", PATH, "--name", "Li", "--start", START, "--base-url", "ftp://x"], "not a web address"),
    ],
)
def test_cli_errors_exit_2_with_a_message(args: list[str], message: str) -> None:
    result = handbook_cli(*args, "--format", "md")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_cli_refuses_an_invalid_handbook(workspace: Workspace) -> None:
    workspace.replace("process/onboarding.yaml", "target: stage:prospecting", "target: stage:nowhere")
    result = handbook_cli(
        "--root", str(workspace.root), "--path", "seller", "--name", "Li", "--start", START, "--format", "md"
    )
    assert result.returncode == 1
    assert "fix the problems above" in result.stderr
    assert result.stdout == ""


def test_cli_prints_ics_with_crlf_to_stdout() -> None:
    args = ["--path", PATH, "--name", "李伟", "--start", START, "--format", "ics", "--lang", "zh"]
    result = subprocess.run(
        [sys.executable, "-m", "generator", "assign", *args],
        capture_output=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"BEGIN:VCALENDAR\r\n")
    assert len(events(result.stdout.decode("utf-8"))) == len(expected_items(validate(REPO).handbook))


def test_cli_out_writes_a_file_and_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "plan.html"
    args = ["--path", PATH, "--name", "Li Wei", "--start", START, "--format", "html", "--out", str(out)]
    assert handbook_cli(*args).returncode == 0
    assert "Li Wei" in out.read_text(encoding="utf-8")
    out.write_text("notes by hand", encoding="utf-8")
    again = handbook_cli(*args)
    assert again.returncode == 2
    assert "--force" in again.stderr
    assert out.read_text(encoding="utf-8") == "notes by hand"
    assert handbook_cli(*args, "--force").returncode == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_chinese_plan_is_written_with_chinese_punctuation_and_dates(handbook: Handbook) -> None:
    plan = make_plan(handbook, "张伟", lang="zh")
    cjk = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
    faults = re.compile(
        f"[{cjk}][)\\]]?\\)?, |[{cjk}](?:\\*\\*|</strong>)?: |：(?:\\*\\*|</strong>)? |[{cjk}] \\("
    )
    for fmt in ("md", "html"):
        text = render_plan(plan, fmt)
        assert faults.findall(text) == [], fmt
        assert "2027年3月6日" in text and "2027-03-06" not in text, fmt
