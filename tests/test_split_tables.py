"""The coverage page and the role matrix of a handbook too large for one table: an overview
with a row per stage (the old anchors kept) and a page per stage, listed in the navigation.

The minimal handbook is small; the thresholds are lowered so that it is split as a large one is.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
import yaml

from generator.model.index import Index
from generator.render import OUTPUT, generate
from generator.render.context import coverage, matrix
from generator.validate import validate
from tests.conftest import MINIMAL

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
    # A section titled as the table holds its overview and, one level down, the stages' pages.
    matrix = {"岗位与环节": ["roles/matrix.md", {"各环节岗位分工": ["roles/by-stage/prospecting.md"]}]}
    assert matrix in sections["流程"]
    covered = {
        "编辑用覆盖情况": [
            "editors/coverage.md",
            {"各环节覆盖情况": ["editors/coverage-by-stage/prospecting.md"]},
        ]
    }
    assert covered in sections["指南"]
