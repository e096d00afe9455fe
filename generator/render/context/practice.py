"""Contexts of the Practice section (drills, the review session) and the home page's role views.

Drills sit one page per stage, like the script library. The review session is in
:mod:`generator.render.context.review`.
"""

from __future__ import annotations

from generator.model import entities as e
from generator.model.fingerprint import drill_fingerprint
from generator.presentation.links import Link, anchor, relative
from generator.render.context import process
from generator.render.context.process_views import (
    Criterion,
    Drill,
    HomePage,
    PracticeIndex,
    PracticePage,
    RoleView,
    StageDrills,
)
from generator.render.context.site import Site

INDEX = "practice/index.md"
REVIEW = "practice/review.md"


def practice_page(stage_id: str) -> str:
    return f"practice/{stage_id}.md"


def drills_of(site: Site, stage: e.Stage) -> list[e.Script]:
    return [s for s in site.rel.scripts_by_stage.get(stage.id, []) if s.drill is not None]


def practice_index(site: Site, source: str) -> PracticeIndex:
    stages = []
    for stage in site.handbook.ordered_stages():
        drills = tuple(_drill_link(site, source, script) for script in drills_of(site, stage))
        if drills:
            page = Link(site.t(stage.name) or stage.id, relative(source, practice_page(stage.id)))
            stages.append(StageDrills(page, drills))
    return PracticeIndex(
        title=site.label("practice.title"),
        stages=tuple(stages),
        review=relative(source, REVIEW),
        criteria=tuple(_criterion(site, c) for c in site.handbook.rubric_criteria),
    )


def stage_practice(site: Site, source: str, stage: e.Stage) -> PracticePage:
    return PracticePage(
        title=f"{site.label('practice.title_of')}{site.label('colon')} {site.t(stage.name)}",
        stage=site.link(source, "stage", stage.id),
        scripts=Link(site.label("practice.scripts_page"), relative(source, f"scripts/{stage.id}.md")),
        drills=tuple(_drill(site, source, script) for script in drills_of(site, stage)),
    )


def has_drills(site: Site) -> bool:
    return any(s.drill is not None for s in site.handbook.scripts)


def home(site: Site, source: str) -> HomePage:
    """The home page, with a view for each role (shown by practice.js once a reader picks one)."""
    return process.home(site, source, tuple(_role_view(site, source, r) for r in site.handbook.roles))


def _role_view(site: Site, source: str, role: e.Role) -> RoleView:
    hb = site.handbook
    owned_steps = {step.id for _, step in hb.steps if step.owner == role.id}
    scripts = [s for s in hb.scripts if s.step in owned_steps]
    paths = [p for p in hb.onboarding_paths if p.role == role.id]

    def links(kind: str, idents: list[str]) -> tuple[Link, ...]:
        return tuple(site.links(source, kind, idents))

    return RoleView(
        id=role.id,
        name=site.t(role.name),
        link=site.link(source, "role", role.id),
        stages=links("stage", [s.id for s in hb.ordered_stages() if role.id in s.owners]),
        steps=links("step", [step.id for _, step in hb.steps if step.owner == role.id]),
        scripts=links("script", [s.id for s in scripts]),
        drills=tuple(_drill_link(site, source, s) for s in scripts if s.drill is not None),
        checklists=links(
            "checklist", [c.id for c in hb.checklists if any(i.owner == role.id for i in c.items)]
        ),
        kpis=links("kpi", [k.id for k in hb.kpis if k.owner == role.id]),
        paths=links("path", [p.id for p in paths]),
        path_ids=" ".join(p.id for p in paths),
        review=relative(source, REVIEW),
    )


def _drill_link(site: Site, source: str, script: e.Script) -> Link:
    page = practice_page(script.stage)
    return Link(site.t(script.title), relative(source, page, anchor("drill", script.id)))


def _criterion(site: Site, criterion: e.RubricCriterion) -> Criterion:
    return Criterion(criterion.id, site.t(criterion.name), site.t(criterion.description))


def _drill(site: Site, source: str, script: e.Script) -> Drill:
    criteria = {c.id: c for c in site.handbook.rubric_criteria}
    drill = script.drill
    rubric = [criteria[c] for c in (drill.rubric if drill else []) if c in criteria]
    return Drill(
        anchor=anchor("drill", script.id),
        id=script.id,
        fingerprint=drill_fingerprint(script),
        stage=script.stage,
        title=site.t(script.title),
        situation=site.t(drill.situation) if drill else "",
        audience=site.t(script.audience),
        answer=site.t(script.text),
        script=site.link(source, "script", script.id),
        rubric=tuple(_criterion(site, c) for c in rubric),
    )
