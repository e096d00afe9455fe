"""Search in the preview: ``handbook serve`` indexes the pages it builds, and indexes them
again after an edit, so the header's search box finds what the editor just wrote."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable

from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from benchmarks.preview import free_port, serving
from benchmarks.search_bytes import RESULTS
from tests.conftest import Workspace

WAIT_SECONDS = 120


def _fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return bytes(response.read())
    except OSError:
        return None


def _wait_for(check: Callable[[], bool], what: str, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        assert child.poll() is None, f"handbook serve exited {child.returncode} while waiting for {what}"
        if check():
            return
        time.sleep(0.5)
    raise AssertionError(f"no {what} within {WAIT_SECONDS} s")


def _finds(page: Page, base: str, query: str, href: str) -> bool:
    """Whether searching ``query`` on the home page lists a result linking to ``href``."""
    page.goto(base, wait_until="load")
    page.keyboard.press("/")
    page.locator(".hb-search .md-search__input").press_sequentially(query, delay=30)
    found = page.locator(f'{RESULTS} a[href*="{href}"]')
    try:
        found.first.wait_for(state="attached", timeout=15_000)
    except PlaywrightTimeout:
        return False
    return True


def test_the_preview_finds_what_was_just_written(workspace: Workspace, browser: Browser) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    entry = base + "pagefind/pagefind-entry.json"
    with serving([sys.executable, "-m", "generator"], workspace.root, port) as child:
        _wait_for(lambda: _fetch(entry) is not None, "search index", child)
        context = browser.new_context(service_workers="block")
        try:
            page = context.new_page()
            assert _finds(page, base, "customers", "roles/seller")
            assert not _finds(page, base, "zeppelins", "roles/seller")
            before = json.loads(_fetch(entry) or b"{}")
            workspace.replace("process/people.yaml", "Wins customers.", "Wins customers with zeppelins.")
            _wait_for(lambda: json.loads(_fetch(entry) or b"{}") != before, "new search index", child)
            assert _finds(page, base, "zeppelins", "roles/seller")
        finally:
            context.close()
