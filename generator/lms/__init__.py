"""Onboarding paths as packages for a learning-management system: SCORM 1.2 and cmi5.

The pipeline: :mod:`course` reads what the LMS will be told about (the path's items and
quizzes), :mod:`site` builds the handbook's pages for packaging, :mod:`launcher` writes
the page that talks to the LMS, :mod:`manifest` and :mod:`cmi5` describe the package in
each standard's terms, and :mod:`package` puts it all into one zip.
"""

from __future__ import annotations

from pathlib import Path

from generator.export.quiz.bank import ExportError
from generator.model.handbook import Handbook


def export_package(
    what: str, root: Path, handbook: Handbook, *, path: str | None, lang: str | None, fmt: str | None
) -> bytes:
    """The zip of ``handbook export scorm|cmi5``: ``root`` is built for its pages."""
    if fmt is not None:
        raise ExportError(f"{what} packages have one format: leave out --format")
    if what == "scorm":
        from generator.lms.scorm import export_scorm

        return export_scorm(root, handbook, path, lang)
    from generator.lms.cmi5 import export_cmi5

    if lang is not None:
        raise ExportError("a cmi5 package holds every language: leave out --lang")
    return export_cmi5(root, handbook, path)
