"""Look-up tables over a loaded handbook: what each id and ``kind:id`` reference names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.model import entities as e
from generator.model.handbook import COLLECTIONS, KIND_OF, Handbook
from generator.model.types import TARGET_RE

# Kinds that a ``kind:id`` reference may name besides the collections.
EXTRA_KINDS = ("step", "question", "page")
TARGET_KINDS = tuple(sorted((*KIND_OF.values(), *EXTRA_KINDS)))


@dataclass(frozen=True)
class Resolved:
    kind: str
    id: str
    entity: Any


class Index:
    """Ids of every entity, by kind. The first of two entities with one id wins."""

    def __init__(self, handbook: Handbook) -> None:
        self.handbook = handbook
        self.by_kind: dict[str, dict[str, Any]] = {kind: {} for kind in TARGET_KINDS}
        for key in COLLECTIONS:
            table = self.by_kind[KIND_OF[key]]
            for item in handbook.collection(key):
                table.setdefault(item.id, item)
        self.stage_of_step: dict[str, e.Stage] = {}
        for stage, step in handbook.steps:
            self.by_kind["step"].setdefault(step.id, step)
            self.stage_of_step.setdefault(step.id, stage)
        self.quiz_of_question: dict[str, e.Quiz] = {}
        for quiz, question in handbook.questions:
            self.by_kind["question"].setdefault(question.id, question)
            self.quiz_of_question.setdefault(question.id, quiz)

    def get(self, kind: str, ident: str) -> Any:
        return self.by_kind.get(kind, {}).get(ident)

    def page_exists(self, page: str) -> bool:
        """A hand-written page: a Markdown file below ``docs/``, never outside it."""
        docs = (self.handbook.root / "docs").resolve()
        candidate = (docs / page).resolve()
        return candidate.is_relative_to(docs) and candidate.suffix == ".md" and candidate.is_file()

    def resolve(self, target: str) -> Resolved | None:
        """The entity a ``kind:id`` reference names, or ``None`` when it names nothing."""
        match = TARGET_RE.match(target)
        if not match:
            return None
        kind, ident = match["kind"], match["id"]
        if kind == "page":
            return Resolved(kind, ident, Path(ident)) if self.page_exists(ident) else None
        entity = self.get(kind, ident)
        return Resolved(kind, ident, entity) if entity is not None else None

    def steps_of(self, stage_id: str) -> list[e.Step]:
        stage = self.get("stage", stage_id)
        return list(stage.steps) if stage else []
