"""The few git operations publishing needs, on the repository holding the handbook."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path


class GitError(Exception):
    """A git command failed; the message holds what git said."""


def git(cwd: Path, *args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env, input=stdin)
    if done.returncode != 0:
        raise GitError(f"git {' '.join(args)}: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout


def toplevel(root: Path) -> Path | None:
    """The top folder of the repository ``root`` is in, or ``None`` outside any repository."""
    try:
        return Path(git(root, "rev-parse", "--show-toplevel").strip())
    except (GitError, OSError):
        return None


def uncommitted(root: Path) -> list[str]:
    """``git status --porcelain`` lines: changed, staged and untracked (not ignored) files."""
    return [
        line for line in git(root, "status", "--porcelain", "--untracked-files=normal").splitlines() if line
    ]


def head(root: Path) -> str:
    """The short id of the commit checked out, or ``"no commit"`` in a fresh repository."""
    try:
        return git(root, "rev-parse", "--short", "HEAD").strip()
    except GitError:
        return "no commit"


def branch_commit(root: Path, branch: str) -> str | None:
    try:
        return git(root, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}").strip() or None
    except GitError:
        return None


def restore_branch(root: Path, branch: str, commit: str | None) -> None:
    """Put ``branch`` back where it was: at ``commit``, or gone when it did not exist."""
    if commit is None:
        if branch_commit(root, branch) is not None:
            git(root, "update-ref", "-d", f"refs/heads/{branch}")
    else:
        git(root, "update-ref", f"refs/heads/{branch}", commit)


def read_file(root: Path, branch: str, path: str) -> str | None:
    """A file of ``branch`` (path from the branch's top), or ``None`` if it has none."""
    try:
        return git(root, "show", f"refs/heads/{branch}:{path}")
    except GitError:
        return None


def push(root: Path, remote: str, branch: str) -> None:
    git(root, "push", "--", remote, branch)


def common_dir(root: Path) -> Path:
    """The repository's own folder, shared by all its worktrees (where a publish locks)."""
    return Path(git(root, "rev-parse", "--path-format=absolute", "--git-common-dir").strip())


def is_ancestor(root: Path, older: str, newer: str) -> bool:
    try:
        git(root, "merge-base", "--is-ancestor", older, newer)
    except GitError:
        return False
    return True


def folders(root: Path, branch: str, folder: str = "") -> list[str]:
    """The names of the folders at ``folder`` (``""``: the top) of ``branch``."""
    spec = f"refs/heads/{branch}:{folder}" if folder else f"refs/heads/{branch}"
    try:
        listing = git(root, "ls-tree", spec)
    except GitError:
        return []
    return [line.split("\t", 1)[1] for line in listing.splitlines() if line.split()[1] == "tree"]


def commit_files(root: Path, branch: str, files: dict[str, str], message: str) -> None:
    """Commit ``files`` (path on the branch → text) on top of ``branch``, without a checkout."""
    parent = branch_commit(root, branch)
    if parent is None:
        raise GitError(f"the {branch} branch does not exist")
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "GIT_INDEX_FILE": str(Path(scratch) / "index")}
        git(root, "read-tree", parent, env=env)
        for path, text in files.items():
            blob = git(root, "hash-object", "-w", "--stdin", stdin=text).strip()
            git(root, "update-index", "--add", "--cacheinfo", f"100644,{blob},{path}", env=env)
        tree = git(root, "write-tree", env=env).strip()
        commit = git(root, "commit-tree", tree, "-p", parent, "-m", message).strip()
    git(root, "update-ref", f"refs/heads/{branch}", commit, parent)
