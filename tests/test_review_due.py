"""``handbook review-due``: overdue and due-soon entries by owner, with file and line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from tests.conftest import Workspace

S, P, H = "process/stage.yaml", "process/people.yaml", "process/handbook.yaml"


def review_due(workspace: Workspace, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "review-due", "--root", str(workspace.root), *args],
        capture_output=True,
        text=True,
    )


def _dated(workspace: Workspace) -> None:
    """The stage file's entries (stage, script, KPI, checklist) are overdue on 2026-11-30,
    the people file's entries (two roles, a tool, a meeting …) due on 2026-12-20, the rest is not dated."""
    workspace.replace(
        S, "stages:", "review: {owner: '@ana', last_reviewed: 2026-05-01, review_every: 6m}\nstages:"
    )
    workspace.replace(
        P, "roles:", "review: {owner: seller, last_reviewed: 2026-09-20, review_every: 3m}\nroles:"
    )


def test_json_groups_by_owner_with_file_and_line(workspace: Workspace) -> None:
    _dated(workspace)
    done = review_due(workspace, "--today", "2026-11-30", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["counts"] == {"overdue": 4, "due-soon": 8}
    owners = {group["owner"]: group["items"] for group in data["owners"]}
    assert list(owners) == ["@ana", "seller"]
    assert [item["kind"] for item in owners["@ana"]] == ["checklist", "kpi", "script", "stage"]
    stage = owners["@ana"][3]
    assert stage["status"] == "overdue" and stage["id"] == "prospecting"
    assert (stage["file"], stage["line"]) == (S, workspace.line_of(S, "- id: prospecting"))
    assert stage["next_review"] == "2026-11-01"
    assert {item["status"] for item in owners["seller"]} == {"due-soon"}
    kinds = {item["kind"] for item in owners["seller"]}  # the people file: roles and the team's material
    assert kinds == {"role", "tool", "meeting", "tier", "training-format", "training", "term"}


def test_within_widens_what_is_due_soon(workspace: Workspace) -> None:
    _dated(workspace)
    narrow = json.loads(
        review_due(workspace, "--today", "2026-11-30", "--within", "7d", "--format", "json").stdout
    )
    assert narrow["counts"] == {"overdue": 4, "due-soon": 0}
    later = json.loads(review_due(workspace, "--today", "2026-10-05", "--format", "json").stdout)
    assert later["counts"] == {"overdue": 0, "due-soon": 4}  # the stage file's entries, due on 2026-11-01


def test_markdown_is_ready_to_send_round(workspace: Workspace) -> None:
    _dated(workspace)
    text = review_due(workspace, "--today", "2026-11-30").stdout
    assert text.startswith("# Review due on 2026-11-30\n")
    assert "4 overdue, 8 due within 30d." in text
    assert text.index("## @ana") < text.index("## seller")
    line = workspace.line_of(S, "- id: prospecting")
    assert "- **overdue**: stage `prospecting` (Prospecting), next review 2026-11-01" in text
    assert f"`{S}:{line}`" in text


def test_csv_has_one_row_per_entry(workspace: Workspace) -> None:
    _dated(workspace)
    rows = list(
        csv.DictReader(io.StringIO(review_due(workspace, "--today", "2026-11-30", "--format", "csv").stdout))
    )
    assert [(r["owner"], r["status"], r["kind"]) for r in rows][3] == ("@ana", "overdue", "stage")
    assert len(rows) == 12 and all(r["file"] and int(r["line"]) > 0 for r in rows)


def test_nothing_due_says_so_and_exits_0(workspace: Workspace) -> None:
    done = review_due(workspace, "--today", "2026-11-30")
    assert done.returncode == 0
    assert "Nothing is overdue or due soon." in done.stdout


def test_wrong_options_are_usage_errors(workspace: Workspace) -> None:
    assert review_due(workspace, "--within", "soon").returncode == 2
    assert review_due(workspace, "--today", "tomorrow").returncode == 2
    workspace.replace(S, "    order: 1", "    order: one")
    broken = review_due(workspace, "--today", "2026-11-30")
    assert broken.returncode == 1 and "order: one" not in broken.stdout


def test_the_weekly_workflow_runs_commands_that_exist() -> None:
    """The shipped workflow's handbook commands run here as written (with a fixed day)."""
    import yaml

    from tests.conftest import REPO

    workflow = yaml.safe_load((REPO / ".github/workflows/review-due.yml").read_text(encoding="utf-8"))
    assert workflow[True]["schedule"][0]["cron"].endswith("* * 1")  # 'on' reads as true in YAML 1.1
    steps = workflow["jobs"]["review-due"]["steps"]
    commands = [line.split(">")[0].split() for s in steps for line in s.get("run", "").splitlines()]
    runs = [c for c in commands if c[:2] == ["handbook", "review-due"]]
    assert {c[-1] for c in runs} == {"md", "json"}
    for command in runs:
        done = subprocess.run(
            [sys.executable, "-m", "generator", *command[1:], "--today", "2027-02-01"],
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        assert done.returncode == 0, done.stderr
    report = subprocess.run(
        [sys.executable, "-m", "generator", "review-due", "--format", "json", "--today", "2027-02-01"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert json.loads(report.stdout)["counts"]["overdue"] == 4  # what jq reads in the workflow
