"""Progress in the browser is never lost silently, tested in real Chromium.

A full browser storage says so at once and hands the reader a progress link; two tabs
merge their ticks instead of overwriting each other; damaged or foreign records are set
aside (several copies, bounded) or, when even that fails, offered to copy; dates out of
any sane range in links are refused. The default handbook is the test session's one build (tests/conftest.py).
"""

from __future__ import annotations

import base64
import json
import re

from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.site_support import BuiltSite

STAGE = "customer-communication"
ITEM = f'li[data-item="{STAGE}/choose-contact-channel"]'
OTHER_ITEM = f'li[data-item="{STAGE}/adapt-contact-script"]'
PATH = "sales-representative"
BOX = " input[type=checkbox]"

# Fills the origin's localStorage to the last character: halving chunks until none fits.
FILL_STORAGE = """() => {
  let chunk = "x".repeat(1 << 20), n = 0;
  while (chunk.length) {
    try { localStorage.setItem("filler:" + n++, chunk); } catch (e) { chunk = chunk.slice(0, chunk.length >> 1); }
  }
}"""
FREE_STORAGE = """() => Object.keys(localStorage).filter(k => k.startsWith("filler:"))
  .forEach(k => localStorage.removeItem(k))"""
SET_ASIDE = """k => Object.keys(localStorage).filter(n => n.startsWith(k + ":set-aside"))
  .sort().map(n => localStorage.getItem(n))"""


def open_page(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return page


def tick(page: Page, item: str) -> None:
    page.locator(f"{item} label.task-list-control").click()


def store_key(page: Page) -> str:
    return str(page.evaluate("'sales-handbook:' + window.HandbookData.id"))


def handbook_id(page: Page) -> str:
    return store_key(page).removeprefix("sales-handbook:")


def put(page: Page, key: str, value: str) -> None:
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, value])


def progress_link(url: str, payload: dict[str, object]) -> str:
    data = json.dumps(payload).encode("utf-8")
    return url + "#progress=" + base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


# --- a write that fails ------------------------------------------------------------------


def test_a_tick_that_cannot_be_saved_says_so_and_offers_a_progress_link(
    built: BuiltSite, browser: Browser, context: BrowserContext
) -> None:
    page = open_page(context, built.url("en", f"stages/{STAGE}/"))
    page.evaluate(FILL_STORAGE)
    tick(page, ITEM)
    alert = page.locator(".hb-notice[role=alert]")
    expect(alert).to_contain_text("Your progress could not be saved in this browser")
    link = alert.locator(".hb-copy-field").input_value()
    assert "#progress=" in link
    expect(alert.get_by_role("button", name="Copy")).to_be_visible()

    # Another page, reached by instant navigation, still shows the tick: and says it is unsaved.
    page.locator(".md-nav__link", has_text="Market analysis and customer identification").first.click()
    page.wait_for_url(re.compile(r"/stages/market-analysis/$"))
    expect(page.locator(".hb-notice[role=alert]")).to_contain_text("could not be saved")
    page.go_back(wait_until="networkidle")
    page.reload(wait_until="networkidle")
    expect(page.locator(ITEM + BOX)).not_to_be_checked()  # not saved, and it does not pretend

    other = browser.new_context()
    try:
        viewer = open_page(other, link)
        expect(viewer.locator(ITEM + BOX)).to_be_checked()
        viewer.get_by_role("button", name="Import into this browser").click()
        viewer.wait_for_load_state("networkidle")
        viewer.reload(wait_until="networkidle")
        expect(viewer.locator(ITEM + BOX)).to_be_checked()
        expect(viewer.locator(ITEM + BOX)).to_be_enabled()
    finally:
        other.close()


def test_once_there_is_room_again_every_tick_is_saved(built: BuiltSite, context: BrowserContext) -> None:
    page = open_page(context, built.url("en", f"stages/{STAGE}/"))
    page.evaluate(FILL_STORAGE)
    tick(page, ITEM)
    notice = page.locator(".hb-unsaved")
    expect(notice).to_have_attribute("role", "alert")
    page.evaluate(FREE_STORAGE)
    tick(page, OTHER_ITEM)
    expect(notice.locator(".hb-notice-text")).to_have_text("Your progress is saved in this browser again.")
    expect(notice.locator(".hb-copy-field")).to_be_hidden()
    expect(notice).to_have_attribute("role", "status")
    page.reload(wait_until="networkidle")
    expect(page.locator(ITEM + BOX)).to_be_checked()
    expect(page.locator(OTHER_ITEM + BOX)).to_be_checked()


def test_blocked_storage_is_reported_in_chinese(built: BuiltSite, browser: Browser) -> None:
    ctx = browser.new_context()
    ctx.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };"
    )
    try:
        page = open_page(ctx, built.url("zh", f"stages/{STAGE}/"))
        tick(page, ITEM)
        expect(page.locator(".hb-notice[role=alert]")).to_contain_text(
            "进度未能保存到本浏览器：浏览器存储空间已满或已被禁用。"
        )
        expect(page.get_by_role("button", name="复制")).to_be_visible()
    finally:
        ctx.close()


# --- two tabs ------------------------------------------------------------------------------


