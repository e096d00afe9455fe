"""Context of the role matrix: roles × stages and steps, who owns and who helps.

A small handbook gets one table. A large one gets an overview (one row per stage: its owners
and the roles taking part, linking on) and a page per stage whose table has a column for
each role taking part in it only: the whole table of 40 roles × 1,050 steps is 2 MB.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import entities as e
from generator.presentation.links import Link, anchor, relative
from generator.render.context.site import Site

OVERVIEW = "roles/matrix.md"
# One table up to this many cells (roles × rows). A cell is about 50 bytes of HTML, so 3,000
# cells are some 150 KB: still quick, and a table a reader can take in (the default handbook
# has 60). Past it, a page per stage.
CELLS_ON_ONE_PAGE = 3000
OWNER, HELPS = "owner", "helps"


def stage_matrix_page(stage_id: str) -> str:
    """The page holding one stage's table when the matrix is split."""
    return f"roles/by-stage/{stage_id}.md"


@dataclass(frozen=True)
class MatrixRow:
    """A stage or one of its steps; ``cells``: (``owner``/``helps``/empty, its label) per role."""

    link: Link | None
    is_stage: bool
    cells: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class StageSummary:
    """The overview's row of a stage: its owners, the roles taking part, and its own page."""

    anchor: str
    order: int
    page: Link
    owners: tuple[Link, ...]
    taking_part: tuple[Link, ...]


@dataclass(frozen=True)
class MatrixPage:
    """The role matrix: the whole table (``rows``), or (``split``) a summary per stage."""

    title: str
    split: bool
    roles: tuple[Link, ...]
    rows: tuple[MatrixRow, ...]
    stages: tuple[StageSummary, ...]


@dataclass(frozen=True)
class StageMatrixPage:
    """One stage's rows, with a column for each role that owns or helps in the stage."""

    title: str
    stage: Link | None
    overview: Link
    roles: tuple[Link, ...]
    rows: tuple[MatrixRow, ...]


def matrix_split(site: Site) -> bool:
    """Whether the table is too large for one page (see ``CELLS_ON_ONE_PAGE``)."""
    rows = sum(1 + len(stage.steps) for stage in site.handbook.stages)
    return rows * len(site.handbook.roles) > CELLS_ON_ONE_PAGE


def matrix_page(site: Site, source: str) -> MatrixPage:
    """Roles × stages and steps: who owns, who helps (see ``matrix.legend``)."""
    roles = site.handbook.roles
    title = site.label("title.matrix")
    if not matrix_split(site):
        rows = tuple(
            row for stage in site.handbook.ordered_stages() for row in _rows(site, source, stage, roles)
        )
        return MatrixPage(title, False, tuple(site.links(source, "role", (r.id for r in roles))), rows, ())
    stages = tuple(_summary(site, source, stage) for stage in site.handbook.ordered_stages())
    return MatrixPage(title, True, (), (), stages)


def stage_matrix(site: Site, source: str, stage: e.Stage) -> StageMatrixPage:
    """The page of one stage's rows (only written when the matrix is split)."""
    involved = _taking_part(site, stage)
    roles = [r for r in site.handbook.roles if r.id in involved]
    return StageMatrixPage(
        title=f"{site.label('title.matrix')}{site.colon()}{site.t(stage.name) or stage.id}",
        stage=site.link(source, "stage", stage.id),
        overview=Link(site.label("matrix.all_stages"), relative(source, OVERVIEW)),
        roles=tuple(site.links(source, "role", (r.id for r in roles))),
        rows=_rows(site, source, stage, roles),
    )


def _summary(site: Site, source: str, stage: e.Stage) -> StageSummary:
    involved = _taking_part(site, stage)
    helpers = [r.id for r in site.handbook.roles if r.id in involved and r.id not in stage.owners]
    return StageSummary(
        anchor=anchor("matrix", stage.id),
        order=stage.order,
        page=Link(site.t(stage.name) or stage.id, relative(source, stage_matrix_page(stage.id))),
        owners=tuple(site.links(source, "role", stage.owners)),
        taking_part=tuple(site.links(source, "role", helpers)),
    )


def _taking_part(site: Site, stage: e.Stage) -> set[str]:
    """Every role that owns or helps in ``stage`` or one of its steps."""
    roles: set[str] = set(stage.owners) | {step.owner for step in stage.steps}
    for step in stage.steps:
        roles |= {item.owner for _, item in site.rel.items_by_step.get(step.id, [])}
    return roles


def _rows(site: Site, source: str, stage: e.Stage, roles: list[e.Role]) -> tuple[MatrixRow, ...]:
    """The stage's row and its steps' rows, one cell per role of ``roles``."""
    owner, helps = (OWNER, site.label("matrix.owner")), (HELPS, site.label("matrix.helps"))
    none = ("", "")
    step_owners = {step.owner for step in stage.steps}
    item_owners = {
        step.id: {item.owner for _, item in site.rel.items_by_step.get(step.id, [])} for step in stage.steps
    }
    stage_helpers = step_owners.union(*item_owners.values()) if item_owners else step_owners
    cells = tuple(owner if r.id in stage.owners else helps if r.id in stage_helpers else none for r in roles)
    rows = [MatrixRow(site.link(source, "stage", stage.id), True, cells)]
    for step in stage.steps:
        helpers = item_owners[step.id] | set(stage.owners)
        step_cells = tuple(owner if r.id == step.owner else helps if r.id in helpers else none for r in roles)
        rows.append(MatrixRow(site.link(source, "step", step.id), False, step_cells))
    return tuple(rows)
