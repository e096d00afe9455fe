"""Read and understood, in Chromium: a reader confirms pages in version 1.0.0; version 1.0.1
changes one of them; that one asks again, the others keep their confirmation; What's new
lists what it asks again; a progress link shows the hire's confirmations to the mentor.
"""

from __future__ import annotations

import io
import re
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.site_support import copy_handbook_files, folder_handler, serving
from tests.versions_support import edit, git, handbook

CHANGED = "negotiation-and-contract"  # an acknowledged stage whose goal 1.0.1 rewords
UNCHANGED = "order-and-after-sales"  # an acknowledged stage 1.0.1 leaves alone
BUTTON = "I have read and understood this version"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("acknowledge") / "handbook"
    root.mkdir()
    copy_handbook_files(root)
    (root / ".gitignore").write_text("/.handbook/\n/site/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Handbook Test")
    git(root, "config", "user.email", "handbook@example.invalid")
    git(root, "config", "commit.gpgsign", "false")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Process 1.0.0")
    first = handbook(root, "publish")
    assert first.returncode == 0, first.stdout + first.stderr
    stage = f"process/stages/4-{CHANGED}.yaml"
    edit(
        root, stage, "        Reach terms both sides", "        Protecting the margin, reach terms both sides"
    )
    edit(
        root, stage, "      zh: 在不突破价格底线的前提下，", "      zh: 在守住利润、不突破价格底线的前提下，"
    )
    edit(root, "process/handbook.yaml", "version: 1.0.0", "version: 1.0.1")
    git(root, "commit", "-q", "-am", "Process 1.0.1")
    second = handbook(root, "publish")
    assert second.returncode == 0, second.stdout + second.stderr
    return root


@pytest.fixture(scope="module")
def served(published: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("gh-pages")
    archive = subprocess.run(
        ["git", "archive", "--format=tar", "gh-pages"], cwd=published, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    with serving(folder_handler(folder)) as base:
        yield base


def test_whats_new_lists_the_confirmations_it_resets(published: Path) -> None:
    html = git(published, "show", "gh-pages:1.0.1/whats-new/index.html")
    section = html.split('id="acknowledgements-reset"')[1].split("<h2")[0]
    assert f"stages/{CHANGED}/" in section
    assert f"stages/{UNCHANGED}/" not in section and "guides/new-hires/" not in section
    zh = git(published, "show", "gh-pages:zh/1.0.1/whats-new/index.html")
    assert "需要重新确认阅读" in zh


def test_a_changed_page_asks_again_and_unchanged_pages_keep_their_confirmation(
    served: str, browser: Browser
) -> None:
    from playwright.sync_api import expect

    page = browser.new_page()
    for path in (f"stages/{CHANGED}/", f"stages/{UNCHANGED}/", "guides/new-hires/"):
        page.goto(f"{served}1.0.0/{path}")
        box = page.locator(".hb-ack")
        expect(box).to_have_attribute("data-ack-state", "open")
        box.get_by_role("button", name=re.compile("Read and understood")).click()
        expect(box).to_have_attribute("data-ack-state", "done")
        expect(box).to_contain_text("You confirmed on")
    page.reload()
    expect(page.locator(".hb-ack")).to_have_attribute("data-ack-state", "done")  # remembered

    page.goto(f"{served}1.0.1/stages/{CHANGED}/")
    box = page.locator(".hb-ack")
    expect(box).to_have_attribute("data-ack-state", "changed")
    expect(box).to_contain_text("This changed since you confirmed reading it")
    expect(box.get_by_role("button")).to_have_text(BUTTON)
    for path in (f"stages/{UNCHANGED}/", "guides/new-hires/"):
        page.goto(f"{served}1.0.1/{path}")
        expect(page.locator(".hb-ack")).to_have_attribute("data-ack-state", "done")
    # The same in Chinese: one confirmation for every language.
    page.goto(f"{served}zh/1.0.1/stages/{UNCHANGED}/")
    expect(page.locator(".hb-ack")).to_contain_text("确认阅读并理解此版本")

    # The hire's progress link carries the confirmations; the mentor sees them.
    page.goto(f"{served}1.0.1/onboarding/sales-representative/")
    listed = page.locator(".hb-ack-list")
    expect(listed).to_be_visible()
    expect(listed.locator(f'li[data-ack="stage:{CHANGED}"]')).to_have_attribute("data-ack-state", "changed")
    page.locator(".path-share").click()
    link = page.locator(".path-share-link").input_value()
    mentor = browser.new_context().new_page()
    mentor.goto(link)
    items = mentor.locator(".hb-ack-list li")
    expect(mentor.locator(f'.hb-ack-list li[data-ack="stage:{UNCHANGED}"]')).to_have_attribute(
        "data-ack-state", "done"
    )
    expect(mentor.locator(f'.hb-ack-list li[data-ack="stage:{CHANGED}"]')).to_contain_text(
        "changed since: to confirm again"
    )
    expect(items).to_have_count(3)
    # Confirming again clears the question.
    page.goto(f"{served}1.0.1/stages/{CHANGED}/")
    page.locator(".hb-ack").get_by_role("button", name=re.compile("Read and understood")).click()
    expect(page.locator(".hb-ack")).to_have_attribute("data-ack-state", "done")
