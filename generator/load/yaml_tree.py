"""Read one YAML file safely into plain dicts and lists that remember their positions.

PyYAML's loaders drop positions and keep the last of two duplicate keys. Here the file
is only *composed* into nodes (libyaml's C parser when present), then turned into
:class:`YMap` / :class:`YList` by our own walk, which:

- keeps the file, line and column of every key and value;
- reports duplicate keys instead of silently keeping one;
- accepts only the standard YAML scalar tags (no ``!!python/object`` or custom tags);
- bounds alias expansion and nesting, so a hostile file cannot exhaust memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from generator.diagnostics import Diagnostic, error
from generator.model.location import Location

try:  # libyaml's C parser is many times faster; positions are the same.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_NODES = 2_000_000
MAX_DEPTH = 200

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_constructor = SafeConstructor()


class YMap(dict[Any, Any]):
    """A YAML mapping; ``key_at``/``value_at`` give each entry's position."""

    loc: Location
    key_at: dict[Any, Location]
    value_at: dict[Any, Location]


class YList(list[Any]):
    """A YAML sequence; ``item_at[i]`` is the position of item ``i``."""

    loc: Location
    item_at: list[Location]


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


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node, why: str) -> None:
        super().__init__(why)
        self.node = node
        self.why = why


class _Walker:
    def __init__(self, path: str) -> None:
        self.path = path
        self.nodes = 0
        self.problems: list[Diagnostic] = []

    def loc(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)

    def value(self, node: yaml.Node, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooLarge(node, f"the file expands to more than {MAX_NODES:,} values")
        if depth > MAX_DEPTH:
            raise _TooLarge(node, f"values are nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            return self.sequence(node, depth)
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.problems.append(_tag_problem(self.loc(node), node.tag))
            return None
        try:
            return _constructor.yaml_constructors[node.tag](_constructor, node)
        except (ValueError, yaml.YAMLError) as exc:
            self.problems.append(
                error(self.loc(node), "yaml-value", f"value {node.value!r} cannot be read: {exc}")
            )
            return None

    def mapping(self, node: yaml.MappingNode, depth: int) -> YMap:
        result = YMap()
        result.loc, result.key_at, result.value_at = self.loc(node), {}, {}
        if node.tag != _MAP_TAG:
            self.problems.append(_tag_problem(result.loc, node.tag))
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(
                    error(
                        self.loc(key_node),
                        "yaml-merge-key",
                        "merge keys (<<) are not supported",
                        "write the keys out in full",
                    )
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    error(self.loc(key_node), "yaml-key", "a mapping key must be a plain word")
                )
                continue
            key = self.scalar(key_node)
            key = key if isinstance(key, str) else str(key)
            if key in result:
                first = result.key_at[key]
                self.problems.append(
                    error(
                        self.loc(key_node),
                        "duplicate-key",
                        f"key '{key}' appears twice in this mapping (first on line {first.line})",
                        "remove one of them or merge their contents",
                    )
                )
                continue
            result.key_at[key] = self.loc(key_node)
            result.value_at[key] = self.loc(value_node)
            result[key] = self.value(value_node, depth + 1)
        return result

    def sequence(self, node: yaml.SequenceNode, depth: int) -> YList:
        result = YList()
        result.loc, result.item_at = self.loc(node), []
        if node.tag != _SEQ_TAG:
            self.problems.append(_tag_problem(result.loc, node.tag))
        for item in node.value:
            result.item_at.append(self.loc(item))
            result.append(self.value(item, depth + 1))
        return result


def _check_expansion(root: yaml.Node) -> None:
    """Refuse a file whose aliases would expand past :data:`MAX_NODES` values.

    Sizes are memoised per node, so a "billion laughs" file is measured in the time
    it takes to read it, not to expand it.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if not children_done:
            if id(node) in open_nodes or any(id(c) in open_nodes for c in children):
                raise _TooLarge(node, "an alias refers to a value that contains it")
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
            continue
        open_nodes.discard(id(node))
        sizes[id(node)] = 1 + sum(sizes[id(c)] for c in children)
        if sizes[id(node)] > MAX_NODES:
            raise _TooLarge(node, f"aliases expand the file to more than {MAX_NODES:,} values")


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _tag_problem(loc: Location, tag: str) -> Diagnostic:
    return error(
        loc,
        "yaml-tag",
        f"tag '{tag}' is not allowed: definitions hold plain text, numbers, lists and mappings",
        "remove the tag",
    )


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
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        loaded.problems.append(_syntax_problem(path, exc))
        return loaded
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        at = Location(path, before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1)
        loaded.problems.append(
            error(
                at,
                "encoding",
                f"character U+{exc.character:04X} is not allowed in YAML"
                if isinstance(exc.character, int)
                else f"character {exc.character!r} is not allowed in YAML",
                "remove the control character",
            )
        )
        return loaded
    except RecursionError:
        loaded.problems.append(error(start, "nesting-too-deep", "values are nested too deeply to read"))
        return loaded
    if node is None or (node.tag == "tag:yaml.org,2002:null" and isinstance(node, yaml.ScalarNode)):
        loaded.problems.append(
            error(
                start,
                "empty-file",
                "file holds no definitions",
                "add a top-level key such as 'stages:' or delete the file",
            )
        )
        return loaded
    walker = _Walker(path)
    try:
        _check_expansion(node)
        loaded.data = walker.value(node, 0)
    except _TooLarge as exc:
        loaded.problems.append(error(walker.loc(exc.node), "file-too-complex", exc.why))
        return loaded
    loaded.problems.extend(walker.problems)
    return loaded


def _decode(path: str, raw: bytes, problems: list[Diagnostic]) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
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
    mark = exc.problem_mark or exc.context_mark
    loc = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    what = exc.problem or "invalid YAML"
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
