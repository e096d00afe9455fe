"""Learning in the browser, tested as new hires and mentors use it, in real Chromium.

Checklists remember (reload, other language, instant navigation, keyboard only),
quizzes grade (wrong then right, pass and fail, exam mode, retake), the mentor's link
dates the path, a progress link travels to another browser, broken storage is set aside,
and checklists print as boxes. The default handbook is built once for the module.
"""

from __future__ import annotations

import datetime
import gzip
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from benchmarks.report import ASSETS_BYTES
from generator.render.minify import minified
from tests.site_support import BuiltSite, html_pages

ASSETS = Path(__file__).resolve().parent.parent / "generator" / "render" / "assets"
STAGE = "customer-communication"
ITEM = f'li[data-item="{STAGE}/choose-contact-channel"]'
PATH = "sales-representative"
KPI_QUIZ = "kpi-formulas"


def open_page(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    page.errors = errors  # type: ignore[attr-defined]
    return page


def tick(page: Page, item: str) -> None:
    page.locator(f"{item} label.task-list-control").click()


# --- checklists ---------------------------------------------------------------------


def test_tick_survives_a_reload(built: BuiltSite, context: BrowserContext) -> None:
    page = open_page(context, built.url("en", f"stages/{STAGE}/"))
    box = page.locator(f"{ITEM} input[type=checkbox]")
    expect(box).not_to_be_checked()
    tick(page, ITEM)
    expect(box).to_be_checked()
    progress = page.locator(f'.hb-progress:has(+ .checklist[data-checklist="{STAGE}"]) [role=status]')
    expect(progress).to_have_text(re.compile(r"^1 of \d+ done$"))
    page.reload(wait_until="networkidle")
    expect(box).to_be_checked()
    assert page.errors == []  # type: ignore[attr-defined]


def test_ticked_in_english_is_ticked_in_chinese(built: BuiltSite, context: BrowserContext) -> None:
    page = open_page(context, built.url("en", f"stages/{STAGE}/"))
    tick(page, ITEM)
    page.goto(built.url("zh", f"stages/{STAGE}/"), wait_until="networkidle")
    expect(page.locator(f"{ITEM} input[type=checkbox]")).to_be_checked()
    expect(
        page.locator(f'.hb-progress:has(+ .checklist[data-checklist="{STAGE}"]) [role=status]')
    ).to_have_text(re.compile(r"^已完成 1 / \d+$"))


def test_progress_survives_instant_navigation(built: BuiltSite, context: BrowserContext) -> None:
    page = open_page(context, built.url("en", f"stages/{STAGE}/"))
    tick(page, ITEM)
    page.evaluate("window.__stayed = true")
    page.locator(".md-nav__link", has_text="Market analysis and customer identification").first.click()
    page.wait_for_url(re.compile(r"/stages/market-analysis/$"))
    page.locator(".md-nav__link", has_text="Customer communication and needs discovery").first.click()
    page.wait_for_url(re.compile(rf"/stages/{STAGE}/$"))
    assert page.evaluate("window.__stayed === true"), "the page was reloaded, not navigated instantly"
    expect(page.locator(f"{ITEM} input[type=checkbox]")).to_be_checked()
    expect(page.locator(".hb-progress")).to_have_count(page.locator(".checklist").count())


def test_a_checklist_completed_by_keyboard_only(built: BuiltSite, context: BrowserContext) -> None:
    page = open_page(context, built.url("en", f"stages/{STAGE}/"))
    boxes = page.locator(f'.checklist[data-checklist="{STAGE}"] input[type=checkbox]')
    count = boxes.count()
    assert count >= 5
    boxes.first.focus()
    for index in range(count):
        expect(boxes.nth(index)).to_be_focused()
        page.keyboard.press("Space")
        expect(boxes.nth(index)).to_be_checked()
        page.keyboard.press("Tab")
        while index + 1 < count and not boxes.nth(index + 1).evaluate("b => b === document.activeElement"):
            page.keyboard.press("Tab")  # past the links in the item's line
    status = page.locator(f'.hb-progress:has(+ .checklist[data-checklist="{STAGE}"]) [role=status]')
    expect(status).to_have_text(f"{count} of {count} done")


def test_reset_clears_one_list(built: BuiltSite, context: BrowserContext) -> None:
    page = open_page(context, built.url("en", f"stages/{STAGE}/"))
    tick(page, ITEM)
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f'.hb-progress:has(+ .checklist[data-checklist="{STAGE}"]) .hb-reset').click()
    expect(page.locator(f"{ITEM} input[type=checkbox]")).not_to_be_checked()


