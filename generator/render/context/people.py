"""Contexts of the pages about people and how the team works: roles, tools, meetings,
customer tiers and training."""

from __future__ import annotations

from collections.abc import Iterable
from typing import get_args

from generator.model import entities as e
from generator.model.recurrence import RecurrenceError, meeting_recurrence
from generator.presentation.links import Link, anchor
from generator.presentation.recurrence_words import describe
from generator.render.context.people_views import (
    DutiesAtCadence,
    Duty,
    MeetingsPage,
    MeetingView,
    OwnedItem,
    OwnedItems,
    RolePage,
    StepOfStage,
    TiersPage,
    TierView,
    ToolsPage,
    ToolView,
    TrainingFormat,
    TrainingLevel,
    TrainingModule,
    TrainingPage,
    UsageRule,
)
from generator.render.context.site import Site

CADENCES: tuple[str, ...] = get_args(e.Cadence)
LEVELS: tuple[str, ...] = get_args(e.TrainingLevel)


def role_page(site: Site, source: str, role: e.Role) -> RolePage:
    """One role and everything it owns, runs, attends, learns and mentors."""
    rel = site.rel

    def links(kind: str, idents: Iterable[str]) -> tuple[Link, ...]:
        return tuple(site.links(source, kind, idents))

    return RolePage(
        title=site.t(role.name),
        tags=(site.t(role.name),),
        purpose=site.t(role.purpose),
        responsibilities=tuple(site.ts(role.responsibilities)),
        duties=_duties_by_cadence(site, role),
        stages=links("stage", (s.id for s in rel.stages_by_owner.get(role.id, []))),
        steps=tuple(_step_of_stage(site, source, st, sp) for st, sp in rel.steps_by_owner.get(role.id, [])),
        checklist_items=_items_owned(site, source, role),
        kpis=links("kpi", (k.id for k in rel.kpis_by_owner.get(role.id, []))),
        meetings_run=links("meeting", (m.id for m in rel.meetings_by_owner.get(role.id, []))),
        meetings_attended=links("meeting", (m.id for m in rel.meetings_by_attendee.get(role.id, []))),
        training=links("training", (m.id for m in rel.modules_by_role.get(role.id, []))),
        paths=links("path", (p.id for p in rel.paths_by_role.get(role.id, []))),
        mentored_by=links("role", rel.mentors_of.get(role.id, [])),
        mentors=links("role", rel.mentees_of.get(role.id, [])),
        mentor_paths=links("path", (p.id for p in rel.paths_by_mentor.get(role.id, []))),
        **_related(site, source, f"role:{role.id}", items="pointing_items"),
    )


def _related(
    site: Site, source: str, key: str, items: str = "checklist_items"
) -> dict[str, tuple[Link, ...]]:
    """What refers to ``key`` (a ``kind:id``): checklist items (under the field ``items``),
    quiz questions testing it, and onboarding items."""
    return {
        items: tuple(site.items_pointing(source, key)),
        "questions": tuple(site.tested_by(source, key)),
        "onboarding": tuple(site.path_items(source, key)),
    }


def _step_of_stage(site: Site, source: str, stage: e.Stage, step: e.Step) -> StepOfStage:
    return StepOfStage(site.link(source, "step", step.id), site.link(source, "stage", stage.id))


def _duties_by_cadence(site: Site, role: e.Role) -> tuple[DutiesAtCadence, ...]:
    groups: dict[str, list[Duty]] = {}
    for duty in role.duties:
        groups.setdefault(duty.cadence, []).append(Duty(anchor("duty", duty.id), site.t(duty.text)))
    order = {cadence: i for i, cadence in enumerate(CADENCES)}
    return tuple(
        DutiesAtCadence(site.cadence(cadence), anchor("cadence", cadence), tuple(duties))
        for cadence, duties in sorted(groups.items(), key=lambda kv: order.get(kv[0], len(order)))
    )


def _items_owned(site: Site, source: str, role: e.Role) -> tuple[OwnedItems, ...]:
    groups: dict[str, tuple[e.Checklist, list[OwnedItem]]] = {}
    for checklist, item in site.rel.items_by_owner.get(role.id, []):
        entries = groups.setdefault(checklist.id, (checklist, []))[1]
        entries.append(OwnedItem(site.checklist_item(source, checklist, item), site.day(item.day)))
    return tuple(
        OwnedItems(site.link(source, "checklist", checklist.id), tuple(entries))
        for checklist, entries in groups.values()
    )


