"""Shared fixtures: a throw-away copy of a minimal valid handbook; the default handbook
built once per test session for the tests that only read the site; one Chromium per
session whose pages fail the test that opened them on any console or page error."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext

from generator.diagnostics import Diagnostic
from generator.validate import validate
from tests.site_support import BuiltSite, PageErrors, built_site, watched_chromium

REPO = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal"


class Workspace:
    """A copy of the minimal handbook that a test may break, with helpers to do so."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def text(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def write(self, rel: str, content: str | bytes) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str, regex: bool = False) -> None:
        text = self.text(rel)
        if regex:
            changed, count = re.subn(old, new, text, count=1, flags=re.S)
        else:
            count = text.count(old)
            changed = text.replace(old, new, 1)
        assert count, f"{old!r} not found in {rel}: the fixture changed"
        self.write(rel, changed)

    def line_of(self, rel: str, needle: str, nth: int = 1) -> int:
        """The 1-based line of the ``nth`` line containing ``needle``."""
        hits = [n for n, line in enumerate(self.text(rel).splitlines(), 1) if needle in line]
        assert len(hits) >= nth, f"{needle!r} appears {len(hits)} times in {rel}"
        return hits[nth - 1]

    def problems(self) -> list[Diagnostic]:
        return validate(self.root).diagnostics.sorted()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the generated pages instead of comparing with them",
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    root = tmp_path / "handbook"
    shutil.copytree(MINIMAL, root)
    return Workspace(root)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The default handbook, built and served once for every test that only reads it."""
    with built_site(tmp_path_factory.mktemp("handbook")) as site:
        yield site


@pytest.fixture(scope="session")
def page_errors() -> PageErrors:
    return PageErrors()


@pytest.fixture(scope="session")
def chromium(page_errors: PageErrors) -> Iterator[Browser]:
    with watched_chromium(page_errors) as browser:
        yield browser


@pytest.fixture
def browser(chromium: Browser, page_errors: PageErrors) -> Iterator[Browser]:
    """The session's Chromium; the test fails on any error its pages reported."""
    page_errors.unexpected()  # what an earlier test left behind is that test's
    yield chromium
    errors = page_errors.unexpected()
    if errors:
        pytest.fail("the browser reported errors:\n" + "\n".join(errors), pytrace=False)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile (empty storage, as on a new hire's first visit); the
    ``browser`` fixture fails the test on any error a page in it reports."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()