def test_corrupted_storage_is_set_aside_and_the_page_still_works(
    built: BuiltSite, context: BrowserContext
) -> None:
    page = open_page(context, built.url("en", f"stages/{STAGE}/"))
    key = page.evaluate("'sales-handbook:' + window.HandbookData.id")
    for garbage in ["{not json", '{"v": 1, "items": "oops"}', "[1,2,3]", '{"v": 99}']:
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, garbage])
        page.reload(wait_until="networkidle")
        expect(page.locator(".hb-notice")).to_have_count(1)
        copies = page.evaluate(
            "k => Object.keys(localStorage).filter(n => n.startsWith(k + ':set-aside:'))"
            ".sort((a, b) => parseFloat(a.split(':').pop()) - parseFloat(b.split(':').pop()))"
            ".map(n => localStorage.getItem(n))",
            key,
        )
        assert copies[-1] == garbage
        tick(page, ITEM)
        expect(page.locator(f"{ITEM} input[type=checkbox]")).to_be_checked()
        page.evaluate("k => localStorage.removeItem(k)", key)
    assert page.errors == []  # type: ignore[attr-defined]


def test_tampered_values_are_dropped_not_trusted(built: BuiltSite, context: BrowserContext) -> None:
    page = open_page(context, built.url("en", f"stages/{STAGE}/"))
    key = page.evaluate("'sales-handbook:' + window.HandbookData.id")
    tampered = (
        '{"v":1,"items":{"' + STAGE + '/choose-contact-channel":"<img src=x onerror=alert(1)>",'
        '"../../etc":1},"quizzes":{"kpi-formulas":{"best":1e9}},"plans":{"x":{"start":"never"}}}'
    )
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, tampered])
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.reload(wait_until="networkidle")
    expect(page.locator(f"{ITEM} input[type=checkbox]")).not_to_be_checked()
    expect(page.locator(".hb-notice")).to_contain_text("set aside")
    assert dialogs == [] and page.errors == []  # type: ignore[attr-defined]


def test_a_record_of_the_first_format_keeps_every_tick(built: BuiltSite, context: BrowserContext) -> None:
    page = open_page(context, built.url("en", f"stages/{STAGE}/"))
    key = page.evaluate("'sales-handbook:' + window.HandbookData.id")
    old = '{"v": 1, "items": {"' + STAGE + '/choose-contact-channel": 1}}'
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, old])
    page.reload(wait_until="networkidle")
    expect(page.locator(f"{ITEM} input[type=checkbox]")).to_be_checked()
    expect(page.locator(".hb-notice")).to_have_count(0)
    assert page.errors == []  # type: ignore[attr-defined]


# --- quizzes ------------------------------------------------------------------------


def quiz_page(built: BuiltSite, context: BrowserContext) -> Page:
    return open_page(context, built.url("en", f"quizzes/{KPI_QUIZ}/"))


def key_of(built: BuiltSite, question: str) -> tuple[str, list[str], str]:
    """A question's type, right option ids and numeric value, from the model: the page has only hashes."""
    q = next(q for quiz in built.handbook.quizzes for q in quiz.questions if q.id == question)
    if q.type == "true-false":
        return q.type, ["true" if q.answer is True else "false"], ""
    if q.type == "numeric":
        return q.type, [], str(q.answer)
    return q.type, [o.id for o in q.options if o.correct], ""


