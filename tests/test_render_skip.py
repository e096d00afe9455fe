"""Regenerating with nothing changed renders nothing: the pages on disk are already what a
new rendering would write. What other commands leave in the output folder (the lock every
writing command takes) must not make the record look stale."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.build.lock import handbook_locked
from generator.model.index import Index
from generator.presentation.environment import TEMPLATES
from generator.render import OUTPUT, generate
from generator.render import memo as memo_module
from generator.render.context import site as site_module
from generator.render.memo import PageMemo
from generator.validate import validate
from tests.conftest import Workspace


def _generate(root: Path) -> int:
    """Generate ``root``; the number of pages found unchanged."""
    result = validate(root)
    return generate(result.handbook, Index(result.handbook), root).unchanged


def _refuse_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pages were rendered again")

    monkeypatch.setattr(site_module.Site, "create", refuse)


def test_nothing_changed_renders_nothing_even_after_a_locked_command(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = workspace.root
    _generate(root)
    with handbook_locked(root, command="handbook build", wait=1):  # writes the lock's holder
        pass
    assert (root / OUTPUT / "handbook.lock").exists()
    with monkeypatch.context() as patched:
        _refuse_rendering(patched)
        assert _generate(root) > 0


def test_a_page_changed_on_disk_is_rendered_again(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = workspace.root
    _generate(root)
    page = next((root / OUTPUT / "docs").rglob("*.md"))
    page.write_text("edited by hand", encoding="utf-8")
    with monkeypatch.context() as patched:
        _refuse_rendering(patched)
        with pytest.raises(AssertionError, match="rendered again"):
            _generate(root)
    _generate(root)
    assert page.read_text(encoding="utf-8") != "edited by hand"


def test_the_preview_writes_only_its_language_and_keeps_no_record(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``serve`` shows one language; the others wait for the next full generation, which
    must then render (not trust a record made before the edit)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = workspace.root
    _generate(root)
    docs = root / OUTPUT / "docs"
    chinese = {p: p.read_bytes() for p in (docs / "zh").rglob("*.md")}
    workspace.replace("process/people.yaml", "Wins customers.", "Wins loyal customers.")
    result = validate(root)
    report = generate(result.handbook, Index(result.handbook), root, only="en")
    assert list(report.pages) == ["en"] and report.written > 0
    assert "Wins loyal customers." in (docs / "en" / "roles" / "seller.md").read_text(encoding="utf-8")
    assert {p: p.read_bytes() for p in (docs / "zh").rglob("*.md")} == chinese
    # The edit undone: the sources are as when the first generation kept its record, but
    # the English pages are not, so they are rendered again.
    workspace.replace("process/people.yaml", "Wins loyal customers.", "Wins customers.")
    _generate(root)
    assert "Wins loyal" not in (docs / "en" / "roles" / "seller.md").read_text(encoding="utf-8")


def test_the_preview_renders_again_only_the_pages_an_edit_changed(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the preview's memo, an edit re-renders the pages that show what changed, and every
    page is byte for byte what a generation without the memo writes."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = workspace.root
    memo = PageMemo("en")
    result = validate(root)
    generate(result.handbook, Index(result.handbook), root, memo=memo)
    everything = memo.rendered
    workspace.replace("process/people.yaml", "Wins customers.", "Wins loyal customers.")
    result = validate(root)
    generate(result.handbook, Index(result.handbook), root, only="en", memo=memo)
    assert 0 < memo.rendered < everything / 2 and memo.reused + memo.rendered == everything
    previewed = {p: p.read_bytes() for p in (root / OUTPUT / "docs" / "en").rglob("*.md")}
    assert any(b"Wins loyal customers." in content for content in previewed.values())
    shutil.rmtree(root / OUTPUT / "docs")
    generate(result.handbook, Index(result.handbook), root)
    assert {p: p.read_bytes() for p in (root / OUTPUT / "docs" / "en").rglob("*.md")} == previewed


def test_a_changed_template_renders_every_page_again(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    monkeypatch.setattr(memo_module, "TEMPLATES", templates)
    memo = PageMemo("en")
    result = validate(workspace.root)
    generate(result.handbook, Index(result.handbook), workspace.root, memo=memo)
    everything = memo.rendered
    generate(result.handbook, Index(result.handbook), workspace.root, only="en", memo=memo)
    assert memo.rendered == 0 and memo.reused == everything
    macros = templates / "_macros.md.j2"
    macros.write_text(macros.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(macros, ns=(macros.stat().st_atime_ns, macros.stat().st_mtime_ns + 1_000_000))
    generate(result.handbook, Index(result.handbook), workspace.root, only="en", memo=memo)
    assert memo.rendered == everything


def test_the_preview_renders_once_to_fill_its_memo_even_when_nothing_changed(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``serve`` starting on pages generated before: its first edit must not render them all."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = workspace.root
    _generate(root)
    memo = PageMemo("en")
    result = validate(root)
    generate(result.handbook, Index(result.handbook), root, memo=memo)
    assert memo.rendered > 0 and memo.pages
    workspace.replace("process/people.yaml", "Wins customers.", "Wins loyal customers.")
    result = validate(root)
    generate(result.handbook, Index(result.handbook), root, only="en", memo=memo)
    assert 0 < memo.rendered < len(memo.pages) / 2


def test_configurations_other_commands_write_do_not_make_the_record_stale(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Publishing, an LMS package and the preview write their own mkdocs.<lang>.<purpose>.yml
    beside the generated ones; the pages are still as rendered."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = workspace.root
    _generate(root)
    (root / OUTPUT / "mkdocs.en.publish.yml").write_text("INHERIT: mkdocs.en.yml\n", encoding="utf-8")
    with monkeypatch.context() as patched:
        _refuse_rendering(patched)
        assert _generate(root) > 0
