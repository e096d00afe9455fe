"""A hire's onboarding plan written out: one module per format, listed in :data:`FORMATS`.

Each format is a function from a :class:`~generator.export.assignment.Plan` to text;
:func:`write_plan` puts that text in a file or on standard output, byte for byte (the
CRLF line endings of CSV and iCalendar stay as they are).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from generator.export.assignment import Plan, PlanError
from generator.export.plan.as_csv import to_csv
from generator.export.plan.as_html import to_html
from generator.export.plan.as_ics import to_ics
from generator.export.plan.as_markdown import to_markdown

FORMATS: dict[str, Callable[[Plan], str]] = {
    "html": to_html,
    "md": to_markdown,
    "ics": to_ics,
    "csv": to_csv,
}


def render_plan(plan: Plan, fmt: str) -> str:
    """``plan`` in the format named ``fmt`` (a key of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise PlanError(f"unknown format '{fmt}': use one of {', '.join(FORMATS)}")
    return FORMATS[fmt](plan)


def write_plan(text: str, out: Path | None, *, force: bool = False) -> None:
    """Write ``text`` as UTF-8 to ``out``, or to standard output when ``out`` is None.

    An existing file is kept unless ``force``: a plan a mentor has annotated by hand is
    not lost to a second run.
    """
    data = text.encode("utf-8")
    if out is None:
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:  # a text-only stream, e.g. one a test put in place
            sys.stdout.write(text)
        else:
            sys.stdout.flush()
            stream.write(data)
            stream.flush()
        return
    try:
        with out.open("wb" if force else "xb") as file:
            file.write(data)
    except FileExistsError:
        raise PlanError(f"'{out}' exists: choose another --out, or add --force to replace it") from None
    except OSError as exc:
        raise PlanError(f"cannot write '{out}': {exc.strerror or exc}") from None
