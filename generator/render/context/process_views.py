"""What the process pages receive: home, stages, principles, glossary, and the Practice
section (built by :mod:`.process` and :mod:`.practice`). Author text stays unescaped."""

from __future__ import annotations

from dataclasses import dataclass

from generator.presentation.links import Link
from generator.render.context.learning_views import ChecklistView, QuestionView


@dataclass(frozen=True)
class StageStop:
    """A stage on the home page's flow."""

    order: int
    link: Link | None


@dataclass(frozen=True)
class PrincipleSummary:
    link: Link | None
    summary: str


@dataclass(frozen=True)
class ReaderStart:
    """Where one kind of reader (new hire, mentor, editor) starts, and the links to go there."""

    who: str
    text: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Outcome:
    """Where deals end after the last stage (won, lost …), with its place on the home page."""

    anchor: str
    link: Link
    kind: str
    description: str


@dataclass(frozen=True)
class RoleView:
    """What one role works on, shown on the home page once a reader picks the role.
    ``path_ids``: its onboarding paths, space-separated (practice.js matches them)."""

    id: str
    name: str
    link: Link | None
    stages: tuple[Link, ...]
    steps: tuple[Link, ...]
    scripts: tuple[Link, ...]
    drills: tuple[Link, ...]
    checklists: tuple[Link, ...]
    kpis: tuple[Link, ...]
    paths: tuple[Link, ...]
    path_ids: str
    review: str


@dataclass(frozen=True)
class HomePage:
    title: str
    version: str
    effective: str
    purpose: str
    benefits: tuple[str, ...]
    commitment: str
    stages: tuple[StageStop, ...]
    outcomes: tuple[Outcome, ...]
    principles: tuple[PrincipleSummary, ...]
    start: tuple[ReaderStart, ...]
    role_views: tuple[RoleView, ...]


@dataclass(frozen=True)
class Flow:
    """The stage before and after in the flow; after the last stage come the outcomes."""

    previous: Link | None
    next: Link | None
    outcomes: tuple[Link, ...]


@dataclass(frozen=True)
class StepView:
    """A step of a stage; ``practices``: (name, text) pairs."""

    anchor: str
    name: str
    summary: str
    owner: Link | None
    practices: tuple[tuple[str, str], ...]
    deliverables: tuple[str, ...]
    tools: tuple[Link, ...]
    scripts: tuple[Link, ...]
    checklist_items: tuple[Link, ...]
    questions: tuple[Link, ...]
    onboarding: tuple[Link, ...]


@dataclass(frozen=True)
class StagePage:
    """Everything about one stage, with links to all that refers to it."""

    order: int
    title: str
    tags: tuple[str, ...]
    goal: str
    entry: tuple[str, ...]
    exit: tuple[str, ...]
    owners: tuple[Link, ...]
    kpis: tuple[Link, ...]
    steps: tuple[StepView, ...]
    script_page: Link
    scripts: tuple[Link, ...]
    checklists: tuple[ChecklistView, ...]
    pointing_items: tuple[Link, ...]
    questions: tuple[Link, ...]
    onboarding: tuple[Link, ...]
    flow: Flow


@dataclass(frozen=True)
class Principle:
    anchor: str
    name: str
    summary: str
    example: str
    checklist_items: tuple[Link, ...]
    questions: tuple[Link, ...]
    onboarding: tuple[Link, ...]


@dataclass(frozen=True)
class PrinciplesPage:
    title: str
    principles: tuple[Principle, ...]


@dataclass(frozen=True)
class Term:
    """A glossary term in both of its languages (``en``, ``zh``) and a note in the page's."""

    anchor: str
    en: str
    zh: str
    note: str


@dataclass(frozen=True)
class GlossaryPage:
    title: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Criterion:
    """A rubric criterion a drill is scored on."""

    id: str
    name: str
    description: str


@dataclass(frozen=True)
class Drill:
    """A script practised as a drill: the situation, the model answer (the script's text),
    and the rubric; ``fingerprint`` restarts its schedule when it changes."""

    anchor: str
    id: str
    fingerprint: str
    stage: str
    title: str
    situation: str
    audience: str
    answer: str
    script: Link | None
    rubric: tuple[Criterion, ...]


@dataclass(frozen=True)
class StageDrills:
    link: Link
    drills: tuple[Link, ...]


@dataclass(frozen=True)
class PracticeIndex:
    """``review``: the URL of the review session."""

    title: str
    stages: tuple[StageDrills, ...]
    review: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class PracticePage:
    title: str
    stage: Link | None
    scripts: Link
    drills: tuple[Drill, ...]


@dataclass(frozen=True)
class CardPage:
    """Where more cards of the review session are: the page's address from the session
    page, and its cards as ``id=fingerprint`` separated by spaces."""

    url: str
    cards: str


@dataclass(frozen=True)
class ReviewPage:
    """The review session: its drills and questions (practice.js shows the ones due), or,
    on a large handbook, the pages that hold them."""

    title: str
    drills: tuple[Drill, ...]
    questions: tuple[QuestionView, ...]
    card_pages: tuple[CardPage, ...] = ()


@dataclass(frozen=True)
class CardsPage:
    """Some of a large handbook's review cards, fetched by the session page when due."""

    title: str
    review: str
    drills: tuple[Drill, ...]
    questions: tuple[QuestionView, ...]
