"""Read one YAML file safely into plain dicts and lists that remember their positions.

PyYAML's loaders drop positions and keep the last of two duplicate keys. Here the
parser's events are turned into :class:`YMap` / :class:`YList` by our own builder
(:mod:`generator.load.events`), which keeps the file, line and column of every key and
value, reports duplicate keys, accepts only the standard scalar tags and bounds alias
expansion and nesting. This module turns every way a file can fail to be read into a
located diagnostic.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, error, warning
from generator.load.events import TooComplex, TreeBuilder, YList, YMap
from generator.model.location import Location

MAX_FILE_BYTES = 20 * 1024 * 1024

__all__ = ["LoadedFile", "YList", "YMap", "iter_yaml_files", "load_file", "location_of"]


def location_of(container: YMap | YList, key: Any) -> Location:
    """Where the value under ``key`` (a mapping key or a list index) starts."""
    if isinstance(container, YMap):
        return container.value_at.get(key, container.loc)
    if isinstance(key, int) and 0 <= key < len(container.item_at):
        return container.item_at[key]
    return container.loc


@dataclass
class LoadedFile:
    """One definition file: its path relative to the root and its data, if it parsed."""

    path: str
    data: Any = None
    problems: list[Diagnostic] = field(default_factory=list)


def load_file(path: str, raw: bytes) -> LoadedFile:
    """Parse ``raw`` (the bytes of ``path``) into a position-aware tree, or report why not."""
    loaded = LoadedFile(path)
    start = Location(path, 1, 1)
    if len(raw) > MAX_FILE_BYTES:
        size_mb = len(raw) / 1_048_576
        loaded.problems.append(
            error(
                start,
                "file-too-large",
                f"file is {size_mb:.1f} MB; definition files may be at most {MAX_FILE_BYTES // 1_048_576} MB",
                "split it into several files",
            )
        )
        return loaded
    text = _decode(path, raw, loaded.problems)
    if text is None:
        return loaded
    builder = TreeBuilder(path)
    try:
        loaded.data = builder.build(text)
    except yaml.MarkedYAMLError as exc:
        loaded.problems.append(_syntax_problem(path, exc))
        return loaded
    except yaml.reader.ReaderError as exc:
        loaded.problems.append(_reader_problem(path, text, exc))
        return loaded
    except TooComplex as exc:
        loaded.problems.append(error(exc.loc, "file-too-complex", exc.why))
        return loaded
    loaded.problems.extend(builder.problems)
    if loaded.data is None and not loaded.problems:
        loaded.problems.append(
            error(
                start,
                "empty-file",
                "file holds no definitions",
                "add a top-level key such as 'stages:' or delete the file",
            )
        )
    return loaded


def _reader_problem(path: str, text: str, exc: yaml.reader.ReaderError) -> Diagnostic:
    before = text[: exc.position]
    at = Location(path, before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1)
    shown = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
    return error(at, "encoding", f"character {shown} is not allowed in YAML", "remove the control character")


def _decode(path: str, raw: bytes, problems: list[Diagnostic]) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        problems.append(
            warning(
                Location(path, 1, 1),
                "byte-order-mark",
                "the file starts with a byte-order mark",
                "save it as UTF-8 without BOM; some editors and tools show it as stray characters",
            )
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        problems.append(
            error(
                Location(path, line, column),
                "encoding",
                f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
                "save the file as UTF-8",
            )
        )
        return None


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError) -> Diagnostic:
    opened = exc.context_mark if "quoted scalar" in (exc.context or "") else None
    if opened is not None:
        # The parser notices an unclosed quote only where the file (or the line) ends:
        # the author needs the line where the quote opens.
        return error(
            Location(path, opened.line + 1, opened.column + 1),
            "yaml-syntax",
            "YAML syntax error: this quote is never closed",
            "end the text with the same quote mark it starts with",
        )
    mark = exc.problem_mark or exc.context_mark
    loc = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    what = exc.problem or "invalid YAML"
    if "maximum nesting depth" in what:  # libyaml's own limit, in its newer versions
        return error(loc, "file-too-complex", "values are nested too deeply to read")
    if "\t" in what or "tab" in what.lower():
        hint = "indent with spaces, not tabs"
    elif exc.context:
        hint = f"{exc.context}"
    else:
        hint = "check the indentation and quoting around this place"
    return error(loc, "yaml-syntax", f"YAML syntax error: {what}", hint)


def iter_yaml_files(root_dir: Any, folders: tuple[str, ...]) -> Iterator[Any]:
    """Every ``*.yaml`` file below the given folders of ``root_dir``, in a stable order."""
    for folder in folders:
        base = root_dir / folder
        if base.is_dir():
            yield from sorted(p for p in base.rglob("*.yaml") if p.is_file())
