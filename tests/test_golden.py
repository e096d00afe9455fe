"""Golden pages: the Markdown generated from the minimal handbook, one page of each kind,
compared line by line with the copies kept under ``tests/golden/<lang>/``.

A change to a template, a label or a page context shows here as a diff to review. When
the change is intended, rewrite the copies and commit them with it:

    python -m pytest tests/test_golden.py --update-golden
"""

from __future__ import annotations

import datetime
import difflib
import shutil
from pathlib import Path

import pytest

from generator.model.index import Index
from generator.render import OUTPUT, generate
from generator.validate import validate
from tests.conftest import MINIMAL

GOLDEN = Path(__file__).resolve().parent / "golden"
# Pages say what is due for review as of the day they are built: the golden copies are made on one.
GOLDEN_DAY = datetime.date(2026, 11, 30)
LANGS = ("en", "zh")
# One page of each kind that has its own template, below each language's folder.
PAGES = (
    "index.md",
    "stages/prospecting.md",
    "scripts/prospecting.md",
    "roles/seller.md",
    "roles/matrix.md",
    "editors/coverage.md",
    "kpis/win-rate.md",
    "onboarding/seller.md",
    "quizzes/basics.md",
    "glossary.md",
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("golden") / "handbook"
    shutil.copytree(MINIMAL, root)
    result = validate(root)
    assert result.ok, result.diagnostics.sorted()
    report = generate(result.handbook, Index(result.handbook), root, today=GOLDEN_DAY)
    assert report.problems == []
    return root / OUTPUT / "docs"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_matches_its_golden_copy(
    generated: Path, page: str, lang: str, request: pytest.FixtureRequest
) -> None:
    actual = (generated / lang / page).read_text(encoding="utf-8")
    golden = GOLDEN / lang / page
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run python -m pytest tests/test_golden.py --update-golden"
    expected = golden.read_text(encoding="utf-8")
    diff = difflib.unified_diff(
        expected.splitlines(), actual.splitlines(), f"golden/{lang}/{page}", "generated", lineterm=""
    )
    assert actual == expected, "\n".join(diff)


def test_no_golden_copy_is_left_over() -> None:
    kept = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert kept == {f"{lang}/{page}" for lang in LANGS for page in PAGES}
