"""How a command ends: an exit code scripts can rely on, and the one error that carries it.

Exit codes (README.md, "Exit codes"):

====  =====================  ===================================================================
code  name                   meaning
====  =====================  ===================================================================
0     OK                     the command did what was asked
1     DEFINITIONS            the handbook's files are at fault: validation found errors (or
                             warnings with ``--strict``), ``schema --check`` found stale
                             schemas, MkDocs or mike failed on the pages, a version is
                             published already
2     ENVIRONMENT_OR_USAGE   the command line, the folder or the machine is in the way: a
                             wrong option, not a handbook folder, a full disk, a lock held
                             by another command, a taken address
3     BUG                    an internal error of ours
128+N (``stopped_by``)       stopped by signal N: 130 for Ctrl-C, 143 for SIGTERM
====  =====================  ===================================================================
"""

from __future__ import annotations

import sys
from enum import IntEnum
from typing import TextIO


class ExitCode(IntEnum):
    OK = 0
    DEFINITIONS = 1
    ENVIRONMENT_OR_USAGE = 2
    BUG = 3


# The shell's convention for a process ended by a signal, so `$?` reads the same as if the
# signal had killed us outright.
SIGNAL_BASE = 128


def stopped_by(signum: int) -> int:
    """The exit code of a command stopped by signal ``signum``."""
    return SIGNAL_BASE + signum


class CommandError(Exception):
    """The command cannot do what was asked; the message says what is wrong.

    ``exit``: the code to end with; ``hint``: what to do next, when the message does not
    say it already; ``output``: what another program (MkDocs, mike, git) printed about it,
    shown before the message.
    """

    def __init__(
        self,
        message: str,
        *,
        exit: ExitCode = ExitCode.ENVIRONMENT_OR_USAGE,
        hint: str = "",
        output: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.exit = exit
        self.hint = hint
        self.output = output


def print_error(error: CommandError, stream: TextIO | None = None) -> None:
    """``error: <message>``, then ``hint: <hint>``, after any output that led to it."""
    stream = stream or sys.stderr
    if error.output:
        print(error.output, file=stream)
    print(f"error: {error.message}", file=stream)
    if error.hint:
        print(f"hint: {error.hint}", file=stream)
