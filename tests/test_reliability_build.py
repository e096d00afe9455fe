"""Nothing lost when builds collide or are killed: one writer at a time, a swap that
survives any kill, a site/ symlink kept, MkDocs children that die with the command."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build.lock import handbook_lock_file, holding
from generator.build.swap import recover, site_folders
from tests.conftest import REPO, Workspace


def start(root: Path, *args: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "generator", *args, "--root", str(root)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    process = start(root, *args)
    out, err = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def site_files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith("site."))


def children_of(pid: int, name: str) -> list[int]:
    """Processes whose parent is ``pid`` and whose command line mentions ``name``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid and name in cmdline:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(condition: object, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def page(folder: Path, text: str) -> None:
    """A stand-in complete site: its index says which one it is."""
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(text)
    (folder / "zh").mkdir()
    (folder / "zh" / "index.html").write_text(text)


# --- every state a kill can leave is finished or undone ----------------------------------

# (folders present before recovery, the site expected after it)
STATES = {
    "killed before the first rename": ({"site": "old", "site.ready": "new"}, "new"),
    "killed between the renames": ({"site.old": "old", "site.ready": "new"}, "new"),
    "killed while removing the old site": ({"site": "new", "site.old": "old"}, "new"),
    "killed after moving the old site aside, nothing ready": ({"site.old": "old"}, "old"),
    "killed while MkDocs wrote": ({"site": "old", "site.new": "partial", "site.new-zh": "partial"}, "old"),
}


@pytest.mark.parametrize("state", STATES, ids=list(STATES))
def test_recovery_finishes_or_undoes_every_interrupted_swap(tmp_path: Path, state: str) -> None:
    present, expected = STATES[state]
    for name, text in present.items():
        page(tmp_path / name, text)
    recover(site_folders(tmp_path))
    assert (tmp_path / "site" / "index.html").read_text() == expected
    assert (tmp_path / "site" / "zh" / "index.html").read_text() == expected
    assert leftovers(tmp_path) == []


def test_a_failing_build_after_a_kill_between_the_renames_keeps_the_site(workspace: Workspace) -> None:
    """The issue's case: no site/, the old site in site.old, the new one in site.ready; the
    next build fails. Before: site.new deleted and no site at all."""
    root = workspace.root
    page(root / "site.old", "old")
    page(root / "site.ready", "new")
    workspace.write("docs/guides/broken.md", "# Broken\n\n[nowhere](no-such-page.md)\n")
    workspace.write("docs/guides/broken.zh.md", "# 损坏\n\n[无处](no-such-page.md)\n")
    result = run(root, "build")
    assert result.returncode == 1, result.stderr
    assert "a previous command was interrupted" in result.stderr
    assert (root / "site" / "index.html").read_text() == "new"
    assert leftovers(root) == []


def test_sigkill_while_the_old_site_is_removed_is_recovered(workspace: Workspace) -> None:
    """A real kill: the old site is made large so that its removal takes a while."""
    root = workspace.root
    page(root / "site", "old")
    for n in range(4000):
        (root / "site" / f"f{n}.html").write_text("x")
    build = start(root, "build")
    wait_until(lambda: (root / "site.old").exists() or build.poll() is not None, 120, "the swap")
    build.send_signal(signal.SIGKILL)
    build.communicate()
    # Mostly killed while removing site.old; should the kill fall between the two renames,
    # the new site is complete in site.ready.
    complete = [name for name in ("site", "site.ready") if (root / name / "zh" / "index.html").is_file()]
    assert complete and (root / complete[0] / "index.html").read_text() != "old"
    result = run(root, "generate")
    assert result.returncode == 0, result.stderr
    assert leftovers(root) == []
    assert (root / "site" / "index.html").read_text() != "old"
    assert (root / "site" / "zh" / "index.html").is_file()


# --- one writer at a time ------------------------------------------------------------


def test_two_builds_at_once_both_succeed_and_leave_one_complete_site(workspace: Workspace) -> None:
    root = workspace.root
    first, second = start(root, "build"), start(root, "build")
    results = [(p.wait(timeout=300), p.communicate()[1]) for p in (first, second)]
    assert [code for code, _ in results] == [0, 0], results
    files = site_files(root / "site")
    assert "index.html" in files and "zh/index.html" in files
    alone = run(root, "build")
    assert alone.returncode == 0
    assert site_files(root / "site") == files  # as complete as a build on its own
    assert leftovers(root) == []


def test_a_command_that_waits_in_vain_says_what_holds_the_lock(workspace: Workspace) -> None:
    root = workspace.root
    with holding(handbook_lock_file(root), command="build", wait=0, what="the test's handbook"):
        started = time.monotonic()
        result = run(root, "generate", "--wait", "0.5")
        waited = time.monotonic() - started
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert f"in use by 'handbook build' (process {os.getpid()}, since " in line
    assert "--wait" in line
    assert 0.5 <= waited < 30
    assert not (root / ".handbook" / "docs").exists()  # nothing was generated


# --- site/ as a symbolic link ----------------------------------------------------------


def test_a_site_symlink_stays_a_symlink_and_its_target_gets_the_new_site(
    workspace: Workspace, tmp_path: Path
) -> None:
    root = workspace.root
    web = tmp_path / "www" / "handbook"
    page(web, "old")
    (root / "site").symlink_to(web)
    result = run(root, "build")
    assert result.returncode == 0, result.stderr
    assert (root / "site").is_symlink() and (root / "site").resolve() == web
    assert (web / "index.html").read_text() != "old"
    assert (web / "zh" / "index.html").is_file()
    assert sorted(p.name for p in web.parent.iterdir()) == ["handbook"]


# --- languages at once, children that die with the command ------------------------------


def test_languages_build_at_once_and_die_with_a_killed_build(workspace: Workspace) -> None:
    root = workspace.root
    page(root / "site", "old")
    build = start(root, "build")
    # Both languages' MkDocs run at the same time: the build is parallel.
    wait_until(lambda: len(children_of(build.pid, "mkdocs")) == 2, 60, "two MkDocs at once")
    mkdocs = children_of(build.pid, "mkdocs")
    build.send_signal(signal.SIGKILL)
    build.communicate()
    wait_until(lambda: not any(alive(pid) for pid in mkdocs), 10, "MkDocs to die with its parent")
    assert (root / "site" / "index.html").read_text() == "old"
    assert run(root, "generate").returncode == 0
    assert leftovers(root) == []


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_an_interrupted_build_stops_mkdocs_and_keeps_the_site(workspace: Workspace, sig: int) -> None:
    root = workspace.root
    page(root / "site", "old")
    build = start(root, "build")
    wait_until(lambda: len(children_of(build.pid, "mkdocs")) == 2, 60, "MkDocs to start")
    mkdocs = children_of(build.pid, "mkdocs")
    build.send_signal(sig)
    _, err = build.communicate(timeout=30)
    assert build.returncode == 128 + sig, err
    assert "Traceback" not in err
    assert not any(alive(pid) for pid in mkdocs)
    assert (root / "site" / "index.html").read_text() == "old"
    assert leftovers(root) == []


# --- serve: its address checked first, stopped cleanly by SIGTERM -----------------------


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as server:
        return int(server.getsockname()[1])


def port_is_free(port: int) -> bool:
    try:
        with socket.create_server(("127.0.0.1", port)):
            return True
    except OSError:
        return False


def test_serve_on_a_taken_port_says_so_before_building(workspace: Workspace) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = run(workspace.root, "serve", "-a", f"127.0.0.1:{port}")
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert f"address 127.0.0.1:{port} is in use by another program" in line
    assert not (workspace.root / ".handbook" / "docs").exists()  # nothing was built first


def test_serve_default_port_is_not_the_http_server_preview() -> None:
    help_text = subprocess.run(
        [sys.executable, "-m", "generator", "serve", "--help"], capture_output=True, text=True, cwd=REPO
    ).stdout
    assert "default: 127.0.0.1:8808" in help_text


def test_sigterm_stops_serve_and_frees_the_port(workspace: Workspace) -> None:
    port = free_port()
    serve = start(workspace.root, "serve", "-a", f"127.0.0.1:{port}")
    try:
        wait_until(lambda: not port_is_free(port) or serve.poll() is not None, 90, "mkdocs serve to listen")
        assert serve.poll() is None, serve.communicate()[1]
        mkdocs = children_of(serve.pid, "mkdocs")
        assert mkdocs
        serve.send_signal(signal.SIGTERM)
        _, err = serve.communicate(timeout=30)
    finally:
        if serve.poll() is None:
            serve.kill()
    assert "Traceback" not in err
    wait_until(lambda: not any(alive(pid) for pid in mkdocs), 10, "mkdocs serve to stop")
    assert port_is_free(port)
