"""Child processes (MkDocs, mike) that never outlive the ``handbook`` command.

Each child runs in a process group of its own, so that stopping it stops what it started
too (mike starts MkDocs). When ``handbook`` is interrupted (Ctrl-C, or SIGTERM, which
the command line turns into an interruption), :func:`supervised` and :class:`Running`
stop the group on the way out. When ``handbook`` is killed outright (SIGKILL) no code of
ours runs: on Linux the kernel then sends the child the parent-death signal set here.
(A grandchild, such as the MkDocs build mike runs, is not bound that way: it finishes
its build and exits.)
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
STOP_GRACE_SECONDS = 5.0

_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def _die_with(parent: int) -> None:
    """Runs in the child before it starts: ask for SIGKILL when the parent dies."""
    if _LIBC is not None:
        _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def start(
    command: Sequence[str], *, cwd: Path, env: dict[str, str], stdout: IO[bytes] | None
) -> subprocess.Popen[bytes]:
    """Start ``command`` in its own process group, bound to die with this process."""
    parent = os.getpid()
    return subprocess.Popen(
        list(command),
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.STDOUT if stdout is not None else None,
        process_group=0,
        preexec_fn=lambda: _die_with(parent),
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop ``process`` and everything in its group: politely first, then for sure."""
    _signal_group(process, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=STOP_GRACE_SECONDS)
    _signal_group(process, signal.SIGKILL)  # whatever of the group is still there
    process.wait()


def _signal_group(process: subprocess.Popen[bytes], sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):  # the group is gone
        os.killpg(process.pid, sig)


@contextmanager
def supervised(process: subprocess.Popen[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    """Yield ``process``; whatever happens in the block, it does not outlive it."""
    try:
        yield process
    finally:
        stop(process)  # also when the leader exited: it may have left children behind


@dataclass
class Running:
    """A started child whose output goes to an unnamed temporary file (no pipe to drain)."""

    process: subprocess.Popen[bytes]
    output: IO[bytes]

    def finish(self) -> tuple[int, str]:
        """Wait for the child; its exit code and what it printed."""
        code = self.process.wait()
        self.output.seek(0)
        text = self.output.read().decode("utf-8", errors="replace").strip()
        self.output.close()
        return code, text

    def abandon(self) -> None:
        stop(self.process)
        self.output.close()


def start_captured(command: Sequence[str], *, cwd: Path, env: dict[str, str]) -> Running:
    # Unlinked at once, so never left behind; closed by Running.finish or abandon.
    output = tempfile.TemporaryFile()  # noqa: SIM115
    try:
        return Running(start(command, cwd=cwd, env=env, stdout=output), output)
    except BaseException:
        output.close()
        raise


def run_captured(command: Sequence[str], *, cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run ``command`` to its end (stopped if this process is interrupted); code and output."""
    running = start_captured(command, cwd=cwd, env=env)
    try:
        return running.finish()
    except BaseException:
        running.abandon()
        raise
