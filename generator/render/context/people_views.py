"""What the pages about people and how the team works receive: roles, tools, meetings,
customer tiers and training (built by :mod:`.people`)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.presentation.links import Link


@dataclass(frozen=True)
class StepOfStage:
    """A step, with the stage it belongs to."""

    step: Link | None
    stage: Link | None


@dataclass(frozen=True)
class Duty:
    anchor: str
    text: str


@dataclass(frozen=True)
class DutiesAtCadence:
    """A role's duties done at one cadence (daily, weekly …)."""

    cadence: str
    anchor: str
    duties: tuple[Duty, ...]


@dataclass(frozen=True)
class OwnedItem:
    link: Link
    day: str


@dataclass(frozen=True)
class OwnedItems:
    """The items of one checklist that a role owns."""

    checklist: Link | None
    entries: tuple[OwnedItem, ...]


@dataclass(frozen=True)
class RolePage:
    """One role and everything it owns, runs, attends, learns and mentors."""

    title: str
    tags: tuple[str, ...]
    purpose: str
    responsibilities: tuple[str, ...]
    duties: tuple[DutiesAtCadence, ...]
    stages: tuple[Link, ...]
    steps: tuple[StepOfStage, ...]
    checklist_items: tuple[OwnedItems, ...]
    kpis: tuple[Link, ...]
    meetings_run: tuple[Link, ...]
    meetings_attended: tuple[Link, ...]
    training: tuple[Link, ...]
    paths: tuple[Link, ...]
    mentored_by: tuple[Link, ...]
    mentors: tuple[Link, ...]
    mentor_paths: tuple[Link, ...]
    pointing_items: tuple[Link, ...]
    questions: tuple[Link, ...]
    onboarding: tuple[Link, ...]


@dataclass(frozen=True)
class UsageRule:
    anchor: str
    text: str


@dataclass(frozen=True)
class ToolView:
    """A tool, its rules, and the steps and KPIs that use it. The last three fields, here and
    in the views below: checklist items pointing at it, questions testing it, onboarding items."""

    anchor: str
    name: str
    purpose: str
    rules: tuple[UsageRule, ...]
    steps: tuple[StepOfStage, ...]
    kpis: tuple[Link, ...]
    checklist_items: tuple[Link, ...]
    questions: tuple[Link, ...]
    onboarding: tuple[Link, ...]


@dataclass(frozen=True)
class ToolsPage:
    title: str
    tools: tuple[ToolView, ...]


@dataclass(frozen=True)
class MeetingView:
    """A meeting; ``cadence``: its recurrence in words; ``schedule``: (day, label) pairs."""

    anchor: str
    name: str
    purpose: str
    cadence: str
    owner: Link | None
    attendees: tuple[Link, ...]
    agenda: tuple[str, ...]
    rules: tuple[str, ...]
    schedule: tuple[tuple[int, str], ...]
    checklist_items: tuple[Link, ...]
    questions: tuple[Link, ...]
    onboarding: tuple[Link, ...]


@dataclass(frozen=True)
class MeetingsPage:
    title: str
    meetings: tuple[MeetingView, ...]


@dataclass(frozen=True)
class TierView:
    anchor: str
    link: Link | None
    name: str
    priority: int
    value: str
    criteria: tuple[str, ...]
    resource_rule: str
    checklist_items: tuple[Link, ...]
    questions: tuple[Link, ...]
    onboarding: tuple[Link, ...]


@dataclass(frozen=True)
class TiersPage:
    title: str
    tiers: tuple[TierView, ...]


@dataclass(frozen=True)
class TrainingFormat:
    anchor: str
    name: str
    summary: str
    practices: tuple[str, ...]
    modules: tuple[Link, ...]
    checklist_items: tuple[Link, ...]
    questions: tuple[Link, ...]
    onboarding: tuple[Link, ...]


@dataclass(frozen=True)
class TrainingModule:
    anchor: str
    name: str
    summary: str
    topics: tuple[str, ...]
    formats: tuple[Link, ...]
    audience: tuple[Link, ...]
    checklist_items: tuple[Link, ...]
    questions: tuple[Link, ...]
    onboarding: tuple[Link, ...]


@dataclass(frozen=True)
class TrainingLevel:
    anchor: str
    name: str
    modules: tuple[TrainingModule, ...]


@dataclass(frozen=True)
class TrainingPage:
    """Training formats, then the modules grouped by level (basic before advanced)."""

    title: str
    formats: tuple[TrainingFormat, ...]
    levels: tuple[TrainingLevel, ...]
