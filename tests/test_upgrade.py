"""Compatibility: a handbook in the first file format still validates, and ``handbook upgrade``
rewrites it to the newest format, keeping its comments and order, and says what it changed."""

from __future__ import annotations

import subprocess
import sys

import yaml

from tests.conftest import Workspace

H = "process/handbook.yaml"
COMMENTED = (
    "# Our handbook: keep this comment.\nhandbook:\n  id: minimal-handbook\n"
    "  title: {en: Minimal handbook, zh: 最小手册}  # the name on every page\n"
)


def handbook(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], capture_output=True, text=True, timeout=120, check=False
    )


def first_format(workspace: Workspace) -> Workspace:
    workspace.replace(
        H, "handbook:\n  id: minimal-handbook\n  title: {en: Minimal handbook, zh: 最小手册}\n", COMMENTED
    )
    return workspace


def test_a_first_format_handbook_validates_unchanged(workspace: Workspace) -> None:
    assert "format" not in workspace.text(H)
    assert workspace.problems() == []


def test_upgrade_writes_the_format_and_the_channels_and_keeps_comments(workspace: Workspace) -> None:
    before = first_format(workspace).text(H)
    result = handbook("upgrade", "--root", str(workspace.root))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "process/handbook.yaml: added 'format: 2' to 'handbook:'",
        "process/scripts/channels.yaml: listed the 1 channels the scripts use: phone",
    ]
    after = workspace.text(H)
    assert after == before.replace('  version: "0.1.0"\n', '  version: "0.1.0"\n  format: 2\n')
    assert "# Our handbook: keep this comment." in after and "# the name on every page" in after
    channels = workspace.text("process/scripts/channels.yaml")
    assert "- id: phone" in channels and "zh: 电话" in channels
    assert workspace.problems() == []


def test_upgrade_twice_changes_nothing_the_second_time(workspace: Workspace) -> None:
    assert handbook("upgrade", "--root", str(workspace.root)).returncode == 0
    again = handbook("upgrade", "--root", str(workspace.root))
    assert again.returncode == 0 and again.stdout == ""
    assert "already in the newest format" in again.stderr


def test_a_dry_run_writes_nothing(workspace: Workspace) -> None:
    before = workspace.text(H)
    result = handbook("upgrade", "--dry-run", "--root", str(workspace.root))
    assert result.returncode == 0 and "(dry run: not written)" in result.stdout
    assert workspace.text(H) == before
    assert not (workspace.root / "process" / "scripts").exists()


def test_format_two_without_its_own_channels_is_reported(workspace: Workspace) -> None:
    workspace.replace(H, '  version: "0.1.0"\n', '  version: "0.1.0"\n  format: 2\n')
    assert [p.code for p in workspace.problems()] == ["unknown-channel"]


def test_a_folder_that_is_no_handbook_is_refused_with_exit_2(workspace: Workspace) -> None:
    result = handbook("upgrade", "--root", str(workspace.root / "docs"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_upgrade_lists_the_products_scripts_in_an_older_mkdocs_yml(workspace: Workspace) -> None:
    """MkDocs' INHERIT replaces lists: an older mkdocs.yml would build without new features."""
    old = workspace.text("mkdocs.yml")
    start = old.index("extra_javascript:")
    end = old.index("\n\n", start)
    older = (
        old[:start]
        + "extra_javascript:\n  - assets/handbook.js  # ours first\n  - assets/learning.js\n"
        + old[end:]
    ).replace("plugins:\n", "plugins:\n  search: {}\n", 1)
    older = older.replace("    - toc.integrate\n", "", 1)
    assert "toc.integrate" not in older
    workspace.write("mkdocs.yml", older)
    result = handbook("upgrade", "--root", str(workspace.root))
    assert result.returncode == 0, result.stderr
    assert "mkdocs.yml: added to 'extra_javascript': assets/handbook-search.js" in result.stdout
    assert "mkdocs.yml: removed the 'search' plugin" in result.stdout
    assert "mkdocs.yml: added to the theme's 'features': toc.integrate" in result.stdout
    upgraded = yaml.safe_load(workspace.text("mkdocs.yml"))
    shipped = yaml.safe_load(old)
    paths = [e["path"] if isinstance(e, dict) else e for e in upgraded["extra_javascript"]]
    wanted = [e["path"] if isinstance(e, dict) else e for e in shipped["extra_javascript"]]
    assert set(paths) == set(wanted) and paths[:2] == ["assets/handbook.js", "assets/learning.js"]
    assert "search" not in (upgraded.get("plugins") or {})
    assert "toc.integrate" in upgraded["theme"]["features"]
    assert "# ours first" in workspace.text("mkdocs.yml")  # the authors' comments stay
    again = handbook("upgrade", "--root", str(workspace.root))
    assert "mkdocs.yml" not in again.stdout  # nothing left to add
    assert handbook("build", "--root", str(workspace.root)).returncode == 0
