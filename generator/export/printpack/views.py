"""What a print pack shows, as plain data in one language (built by :mod:`.build`).

Author text stays unescaped here: the template escapes it (autoescape is on).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.export.checklist.rows import ChecklistSheet
from generator.presentation.labels import Labels


@dataclass(frozen=True)
class StepView:
    id: str
    name: str
    summary: str
    owner: str
    practices: tuple[tuple[str, str], ...]
    deliverables: tuple[str, ...]
    tools: tuple[str, ...]


@dataclass(frozen=True)
class StageView:
    id: str
    order: int
    name: str
    goal: str
    owners: tuple[str, ...]
    entry: tuple[str, ...]
    exit: tuple[str, ...]
    kpis: tuple[str, ...]
    steps: tuple[StepView, ...]


@dataclass(frozen=True)
class RoleView:
    id: str
    name: str
    purpose: str
    responsibilities: tuple[str, ...]
    duties: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class KpiExampleView:
    inputs: str
    expected: str
    explanation: str


@dataclass(frozen=True)
class KpiView:
    id: str
    name: str
    definition: str
    formula: str
    inputs: tuple[tuple[str, str], ...]
    unit: str
    direction: str
    owner: str
    targets: tuple[str, ...]
    examples: tuple[KpiExampleView, ...]


@dataclass(frozen=True)
class ScriptView:
    id: str
    title: str
    where: str
    channel: str
    purpose: str
    audience: str
    text: str
    do: str
    dont: str
    notes: str


@dataclass(frozen=True)
class PathItemView:
    title: str
    kind: str
    day: str
    owner: str
    target: str


@dataclass(frozen=True)
class MilestoneView:
    title: str
    day: str
    goal: str
    items: tuple[PathItemView, ...]


@dataclass(frozen=True)
class PathView:
    id: str
    title: str
    summary: str
    role: str
    mentor: str
    milestones: tuple[MilestoneView, ...]


@dataclass(frozen=True)
class QuestionView:
    """A question as printed for answering: options lettered ``a``, ``b``, … in order."""

    number: int
    type: str
    type_label: str
    prompt: str
    options: tuple[tuple[str, str], ...]
    unit: str


@dataclass(frozen=True)
class AnswerView:
    """One line of the answer key: the question's number and its right answer."""

    number: int
    answer: str
    explanation: str


@dataclass(frozen=True)
class QuizView:
    id: str
    title: str
    summary: str
    pass_mark: int
    questions: tuple[QuestionView, ...]
    answers: tuple[AnswerView, ...]


@dataclass(frozen=True)
class AckLine:
    """One entry the role's hire signs as read and understood, in the version printed."""

    kind: str
    title: str
    fingerprint: str


@dataclass(frozen=True)
class PrintPack:
    """A whole handbook (``role`` empty) or one role's pack, in one language."""

    lang: str
    words: Labels
    title: str
    heading: str
    version: str
    effective: str
    purpose: str
    role: str
    stages: tuple[StageView, ...]
    roles: tuple[RoleView, ...]
    kpis: tuple[KpiView, ...]
    scripts: tuple[ScriptView, ...]
    checklists: tuple[ChecklistSheet, ...]
    paths: tuple[PathView, ...]
    quizzes: tuple[QuizView, ...]
    acknowledgements: tuple[AckLine, ...] = ()
