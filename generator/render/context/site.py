"""What every page context is built from: the model, its reverse maps, one language.

:class:`Site` answers the questions all pages ask (this text in my language, a link
from my page to that entity). The page contexts are frozen dataclasses, one per kind
of page (their fields are what the page's template receives), holding plain data: strings,
numbers, tuples and :class:`~generator.presentation.links.Link` values. Author text stays unescaped
here; templates escape it with the ``md`` filter.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.model import entities as e
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.model.types import Text
from generator.presentation.labels import Labels, labels_for
from generator.presentation.links import (
    Link,
    anchor,
    checklist_item_anchor,
    checklist_page,
    display_name,
    locate,
    relative,
    split_target,
)
from generator.presentation.numbers import decimal, long_date, quantity, unit_name
from generator.render.relations import Relations


@dataclass(frozen=True)
class TaskItem:
    """One checkbox line: a checklist item or an onboarding item, with a stable id.

    ``data_item`` is the key progress is saved under (``checklist/item`` or
    ``path:path/item``); ``anchor`` is the HTML id links point at; ``url``, when set,
    is where the item's text links to (an onboarding item's target); ``due`` is the day
    number the browser turns into a date; ``quiz`` the quiz a quiz item points at.
    """

    anchor: str
    data_item: str
    text: str
    owner: Link | None
    day: str
    due: int = 1
    quiz: str = ""
    fingerprint: str = ""
    url: str = ""
    sources: list[Link] = field(default_factory=list)
    kind: str = ""
    kind_label: str = ""
    after: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class Site:
    """The handbook seen in one language, with the reverse maps every page uses."""

    handbook: Handbook
    index: Index
    rel: Relations
    lang: str
    labels: Labels
    # The day review dates are compared with: pages say "overdue" as of the day they are built.
    today: datetime.date = field(default_factory=datetime.date.today)
    _places: dict[tuple[str, str], tuple[tuple[str, str] | None, str]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def create(
        cls, handbook: Handbook, index: Index, rel: Relations, lang: str, today: datetime.date | None = None
    ) -> Site:
        return cls(
            handbook, index, rel, lang, labels_for(lang, handbook.root), today or datetime.date.today()
        )

    def t(self, text: Text | None) -> str:
        """``text`` in this language; empty when missing (the checks report that)."""
        return text.get(self.lang) if text is not None else ""

    def ts(self, texts: Iterable[Text]) -> list[str]:
        return [self.t(text) for text in texts]

    def label(self, key: str) -> str:
        return self.labels[key]

    def colon(self) -> str:
        """The colon and the space after it: ``: `` in English, ``：`` in Chinese."""
        return self.labels["colon"] + self.labels["after_colon"]

    def link(self, source: str, kind: str, ident: str, text: str | None = None) -> Link | None:
        """A link from page ``source`` to the entity ``kind:ident``; ``None`` if unknown."""
        found = self._places.get((kind, ident))
        if found is None:  # where it is and what it is called: the same from every page
            place = locate(kind, ident, self.index)
            name = (
                ""
                if place is None
                else display_name(kind, ident if kind == "page" else self.index.get(kind, ident), self.lang)
            )
            found = self._places[(kind, ident)] = (place, name)
        place, name = found
        if place is None:
            return None
        return Link(name if text is None else text, relative(source, *place))

    def links(self, source: str, kind: str, idents: Iterable[str]) -> list[Link]:
        found = (self.link(source, kind, ident) for ident in dict.fromkeys(idents))
        return [link for link in found if link is not None]

    def target(self, source: str, target: str, text: str | None = None) -> Link | None:
        """A link to a ``kind:id`` reference (onboarding targets, question tests)."""
        kind_id = split_target(target)
        return self.link(source, *kind_id, text=text) if kind_id else None

    def targets(self, source: str, targets: Iterable[str]) -> list[Link]:
        found = (self.target(source, target) for target in dict.fromkeys(targets))
        return [link for link in found if link is not None]

    def questions(self, source: str, refs: Iterable[tuple[e.Quiz, e.Question]]) -> list[Link]:
        """Links to quiz questions, named by their prompt."""
        return self.links(source, "question", (question.id for _, question in refs))

    def tested_by(self, source: str, key: str) -> list[Link]:
        """Links to the questions whose ``tests`` name ``key`` (a ``kind:id``)."""
        return self.questions(source, self.rel.questions_by_target.get(key, []))

    def path_items(self, source: str, key: str) -> list[Link]:
        """Links to the onboarding items that point at ``key`` (a ``kind:id``)."""
        out = []
        for path, _, item in self.rel.path_items_by_target.get(key, []):
            place = locate("path", path.id, self.index)
            if place is not None:
                text = f"{self.t(path.title)}{self.colon()}{self.t(item.title)}"
                out.append(Link(text, relative(source, place[0], anchor("item", item.id))))
        return out

    def checklist_item(self, source: str, checklist: e.Checklist, item: e.ChecklistItem) -> Link:
        """A link to one checklist item's line, named by its text."""
        page = checklist_page(checklist, self.index)
        return Link(self.t(item.text), relative(source, page, checklist_item_anchor(checklist.id, item.id)))

    def items_pointing(self, source: str, key: str) -> list[Link]:
        """Links to the checklist items whose ``page`` names ``key`` (a ``kind:id``)."""
        return [self.checklist_item(source, c, item) for c, item in self.rel.items_by_target.get(key, [])]

    def day(self, n: int | None) -> str:
        """ "Day 5" / "第 5 天"; empty when there is no day."""
        return self.label("day_n").replace("{n}", str(n)) if n is not None else ""

    def channel(self, ident: str) -> str:
        """A script channel's label: the handbook's own, else the built-in one, else its id."""
        own = next((c for c in self.handbook.channels if c.id == ident), None)
        return (self.t(own.label) if own else "") or self.labels.get(f"channel.{ident}", ident)

    def cadence(self, value: str) -> str:
        return self.labels.get(f"cadence.{value}", value)

    def quantity(self, value: float | list[float], unit: str) -> str:
        """``value`` in ``unit`` as this language writes it: ``US$3,000,000``, ``3.0×``, ``50 天``."""
        return quantity(value, unit, self.lang, self.labels)

    def unit_name(self, unit: str) -> str:
        """What ``unit`` is called in this language: ``百分比（%）``, ``美元（USD）``."""
        return unit_name(unit, self.lang, self.labels)

    def decimal(self, value: float) -> str:
        return decimal(value, self.lang)

    def date(self, day: datetime.date) -> str:
        """A date in this language's long form: ``December 1, 2026`` / ``2026年12月1日``."""
        return long_date(day, self.lang)
