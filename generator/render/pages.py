"""The pages the generator writes: path, template and context of each, in navigation order.

Each page belongs to one navigation section (a tab); :mod:`generator.render.mkdocs_config`
turns the sections into the ``nav`` of each language's MkDocs configuration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.presentation.links import script_page, stage_page
from generator.render.context import coverage, kpis, learning, people, practice, process, review, scripts
from generator.render.context.site import Context, Site

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

WHATS_NEW = "whats-new.md"


@dataclass(frozen=True)
class Page:
    path: str
    template: str
    context: Context
    section: str


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
    site: Site, path: str, template: str, section: str, make: Callable[..., Context], *entity: Any
) -> Page:
    """A page whose context is ``make(site, path, *entity)``: contexts link relative to ``path``."""
    return Page(path, template, make(site, path, *entity), section)


def _pages(site: Site) -> Iterator[Page]:
    hb = site.handbook
    yield _page(site, "index.md", "home.md.j2", "home", practice.home)
    for stage in hb.ordered_stages():
        yield _page(site, stage_page(stage.id), "stage.md.j2", "process", process.stage_page, stage)
    yield _page(site, "principles.md", "principles.md.j2", "process", process.principles_page)
    yield _page(site, "roles/matrix.md", "matrix.md.j2", "process", process.matrix_page)
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
    yield _page(site, "editors/coverage.md", "coverage.md.j2", "guides", coverage.coverage_page)
    if hb.glossary:
        yield _page(site, "glossary.md", "glossary.md.j2", "glossary", process.glossary_page)