def test_two_tabs_merge_their_ticks(built: BuiltSite, context: BrowserContext) -> None:
    url = built.url("en", f"stages/{STAGE}/")
    first, second = open_page(context, url), open_page(context, url)
    tick(first, ITEM)
    tick(second, OTHER_ITEM)  # this tab had not seen the first tab's tick
    expect(first.locator(OTHER_ITEM + BOX)).to_be_checked()  # taken in without a reload
    expect(second.locator(ITEM + BOX)).to_be_checked()
    tick(second, ITEM)  # an untick is a change too: the newer one wins
    expect(first.locator(ITEM + BOX)).not_to_be_checked()
    for page in (first, second):
        page.reload(wait_until="networkidle")
        expect(page.locator(ITEM + BOX)).not_to_be_checked()
        expect(page.locator(OTHER_ITEM + BOX)).to_be_checked()


# --- damaged and foreign records -------------------------------------------------------------


def test_each_damaged_record_gets_its_own_copy_and_the_copies_are_bounded(
    built: BuiltSite, context: BrowserContext
) -> None:
    page = open_page(context, built.url("en", f"stages/{STAGE}/"))
    key = store_key(page)
    damaged = [f"{{damaged record {n}" for n in range(7)]
    for n, garbage in enumerate(damaged):
        put(page, key, garbage)
        page.reload(wait_until="networkidle")
        expect(page.locator(".hb-notice")).to_contain_text("set aside")
        copies = page.evaluate(SET_ASIDE, key)
        assert sorted(copies) == sorted(damaged[max(0, n - 4) : n + 1]), copies
    tick(page, ITEM)
    page.reload(wait_until="networkidle")
    expect(page.locator(ITEM + BOX)).to_be_checked()


def test_a_record_that_cannot_be_set_aside_is_offered_to_copy(
    built: BuiltSite, context: BrowserContext
) -> None:
    page = open_page(context, built.url("en", f"stages/{STAGE}/"))
    key = store_key(page)
    tampered = json.dumps({"v": 2, "h": handbook_id(page), "items": "oops", "plans": {}})
    put(page, key, tampered)
    page.evaluate(FILL_STORAGE)
    page.reload(wait_until="networkidle")
    alert = page.locator(".hb-notice[role=alert]")
    expect(alert).to_contain_text("It could not be set aside, because this browser's storage is full")
    assert alert.locator("textarea.hb-copy-field").input_value() == tampered
    assert page.evaluate(SET_ASIDE, key) == []
    assert page.evaluate("k => localStorage.getItem(k)", key) == tampered  # not replaced unseen


def test_another_handbooks_record_is_noticed_and_set_aside(built: BuiltSite, context: BrowserContext) -> None:
    page = open_page(context, built.url("en", f"stages/{STAGE}/"))
    key = store_key(page)
    theirs = json.dumps(
        {"v": 2, "h": "another-handbook", "items": {f"{STAGE}/choose-contact-channel": [1, 1]}}
    )
    put(page, key, theirs)
    page.reload(wait_until="networkidle")
    expect(page.locator(".hb-notice")).to_contain_text(
        "belongs to another handbook (another-handbook); it was set aside"
    )
    expect(page.locator(ITEM + BOX)).not_to_be_checked()
    assert page.evaluate(SET_ASIDE, key) == [theirs]
    stored = json.loads(page.evaluate("k => localStorage.getItem(k)", key))
    assert stored["h"] == handbook_id(page)


# --- dates in links ---------------------------------------------------------------------------


def test_an_assignment_starting_9999_12_31_is_refused(built: BuiltSite, context: BrowserContext) -> None:
    page = open_page(context, built.url("en", f"onboarding/{PATH}/") + "?name=Li+Lei&start=9999-12-31")
    expect(page.locator(".hb-notice")).to_contain_text(
        "The start date 9999-12-31 in this link is not between the years 2000 and 2100"
    )
    expect(page.locator(".is-overdue")).to_have_count(0)
    expect(page.locator(".task-due")).to_have_count(0)
    assert page.evaluate("k => localStorage.getItem(k)", store_key(page)) is None

    zh = open_page(context, built.url("zh", f"onboarding/{PATH}/") + "?name=Li&start=1999-12-31")
    expect(zh.locator(".hb-notice")).to_contain_text(
        "此链接中的入职日期 1999-12-31 不在 2000 年至 2100 年之间"
    )


def test_a_progress_link_starting_9999_12_31_is_refused(built: BuiltSite, context: BrowserContext) -> None:
    page = open_page(context, built.url("en", f"onboarding/{PATH}/"))
    payload = {"v": 1, "h": handbook_id(page), "p": PATH, "n": "X", "s": "9999-12-31", "i": [], "q": {}}
    viewer = open_page(context, progress_link(built.url("en", f"onboarding/{PATH}/"), payload))
    expect(viewer.locator(".hb-notice")).to_contain_text("The start date 9999-12-31 in this link")
    expect(viewer.locator(".is-overdue")).to_have_count(0)
    expect(viewer.locator(".path-import")).to_be_hidden()


def test_the_mentor_cannot_make_a_link_for_a_far_off_year(built: BuiltSite, context: BrowserContext) -> None:
    page = open_page(context, built.url("en", "onboarding/assign/"))
    form = page.locator("form.path-assign")
    form.locator("select[name=path]").select_option(PATH)
    form.locator("input[name=name]").fill("Li Lei")
    form.locator("input[name=start]").fill("2999-01-04")
    form.locator("button[type=submit]").click()
    expect(form.locator(".path-assign-status")).to_have_text("Choose a start date between 2000 and 2100.")
    expect(form.locator("input[name=link]")).to_have_value("")
