"""The pages the generator writes: path, template and context of each, in navigation order.

Each page belongs to one navigation section (a tab); :mod:`generator.render.mkdocs_config`
turns the sections into the ``nav`` of each language's MkDocs configuration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from generator.model import entities as e
from generator.presentation.links import script_page, stage_page
from generator.render.context import (
    coverage,
    kpis,
    learning,
    matrix,
    people,
    practice,
    process,
    review,
    scripts,
)
from generator.render.context.site import Site

# Navigation sections, in tab order. Guides holds the hand-written pages.
SECTIONS = (
    "home",
    "process",
    "roles",
    "kpis",
    "scripts",
    "team",
    "onboarding",
    "quizzes",
    "practice",
    "guides",
    "glossary",
)

# Pages that links and scripts lead to, left out of the navigation.
UNLISTED = "unlisted"

if TYPE_CHECKING:  # the diff package is only needed when publishing: not imported at start-up
    from generator.diff.changeset import ChangeSet
    from generator.presentation.environment import PageView

WHATS_NEW = "whats-new.md"


@dataclass(frozen=True)
class Page:
    """``group``: the titles of the sub-sections the page is listed in, within ``section``:
    a large handbook's table and its pages per stage are kept together there.
    ``nav_title``: the page's name in the navigation, when not its title."""

    path: str
    template: str
    context: PageView
    section: str
    group: tuple[str, ...] = ()
    nav_title: str = ""


def build_pages(site: Site, changes: ChangeSet | None = None) -> list[Page]:
    """Every generated page of ``site``'s language, in navigation order.

    ``changes``: when publishing, what changed since the previous published version,
    shown on a What's new page; plain builds have none and no such page.
    """
    pages = list(_pages(site))
    if changes is not None:
        from generator.render.context import changes as whats_new

        pages.insert(1, _page(site, WHATS_NEW, "whats_new.md.j2", "home", whats_new.whats_new_page, changes))
    return pages


def _page(
    site: Site, path: str, template: str, section: str, make: Callable[..., PageView], *entity: Any
) -> Page:
    """A page whose context is ``make(site, path, *entity)``: contexts link relative to ``path``."""
    return Page(path, template, make(site, path, *entity), section)


@dataclass(frozen=True)
class PerStage:
    """A table too large for one page, split: where each stage's page goes, its template and
    context, and the labels of the navigation sections (see :func:`_split`)."""

    place: Callable[[str], str]
    template: str
    make: Callable[[Site, str, e.Stage], PageView]
    title: str  # label of the section holding the overview and the pages per stage
    overview: str  # label naming the overview in that section
    group: str  # label of the sub-section holding the pages per stage


def _split(site: Site, overview: Page, per_stage: PerStage) -> Iterator[Page]:
    """The overview, then a page per stage. In the navigation a section holds the overview and,
    one level down, the pages per stage: closed, they weigh one link in the section's pages."""
    title, group = site.label(per_stage.title), (site.label(per_stage.title), site.label(per_stage.group))
    yield replace(overview, group=(title,), nav_title=site.label(per_stage.overview))
    for stage in site.handbook.ordered_stages():
        path = per_stage.place(stage.id)
        context = per_stage.make(site, path, stage)
        # Listed under the table's name: the stage's own is enough there.
        name = f"{stage.order}. {site.t(stage.name) or stage.id}"
        yield Page(path, per_stage.template, context, overview.section, group, name)


_MATRIX = PerStage(
    matrix.stage_matrix_page,
    "matrix_stage.md.j2",
    matrix.stage_matrix,
    "title.matrix",
    "matrix.all_stages",
    "matrix.by_stage",
)
_COVERAGE = PerStage(
    coverage.stage_coverage_page,
    "coverage_stage.md.j2",
    coverage.stage_coverage,
    "title.coverage",
    "coverage.all_stages",
    "coverage.by_stage",
)


def _pages(site: Site) -> Iterator[Page]:
    hb = site.handbook
    yield _page(site, "index.md", "home.md.j2", "home", practice.home)
    for stage in hb.ordered_stages():
        yield _page(site, stage_page(stage.id), "stage.md.j2", "process", process.stage_page, stage)
    yield _page(site, "principles.md", "principles.md.j2", "process", process.principles_page)
    roles_and_stages = _page(site, matrix.OVERVIEW, "matrix.md.j2", "process", matrix.matrix_page)
    if matrix.matrix_split(site):
        yield from _split(site, roles_and_stages, _MATRIX)
    else:
        yield roles_and_stages
    for role in hb.roles:
        yield _page(site, f"roles/{role.id}.md", "role.md.j2", "roles", people.role_page, role)
    yield _page(site, "kpis/index.md", "kpi_index.md.j2", "kpis", kpis.kpi_index)
    for kpi in hb.kpis:
        yield _page(site, f"kpis/{kpi.id}.md", "kpi.md.j2", "kpis", kpis.kpi_page, kpi)
    yield _page(site, "scripts/index.md", "script_index.md.j2", "scripts", scripts.script_index)
    for stage in hb.ordered_stages():
        yield _page(site, script_page(stage.id), "scripts.md.j2", "scripts", scripts.stage_scripts, stage)
    # Sections a company does not have leave no page and no menu entry.
    if hb.tools:
        yield _page(site, "tools.md", "tools.md.j2", "team", people.tools_page)
    if hb.meetings:
        yield _page(site, "meetings.md", "meetings.md.j2", "team", people.meetings_page)
    if hb.tiers:
        yield _page(site, "tiers.md", "tiers.md.j2", "team", people.tiers_page)
    if hb.training_formats or hb.training_modules:
        yield _page(site, "training.md", "training.md.j2", "team", people.training_page)
    yield _page(site, "onboarding/index.md", "path_index.md.j2", "onboarding", learning.path_index)
    yield _page(site, "onboarding/assign.md", "assign.md.j2", "onboarding", learning.assign_page)
    yield _page(site, "onboarding/hires.md", "hires.md.j2", "onboarding", learning.hires_page)
    for path in hb.onboarding_paths:
        yield _page(site, f"onboarding/{path.id}.md", "path.md.j2", "onboarding", learning.path_page, path)
    if learning.has_other_checklists(site):
        yield _page(
            site, "onboarding/checklists.md", "checklists.md.j2", "onboarding", learning.other_checklists
        )
    yield _page(site, "quizzes/index.md", "quiz_index.md.j2", "quizzes", learning.quiz_index)
    for quiz in hb.quizzes:
        yield _page(site, f"quizzes/{quiz.id}.md", "quiz.md.j2", "quizzes", learning.quiz_page, quiz)
    if practice.has_drills(site):
        yield _page(site, practice.INDEX, "practice_index.md.j2", "practice", practice.practice_index)
        for stage in hb.ordered_stages():
            if practice.drills_of(site, stage):
                page = practice.practice_page(stage.id)
                yield _page(site, page, "practice.md.j2", "practice", practice.stage_practice, stage)
    yield _page(site, practice.REVIEW, "practice_review.md.j2", "practice", review.review_page)
    for number, cards in review.card_pages(site):  # reached from the session page, not the menu
        page = review.card_page(number)
        yield _page(site, page, "practice_cards.md.j2", UNLISTED, review.cards_page, number, cards)
    covered = _page(site, coverage.OVERVIEW, "coverage.md.j2", "guides", coverage.coverage_page)
    if coverage.coverage_split(site):
        yield from _split(site, covered, _COVERAGE)
    else:
        yield covered
    if hb.glossary:
        yield _page(site, "glossary.md", "glossary.md.j2", "glossary", process.glossary_page)
