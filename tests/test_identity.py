"""A handbook in one language, and a handbook renamed: what a reader's browser keeps.

The minimal handbook is built in English only (one site, no language switcher) and with
no ``id``: a tick is saved under its title's slug, as before handbooks had an id. Then it
gets an ``id`` (the tick moves, once, to the id), then a new title (nothing moves). Real
Chromium; three builds of a small handbook.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from generator.validate import validate
from tests.conftest import MINIMAL
from tests.site_support import BuiltSite, built_site

ITEM = 'li[data-item="prospecting/list-ready"]'
HANDBOOK = "process/handbook.yaml"


@pytest.fixture(scope="module")
def english_only(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    root = tmp_path_factory.mktemp("one-language")
    for name in ("process", "quizzes", "docs"):
        (root / name).mkdir()
    _copy(MINIMAL, root)
    path = root / HANDBOOK
    text = path.read_text(encoding="utf-8")
    text = text.replace("languages: [en, zh]\n  default_language: en\n", "languages: [en]\n")
    path.write_text(text.replace("  id: minimal-handbook\n", ""), encoding="utf-8")
    stage = root / "process" / "stage.yaml"  # the KPI in money, for the calculator
    stage.write_text(
        stage.read_text(encoding="utf-8").replace("    unit: percent\n", "    unit: USD\n"), encoding="utf-8"
    )
    with built_site(root, source=root) as site:
        yield site


def _copy(source: Path, root: Path) -> None:
    for file in source.rglob("*"):
        if file.is_file():
            target = root / file.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.read_bytes())


def test_a_one_language_handbook_is_one_site_without_a_switcher(
    english_only: BuiltSite, context: BrowserContext
) -> None:
    site = english_only.site
    assert not (site / "zh").exists()
    assert english_only.handbook.info is not None and english_only.handbook.info.default_language == "en"
    page = context.new_page()
    page.goto(english_only.url("en", "stages/prospecting/"), wait_until="networkidle")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".md-header [href*='zh']")).to_have_count(0)
    expect(page.locator(".md-select")).to_have_count(0)  # Material's language menu


def test_renaming_the_handbook_keeps_every_tick(english_only: BuiltSite, context: BrowserContext) -> None:
    root = english_only.root
    page = context.new_page()
    page.goto(english_only.url("en", "stages/prospecting/"), wait_until="networkidle")
    page.locator(f"{ITEM} label.task-list-control").click()
    expect(page.locator(f"{ITEM} input[type=checkbox]")).to_be_checked()
    keys = page.evaluate("Object.keys(localStorage)")
    assert "sales-handbook:minimal-handbook" in keys  # no id yet: the title's slug

    rebuild(root, "title: {en: Minimal handbook", "id: team-handbook\n  title: {en: Minimal handbook")
    page.reload(wait_until="networkidle")
    expect(page.locator(f"{ITEM} input[type=checkbox]")).to_be_checked()
    keys = page.evaluate("Object.keys(localStorage)")
    assert "sales-handbook:team-handbook" in keys and "sales-handbook:minimal-handbook" not in keys

    rebuild(
        root,
        "title: {en: Minimal handbook, zh: 最小手册}",
        "title: {en: Field Sales Guide, zh: 外勤销售指南}",
    )
    page.reload(wait_until="networkidle")
    expect(page.locator(".md-header__topic").first).to_contain_text("Field Sales Guide")
    expect(page.locator(f"{ITEM} input[type=checkbox]")).to_be_checked()
    assert sorted(page.evaluate("Object.keys(localStorage)")) == sorted(keys)


def rebuild(root: Path, old: str, new: str) -> None:
    path = root / HANDBOOK
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert validate(root).ok
    command = [sys.executable, "-m", "generator", "build", "--root", str(root)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=root, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_calculator_shows_money_as_the_page_does(
    english_only: BuiltSite, context: BrowserContext
) -> None:
    page = context.new_page()
    page.goto(english_only.url("en", "kpis/win-rate/"), wait_until="networkidle")
    expect(page.locator(".md-content table").last).to_contain_text("$25")  # Babel, on the page
    page.locator("form.kpi-calculator input[name=won]").fill("30000")
    page.locator("form.kpi-calculator input[name=offered]").fill("1")
    expect(page.locator("form.kpi-calculator output")).to_have_text("$3,000,000")  # Intl, in the browser
