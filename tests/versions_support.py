"""Two tagged versions of the default handbook in a throw-away git repository, differing
in known ways (what tests/test_diff.py and tests/test_publish.py check).

v1.0.0 is the repository's default content. v1.1.0 changes, and changes only:
- the text (both languages) of checklist item ``market-analysis/gather-customer-input``;
- adds the quiz question ``ma-persona-complete`` to the market-analysis quiz;
- renames step ``identify-customer-groups`` to ``find-customer-groups`` (every reference
  follows; its content stays the same);
- adds a quarterly target to KPI ``target-achievement-rate``;
- bumps the version to 1.1.0.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.site_support import copy_handbook_files

CHANGED_ITEM = ("market-analysis", "gather-customer-input")
UNCHANGED_ITEM = ("market-analysis", "run-market-trend-analysis")
ADDED_QUESTION = "ma-persona-complete"
RENAMED_STEP = ("identify-customer-groups", "find-customer-groups")
KPI = "target-achievement-rate"

# (kind, action, key) of every change from v1.0.0 to v1.1.0, key as Change.key gives it.
KNOWN_CHANGES = {
    ("handbook", "changed", "handbook:handbook"),
    ("step", "renamed", "step:find-customer-groups"),
    ("kpi", "changed", "kpi:target-achievement-rate"),
    ("checklist-item", "changed", "checklist-item:market-analysis/gather-customer-input"),
    ("question", "added", "question:ma-persona-complete"),
}

NEW_QUESTION = """\
      - id: ma-persona-complete
        type: true-false
        prompt:
          en: A complete customer persona records age, gender, occupation, income, buying habits and pain points.
          zh: 一份完整的客户画像记录年龄、性别、职业、收入、购买习惯和痛点。
        answer: true
        explanation:
          en: These six fields make a customer persona complete.
          zh: 这六项齐全，客户画像才算完整。
        tests: [step:build-customer-personas]
"""

NEW_TARGET = """\
      - cadence: quarterly
        text:
          en: Reach at least 95 % of the quarterly sales target.
          zh: 季度销售目标达成率不低于 95%。
        value: 95
"""


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def handbook(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the ``handbook`` command on ``root``."""
    command = [sys.executable, "-m", "generator", *args, "--root", str(root)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, capture_output=True, text=True, cwd=root, env=env, timeout=900)


def edit(root: Path, rel: str, old: str, new: str, *, regex: bool = False) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    changed, count = (
        re.subn(old, new, text, count=1) if regex else (text.replace(old, new, 1), text.count(old))
    )
    assert count, f"{old!r} not found in {rel}: the default content changed"
    path.write_text(changed, encoding="utf-8")


def make_v2(root: Path) -> None:
    """Apply the known changes of v1.1.0 to the working tree at ``root``."""
    edit(
        root,
        "process/checklists/market-analysis.yaml",
        "Collect first-hand input through a questionnaire",
        "Collect first-hand input through a short questionnaire",
    )
    edit(
        root,
        "process/checklists/market-analysis.yaml",
        "通过问卷调查或用户访谈",
        "通过简短问卷调查或用户访谈",
    )
    edit(root, "quizzes/market-analysis.yaml", "    questions:\n", "    questions:\n" + NEW_QUESTION)
    edit(root, "process/kpis.yaml", "    examples:\n", NEW_TARGET + "    examples:\n")
    old, new = RENAMED_STEP
    for path in [*root.glob("process/**/*.yaml"), *root.glob("quizzes/**/*.yaml")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(rf"\b{old}\b", new, text), encoding="utf-8")
    edit(root, "process/handbook.yaml", "version: 1.0.0", "version: 1.1.0")


@dataclass(frozen=True)
class TwoVersions:
    root: Path


def two_versions(root: Path) -> TwoVersions:
    """A git repository at ``root`` with the default handbook tagged v1.0.0, then v1.1.0
    (checked out) with the known changes."""
    root.mkdir(parents=True)
    copy_handbook_files(root)
    (root / ".gitignore").write_text("/.handbook/\n/site/\n/site.*/\n", encoding="utf-8")
    assert "version: 1.0.0" in (root / "process/handbook.yaml").read_text(encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Handbook Test")
    git(root, "config", "user.email", "handbook@example.invalid")
    git(root, "config", "commit.gpgsign", "false")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Process 1.0.0")
    git(root, "tag", "v1.0.0")
    make_v2(root)
    git(root, "commit", "-q", "-am", "Process 1.1.0")
    git(root, "tag", "v1.1.0")
    return TwoVersions(root)
