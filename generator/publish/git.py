"""The few git operations publishing needs, on the repository holding the handbook."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """A git command failed; the message holds what git said."""


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
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
