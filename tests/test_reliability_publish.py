"""Publishing survives collisions and kills: two publishes at once from two worktrees, a
publish killed between its languages, an emptied versions.json. The minimal handbook
keeps each publish to a few seconds."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import MINIMAL, REPO
from tests.test_reliability_build import alive, children_of
from tests.versions_support import edit, git

FOLDERS = {"en": "", "zh": "zh/"}


def repository(root: Path, version: str) -> Path:
    """The minimal handbook at ``version``, committed in a new repository."""
    shutil.copytree(MINIMAL, root)
    (root / ".gitignore").write_text("/.handbook/\n/site/\n", encoding="utf-8")
    set_version(root, version, commit=False)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Handbook Test")
    git(root, "config", "user.email", "handbook@example.invalid")
    git(root, "config", "commit.gpgsign", "false")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", f"Process {version}")
    return root


def set_version(root: Path, version: str, *, commit: bool = True) -> None:
    edit(root, "process/handbook.yaml", r'version: "[^"]+"', f'version: "{version}"', regex=True)
    if commit:
        git(root, "commit", "-q", "-am", f"Process {version}")


def start_publish(root: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator", "publish", "--root", str(root)]
    return subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def publish(root: Path) -> subprocess.CompletedProcess[str]:
    process = start_publish(root)
    out, err = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def on_branch(root: Path, path: str) -> str | None:
    done = subprocess.run(["git", "show", f"gh-pages:{path}"], cwd=root, capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def listed(root: Path, lang: str) -> list[str]:
    text = on_branch(root, f"{FOLDERS[lang]}versions.json")
    return [entry["version"] for entry in json.loads(text)] if text else []


def test_two_publishes_at_once_from_two_worktrees_both_land(tmp_path: Path) -> None:
    main = repository(tmp_path / "main", "1.5.0")
    other = tmp_path / "other"
    git(main, "worktree", "add", "-q", "-b", "next", str(other))
    set_version(other, "1.6.0")
    first, second = start_publish(main), start_publish(other)
    results = [(p.wait(timeout=300), p.communicate()[1]) for p in (first, second)]
    assert [code for code, _ in results] == [0, 0], results
    for lang in FOLDERS:
        assert sorted(listed(main, lang)) == ["1.5.0", "1.6.0"], lang
    latest = json.loads(on_branch(main, "versions.json") or "[]")
    assert [e["version"] for e in latest if "latest" in e["aliases"]] == ["1.6.0"]


def test_a_publish_killed_between_its_languages_is_rolled_back_then_published_whole(tmp_path: Path) -> None:
    root = repository(tmp_path / "handbook", "1.5.0")
    process = start_publish(root)
    seen: set[int] = set()
    deadline = time.monotonic() + 120
    while "1.5.0" not in listed(root, "en"):  # English deployed: Chinese is next
        assert time.monotonic() < deadline and process.poll() is None, process.communicate()
        seen.update(children_of(process.pid, "mike"))
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert listed(root, "zh") == []  # half-published, as a kill leaves it
    time.sleep(1)
    assert seen and not any(alive(pid) for pid in seen)  # mike died with the command

    again = publish(root)
    assert again.returncode == 0, again.stderr
    assert "rolled back the half-published version 1.5.0" in again.stderr
    assert listed(root, "en") == ["1.5.0"] and listed(root, "zh") == ["1.5.0"]
    common = Path(git(root, "rev-parse", "--path-format=absolute", "--git-common-dir").strip())
    assert common.is_dir() and not (common / "handbook-publish.json").exists()


def test_an_emptied_versions_json_cannot_let_publish_rewrite_a_published_version(tmp_path: Path) -> None:
    root = repository(tmp_path / "handbook", "1.5.0")
    assert publish(root).returncode == 0
    # Someone empties versions.json on the branch.
    scratch = tmp_path / "scratch"
    git(root, "worktree", "add", "-q", str(scratch), "gh-pages")
    (scratch / "versions.json").write_text("", encoding="utf-8")
    git(scratch, "commit", "-q", "-am", "Empty versions.json")
    # ... and removes the Chinese 1.5.0, as an old half-finished publish would leave it.
    git(scratch, "rm", "-q", "-r", "zh/1.5.0")
    git(scratch, "commit", "-q", "-m", "Remove zh/1.5.0")
    git(root, "worktree", "remove", "--force", str(scratch))
    # Changed definitions under the same version number.
    edit(root, "process/handbook.yaml", "en: Minimal handbook", "en: Changed handbook")
    git(root, "commit", "-q", "-am", "Change the title, not the version")
    refused = publish(root)
    assert refused.returncode == 1, refused.stderr
    assert "version 1.5.0 is already published, and the definitions changed" in refused.stderr
    assert "rebuilt versions.json from the published folders" in refused.stderr
    assert listed(root, "en") == ["1.5.0"]  # rebuilt from the branch's folders

    set_version(root, "1.6.0")
    bumped = publish(root)
    assert bumped.returncode == 0, bumped.stderr
    assert "version 1.5.0 is published without zh/1.5.0/" in bumped.stderr
    assert listed(root, "en") == ["1.6.0", "1.5.0"]
