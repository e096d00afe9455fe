"""Practice in a real browser with a controlled clock: drills scored on their rubric come
back on the day FSRS says (after a reload, in the other language), quiz questions join the
schedule, drill results travel in progress links, the role view follows the reader, and
axe finds nothing serious on the new pages.

The clock is Playwright's (``context.clock``), in UTC, so a day is the same day for the
page and for the test.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page

from generator.model.entities import Question
from tests.site_support import MORNING, BuiltSite, clocked_context
from tests.test_site import blocking_violations

DRILLS = "practice/customer-communication/"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    with clocked_context(browser) as ctx:
        yield ctx


def at(page: Page, day: datetime.date, hour: int = 9) -> None:
    page.clock.set_system_time(datetime.datetime(day.year, day.month, day.day, hour, tzinfo=datetime.UTC))


def score_drill(drill: Locator, score: int) -> None:
    """Answer ``drill`` and score it ``score`` on every criterion."""
    drill.locator(".drill-answer").fill("Good morning, I'll keep it short: …")
    for criterion in drill.locator(".drill-criterion").all():
        criterion.locator(f"input[value='{score}']").check()
    drill.locator(".drill-save").click()


def score_first_drill(page: Page, score: int) -> str:
    """Score the page's first drill (in English); its script id."""
    drill = page.locator("section.drill").first
    score_drill(drill, score)
    assert "Score saved" in drill.locator(".drill-status").inner_text()
    return str(drill.get_attribute("data-drill"))


def fsrs_due_day(page: Page, rating: int) -> str:
    """The day ts-fsrs (as the page loads it) schedules a new card rated ``rating`` now."""
    return str(
        page.evaluate(
            """(rating) => {
              const f = FSRS.fsrs(FSRS.generatorParameters(HandbookPractice.PARAMETERS));
              const now = new Date();
              return HandbookPractice.dayOf(f.next(FSRS.createEmptyCard(now), now, rating).card.due.getTime());
            }""",
            rating,
        )
    )


def review_cards(page: Page) -> list[str]:
    return [str(c.get_attribute("data-card")) for c in page.locator(".review-card:visible").all()]


def test_a_scored_drill_comes_back_on_the_day_fsrs_says_and_not_before(
    context: BrowserContext, built: BuiltSite
) -> None:
    page = context.new_page()
    page.goto(built.url("en", DRILLS))
    script = score_first_drill(page, 4)  # 4 of 5: Good
    due = datetime.date.fromisoformat(fsrs_due_day(page, 3))
    # FSRS-6's default weights give a new card rated Good an interval of three days.
    assert due == datetime.date(2026, 12, 4)
    page.reload()
    assert "Last score 4 of 5" in page.locator("section.drill").first.locator(".drill-status").inner_text()

    at(page, due - datetime.timedelta(days=1), hour=23)
    page.goto(built.url("zh", "practice/review/"))
    assert review_cards(page) == []
    assert "今天没有需要复习的内容" in page.locator(".review-status").inner_text()
    page.goto(built.url("en"))
    assert "Nothing due for review today" in page.locator(".practice-due-text").first.inner_text()

    at(page, due, hour=0)
    page.goto(built.url("zh", "practice/review/"))
    assert review_cards(page) == [f"drill:{script}"]
    assert "本轮还剩 1 项" in page.locator(".review-status").inner_text()
    page.goto(built.url("en"))
    assert page.locator(".practice-due-text").first.inner_text() == "Due today for review: 1."


def test_a_review_session_reschedules_what_it_shows(context: BrowserContext, built: BuiltSite) -> None:
    page = context.new_page()
    page.goto(built.url("en", DRILLS))
    score_first_drill(page, 1)  # 1 of 5: Again, back tomorrow
    tomorrow = MORNING.date() + datetime.timedelta(days=1)
    assert fsrs_due_day(page, 1) == tomorrow.isoformat()
    at(page, tomorrow)
    page.goto(built.url("en", "practice/review/"))
    card = page.locator(".review-card:visible")
    assert card.count() == 1
    score_drill(card.locator("section.drill"), 5)
    page.locator(".review-next").click()
    assert "Review done for today" in page.locator(".review-status").inner_text()
    page.reload()
    assert review_cards(page) == []


