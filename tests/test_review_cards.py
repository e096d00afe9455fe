"""The review session of a large handbook: its cards are on pages of their own, and the
session page fetches only the pages holding a card due today, then runs as usual.

The handbook is the minimal one with a quiz of more questions than a session page holds
(:data:`~generator.render.context.review.CARDS_PER_PAGE`), built with ``handbook build``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext

from generator.render.context.review import CARDS_PER_PAGE
from tests.conftest import MINIMAL
from tests.site_support import MORNING, BuiltSite, built_site, clocked_context

QUESTIONS = CARDS_PER_PAGE + 40


def _big_quiz() -> str:
    lines = [
        "quizzes:",
        "  - id: drill-hall",
        "    title: {en: Drill hall, zh: 练习场}",
        "    summary: {en: Many short questions., zh: 很多道小题。}",
        "    pass_mark: 80",
        "    questions:",
    ]
    for n in range(1, QUESTIONS + 1):
        lines += [
            f"      - id: hall-{n}",
            "        type: true-false",
            f"        prompt: {{en: 'Statement number {n} is true.', zh: 第 {n} 句话是对的。}}",
            f"        answer: {'true' if n % 2 else 'false'}",
            "        explanation: {en: Odd statements are true., zh: 单数句是对的。}",
            "        tests: [stage:prospecting]",
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    import shutil

    root = tmp_path_factory.mktemp("big") / "handbook"
    shutil.copytree(MINIMAL, root)
    (root / "quizzes" / "drill-hall.yaml").write_text(_big_quiz(), encoding="utf-8")
    with built_site(root, source=root) as site:
        yield site


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    with clocked_context(browser) as ctx:
        yield ctx


def _site_folder(site: BuiltSite) -> Path:
    return site.root / "site"


def test_the_cards_are_on_pages_of_their_own_and_the_session_page_stays_small(big: BuiltSite) -> None:
    folder = _site_folder(big) / "practice" / "review"
    pages = sorted(p.parent.name for p in folder.glob("cards-*/index.html"))
    assert pages == ["cards-1", "cards-2"]
    session = (folder / "index.html").read_text(encoding="utf-8")
    assert 'class="review-card"' not in session and session.count('class="review-chunk"') == 2
    assert (
        'data-url="cards-1/"' in session
        and "question:hall-1=" in session
        and f"question:hall-{QUESTIONS}=" in session
    )
    second = (folder / "cards-2" / "index.html").read_text(encoding="utf-8")
    assert f'data-card="question:hall-{QUESTIONS}"' in second and 'data-card="question:hall-1"' not in second
    assert "data-pagefind-ignore" in second  # readers find questions on the quiz pages


def test_a_due_card_comes_from_its_page_and_is_graded(big: BuiltSite, context: BrowserContext) -> None:
    last = f"hall-{QUESTIONS}"  # on the second card page; true-false, an even number: false
    page = context.new_page()
    page.goto(big.url("en", "quizzes/drill-hall/"))
    fieldset = page.locator(f"fieldset[data-question='{last}']")
    fieldset.locator("input[value='true']").check()  # wrong: back tomorrow
    fieldset.locator(".quiz-check").click()
    page.wait_for_function("() => Object.values(localStorage).some(v => v.includes('question:hall-'))")
    page.clock.set_system_time(MORNING + datetime.timedelta(days=1))
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(big.url("en", "practice/review/"))
    card = page.locator(".review-card:visible")
    card.wait_for()
    assert card.get_attribute("data-card") == f"question:{last}"
    assert [url for url in fetched if "/cards-" in url] == [big.url("en", "practice/review/cards-2/")]
    card.locator("input[value='false']").check()
    card.locator(".review-check").click()
    assert card.locator(".review-feedback").inner_text() == "Correct."
    quiz_link = card.locator("legend a")
    assert quiz_link.get_attribute("href") == big.url("en", "quizzes/drill-hall/")
    page.locator(".review-next").click()
    assert "Review done for today" in page.locator(".review-status").inner_text()
