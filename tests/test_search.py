"""Search as a reader uses it: the header's search box, answered by each language's Pagefind
index, in headless Chromium on the default handbook built with ``handbook build``.

It finds Chinese words inside sentences, shows results in the page's language only, opens
and moves with Material's keys, leads to the page with the words marked (with instant
navigation), downloads little and nothing from another host, and never shows quiz answers.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from benchmarks.search_bytes import RESULTS, first_query, type_query
from tests.site_support import BuiltSite

CHINESE_WORDS = ("复购率", "转化率")  # repurchase rate, conversion rate: inside sentences
WORD_IDS = ["repurchase-rate", "conversion-rate"]
FIRST_QUERY_BYTES = 300_000  # the target on the large handbook; the default one is smaller


@pytest.fixture
def page(browser: Browser, built: BuiltSite) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.route(lambda url: not url.startswith(built.base), lambda route: route.abort())
    yield context.new_page()
    context.close()
    elsewhere = [url for url in requested if not url.startswith(built.base)]
    assert not elsewhere, f"search asked another host: {elsewhere[:5]}"


def search(page: Page, query: str) -> list[str]:
    """Open the search with "/" and type ``query``; the result links' addresses."""
    type_query(page, query)
    return [link.get_attribute("href") or "" for link in page.locator(f"{RESULTS} a").all()]


def excerpts(page: Page) -> list[str]:
    return [text.replace("\u200b", "") for text in page.locator(f"{RESULTS} p").all_inner_texts()]


@pytest.mark.parametrize("word", CHINESE_WORDS, ids=WORD_IDS)
def test_chinese_search_finds_words_inside_sentences(built: BuiltSite, page: Page, word: str) -> None:
    page.goto(built.url("zh"), wait_until="networkidle")
    search(page, word)
    inside = re.compile(rf"[\u4e00-\u9fff，、]{re.escape(word)}|{re.escape(word)}[\u4e00-\u9fff，、]")
    texts = excerpts(page)
    assert any(inside.search(text) for text in texts), f"no excerpt has {word!r} inside a sentence: {texts}"
    marks = {m.replace("\u200b", "") for m in page.locator(f"{RESULTS} mark").all_inner_texts()}
    assert any(word in mark or mark in word for mark in marks), f"{word!r} is not highlighted: {marks}"


@pytest.mark.parametrize(("lang", "query"), [("en", "rate"), ("zh", "复购率")])
def test_results_are_in_the_language_of_the_page(built: BuiltSite, page: Page, lang: str, query: str) -> None:
    page.goto(built.url(lang), wait_until="networkidle")
    hrefs = search(page, query)
    assert hrefs
    folders = {other: f"/{prefix}" for other, prefix in built.prefixes.items() if prefix}
    for href in hrefs:
        assert href.startswith(f"/{built.prefixes[lang]}"), href
        others = [folder for other, folder in folders.items() if other != lang]
        assert not any(href.startswith(folder) for folder in others), f"{href}: another language's page"


def test_keys_open_move_and_close_the_search_like_materials(built: BuiltSite, page: Page) -> None:
    page.goto(built.url("en"), wait_until="networkidle")
    toggle = page.locator("#__search")
    page.keyboard.press("s")
    expect(toggle).to_be_checked()
    expect(page.locator(".hb-search .md-search__input")).to_be_focused()
    page.keyboard.press("Escape")
    expect(toggle).not_to_be_checked()
    search(page, "rate")
    page.keyboard.press("ArrowDown")
    expect(page.locator(f"{RESULTS} a").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(toggle).not_to_be_checked()


def test_a_result_leads_to_its_page_with_the_words_marked_by_instant_navigation(
    built: BuiltSite, page: Page
) -> None:
    page.goto(built.url("zh"), wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")  # survives instant navigation only
    search(page, "复购率")
    first = page.locator(f"{RESULTS} a").first
    target = first.get_attribute("href") or ""
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.split("#")[0] != built.url("zh"))
    expect(page.locator("#__search")).not_to_be_checked()
    assert "h=" in page.url, f"{page.url}: the searched words are not passed on (from {target})"
    expect(page.locator("[data-pagefind-body] mark.hb-found").first).to_be_visible()
    marked = {t.replace("\u200b", "") for t in page.locator("mark.hb-found").all_inner_texts()}
    assert marked <= {"复购率"}, marked
    assert page.evaluate("window.__sameDocument === true"), "the result link reloaded the whole page"


def test_first_chinese_query_downloads_little(built: BuiltSite, browser: Browser) -> None:
    done = first_query(browser, built.url("zh"), "复购率")
    assert done.results > 0
    assert all(url.startswith(built.base) for url, _ in done.files), done.files
    assert any("/pagefind/" in url for url, _ in done.files), "the query downloaded no index"
    assert done.bytes <= FIRST_QUERY_BYTES, f"{done.bytes:,} B: {done.files}"


def fragments(language_root: Path) -> dict[str, str]:
    """Each indexed page's text in one language, as Pagefind stored it (no word separators)."""
    texts = {}
    for path in (language_root / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        texts[fragment["url"]] = fragment["content"].replace("\u200b", "")
    return texts


def test_quiz_answers_and_explanations_are_not_indexed(built: BuiltSite) -> None:
    texts = fragments(built.site / built.prefixes["en"])
    quiz = built.handbook.quizzes[0]
    page = next(text for url, text in texts.items() if url.rstrip("/").endswith(f"quizzes/{quiz.id}"))
    question = quiz.questions[0]
    assert question.prompt.get("en").split()[0] in page  # the quiz page itself is indexed
    explanation = re.sub(r"\s+", " ", question.explanation.get("en")).strip()
    assert explanation[:40] not in page, "a quiz explanation is in the search index"


def test_every_built_file_is_under_a_megabyte(built: BuiltSite) -> None:
    large = [
        f"{p.relative_to(built.site)} ({p.stat().st_size:,} B)"
        for p in built.site.rglob("*")
        if p.is_file() and p.stat().st_size > 1_000_000
    ]
    assert not large, large


# --- what search engines read ----------------------------------------------------------


def meta_description(page: Path) -> str:
    found = re.search(r'<meta name="description" content="([^"]*)"', page.read_text(encoding="utf-8"))
    return found[1] if found else ""


def test_every_page_has_a_meta_description_from_its_summary(built: BuiltSite) -> None:
    pages = [p for p in built.site.rglob("*.html") if "pagefind" not in p.parts]
    missing = [str(p.relative_to(built.site)) for p in pages if not meta_description(p).strip()]
    assert not missing, f"pages without a meta description: {missing[:10]}"
    stage = built.handbook.ordered_stages()[0]
    described = meta_description(built.site / "stages" / stage.id / "index.html")
    assert described and described[:30] in re.sub(r"\s+", " ", stage.goal.get("en")), (
        described,
        stage.goal.get("en"),
    )
