"""Contexts of the pages about people and how the team works: roles, tools, meetings,
customer tiers and training."""

from __future__ import annotations

from typing import get_args

from generator.model import entities as e
from generator.model.recurrence import RecurrenceError, meeting_recurrence
from generator.presentation.links import anchor
from generator.presentation.recurrence_words import describe
from generator.render.context.site import Context, Site

CADENCES: tuple[str, ...] = get_args(e.Cadence)
LEVELS: tuple[str, ...] = get_args(e.TrainingLevel)


def role_page(site: Site, source: str, role: e.Role) -> Context:
    """One role and everything it owns, runs, attends, learns and mentors."""
    rel = site.rel
    return {
        "title": site.t(role.name),
        "tags": [site.t(role.name)],
        "purpose": site.t(role.purpose),
        "responsibilities": site.ts(role.responsibilities),
        "duties": _duties_by_cadence(site, role),
        "stages": site.links(source, "stage", (s.id for s in rel.stages_by_owner.get(role.id, []))),
        "steps": [
            {"step": site.link(source, "step", step.id), "stage": site.link(source, "stage", stage.id)}
            for stage, step in rel.steps_by_owner.get(role.id, [])
        ],
        "checklist_items": _items_owned(site, source, role),
        "kpis": site.links(source, "kpi", (k.id for k in rel.kpis_by_owner.get(role.id, []))),
        "meetings_run": site.links(source, "meeting", (m.id for m in rel.meetings_by_owner.get(role.id, []))),
        "meetings_attended": site.links(
            source, "meeting", (m.id for m in rel.meetings_by_attendee.get(role.id, []))
        ),
        "training": site.links(source, "training", (m.id for m in rel.modules_by_role.get(role.id, []))),
        "paths": site.links(source, "path", (p.id for p in rel.paths_by_role.get(role.id, []))),
        "mentored_by": site.links(source, "role", rel.mentors_of.get(role.id, [])),
        "mentors": site.links(source, "role", rel.mentees_of.get(role.id, [])),
        "mentor_paths": site.links(source, "path", (p.id for p in rel.paths_by_mentor.get(role.id, []))),
        "pointing_items": site.items_pointing(source, f"role:{role.id}"),
        "questions": site.tested_by(source, f"role:{role.id}"),
        "onboarding": site.path_items(source, f"role:{role.id}"),
    }


def _duties_by_cadence(site: Site, role: e.Role) -> list[Context]:
    groups: dict[str, list[Context]] = {}
    for duty in role.duties:
        groups.setdefault(duty.cadence, []).append(
            {"anchor": anchor("duty", duty.id), "text": site.t(duty.text)}
        )
    order = {cadence: i for i, cadence in enumerate(CADENCES)}
    return [
        {"cadence": site.cadence(cadence), "anchor": anchor("cadence", cadence), "duties": duties}
        for cadence, duties in sorted(groups.items(), key=lambda kv: order.get(kv[0], len(order)))
    ]


def _items_owned(site: Site, source: str, role: e.Role) -> list[Context]:
    groups: dict[str, Context] = {}
    for checklist, item in site.rel.items_by_owner.get(role.id, []):
        group = groups.get(checklist.id)
        if group is None:
            group = groups[checklist.id] = {
                "checklist": site.link(source, "checklist", checklist.id),
                "entries": [],
            }
        link = site.checklist_item(source, checklist, item)
        group["entries"].append({"link": link, "day": site.day(item.day)})
    return list(groups.values())


def tools_page(site: Site, source: str) -> Context:
    tools = []
    for tool in site.handbook.tools:
        tools.append(
            {
                "anchor": anchor("tool", tool.id),
                "name": site.t(tool.name),
                "purpose": site.t(tool.purpose),
                "rules": [
                    {"anchor": anchor("rule", tool.id, rule.id), "text": site.t(rule.text)}
                    for rule in tool.usage_rules
                ],
                "steps": [
                    {
                        "step": site.link(source, "step", step.id),
                        "stage": site.link(source, "stage", stage.id),
                    }
                    for stage, step in site.rel.steps_by_tool.get(tool.id, [])
                ],
                "kpis": site.links(source, "kpi", (k.id for k in site.rel.kpis_by_source.get(tool.id, []))),
                "checklist_items": site.items_pointing(source, f"tool:{tool.id}"),
                "questions": site.tested_by(source, f"tool:{tool.id}"),
                "onboarding": site.path_items(source, f"tool:{tool.id}"),
            }
        )
    return {"title": site.label("title.tools"), "tools": tools}


