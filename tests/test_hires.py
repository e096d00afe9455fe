"""A mentor's view of several hires, and a hire who starts alone, in real Chromium.

Hires send progress links; the mentor adds them to "My hires" (from the link's page or by
pasting several) and sees one table kept in the mentor's browser; opening a link does not
invite the mentor to merge it into their own progress.
"""

from __future__ import annotations

from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.site_support import BuiltSite
from tests.test_learning import PATH, open_page, tick

HIRES = "onboarding/hires/"


def progress_link_of(browser: Browser, built: BuiltSite, name: str, ticks: int, start: str = "") -> str:
    """A hire's progress link, made in the hire's own browser: a name typed on the path
    page (no mentor's link), a start date, ``ticks`` items ticked."""
    own = browser.new_context()
    try:
        page = open_page(own, built.url("en", f"onboarding/{PATH}/"))
        page.locator(".path-name").fill(name)
        page.locator(".path-name").press("Tab")
        if start:
            page.locator(".path-start").fill(start)
            page.wait_for_load_state("networkidle")
        items = page.locator(f'li[data-item^="path:{PATH}/"]')
        for n in range(ticks):
            tick(page, f'li[data-item="{items.nth(n).get_attribute("data-item")}"]')
        page.locator(".path-share").click()
        expect(page.locator(".path-share-status")).to_have_text("Link copied.")
        return page.locator(".path-share-link").input_value()
    finally:
        own.close()


def rows(page: Page) -> list[list[str]]:
    return [
        [cell.inner_text() for cell in row.locator("td").all()[:6]]
        for row in page.locator(".hires-table tbody tr").all()
    ]


def test_a_hire_who_starts_alone_names_themselves(built: BuiltSite, browser: Browser) -> None:
    link = progress_link_of(browser, built, "Han Meimei", ticks=1, start="2026-12-07")
    viewer = browser.new_context()
    try:
        page = open_page(viewer, link)
        expect(page.locator(".path-plan-who")).to_have_text(
            "Progress of Han Meimei, from a progress link: read-only."
        )
    finally:
        viewer.close()


def test_a_mentor_adds_a_link_from_its_page_not_into_their_own_progress(
    built: BuiltSite,
    browser: Browser,
    context: BrowserContext,
) -> None:
    link = progress_link_of(browser, built, "Li Lei", ticks=2, start="2020-01-06")
    page = open_page(context, link)
    add = page.locator(".path-hires")
    expect(add).to_be_visible()
    expect(add).to_have_class("md-button md-button--primary path-hires")
    expect(page.locator(".path-import")).not_to_have_class("md-button md-button--primary path-import")
    add.click()
    expect(page.locator(".path-hires-status")).to_have_text("Added to My hires.")
    hires = open_page(context, built.url("en", HIRES))
    total = hires.locator(f'.hires-paths ul[data-path="{PATH}"] li').count()
    [row] = rows(hires)
    assert row[0] == "Li Lei" and row[2] == f"2 / {total}"
    assert int(row[3]) == total - 2  # started in 2020: every open item is overdue
    assert row[5] != "never"
    # The mentor's own progress is untouched.
    own = open_page(context, built.url("en", f"onboarding/{PATH}/"))
    expect(own.locator(f'li[data-item^="path:{PATH}/"] input:checked')).to_have_count(0)


def test_several_links_pasted_make_one_table_that_survives_and_can_shrink(
    built: BuiltSite,
    browser: Browser,
    context: BrowserContext,
) -> None:
    links = [progress_link_of(browser, built, name, ticks=n) for name, n in (("张伟", 1), ("Wang Fang", 3))]
    page = open_page(context, built.url("en", HIRES))
    expect(page.locator(".hires-empty")).to_be_visible()
    page.locator("textarea[name=links]").fill("\n".join([*links, "https://example.com/#progress=eyJ2IjoxfQ"]))
    page.locator(".hires-add button[type=submit]").click()
    expect(page.locator(".hires-status")).to_have_text(
        "Not added: 1 of the pasted lines are not progress links of this handbook."
    )
    page.reload(wait_until="networkidle")
    table = rows(page)
    assert [(r[0], r[2].split(" /")[0], r[3]) for r in table] == [("张伟", "1", "—"), ("Wang Fang", "3", "—")]
    page.locator('.hires-table tr[data-hire="张伟"] .hires-remove').click()
    expect(page.locator(".hires-table tbody tr")).to_have_count(1)
    page.reload(wait_until="networkidle")
    assert [r[0] for r in rows(page)] == ["Wang Fang"]


def test_quiz_results_in_the_table_are_the_first_attempt(
    built: BuiltSite,
    browser: Browser,
    context: BrowserContext,
) -> None:
    from tests.test_learning import KPI_QUIZ, answer, questions

    own = browser.new_context()
    try:
        quiz = open_page(own, built.url("en", f"quizzes/{KPI_QUIZ}/"))
        quiz.locator(".quiz-exam").check()
        ids = questions(quiz)
        for question in ids:
            answer(quiz, question, right=False, built=built)
        quiz.locator(".quiz-submit").click()
        quiz.locator(".quiz-retake").click()
        for question in ids:
            answer(quiz, question, right=True, built=built)
        quiz.locator(".quiz-submit").click()
        path = open_page(own, built.url("en", f"onboarding/{PATH}/"))
        path.locator(".path-share").click()
        link = path.locator(".path-share-link").input_value()
    finally:
        own.close()
    page = open_page(context, built.url("en", HIRES))
    page.locator("textarea[name=links]").fill(link)
    page.locator(".hires-add button[type=submit]").click()
    expect(page.locator(".hires-status")).to_have_text("1 added.")
    [row] = rows(page)
    assert row[0] == "no name" and row[4] == "0 % not passed yet"


def test_axe_finds_no_serious_violation_on_my_hires(
    built: BuiltSite,
    browser: Browser,
    context: BrowserContext,
) -> None:
    from tests.test_site import blocking_violations

    link = progress_link_of(browser, built, "Zhao Lei", ticks=1, start="2026-12-07")
    for lang in ("en", "zh"):
        page = open_page(context, built.url(lang, HIRES))
        if lang == "en":
            page.locator("textarea[name=links]").fill(link)
            page.locator(".hires-add button[type=submit]").click()
        expect(page.locator(".hires-table tbody tr")).to_have_count(1)
        assert blocking_violations(page) == []