def answer(page: Page, question: str, right: bool, built: BuiltSite) -> None:
    """Answer a question of the page right or wrong, knowing the key from the model."""
    q = page.locator(f'.quiz-question[data-question="{question}"]')
    kind, correct, value = key_of(built, question)
    if kind == "numeric":
        q.locator("input[type=number]").fill(value if right else str(float(value) + 10))
        return
    options = [o.get_attribute("value") or "" for o in q.locator("input").all()]
    wanted = set(correct) if right else {next(o for o in options if o not in correct)}
    for option in options:
        box = q.locator(f'input[value="{option}"]')
        if option in wanted:
            box.check()
        elif kind == "multiple":
            box.uncheck()


def questions(page: Page) -> list[str]:
    return [q.get_attribute("data-question") or "" for q in page.locator(".quiz-question").all()]


def test_wrong_then_right_with_explanation(built: BuiltSite, context: BrowserContext) -> None:
    page = quiz_page(built, context)
    first = questions(page)[1]
    q = page.locator(f'.quiz-question[data-question="{first}"]')
    expect(q.locator(".quiz-answer")).to_be_hidden()
    answer(page, first, right=False, built=built)
    q.locator(".quiz-check").click()
    expect(q.locator(".quiz-feedback")).to_have_text(re.compile("^Not quite"))
    expect(q).to_have_attribute("data-result", "incorrect")
    expect(q.locator(".quiz-answer")).to_be_visible()
    expect(q.locator(".quiz-answer a").first).to_have_attribute("href", re.compile(r"kpis/"))
    answer(page, first, right=True, built=built)
    q.locator(".quiz-check").click()
    expect(q.locator(".quiz-feedback")).to_have_text("Correct.")
    expect(q).to_have_attribute("data-result", "correct")


def test_the_first_attempt_is_recorded_and_a_perfect_retake_is_practice(
    built: BuiltSite, context: BrowserContext
) -> None:
    page = quiz_page(built, context)
    ids = questions(page)
    for index, question in enumerate(ids):
        answer(page, question, right=index == 0, built=built)
        page.locator(f'.quiz-question[data-question="{question}"] .quiz-check').click()
    first = round(100 / len(ids))
    expect(page.locator(".quiz-score")).to_contain_text("not passed yet")
    # The answers are shown now: correcting them and checking again does not change the attempt.
    for question in ids:
        answer(page, question, right=True, built=built)
        page.locator(f'.quiz-question[data-question="{question}"] .quiz-check').click()
    expect(page.locator(".quiz-score")).to_contain_text(
        f"Recorded result (first attempt): {first} %, not passed yet."
    )
    page.locator(".quiz-retake").click()
    for question in ids:
        answer(page, question, right=True, built=built)
        page.locator(f'.quiz-question[data-question="{question}"] .quiz-check').click()
    expect(page.locator(".quiz-score")).to_contain_text(f"Practice: 100 % of {len(ids)} questions")
    expect(page.locator(".quiz-score")).to_contain_text(
        f"Recorded result (first attempt): {first} %, not passed yet."
    )
    page.reload(wait_until="networkidle")
    expect(page.locator(".quiz-score")).to_have_text(
        f"Recorded result (first attempt): {first} %, not passed yet."
    )
    path = open_page(page.context, built.url("en", f"onboarding/{PATH}/"))
    line = path.locator(f'li[data-quiz="{KPI_QUIZ}"] .task-quiz').first
    expect(line).to_contain_text(f"first attempt): {first} %, not passed yet. (practice: 100 %)")


def test_exam_mode_grades_everything_at_once_shows_no_answer_and_locks(
    built: BuiltSite, context: BrowserContext
) -> None:
    page = quiz_page(built, context)
    page.locator(".quiz-exam").check()
    expect(page.locator(".quiz-check").first).to_be_hidden()
    ids = questions(page)
    for index, question in enumerate(ids):
        answer(page, question, right=index % 2 == 0, built=built)
    expect(page.locator(".quiz-answer").first).to_be_hidden()
    page.locator(".quiz-submit").click()
    right = (len(ids) + 1) // 2
    percent = round(right * 100 / len(ids))
    expect(page.locator(".quiz-score")).to_contain_text(f"Score: {percent} % of {len(ids)} questions")
    expect(page.locator('.quiz-question[data-result="correct"]')).to_have_count(right)
    expect(page.locator(".quiz-answer:visible")).to_have_count(0)
    expect(page.locator(".quiz-option.is-key")).to_have_count(0)
    expect(page.locator(".quiz-submit")).to_be_hidden()
    assert page.locator(".quiz-question input").evaluate_all("inputs => inputs.every(i => i.disabled)")


