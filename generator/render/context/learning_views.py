"""What the learning pages receive: checklists, onboarding paths, the mentors' pages and
quizzes (built by :mod:`.learning`). Author text stays unescaped; templates escape it."""

from __future__ import annotations

from dataclasses import dataclass

from generator.presentation.links import Link
from generator.render.context.freshness import ToConfirm
from generator.render.context.site import TaskItem


@dataclass(frozen=True)
class ChecklistView:
    """A checklist as a task list; each item keyed ``<checklist-id>/<item-id>``."""

    anchor: str
    id: str
    title: str
    summary: str
    tasks: tuple[TaskItem, ...]
    questions: tuple[Link, ...]
    onboarding: tuple[Link, ...]


@dataclass(frozen=True)
class ChecklistsPage:
    title: str
    checklists: tuple[ChecklistView, ...]


@dataclass(frozen=True)
class Milestone:
    """``show_day``: whether the day label is shown (not when the title already says it)."""

    anchor: str
    day: str
    show_day: bool
    title: str
    goal: str
    tasks: tuple[TaskItem, ...]


@dataclass(frozen=True)
class PathPage:
    """An onboarding path as a timeline of milestones. ``working_days`` (ISO weekdays) and
    ``holidays`` are how the browser turns due days into dates, by the same rule as ours."""

    id: str
    working_days: str
    holidays: str
    title: str
    tags: tuple[str, ...]
    summary: str
    role: Link | None
    mentor: Link | None
    milestones: tuple[Milestone, ...]
    questions: tuple[Link, ...]
    onboarding: tuple[Link, ...]
    acknowledgements: tuple[ToConfirm, ...]


@dataclass(frozen=True)
class PathChoice:
    id: str
    title: str


@dataclass(frozen=True)
class AssignPage:
    title: str
    paths: tuple[PathChoice, ...]


@dataclass(frozen=True)
class HireItem:
    """An item of a path as the mentors' table counts it: key, fingerprint, due day, quiz."""

    key: str
    fingerprint: str
    day: int
    quiz: str


@dataclass(frozen=True)
class HirePath:
    id: str
    title: str
    entries: tuple[HireItem, ...]


@dataclass(frozen=True)
class HiresPage:
    title: str
    assign: Link
    paths: tuple[HirePath, ...]


@dataclass(frozen=True)
class PathRow:
    link: Link | None
    role: Link | None
    mentor: Link | None
    summary: str
    days: str


@dataclass(frozen=True)
class PathIndex:
    title: str
    assign: Link
    hires: Link
    paths: tuple[PathRow, ...]
    checklists: Link | None


@dataclass(frozen=True)
class Option:
    id: str
    text: str


@dataclass(frozen=True)
class QuestionView:
    """A question as a form field: ``key`` is its hashed answer key (salted with ``salt``),
    ``kind`` its type, ``type`` the type's label, ``input`` the HTML input type. ``quiz``:
    the quiz it belongs to, when shown outside it (the review session)."""

    anchor: str
    id: str
    fingerprint: str
    salt: str
    key: str
    number: int
    kind: str
    type: str
    hint: str
    input: str
    prompt: str
    options: tuple[Option, ...]
    unit: str
    explanation: str
    tests: tuple[Link, ...]
    quiz: Link | None = None


@dataclass(frozen=True)
class QuizPage:
    """``path_items``: the onboarding items (``key@fingerprint``, space-separated) a pass ticks."""

    id: str
    title: str
    summary: str
    pass_mark: int
    questions: tuple[QuestionView, ...]
    path_items: str
    onboarding: tuple[Link, ...]


@dataclass(frozen=True)
class QuizRow:
    link: Link | None
    summary: str
    count: int
    pass_mark: int


@dataclass(frozen=True)
class QuizIndex:
    title: str
    quizzes: tuple[QuizRow, ...]
