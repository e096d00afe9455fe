"""Render the checked model into Markdown pages and MkDocs configurations, per language.

Pipeline: :mod:`relations` (reverse maps, once) → :mod:`context` (plain data per page and
language) → :mod:`pages` (which pages exist) → templates (layout only) → :mod:`writer`
(files on disk, only when changed) and :mod:`mkdocs_config` (one build per language).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.load.collector import collector_paused
from generator.load.fork import in_child
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.model.types import LANGUAGES
from generator.render.context.process import GUIDES
from generator.render.context.site import Site
from generator.render.environment import label_tree, render
from generator.render.minify import minified
from generator.render.mkdocs_config import (
    base_site_url,
    build_config,
    config_path,
    write_config,
)
from generator.render.pages import build_pages
from generator.render.relations import build_relations
from generator.render.unchanged import recall, remember, render_key
from generator.render.writer import HandWritten, WriteCounts, read_handwritten, sync_tree

if TYPE_CHECKING:  # the diff package is only needed when publishing: not imported at start-up
    from generator.diff.changeset import ChangeSet

OUTPUT = ".handbook"
ASSETS = Path(__file__).parent / "assets"


@dataclass
class GenerateReport:
    """What :func:`generate` did. ``problems`` are messages for the user, one per line."""

    written: int = 0
    unchanged: int = 0
    removed: int = 0
    pages: dict[str, int] = field(default_factory=dict)
    configs: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@collector_paused()
def generate(
    handbook: Handbook, index: Index, root: Path, changes: ChangeSet | None = None
) -> GenerateReport:
    """Write ``<root>/.handbook/docs/<lang>/`` and ``<root>/.handbook/mkdocs.<lang>.yml``.

    Expects a handbook that passed validation; never writes below ``<root>/docs``.
    ``changes`` (when publishing) adds a What's new page listing them.
    """
    info = handbook.info
    languages = list(dict.fromkeys(info.languages if info and info.languages else LANGUAGES))
    default = info.default_language if info and info.default_language in languages else languages[0]
    hand = read_handwritten(root / "docs", languages)
    report = GenerateReport(problems=list(hand.problems))
    report.problems += _missing_guides(hand, languages)
    out = root / OUTPUT
    key = render_key(handbook, hand.files) if changes is None else None
    known = recall(out, key) if key else None
    if known is not None:  # the pages on disk are what rendering would write: keep them
        report.pages, report.problems = known["pages"], report.problems + known["problems"]
        report.unchanged = known["written"] + known["unchanged"]
        report.configs = [config_path(root, lang) for lang in languages]
        return report
    relations = build_relations(handbook, index)
    counts = WriteCounts()
    rendering: list[str] = []

    def one(lang: str) -> Callable[[], _Written]:
        def job() -> _Written:
            site = Site.create(handbook, index, relations, lang)
            return _write_language(site, root, languages, default, hand, changes)

        return job

    # A large handbook renders its last language in a forked child, at the same time.
    later = in_child(one(languages[-1])) if len(languages) > 1 and _is_large(handbook) else None
    results = [one(lang)() for lang in (languages[:-1] if later else languages)]
    results += [later()] if later else []
    for lang, written in zip(languages, results, strict=True):
        counts.add(written.counts)
        report.pages[lang] = written.pages
        rendering += written.problems
        report.configs.append(config_path(root, lang))
    report.problems += rendering
    counts.removed += _remove_other_languages(out, languages)
    report.written, report.unchanged, report.removed = counts.written, counts.unchanged, counts.removed
    done = {"written": counts.written, "unchanged": counts.unchanged}
    remember(out, key, {"pages": report.pages, "problems": rendering, **done})
    return report


@dataclass
class _Written:
    """What rendering one language did (small: it may come back from a child process)."""

    counts: WriteCounts
    pages: int
    problems: list[str]


# A handbook with more pages than this per language renders its languages side by side.
PARALLEL_PAGES = 150


def _is_large(handbook: Handbook) -> bool:
    per_stage = 2 * len(handbook.stages)  # a stage page and its scripts page
    pages = per_stage + len(handbook.roles) + len(handbook.kpis)
    return pages + len(handbook.onboarding_paths) + len(handbook.quizzes) > PARALLEL_PAGES


def _write_language(
    site: Site,
    root: Path,
    languages: list[str],
    default: str,
    hand: HandWritten,
    changes: ChangeSet | None,
) -> _Written:
    """Render ``site``'s pages, write the changed ones and the language's configuration."""
    lang, info = site.lang, site.handbook.info
    problems: list[str] = []
    pages = build_pages(site, changes)
    labels = label_tree(site.labels)
    files = {page.path: render(page.template, page.context, labels).encode("utf-8") for page in pages}
    files.update(_assets())
    for path, content in hand.files[lang].items():
        if path in files:
            problems.append(f"docs/{path}: the generator writes this page; the hand-written one is not used")
        else:
            files[path] = content
    counts = sync_tree(root / OUTPUT / "docs" / lang, files)
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
        site_url=base_site_url(root),
    )
    if write_config(root, lang, config):
        counts.written += 1
    else:
        counts.unchanged += 1
    return _Written(counts, len(pages), problems)


def identity(handbook: Handbook) -> dict[str, str]:
    """What the browser keys saved progress by: the handbook (same in every language)."""
    info = handbook.info
    title = (info.title.en or info.title.zh or "") if info else ""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "handbook"
    return {
        "id": slug[:60],
        "version": info.version if info else "",
        "effective": info.effective_date.isoformat() if info else "",
    }


def _assets() -> dict[str, bytes]:
    """The handbook's own stylesheets and scripts, shipped with the generator, minified."""
    return {f"assets/{p.name}": minified(p) for p in sorted(ASSETS.iterdir()) if p.is_file()}


def _missing_guides(hand: HandWritten, languages: list[str]) -> list[str]:
    """The home page links to the guides: say which are missing (in no language at all)."""
    present = {page for lang in languages for page in hand.files.get(lang, {})}
    return [
        f"docs/{guide}: missing; the home page links to it"
        for guide in GUIDES.values()
        if guide not in present
    ]


def _remove_other_languages(out: Path, languages: list[str]) -> int:
    """Remove the pages and configuration of a language the handbook no longer has."""
    removed = 0
    for config in sorted(out.glob("mkdocs.*.yml")):
        if config.name.split(".")[1] not in languages:
            config.unlink()
            removed += 1
    docs = out / "docs"
    for folder in sorted(docs.iterdir()) if docs.is_dir() else []:
        if folder.is_dir() and folder.name not in languages:
            removed += sync_tree(folder, {}).removed
            if folder.exists():
                folder.rmdir()
    return removed
