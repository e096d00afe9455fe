"""Every ``handbook export WHAT``: which formats each offers and the function that makes it.

Each export is a pure function of the validated handbook and the options, returning the
file's bytes; :mod:`generator.export.output` writes them out.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from generator.export.checklist import FORMATS as CHECKLIST_FORMATS
from generator.export.checklist import export_checklists
from generator.export.model_json import model_json
from generator.export.printpack import export_print
from generator.export.quiz import FORMATS as QUIZ_FORMATS
from generator.export.quiz import export_quizzes
from generator.export.quiz.bank import ExportError
from generator.model.handbook import Handbook

Maker = Callable[[Handbook, str, str | None, str | None], bytes]


@dataclass(frozen=True)
class Export:
    """One kind of export: its formats (the first is the default, if ``default``)."""

    formats: tuple[str, ...]
    binary: frozenset[str]
    make: Maker
    default: bool = False
    takes_role: bool = False


def _model(handbook: Handbook, fmt: str, lang: str | None, role: str | None) -> bytes:
    if lang:
        raise ExportError("the model holds every language: leave out --lang")
    return (model_json(handbook) + "\n").encode("utf-8")


def _codeowners(handbook: Handbook, lang: str | None) -> bytes:
    """CODEOWNERS; owners without a handle are warned about on standard error, not dropped."""
    from generator.review.codeowners import codeowners

    if lang:
        raise ExportError("CODEOWNERS has no language: leave out --lang")
    found = codeowners(handbook)
    for warning in found.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return found.text.encode("utf-8")


def _meetings(handbook: Handbook, fmt: str, lang: str | None) -> bytes:
    from generator.export.meetings_ics import export_meetings  # icalendar: loaded only when asked

    return export_meetings(handbook, fmt, lang)


EXPORTS: dict[str, Export] = {
    "model": Export(("json",), frozenset(), _model, default=True),
    "quizzes": Export(
        tuple(QUIZ_FORMATS),
        frozenset({"qti"}),
        lambda handbook, fmt, lang, role: export_quizzes(handbook, fmt, lang),
    ),
    "checklists": Export(
        tuple(CHECKLIST_FORMATS),
        frozenset({"xlsx"}),
        lambda handbook, fmt, lang, role: export_checklists(handbook, fmt, lang),
    ),
    "codeowners": Export(
        ("codeowners",),
        frozenset(),
        lambda handbook, fmt, lang, role: _codeowners(handbook, lang),
        default=True,
    ),
    "meetings": Export(
        ("ics",),
        frozenset(),
        lambda handbook, fmt, lang, role: _meetings(handbook, fmt, lang),
        default=True,
    ),
    "print": Export(
        ("html",),
        frozenset(),
        lambda handbook, fmt, lang, role: export_print(handbook, lang, role),
        default=True,
        takes_role=True,
    ),
}
FORMAT_CHOICES = tuple(dict.fromkeys(fmt for export in EXPORTS.values() for fmt in export.formats))


def export_file(
    handbook: Handbook, what: str, *, fmt: str | None, lang: str | None = None, role: str | None = None
) -> tuple[bytes, bool]:
    """The bytes of export ``what`` in ``fmt``, and whether they are a binary file."""
    export = EXPORTS.get(what)
    if export is None:
        raise ExportError(f"unknown export '{what}': use one of {', '.join(EXPORTS)}")
    formats = ", ".join(export.formats)
    if fmt is None:
        if not export.default:
            raise ExportError(f"choose a format for {what}: --format {formats.replace(', ', '|')}")
        fmt = export.formats[0]
    if fmt not in export.formats:
        raise ExportError(f"{what} cannot be exported as '{fmt}': use --format {formats.replace(', ', '|')}")
    if role and not export.takes_role:
        raise ExportError(f"--role is for print packs, not for {what}")
    return export.make(handbook, fmt, lang, role), fmt in export.binary