def right_option(question: Question) -> str:
    """The key of a single-choice or true/false question, from the model: the page holds
    only its hash."""
    if question.type == "true-false":
        return "true" if question.answer is True else "false"
    return next(o.id for o in question.options if o.correct)


def test_a_quiz_question_answered_wrong_comes_back_tomorrow(
    context: BrowserContext, built: BuiltSite
) -> None:
    quiz = built.handbook.quizzes[0]
    question = next(q for q in quiz.questions if q.type in ("single", "true-false"))
    page = context.new_page()
    page.goto(built.url("en", f"quizzes/{quiz.id}/"))
    fieldset = page.locator(f"fieldset[data-question='{question.id}']")
    correct = right_option(question)
    wrong = fieldset.locator(f"input:not([value='{correct}'])").first
    wrong.check()
    fieldset.locator(".quiz-check").click()
    page.wait_for_function(
        "() => Object.keys(localStorage).some(k => k.endsWith(':practice') && localStorage[k].includes('question:'))"
    )
    at(page, MORNING.date() + datetime.timedelta(days=1))
    page.goto(built.url("en", "practice/review/"))
    assert review_cards(page) == [f"question:{question.id}"]
    card = page.locator(".review-card:visible")
    card.locator(f"input[value='{correct}']").check()
    card.locator(".review-check").click()
    assert card.locator(".review-feedback").inner_text() == "Correct."


def test_drill_results_travel_in_the_progress_link(context: BrowserContext, built: BuiltSite) -> None:
    page = context.new_page()
    page.goto(built.url("en", DRILLS))
    title = page.locator("section.drill .drill-title").first.inner_text()
    score_first_drill(page, 4)
    page.goto(built.url("en", "onboarding/sales-representative/"))
    page.locator(".path-share").click()
    link = page.locator(".path-share-link").input_value()
    mentor = context.browser.new_context(timezone_id="UTC") if context.browser else None
    assert mentor is not None
    try:
        view = mentor.new_page()
        view.goto(link)
        results = view.locator(".practice-view")
        assert f"{title}: 4 of 5 on 1 Dec 2026" in results.inner_text()
    finally:
        mentor.close()


def test_the_role_choice_leads_the_home_page_and_survives_navigation(
    context: BrowserContext, built: BuiltSite
) -> None:
    page = context.new_page()
    page.goto(built.url("en"))
    views = page.locator(".role-view")
    assert views.count() == len(built.handbook.roles)
    assert page.locator(".role-view:visible").count() == 0
    page.select_option(".role-select", "sales-manager")
    shown = page.locator(".role-view:visible")
    assert shown.get_attribute("data-role") == "sales-manager"
    assert "KPIs you are measured on" in shown.inner_text()
    page.locator(".md-tabs__link", has_text="Practice").click()  # instant navigation
    page.wait_for_url("**/practice/")
    page.go_back()
    page.wait_for_url(built.url("en"))
    assert page.locator(".role-view:visible").get_attribute("data-role") == "sales-manager"
    page.goto(built.url("zh"))
    assert page.locator(".role-view:visible").get_attribute("data-role") == "sales-manager"
    page.locator(".role-clear").click()
    assert page.locator(".role-view:visible").count() == 0
    page.reload()
    assert page.locator(".role-view:visible").count() == 0


def test_an_assignment_link_picks_the_role_of_its_path(context: BrowserContext, built: BuiltSite) -> None:
    page = context.new_page()
    page.goto(built.url("en", "onboarding/customer-service/?name=Ana&start=2026-12-01"))
    page.wait_for_function("() => !location.search")
    page.goto(built.url("en"))
    assert page.locator(".role-view:visible").get_attribute("data-role") == "customer-service"


def test_drawing_a_situation_focuses_a_drill(context: BrowserContext, built: BuiltSite) -> None:
    page = context.new_page()
    page.goto(built.url("en", DRILLS))
    page.locator(".practice-draw").click()
    assert page.evaluate("document.activeElement.classList.contains('drill-answer')")
    page.goto(built.url("en", "practice/"))
    page.locator(".practice-draw").click()
    page.wait_for_url("**/practice/*/#drill-*")


AXE_PAGES = [("en", "practice/"), ("zh", DRILLS), ("en", "practice/review/"), ("zh", "")]


