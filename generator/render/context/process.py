"""Contexts of the process pages: home, stages, principles, glossary."""

from __future__ import annotations

from generator.model import entities as e
from generator.presentation.links import Link, anchor, relative, script_page
from generator.render.context.learning import checklist_view
from generator.render.context.process_views import (
    Flow,
    GlossaryPage,
    HomePage,
    Outcome,
    Principle,
    PrinciplesPage,
    PrincipleSummary,
    ReaderStart,
    RoleView,
    StagePage,
    StageStop,
    StepView,
    Term,
)
from generator.render.context.site import Site
from generator.render.guides import GUIDES

_GUIDE_LABELS = {
    "new_hire": "home.guide_new_hires",
    "mentor": "home.guide_mentors",
    "editor": "home.guide_editors",
}


def home(site: Site, source: str, role_views: tuple[RoleView, ...] = ()) -> HomePage:
    """The home page: the handbook, its flow and principles, where each kind of reader starts,
    and ``role_views`` (what each role works on: see :func:`.practice.home`)."""
    info = site.handbook.info
    stages = tuple(
        StageStop(stage.order, site.link(source, "stage", stage.id))
        for stage in site.handbook.ordered_stages()
    )
    principles = tuple(
        PrincipleSummary(site.link(source, "principle", p.id), site.t(p.summary))
        for p in site.handbook.principles
    )
    return HomePage(
        title=site.t(info.title) if info else "",
        version=info.version if info else "",
        effective=site.date(info.effective_date) if info else "",
        purpose=site.t(info.purpose) if info else "",
        benefits=tuple(site.ts(info.benefits)) if info else (),
        commitment=site.t(info.commitment) if info else "",
        stages=stages,
        outcomes=outcomes(site, source),
        principles=principles,
        start=tuple(_start(site, source, who, guide) for who, guide in GUIDES.items()),
        role_views=role_views,
    )


def _start(site: Site, source: str, who: str, guide: str) -> ReaderStart:
    links = [Link(site.label(_GUIDE_LABELS[who]), relative(source, guide))]
    if who == "new_hire":
        links.append(Link(site.label("title.onboarding"), relative(source, "onboarding/index.md")))
    if who == "mentor":
        links.append(Link(site.label("assign.title"), relative(source, "onboarding/assign.md")))
        links.append(Link(site.label("hires.title"), relative(source, "onboarding/hires.md")))
    if who == "editor":
        links.append(Link(site.label("title.coverage"), relative(source, "editors/coverage.md")))
    return ReaderStart(site.label(f"home.{who}"), site.label(f"home.{who}_text"), tuple(links))


def outcomes(site: Site, source: str) -> tuple[Outcome, ...]:
    """Where deals end after the last stage (won, lost …), each with its place on the home page."""
    return tuple(
        Outcome(
            anchor=anchor("outcome", o.id),
            link=Link(site.t(o.name) or o.id, relative(source, "index.md") + "#" + anchor("outcome", o.id)),
            kind=o.kind,
            description=site.t(o.description),
        )
        for o in site.handbook.outcomes
    )


def _neighbours(site: Site, source: str, stage: e.Stage) -> Flow:
    """The stage before and after in the flow; after the last stage come the outcomes."""
    ordered = site.handbook.ordered_stages()
    at = next(i for i, s in enumerate(ordered) if s is stage)
    before = ordered[at - 1] if at > 0 else None
    after = ordered[at + 1] if at + 1 < len(ordered) else None
    return Flow(
        previous=site.link(source, "stage", before.id) if before else None,
        next=site.link(source, "stage", after.id) if after else None,
        outcomes=() if after else tuple(o.link for o in outcomes(site, source)),
    )


def stage_page(site: Site, source: str, stage: e.Stage) -> StagePage:
    """Everything about one stage, with links to all that refers to it."""
    owners = tuple(site.links(source, "role", stage.owners))
    scripts = site.rel.scripts_by_stage.get(stage.id, [])
    return StagePage(
        order=stage.order,
        title=site.t(stage.name),
        tags=(site.t(stage.name), *(link.text for link in owners)),
        goal=site.t(stage.goal),
        entry=tuple(site.ts(stage.entry_criteria)),
        exit=tuple(site.ts(stage.exit_criteria)),
        owners=owners,
        kpis=tuple(site.links(source, "kpi", stage.kpis)),
        steps=tuple(_step(site, source, step) for step in stage.steps),
        script_page=Link(site.label("field.script_page"), relative(source, script_page(stage.id))),
        scripts=tuple(site.links(source, "script", (s.id for s in scripts))),
        checklists=tuple(
            checklist_view(site, source, c) for c in site.rel.checklists_by_stage.get(stage.id, [])
        ),
        pointing_items=tuple(site.items_pointing(source, f"stage:{stage.id}")),
        questions=tuple(site.questions(source, site.rel.questions_by_stage.get(stage.id, []))),
        onboarding=tuple(site.path_items(source, f"stage:{stage.id}")),
        flow=_neighbours(site, source, stage),
    )


def _step(site: Site, source: str, step: e.Step) -> StepView:
    items = [
        site.checklist_item(source, checklist, item)
        for checklist, item in site.rel.items_by_step.get(step.id, [])
        if checklist.stage == site.index.stage_of_step[step.id].id
    ]
    return StepView(
        anchor=anchor("step", step.id),
        name=site.t(step.name),
        summary=site.t(step.summary),
        owner=site.link(source, "role", step.owner),
        practices=tuple((site.t(p.name), site.t(p.text)) for p in step.practices),
        deliverables=tuple(site.ts(step.deliverables)),
        tools=tuple(site.links(source, "tool", step.tools)),
        scripts=tuple(
            site.links(source, "script", (s.id for s in site.rel.scripts_by_step.get(step.id, [])))
        ),
        checklist_items=tuple(items),
        questions=tuple(site.tested_by(source, f"step:{step.id}")),
        onboarding=tuple(site.path_items(source, f"step:{step.id}")),
    )


def principles_page(site: Site, source: str) -> PrinciplesPage:
    principles = tuple(
        Principle(
            anchor=anchor("principle", p.id),
            name=site.t(p.name),
            summary=site.t(p.summary),
            example=site.t(p.example),
            checklist_items=tuple(site.items_pointing(source, f"principle:{p.id}")),
            questions=tuple(site.tested_by(source, f"principle:{p.id}")),
            onboarding=tuple(site.path_items(source, f"principle:{p.id}")),
        )
        for p in site.handbook.principles
    )
    return PrinciplesPage(site.label("title.principles"), principles)


def glossary_page(site: Site, source: str) -> GlossaryPage:
    terms = tuple(
        Term(anchor("term", term.id), term.term.get("en"), term.term.get("zh"), site.t(term.note))
        for term in site.handbook.glossary
    )
    return GlossaryPage(site.label("title.glossary"), terms)
