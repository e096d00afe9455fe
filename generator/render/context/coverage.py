"""Context of the editors' coverage pages: what covers each stage and step, and the gaps.

A small handbook gets one page with every stage's table. A large one gets an overview (one
row of counts per stage, linking on) and a page per stage holding that stage's table: the
whole table of a 150-stage handbook is 2 MB of HTML, too much for one page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.model import entities as e
from generator.presentation.links import Link, anchor, relative
from generator.render.context.freshness import Freshness, freshness_table
from generator.render.context.site import Site

OVERVIEW = "editors/coverage.md"
# The columns of the coverage table, in order; KPIs attach to stages only.
COLUMNS = ("checklist_items", "scripts", "questions", "kpis")
_COLUMN_LABELS = {
    "checklist_items": "field.checklist_items",
    "scripts": "field.scripts",
    "questions": "field.questions",
    "kpis": "field.kpis",
}
# The tables stay on one page up to this many links. Each link in a cell is about 110 bytes
# of HTML, so 1,500 links are some 170 KB: a page that still opens at once and scrolls
# comfortably (the default handbook has about 240). Past it, a page per stage.
LINKS_ON_ONE_PAGE = 1500


def stage_coverage_page(stage_id: str) -> str:
    """The page holding one stage's table when the tables are split."""
    return f"editors/coverage-by-stage/{stage_id}.md"


@dataclass(frozen=True)
class Cell:
    """What covers one stage or step in one column: how many, and links to each."""

    count: int
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Row:
    """A line of a stage's table: the whole stage, or one step. ``None`` cells do not apply."""

    name: str
    link: Link | None
    cells: tuple[Cell | None, ...]


@dataclass(frozen=True)
class StageCoverage:
    """One stage's table and gaps. ``totals``: the whole stage's count per column (the
    overview's row); ``page``: the stage's own coverage page, when the tables are split."""

    anchor: str
    order: int
    title: str
    link: Link | None
    rows: tuple[Row, ...]
    gaps: tuple[str, ...]
    totals: tuple[int, ...]
    page: Link | None


@dataclass(frozen=True)
class CoveragePage:
    """The coverage page: every stage's table, or (``split``) one row of counts per stage."""

    title: str
    columns: tuple[str, ...]
    stages: tuple[StageCoverage, ...]
    split: bool
    gap_count: int
    roles_without_path: tuple[Link, ...]
    kpis_without_stage: tuple[Link, ...]
    freshness: Freshness


@dataclass(frozen=True)
class StageCoveragePage:
    """One stage's coverage table on a page of its own, linking back to the overview."""

    title: str
    columns: tuple[str, ...]
    stage: StageCoverage
    overview: Link


def coverage_split(site: Site) -> bool:
    """Whether the tables are too large for one page (see ``LINKS_ON_ONE_PAGE``)."""
    rel = site.rel
    links = 0
    for stage in site.handbook.ordered_stages():
        items = sum(len(c.items) for c in rel.checklists_by_stage.get(stage.id, []))
        links += items + len(rel.scripts_by_stage.get(stage.id, []))
        links += len(rel.questions_by_stage.get(stage.id, [])) + len(stage.kpis)
        if 2 * links > LINKS_ON_ONE_PAGE:  # the steps' rows show most of them again
            return True
    return False


def coverage_page(site: Site, source: str) -> CoveragePage:
    split = coverage_split(site)
    stages = tuple(_stage(site, source, stage, split) for stage in site.handbook.ordered_stages())
    covered_roles = {p.role for p in site.handbook.onboarding_paths}
    hb = site.handbook
    return CoveragePage(
        title=site.label("title.coverage"),
        columns=_columns(site),
        stages=stages,
        split=split,
        gap_count=sum(len(stage.gaps) for stage in stages),
        roles_without_path=tuple(
            site.links(source, "role", (r.id for r in hb.roles if r.id not in covered_roles))
        ),
        kpis_without_stage=tuple(
            site.links(source, "kpi", (k.id for k in hb.kpis if not site.rel.stages_by_kpi.get(k.id)))
        ),
        freshness=freshness_table(site, source),
    )


def stage_coverage(site: Site, source: str, stage: e.Stage) -> StageCoveragePage:
    """The page of one stage's table (only written when the tables are split)."""
    name = site.t(stage.name) or stage.id
    return StageCoveragePage(
        title=f"{site.label('coverage.title_of')}{site.colon()}{name}",
        columns=_columns(site),
        stage=_stage(site, source, stage, split=False),
        overview=Link(site.label("coverage.all_stages"), relative(source, OVERVIEW)),
    )


def _columns(site: Site) -> tuple[str, ...]:
    return tuple(site.label(_COLUMN_LABELS[c]) for c in COLUMNS)


def _stage(site: Site, source: str, stage: e.Stage, split: bool) -> StageCoverage:
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
        cells = _step_cells(site, source, stage, step)
        step_name = site.t(step.name) or step.id
        rows.append(_row(step_name, site.link(source, "step", step.id), cells))
        gaps += _gaps(site, f"{name} › {step_name}", cells)
    page = stage_coverage_page(stage.id)
    return StageCoverage(
        anchor=anchor("coverage", stage.id),
        order=stage.order,
        title=name,
        link=site.link(source, "stage", stage.id),
        # The overview shows counts only: the links stay on the stage's page.
        rows=(rows[0],) if split else tuple(rows),
        gaps=tuple(gaps),
        totals=tuple(len(whole[c]) for c in COLUMNS),
        page=Link(name, relative(source, page)) if split else None,
    )


def _step_cells(site: Site, source: str, stage: e.Stage, step: e.Step) -> dict[str, list[Link]]:
    rel = site.rel
    return {
        "checklist_items": [
            _item_link(site, source, c, i)
            for c, i in rel.items_by_step.get(step.id, [])
            if c.stage == stage.id
        ],
        "scripts": _ids(site, source, "script", (s.id for s in rel.scripts_by_step.get(step.id, []))),
        "questions": _ids(
            site, source, "question", (q.id for _, q in rel.questions_by_target.get(f"step:{step.id}", []))
        ),
    }


def _row(name: str, link: Link | None, cells: dict[str, list[Link]]) -> Row:
    return Row(
        name=name,
        link=Link(name, link.url) if link else None,
        cells=tuple(Cell(len(cells[c]), tuple(cells[c])) if c in cells else None for c in COLUMNS),
    )


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
