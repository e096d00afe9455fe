"""One line for each way the system can refuse us: a full disk, a read-only folder, a
missing permission, a file where a folder should be, a dangling link, a closed pipe.

These are not bugs of ours and not faults of the definitions: the user fixes the
machine, so the line names the path and says what to do.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

STANDARD_OUTPUT = "standard output"
# Errors that, without a file name, come from writing to standard output.
_STREAM_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EPIPE, errno.EIO, errno.EBADF, errno.EFBIG}


def path_of(exc: OSError) -> str:
    """The path the system refused (the target of a rename when both are named)."""
    if exc.filename is None:
        return STANDARD_OUTPUT if exc.errno in _STREAM_ERRORS else ""
    return os.fsdecode(exc.filename)


def describe(exc: OSError) -> str:
    """What went wrong with which path, and what to do, in one line."""
    path = path_of(exc)
    where = f"'{path}'" if path and path != STANDARD_OUTPUT else path or "a file"
    code = exc.errno
    if isinstance(exc, BrokenPipeError) or code == errno.EPIPE:
        return "standard output was closed before the output ended (the reading program stopped early)"
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"no space left for {where}: free some space on that disk, or write somewhere else"
    if code == errno.EROFS:
        return f"{where} is on a read-only file system: make it writable, or use a writable folder"
    if code in (errno.EACCES, errno.EPERM):
        return f"permission denied for {where}: give your user write access to it, or use another folder"
    if code == errno.ENOTDIR:
        return (
            f"{where}: a file stands where a folder is expected; move the file away, or choose another path"
        )
    if code == errno.EISDIR:
        return f"{where} is a folder where a file is expected: give the path of a file"
    if code == errno.EEXIST:
        return f"{where} exists already: move it away, or choose another path"
    if code == errno.ENOENT:
        return _missing(path)
    if code == errno.ELOOP:
        return f"{where} is a symbolic link that leads back to itself: point it at a real folder"
    if code == errno.EBUSY:
        return f"{where} is in use (a mount point?) and cannot be replaced: use a folder inside it"
    return f"the system refused {where}: {exc.strerror or exc}; fix it and run again"


def _missing(path: str) -> str:
    if path and os.path.islink(path):
        return (
            f"'{path}' is a symbolic link to '{os.readlink(path)}', which does not exist: "
            "create its target, or remove the link"
        )
    if path:
        return f"'{path}' does not exist (or a folder on its way is missing): create it, or check the path"
    return "a file or folder does not exist: check the paths given"


def folder_problem(folder: Path, role: str) -> str:
    """Why ``folder`` cannot be used as ``role`` (a folder that must exist), or ``""``."""
    if folder.is_symlink() and not folder.exists():
        return _missing(str(folder))
    if not folder.exists():
        return f"{role} '{folder}' does not exist: give an existing folder"
    if not folder.is_dir():
        return f"{role} '{folder}' is a file, not a folder: give the folder itself"
    return ""
