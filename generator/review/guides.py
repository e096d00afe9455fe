"""Review data of the hand-written pages: the ``review:`` block of their front matter.

The English page (``docs/guides/editors.md``) holds it for every language; a
translation shows the same owner and dates. Front matter is the YAML between two
``---`` lines at the very top, which MkDocs reads as the page's metadata::

    ---
    review:
      owner: sales-manager
      last_reviewed: 2026-10-01
      review_every: 6m
    acknowledge: true
    ---
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.load.build import Builder
from generator.load.yaml_tree import YMap, load_file
from generator.model import entities as e
from generator.model.handbook import Handbook
from generator.model.location import Location
from generator.model.types import PAGE_LANGUAGES, Text
from generator.review.items import Reviewed, merged

DOCS = "docs"
_FRONT = re.compile(rb"\A---\r?\n(.*?\r?\n)?---\r?\n", re.S)
_HEADING = re.compile(r"^# (.+)$", re.M)
_KEYS = ("review", "acknowledge")


@dataclass(frozen=True)
class PageReview:
    """What one page's front matter says, and what is wrong with it."""

    review: e.Review | None = None
    acknowledge: bool = False
    problems: list[Diagnostic] = field(default_factory=list)


def front_matter(rel: str, raw: bytes) -> PageReview:
    """The ``review`` and ``acknowledge`` keys of a page's front matter (other keys are MkDocs')."""
    match = _FRONT.match(raw)
    if match is None:
        return PageReview()
    # A blank first line stands for the opening '---', so positions are the file's own.
    loaded = load_file(rel, b"\n" + (match.group(1) or b""))
    data = loaded.data
    if not isinstance(data, YMap):
        return PageReview(problems=list(loaded.problems))
    builder = Builder()
    review = None
    if "review" in data:
        review = builder.entity(e.Review, data["review"], data.value_at["review"], "the page's 'review'")
    acknowledge = False
    if "acknowledge" in data:
        acknowledge = bool(
            builder.value(bool, data["acknowledge"], data.value_at["acknowledge"], "'acknowledge'")
        )
    return PageReview(review, acknowledge, [*loaded.problems, *builder.problems])


def base_pages(root: Path) -> list[str]:
    """Hand-written pages in the base language, relative to ``docs/``."""
    docs = root / DOCS
    if not docs.is_dir():
        return []
    found = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        stem = rel[: -len(".md")]
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        if not any(stem.endswith(f".{lang}") for lang in PAGE_LANGUAGES):
            found.append(rel)
    return found


def _heading(path: Path) -> str | None:
    try:
        match = _HEADING.search(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return match.group(1).strip() if match else None


def read_page(root: Path, page: str) -> PageReview:
    path = root / DOCS / page
    try:
        raw = path.read_bytes()
    except OSError:
        return PageReview()
    return front_matter(f"{DOCS}/{page}", raw)


def page_items(handbook: Handbook) -> Iterator[Reviewed]:
    """The hand-written pages, with their own review data over the handbook's defaults."""
    default = handbook.info.review if handbook.info else None
    docs = handbook.root / DOCS
    for page in base_pages(handbook.root):
        found = read_page(handbook.root, page)
        owner, last, every = merged(found.review, default)
        stem = page[: -len(".md")]
        title = Text(en=_heading(docs / page) or page, zh=_heading(docs / f"{stem}.zh.md") or page)
        where = Location(f"{DOCS}/{page}", 1, 1)
        yield Reviewed("page", page, title, where, owner, last, every, found.acknowledge)


def page_sources(root: Path, page: str) -> list[bytes]:
    """A page's file in every language that has one (base language first): what it says."""
    stem = page[: -len(".md")]
    names = [page] + [f"{stem}.{lang}.md" for lang in PAGE_LANGUAGES if lang != "en"]
    found = []
    for name in names:
        try:
            found.append((root / DOCS / name).read_bytes())
        except OSError:
            continue
    return found
