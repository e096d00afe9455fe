"""The checklists in one language, as plain rows for spreadsheets and issue trackers.

Every text is resolved to one language and put on one line; role, stage and step ids
are turned into their names. The writers in this package only format these rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.export.quiz.bank import export_language, one_line
from generator.model import entities as e
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.presentation.labels import Labels, labels_for
from generator.presentation.links import display_name, split_target

# Column ids: fixed (not translated), so that scripts reading the CSV can rely on them.
COLUMNS = ("checklist", "checklist_title", "stage", "item", "text", "owner", "day", "source")


@dataclass(frozen=True)
class ChecklistRow:
    """One item of a checklist; ``source`` names the step or page the item comes from."""

    item_id: str
    text: str
    owner: str
    day: int | None  # none: the item has no due day
    source: str


@dataclass(frozen=True)
class ChecklistSheet:
    id: str
    title: str
    summary: str
    stage: str
    rows: tuple[ChecklistRow, ...]


@dataclass(frozen=True)
class ChecklistBook:
    """Every checklist of the handbook in one language, with the words to label them."""

    lang: str
    words: Labels
    checklists: tuple[ChecklistSheet, ...]

    def table(self) -> list[tuple[str | int, ...]]:
        """One tuple per item, in the order of :data:`COLUMNS`."""
        return [
            (
                sheet.id,
                sheet.title,
                sheet.stage,
                row.item_id,
                row.text,
                row.owner,
                "" if row.day is None else row.day,
                row.source,
            )
            for sheet in self.checklists
            for row in sheet.rows
        ]


def checklist_book(handbook: Handbook, index: Index, lang: str | None = None) -> ChecklistBook:
    """The checklists of ``handbook`` in ``lang`` (default: the handbook's language)."""
    lang = export_language(handbook, lang)
    return ChecklistBook(
        lang=lang,
        words=labels_for(lang, handbook.root),
        checklists=tuple(checklist_sheet(index, checklist, lang) for checklist in handbook.checklists),
    )


def checklist_sheet(index: Index, checklist: e.Checklist, lang: str) -> ChecklistSheet:
    stage = index.get("stage", checklist.stage) if checklist.stage else None
    return ChecklistSheet(
        id=checklist.id,
        title=one_line(checklist.title, lang) or checklist.id,
        summary=one_line(checklist.summary, lang),
        stage=one_line(stage.name, lang) if stage else "",
        rows=tuple(_row(index, item, lang) for item in checklist.items),
    )


def _row(index: Index, item: e.ChecklistItem, lang: str) -> ChecklistRow:
    return ChecklistRow(
        item_id=item.id,
        text=one_line(item.text, lang),
        owner=name_of(index, "role", item.owner, lang),
        day=item.day,
        source=_source(index, item, lang),
    )


def _source(index: Index, item: e.ChecklistItem, lang: str) -> str:
    if item.step:
        return name_of(index, "step", item.step, lang)
    kind_id = split_target(item.page) if item.page else None
    return name_of(index, *kind_id, lang) if kind_id else ""


def name_of(index: Index, kind: str, ident: str, lang: str) -> str:
    """The name of ``kind:ident`` in ``lang`` on one line; the id when it has none."""
    entity = ident if kind == "page" else index.get(kind, ident)
    if entity is None:
        return ident
    return " ".join(display_name(kind, entity, lang).split()) or ident
