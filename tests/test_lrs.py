"""xAPI from the plain site, tested against a real learning record store.

A handbook whose configuration names an LRS (``handbook.lrs``) is built and served; Ralph
runs on loopback and accepts the site's origin (CORS). A hire named by the mentor's link
ticks an item and takes a quiz twice in Chromium; the test reads back what Ralph stored:
the item completed, the first attempt failed with its score, the retake as a practice
attempt. With the LRS down, statements wait in the browser and arrive once it is back.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from tests.lrs_support import PASSWORD, USER, Lrs, free_port, running_ralph
from tests.site_support import BuiltSite, PageErrors, built_site, copy_handbook_files
from tests.test_learning import KPI_QUIZ, PATH, answer, open_page, questions, tick


@pytest.fixture(scope="module")
def lrs_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BuiltSite, Lrs, Path]]:
    """The default handbook with an LRS configured, built and served, and Ralph for it."""
    source = tmp_path_factory.mktemp("source")
    copy_handbook_files(source)
    port = free_port()
    config = source / "process" / "handbook.yaml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["handbook"]["lrs"] = {"endpoint": f"http://127.0.0.1:{port}/xAPI/", "key": USER, "secret": PASSWORD}
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with built_site(tmp_path_factory.mktemp("site"), source) as site:
        folder = tmp_path_factory.mktemp("ralph")
        with running_ralph(folder, port, [site.base.rstrip("/")]) as lrs:
            yield site, lrs, folder


def wait_for(lrs: Lrs, found: Callable[[list[dict[str, Any]]], bool], **query: str) -> list[dict[str, Any]]:
    deadline = time.monotonic() + 20
    while True:
        stored = lrs.statements(**query)
        if found(stored) or time.monotonic() > deadline:
            return stored
        time.sleep(0.3)


def of(statements: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [s for s in statements if s["actor"].get("account", {}).get("name") == name]


def assigned(browser: Browser, site: BuiltSite, name: str) -> Page:
    context = browser.new_context()
    return open_page(context, site.url("en", f"onboarding/{PATH}/") + f"?name={name}&start=2026-12-07")


def test_ticks_and_quiz_attempts_reach_ralph(lrs_site: tuple[BuiltSite, Lrs, Path], browser: Browser) -> None:
    site, lrs, _ = lrs_site
    hire = assigned(browser, site, "Zhou Min")
    item = hire.locator(f'li[data-item^="path:{PATH}/"]').first.get_attribute("data-item")
    tick(hire, f'li[data-item="{item}"]')
    quiz = open_page(hire.context, site.url("en", f"quizzes/{KPI_QUIZ}/"))
    quiz.locator(".quiz-exam").check()
    ids = questions(quiz)
    for index, question in enumerate(ids):
        answer(quiz, question, right=index == 0, built=site)
    quiz.locator(".quiz-submit").click()
    quiz.locator(".quiz-retake").click()
    for question in ids:
        answer(quiz, question, right=True, built=site)
    quiz.locator(".quiz-submit").click()

    mine = of(wait_for(lrs, lambda s: len(of(s, "Zhou Min")) >= 4), "Zhou Min")
    verbs = sorted(s["verb"]["id"].rsplit("/", 1)[1] for s in mine)
    assert verbs == ["attempted", "completed", "completed", "failed"], (
        verbs
    )  # the retake's pass ticks the quiz item
    failed = next(s for s in mine if s["verb"]["id"].endswith("/failed"))
    assert failed["object"]["id"].endswith(f"/quiz/{KPI_QUIZ}")
    assert failed["result"]["score"]["raw"] == round(100 / len(ids)) and failed["result"]["success"] is False
    practice = next(s for s in mine if s["verb"]["id"].endswith("/attempted"))
    assert practice["result"]["score"]["raw"] == 100
    assert any(v is True for v in practice["context"]["extensions"].values())
    completed = [s["object"]["id"] for s in mine if s["verb"]["id"].endswith("/completed")]
    assert any(i.endswith("/item/" + item.replace(":", "%3A").replace("/", "%2F")) for i in completed), (
        completed
    )  # type: ignore[union-attr]
    hire.context.close()


def test_statements_wait_while_the_lrs_is_unreachable(
    lrs_site: tuple[BuiltSite, Lrs, Path], browser: Browser, page_errors: PageErrors
) -> None:
    site, lrs, _ = lrs_site
    page_errors.allow(r"xAPI/statements: Failed to load resource: net::ERR_FAILED")
    hire = assigned(browser, site, "Offline Hire")
    hire.context.route("**/xAPI/statements*", lambda route: route.abort())
    item = hire.locator(f'li[data-item^="path:{PATH}/"]').nth(1).get_attribute("data-item")
    tick(hire, f'li[data-item="{item}"]')
    hire.wait_for_timeout(500)
    pending = hire.evaluate(
        "k => JSON.parse(localStorage.getItem(k) || '[]').length",
        "sales-handbook:" + _handbook_id(hire) + ":xapi",
    )
    assert pending == 1
    expect(
        hire.locator(f'li[data-item="{item}"] input[type=checkbox]')
    ).to_be_checked()  # the page carried on
    hire.context.unroute("**/xAPI/statements*")
    hire.reload(wait_until="networkidle")
    stored = wait_for(
        lrs, lambda s: any(x["actor"].get("account", {}).get("name") == "Offline Hire" for x in s)
    )
    assert [
        s["verb"]["id"].rsplit("/", 1)[1]
        for s in stored
        if s["actor"].get("account", {}).get("name") == "Offline Hire"
    ] == ["completed"]
    hire.context.close()


def _handbook_id(page: Page) -> str:
    return str(page.evaluate("window.HandbookData.id"))


def test_a_confirmation_of_reading_reaches_ralph_with_the_version_confirmed(
    lrs_site: tuple[BuiltSite, Lrs, Path], browser: Browser
) -> None:
    site, lrs, _ = lrs_site
    hire = assigned(browser, site, "Li Na")
    page = open_page(hire.context, site.url("en", "stages/negotiation-and-contract/"))
    box = page.locator(".hb-ack")
    fingerprint = box.get_attribute("data-ack-fp")
    box.get_by_role("button", name=re.compile("Read and understood")).click()
    mine = of(wait_for(lrs, lambda s: any("/ack/" in x["object"]["id"] for x in of(s, "Li Na"))), "Li Na")
    accepted = [s for s in mine if s["verb"]["id"] == "http://activitystrea.ms/schema/1.0/accept"]
    assert len(accepted) == 1, [s["verb"]["id"] for s in mine]
    assert accepted[0]["object"]["id"].endswith("/ack/stage%3Anegotiation-and-contract")
    assert fingerprint and fingerprint in accepted[0]["result"]["extensions"].values()
    hire.context.close()
