"""Context of the editors' coverage page: what covers each stage and step, and the gaps."""

from __future__ import annotations

from collections.abc import Iterable

from generator.model import entities as e
from generator.presentation.links import Link, anchor
from generator.render.context.freshness import freshness_table
from generator.render.context.site import Context, Site

# The columns of the coverage table, in order; KPIs attach to stages only.
COLUMNS = ("checklist_items", "scripts", "questions", "kpis")
_COLUMN_LABELS = {
    "checklist_items": "field.checklist_items",
    "scripts": "field.scripts",
    "questions": "field.questions",
    "kpis": "field.kpis",
}


def coverage_page(site: Site, source: str) -> Context:
    stages = [_stage(site, source, stage) for stage in site.handbook.ordered_stages()]
    covered_roles = {p.role for p in site.handbook.onboarding_paths}
    return {
        "title": site.label("title.coverage"),
        "columns": [site.label(_COLUMN_LABELS[c]) for c in COLUMNS],
        "stages": stages,
        "gap_count": sum(len(stage["gaps"]) for stage in stages),
        "roles_without_path": [
            site.link(source, "role", r.id) for r in site.handbook.roles if r.id not in covered_roles
        ],
        "kpis_without_stage": [
            site.link(source, "kpi", k.id) for k in site.handbook.kpis if not site.rel.stages_by_kpi.get(k.id)
        ],
        "freshness": freshness_table(site, source),
    }


def _stage(site: Site, source: str, stage: e.Stage) -> Context:
    rel = site.rel
    items = [
        (checklist, item)
        for checklist in rel.checklists_by_stage.get(stage.id, [])
        for item in checklist.items
    ]
    whole = {
        "checklist_items": [_item_link(site, source, c, i) for c, i in items],
        "scripts": _ids(site, source, "script", (s.id for s in rel.scripts_by_stage.get(stage.id, []))),
        "questions": _ids(
            site, source, "question", (q.id for _, q in rel.questions_by_stage.get(stage.id, []))
        ),
        "kpis": _ids(site, source, "kpi", stage.kpis),
    }
    name = site.t(stage.name) or stage.id
    rows = [_row(site.label("coverage.stage_row"), site.link(source, "stage", stage.id), whole)]
    gaps = _gaps(site, name, whole)
    for step in stage.steps:
        cells = {
            "checklist_items": [
                _item_link(site, source, c, i)
                for c, i in rel.items_by_step.get(step.id, [])
                if c.stage == stage.id
            ],
            "scripts": _ids(site, source, "script", (s.id for s in rel.scripts_by_step.get(step.id, []))),
            "questions": _ids(
                site,
                source,
                "question",
                (q.id for _, q in rel.questions_by_target.get(f"step:{step.id}", [])),
            ),
        }
        step_name = site.t(step.name) or step.id
        rows.append(_row(step_name, site.link(source, "step", step.id), cells))
        gaps += _gaps(site, f"{name} › {step_name}", cells)
    return {
        "anchor": anchor("coverage", stage.id),
        "order": stage.order,
        "title": name,
        "link": site.link(source, "stage", stage.id),
        "rows": rows,
        "gaps": gaps,
    }


def _row(name: str, link: Link | None, cells: dict[str, list[Link]]) -> Context:
    return {
        "name": name,
        "link": Link(name, link.url) if link else None,
        "cells": [{"count": len(cells[c]), "links": cells[c]} if c in cells else None for c in COLUMNS],
    }


def _gaps(site: Site, where: str, cells: dict[str, list[Link]]) -> list[str]:
    missing, space = site.label("coverage.missing"), site.label("word_space")
    return [
        f"{where}{site.colon()}{missing}{space}{site.label(_COLUMN_LABELS[column]).lower()}"
        for column, links in cells.items()
        if not links
    ]


def _ids(site: Site, source: str, kind: str, idents: Iterable[str]) -> list[Link]:
    """Links named by id: short enough to list many in one table cell."""
    found = (site.link(source, kind, ident, text=ident) for ident in dict.fromkeys(idents))
    return [link for link in found if link is not None]


def _item_link(site: Site, source: str, checklist: e.Checklist, item: e.ChecklistItem) -> Link:
    return Link(item.id, site.checklist_item(source, checklist, item).url)
