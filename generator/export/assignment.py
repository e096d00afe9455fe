"""A new hire's onboarding plan: an onboarding path laid out on the calendar.

A mentor assigns a path to a hire with a start date; every milestone and item gets a
calendar date (day 1 is the start date), the name of the role that owns it, the page
it points at and the items that come first, all in one language. The plan is plain
data; :mod:`generator.export.plan` writes it as Markdown, CSV, iCalendar or HTML.

Everything here is a pure function of the handbook and the mentor's options: the time
the plan is made comes in as an argument, so two runs with the same options give the
same plan.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from generator.diagnostics import suggest
from generator.model import entities as e
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.model.schedule import Schedule, WorkCalendar, date_of, path_calendar
from generator.model.types import LANGUAGES, Text, canonical_language
from generator.presentation.days import day_label
from generator.presentation.labels import Labels, labels_for
from generator.presentation.links import display_name, locate, page_url, site_folder, split_target
from generator.presentation.numbers import medium_date

NAME_MAX = 200
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?$")
# Characters a page URL keeps as they are; the rest is percent-encoded, so a URL can be
# pasted into Markdown, a CSV cell or an iCalendar URL property without quoting.
_URL_SAFE = "/-._~"


class PlanError(ValueError):
    """The plan cannot be made as asked; the message says what to change."""


@dataclass(frozen=True)
class Prerequisite:
    """An item that comes first, named in the plan's language."""

    id: str
    title: str
    due: datetime.date


@dataclass(frozen=True)
class PlanItem:
    """One thing to do, on its date. ``url`` is empty when the item points at nothing."""

    id: str
    kind: str
    kind_label: str
    title: str
    day: int
    day_label: str
    start: datetime.date  # the first day of an item that spans several (else its due date)
    due: datetime.date
    owner: str
    target_title: str
    url: str
    prerequisites: tuple[Prerequisite, ...]


@dataclass(frozen=True)
class PlanMilestone:
    id: str
    title: str
    goal: str
    day: int
    day_label: str
    date: datetime.date
    items: tuple[PlanItem, ...]

    def when(self, lang: str) -> str:
        """Date and day, e.g. ``Dec 11, 2026 · Day 5``; the day left out if it is the title."""
        date = medium_date(self.date, lang)
        return date if self.title == self.day_label else f"{date} · {self.day_label}"


@dataclass(frozen=True)
class Plan:
    """A hire's dated onboarding path in one language; ``words`` are the UI labels."""

    path_id: str
    title: str
    summary: str
    role: str
    mentor: str
    hire: str
    start: datetime.date
    lang: str
    absolute_urls: bool
    created: datetime.datetime
    words: Labels
    milestones: tuple[PlanMilestone, ...]

    def items(self) -> Iterator[tuple[PlanMilestone, PlanItem]]:
        """Every item with its milestone, in plan order."""
        for milestone in self.milestones:
            for item in milestone.items:
                yield milestone, item

    def date(self, day: datetime.date) -> str:
        """``day`` as the plan's language writes a date: ``Dec 1, 2026`` / ``2026年12月1日``."""
        return medium_date(day, self.lang)

    def word(self, key: str) -> str:
        return self.words[key]


@dataclass(frozen=True)
class Request:
    """The mentor's options, checked: a hire's name, a start date, where the site is."""

    name: str
    start: datetime.date
    base_url: str = ""


# --- the mentor's options -------------------------------------------------------------


def check_request(*, name: str, start: str, base_url: str | None = None) -> Request:
    """The options as a :class:`Request`, or :class:`PlanError` saying what is wrong."""
    return Request(parse_name(name), parse_start(start), parse_base_url(base_url or ""))


def parse_name(text: str) -> str:
    """The hire's name with its whitespace tidied; no control characters, not empty."""
    if _CONTROL.search(text.replace("\t", " ")):
        raise PlanError("--name contains control characters: give the hire's name as plain text")
    name = " ".join(text.split())
    if not name:
        raise PlanError("--name is empty: give the hire's name, e.g. --name 'Li Wei'")
    if len(name) > NAME_MAX:
        raise PlanError(f"--name is longer than {NAME_MAX} characters")
    return name


def parse_start(text: str) -> datetime.date:
    """A start date written ``YYYY-MM-DD``."""
    try:
        if _DATE.match(text):
            return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    raise PlanError(f"--start '{text}' is not a date: write it as YYYY-MM-DD, e.g. 2026-12-07")


def parse_base_url(text: str) -> str:
    """The site's address as ``http(s)://host/path/`` (with the final slash); "" for none."""
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not _HOST.match(parts.netloc):
        raise PlanError(f"--base-url '{text}' is not a web address: use e.g. https://handbook.example.com/")
    if parts.query or parts.fragment:
        raise PlanError(f"--base-url '{text}' has a query or fragment: give the site's root address only")
    path = quote(parts.path, safe=_URL_SAFE + "%")
    return f"{parts.scheme}://{parts.netloc}{path.rstrip('/')}/"


# --- the plan -------------------------------------------------------------------------


