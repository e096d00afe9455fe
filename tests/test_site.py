"""The built handbook as a reader gets it: every link resolves, nothing is loaded from
another host, axe finds no serious accessibility problem, and the browser-side features
(language switcher, script filter, KPI calculator, instant navigation) work; search has
its own tests (tests/test_search.py).

The default handbook is built once, with ``handbook build``, into a temporary folder
(see :mod:`tests.site_support`). The browser tests drive Debian's Chromium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

import tests.site_support as support
from generator.model.types import Text
from tests.site_support import (
    BuiltSite,
    css_urls,
    html_pages,
    is_remote,
    parse_page,
    require_chromium,
    resolve,
    zero_width_free,
)

LANGS = ("en", "zh")
RESOURCE_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}
AXE_BLOCKING = ("serious", "critical")


def sample_pages(built: BuiltSite) -> dict[str, str]:
    """One page of each kind that has behaviour or rich layout, as paths below a language."""
    hb = built.handbook
    return {
        "home": "",
        "stage": f"stages/{hb.ordered_stages()[0].id}/",
        "kpi": f"kpis/{hb.kpis[0].id}/",
        "role": f"roles/{hb.roles[0].id}/",
        "path": f"onboarding/{hb.onboarding_paths[0].id}/",
        "quiz": f"quizzes/{hb.quizzes[0].id}/",
    }


class Recorder:
    """A browser context that records every URL requested and refuses other hosts."""

    def __init__(self, browser: Browser, base: str, color_scheme: str = "light") -> None:
        self.context: BrowserContext = browser.new_context(
            viewport={"width": 1280, "height": 900},
            color_scheme=color_scheme,  # type: ignore[arg-type]
            service_workers="block",
        )
        self.requested: list[str] = []
        self.context.on("request", lambda request: self.requested.append(request.url))
        self.context.route(lambda url: not url.startswith(base), lambda route: route.abort())

    def open(self, url: str) -> Page:
        page = self.context.new_page()
        page.goto(url, wait_until="networkidle")
        return page


@pytest.fixture
def context(browser: Browser, built: BuiltSite) -> Iterator[Recorder]:
    recorder = Recorder(browser, built.base)
    yield recorder
    recorder.context.close()


# --- 1. every link and anchor resolves; everything in the model has its page -----------


def test_every_internal_link_and_anchor_resolves(built: BuiltSite) -> None:
    broken = []
    pages = html_pages(built.site)
    assert len(pages) > 40, f"only {len(pages)} pages were built"
    for page in pages:
        for ref in parse_page(page).refs:
            target = resolve(built.site, page, ref.url, built.base)
            if target is None:
                continue
            file, fragment = target
            where = f"{page.relative_to(built.site)}: <{ref.tag} {ref.attr}={ref.url!r}>"
            if not file.is_file():
                broken.append(f"{where}: no file {file.relative_to(built.site.parent)}")
            elif fragment and file.suffix == ".html" and fragment not in parse_page(file).ids:
                broken.append(f"{where}: no id {fragment!r} in {file.relative_to(built.site)}")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:40])


def language_of(built: BuiltSite, file: Path) -> str:
    rel = file.relative_to(built.site).as_posix()
    default = next(lang for lang, prefix in built.prefixes.items() if not prefix)
    return next(
        (lang for lang, prefix in built.prefixes.items() if prefix and rel.startswith(prefix)), default
    )


def test_links_stay_in_their_language(built: BuiltSite) -> None:
    """Only the language switcher (``hreflang``) leads to the other language's pages or assets."""
    crossing = []
    for page in html_pages(built.site):
        lang = language_of(built, page)
        for ref in parse_page(page).refs:
            target = resolve(built.site, page, ref.url, built.base)
            if target is None or ref.hreflang or not target[0].is_relative_to(built.site):
                continue
            if language_of(built, target[0]) != lang:
                crossing.append(f"{page.relative_to(built.site)}: <{ref.tag} {ref.attr}={ref.url!r}>")
    assert not crossing, (
        f"{len(crossing)} links into the other language (site_url of the language's build?):\n"
        + "\n".join(crossing[:40])
    )


