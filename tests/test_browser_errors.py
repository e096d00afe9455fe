"""The shared browser fails a test on a console error or an uncaught exception in any page."""

from __future__ import annotations

from playwright.sync_api import Browser

from tests.site_support import PageErrors

THROWS = "<script>console.error('boom'); throw new Error('bang');</script><p>done</p>"


def test_errors_of_any_page_are_seen(chromium: Browser, page_errors: PageErrors) -> None:
    page_errors.unexpected()
    page = chromium.new_context().new_page()
    page.set_content(THROWS)
    page.wait_for_timeout(100)  # events arrive asynchronously
    page.context.close()
    seen = page_errors.unexpected()
    assert any("console error" in e and "boom" in e for e in seen), seen
    assert any("uncaught error" in e and "bang" in e for e in seen), seen


def test_an_allowed_error_is_not_reported(chromium: Browser, page_errors: PageErrors) -> None:
    page_errors.unexpected()
    page_errors.allow("boom|bang")
    page = chromium.new_page()
    page.set_content(THROWS)
    page.wait_for_timeout(100)
    page.close()
    assert page_errors.unexpected() == []


def test_a_quiet_page_reports_nothing(browser: Browser, page_errors: PageErrors) -> None:
    page = browser.new_page()
    page.set_content("<p>quiet</p>")
    page.close()
    assert page_errors.seen == []
