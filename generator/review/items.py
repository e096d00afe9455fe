"""Every part of the handbook someone answers for, with its review data resolved.

An entry's ``review:`` keys win over its file's top-level ``review:``, which wins over
the handbook's (in ``handbook.yaml``), key by key: a file can name the owner of all its
stages while one stage keeps its own date. Hand-written pages (``docs/**.md``) carry the
same keys in their front matter (see :mod:`generator.review.guides`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.model import entities as e
from generator.model.handbook import KIND_OF, Handbook
from generator.model.location import Location
from generator.model.types import Text
from generator.review.dates import add_interval, interval_days

# The collections whose entries can carry their own review data, and those (reference
# material) whose entries take their file's and the handbook's; each entry is called by its
# kind (KIND_OF).
REVIEWED = ("stages", "roles", "kpis", "scripts", "checklists", "onboarding_paths", "quizzes")
BY_FILE = ("tools", "meetings", "tiers", "training_formats", "training_modules", "glossary", "principles")

# Status of an entry on a given day, most urgent first.
OVERDUE, DUE_SOON, CURRENT, UNSCHEDULED = "overdue", "due-soon", "current", "unscheduled"
STATUSES = (OVERDUE, DUE_SOON, CURRENT, UNSCHEDULED)
SOON = "30d"  # what "due soon" means unless asked otherwise


@dataclass(frozen=True)
class Reviewed:
    """One entry (or hand-written page) and the review data that applies to it."""

    kind: str  # stage, role, kpi, script, checklist, path, quiz or page
    ident: str  # the entry's id, or the page's path in the site (guides/editors.md)
    title: Text
    location: Location  # where the entry is defined
    owner: str | None
    last_reviewed: datetime.date | None
    review_every: str | None
    acknowledge: bool = False

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.ident}"

    @property
    def next_review(self) -> datetime.date | None:
        if self.last_reviewed is None or self.review_every is None:
            return None
        return add_interval(self.last_reviewed, self.review_every)

    def status(self, today: datetime.date, within: str = SOON) -> str:
        """``overdue`` after the next review date, ``due-soon`` within ``within`` of it."""
        due = self.next_review
        if due is None:
            return UNSCHEDULED
        if due < today:
            return OVERDUE
        if (due - today).days <= interval_days(within):
            return DUE_SOON
        return CURRENT


def merged(*reviews: e.Review | None) -> tuple[str | None, datetime.date | None, str | None]:
    """Owner, last review and interval: the first review (most specific) that sets each wins."""
    found = [r for r in reviews if r is not None]
    owner = next((r.owner for r in found if r.owner), None)
    last = next((r.last_reviewed for r in found if r.last_reviewed), None)
    every = next((r.review_every for r in found if r.review_every), None)
    return owner, last, every


def _title(entity: Any) -> Text:
    for name in ("name", "title", "term"):
        value = getattr(entity, name, None)
        if isinstance(value, Text):
            return value
    return Text(en=entity.id, zh=entity.id)


def entry_items(handbook: Handbook) -> Iterator[Reviewed]:
    """The entries of the definition files, with the review data that applies to each."""
    default = handbook.info.review if handbook.info else None
    for key in (*REVIEWED, *BY_FILE):
        kind = KIND_OF[key]
        for entity in handbook.collection(key):
            own = getattr(entity, "review", None)
            owner, last, every = merged(own, handbook.file_reviews.get(entity.loc.file), default)
            acknowledge = bool(getattr(entity, "acknowledge", False))
            yield Reviewed(kind, entity.id, _title(entity), entity.loc, owner, last, every, acknowledge)


def all_items(handbook: Handbook) -> list[Reviewed]:
    """Entries and hand-written pages, sorted by file and line."""
    from generator.review.guides import page_items

    items = [*entry_items(handbook), *page_items(handbook)]
    return sorted(items, key=lambda item: (item.location.file, item.location.line))
