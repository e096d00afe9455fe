"""What a reader gets from a built site: the weight of its pages and files, and the bytes a
search downloads, measured in Chromium on the site served from a local folder.

    python benchmarks/reader.py SITE_DIR      # prints the figures of a built site
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    from benchmarks.search_bytes import first_query, type_query
except ModuleNotFoundError:  # run as a script
    from search_bytes import first_query, type_query  # type: ignore[no-redef]

CHROMIUM = "/usr/bin/chromium"
# Words of the synthetic handbook (benchmarks/synth.py): renewal, gross margin, forecast.
# The first is the reader's first query; the others follow in the same page.
QUERIES = {"zh": ("续约", "毛利", "预测"), "en": ("renewal", "margin", "forecast")}
TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


@dataclass
class SearchFigures:
    """Bytes downloaded per query, in the order typed: the first pays for the search's script."""

    queries: list[tuple[str, int, int]] = field(default_factory=list)  # (query, bytes, results)

    @property
    def first(self) -> int:
        return self.queries[0][1] if self.queries else 0


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Compressing(_Quiet):
    """Text sent gzipped to a browser that accepts it, as web servers in production do."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wanted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wanted and path.is_file() and path.suffix in TEXT):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def served(site: Path, compress: bool = False) -> Iterator[str]:
    """Serve ``site`` on a free localhost port: as ``python -m http.server`` does (no
    compression), or with ``compress`` as a production web server does (gzip)."""
    handler = functools.partial(_Compressing if compress else _Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.block_on_close = False  # a browser may keep its connection open past the run
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def search_figures(site: Path, folders: dict[str, str]) -> dict[str, SearchFigures]:
    """Per language (``folders``: language -> its folder in ``site``), the bytes per query."""
    from playwright.sync_api import sync_playwright

    figures: dict[str, SearchFigures] = {}
    with served(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            for lang, folder in folders.items():
                words = QUERIES.get(lang, QUERIES["en"])
                url = f"{base}{folder}"
                figures[lang] = _queries(browser, url, words)
        finally:
            browser.close()
    return figures


def _queries(browser: Any, url: str, words: tuple[str, ...]) -> SearchFigures:
    figures = SearchFigures()
    first = first_query(browser, url, words[0])
    figures.queries.append((first.query, first.bytes, first.results))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        type_query(page, words[0])
        for word in words[1:]:
            page.locator(".hb-search .md-search__input").fill("")
            done = type_query(page, word)
            figures.queries.append((word, done.bytes, done.results))
    finally:
        context.close()
    return figures


def largest_files(site: Path, limit: int = 3) -> list[tuple[str, int]]:
    """The largest files of the built site, largest first."""
    sizes = [(p.relative_to(site).as_posix(), p.stat().st_size) for p in site.rglob("*") if p.is_file()]
    return sorted(sizes, key=lambda item: -item[1])[:limit]


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python benchmarks/reader.py SITE_DIR", file=sys.stderr)
        return 2
    site = Path(argv[0])
    folders = {"en": ""} | ({"zh": "zh/"} if (site / "zh").is_dir() else {})
    for lang, figures in search_figures(site, folders).items():
        for query, size, results in figures.queries:
            print(f"search {lang} {query!r}: {size:,} B downloaded, {results} results shown")
    for name, size in largest_files(site):
        print(f"largest file: {name} {size:,} B")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
