"""The coverage page and the role matrix of a handbook too large for one table: an overview
with a row per stage (the old anchors kept) and a page per stage, listed in the navigation.

The minimal handbook is small; the thresholds are lowered so that it is split as a large one is.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import BrowserContext

from generator.model.index import Index
from generator.render import OUTPUT, generate
from generator.render.context import coverage, matrix
from generator.validate import validate
from tests.conftest import MINIMAL
from tests.site_support import folder_handler, require_chromium, serving
from tests.test_site import blocking_violations

DAY = datetime.date(2026, 11, 30)


def _generate(root: Path) -> Path:
    result = validate(root)
    assert result.ok, result.diagnostics.sorted()
    report = generate(result.handbook, Index(result.handbook), root, today=DAY)
    assert report.problems == []
    return root / OUTPUT


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("split") / "handbook"
    shutil.copytree(MINIMAL, root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(coverage, "LINKS_ON_ONE_PAGE", 0)
        patch.setattr(matrix, "CELLS_ON_ONE_PAGE", 0)
        return _generate(root)


def _page(out: Path, lang: str, path: str) -> str:
    return (out / "docs" / lang / path).read_text(encoding="utf-8")


def test_a_small_handbook_keeps_each_table_on_one_page(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "handbook")
    out = _generate(tmp_path / "handbook")
    assert not (out / "docs" / "en" / "editors" / "coverage-by-stage").exists()
    assert not (out / "docs" / "en" / "roles" / "by-stage").exists()
    text = _page(out, "en", "editors/coverage.md")
    assert "## 1. Prospecting {: #coverage-prospecting }" in text
    assert "[Find customers](../stages/prospecting.md#step-find-customers)" in text


def test_the_coverage_overview_has_a_row_of_counts_per_stage(split: Path) -> None:
    text = _page(split, "en", "editors/coverage.md")
    # The old anchor of the stage's section is now on its row, which links on.
    row = next(line for line in text.splitlines() if 'id="coverage-prospecting"' in line)
    assert "1. [Prospecting](coverage-by-stage/prospecting.md)" in row
    assert "#step-find-customers" not in text  # the steps are on the stage's page
    assert "## Freshness {: #freshness }" in text


def test_a_stage_coverage_page_holds_its_table(split: Path) -> None:
    text = _page(split, "en", "editors/coverage-by-stage/prospecting.md")
    assert "# Coverage: Prospecting {: #coverage-prospecting }" in text
    assert "[Find customers](../../stages/prospecting.md#step-find-customers)" in text
    assert "[Coverage of every stage](../coverage.md)" in text
    zh = _page(split, "zh", "editors/coverage-by-stage/prospecting.md")
    assert "# 覆盖情况：寻找客户" in zh and "[全部环节的覆盖情况](../coverage.md)" in zh


def test_the_matrix_overview_lists_owners_and_the_roles_taking_part(split: Path) -> None:
    text = _page(split, "en", "roles/matrix.md")
    row = next(line for line in text.splitlines() if 'id="matrix-prospecting"' in line)
    assert "1. [Prospecting](by-stage/prospecting.md) | [Seller](seller.md) |" in row
    assert "matrix-owner" not in text  # the cells are on the stage's page


def test_a_stage_matrix_page_has_a_column_per_role_taking_part(split: Path) -> None:
    text = _page(split, "en", "roles/by-stage/prospecting.md")
    header = next(line for line in text.splitlines() if line.startswith("| Stage / Step |"))
    assert "[Seller](../seller.md)" in header
    assert "[Coach](../coach.md)" not in header  # takes no part in the stage
    assert (
        '**[Prospecting](../../stages/prospecting.md)** | <span class="matrix-owner">Owner</span> |' in text
    )


def test_the_pages_per_stage_are_listed_under_a_group_of_their_own(split: Path) -> None:
    nav = yaml.safe_load((split / "mkdocs.zh.yml").read_text(encoding="utf-8"))["nav"]
    sections = {title: entries for item in nav for title, entries in item.items()}
    # A section titled as the table holds its overview and, one level down, the stages' pages,
    # each named by its stage.
    matrix = {
        "岗位与环节": [
            {"全部环节的岗位分工": "roles/matrix.md"},
            {"各环节岗位分工": [{"1. 寻找客户": "roles/by-stage/prospecting.md"}]},
        ]
    }
    assert matrix in sections["流程"]
    overview = {"全部环节的覆盖情况": "editors/coverage.md"}
    covered = {
        "编辑用覆盖情况": [
            overview,
            {"各环节覆盖情况": [{"1. 寻找客户": "editors/coverage-by-stage/prospecting.md"}]},
        ]
    }
    assert covered in sections["指南"]


# --- in the browser -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(split: Path) -> Iterator[str]:
    """The split handbook built by MkDocs (``--strict``: every link and anchor resolves) and served."""
    require_chromium()
    root = split.parent
    for lang in ("en", "zh"):
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", f"mkdocs.{lang}.yml"]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        done = subprocess.run(command, cwd=split, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
    with serving(folder_handler(root / "site")) as base:
        yield base


PAGES = (
    "editors/coverage/",
    "editors/coverage-by-stage/prospecting/",
    "roles/matrix/",
    "roles/by-stage/prospecting/",
)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_split_pages_pass_axe(context: BrowserContext, served: str, lang: str) -> None:
    page = context.new_page()
    found = []
    for path in PAGES:
        page.goto(f"{served}{'' if lang == 'en' else 'zh/'}{path}")
        found += [f"{path}: {line}" for line in blocking_violations(page)]
    assert not found, "\n".join(found)


def test_an_old_link_to_a_stage_lands_on_its_row_and_leads_to_its_table(
    context: BrowserContext, served: str
) -> None:
    page = context.new_page()
    page.goto(f"{served}editors/coverage/#coverage-prospecting")
    row = page.locator("tr", has=page.locator("#coverage-prospecting"))
    row.get_by_role("link", name="Prospecting").click()
    page.wait_for_url("**/editors/coverage-by-stage/prospecting/")
    table = page.locator("table").first
    assert table.get_by_role("link", name="Find customers").count() == 1