def test_both_languages_have_the_same_pages(built: BuiltSite) -> None:
    def pages_of(lang: str) -> set[str]:
        folder = built.site / built.prefixes[lang]
        others = [built.site / p for code, p in built.prefixes.items() if p and code != lang]
        return {
            p.relative_to(folder).as_posix()
            for p in html_pages(folder)
            if not any(o in p.parents for o in others)
        }

    en, zh = pages_of("en"), pages_of("zh")
    assert en == zh, f"only in English: {sorted(en - zh)}; only in Chinese: {sorted(zh - en)}"


def expected_places(built: BuiltSite) -> list[tuple[str, str, str, Text]]:
    """(what, page, heading id or "" for the page's title, name) for everything that must be shown."""
    hb = built.handbook
    places = []
    for stage in hb.ordered_stages():
        places.append((f"stage {stage.id}", f"stages/{stage.id}/", "", stage.name))
        places.append((f"scripts of stage {stage.id}", f"scripts/{stage.id}/", "", stage.name))
        places.append((f"script group {stage.id}", "scripts/", f"stage-{stage.id}", stage.name))
    for script in hb.scripts:
        places.append(
            (f"script {script.id}", f"scripts/{script.stage}/", f"script-{script.id}", script.title)
        )
    places += [(f"role {r.id}", f"roles/{r.id}/", "", r.name) for r in hb.roles]
    places += [(f"KPI {k.id}", f"kpis/{k.id}/", "", k.name) for k in hb.kpis]
    places += [(f"tool {t.id}", "tools/", f"tool-{t.id}", t.name) for t in hb.tools]
    places += [(f"meeting {m.id}", "meetings/", f"meeting-{m.id}", m.name) for m in hb.meetings]
    places += [(f"onboarding path {p.id}", f"onboarding/{p.id}/", "", p.title) for p in hb.onboarding_paths]
    places += [(f"quiz {q.id}", f"quizzes/{q.id}/", "", q.title) for q in hb.quizzes]
    return places


@pytest.mark.parametrize("lang", LANGS)
def test_everything_in_the_model_has_a_page_or_section(built: BuiltSite, lang: str) -> None:
    missing = []
    places = expected_places(built)
    assert len(places) > 40
    for what, path, anchor, name in places:
        file = built.site / built.prefixes[lang] / path / "index.html"
        expected = " ".join(name.get(lang).split())
        if not file.is_file():
            missing.append(f"{what}: no page {path}")
            continue
        page = parse_page(file)
        shown = [page.headings.get(anchor, "")] if anchor else page.h1
        if not any(expected in heading for heading in shown):
            missing.append(f"{what}: {path}#{anchor} shows {shown!r}, not {expected!r}")
    assert not missing, "\n".join(missing)


# --- 2. offline: no resource from another host ----------------------------------------


def test_pages_reference_no_resource_on_another_host(built: BuiltSite) -> None:
    remote = []
    for page in html_pages(built.site):
        parsed = parse_page(page)
        for ref in parsed.refs:
            loads = ref.tag in ("script", "img", "iframe", "source", "audio", "video", "embed", "object") or (
                ref.tag == "link" and ref.rel & RESOURCE_RELS
            )
            if loads and is_remote(ref.url, built.base):
                remote.append(f"{page.relative_to(built.site)}: <{ref.tag} {ref.attr}={ref.url!r}>")
        remote += [
            f"{page.relative_to(built.site)}: style url({url})"
            for style in parsed.styles
            for url in css_urls(style)
            if is_remote(url, built.base)
        ]
    for css in sorted(built.site.rglob("*.css")):
        text = css.read_text(encoding="utf-8")
        remote += [
            f"{css.relative_to(built.site)}: {url}" for url in css_urls(text) if is_remote(url, built.base)
        ]
    assert not remote, "\n".join(remote)


def test_browser_requests_only_localhost(browser: Browser, built: BuiltSite, context: Recorder) -> None:
    for lang in LANGS:
        for path in sample_pages(built).values():
            context.open(built.url(lang, path)).close()
    assert context.requested, "the browser requested nothing"
    elsewhere = sorted({url for url in context.requested if not url.startswith(built.base)})
    assert not elsewhere, "requests to other hosts:\n" + "\n".join(elsewhere)


