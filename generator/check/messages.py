"""A handbook's own catalog entries (``messages/<lang>.yaml``) name known words, and
every language of the handbook has every word the product writes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from generator.check.registry import Context, Finding, check
from generator.diagnostics import suggest
from generator.model.location import Location
from generator.presentation.labels import (
    OVERRIDES,
    REFERENCE,
    override_file,
    read_catalog,
    shipped,
    shipped_file,
)

# A new language's catalog can lack hundreds of entries: name the first few, count the rest.
_SHOWN = 10


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def _where(ctx: Context, path: Path, line: int) -> Location:
    return Location(path.relative_to(ctx.handbook.root).as_posix(), line, 1)


def _catalog_files(ctx: Context) -> list[Path]:
    folder = ctx.handbook.root / OVERRIDES
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


@check("unknown-message")
def messages_known(ctx: Context) -> Iterator[Finding]:
    """Each entry of a handbook's catalog is a word the product writes, is text, and keeps
    the ``{placeholders}`` the generator fills in.

    Passes: ``messages/zh.yaml`` with ``field: {stage: 阶段}``.
    Fails: ``field: {stges: 阶段}`` (did you mean 'field.stage'?), a list as a value, or
    ``ui: {done: 完成}`` (``{done}`` and ``{total}`` left out).
    """
    known = shipped(REFERENCE)
    for path in _catalog_files(ctx):
        catalog = read_catalog(path)
        for line, problem in catalog.problems:
            yield Finding(_where(ctx, path, line), f"{OVERRIDES}/{path.name} {problem}", "fix the file")
        for entry in catalog.entries:
            if entry.key not in known:
                yield Finding(
                    _where(ctx, path, entry.line),
                    f"'{entry.key}' is not a word the handbook writes",
                    suggest(entry.key, known) or f"see the keys of the shipped catalog {REFERENCE}.yaml",
                )
            elif (wanted := _placeholders(known[entry.key])) != _placeholders(entry.text):
                yield Finding(
                    _where(ctx, path, entry.line),
                    f"'{entry.key}' must hold exactly {', '.join(sorted(wanted)) or 'no {placeholder}'}",
                    f"in English: {known[entry.key]!r}",
                )


@check("missing-message")
def messages_complete(ctx: Context) -> Iterator[Finding]:
    """Every language of the handbook has every word: shipped, or in ``messages/<lang>.yaml``.

    Passes: ``languages: [en, de]`` (both catalogs ship).
    Fails: ``languages: [en, pt]`` with no ``messages/pt.yaml``, or one without ``field.goal``.
    """
    info = ctx.handbook.info
    if info is None:
        return
    reference = shipped(REFERENCE)
    for i, lang in enumerate(info.languages):
        if shipped_file(lang) is not None:
            continue  # the shipped catalogs are complete (a test holds them to it)
        path = override_file(ctx.handbook.root, lang)
        if not path.is_file():
            yield Finding(
                info.at.get(f"languages[{i}]", info.loc),
                f"no catalog ships for '{lang}' and the handbook has no {OVERRIDES}/{lang}.yaml",
                f"copy a shipped catalog (e.g. {REFERENCE}.yaml) to {OVERRIDES}/{lang}.yaml and translate it",
            )
            continue
        have = read_catalog(path).as_labels()
        missing = [key for key in reference if key not in have]
        for key in missing[:_SHOWN]:
            yield Finding(
                _where(ctx, path, 1),
                f"{OVERRIDES}/{lang}.yaml has no '{key}' (in English: {reference[key]!r})",
                f"add '{key}' in {lang}",
            )
        if len(missing) > _SHOWN:
            yield Finding(
                _where(ctx, path, 1),
                f"{OVERRIDES}/{lang}.yaml lacks {len(missing) - _SHOWN} more entries",
                f"compare it with the shipped {REFERENCE}.yaml",
            )