def test_the_page_source_names_no_answer_and_search_finds_no_explanation(built: BuiltSite) -> None:
    html = (built.site / "quizzes" / KPI_QUIZ / "index.html").read_text(encoding="utf-8")
    assert "data-correct" not in html and "data-value" not in html
    quiz = next(q for q in built.handbook.quizzes if q.id == KPI_QUIZ)
    numeric = next(q for q in quiz.questions if q.type == "numeric")
    key = re.search(rf'data-key="([0-9a-f]+)" data-question="{numeric.id}"', html)
    assert key and str(numeric.answer).encode().hex() not in key.group(1)
    # Search leaves the explanations out: Pagefind skips what data-pagefind-ignore marks
    # (tests/test_search.py searches for an answer and finds nothing).
    explanation = quiz.questions[0].explanation.get("en") or ""
    hidden = re.findall(
        r'<details class="quiz-answer"[^>]*data-pagefind-ignore="all"[^>]*>(.*?)</details>', html, re.S
    )
    assert explanation and any(explanation[:40] in block for block in hidden)


def test_passing_a_quiz_ticks_its_path_item(built: BuiltSite, context: BrowserContext) -> None:
    page = quiz_page(built, context)
    for question in questions(page):
        answer(page, question, right=True, built=built)
        page.locator(f'.quiz-question[data-question="{question}"] .quiz-check').click()
    expect(page.locator(".quiz-score")).to_contain_text("Recorded result (first attempt): 100 %, passed.")
    path = open_page(page.context, built.url("en", f"onboarding/{PATH}/"))
    expect(path.locator(f'li[data-quiz="{KPI_QUIZ}"] input[type=checkbox]').first).to_be_checked()


def test_retake_shuffles_the_options(built: BuiltSite, context: BrowserContext) -> None:
    page = quiz_page(built, context)
    group = page.locator(".quiz-question").first.locator(".quiz-options input")
    orders = set()
    for _ in range(8):
        orders.add(tuple(group.evaluate_all("inputs => inputs.map(i => i.value)")))
        page.locator(".quiz-retake").click()
    assert len(orders) > 1


# --- mentor assignment and progress links -------------------------------------------


def assignment_link(page: Page, name: str, start: str) -> str:
    form = page.locator("form.path-assign")
    form.locator("select[name=path]").select_option(PATH)
    form.locator("input[name=name]").fill(name)
    form.locator("input[name=start]").fill(start)
    form.locator("button[type=submit]").click()
    return form.locator("input[name=link]").input_value()


def due(page: Page, item: str) -> str:
    return page.locator(f'li[data-item="path:{PATH}/{item}"] .task-due').inner_text()


