"""The owner-and-review line of each page, its "I have read this version" control, and the
freshness table of the coverage page.

Whether a page is overdue is decided when the page is built (``Site.today``), not when it
is read: the line says so. A page showing several entries (a stage's scripts) shows every
owner, the oldest review and the nearest next review.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from generator.model.fingerprint import entity_fingerprint, page_fingerprint
from generator.presentation.links import Link, locate, relative
from generator.render.context.site import Site
from generator.review.guides import page_sources
from generator.review.items import (
    DUE_SOON,
    OVERDUE,
    STATUSES,
    UNSCHEDULED,
    Reviewed,
)

if TYPE_CHECKING:  # the diff package is only needed when publishing
    from generator.diff.changeset import Change, ChangeSet

# Index pages and the kinds of entry they list. The home page says what handbook.yaml says,
# as the principles do (they are written there).
_INDEXES = {
    "index.md": ("principle",),
    "kpis/index.md": ("kpi",),
    "scripts/index.md": ("script",),
    "onboarding/index.md": ("path",),
    "quizzes/index.md": ("quiz",),
    "roles/matrix.md": ("role", "stage"),
}


@dataclass(frozen=True)
class Acknowledgement:
    """What a reader confirms: the entry (``kind:id``) in the version with this fingerprint."""

    key: str
    fingerprint: str
    title: str


@dataclass(frozen=True)
class PageReview:
    owners: list[Link | str]
    last_reviewed: str
    next_review: str
    status: str
    built: str
    acknowledgements: list[Acknowledgement]

    @property
    def overdue(self) -> bool:
        return self.status == OVERDUE


def reviews_by_page(site: Site) -> dict[str, list[Reviewed]]:
    """Each generated page → the entries it shows that someone answers for."""
    reviewed = site.rel.reviewed
    found: dict[str, list[Reviewed]] = {}
    for item in reviewed:
        place = (item.ident, "") if item.kind == "page" else locate(item.kind, item.ident, site.index)
        if place is not None:
            found.setdefault(place[0], []).append(item)
    for page, kinds in _INDEXES.items():  # an index answers for what it lists; confirmed on their own pages
        listed = [replace(item, acknowledge=False) for item in reviewed if item.kind in kinds]
        if listed:
            found.setdefault(page, listed)
    return found


def page_review(site: Site, source: str, items: list[Reviewed]) -> PageReview | None:
    """The line for page ``source`` showing ``items``."""
    if not items:
        return None
    today = site.today
    owners = list(dict.fromkeys(item.owner for item in items if item.owner))
    lasts = [item.last_reviewed for item in items if item.last_reviewed]
    nexts = [item.next_review for item in items if item.next_review]
    statuses = {item.status(today) for item in items}
    status = next((s for s in STATUSES if s in statuses), UNSCHEDULED)
    return PageReview(
        owners=[_owner(site, source, owner) for owner in owners],
        last_reviewed=site.date(min(lasts)) if lasts else "",
        next_review=site.date(min(nexts)) if nexts else "",
        status=status,
        built=site.date(today),
        acknowledgements=[_acknowledgement(site, item) for item in items if item.acknowledge],
    )


def _owner(site: Site, source: str, owner: str) -> Link | str:
    """A role id links to the role's page, by the role's name; anything else is shown as written."""
    if site.index.get("role", owner) is not None:
        return site.link(source, "role", owner) or owner
    return owner


def _acknowledgement(site: Site, item: Reviewed) -> Acknowledgement:
    if item.kind == "page":  # every language's text: one confirmation covers the translations
        fingerprint = page_fingerprint(page_sources(site.handbook.root, item.ident))
    else:
        fingerprint = entity_fingerprint(site.index.get(item.kind, item.ident))
    return Acknowledgement(item.key, fingerprint, site.t(item.title) or item.ident)


# --- the coverage page's freshness table ---------------------------------------------


@dataclass(frozen=True)
class FreshnessRow:
    """An entry that is overdue or due soon: where it is shown, who owns it, where it is defined."""

    link: Link
    kind: str
    owner: Link | str
    next_review: str
    due: datetime.date  # the order of the table
    file: str


@dataclass(frozen=True)
class UnownedFile:
    """The entries of one definition file that nobody owns: the file is where to name an owner."""

    file: str
    entries: tuple[Link, ...]


@dataclass(frozen=True)
class Freshness:
    """Overdue entries, entries due within 30 days, and entries nobody owns (by file)."""

    built: str
    overdue: tuple[FreshnessRow, ...]
    due_soon: tuple[FreshnessRow, ...]
    no_owner: tuple[UnownedFile, ...]
    no_owner_count: int


def freshness_table(site: Site, source: str) -> Freshness:
    """Overdue entries, entries due within 30 days, and entries nobody owns, with links.

    Entries nobody owns are listed by file, each as a link: a large handbook has thousands,
    and a row per entry would weigh more than a megabyte.
    """
    overdue: list[FreshnessRow] = []
    soon: list[FreshnessRow] = []
    unowned: list[Reviewed] = []
    by_file: dict[str, list[Link]] = {}
    for item in site.rel.reviewed:
        status = item.status(site.today)
        if status in (OVERDUE, DUE_SOON):
            (overdue if status == OVERDUE else soon).append(_row(site, source, item))
        if not item.owner:
            unowned.append(item)
            by_file.setdefault(item.location.file, []).append(_entry_link(site, source, item))
    by_due = lambda row: (row.due, row.link.text)  # noqa: E731
    return Freshness(
        built=site.date(site.today),
        overdue=tuple(sorted(overdue, key=by_due)),
        due_soon=tuple(sorted(soon, key=by_due)),
        no_owner=tuple(UnownedFile(file, tuple(links)) for file, links in by_file.items()),
        no_owner_count=len(unowned),
    )


def _entry_link(site: Site, source: str, item: Reviewed) -> Link:
    if item.kind == "page":
        url = relative(source, item.ident, "")
    else:
        place = locate(item.kind, item.ident, site.index)
        url = relative(source, *place) if place else ""
    return Link(site.t(item.title) or item.ident, url)


def _row(site: Site, source: str, item: Reviewed) -> FreshnessRow:
    return FreshnessRow(
        link=_entry_link(site, source, item),
        kind=site.labels.get(f"whats_new.kind.{item.kind}", item.kind),
        owner=_owner(site, source, item.owner) if item.owner else "",
        next_review=site.date(item.next_review) if item.next_review else "",
        due=item.next_review or datetime.date.max,
        file=f"{item.location.file}:{item.location.line}",
    )


@dataclass(frozen=True)
class ToConfirm:
    """An entry readers confirm (``kind:id`` and fingerprint), linked to where it is shown."""

    key: str
    fingerprint: str
    link: Link


def acknowledgements(site: Site, source: str) -> list[ToConfirm]:
    """Every entry readers confirm, linked from ``source``: the list on an onboarding path page."""
    out = []
    for item in site.rel.reviewed:
        if item.acknowledge:
            ack = _acknowledgement(site, item)
            out.append(ToConfirm(ack.key, ack.fingerprint, _entry_link(site, source, item)))
    return out


def acknowledgements_reset(site: Site, source: str, changes: ChangeSet) -> list[Link]:
    """The confirmations a new version asks for again: entries marked ``acknowledge`` that changed.

    A change to a part of an entry (a step of a stage, a question of a quiz, an item of a
    checklist) changes the entry's fingerprint too, so it counts as a change of the entry.
    """
    touched = {_owning_entry(site, change) for change in changes.changes if _changes_content(change)}
    out = []
    for item in site.rel.reviewed:
        if item.acknowledge and item.key in touched:
            out.append(_entry_link(site, source, item))
    return out


def _changes_content(change: Change) -> bool:
    """Whether the change alters what the entry says (its fingerprint), not only who reviews it."""
    if change.action == "removed":
        return False
    return change.action != "changed" or any(f.field not in _NOT_CONTENT for f in change.fields)


# Fields the content fingerprint leaves out (see :func:`~generator.model.fingerprint.entity_fingerprint`).
_NOT_CONTENT = frozenset({"review", "acknowledge"})


def _owning_entry(site: Site, change: Change) -> str:
    """``kind:id`` of the reviewed entry a change belongs to (itself when it is one)."""
    if change.kind == "step":
        stage = site.index.stage_of_step.get(change.id)
        return f"stage:{stage.id}" if stage else ""
    if change.kind == "question":
        quiz = site.index.quiz_of_question.get(change.id)
        return f"quiz:{quiz.id}" if quiz else ""
    parents = {"checklist-item": "checklist", "duty": "role", "milestone": "path", "path-item": "path"}
    if change.kind in parents:
        return f"{parents[change.kind]}:{change.parent}"
    return f"{change.kind}:{change.id}"