def test_the_offline_checks_see_remote_references(tmp_path: Path) -> None:
    """The checks above would notice a CDN script, a web font and a remote @import."""
    page = tmp_path / "index.html"
    page.write_text(
        '<link rel="stylesheet" href="https://cdn.example/x.css"><script src="//cdn.example/x.js"></script>'
        '<style>@font-face { src: url("https://fonts.example/f.woff2") }</style>'
        '<a href="https://example.com/">a link is not a resource</a>',
        encoding="utf-8",
    )
    parsed = parse_page(page)
    base = "http://127.0.0.1:1/"
    assert [r.url for r in parsed.refs if is_remote(r.url, base)][:2] == [
        "https://cdn.example/x.css",
        "//cdn.example/x.js",
    ]
    assert [u for s in parsed.styles for u in css_urls(s)] == ["https://fonts.example/f.woff2"]
    assert css_urls('@import "https://fonts.example/css";') == ["https://fonts.example/css"]
    assert not is_remote("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>", base)
    assert not is_remote(base + "assets/x.css", base)


# --- 3. accessibility -------------------------------------------------------------------


def blocking_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on ``page``, one line per element."""
    results = Axe().run(page).response
    found = []
    for violation in results["violations"]:
        if violation["impact"] not in AXE_BLOCKING:
            continue
        for node in violation["nodes"]:
            found.append(
                f"{violation['id']} ({violation['impact']}) at {' '.join(map(str, node['target']))}: "
                f"{node.get('failureSummary', violation['help'])}".replace("\n", " ")
            )
    return found


AXE_CASES = [
    (lang, kind, "light") for lang in LANGS for kind in ("home", "stage", "kpi", "role", "path", "quiz")
]
# Dark: the home page, and the pages with buttons (Material draws them in the primary colour).
AXE_CASES += [("en", kind, "dark") for kind in ("home", "path", "quiz")]


@pytest.mark.parametrize(("lang", "kind", "scheme"), AXE_CASES, ids=["-".join(case) for case in AXE_CASES])
def test_axe_finds_no_serious_violation(
    browser: Browser, built: BuiltSite, lang: str, kind: str, scheme: str
) -> None:
    recorder = Recorder(browser, built.base, scheme)
    try:
        page = recorder.open(built.url(lang, sample_pages(built)[kind]))
        assert page.evaluate("document.body.dataset.mdColorScheme") == (
            "slate" if scheme == "dark" else "default"
        )
        found = blocking_violations(page)
    finally:
        recorder.context.close()
    assert not found, "\n".join(found)


SEARCH_CASES = [("en", "rate", "light"), ("zh", "转化率", "light"), ("en", "rate", "dark")]
SEARCH_IDS = ["en-light", "zh-light", "en-dark"]


@pytest.mark.parametrize(("lang", "query", "scheme"), SEARCH_CASES, ids=SEARCH_IDS)
def test_axe_search_with_results(
    browser: Browser, built: BuiltSite, lang: str, query: str, scheme: str
) -> None:
    """The search dialog, open with results: its name, and the contrast of its texts."""
    recorder = Recorder(browser, built.base, scheme)
    try:
        page = recorder.open(built.url(lang))
        search(page, query)
        page.wait_for_timeout(400)  # let the results fade in, or contrast is measured mid-way
        found = blocking_violations(page)
    finally:
        recorder.context.close()
    assert not found, "\n".join(found)


# --- 4. behaviour in the browser --------------------------------------------------------


def search(page: Page, query: str) -> list[str]:
    """Type ``query`` into the search box; the texts of the results, as a reader sees them."""
    page.locator(".md-search__input").click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    return [zero_width_free(text) for text in results.all_inner_texts()]


def switch_language(page: Page, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={lang}]").click()


def test_language_switcher_keeps_the_page(built: BuiltSite, context: Recorder) -> None:
    kpi = next(k for k in built.handbook.kpis if k.id == "cost-rate")
    page = context.open(built.url("en", "kpis/cost-rate/"))
    switch_language(page, "zh")
    expect(page).to_have_url(built.url("zh", "kpis/cost-rate/"))
    expect(page.locator("h1")).to_contain_text(kpi.name.get("zh"))
    switch_language(page, "en")
    expect(page).to_have_url(built.url("en", "kpis/cost-rate/"))
    expect(page.locator("h1")).to_contain_text(kpi.name.get("en"))


@pytest.mark.parametrize("lang", LANGS)
def test_script_filter(built: BuiltSite, context: Recorder, lang: str) -> None:
    page = context.open(built.url(lang, "scripts/"))
    rows = page.locator(".md-content table tbody tr")
    visible = page.locator(".md-content table tbody tr:visible")
    total = rows.count()
    assert total > 1 and visible.count() == total
    form = page.locator("form.script-filter")
    expect(form).to_be_visible()
    channel = form.locator("select[name=channel]")
    option = channel.locator("option").nth(1).inner_text()
    channel.select_option(label=option)
    expect(visible).not_to_have_count(total)
    shown = visible.count()
    assert shown > 0
    assert set(visible.locator("td:nth-child(3)").all_inner_texts()) == {option}
    expect(form.locator("output")).to_contain_text(str(shown))
    channel.select_option(value="")
    expect(visible).to_have_count(total)
    expect(form.locator("output")).to_contain_text(str(total))


@pytest.mark.parametrize("lang", LANGS)
def test_kpi_calculator(built: BuiltSite, context: Recorder, lang: str) -> None:
    page = context.open(built.url(lang, "kpis/cost-rate/"))
    field = {
        name: page.locator(f"form.kpi-calculator input[name={name}]")
        for name in ("order_cost", "product_cost", "sales_cost", "service_cost", "sales_revenue")
    }
    result = page.locator("form.kpi-calculator output")
    field["order_cost"].fill("100")
    field["sales_revenue"].fill("200")
    expect(result).to_have_text("50%")  # percent, in the page's locale
    field["order_cost"].fill("")
    field["product_cost"].fill("60")
    field["sales_cost"].fill("25")
    field["service_cost"].fill("15")
    expect(result).to_have_text("50%")  # percent, in the page's locale
    field["sales_revenue"].fill("")
    expect(result).not_to_have_text("50%")


@pytest.mark.parametrize("lang", LANGS)
def test_instant_navigation(built: BuiltSite, context: Recorder, lang: str) -> None:
    """A click loads the next page into the same document, and our features start again on it."""
    hb = built.handbook
    page = context.open(built.url(lang, f"stages/{hb.ordered_stages()[0].id}/"))
    page.evaluate("window.__marker = 1")
    page.locator(".md-tabs__link[href*='kpis/']").click()
    expect(page).to_have_url(built.url(lang, "kpis/"))
    page.locator(".md-content a[href*='cost-rate/']").first.click()
    expect(page).to_have_url(built.url(lang, "kpis/cost-rate/"))
    assert page.evaluate("window.__marker") == 1, "the page was loaded in full: instant navigation is off"
    page.locator("form.kpi-calculator input[name=order_cost]").fill("100")
    page.locator("form.kpi-calculator input[name=sales_revenue]").fill("200")
    expect(page.locator("form.kpi-calculator output")).to_have_text("50%")


# --- 5. the MkDocs build ---------------------------------------------------------------


def test_build_printed_no_warning(built: BuiltSite) -> None:
    # `handbook build` runs `mkdocs build --strict`: a warning fails the build; none may be printed either.
    assert "WARNING" not in built.build_output, built.build_output
    for lang in LANGS:
        assert (built.site / built.prefixes[lang] / "index.html").is_file()


def test_site_url_matches_where_the_site_is_served(built: BuiltSite) -> None:
    """Material only navigates instantly to URLs in the sitemap, which come from site_url."""
    for lang in LANGS:
        sitemap = (built.site / built.prefixes[lang] / "sitemap.xml").read_text(encoding="utf-8")
        locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
        assert locations, f"{lang}: the sitemap is empty (no site_url)"
        wrong = [url for url in locations if not url.startswith(built.url(lang))]
        assert not wrong, (
            f"{lang}: sitemap URLs outside {built.url(lang)}: {wrong[:5]} (each language's build needs "
            f"site_url plus its own folder, as the published configuration has)"
        )


# --- a missing browser is an error, not a silent skip -------------------------------------


def test_missing_chromium_fails_the_browser_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(support, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.delenv(support.SKIP_BROWSER, raising=False)
    with pytest.raises(pytest.fail.Exception, match="is missing: install it"):
        require_chromium()


def test_missing_chromium_is_skipped_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(support, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.setenv(support.SKIP_BROWSER, "1")
    with pytest.raises(pytest.skip.Exception, match=f"{support.SKIP_BROWSER}=1"):
        require_chromium()