def test_mentor_link_shows_the_hire_and_the_right_dates(built: BuiltSite, context: BrowserContext) -> None:
    mentor = open_page(context, built.url("en", "onboarding/assign/"))
    link = assignment_link(mentor, "Li Lei", "2026-12-07")
    assert f"onboarding/{PATH}/" in link and "start=2026-12-07" in link
    hire = open_page(context, link)
    expect(hire.locator(".path-plan-who")).to_have_text("Plan for Li Lei, starting Dec 7, 2026.")
    path = built.handbook.onboarding_paths
    days = {i.id: (i.day or m.day) for p in path if p.id == PATH for m in p.milestones for i in m.items}
    start = datetime.date(2026, 12, 7)
    for item, day in [
        *list(days.items())[:: max(1, len(days) // 6)],
        max(days.items(), key=lambda kv: kv[1]),
    ]:
        expected = (start + datetime.timedelta(days=day - 1)).strftime(
            "%b %-d, %Y"
        )  # the page language's medium date
        assert f"due {expected}" in due(hire, item), (item, day)
    assert "?" not in hire.url  # the link's query is not left in the address bar


def test_overdue_items_are_marked(built: BuiltSite, context: BrowserContext) -> None:
    mentor = open_page(context, built.url("en", "onboarding/assign/"))
    hire = open_page(context, assignment_link(mentor, "Wang Fang", "2020-01-06"))
    first = hire.locator(f'li[data-item^="path:{PATH}/"]').first
    expect(first).to_have_class(re.compile("is-overdue"))
    first.locator("label.task-list-control").click()
    expect(first).not_to_have_class(re.compile("is-overdue"))


def test_progress_link_round_trip(built: BuiltSite, browser: Browser, context: BrowserContext) -> None:
    mentor = open_page(context, built.url("en", "onboarding/assign/"))
    hire = open_page(context, assignment_link(mentor, '张伟, "Zhang" <Wei>', "2026-12-07"))
    items = hire.locator(f'li[data-item^="path:{PATH}/"]')
    tick(hire, f'li[data-item="{items.nth(0).get_attribute("data-item")}"]')
    tick(hire, f'li[data-item="{items.nth(2).get_attribute("data-item")}"]')
    hire.locator(".path-share").click()
    link = hire.locator(".path-share-link").input_value()
    assert "#progress=" in link and len(link) < 4000

    other = browser.new_context()
    try:
        viewer = open_page(other, link)
        expect(viewer.locator(".path-plan-who")).to_have_text(
            'Progress of 张伟, "Zhang" <Wei>, from a progress link: read-only.'
        )
        boxes = viewer.locator(f'li[data-item^="path:{PATH}/"] input[type=checkbox]')
        expect(boxes.nth(0)).to_be_checked()
        expect(boxes.nth(1)).not_to_be_checked()
        expect(boxes.nth(2)).to_be_checked()
        expect(boxes.nth(0)).to_be_disabled()
        viewer.locator(".path-import").click()
        viewer.wait_for_load_state("networkidle")
        expect(viewer.locator(".path-plan-who")).to_have_text(
            'Plan for 张伟, "Zhang" <Wei>, starting Dec 7, 2026.'
        )
        expect(boxes.nth(2)).to_be_checked()
        expect(boxes.nth(2)).to_be_enabled()
    finally:
        other.close()


@pytest.mark.parametrize(
    "fragment",
    ["#progress=%%%", "#progress=" + "A" * 20000, "#progress=eyJ2IjoxfQ"],
    ids=["not-base64", "too-long", "wrong-shape"],
)
def test_a_damaged_progress_link_imports_nothing(
    built: BuiltSite, context: BrowserContext, fragment: str
) -> None:
    page = open_page(context, built.url("en", f"onboarding/{PATH}/") + fragment)
    expect(page.locator(".hb-notice")).to_contain_text("damaged")
    expect(page.locator(".path-import")).to_be_hidden()
    assert page.errors == []  # type: ignore[attr-defined]


# --- printing, weight and markup ----------------------------------------------------


def test_checklists_print_as_boxes(built: BuiltSite, context: BrowserContext) -> None:
    page = open_page(context, built.url("en", f"onboarding/{PATH}/"))
    page.locator(f'li[data-item^="path:{PATH}/"] label.task-list-control').first.click()
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".hb-reset").first).to_be_hidden()
    boxes = page.locator(f'li[data-item^="path:{PATH}/"] input[type=checkbox]')
    expect(boxes.first).to_be_visible()
    assert boxes.first.evaluate("b => b.checked") and not boxes.nth(1).evaluate("b => b.checked")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_our_javascript_and_css_stay_within_the_benchmarks_budget() -> None:
    """What a reader downloads of ours: every script and stylesheet, minified as the site
    ships them, gzipped as a web server sends them (third-party files under vendor/ aside)."""
    ours = [p for p in ASSETS.iterdir() if p.suffix in (".js", ".css")]
    total = sum(len(gzip.compress(minified(p), 9, mtime=0)) for p in ours)
    assert total <= ASSETS_BYTES, total


def test_no_inline_event_handlers_in_any_page(built: BuiltSite) -> None:
    handler = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
    offenders = [p for p in html_pages(built.site) if handler.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
