"""One writer at a time: commands that write into a handbook folder (or publish from its
repository) hold a lock while they do.

The lock is an operating-system lock on a file (``filelock``): it is released when its
holder exits, even when the holder is killed, so a stale lock never blocks anyone. Beside
it, the holder writes who it is (command, process id, start time), so that a command that
waited in vain can say what holds the lock.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from generator.render.writer import OUTPUT

LOCK_FILE = "handbook.lock"
DEFAULT_WAIT_SECONDS = 120.0


class LockBusy(Exception):
    """Another command held the lock for longer than this one would wait."""


def handbook_lock_file(root: Path) -> Path:
    """The lock of a handbook folder: inside the generator's own (ignored) ``.handbook/``."""
    return root / OUTPUT / LOCK_FILE


def _holder_file(lock_file: Path) -> Path:
    return lock_file.with_name(lock_file.name + ".holder")


def _describe_holder(lock_file: Path) -> str:
    try:
        holder = json.loads(_holder_file(lock_file).read_text(encoding="utf-8"))
        return f"'handbook {holder['command']}' (process {holder['pid']}, since {holder['since']})"
    except (OSError, ValueError, KeyError, TypeError):
        return "another command"  # the holder has not written its name yet


@contextmanager
def holding(lock_file: Path, *, command: str, wait: float, what: str) -> Iterator[None]:
    """Hold the lock in ``lock_file`` while the block runs; wait up to ``wait`` seconds for it.

    ``what`` names what is locked, for the message when the wait is in vain.
    """
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    # Not thread-local: serve regenerates from a watcher thread.
    lock = FileLock(lock_file, thread_local=False)
    try:
        lock.acquire(timeout=max(wait, 0), poll_interval=0.1)
    except Timeout:
        raise LockBusy(
            f"{what} is in use by {_describe_holder(lock_file)}; waited {wait:g} s: "
            "let it finish and run again, or wait longer with --wait SECONDS"
        ) from None
    try:
        since = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        holder = {"command": command, "pid": os.getpid(), "since": since}
        _holder_file(lock_file).write_text(json.dumps(holder), encoding="utf-8")
        yield
    finally:
        _holder_file(lock_file).unlink(missing_ok=True)
        lock.release()


def handbook_locked(root: Path, *, command: str, wait: float) -> AbstractContextManager[None]:
    """The lock of the handbook folder ``root`` (its ``.handbook/`` and ``site/``)."""
    return holding(handbook_lock_file(root), command=command, wait=wait, what=f"the handbook folder '{root}'")
