"""When the system refuses (a full disk, a read-only folder, a file where a folder should
be, a dangling link, a closed pipe), the user gets one line naming the path and what to
do, exit 2, no traceback, no "report it", and no temporary folders left behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, REPO, Workspace


def handbook(*args: str, stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
        timeout=300,
    )


def one_line_exit_2(result: subprocess.CompletedProcess[str]) -> str:
    """The single ``error:`` line of a command that exited 2 for the system's sake."""
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "report it" not in result.stderr, result.stderr
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB file system of its own (tmpfs), or a skip where mounting is not permitted."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, leave: int = 0) -> None:
    """Fill ``disk`` up, then free ``leave`` bytes."""
    with (disk / "filler").open("wb") as file:
        try:
            while True:
                file.write(b"\0" * 65536)
                file.flush()
        except OSError:
            pass
    if leave:
        size = (disk / "filler").stat().st_size
        os.truncate(disk / "filler", max(size - leave, 0))


# --- the handbook folder --------------------------------------------------------------


def test_root_that_is_a_file_says_so(tmp_path: Path) -> None:
    file = tmp_path / "handbook.yaml"
    file.write_text("x")
    line = one_line_exit_2(handbook("validate", "--root", str(file)))
    assert f"'{file}' is a file, not a folder" in line
    assert "does not exist" not in line


def test_root_of_the_whole_disk_is_not_a_handbook() -> None:
    line = one_line_exit_2(handbook("build", "--root", "/"))
    assert "'/' is not a handbook folder" in line
    assert not Path("/.handbook").exists()


def test_root_that_is_a_dangling_link_names_its_target(tmp_path: Path) -> None:
    link = tmp_path / "handbook"
    link.symlink_to(tmp_path / "gone")
    line = one_line_exit_2(handbook("validate", "--root", str(link)))
    assert "symbolic link" in line and str(tmp_path / "gone") in line


# --- files and folders mixed up ---------------------------------------------------------


def test_schema_out_onto_a_file(tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    out.write_text("not a folder")
    line = one_line_exit_2(handbook("schema", "--out", str(out)))
    assert f"'{out}' is a file" in line
    assert out.read_text() == "not a folder"


def test_init_onto_a_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "new-handbook"
    link.symlink_to(tmp_path / "missing" / "folder")
    line = one_line_exit_2(handbook("init", str(link)))
    assert "symbolic link" in line and "does not exist" in line
    assert link.is_symlink() and not (tmp_path / "missing").exists()


def test_export_into_a_missing_folder(workspace: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "model.json"
    line = one_line_exit_2(handbook("export", "model", "--root", str(workspace.root), "--out", str(out)))
    assert str(out) in line


# --- standard output: a closed pipe, a full disk ------------------------------------------


def test_diff_into_a_closed_pipe(workspace: Workspace) -> None:
    """`handbook diff … | head`: the reader went away before the output ended."""
    other = workspace.root.parent / "other"
    shutil.copytree(workspace.root, other)
    (other / "process" / "stage.yaml").write_text(
        (other / "process" / "stage.yaml").read_text(encoding="utf-8").replace("en: ", "en: Changed ", 1),
        encoding="utf-8",
    )
    read, write = os.pipe()
    os.close(read)
    try:
        result = handbook(
            "diff", str(workspace.root), str(other), "--root", str(workspace.root), stdout=write
        )
    finally:
        os.close(write)
    line = one_line_exit_2(result)
    assert "standard output was closed" in line


def test_export_to_a_full_disk_on_standard_output(workspace: Workspace) -> None:
    with open("/dev/full", "w") as full:
        result = handbook("export", "model", "--root", str(workspace.root), stdout=full.fileno())
    line = one_line_exit_2(result)
    assert "no space left for standard output" in line


# --- a full disk, a read-only site -----------------------------------------------------


def test_disk_full_during_generate(small_disk: Path) -> None:
    root = small_disk / "handbook"
    shutil.copytree(MINIMAL, root)
    fill(small_disk, leave=16384)
    line = one_line_exit_2(handbook("generate", "--root", str(root)))
    assert "no space left for" in line and str(root) in line
    assert not [p for p in root.iterdir() if p.name.startswith("site")]


def test_disk_full_during_build_keeps_mkdocs_traceback_away(workspace: Workspace, small_disk: Path) -> None:
    """The site lives on the small disk (site/ is a link to it): MkDocs runs out of space."""
    root = workspace.root
    (root / "site").symlink_to(small_disk / "site")
    fill(small_disk, leave=200_000)
    result = handbook("build", "--root", str(root))
    line = one_line_exit_2(result)
    assert "no space left for" in line and str(small_disk) in line
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]  # no site.new* left


def test_read_only_site_leaves_no_new_site_behind(workspace: Workspace, small_disk: Path) -> None:
    root = workspace.root
    (small_disk / "site").mkdir()
    (small_disk / "site" / "index.html").write_text("old")
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    (root / "site").symlink_to(small_disk / "site")
    line = one_line_exit_2(handbook("build", "--root", str(root)))
    assert "read-only file system" in line and str(small_disk) in line
    assert (small_disk / "site" / "index.html").read_text() == "old"
    assert not [p for p in root.iterdir() if p.name.startswith("site.")]


def test_a_file_named_site_is_never_replaced(workspace: Workspace) -> None:
    (workspace.root / "site").write_text("my notes")
    line = one_line_exit_2(handbook("build", "--root", str(workspace.root)))
    assert str(workspace.root / "site") in line and "a file stands where a folder is expected" in line
    assert (workspace.root / "site").read_text() == "my notes"


def test_export_onto_a_folder(workspace: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    args = ("export", "model", "--root", str(workspace.root), "--out", str(folder), "--force")
    line = one_line_exit_2(handbook(*args))
    assert f"'{folder}' is a folder where a file is expected" in line


def test_a_refusal_mkdocs_reports_without_a_file_is_the_folder_it_wrote(tmp_path: Path) -> None:
    """A write cut short by a full disk names no file; the line then names MkDocs' folder,
    not the handbook folder (which may sit on another disk)."""
    from generator.build.site import _system_refusal

    output = "Traceback (most recent call last):\n  ...\nOSError: [Errno 28] No space left on device\n"
    refused = _system_refusal(output, tmp_path / "site.new")
    assert refused is not None and refused.filename == str(tmp_path / "site.new")
    named = "PermissionError: [Errno 13] Permission denied: '/x/site.new/index.html'\nTraceback"
    refused = _system_refusal(named, tmp_path / "site.new")
    assert refused is not None and refused.filename == "/x/site.new/index.html"
