"""Render the checked model into Markdown pages and MkDocs configurations, per language.

Pipeline: :mod:`relations` (reverse maps, once) → :mod:`context` (plain data per page and
language) → :mod:`pages` (which pages exist) → templates (layout only) → :mod:`writer`
(files on disk, only when changed) and :mod:`mkdocs_config` (one build per language).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.model.types import LANGUAGES
from generator.render.context.process import GUIDES
from generator.render.context.site import Site
from generator.render.environment import label_tree, render
from generator.render.mkdocs_config import build_config, config_path, write_config
from generator.render.pages import build_pages
from generator.render.relations import build_relations
from generator.render.writer import HandWritten, WriteCounts, read_handwritten, sync_tree

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


def generate(handbook: Handbook, index: Index, root: Path) -> GenerateReport:
    """Write ``<root>/.handbook/docs/<lang>/`` and ``<root>/.handbook/mkdocs.<lang>.yml``.

    Expects a handbook that passed validation; never writes below ``<root>/docs``.
    """
    info = handbook.info
    languages = list(dict.fromkeys(info.languages if info and info.languages else LANGUAGES))
    default = info.default_language if info and info.default_language in languages else languages[0]
    hand = read_handwritten(root / "docs", languages)
    report = GenerateReport(problems=list(hand.problems))
    report.problems += _missing_guides(hand, languages)
    relations = build_relations(handbook, index)
    counts = WriteCounts()
    out = root / OUTPUT
    for lang in languages:
        site = Site.create(handbook, index, relations, lang)
        pages = build_pages(site)
        labels = label_tree(site.labels)
        files = {page.path: render(page.template, page.context, labels).encode("utf-8") for page in pages}
        files.update(_assets())
        for path, content in hand.files[lang].items():
            if path in files:
                report.problems.append(
                    f"docs/{path}: the generator writes this page; the hand-written one is not used"
                )
            else:
                files[path] = content
        counts.add(sync_tree(out / "docs" / lang, files))
        report.pages[lang] = len(pages)
        title = site.t(info.title) if info else ""
        guides = [p for p in hand.pages(lang) if p not in {page.path for page in pages}]
        config = build_config(
            title=title,
            lang=lang,
            languages=languages,
            default=default,
            pages=pages,
            guides=guides,
            identity=identity(handbook),
        )
        if write_config(root, lang, config):
            counts.written += 1
        else:
            counts.unchanged += 1
        report.configs.append(config_path(root, lang))
    counts.removed += _remove_other_languages(out, languages)
    report.written, report.unchanged, report.removed = counts.written, counts.unchanged, counts.removed
    return report


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
    """The handbook's own stylesheet and script, shipped with the generator."""
    return {f"assets/{p.name}": p.read_bytes() for p in sorted(ASSETS.iterdir()) if p.is_file()}


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
