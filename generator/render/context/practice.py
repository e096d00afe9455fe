"""Contexts of the Practice section (drills, the review session) and the home page's role views.

Drills sit one page per stage, like the script library. The review session is in
:mod:`generator.render.context.review`.
"""

from __future__ import annotations

from generator.model import entities as e
from generator.model.fingerprint import drill_fingerprint
from generator.presentation.links import Link, anchor, relative
from generator.render.context import process
from generator.render.context.site import Context, Site

INDEX = "practice/index.md"
REVIEW = "practice/review.md"


def practice_page(stage_id: str) -> str:
    return f"practice/{stage_id}.md"


def drills_of(site: Site, stage: e.Stage) -> list[e.Script]:
    return [s for s in site.rel.scripts_by_stage.get(stage.id, []) if s.drill is not None]


def practice_index(site: Site, source: str) -> Context:
    stages = []
    for stage in site.handbook.ordered_stages():
        drills = drills_of(site, stage)
        page = practice_page(stage.id)
        stages.append(
            {
                "link": Link(site.t(stage.name) or stage.id, relative(source, page)),
                "drills": [_drill_link(site, source, script) for script in drills],
            }
        )
    return {
        "title": site.label("practice.title"),
        "stages": [s for s in stages if s["drills"]],
        "review": relative(source, REVIEW),
        "criteria": [_criterion(site, c) for c in site.handbook.rubric_criteria],
    }


def stage_practice(site: Site, source: str, stage: e.Stage) -> Context:
    return {
        "title": f"{site.label('practice.title_of')}{site.label('colon')} {site.t(stage.name)}",
        "stage": site.link(source, "stage", stage.id),
        "scripts": Link(site.label("practice.scripts_page"), relative(source, f"scripts/{stage.id}.md")),
        "drills": [_drill(site, source, script) for script in drills_of(site, stage)],
    }


def has_drills(site: Site) -> bool:
    return any(s.drill is not None for s in site.handbook.scripts)


def home(site: Site, source: str) -> Context:
    """The home page, with a view for each role (shown by practice.js once a reader picks one)."""
    return {
        **process.home(site, source),
        "role_views": [_role_view(site, source, r) for r in site.handbook.roles],
    }


def _role_view(site: Site, source: str, role: e.Role) -> Context:
    hb = site.handbook
    owned_steps = {step.id for _, step in hb.steps if step.owner == role.id}
    scripts = [s for s in hb.scripts if s.step in owned_steps]
    paths = [p for p in hb.onboarding_paths if p.role == role.id]
    return {
        "id": role.id,
        "name": site.t(role.name),
        "link": site.link(source, "role", role.id),
        "stages": site.links(source, "stage", [s.id for s in hb.ordered_stages() if role.id in s.owners]),
        "steps": site.links(source, "step", [step.id for _, step in hb.steps if step.owner == role.id]),
        "scripts": site.links(source, "script", [s.id for s in scripts]),
        "drills": [_drill_link(site, source, s) for s in scripts if s.drill is not None],
        "checklists": site.links(
            source, "checklist", [c.id for c in hb.checklists if any(i.owner == role.id for i in c.items)]
        ),
        "kpis": site.links(source, "kpi", [k.id for k in hb.kpis if k.owner == role.id]),
        "paths": site.links(source, "path", [p.id for p in paths]),
        "path_ids": " ".join(p.id for p in paths),
        "review": relative(source, REVIEW),
    }


def _drill_link(site: Site, source: str, script: e.Script) -> Link:
    page = practice_page(script.stage)
    return Link(site.t(script.title), relative(source, page, anchor("drill", script.id)))


def _criterion(site: Site, criterion: e.RubricCriterion) -> Context:
    return {"id": criterion.id, "name": site.t(criterion.name), "description": site.t(criterion.description)}


def _drill(site: Site, source: str, script: e.Script) -> Context:
    criteria = {c.id: c for c in site.handbook.rubric_criteria}
    drill = script.drill
    rubric = [criteria[c] for c in (drill.rubric if drill else []) if c in criteria]
    return {
        "anchor": anchor("drill", script.id),
        "id": script.id,
        "fingerprint": drill_fingerprint(script),
        "stage": script.stage,
        "title": site.t(script.title),
        "situation": site.t(drill.situation) if drill else "",
        "audience": site.t(script.audience),
        "answer": site.t(script.text),
        "script": site.link(source, "script", script.id),
        "rubric": [_criterion(site, c) for c in rubric],
    }
