"""Where an export goes: a file, never replaced unless asked, or standard output."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.export.quiz.bank import ExportError


def write_output(data: bytes, out: Path | None, *, force: bool = False, binary: bool = False) -> None:
    """Write ``data`` to ``out``, or to standard output when ``out`` is None.

    An existing file is kept unless ``force``. A binary file (a zip) is not sent to a
    terminal, where it would only scramble the screen.
    """
    if out is None:
        if binary and sys.stdout.isatty():
            raise ExportError("this format is a binary file: write it to a file with --out FILE")
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:  # a text-only stream, e.g. one a test put in place
            sys.stdout.write(data.decode("utf-8"))
        else:
            sys.stdout.flush()
            stream.write(data)
            stream.flush()
        return
    try:
        file = out.open("wb" if force else "xb")
    except FileExistsError:
        raise ExportError(f"'{out}' exists: choose another --out, or add --force to replace it") from None
    try:
        with file:
            file.write(data)
    except OSError as exc:
        out.unlink(missing_ok=True)  # half a file is worse than none (a full disk, say)
        raise OSError(exc.errno, exc.strerror, str(out)) from exc
