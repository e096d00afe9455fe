"""Building: both languages end up in site/, and a failed build loses nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, Workspace


def build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--root", str(root)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_build_writes_both_languages_and_says_what_it_did(workspace: Workspace) -> None:
    result = build(workspace.root)
    assert result.returncode == 0, result.stderr
    assert (workspace.root / "site" / "index.html").is_file()
    assert (workspace.root / "site" / "zh" / "index.html").is_file()
    for step in ("validate", "generate", "build en, zh"):
        assert step in result.stderr
    assert "Traceback" not in result.stderr


def test_a_failed_build_keeps_the_previous_site_and_the_pages_written_by_hand(workspace: Workspace) -> None:
    assert build(workspace.root).returncode == 0
    site_before = files(workspace.root / "site")
    # A hand-written page with a broken link: MkDocs --strict refuses the build.
    workspace.write("docs/guides/broken.md", "# Broken\n\n[nowhere](no-such-page.md)\n")
    workspace.write("docs/guides/broken.zh.md", "# 损坏\n\n[无处](no-such-page.md)\n")
    docs_before = files(workspace.root / "docs")
    result = build(workspace.root)
    assert result.returncode == 1
    assert "previous site was left as it was" in result.stderr
    assert files(workspace.root / "site") == site_before
    assert files(workspace.root / "docs") == docs_before
    assert not [p for p in workspace.root.iterdir() if p.name.startswith("site.")]


def test_invalid_definitions_stop_the_build_before_anything_is_written(workspace: Workspace) -> None:
    assert build(workspace.root).returncode == 0
    generated_before = files(workspace.root / ".handbook")
    site_before = files(workspace.root / "site")
    workspace.replace("process/stage.yaml", "    order: 1", "    order: -1")
    result = build(workspace.root)
    assert result.returncode == 1
    assert "stage-order" in result.stdout
    assert files(workspace.root / ".handbook") == generated_before
    assert files(workspace.root / "site") == site_before


def test_a_build_started_inside_the_handbook_folder_needs_no_root(workspace: Workspace) -> None:
    """The README's command runs `handbook build` in the handbook folder itself."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build"], capture_output=True, text=True, cwd=workspace.root
    )
    assert result.returncode == 0, result.stderr
    assert (workspace.root / "site" / "index.html").is_file()
    assert (workspace.root / "site" / "zh" / "index.html").is_file()
    assert not list((workspace.root / ".handbook").glob("site*")), "a language was built below .handbook/"
