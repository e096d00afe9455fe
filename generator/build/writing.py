"""What every command that writes a handbook folder does first and last."""

from __future__ import annotations

import errno
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.build.lock import handbook_locked
from generator.build.swap import recover, site_folders

# A write that fails part-way (the disk filled up) names no file.
_WRITE_FAILURES = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


@contextmanager
def writing(root: Path, *, command: str, wait: float) -> Iterator[None]:
    """Hold the handbook folder's lock, and first finish (or undo) whatever an
    interrupted command left half-done in its site folders."""
    with handbook_locked(root, command=command, wait=wait):
        done = recover(site_folders(root))
        if done:
            print(f"note: a previous command was interrupted: {done}", file=sys.stderr)
        try:
            yield
        except OSError as exc:
            if exc.filename is not None or exc.errno not in _WRITE_FAILURES:
                raise
            # The file is unknown, but it was one of the handbook folder's.
            raise OSError(exc.errno, exc.strerror, str(root)) from exc