def _when(site: Site, meeting: e.Meeting) -> str:
    """A meeting's recurrence in words; its one-word cadence when it has no rule (or a broken one)."""
    try:
        recurrence = meeting_recurrence(meeting, site.handbook.info) if meeting.every else None
    except RecurrenceError:
        recurrence = None
    if recurrence is not None:
        return describe(site.labels, recurrence, meeting.time)
    return site.cadence(meeting.cadence) if meeting.cadence else ""


def meetings_page(site: Site, source: str) -> Context:
    meetings = []
    for meeting in site.handbook.meetings:
        meetings.append(
            {
                "anchor": anchor("meeting", meeting.id),
                "name": site.t(meeting.name),
                "purpose": site.t(meeting.purpose),
                "cadence": _when(site, meeting),
                "owner": site.link(source, "role", meeting.owner),
                "attendees": site.links(source, "role", meeting.attendees),
                "agenda": site.ts(meeting.agenda),
                "rules": site.ts(meeting.rules),
                "schedule": [(o.day, site.t(o.label)) for o in sorted(meeting.schedule, key=lambda o: o.day)],
                "checklist_items": site.items_pointing(source, f"meeting:{meeting.id}"),
                "questions": site.tested_by(source, f"meeting:{meeting.id}"),
                "onboarding": site.path_items(source, f"meeting:{meeting.id}"),
            }
        )
    return {"title": site.label("title.meetings"), "meetings": meetings}


def tiers_page(site: Site, source: str) -> Context:
    tiers = []
    for tier in sorted(site.handbook.tiers, key=lambda t: t.priority):
        tiers.append(
            {
                "anchor": anchor("tier", tier.id),
                "link": site.link(source, "tier", tier.id),
                "name": site.t(tier.name),
                "priority": tier.priority,
                "value": site.t(tier.value),
                "criteria": site.ts(tier.criteria),
                "resource_rule": site.t(tier.resource_rule),
                "checklist_items": site.items_pointing(source, f"tier:{tier.id}"),
                "questions": site.tested_by(source, f"tier:{tier.id}"),
                "onboarding": site.path_items(source, f"tier:{tier.id}"),
            }
        )
    return {"title": site.label("title.tiers"), "tiers": tiers}


def training_page(site: Site, source: str) -> Context:
    """Training formats, then the modules grouped by level (basic before advanced)."""
    formats = [
        {
            "anchor": anchor("format", fmt.id),
            "name": site.t(fmt.name),
            "summary": site.t(fmt.summary),
            "practices": site.ts(fmt.practices),
            "modules": site.links(
                source, "training", (m.id for m in site.rel.modules_by_format.get(fmt.id, []))
            ),
            "checklist_items": site.items_pointing(source, f"training-format:{fmt.id}"),
            "questions": site.tested_by(source, f"training-format:{fmt.id}"),
            "onboarding": site.path_items(source, f"training-format:{fmt.id}"),
        }
        for fmt in site.handbook.training_formats
    ]
    levels = []
    for level in LEVELS:
        modules = [
            {
                "anchor": anchor("module", module.id),
                "name": site.t(module.name),
                "summary": site.t(module.summary),
                "topics": site.ts(module.topics),
                "formats": site.links(source, "training-format", module.formats),
                "audience": site.links(source, "role", module.audience),
                "checklist_items": site.items_pointing(source, f"training:{module.id}"),
                "questions": site.tested_by(source, f"training:{module.id}"),
                "onboarding": site.path_items(source, f"training:{module.id}"),
            }
            for module in site.handbook.training_modules
            if module.level == level
        ]
        if modules:
            levels.append(
                {"anchor": anchor("level", level), "name": site.label(f"level.{level}"), "modules": modules}
            )
    return {"title": site.label("title.training"), "formats": formats, "levels": levels}
