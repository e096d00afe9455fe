"""Owner and review data: defaults, review dates, the freshness checks and ``--today``."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest

from generator.review.dates import add_interval
from generator.review.items import CURRENT, DUE_SOON, OVERDUE, UNSCHEDULED, all_items
from generator.validate import validate
from tests.conftest import REPO, Workspace

D = datetime.date
S, H = "process/stage.yaml", "process/handbook.yaml"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=REPO
    )


@pytest.mark.parametrize(
    ("start", "every", "due"),
    [
        (D(2026, 1, 31), "1m", D(2026, 2, 28)),  # a short month takes its last day
        (D(2024, 2, 29), "1y", D(2025, 2, 28)),
        (D(2026, 8, 3), "6m", D(2027, 2, 3)),
        (D(2026, 11, 2), "90d", D(2027, 1, 31)),
        (D(2026, 11, 30), "2w", D(2026, 12, 14)),
        (D(2026, 10, 31), "14m", D(2027, 12, 31)),
    ],
)
def test_next_review_date(start: D, every: str, due: D) -> None:
    assert add_interval(start, every) == due


def _items(workspace: Workspace) -> dict[str, object]:
    result = validate(workspace.root, D(2026, 11, 30))
    return {item.key: item for item in all_items(result.handbook)}


def test_entry_overrides_file_overrides_handbook(workspace: Workspace) -> None:
    workspace.replace(
        H, "  default_language: en", "  default_language: en\n  review: {owner: boss, review_every: 1y}"
    )
    workspace.replace(S, "stages:", "review: {owner: '@ana', last_reviewed: 2026-06-01}\nstages:")
    items = _items(workspace)
    stage = items["stage:prospecting"]
    assert (stage.owner, stage.last_reviewed, stage.review_every) == ("@ana", D(2026, 6, 1), "1y")
    assert stage.next_review == D(2027, 6, 1)
    workspace.replace(S, "    owners: [seller]", "    owners: [seller]\n    review: {review_every: 90d}")
    stage = _items(workspace)["stage:prospecting"]
    assert (stage.owner, stage.review_every, stage.next_review) == ("@ana", "90d", D(2026, 8, 30))
    role = items["role:seller"]  # another file: only the handbook's defaults apply
    assert (role.owner, role.last_reviewed, role.next_review) == ("boss", None, None)


def test_status_on_a_given_day(workspace: Workspace) -> None:
    workspace.replace(
        S, "stages:", "review: {owner: seller, last_reviewed: 2026-06-01, review_every: 6m}\nstages:"
    )
    stage = _items(workspace)["stage:prospecting"]
    assert stage.status(D(2026, 10, 1)) == CURRENT
    assert stage.status(D(2026, 11, 2)) == DUE_SOON  # 29 days before 2026-12-01
    assert stage.status(D(2026, 12, 1)) == DUE_SOON  # due today is not yet overdue
    assert stage.status(D(2026, 12, 2)) == OVERDUE
    assert _items(workspace)["role:seller"].status(D(2026, 12, 2)) == UNSCHEDULED


def test_guide_front_matter_is_read_with_its_lines(workspace: Workspace) -> None:
    workspace.replace(
        "docs/guides/editors.md",
        "# Guide: editors",
        "---\ndescription: for editors\nreview:\n  owner: ed@example.com\n  last_reviewed: 2026-01-10\n"
        "  review_every: 90d\nacknowledge: true\n---\n# Guide: editors",
    )
    page = _items(workspace)["page:guides/editors.md"]
    assert (page.owner, page.next_review, page.acknowledge) == ("ed@example.com", D(2026, 4, 10), True)
    assert page.title.get("en") == "Guide: editors"
    problems = validate(workspace.root, D(2026, 11, 30)).diagnostics.sorted()
    assert [(p.code, p.location.file, p.location.line) for p in problems] == [
        ("review-overdue", "docs/guides/editors.md", 1)
    ]


def test_a_wrong_interval_is_located(workspace: Workspace) -> None:
    workspace.replace(S, "    owners: [seller]", "    owners: [seller]\n    review: {review_every: 3 months}")
    problems = validate(workspace.root).diagnostics.sorted()
    assert [(p.code, p.location.line) for p in problems] == [
        ("invalid-id", workspace.line_of(S, "review_every: 3 months"))
    ]
    assert "90d" in problems[0].hint


def test_no_owner_only_when_the_handbook_asks(workspace: Workspace) -> None:
    assert validate(workspace.root).diagnostics.sorted() == []
    workspace.replace(H, "  default_language: en", "  default_language: en\n  require_owner: true")
    found = {(p.code, p.location.file) for p in validate(workspace.root).diagnostics.sorted()}
    assert ("no-owner", S) in found and ("no-owner", "docs/guides/editors.md") in found
    workspace.replace(H, "  require_owner: true", "  require_owner: true\n  review: {owner: seller}")
    assert validate(workspace.root).diagnostics.sorted() == []


def test_default_content_is_owned_and_not_overdue_for_two_months() -> None:
    for day in ("2026-11-30", "2027-01-28"):
        done = cli("validate", "--strict", "--today", day)
        assert done.returncode == 0, done.stdout + done.stderr
    late = cli("validate", "--strict", "--today", "2027-02-01")
    assert late.returncode == 1
    assert "[review-overdue] stage 'order-and-after-sales' was due for review on 2027-01-29" in late.stdout
    assert cli("validate", "--today", "2027-02-01").returncode == 0  # a warning, without --strict


def test_every_reviewed_kind_of_the_default_content_has_an_owner_and_a_date() -> None:
    items = all_items(validate(REPO, D(2026, 11, 30)).handbook)
    kinds = {item.kind for item in items}
    assert kinds == {"stage", "role", "kpi", "script", "checklist", "path", "quiz", "page"} | {
        "tool",
        "meeting",
        "tier",
        "training-format",
        "training",
        "term",
        "principle",
    }
    undated = [
        item.key for item in items if item.next_review is None and item.location.file.startswith("process")
    ]
    assert undated == [] and all(item.owner for item in items)


def test_a_wrong_today_is_a_usage_error() -> None:
    done = cli("validate", "--today", "30/11/2026")
    assert done.returncode == 2
    assert "write it as YYYY-MM-DD" in done.stderr
