"""The message catalogs: every word the product itself writes, in each language.

One catalog per language ships in ``i18n/<lang>.yaml`` (``en``, ``zh``, ``zh-Hant``, ``ja``,
``de``, ``fr``, ``es``), the same keys in each, read by the site's pages, the browser's
script (through the page), the print pack, plans, calendar files and the quiz bank.
A handbook changes any entry in ``messages/<lang>.yaml`` at its root (its own vocabulary:
阶段 rather than 环节, 带教 rather than 指导人), and supplies the whole catalog of a
language that does not ship. English is the reference: its keys are the known keys.
Chinese terms of the shipped catalog follow the project glossary (环节 stage, 步骤 step,
话术 script, 检查清单 checklist, 入职路径 onboarding path, 测验 quiz).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

Labels = Mapping[str, str]
FOLDER = Path(__file__).parent / "i18n"
OVERRIDES = "messages"
"""The folder, at a handbook's root, of its own catalog entries: ``messages/<lang>.yaml``."""
REFERENCE = "en"
# libyaml's loader when present: these files are read at every start of the command.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Composer: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Entry:
    """One catalog entry as written: its flat key (``field.goal``), text and line (1-based)."""

    key: str
    text: str
    line: int


@dataclass(frozen=True)
class CatalogFile:
    """A catalog file read with positions; ``problems`` are ``(line, message)`` pairs."""

    path: Path
    entries: tuple[Entry, ...]
    problems: tuple[tuple[int, str], ...] = ()

    def as_labels(self) -> dict[str, str]:
        return {entry.key: entry.text for entry in self.entries}


def shipped_languages() -> list[str]:
    """The languages whose catalog ships with the generator."""
    return sorted(path.stem for path in FOLDER.glob("*.yaml"))


def shipped_file(lang: str) -> Path | None:
    """The shipped catalog for ``lang`` or the nearest broader tag (``de-AT`` → ``de``)."""
    parts = lang.split("-")
    while parts:
        path = FOLDER / f"{'-'.join(parts)}.yaml"
        if path.is_file():
            return path
        parts.pop()
    return None


def override_file(root: Path, lang: str) -> Path:
    """Where a handbook keeps its own entries for ``lang``."""
    return root / OVERRIDES / f"{lang}.yaml"


@cache
def shipped(lang: str) -> Labels:
    """The shipped catalog of ``lang`` (empty when none ships) as flat keys."""
    path = shipped_file(lang)
    if path is None:
        return {}
    tree = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    return dict(_flatten(tree))


def labels_for(lang: str, root: Path | None = None) -> Labels:
    """The words of ``lang``: the shipped catalog with the handbook's own entries over it.

    An entry that neither has is taken from English, so a page is never left without a
    word; the ``missing-message`` check reports each such entry to the editors.
    """
    if root is None:
        return _merged(lang, None, 0)
    path = override_file(root, lang)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return _merged(lang, None, 0)
    return _merged(lang, path, stamp)


@lru_cache(maxsize=64)
def _merged(lang: str, path: Path | None, stamp: int) -> Labels:
    # ``stamp`` (the file's modification time) is part of the key: ``serve`` sees an edit.
    labels = {**shipped(REFERENCE), **shipped(lang)}
    if path is not None:
        labels.update(read_catalog(path).as_labels())
    return labels


def read_catalog(path: Path) -> CatalogFile:
    """A catalog file's entries with their lines; what is wrong with it, never an exception."""
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=_Composer)
    except (OSError, UnicodeDecodeError) as exc:
        return CatalogFile(path, (), ((1, f"cannot be read ({exc.__class__.__name__})"),))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        return CatalogFile(path, (), ((line, f"is not valid YAML: {exc.problem}"),))
    if node is None:
        return CatalogFile(path, ())
    if not isinstance(node, yaml.MappingNode):
        return CatalogFile(path, (), ((node.start_mark.line + 1, "must be a mapping of keys to texts"),))
    entries: list[Entry] = []
    problems: list[tuple[int, str]] = []
    for key, line, value in _walk(node, ""):
        if value is None:
            problems.append((line, f"'{key}' must be a text (put it in quotes)"))
        else:
            entries.append(Entry(key, value, line))
    return CatalogFile(path, tuple(entries), tuple(problems))


def _walk(node: yaml.MappingNode, prefix: str) -> Iterator[tuple[str, int, str | None]]:
    for key_node, value_node in node.value:
        key = f"{prefix}{key_node.value}"
        line = key_node.start_mark.line + 1
        if isinstance(value_node, yaml.MappingNode):
            yield from _walk(value_node, f"{key}.")
        elif isinstance(value_node, yaml.ScalarNode):
            yield key, line, str(value_node.value)
        else:
            yield key, line, None


def _flatten(tree: Mapping[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key, value in tree.items():
        name = f"{prefix}{key}"
        out += _flatten(value, f"{name}.") if isinstance(value, Mapping) else [(name, str(value))]
    return out


class _Shipped(Mapping[str, Labels]):
    """Every shipped language's catalog, e.g. ``LABELS["zh"]["field.goal"]``."""

    def __getitem__(self, lang: str) -> Labels:
        if shipped_file(lang) is None:
            raise KeyError(lang)
        return shipped(lang)

    def __iter__(self) -> Iterator[str]:
        return iter(shipped_languages())

    def __len__(self) -> int:
        return len(shipped_languages())


LABELS: Mapping[str, Labels] = _Shipped()
