"""The recorded first attempt cannot be improved by reading the answers first, in Chromium.

Practice mode shows the right answer after each check; each question's first answer is the
one the first attempt counts, through a retake, a switch to exam mode or a reload.
"""

from __future__ import annotations

from playwright.sync_api import BrowserContext, expect

from tests.site_support import BuiltSite
from tests.test_learning import KPI_QUIZ, answer, open_page, questions


def test_reading_answers_then_reloading_or_retaking_does_not_clean_the_first_attempt(
    built: BuiltSite,
    context: BrowserContext,
) -> None:
    page = open_page(context, built.url("en", f"quizzes/{KPI_QUIZ}/"))
    ids = questions(page)
    seen = ids[:2]
    for question in seen:
        answer(page, question, right=False, built=built)
        page.locator(f'.quiz-question[data-question="{question}"] .quiz-check').click()
    expect(page.locator(f'.quiz-question[data-question="{seen[0]}"] .quiz-key')).to_be_visible()
    page.reload(wait_until="networkidle")
    page.locator(".quiz-retake").click()
    page.locator(".quiz-exam").check()
    for question in ids:
        answer(page, question, right=True, built=built)
    page.locator(".quiz-submit").click()
    recorded = round((len(ids) - len(seen)) * 100 / len(ids))
    expect(page.locator(".quiz-score")).to_contain_text(f"Score: {recorded} % of {len(ids)} questions")
    expect(page.locator(".quiz-score")).to_contain_text(f"Recorded result (first attempt): {recorded} %")
