"""Rendering one language of the handbook: its pages (with each page's review line), its
configuration, and the assets every language carries.

Imported by :func:`generator.render.generate` only when pages are rendered: a regenerate
that finds nothing changed does not load Jinja or any page's code.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from generator.load.mkdocs_yml import site_url
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.model.types import title_slug
from generator.presentation.environment import label_tree, render
from generator.presentation.labels import labels_for
from generator.render.context.site import Site
from generator.render.memo import PageMemo
from generator.render.minify import minified
from generator.render.mkdocs_config import build_config, write_config
from generator.render.pages import Page, build_pages
from generator.render.relations import build_relations
from generator.render.writer import OUTPUT, HandWritten, WriteCounts, sync_tree

if TYPE_CHECKING:  # the diff package is only needed when publishing: not imported at start-up
    import datetime

    from generator.diff.changeset import ChangeSet

ASSETS = Path(__file__).parent / "assets"


def render_languages(
    handbook: Handbook,
    index: Index,
    root: Path,
    languages: list[str],
    default: str,
    hand: HandWritten,
    changes: ChangeSet | None,
    today: datetime.date,
    only: str | None,
    memo: PageMemo | None,
) -> dict[str, Written]:
    """Render and write each language (``only`` that one, when given): what each did."""
    relations = build_relations(handbook, index)
    if memo is not None:
        memo.start()
    done = {}
    for lang in [only] if only in languages else languages:
        site = Site.create(handbook, index, relations, lang, today)
        done[lang] = _write_language(site, root, languages, default, hand, changes, memo)
    return done


@dataclass
class Written:
    """What rendering one language did."""

    counts: WriteCounts
    pages: int
    problems: list[str]


def _write_language(
    site: Site,
    root: Path,
    languages: list[str],
    default: str,
    hand: HandWritten,
    changes: ChangeSet | None,
    memo: PageMemo | None,
) -> Written:
    """Render ``site``'s pages, write the changed ones and the language's configuration."""
    lang, info = site.lang, site.handbook.info
    problems: list[str] = []
    pages = build_pages(site, changes)
    labels = label_tree(site.labels)
    reviewed = PageReviews(site, hand, labels)
    remembered = memo if memo is not None and memo.lang == lang else None
    files = {page.path: reviewed.add(page.path, _markdown(page, labels, remembered)) for page in pages}
    if remembered is not None:
        remembered.keep_only(set(files))
    files.update(_assets())
    for path, content in hand.files[lang].items():
        if path in files:
            problems.append(f"docs/{path}: the generator writes this page; the hand-written one is not used")
        else:
            files[path] = reviewed.add_to_guide(path, content)
    title = site.t(info.title) if info else ""
    guides = [p for p in hand.pages(lang) if p not in {page.path for page in pages}]
    config = build_config(
        title=title,
        lang=lang,
        languages=languages,
        default=default,
        pages=pages,
        guides=guides,
        identity=identity(site.handbook),
        site_url=site_url(root),
        labels=site.labels,
        names={other: labels_for(other, root)["language.name"] for other in languages},
    )
    data_file, data = handbook_data(config["extra"]["handbook"])
    config["extra"]["handbook_data"] = data_file
    counts = sync_tree(root / OUTPUT / "docs" / lang, files | {data_file: data})
    if write_config(root, lang, config):
        counts.written += 1
    else:
        counts.unchanged += 1
    return Written(counts, len(pages), problems)


def _markdown(page: Page, labels: SimpleNamespace, memo: PageMemo | None) -> str:
    if memo is None:
        return render(page.template, page.context, labels)
    return memo.render(page.path, page.template, page.context, labels)


class PageReviews:
    """Adds each page's owner-and-review line (and acknowledgement control) under its title."""

    def __init__(self, site: Site, hand: HandWritten, labels: Any) -> None:
        from generator.render.context.freshness import reviews_by_page

        self.site, self.hand, self.labels = site, hand, labels
        self.by_page = reviews_by_page(site)

    def add(self, path: str, markdown: str) -> bytes:
        from generator.render.context.freshness import page_review
        from generator.render.review_line import insert_review, review_block

        review = page_review(self.site, path, self.by_page.get(path, []))
        if review is not None:
            markdown = insert_review(markdown, review_block(review, self.labels))
        return markdown.encode("utf-8")

    def add_to_guide(self, path: str, content: bytes) -> bytes:
        if not path.endswith(".md") or path not in self.by_page:
            return content
        try:
            return self.add(path, content.decode("utf-8"))
        except UnicodeDecodeError:
            return content


def identity(handbook: Handbook) -> dict[str, str]:
    """What the browser keys saved progress by: the handbook (same in every language)."""
    info = handbook.info
    lrs = info.lrs if info else None
    return {
        "id": handbook_id(handbook),
        # The key progress was kept under before handbooks had an id: the browser moves it once.
        "former": title_slug(handbook.info.title) if handbook.info else "",
        "version": info.version if info else "",
        "effective": info.effective_date.isoformat() if info else "",
        # Read by assets/lrs.js; the credential is public in a static site (see the mentors' guide).
        "lrs_endpoint": lrs.endpoint if lrs else "",
        "lrs_authorization": _basic(lrs.key, lrs.secret) if lrs and (lrs.key or lrs.secret) else "",
    }


def handbook_data(data: dict[str, Any]) -> tuple[str, bytes]:
    """The file the browser's scripts read the handbook's identity and words from, and its name.

    A script of its own rather than JSON in every page (5 KB in English, 8 KB in Chinese):
    the browser fetches it once per version. Its name carries a hash of what it holds, so a
    new build is never read from an old cached copy.
    """
    body = ("window.HandbookData = " + json.dumps(data, sort_keys=True) + ";\n").encode("ascii")
    return f"assets/handbook-data.{hashlib.sha256(body).hexdigest()[:10]}.js", body


def _basic(key: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode("ascii")


def handbook_id(handbook: Handbook) -> str:
    """The key readers' progress is kept under: the handbook's ``id``, else its title's slug."""
    return handbook.info.key if handbook.info else "handbook"


def _assets() -> dict[str, bytes]:
    """The handbook's own stylesheets and scripts (and vendored libraries), shipped with the
    generator; ours minified, vendored ones as published."""
    return {
        f"assets/{p.relative_to(ASSETS).as_posix()}": p.read_bytes() if "vendor" in p.parts else minified(p)
        for p in sorted(ASSETS.rglob("*"))
        if p.is_file()
    }
