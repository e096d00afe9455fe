"""The model as flat records: one per entity a reader can point at, with its own fields.

Entities nested in another with ids of their own (a stage's steps, a checklist's items,
a path's milestones and their items, a quiz's questions, a role's duties) become records
of their own, left out of their parent's fields. Parts without a life of their own (a
KPI's targets and examples, a question's options) stay fields of their entity.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.model import entities as e
from generator.model.fields import entity_fields
from generator.model.handbook import COLLECTIONS, KIND_OF
from generator.model.types import Target

# A reference field holding ``kind:id`` targets rather than ids of one kind.
TARGET = "target"
# Kinds whose ids are unique only within their top-level entity, and that entity's kind.
SCOPE_OF = {"duty": "role", "checklist-item": "checklist", "milestone": "path", "path-item": "path"}

Key = tuple[str, str, str]
"""``(kind, scope, id)``: the scope is the top-level entity's id for scoped kinds, else ``""``."""


@dataclass(frozen=True)
class Nesting:
    """Children with ids inside an entity: the field holding them and their kind.

    ``link`` names a field added to each child with its parent's id, so that a step
    moved to another stage shows as a changed ``stage``.
    """

    field: str
    kind: str
    link: str = ""


NESTED = {
    "stage": Nesting("steps", "step", link="stage"),
    "role": Nesting("duties", "duty"),
    "checklist": Nesting("items", "checklist-item"),
    "path": Nesting("milestones", "milestone"),
    "milestone": Nesting("items", "path-item", link="milestone"),
    "quiz": Nesting("questions", "question", link="quiz"),
}

_CLASSES: dict[str, type] = {
    "handbook": e.HandbookInfo,
    "step": e.Step,
    "duty": e.Duty,
    "checklist-item": e.ChecklistItem,
    "milestone": e.Milestone,
    "path-item": e.PathItem,
    "question": e.Question,
    **{KIND_OF[key]: cls for key, cls in COLLECTIONS.items()},
}

# References the dataclasses do not declare: the links added above, and prerequisites
# (ids of items of the same path).
_EXTRA_REFERENCES = {
    "step": {"stage": "stage"},
    "question": {"quiz": "quiz"},
    "path-item": {"milestone": "milestone", "prerequisites": "path-item"},
}


@dataclass(frozen=True)
class Record:
    kind: str
    id: str
    scope: str
    fields: dict[str, Any]

    @property
    def key(self) -> Key:
        return (self.kind, self.scope, self.id)


def records(model: dict[str, Any]) -> list[Record]:
    """Every entity of ``model`` (plain data, as exported) in the model's order."""
    out: list[Record] = []
    if model.get("handbook"):
        out.append(Record("handbook", "handbook", "", dict(model["handbook"])))
    for key in COLLECTIONS:
        for data in model.get(key) or []:
            _walk(KIND_OF[key], data, "", {}, out)
    return out


def _walk(kind: str, data: dict[str, Any], scope: str, link: dict[str, str], out: list[Record]) -> None:
    nesting = NESTED.get(kind)
    ident = str(data.get("id", ""))
    fields = {k: v for k, v in data.items() if k != "id" and (nesting is None or k != nesting.field)}
    out.append(Record(kind, ident, scope, {**fields, **link}))
    if nesting is None:
        return
    child_scope = (scope or ident) if nesting.kind in SCOPE_OF else ""
    child_link = {nesting.link: ident} if nesting.link else {}
    for child in data.get(nesting.field) or []:
        _walk(nesting.kind, child, child_scope, child_link, out)


@cache
def reference_fields(kind: str) -> dict[str, str]:
    """The fields of ``kind`` that name other entities: field → kind named (or ``TARGET``)."""
    found: dict[str, str] = {}
    cls = _CLASSES.get(kind)
    for f, hint in entity_fields(cls) if cls else ():
        if f.metadata.get("ref"):
            found[f.name] = str(f.metadata["ref"])
        elif _mentions_target(hint):
            found[f.name] = TARGET
    return {**found, **_EXTRA_REFERENCES.get(kind, {})}


def _mentions_target(hint: Any) -> bool:
    return hint is Target or any(_mentions_target(arg) for arg in typing.get_args(hint))


def display_name(record: Record) -> dict[str, str] | None:
    """The entity's name, title, term, prompt or text, per language."""
    for field in ("name", "title", "term", "prompt", "text", "label"):
        value = record.fields.get(field)
        if isinstance(value, dict):
            return {lang: str(text or "") for lang, text in value.items()}
    return None