def tools_page(site: Site, source: str) -> ToolsPage:
    tools = tuple(
        ToolView(
            anchor=anchor("tool", tool.id),
            name=site.t(tool.name),
            purpose=site.t(tool.purpose),
            rules=tuple(UsageRule(anchor("rule", tool.id, r.id), site.t(r.text)) for r in tool.usage_rules),
            steps=tuple(
                _step_of_stage(site, source, st, sp) for st, sp in site.rel.steps_by_tool.get(tool.id, [])
            ),
            kpis=tuple(site.links(source, "kpi", (k.id for k in site.rel.kpis_by_source.get(tool.id, [])))),
            **_related(site, source, f"tool:{tool.id}"),
        )
        for tool in site.handbook.tools
    )
    return ToolsPage(site.label("title.tools"), tools)


def _when(site: Site, meeting: e.Meeting) -> str:
    """A meeting's recurrence in words; its one-word cadence when it has no rule (or a broken one)."""
    try:
        recurrence = meeting_recurrence(meeting, site.handbook.info) if meeting.every else None
    except RecurrenceError:
        recurrence = None
    if recurrence is not None:
        return describe(site.labels, recurrence, meeting.time)
    return site.cadence(meeting.cadence) if meeting.cadence else ""


def meetings_page(site: Site, source: str) -> MeetingsPage:
    meetings = tuple(
        MeetingView(
            anchor=anchor("meeting", meeting.id),
            name=site.t(meeting.name),
            purpose=site.t(meeting.purpose),
            cadence=_when(site, meeting),
            owner=site.link(source, "role", meeting.owner),
            attendees=tuple(site.links(source, "role", meeting.attendees)),
            agenda=tuple(site.ts(meeting.agenda)),
            rules=tuple(site.ts(meeting.rules)),
            schedule=tuple((o.day, site.t(o.label)) for o in sorted(meeting.schedule, key=lambda o: o.day)),
            **_related(site, source, f"meeting:{meeting.id}"),
        )
        for meeting in site.handbook.meetings
    )
    return MeetingsPage(site.label("title.meetings"), meetings)


def tiers_page(site: Site, source: str) -> TiersPage:
    tiers = tuple(
        TierView(
            anchor=anchor("tier", tier.id),
            link=site.link(source, "tier", tier.id),
            name=site.t(tier.name),
            priority=tier.priority,
            value=site.t(tier.value),
            criteria=tuple(site.ts(tier.criteria)),
            resource_rule=site.t(tier.resource_rule),
            **_related(site, source, f"tier:{tier.id}"),
        )
        for tier in sorted(site.handbook.tiers, key=lambda t: t.priority)
    )
    return TiersPage(site.label("title.tiers"), tiers)


def training_page(site: Site, source: str) -> TrainingPage:
    """Training formats, then the modules grouped by level (basic before advanced)."""
    formats = tuple(
        TrainingFormat(
            anchor=anchor("format", fmt.id),
            name=site.t(fmt.name),
            summary=site.t(fmt.summary),
            practices=tuple(site.ts(fmt.practices)),
            modules=tuple(
                site.links(source, "training", (m.id for m in site.rel.modules_by_format.get(fmt.id, [])))
            ),
            **_related(site, source, f"training-format:{fmt.id}"),
        )
        for fmt in site.handbook.training_formats
    )
    levels = []
    for level in LEVELS:
        modules = tuple(
            _module(site, source, module)
            for module in site.handbook.training_modules
            if module.level == level
        )
        if modules:
            levels.append(TrainingLevel(anchor("level", level), site.label(f"level.{level}"), modules))
    return TrainingPage(site.label("title.training"), formats, tuple(levels))


def _module(site: Site, source: str, module: e.TrainingModule) -> TrainingModule:
    return TrainingModule(
        anchor=anchor("module", module.id),
        name=site.t(module.name),
        summary=site.t(module.summary),
        topics=tuple(site.ts(module.topics)),
        formats=tuple(site.links(source, "training-format", module.formats)),
        audience=tuple(site.links(source, "role", module.audience)),
        **_related(site, source, f"training:{module.id}"),
    )
