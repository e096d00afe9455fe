"""Nothing an author writes, and nothing in a link, can run in a reader's browser.

Every text of the default handbook (titles, stage and step texts, scripts, quiz prompts,
options and explanations, checklist and path items, glossary …) gets an attack prepended
in both languages; the handbook is built and every page opened in Chromium, quizzes are
answered (revealing explanations), and a mentor link and a progress link carry attacks in
the hire's name. No script may run, no dialog may open, no link may use javascript: or data:.
"""

from __future__ import annotations

import base64
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import yaml
from playwright.sync_api import Browser, Page

from tests.site_support import (
    BuiltSite,
    built_site,
    copy_handbook_files,
    html_pages,
    parse_page,
)

MARK = "window.__pwned = (window.__pwned || 0) + 1"
PAYLOADS = [
    f"<script>{MARK}</script>",
    f'<img src=x onerror="{MARK}">',
    f'"><svg onload="{MARK}">',
    f"[click](javascript:{MARK})",
    f"[data](data:text/html,<script>{MARK}</script>)",
    f'{{: onclick="{MARK}" }}',
    f"</title><script>{MARK}</script>",
    f'<details open ontoggle="{MARK}">',
    f'`x` <a href="javascript:{MARK}">a</a>',
    f"!!! note\n\n    <script>{MARK}</script>",
    "<style>@import 'http://example.com/x.css';</style>",
    f'{{{{ config }}}} {{% raw %}} <iframe src="javascript:{MARK}"></iframe>',
]


def poison(data: Any, payloads: Iterator[str]) -> Any:
    """Every bilingual text gets an attack in front; ids, numbers and formulas stay as they are."""
    if isinstance(data, dict):
        if set(data) <= {"en", "zh"} and data and all(isinstance(v, str) for v in data.values()):
            return {lang: f"{next(payloads)} {text}" for lang, text in data.items()}
        return {key: poison(value, payloads) for key, value in data.items()}
    if isinstance(data, list):
        return [poison(item, payloads) for item in data]
    return data


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    source = tmp_path_factory.mktemp("poisoned-source")
    copy_handbook_files(source)
    payloads = itertools.cycle(PAYLOADS)
    for path in sorted((source / "process").rglob("*.yaml")) + sorted((source / "quizzes").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(
            yaml.safe_dump(poison(data, payloads), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    with built_site(tmp_path_factory.mktemp("poisoned"), source) as site:
        yield site


class Watch:
    """A page that counts dialogs, executed marks and errors."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.context = browser.new_context(service_workers="block")
        self.context.add_init_script("window.__pwned = 0")
        self.context.route(lambda url: not url.startswith(base), lambda route: route.abort())
        self.dialogs: list[str] = []
        self.page = self.context.new_page()
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def visit(self, url: str) -> Page:
        self.page.goto("about:blank")  # a link differing only in its #fragment must load anew
        self.page.goto(url, wait_until="load")
        return self.page

    def pwned(self) -> int:
        return int(self.page.evaluate("window.__pwned"))


def test_the_payloads_reached_the_pages(poisoned: BuiltSite) -> None:
    text = (poisoned.site / "stages" / "market-analysis" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in text or "&lt;img" in text


def one_page_of_each_kind(site: Path) -> list[Path]:
    """Each template, hence each kind of text, rendered at least once in each language: every
    page at the top and every section index, every onboarding and role page (they come in
    several kinds), and the first entity page of the other sections."""
    chosen: dict[tuple[str, ...], Path] = {}
    for file in html_pages(site):
        parts = file.relative_to(site).parts
        lang, rest = (parts[0], parts[1:]) if parts[0] == "zh" else ("en", parts)
        whole = len(rest) <= 2 or rest[0] in ("onboarding", "roles")
        chosen.setdefault((lang, *rest) if whole else (lang, rest[0]), file)
    return sorted(chosen.values())


def test_no_page_runs_author_text(poisoned: BuiltSite, browser: Browser) -> None:
    watch = Watch(browser, poisoned.base)
    try:
        pages = one_page_of_each_kind(poisoned.site)
        assert len(pages) >= 30
        for file in pages:
            path = file.relative_to(poisoned.site).as_posix().removesuffix("index.html")
            page = watch.visit(poisoned.base + path)
            for quiz in page.locator(".quiz-question .quiz-check").all()[:3]:
                quiz.click()  # reveals feedback and explanation
            assert watch.pwned() == 0, path
        assert watch.dialogs == []
    finally:
        watch.context.close()


def test_no_link_uses_a_script_or_data_url(poisoned: BuiltSite) -> None:
    for file in html_pages(poisoned.site):
        for ref in parse_page(file).refs:
            scheme = ref.url.strip().split(":", 1)[0].lower() if ":" in ref.url else ""
            assert scheme not in ("javascript", "data", "vbscript"), (file, ref)


def test_a_mentor_link_with_a_hostile_name(poisoned: BuiltSite, browser: Browser) -> None:
    watch = Watch(browser, poisoned.base)
    try:
        for name in PAYLOADS[:4]:
            url = f"{poisoned.base}onboarding/sales-representative/?name={quote(name)}&start=2026-12-07"
            page = watch.visit(url)
            assert name.strip() in page.locator(".path-plan-who").inner_text()  # shown as text
            assert watch.pwned() == 0
        assert watch.dialogs == []
    finally:
        watch.context.close()


def test_a_progress_link_with_hostile_content(poisoned: BuiltSite, browser: Browser) -> None:
    (data,) = (poisoned.site / "assets").glob("handbook-data.*.js")
    handbook_id = json.loads(
        data.read_text(encoding="utf-8").removeprefix("window.HandbookData = ").rstrip(";\n")
    )["id"]
    payload = {
        "v": 1,
        "h": handbook_id,
        "p": "sales-representative",
        "n": PAYLOADS[1],
        "s": "2026-12-07",
        "i": ["path:sales-representative/read-role", "<img src=x onerror=alert(1)>"],
        "q": {},
    }
    clean = dict(payload, i=["path:sales-representative/read-role"])
    watch = Watch(browser, poisoned.base)
    try:
        for data in (payload, clean):
            encoded = base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")
            page = watch.visit(f"{poisoned.base}onboarding/sales-representative/#progress={encoded}")
            assert watch.pwned() == 0
        assert PAYLOADS[1] in page.locator(".path-plan-who").inner_text()
        assert watch.dialogs == []
    finally:
        watch.context.close()
