"""Look-up tables over a loaded handbook: what each id and ``kind:id`` reference names.

``Index.get`` is typed per kind: ``index.get("stage", ident)`` is a ``Stage | None`` to
the type checker, and a kind only known at run time gives any ``Entity``.
"""

from __future__ import annotations

from typing import Literal, overload

from generator.model import entities as e
from generator.model.handbook import COLLECTIONS, KIND_OF, Handbook

# Kinds that a ``kind:id`` reference may name besides the collections.
EXTRA_KINDS = ("step", "question", "page")
TARGET_KINDS = tuple(sorted((*KIND_OF.values(), *EXTRA_KINDS)))

# Everything a ``kind:id`` reference can name, except a hand-written page (a file).
Entity = (
    e.Principle
    | e.Role
    | e.Stage
    | e.Step
    | e.Outcome
    | e.Channel
    | e.Script
    | e.Kpi
    | e.Tool
    | e.Meeting
    | e.Tier
    | e.TrainingFormat
    | e.TrainingModule
    | e.Term
    | e.Checklist
    | e.OnboardingPath
    | e.Quiz
    | e.Question
    | e.RubricCriterion
)


class Index:
    """Ids of every entity, by kind. The first of two entities with one id wins."""

    def __init__(self, handbook: Handbook) -> None:
        self.handbook = handbook
        self.by_kind: dict[str, dict[str, Entity]] = {kind: {} for kind in TARGET_KINDS}
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

    # One overload per kind, so that a lookup by a literal kind needs no cast.
    @overload
    def get(self, kind: Literal["principle"], ident: str) -> e.Principle | None: ...
    @overload
    def get(self, kind: Literal["role"], ident: str) -> e.Role | None: ...
    @overload
    def get(self, kind: Literal["stage"], ident: str) -> e.Stage | None: ...
    @overload
    def get(self, kind: Literal["step"], ident: str) -> e.Step | None: ...
    @overload
    def get(self, kind: Literal["outcome"], ident: str) -> e.Outcome | None: ...
    @overload
    def get(self, kind: Literal["channel"], ident: str) -> e.Channel | None: ...
    @overload
    def get(self, kind: Literal["script"], ident: str) -> e.Script | None: ...
    @overload
    def get(self, kind: Literal["kpi"], ident: str) -> e.Kpi | None: ...
    @overload
    def get(self, kind: Literal["tool"], ident: str) -> e.Tool | None: ...
    @overload
    def get(self, kind: Literal["meeting"], ident: str) -> e.Meeting | None: ...
    @overload
    def get(self, kind: Literal["tier"], ident: str) -> e.Tier | None: ...
    @overload
    def get(self, kind: Literal["training-format"], ident: str) -> e.TrainingFormat | None: ...
    @overload
    def get(self, kind: Literal["training"], ident: str) -> e.TrainingModule | None: ...
    @overload
    def get(self, kind: Literal["term"], ident: str) -> e.Term | None: ...
    @overload
    def get(self, kind: Literal["checklist"], ident: str) -> e.Checklist | None: ...
    @overload
    def get(self, kind: Literal["path"], ident: str) -> e.OnboardingPath | None: ...
    @overload
    def get(self, kind: Literal["quiz"], ident: str) -> e.Quiz | None: ...
    @overload
    def get(self, kind: Literal["question"], ident: str) -> e.Question | None: ...
    @overload
    def get(self, kind: Literal["criterion"], ident: str) -> e.RubricCriterion | None: ...
    @overload
    def get(self, kind: str, ident: str) -> Entity | None: ...
    def get(self, kind: str, ident: str) -> Entity | None:
        """The entity of ``kind`` with id ``ident``; ``None`` for an unknown kind or id."""
        return self.by_kind.get(kind, {}).get(ident)

    def page_exists(self, page: str) -> bool:
        """A hand-written page: a Markdown file below ``docs/``, never outside it."""
        docs = (self.handbook.root / "docs").resolve()
        candidate = (docs / page).resolve()
        return candidate.is_relative_to(docs) and candidate.suffix == ".md" and candidate.is_file()

    def steps_of(self, stage_id: str) -> list[e.Step]:
        stage = self.get("stage", stage_id)
        return list(stage.steps) if stage else []
