"""The whole handbook: every collection, as loaded from all definition files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.model import entities as e

# Top-level YAML keys and the entity each list holds. ``handbook`` is a single mapping.
COLLECTIONS: dict[str, type] = {
    "principles": e.Principle,
    "roles": e.Role,
    "stages": e.Stage,
    "outcomes": e.Outcome,
    "channels": e.Channel,
    "scripts": e.Script,
    "kpis": e.Kpi,
    "tools": e.Tool,
    "meetings": e.Meeting,
    "tiers": e.Tier,
    "training_formats": e.TrainingFormat,
    "training_modules": e.TrainingModule,
    "glossary": e.Term,
    "checklists": e.Checklist,
    "onboarding_paths": e.OnboardingPath,
    "quizzes": e.Quiz,
    "rubric_criteria": e.RubricCriterion,
}

# The top-level key of any definition file giving the review defaults of its entries.
FILE_REVIEW = "review"

# The newest file format (handbook.yaml 'format:'); ``handbook upgrade`` rewrites older ones.
FORMAT = 2

# Kinds of file, for editors: each gets a JSON Schema allowing these top-level keys.
FILE_KINDS: dict[str, tuple[str, ...]] = {
    "handbook": ("handbook", "principles"),
    "roles": ("roles",),
    "stages": ("stages", "outcomes"),
    "scripts": ("scripts", "channels"),
    "kpis": ("kpis",),
    "tools": ("tools",),
    "meetings": ("meetings",),
    "tiers": ("tiers",),
    "training": ("training_formats", "training_modules"),
    "glossary": ("glossary",),
    "checklists": ("checklists",),
    "onboarding": ("onboarding_paths",),
    "quizzes": ("quizzes",),
    "rubric": ("rubric_criteria",),
}

# The singular used in messages ("stage 'x'") and in ``kind:id`` references.
KIND_OF: dict[str, str] = {
    "principles": "principle",
    "roles": "role",
    "stages": "stage",
    "outcomes": "outcome",
    "channels": "channel",
    "scripts": "script",
    "kpis": "kpi",
    "tools": "tool",
    "meetings": "meeting",
    "tiers": "tier",
    "training_formats": "training-format",
    "training_modules": "training",
    "glossary": "term",
    "checklists": "checklist",
    "onboarding_paths": "path",
    "quizzes": "quiz",
    "rubric_criteria": "criterion",
}


@dataclass
class Handbook:
    """Everything loaded from one handbook folder, before references are resolved."""

    root: Path
    info: e.HandbookInfo | None = None
    files: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    file_reviews: dict[str, e.Review] = field(default_factory=dict)  # file → its ``review:``
    principles: list[e.Principle] = field(default_factory=list)
    roles: list[e.Role] = field(default_factory=list)
    stages: list[e.Stage] = field(default_factory=list)
    outcomes: list[e.Outcome] = field(default_factory=list)
    channels: list[e.Channel] = field(default_factory=list)
    scripts: list[e.Script] = field(default_factory=list)
    kpis: list[e.Kpi] = field(default_factory=list)
    tools: list[e.Tool] = field(default_factory=list)
    meetings: list[e.Meeting] = field(default_factory=list)
    tiers: list[e.Tier] = field(default_factory=list)
    training_formats: list[e.TrainingFormat] = field(default_factory=list)
    training_modules: list[e.TrainingModule] = field(default_factory=list)
    glossary: list[e.Term] = field(default_factory=list)
    checklists: list[e.Checklist] = field(default_factory=list)
    onboarding_paths: list[e.OnboardingPath] = field(default_factory=list)
    quizzes: list[e.Quiz] = field(default_factory=list)
    rubric_criteria: list[e.RubricCriterion] = field(default_factory=list)
    # Set by the loader: a digest of the files' bytes (and the loader's code), and which
    # objects the collections held then. Rendering may skip work only while both still hold.
    source_digest: str = field(default="", repr=False, compare=False)
    source_shape: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def collection(self, key: str) -> list[Any]:
        items: list[Any] = getattr(self, key)
        return items

    @property
    def steps(self) -> list[tuple[e.Stage, e.Step]]:
        return [(stage, step) for stage in self.stages for step in stage.steps]

    @property
    def questions(self) -> list[tuple[e.Quiz, e.Question]]:
        return [(quiz, q) for quiz in self.quizzes for q in quiz.questions]

    @property
    def format(self) -> int:
        """The file format the handbook is written in: 1 when handbook.yaml does not say."""
        return self.info.format if self.info else 1

    def channel_ids(self) -> tuple[str, ...]:
        """The channels scripts may name: the handbook's own list (format 1: the default six)."""
        own = tuple(c.id for c in self.channels)
        return own if own or self.format >= 2 else e.DEFAULT_CHANNELS

    def ordered_stages(self) -> list[e.Stage]:
        return sorted(self.stages, key=lambda s: s.order)
