"""The sales process as frozen dataclasses: one class per kind of thing in the handbook.

Field names are the YAML keys. A field's annotation says what the loader accepts, its
metadata says which collection a reference points at (``ref``) and what it means
(``doc``). References hold ids only; they are resolved by the checks, not here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Literal

from generator.model.location import Location
from generator.model.types import (
    Interval,
    Language,
    Name,
    Positions,
    Slug,
    Target,
    Text,
    Unit,
    doc,
    located,
    positions,
    ref,
    title_slug,
)

Cadence = Literal["daily", "weekly", "monthly", "quarterly", "yearly", "per-event", "regularly"]
DEFAULT_CHANNELS = ("phone", "email", "meeting", "social-media", "wecom", "remote")
"""The script channels of a handbook that defines no ``channels:`` of its own (format 1)."""
OutcomeKind = Literal["won", "lost", "other"]
Weekday = Literal[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
]  # fmt: skip
DayCount = Literal["calendar", "working"]
ScriptPurpose = Literal[
    "first-contact",
    "discovery-question",
    "presentation",
    "objection-handling",
    "negotiation",
    "closing",
    "follow-up",
    "support",
]
Direction = Literal["higher-is-better", "lower-is-better"]
KpiUnit = Unit
TrainingLevel = Literal["basic", "advanced"]
ItemKind = Literal["read", "checklist", "quiz", "meeting", "check-in", "training", "task"]
QuestionType = Literal["single", "multiple", "true-false", "numeric"]


# --- who answers for the text, and when it was last confirmed ------------------------


@dataclass(frozen=True, kw_only=True)
class Review:
    owner: str | None = doc(
        "Who answers for the text: a role id, a person, an email or a chat handle such as @ana.",
        default=None,
    )
    last_reviewed: datetime.date | None = doc(
        "When an editor last confirmed the text is still right (not the last change).", default=None
    )
    review_every: Interval | None = doc(
        "How often it must be confirmed again: a number and d, w, m or y, e.g. 90d, 6m, 1y.",
        default=None,
    )
    loc: Location = located()
    at: Positions = positions()


def review_field() -> Review | None:
    return doc(  # type: ignore[no-any-return]
        "Owner and review dates of this entry; unset keys come from the file's and the handbook's review.",
        default=None,
    )


def acknowledge_field() -> bool:
    return doc(  # type: ignore[no-any-return]
        "Readers confirm they have read and understood each version of this entry.", default=False
    )


# --- the handbook as a whole -------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Calendar:
    working_days: list[Weekday] = doc(
        "The days people work, e.g. [mon, tue, wed, thu, fri].", default_factory=list
    )
    holidays: list[datetime.date] = doc(
        "Dates off (YYYY-MM-DD): working-day plans skip them.", default_factory=list
    )
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Lrs:
    endpoint: str = doc(
        "The xAPI endpoint of a learning record store (LRS) the published site sends statements to,"
        " ending in /, e.g. https://lrs.example.com/xAPI/ (or a proxy of yours in front of it)."
    )
    key: str = doc(
        "The key (user name) of the LRS credential. Everyone who opens the site can read it: give it"
        " the right to write statements only, or leave key and secret empty behind a proxy that adds them.",
        default="",
    )
    secret: str = doc(
        "The secret of that credential: readable in the published site like the key.", default=""
    )
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class HandbookInfo:
    format: int = doc(
        "The version of this file format: 2 (handbook upgrade writes it); left out, 1.", default=1
    )
    title: Text = doc("The handbook's title, shown in the header of every page.")
    version: str = doc("The process version, a semantic version such as 1.2.0.")
    effective_date: datetime.date = doc("The date this process version takes effect.")
    id: Slug | None = doc(
        "The handbook's stable id: readers' progress and progress links are kept under it,"
        " so the title can change freely. Set it once and never change it.",
        default=None,
    )
    languages: list[Language] = doc(
        "The languages the handbook is written in, as BCP 47 tags (en, zh, zh-Hant, ja, de, fr, es …);"
        " the first is the one readers land on unless default_language says otherwise."
    )
    default_language: Language = doc(
        "The language readers land on first (the first of 'languages' when left out).", default=Language("")
    )
    purpose: Text = doc("Why the process exists: the overview on the home page.")
    benefits: list[Text] = doc("What following the process brings the company.")
    commitment: Text | None = doc("What it takes from management and staff.", default=None)
    review: Review | None = doc(
        "Owner and review interval every entry gets unless its file or the entry says otherwise.",
        default=None,
    )
    require_owner: bool = doc("Warn about every entry and guide that has no owner.", default=False)
    calendar: Calendar | None = doc(
        "Working days and holidays, for onboarding paths that count working days.", default=None
    )
    lrs: Lrs | None = doc(
        "A learning record store the published site sends progress to as xAPI statements.", default=None
    )
    loc: Location = located()
    at: Positions = positions()

    def __post_init__(self) -> None:
        if not self.default_language and self.languages:
            object.__setattr__(self, "default_language", self.languages[0])

    @property
    def key(self) -> str:
        """What readers' progress is kept under: the ``id``, else the title's slug (as before ids)."""
        return self.id or title_slug(self.title)


@dataclass(frozen=True, kw_only=True)
class Principle:
    id: Slug
    name: Text
    summary: Text
    example: Text | None = None
    loc: Location = located()
    at: Positions = positions()


# --- people -----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Duty:
    id: Slug
    cadence: Cadence = doc("How often the duty recurs.")
    text: Text
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Role:
    id: Slug
    name: Text
    purpose: Text = doc("One sentence: what the role is for.")
    responsibilities: list[Text]
    duties: list[Duty]
    mentors: list[Slug] = ref("role", "Roles whose new hires this role mentors.", default_factory=list)
    onboarding: bool = doc(
        "New hires of this role follow an onboarding path; false for a role hired without one.",
        default=True,
    )
    handle: str | None = doc("A team handle for CODEOWNERS, e.g. @acme/sales-managers.", default=None)
    review: Review | None = review_field()
    acknowledge: bool = acknowledge_field()
    loc: Location = located()
    at: Positions = positions()


# --- the process ------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Practice:
    name: Text
    text: Text
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Step:
    id: Slug = doc("Unique across all stages.")
    name: Text
    summary: Text
    owner: Slug = ref("role", "The role that carries the step out.")
    practices: list[Practice]
    deliverables: list[Text]
    tools: list[Slug] = ref("tool", "Tools used in this step.", default_factory=list)
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Stage:
    id: Slug
    order: int = doc(
        "Position in the process: consecutive numbers from any start (0 or 1, as your CRM counts)."
    )
    name: Text
    goal: Text
    entry_criteria: list[Text]
    exit_criteria: list[Text]
    owners: list[Slug] = ref("role", "Roles accountable for the stage.")
    kpis: list[Slug] = ref("kpi", "KPIs that measure the stage.", default_factory=list)
    steps: list[Step]
    review: Review | None = review_field()
    acknowledge: bool = acknowledge_field()
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """Where a deal ends when it leaves the last stage: won, lost, no decision …"""

    id: Slug
    name: Text
    description: Text | None = None
    kind: OutcomeKind = doc("won, lost or other (no decision, duplicate …).", default="other")
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Channel:
    """A way scripts are delivered (phone, video call, WeCom …), with its label per language."""

    id: Slug
    label: Text
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Script:
    id: Slug
    title: Text
    stage: Slug = ref("stage")
    step: Slug = ref("step", "A step of the script's stage.")
    channel: Slug = doc(
        "One of the handbook's channels (its 'channels:' list; phone, email, meeting, social-media, "
        "wecom or remote when it has none)."
    )
    purpose: ScriptPurpose
    audience: Text = doc("Who the script is said to.")
    placeholders: list[Name] = doc(
        "Names written as {name} in the text; each must be declared here.",
        default_factory=list,
    )
    text: Text
    do: Text | None = doc("What to say: the good example of a do/don't pair.", default=None)
    dont: Text | None = doc("What not to say: the bad example of the pair.", default=None)
    notes: Text | None = None
    review: Review | None = review_field()
    acknowledge: bool = acknowledge_field()
    drill: Drill | None = doc(
        "A practice drill: the situation the rep faces and the rubric the answer is scored on.",
        default=None,
    )
    loc: Location = located()
    at: Positions = positions()


# --- measurement ------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class KpiInput:
    id: Name
    name: Text
    unit: KpiUnit
    formula: str | None = doc("For a derived input: how it is computed from other inputs.", default=None)
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class KpiExample:
    inputs: dict[Name, float | list[float]] = doc(
        "Values of the KPI's inputs: a number, or a list of numbers for mean, sum, min and max."
    )
    expected: float = doc(
        "The result, in the KPI's unit (a percent as 120, not 1.2; a ratio as 3.0 or 3.0x)."
    )
    explanation: Text
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class KpiTarget:
    cadence: Cadence
    text: Text
    value: float | None = None
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Kpi:
    id: Slug
    name: Text
    family: Text | None = doc("The group the KPI belongs to, e.g. retention rate.", default=None)
    definition: Text
    formula: str = doc(
        "Arithmetic over the inputs' names: + - * /, parentheses and mean, sum, min, max, round."
    )
    inputs: list[KpiInput]
    unit: KpiUnit
    direction: Direction
    cadence: list[Cadence]
    owner: Slug = ref("role")
    data_source: Slug = ref("tool", "The tool the inputs come from.")
    targets: list[KpiTarget] = field(default_factory=list)
    examples: list[KpiExample]
    review: Review | None = review_field()
    acknowledge: bool = acknowledge_field()
    loc: Location = located()
    at: Positions = positions()


# --- how the team works ------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class UsageRule:
    id: Slug
    text: Text
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Tool:
    id: Slug
    name: Text
    purpose: Text
    usage_rules: list[UsageRule]
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Occurrence:
    day: int = doc("Days after the triggering event, e.g. 7 for one week after purchase.")
    label: Text
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Meeting:
    id: Slug
    name: Text
    cadence: Cadence | None = doc(
        "How often it is held, in one word; 'every' says exactly when.", default=None
    )
    every: list[Weekday] | str | None = doc(
        "When it recurs: weekdays ([monday, wednesday]), '2 weeks on monday', 'first monday', "
        "'day 15' (of the month), 'month' or 'quarter'.",
        default=None,
    )
    time: str | None = doc("The local time it starts, HH:MM, e.g. 09:30.", default=None)
    minutes: int | None = doc("How long it lasts, in minutes.", default=None)
    starts: datetime.date | None = doc(
        "The first day it can be held; the handbook's effective date when left out.", default=None
    )
    purpose: Text
    owner: Slug = ref("role", "Who calls and runs it.")
    attendees: list[Slug] = ref("role")
    agenda: list[Text]
    rules: list[Text] = field(default_factory=list)
    schedule: list[Occurrence] = doc(
        "For meetings tied to an event (a purchase): when they happen.", default_factory=list
    )
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Tier:
    id: Slug
    name: Text
    priority: int = doc("1 is followed up first.")
    value: Text = doc("The customer value the tier stands for.")
    criteria: list[Text]
    resource_rule: Text
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class TrainingFormat:
    id: Slug
    name: Text
    summary: Text
    practices: list[Text]
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class TrainingModule:
    id: Slug
    level: TrainingLevel
    name: Text
    summary: Text
    topics: list[Text]
    formats: list[Slug] = ref("training-format", "How the module is delivered.")
    audience: list[Slug] = ref("role")
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Term:
    id: Slug
    term: Text
    note: Text | None = None
    loc: Location = located()
    at: Positions = positions()


# --- learning ---------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ChecklistItem:
    id: Slug = doc("Stable: progress is saved under it. Unique within the checklist.")
    text: Text
    owner: Slug = ref("role")
    day: int | None = doc(
        "Due on this day: in a stage's checklist, day N after the deal enters the stage (day 1 is "
        "that day); in other checklists, counted from a hire's start date. Leave out for no due day.",
        default=None,
    )
    step: Slug | None = ref("step", "The step the item comes from.", default=None)
    page: Target | None = doc("Or the page it comes from, as kind:id.", default=None)
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Checklist:
    id: Slug
    title: Text
    summary: Text
    stage: Slug | None = ref("stage", "The stage the checklist belongs to.", default=None)
    items: list[ChecklistItem]
    review: Review | None = review_field()
    acknowledge: bool = acknowledge_field()
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class PathItem:
    id: Slug = doc("Unique within the onboarding path.")
    kind: ItemKind
    title: Text
    target: Target | None = doc(
        "What the item points at, as kind:id (stage:, role:, kpi:, checklist:, quiz:, "
        "meeting:, training:, tool:, tier:, page:).",
        default=None,
    )
    owner: Slug = ref("role", "Who does it (the mentor for check-ins).")
    day: int | None = doc(
        "Due day (the first day when it lasts several); the milestone's day when left out.", default=None
    )
    duration: int | None = doc(
        "How many days it spans, e.g. 10 for a two-week bootcamp; due on its last day.", default=None
    )
    after: Slug | None = doc(
        "Starts the day after this item of the same path ends (instead of a 'day').", default=None
    )
    prerequisites: list[Slug] = doc("Items of the same path that come first.", default_factory=list)
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Milestone:
    id: Slug
    day: int = doc("Day of the milestone counted from the start date (day 1 is the start).")
    title: Text
    goal: Text
    items: list[PathItem]
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class OnboardingPath:
    id: Slug
    role: Slug = ref("role", "The role whose new hires follow this path.")
    mentor: Slug | None = ref(
        "role",
        "The role that assigns the path and follows the hire; none for a role at the top.",
        default=None,
    )
    title: Text
    summary: Text
    days: DayCount = doc(
        "How days are counted: calendar days, or working days (the handbook's calendar).",
        default="calendar",
    )
    milestones: list[Milestone]
    review: Review | None = review_field()
    acknowledge: bool = acknowledge_field()
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Option:
    id: Slug
    text: Text
    correct: bool = False
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Question:
    id: Slug = doc("Unique across all quizzes.")
    type: QuestionType
    prompt: Text
    options: list[Option] = doc("For single and multiple choice.", default_factory=list)
    answer: bool | float | str | None = doc(
        "For true-false (true or false) and numeric questions; choice questions mark options "
        "'correct: true' instead.",
        default=None,
    )
    tolerance: float | None = doc("For numeric questions: accepted distance.", default=None)
    unit: KpiUnit | None = None
    kpi: Slug | None = ref(
        "kpi", "For numeric questions: the KPI whose worked example the answer restates.", default=None
    )
    example: int | None = doc("Which of that KPI's worked examples, counted from 1.", default=None)
    explanation: Text
    tests: list[Target] = doc("What the question tests, as kind:id (stage:, step:, kpi:, role: …).")
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class Quiz:
    id: Slug
    title: Text
    summary: Text
    pass_mark: int = doc("Percent of points needed to pass, 1 to 100.")
    questions: list[Question]
    review: Review | None = review_field()
    acknowledge: bool = acknowledge_field()
    loc: Location = located()
    at: Positions = positions()


# --- practice -----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Drill:
    situation: Text = doc("What the rep faces: the customer, the moment, what was just said.")
    rubric: list[Slug] = doc(
        "The rubric criteria (ids from rubric_criteria) the answer is scored on, 1 to 5 each.",
        default_factory=list,
    )
    loc: Location = located()
    at: Positions = positions()


@dataclass(frozen=True, kw_only=True)
class RubricCriterion:
    id: Slug = doc("Stable: scores are saved under it.")
    name: Text
    description: Text = doc("What a score of 5 looks like, drawn from the handbook's own standards.")
    loc: Location = located()
    at: Positions = positions()
