"""What the browser-level tests share: the default handbook built once and served on
localhost, a crawler for the built HTML, and a headless Chromium that fails the test on
any console error or uncaught exception in a page (the fixtures are in ``conftest.py``).

The site is served where its ``site_url`` says (``http://127.0.0.1:<free port>/``):
Material's instant navigation only takes over links listed in the sitemap, whose URLs
come from ``site_url`` (their host is rewritten to the browser's, their port and path
are not), so a site served elsewhere silently falls back to full page loads.
"""

from __future__ import annotations

import datetime
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, WebError, sync_playwright

from generator.model.handbook import Handbook
from generator.validate import validate

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SKIP_BROWSER = "HANDBOOK_SKIP_BROWSER"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class LocalServer(http.server.ThreadingHTTPServer):
    """A test server on loopback whose close never waits for a browser's kept-alive
    connection (the session's Chromium outlives every module's server)."""

    daemon_threads = True
    block_on_close = False


@dataclass(frozen=True)
class BuiltSite:
    """The default handbook, built into ``root/site`` and served at ``base``."""

    root: Path
    base: str
    build_output: str
    handbook: Handbook
    prefixes: dict[str, str]  # language -> its folder in the site: "" or "zh/"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def url(self, lang: str, path: str = "") -> str:
        return f"{self.base}{self.prefixes[lang]}{path}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def folder_handler(folder: Path) -> Callable[..., http.server.BaseHTTPRequestHandler]:
    """A handler serving the files of ``folder``, as a static host does, without logging."""
    return functools.partial(_QuietHandler, directory=str(folder))


