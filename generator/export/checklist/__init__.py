"""The checklists for spreadsheets and issue trackers: one module per format, in :data:`FORMATS`."""

from __future__ import annotations

from collections.abc import Callable

from generator.export.checklist.as_csv import to_csv
from generator.export.checklist.as_markdown import to_markdown
from generator.export.checklist.as_xlsx import to_xlsx
from generator.export.checklist.rows import ChecklistBook, checklist_book
from generator.export.quiz.bank import ExportError
from generator.model.handbook import Handbook
from generator.model.index import Index

FORMATS: dict[str, Callable[[ChecklistBook], bytes]] = {
    "csv": lambda book: to_csv(book).encode("utf-8"),
    "xlsx": to_xlsx,
    "md": lambda book: to_markdown(book).encode("utf-8"),
}
BINARY = frozenset({"xlsx"})


def export_checklists(handbook: Handbook, fmt: str, lang: str | None = None) -> bytes:
    """Every checklist of ``handbook`` in the format ``fmt`` (a key of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format '{fmt}': use one of {', '.join(FORMATS)}")
    return FORMATS[fmt](checklist_book(handbook, Index(handbook), lang))