@pytest.mark.parametrize(
    ("lang", "path"), AXE_PAGES, ids=[f"{lang}-{path or 'home'}" for lang, path in AXE_PAGES]
)
def test_axe_finds_nothing_serious_on_the_practice_pages(
    context: BrowserContext, built: BuiltSite, lang: str, path: str
) -> None:
    page = context.new_page()
    page.goto(built.url("en", DRILLS))
    score_first_drill(page, 1)  # due tomorrow: the review page then shows a card
    at(page, MORNING.date() + datetime.timedelta(days=1))
    page.goto(built.url(lang, path))
    if not path:
        page.select_option(".role-select", "sales-representative")
    found = blocking_violations(page)
    assert not found, "\n".join(found)


def test_the_printed_stage_page_is_a_role_play_sheet(context: BrowserContext, built: BuiltSite) -> None:
    page = context.new_page()
    page.goto(built.url("en", DRILLS))
    drill = page.locator("section.drill").first
    assert drill.locator(".drill-work").is_visible()
    assert not page.locator(".practice-sheet-head").is_visible()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert page.locator(".practice-sheet-head").is_visible()
    assert not drill.locator(".drill-work").is_visible()
    assert not page.locator(".practice-tools").is_visible()
    assert drill.locator(".drill-model p").first.is_visible(), "the mentor sees the model answer"
    assert drill.locator(".drill-scale input").first.is_visible(), "the boxes the mentor ticks"


def test_the_path_page_says_what_is_due_and_links_the_review(
    context: BrowserContext, built: BuiltSite
) -> None:
    page = context.new_page()
    page.goto(built.url("zh", DRILLS))
    score_drill(page.locator("section.drill").first, 1)
    at(page, MORNING.date() + datetime.timedelta(days=1))
    page.goto(built.url("zh", "onboarding/sales-representative/"))
    due = page.locator(".practice-due")
    assert due.locator(".practice-due-text").inner_text() == "今日待复习：1 项。"
    due.locator("a", has_text="开始复习").click()
    page.wait_for_url(built.url("zh", "practice/review/"))
    page.locator(".review-card:visible").wait_for()  # instant navigation: the page is set up after the URL
    assert len(review_cards(page)) == 1


def test_a_drill_changed_in_a_new_version_starts_again(context: BrowserContext, built: BuiltSite) -> None:
    page = context.new_page()
    page.goto(built.url("en", DRILLS))
    script = score_first_drill(page, 5)
    page.goto(built.url("en", "practice/review/"))
    assert review_cards(page) == []
    # What a new version does: the page's fingerprint differs from the one the score was saved on.
    page.evaluate(
        """(id) => {
          const key = Object.keys(localStorage).find((k) => k.endsWith(":practice"));
          const record = JSON.parse(localStorage[key]);
          record.cards["drill:" + id].fp = "0123456789";
          localStorage[key] = JSON.stringify(record);
        }""",
        script,
    )
    page.reload()
    assert review_cards(page) == [f"drill:{script}"]
    page.goto(built.url("en", DRILLS))
    assert "changed since you last scored it" in page.locator("section.drill").first.inner_text()


def test_a_retaken_quiz_question_is_reviewed_again(context: BrowserContext, built: BuiltSite) -> None:
    quiz = built.handbook.quizzes[0]
    question = next(q for q in quiz.questions if q.type in ("single", "true-false"))
    page = context.new_page()
    page.goto(built.url("en", f"quizzes/{quiz.id}/"))
    fieldset = page.locator(f"fieldset[data-question='{question.id}']")
    correct = right_option(question)
    fieldset.locator(f"input:not([value='{correct}'])").first.check()
    fieldset.locator(".quiz-check").click()
    page.locator(".quiz-retake").click()  # the same wrong answer again is a second review
    fieldset.locator(f"input:not([value='{correct}'])").first.check()
    fieldset.locator(".quiz-check").click()
    page.wait_for_function(
        "() => Object.values(localStorage).some(v => v.includes('\"question:') && v.includes('\"reps\":2'))"
    )
    at(page, MORNING.date() + datetime.timedelta(days=1))
    page.goto(built.url("en", "practice/review/"))
    assert review_cards(page) == [f"question:{question.id}"]
