"""Render the checked model into Markdown pages and MkDocs configurations, per language.

Pipeline: :mod:`relations` (reverse maps, once) → :mod:`context` (plain data per page and
language) → :mod:`pages` (which pages exist) → templates (layout only) → :mod:`writer`
(files on disk, only when changed) and :mod:`mkdocs_config` (one build per language).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.load.collector import collector_paused
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.model.types import LANGUAGES
from generator.render.guides import GUIDES
from generator.render.unchanged import recall, remember, render_key
from generator.render.writer import OUTPUT, HandWritten, WriteCounts, config_path, read_handwritten, sync_tree

if TYPE_CHECKING:  # the diff package is only needed when publishing: not imported at start-up
    from generator.diff.changeset import ChangeSet
    from generator.render.memo import PageMemo

__all__ = ["OUTPUT", "GenerateReport", "generate"]


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
    handbook: Handbook,
    index: Index,
    root: Path,
    changes: ChangeSet | None = None,
    today: datetime.date | None = None,
    only: str | None = None,
    memo: PageMemo | None = None,
) -> GenerateReport:
    """Write ``<root>/.handbook/docs/<lang>/`` and ``<root>/.handbook/mkdocs.<lang>.yml``.

    Expects a handbook that passed validation; never writes below ``<root>/docs``.
    ``changes`` (when publishing) adds a What's new page listing them. ``today``: the day
    review dates are compared with (pages say what is overdue as of it); the real one unless given.
    ``only``: write that language's pages alone (the preview shows one language; the others
    are written by the next full generation), keeping no record of the generation.
    ``memo``: the preview's memory of the pages it rendered last time (see :mod:`.memo`).
    """
    today = today or datetime.date.today()
    info = handbook.info
    languages = list(dict.fromkeys(info.languages if info and info.languages else LANGUAGES))
    default = info.default_language if info and info.default_language in languages else languages[0]
    hand = read_handwritten(root / "docs", languages, default)
    report = GenerateReport(problems=list(hand.problems))
    report.problems += _missing_guides(hand, languages)
    out = root / OUTPUT
    # A memo must see every page rendered once: the preview's first edit then renders only
    # what it changed, so the record that skips rendering altogether is not used for it.
    use_record = changes is None and only is None and memo is None
    key = render_key(handbook, hand.files, today) if use_record else None
    known = recall(out, key) if key else None
    if known is not None:  # the pages on disk are what rendering would write: keep them
        report.pages, report.problems = known["pages"], report.problems + known["problems"]
        report.unchanged = known["written"] + known["unchanged"]
        report.configs = [config_path(root, lang) for lang in languages]
        return report
    # Jinja and every page's code are loaded only now: not when nothing changed.
    from generator.render.languages import render_languages

    rendered = render_languages(handbook, index, root, languages, default, hand, changes, today, only, memo)
    counts = WriteCounts()
    rendering: list[str] = []
    for lang, written in rendered.items():
        counts.add(written.counts)
        report.pages[lang] = written.pages
        rendering += written.problems
        report.configs.append(config_path(root, lang))
    report.problems += rendering
    if only is None:
        counts.removed += _remove_other_languages(out, languages)
    report.written, report.unchanged, report.removed = counts.written, counts.unchanged, counts.removed
    done = {"written": counts.written, "unchanged": counts.unchanged}
    remember(out, key, {"pages": report.pages, "problems": rendering, **done})
    return report


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
