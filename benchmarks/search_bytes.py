"""What a reader downloads for a search, measured in Chromium.

Opens a page, then opens the search with its key and types a query, as a reader does, and
sums the bytes of every response from then until the results are shown: the search script,
its WebAssembly, the index chunks the query needs and the excerpts of the results shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Browser, Page, Response

RESULTS = ".hb-search .md-search-result__item"


@dataclass(frozen=True)
class SearchDownload:
    """One query's downloads: bytes in total, files fetched, and the results it showed."""

    query: str
    bytes: int
    files: list[tuple[str, int]]
    results: int


def first_query(browser: Browser, url: str, query: str) -> SearchDownload:
    """The downloads of the first query typed on ``url``, in a fresh browser context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        return type_query(page, query)
    finally:
        context.close()


def type_query(page: Page, query: str) -> SearchDownload:
    """Open the search with "/" (unless open) and type ``query``; count the downloads until done."""
    files: list[tuple[str, int]] = []

    def record(response: Response) -> None:
        try:
            files.append((response.url, len(response.body())))
        except Exception:  # a response without a body (a redirect): nothing downloaded
            files.append((response.url, 0))

    page.on("response", record)
    if not page.locator("#__search").is_checked():
        page.keyboard.press("/")
    page.locator(".hb-search .md-search__input").press_sequentially(query, delay=30)
    # Done when the count replaces the placeholder ("12 matching documents", or none).
    page.wait_for_function(
        "() => { const d = document.querySelector('.hb-search');"
        " return d.querySelector('.md-search-result__meta').textContent.trim() !== d.dataset.placeholder; }",
        timeout=15_000,
    )
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    return SearchDownload(query, sum(size for _, size in files), files, page.locator(RESULTS).count())
