"""``handbook publish``: two tagged versions of the default process published with mike into
the local gh-pages branch, each language under each version, with What's new, the version
on every page, Material's version selector and outdated banner; the refusals; progress
carried over from version 1 to version 2 in a browser.

Each version is built once (module-scoped fixture); the refusals stop before building.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, expect

from generator.export.model_json import model_data
from generator.publish.publish import PublishOptions, Refused, check_version
from generator.validate import validate
from tests.site_support import copy_handbook_files, folder_handler, serving
from tests.versions_support import (
    ADDED_QUESTION,
    CHANGED_ITEM,
    KPI,
    RENAMED_STEP,
    UNCHANGED_ITEM,
    TwoVersions,
    edit,
    git,
    handbook,
    two_versions,
)

VERSIONS = ("1.0.0", "1.1.0")
FOLDERS = {"en": "", "zh": "zh/"}  # where each language's versions are on the branch


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> TwoVersions:
    """v1.0.0 published from its tag, then v1.1.0 from main."""
    versions = two_versions(tmp_path_factory.mktemp("publish") / "handbook")
    root = versions.root
    git(root, "checkout", "-q", "v1.0.0")
    first = handbook(root, "publish")
    assert first.returncode == 0, first.stdout + first.stderr
    git(root, "checkout", "-q", "main")
    second = handbook(root, "publish")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Published 1.1.0 as latest to the gh-pages branch: 1.1.0/ (en), zh/1.1.0/ (zh)." in second.stderr
    return versions


def show(root: Path, path: str) -> str:
    return git(root, "show", f"gh-pages:{path}")


def exists(root: Path, path: str) -> bool:
    return bool(git(root, "ls-tree", "gh-pages", "--", path).strip())


def branch_head(root: Path) -> str:
    return git(root, "rev-parse", "gh-pages").strip()


# --- what the branch holds ------------------------------------------------------------


@pytest.mark.parametrize("lang", FOLDERS)
def test_versions_json_lists_both_with_latest_on_the_newer(published: TwoVersions, lang: str) -> None:
    entries = json.loads(show(published.root, f"{FOLDERS[lang]}versions.json"))
    assert [(e["version"], e["aliases"]) for e in entries] == [("1.1.0", ["latest"]), ("1.0.0", [])]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("lang", FOLDERS)
def test_both_languages_are_published_under_each_version(
    published: TwoVersions, lang: str, version: str
) -> None:
    folder = f"{FOLDERS[lang]}{version}"
    for page in ("index.html", "stages/market-analysis/index.html", "whats-new/index.html"):
        assert exists(published.root, f"{folder}/{page}"), f"{folder}/{page} is missing"
    html = show(published.root, f"{folder}/index.html")
    assert f'<html lang="{lang}"' in html
    # Every page shows the process version and its date, in the page's language.
    line = {"en": "Process version {v}, effective 2026-12-01", "zh": "流程版本 {v}，自 2026-12-01 起生效"}
    assert line[lang].format(v=version) in html
    # Material's version selector and outdated banner are on.
    assert '"version": {"default": "latest", "provider": "mike"}' in html
    assert {"en": "older version of this handbook", "zh": "旧版本"}[lang] in html


def test_each_version_keeps_the_model_it_was_published_from(published: TwoVersions) -> None:
    for version in VERSIONS:
        model = json.loads(show(published.root, f"{version}/handbook-model.json"))
        assert model["format"] == "sales-handbook-model"
        assert model["handbook"]["version"] == version


def test_aliases_and_the_default_are_redirects_not_symbolic_links(published: TwoVersions) -> None:
    listing = git(published.root, "ls-tree", "-r", "gh-pages")
    assert " 120000 " not in f" {listing}", "a symbolic link: some static hosts reject them"
    for folder in FOLDERS.values():
        assert 'url=../1.1.0/"' in show(published.root, f"{folder}latest/index.html")
        assert 'url=latest/"' in show(published.root, f"{folder}index.html")


def test_the_language_switcher_links_the_same_version(published: TwoVersions) -> None:
    en = show(published.root, "1.1.0/index.html")
    zh = show(published.root, "zh/1.1.0/index.html")
    assert re.search(r'href="[./]*\.\./zh/1\.1\.0/" hreflang="zh"', en)
    assert re.search(r'href="[./]*\.\./\.\./1\.1\.0/" hreflang="en"', zh)


# --- What's new -------------------------------------------------------------------------


def sections(html: str) -> dict[str, str]:
    """The What's new page's text per role section (keyed by the section's id)."""
    body = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
    body = body.split('<div class="md-source-file', 1)[0]  # the version line under the page
    parts = re.split(r'<h2 id="changes-([a-z0-9_-]+)"', body)
    text = {
        parts[i]: re.sub(r"<[^>]+>", "", parts[i + 1].split("</h2>", 1)[1])
        for i in range(1, len(parts) - 1, 2)
    }
    return {key: " ".join(value.split()) for key, value in text.items()}


def test_whats_new_of_the_second_version_shows_the_known_changes_by_role(published: TwoVersions) -> None:
    found = sections(show(published.root, "1.1.0/whats-new/index.html"))
    assert set(found) == {"sales-representative", "sales-manager", "customer-service", "everyone"}
    rep, manager = found["sales-representative"], found["sales-manager"]
    assert "Changed · Checklist item: Collect first-hand input through a short questionnaire" in rep
    assert "Added · Quiz question: A complete customer persona records" in rep
    assert f"Renamed · Step: Identify potential customer groups (id {RENAMED_STEP[0]} is now" in manager
    assert "Changed · KPI: Target achievement rate Targets: added “Reach at least 95 %" in manager
    assert "Checklist item" not in manager  # the changed item is the representative's
    assert found["customer-service"] == found["everyone"] == "Nothing changed here."
    html = show(published.root, "1.1.0/whats-new/index.html")
    assert "since version 1.0.0" in html and "version 1.1.0" in html
    assert f'href="../kpis/{KPI}/"' in html
    assert f'href="../quizzes/market-analysis/#q-{ADDED_QUESTION}"' in html


def test_whats_new_in_chinese(published: TwoVersions) -> None:
    found = sections(show(published.root, "zh/1.1.0/whats-new/index.html"))
    assert "修改 · 检查清单项：通过简短问卷调查" in found["sales-representative"]
    # The same text is short enough in Chinese to show before and after.
    assert "内容：通过问卷调查或用户访谈" in found["sales-representative"]
    assert "重命名 · 步骤：识别潜在客户群体" in found["sales-manager"]
    assert "目标值：新增 “季度销售目标达成率不低于 95%。”" in found["sales-manager"]


def test_whats_new_of_the_first_version_says_it_is_the_first(published: TwoVersions) -> None:
    assert "is the first published version" in show(published.root, "1.0.0/whats-new/index.html")
    assert "是本手册发布的第一个版本" in show(published.root, "zh/1.0.0/whats-new/index.html")


def test_a_plain_generate_has_no_whats_new_and_no_version_selector(published: TwoVersions) -> None:
    done = handbook(published.root, "generate")
    assert done.returncode == 0, done.stderr
    out = published.root / ".handbook"
    assert not (out / "docs/en/whats-new.md").exists()
    assert not (out / "docs/en/handbook-model.json").exists()
    config = yaml.safe_load((out / "mkdocs.en.yml").read_text(encoding="utf-8"))
    assert "version" not in config["extra"]


# --- refusals: each exits non-zero, says what to do, publishes nothing ------------------


def refused(root: Path, code: int, *needles: str, args: tuple[str, ...] = ()) -> None:
    before = branch_head(root)
    done = handbook(root, "publish", *args)
    assert done.returncode == code, done.stdout + done.stderr
    for needle in needles:  # the problems are on standard output, the refusal on standard error
        assert needle in done.stdout + done.stderr, done.stdout + done.stderr
    assert branch_head(root) == before, "a refused publication changed the branch"


def test_refuses_a_dirty_working_tree(published: TwoVersions) -> None:
    root = published.root
    try:
        edit(root, "process/kpis.yaml", "Reach at least 95 %", "Reach at least 96 %")
        refused(root, 2, "the working tree has uncommitted changes", "M process/kpis.yaml", "--allow-dirty")
    finally:
        git(root, "checkout", "-q", "--", ".")


def test_refuses_changed_content_under_a_published_version(published: TwoVersions) -> None:
    root = published.root
    try:
        edit(root, "process/kpis.yaml", "Reach at least 95 %", "Reach at least 96 %")
        git(root, "commit", "-q", "-am", "Changed without a new version")
        refused(
            root, 1, "version 1.1.0 is already published", "bump `version` in process/handbook.yaml", "1.1.1"
        )
        model = model_data(validate(root).handbook)
        with pytest.raises(Refused):
            check_version(root, model, PublishOptions())
        check_version(root, model, PublishOptions(allow_same_version=True))  # the override
    finally:
        git(root, "reset", "-q", "--hard", "v1.1.0")


def test_refuses_invalid_definitions(published: TwoVersions) -> None:
    root = published.root
    try:
        edit(root, "process/handbook.yaml", "version: 1.1.0", "version: 1.2.0")
        edit(root, "process/kpis.yaml", "    owner: sales-manager", "    owner: nobody")
        git(root, "commit", "-q", "-am", "Broken")
        refused(root, 1, "unresolved-reference", "fix the problems above (or pass --allow-invalid)")
    finally:
        git(root, "reset", "-q", "--hard", "v1.1.0")


def test_refuses_a_folder_outside_git(tmp_path: Path) -> None:
    copy_handbook_files(tmp_path)
    os.environ.get("GIT_DIR") is None or pytest.skip("GIT_DIR is set")
    done = handbook(tmp_path, "publish")
    assert done.returncode == 2, done.stderr
    assert "is not in a git repository" in done.stderr and "git init" in done.stderr


# --- publishing a version again ---------------------------------------------------------


def test_publishing_a_version_again_replaces_only_it(published: TwoVersions) -> None:
    """A fix to 1.0.0 (a branch from its tag) replaces 1.0.0; 1.1.0 and latest stay."""
    root = published.root
    before = branch_head(root)
    trees = {
        f"{f}{v}": git(root, "rev-parse", f"gh-pages:{f}{v}") for f in FOLDERS.values() for v in VERSIONS
    }
    try:
        git(root, "checkout", "-q", "-b", "fix-1.0", "v1.0.0")
        edit(root, "process/stages/1-market-analysis.yaml", "worth our time", "worth our time and money")
        edit(
            root,
            "process/stages/1-market-analysis.yaml",
            "哪些客户群体值得投入",
            "哪些客户群体值得投入时间和资金",
        )
        git(root, "commit", "-q", "-am", "Fix 1.0.0")
        refused(root, 1, "version 1.0.0 is already published", "--allow-same-version")
        done = handbook(root, "publish", "--allow-same-version")
        assert done.returncode == 0, done.stderr
        assert "Published 1.0.0 to the gh-pages branch" in done.stderr  # not as latest
    finally:
        git(root, "checkout", "-q", "main")
    log = git(root, "log", "--format=%s", f"{before}..gh-pages").splitlines()
    assert [line.split(" from ")[0] for line in log] == [
        "Publish handbook 1.0.0 (zh)",
        "Publish handbook 1.0.0 (en)",
    ]
    changed = git(root, "diff", "--name-only", before, "gh-pages").splitlines()
    assert changed and all(path.startswith(("1.0.0/", "zh/1.0.0/")) for path in changed), changed
    assert "worth our time and money" in show(root, "1.0.0/stages/market-analysis/index.html")
    for folder in ("1.1.0", "zh/1.1.0"):
        assert git(root, "rev-parse", f"gh-pages:{folder}") == trees[folder]
    for folder in FOLDERS.values():
        entries = json.loads(show(root, f"{folder}versions.json"))
        assert [(e["version"], e["aliases"]) for e in entries] == [("1.1.0", ["latest"]), ("1.0.0", [])]


# --- in a browser: progress carries over, changed items ask for a review -------------------


@pytest.fixture(scope="module")
def served(published: TwoVersions, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The gh-pages branch as a static host serves it."""
    folder = tmp_path_factory.mktemp("gh-pages")
    archive = git_bytes(published.root, "archive", "--format=tar", "gh-pages")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    with serving(folder_handler(folder)) as base:
        yield base


def git_bytes(root: Path, *args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, check=True).stdout


def test_progress_carries_over_and_changed_items_ask_for_a_review(served: str, browser: Browser) -> None:
    changed = f'li[data-item="{"/".join(CHANGED_ITEM)}"]'
    unchanged = f'li[data-item="{"/".join(UNCHANGED_ITEM)}"]'
    review = "changed since you checked: review again"
    page = browser.new_page()
    page.goto(f"{served}1.0.0/stages/market-analysis/")
    expect(page.locator(".md-version")).to_be_visible()  # Material's version selector
    expect(page.locator("[data-md-component=outdated]")).to_be_visible()  # 1.0.0 is outdated
    for item in (unchanged, changed):
        page.locator(f"{item} label").first.click()
        expect(page.locator(item)).to_have_class(re.compile(r"\bis-done\b"))
    page.goto(f"{served}1.1.0/stages/market-analysis/")
    expect(page.locator("[data-md-component=outdated]")).to_be_hidden()
    expect(page.locator(unchanged)).to_have_class(re.compile(r"\bis-done\b"))
    expect(page.locator(f"{unchanged} input[type=checkbox]")).to_be_checked()
    expect(page.locator(changed)).to_have_class(re.compile(r"\bis-changed\b"))
    expect(page.locator(changed)).not_to_have_class(re.compile(r"\bis-done\b"))
    expect(page.locator(changed)).to_contain_text(review)
    expect(page.locator(unchanged)).not_to_contain_text(review)
    # The latest alias lands on the same version, with the same progress.
    page.goto(f"{served}latest/stages/market-analysis/")
    page.wait_for_url(re.compile(r"/1\.1\.0/stages/market-analysis/"))
    expect(page.locator(changed)).to_have_class(re.compile(r"\bis-changed\b"))


def test_each_published_version_has_its_own_search_index(published: TwoVersions) -> None:
    """mike builds and commits at once: the search index is made inside that build."""
    for version in VERSIONS:
        for lang in FOLDERS:
            entry = f"{FOLDERS[lang]}{version}/pagefind/pagefind-entry.json"
            assert exists(published.root, entry), f"{entry} is missing: that version cannot be searched"