def find_path(handbook: Handbook, path_id: str) -> e.OnboardingPath:
    """The onboarding path ``path_id``; the error lists the ids that exist."""
    for path in handbook.onboarding_paths:
        if path.id == path_id:
            return path
    ids = [path.id for path in handbook.onboarding_paths]
    hint = suggest(path_id, ids)
    known = ", ".join(ids) if ids else "none"
    raise PlanError(
        f"there is no onboarding path '{path_id}'{f' ({hint})' if hint else ''}; the paths are: {known}"
    )


def due_date(start: datetime.date, day: int, calendar: WorkCalendar | None = None) -> datetime.date:
    """The date of ``day``: day 1 is the start date (the first working day, counting working days)."""
    try:
        return date_of(start, day, calendar)
    except OverflowError:
        raise PlanError(f"day {day} counted from {start} is past the end of the calendar") from None


def plan_words(lang: str, root: Path | None = None) -> Labels:
    """The words of ``lang`` (with the handbook's own entries when ``root`` is given)."""
    return labels_for(lang, root)


def build_plan(
    handbook: Handbook,
    index: Index,
    path_id: str,
    request: Request,
    *,
    lang: str | None = None,
    created: datetime.datetime,
) -> Plan:
    """The plan of ``request``'s hire on path ``path_id``, in ``lang`` (default: the handbook's)."""
    info = handbook.info
    languages = list(info.languages) if info else list(LANGUAGES)
    default = info.default_language if info else languages[0]
    lang = canonical_language(lang) if lang else default
    if lang not in languages:
        raise PlanError(f"the handbook is not written in '{lang}': use one of {', '.join(languages)}")
    path = find_path(handbook, path_id)
    layout = _Layout(
        index,
        lang,
        plan_words(lang, handbook.root),
        site_folder(lang, default),
        request,
        path_calendar(path, info),
    )
    return Plan(
        path_id=path.id,
        title=layout.text(path.title),
        summary=layout.text(path.summary),
        role=layout.role_name(path.role),
        mentor=layout.role_name(path.mentor) if path.mentor else "",
        hire=request.name,
        start=request.start,
        lang=lang,
        absolute_urls=bool(request.base_url),
        created=created,
        words=layout.words,
        milestones=layout.milestones(path),
    )


@dataclass(frozen=True)
class _Layout:
    """Lays a path out for one hire in one language; ``folder`` is the language's site."""

    index: Index
    lang: str
    words: Labels
    folder: str
    request: Request
    calendar: WorkCalendar | None  # None: the path counts calendar days

    def milestones(self, path: e.OnboardingPath) -> tuple[PlanMilestone, ...]:
        """Milestones by day, their items by due day: the order of the path's page."""
        schedule = Schedule(path)
        firsts: dict[str, Prerequisite] = {}
        for milestone in path.milestones:
            for item in milestone.items:
                due = self.date(schedule.due(item.id))
                firsts.setdefault(item.id, Prerequisite(item.id, self.text(item.title) or item.id, due))
        out = []
        for milestone in sorted(path.milestones, key=lambda m: m.day):
            items = schedule.ordered(milestone.items)
            out.append(
                PlanMilestone(
                    id=milestone.id,
                    title=self.text(milestone.title),
                    goal=self.text(milestone.goal),
                    day=milestone.day,
                    day_label=self.day(milestone.day),
                    date=self.date(milestone.day),
                    items=tuple(self.item(schedule, item, firsts) for item in items),
                )
            )
        return tuple(out)

    def item(self, schedule: Schedule, item: e.PathItem, firsts: Mapping[str, Prerequisite]) -> PlanItem:
        start, day = schedule.start(item.id), schedule.due(item.id)
        target_title, url = self.target(item.target) if item.target else ("", "")
        return PlanItem(
            id=item.id,
            kind=item.kind,
            kind_label=self.words.get(f"kind.{item.kind}", item.kind),
            title=self.text(item.title) or item.id,
            day=day,
            day_label=day_label(self.words, start, day, working=self.calendar is not None),
            start=self.date(start),
            due=self.date(day),
            owner=self.role_name(item.owner),
            target_title=target_title,
            url=url,
            prerequisites=tuple(firsts[p] for p in item.prerequisites if p in firsts),
        )

    def target(self, target: str) -> tuple[str, str]:
        """The title and URL of a ``kind:id`` reference; empty when it names nothing."""
        kind_id = split_target(target)
        place = locate(*kind_id, self.index) if kind_id else None
        if kind_id is None or place is None:
            return "", ""
        kind, ident = kind_id
        entity = ident if kind == "page" else self.index.get(kind, ident)
        url = page_url(*place, folder=self.folder)
        return display_name(kind, entity, self.lang), self.request.base_url + url

    def role_name(self, role_id: str) -> str:
        role = self.index.get("role", role_id)
        return (self.text(role.name) if role else "") or role_id

    def text(self, text: Text | None) -> str:
        # YAML folds long texts with line breaks: one line reads the same in every format.
        return " ".join(text.get(self.lang).split()) if text is not None else ""

    def day(self, day: int) -> str:
        return day_label(self.words, day, day, working=self.calendar is not None)

    def date(self, day: int) -> datetime.date:
        return due_date(self.request.start, day, self.calendar)
