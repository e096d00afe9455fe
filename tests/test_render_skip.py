"""Regenerating with nothing changed renders nothing: the pages on disk are already what a
new rendering would write. What other commands leave in the output folder (the lock every
writing command takes) must not make the record look stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build.lock import handbook_locked
from generator.model.index import Index
from generator.render import OUTPUT, generate
from generator.render.context import site as site_module
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