@contextmanager
def serving(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve with ``handler`` on a free loopback port until the block ends; the base URL."""
    server = LocalServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


def _with_site_url(mkdocs_yml: Path, site_url: str) -> None:
    text = mkdocs_yml.read_text(encoding="utf-8")
    line = f"site_url: {site_url}\n"
    text, count = re.subn(r"^site_url:.*\n", line, text, flags=re.M)
    if not count:
        text = text.rstrip("\n") + "\n\n" + line
    mkdocs_yml.write_text(text, encoding="utf-8")


# The morning the practice tests start on: a fixed clock, in UTC, so that a day is the same
# day for the page and for the test.
MORNING = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)


@contextmanager
def clocked_context(browser: Browser, time: datetime.datetime = MORNING) -> Iterator[BrowserContext]:
    """A fresh browser context whose clock (Playwright's) starts at ``time``, in UTC."""
    ctx = browser.new_context(timezone_id="UTC", locale="en-GB")
    ctx.clock.install(time=time)
    try:
        yield ctx
    finally:
        ctx.close()


def copy_handbook_files(dest: Path, source: Path = REPO) -> Path:
    """A handbook's own files (definitions, hand-written pages, mkdocs.yml) copied to ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("process", "quizzes", "docs"):
        shutil.copytree(source / name, dest / name)
    shutil.copy(source / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


@contextmanager
def built_site(root: Path, source: Path = REPO) -> Iterator[BuiltSite]:
    """Copy a handbook (the repository's by default) to ``root``, build it with ``handbook
    build`` and serve ``root/site`` on a free localhost port until the block ends."""
    if source != root:
        copy_handbook_files(root, source)
    # Bind first, so that the site can be built for the port it will be served on.
    handler = functools.partial(_QuietHandler, directory=str(root / "site"))
    server = LocalServer(("127.0.0.1", 0), handler)
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        _with_site_url(root / "mkdocs.yml", base)
        command = [sys.executable, "-m", "generator", "build", "--root", str(root)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=root, timeout=900)
        output = done.stdout + done.stderr
        assert done.returncode == 0, f"`handbook build` failed:\n{output}"
        result = validate(root)
        info = result.handbook.info
        assert info is not None
        prefixes: dict[str, str] = {
            lang: "" if lang == info.default_language else f"{lang}/" for lang in info.languages
        }
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield BuiltSite(root, base, output, result.handbook, prefixes)
        finally:
            server.shutdown()
            thread.join()
    finally:
        server.server_close()


def require_chromium() -> None:
    """Fail, loudly, when Chromium is missing; skip (reported) only when asked to."""
    if CHROMIUM.exists():
        return
    if os.environ.get(SKIP_BROWSER) == "1":
        pytest.skip(f"{CHROMIUM} is missing and {SKIP_BROWSER}=1: browser tests not run")
    pytest.fail(
        f"{CHROMIUM} is missing: install it (apt-get install -y chromium fonts-noto-cjk), "
        f"or set {SKIP_BROWSER}=1 to skip the browser tests knowingly",
        pytrace=False,
    )


class PageErrors:
    """Console errors and uncaught exceptions of every page in the contexts it watches.

    A test that provokes an error on purpose says which with :meth:`allow`; anything else
    fails it, so a broken script cannot pass unnoticed behind a test that looks elsewhere.
    """

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.allowed: list[re.Pattern[str]] = []

    def watch(self, context: BrowserContext) -> BrowserContext:
        context.on("console", self._console)
        context.on("weberror", self._uncaught)
        return context

    def allow(self, pattern: str) -> None:
        """Errors matching ``pattern`` (a regular expression) are expected in this test."""
        self.allowed.append(re.compile(pattern))

    def unexpected(self) -> list[str]:
        """What was seen since the last call and not allowed; starts afresh for the next test."""
        found = [error for error in self.seen if not any(p.search(error) for p in self.allowed)]
        self.seen, self.allowed = [], []
        return found

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location.get("url", "")
            self.seen.append(f"console error at {where}: {message.text}")

    def _uncaught(self, error: WebError) -> None:
        where = error.page.url if error.page else "a page"
        self.seen.append(f"uncaught error on {where}: {error.error}")


@contextmanager
def watched_chromium(errors: PageErrors) -> Iterator[Browser]:
    """Headless Chromium whose every context (and page) reports its errors to ``errors``."""
    require_chromium()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        open_context: Callable[..., BrowserContext] = browser.new_context

        def new_context(**options: Any) -> BrowserContext:
            return errors.watch(open_context(**options))

        def new_page(**options: Any) -> Page:  # its context ends with the browser
            return new_context(**options).new_page()

        browser.new_context = new_context  # type: ignore[method-assign]
        browser.new_page = new_page  # type: ignore[method-assign]
        try:
            yield browser
        finally:
            browser.close()


# --- crawling the built HTML -----------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A URL in a page: the element and attribute it is in, and the element's ``rel``."""

    tag: str
    attr: str
    url: str
    rel: frozenset[str]
    hreflang: str


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    refs: list[Ref] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)  # heading id -> its text
    h1: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)  # <style> contents and style="" values


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._heading: tuple[str, str, list[str]] | None = None  # tag, id, text so far
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if values.get("id"):
            self.page.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.page.ids.add(values["name"])
        rel = frozenset(values.get("rel", "").lower().split())
        for attr in ("href", "src", "data"):
            if values.get(attr):
                self.page.refs.append(Ref(tag, attr, values[attr], rel, values.get("hreflang", "")))
        if values.get("style"):
            self.page.styles.append(values["style"])
        if tag in HEADINGS and self._heading is None:
            self._heading = (tag, values.get("id", ""), [])
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if self._heading and tag == self._heading[0]:
            name, ident, parts = self._heading
            text = " ".join("".join(parts).split())
            if ident:
                self.page.headings[ident] = text
            if name == "h1":
                self.page.h1.append(text)
            self._heading = None
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._heading:
            self._heading[2].append(data)
        if self._in_style:
            self.page.styles.append(data)


@functools.cache
def parse_page(path: Path) -> ParsedPage:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def resolve(site: Path, page: Path, url: str, base: str) -> tuple[Path, str] | None:
    """The file and ``#fragment`` a URL in ``page`` points at, resolved as a browser does;
    ``None`` for another host or a scheme such as ``mailto:`` or ``data:``."""
    if url.startswith(base):
        url = "/" + url[len(base) :]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    here = "/" + page.relative_to(site).as_posix()
    path = unquote(urlsplit(urljoin(here, url)).path)
    target = site / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def is_remote(url: str, base: str) -> bool:
    """Whether ``url`` makes the browser contact a host other than the site's."""
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob", "about"):
        return False
    return bool(parts.netloc) and not url.startswith(base)


CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?['"]?([^'")\s;]+)""", re.I)


def css_urls(css: str) -> list[str]:
    """Every ``url(...)`` and ``@import`` target in a stylesheet."""
    urls = [next(group for group in m.groups() if group is not None) for m in CSS_URL.finditer(css)]
    return urls + [m[1] for m in CSS_IMPORT.finditer(css)]


def zero_width_free(text: str) -> str:
    """Text as a reader sees it: Chinese search text carries zero-width spaces between words."""
    return text.replace("\u200b", "")
