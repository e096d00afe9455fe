"""Build position-aware YAML trees straight from parser events (libyaml when present).

Going from events to our own maps and lists, instead of composing PyYAML nodes and
walking them, does the work once: it is what keeps ``handbook validate`` fast on a
large handbook. On the way it enforces what makes loading safe:

- only the standard scalar tags (no ``!!python/object`` or custom tags);
- no duplicate keys, no merge keys, no complex keys;
- aliases are shared, not copied, and counted at their full size, so a "billion
  laughs" file is refused without being expanded; an alias to a value that is still
  being read (a recursive one) is refused;
- nesting is bounded, and the walk is a loop, not recursion.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from generator.diagnostics import Diagnostic, error
from generator.model.location import Location

try:  # libyaml's C parser: the same events and positions, many times faster
    from yaml._yaml import CParser

    _Parser: Any = CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = None

MAX_NODES = 2_000_000
MAX_DEPTH = 200

STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_CONTAINER_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!", None}
_MERGE = "tag:yaml.org,2002:merge"
_constructor = SafeConstructor()
_implicit = Resolver.yaml_implicit_resolvers  # first character → [(tag, regexp)]


class TooComplex(Exception):
    """The file would expand past the limits; ``loc`` is where that became clear."""

    def __init__(self, loc: Location, why: str) -> None:
        super().__init__(why)
        self.loc, self.why = loc, why


class YMap(dict[Any, Any]):
    """A YAML mapping; ``key_at``/``value_at`` give each entry's position."""

    __slots__ = ("key_at", "loc", "value_at")
    loc: Location
    key_at: dict[Any, Location]
    value_at: dict[Any, Location]


class YList(list[Any]):
    """A YAML sequence; ``item_at[i]`` is the position of item ``i``."""

    __slots__ = ("item_at", "loc")
    loc: Location
    item_at: list[Location]


def resolve_plain(value: str) -> str:
    """The tag YAML 1.1 gives an unquoted scalar: most text is a string at first glance."""
    if len(value) > 5 and value[:1].isalpha():
        return STR  # the only words YAML reads as non-text are yes/no/on/off/true/false/null
    for tag, regexp in _implicit.get(value[:1] if value else "", ()):
        if regexp.match(value):
            return str(tag)
    return STR


class _Frame:
    """A mapping or list being read, with what it needs until it is complete.

    The container's position tables are bound here once: the loop fills them per value.
    """

    __slots__ = (
        "anchor",
        "at",
        "container",
        "is_list",
        "key",
        "key_at",
        "key_loc",
        "size",
        "skip",
        "value_at",
    )

    def __init__(self, container: YMap | YList, anchor: str | None) -> None:
        self.container: Any = container
        self.anchor = anchor
        self.is_list = isinstance(container, YList)
        self.at: list[Location] = container.item_at if isinstance(container, YList) else []
        self.key_at: dict[Any, Location] = container.key_at if isinstance(container, YMap) else {}
        self.value_at: dict[Any, Location] = container.value_at if isinstance(container, YMap) else {}
        self.key: Any = _NO_KEY
        self.key_loc: Location = container.loc
        self.size = 1
        self.skip = False  # the value belongs to a key that was refused


_NO_KEY = object()
_new = tuple.__new__  # a Location without the named tuple's Python-level __new__: one per value
_ScalarEvent = yaml.ScalarEvent
_MappingStart, _SequenceStart = yaml.MappingStartEvent, yaml.SequenceStartEvent
_MappingEnd, _SequenceEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent


class TreeBuilder:
    """Reads one document of one file into :class:`YMap`/:class:`YList` and scalars.

    :meth:`build` handles the common events inline (text, and untagged mappings and
    lists without anchors); everything else (aliases, anchors, tags, typed scalars,
    limits) goes through :meth:`_start` and :meth:`_place`, which hold the rules.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Diagnostic] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.nodes = 0

    def loc(self, event: Any) -> Location:
        mark = event.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)

    def build(self, text: str) -> Any:
        """The document's value; ``None`` for an empty file. Raises YAML errors as PyYAML does."""
        next_event = _events(text)
        stack: list[_Frame] = []
        top: _Frame | None = None  # stack[-1], kept at hand
        result: Any = None
        documents = 0
        path, implicit = self.path, _implicit
        while True:
            event = next_event()
            cls = event.__class__
            if (
                top is not None
                and (cls is _ScalarEvent or cls is _MappingStart or cls is _SequenceStart)
                and event.anchor is None
            ):
                tag = event.tag
                if cls is _ScalarEvent:
                    value = event.value
                    if tag is None:
                        plain = event.implicit[0] and (value[:1] in implicit or value == "<<")
                        text_value = not plain or resolve_plain(value) is STR
                    else:
                        text_value = tag == "!"
                    if text_value:  # the common case: text inside a container
                        self.nodes += 1
                        mark = event.start_mark
                        loc = _new(Location, (path, mark.line + 1, mark.column + 1))
                        if self.nodes > MAX_NODES:
                            self._count(loc, 0)
                        self._put(top, value, loc, 1)
                        continue
                elif (
                    tag is None and (cls is _MappingStart or cls is _SequenceStart) and len(stack) < MAX_DEPTH
                ):
                    self.nodes += 1
                    mark = event.start_mark
                    loc = _new(Location, (path, mark.line + 1, mark.column + 1))
                    if self.nodes > MAX_NODES:
                        self._count(loc, 0)
                    container: YMap | YList
                    if cls is _MappingStart:
                        container = YMap()
                        container.key_at, container.value_at = {}, {}
                    else:
                        container = YList()
                        container.item_at = []
                    container.loc = loc
                    top = _Frame(container, None)
                    stack.append(top)
                    continue
            if cls is _MappingEnd or cls is _SequenceEnd:
                frame = stack.pop()
                top = stack[-1] if stack else None
                value, size = frame.container, frame.size
                if frame.anchor:
                    self.anchors[frame.anchor] = (value, size)
                if top is None:
                    result = value
                else:
                    self._put(top, value, value.loc, size)
                continue
            if cls is yaml.StreamEndEvent:
                return result
            if cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.problems.append(
                        error(
                            self.loc(event),
                            "yaml-documents",
                            "the file holds more than one YAML document",
                            "remove the '---' line or split the file",
                        )
                    )
                    return result
                continue
            if cls is yaml.StreamStartEvent or cls is yaml.DocumentEndEvent:
                continue
            value, size = self._start(event, stack)
            if value is _STARTED:
                top = stack[-1]
            elif top is None:
                result = value
            else:
                self._place(top, value, size, self.loc(event))

    def _put(self, frame: _Frame, value: Any, loc: Location, size: int) -> None:
        """Put a finished value that needs no conversion (text, a container) in its place."""
        frame.size += size
        if frame.is_list:
            frame.at.append(loc)
            frame.container.append(value)
        elif frame.key is _NO_KEY:  # this value is a key
            frame.key_loc = loc
            if value.__class__ is str and value not in frame.container:
                frame.key = value
            else:
                frame.key, frame.skip = self._key(frame.container, value, loc)
        else:
            if not frame.skip:
                key = frame.key
                frame.key_at[key] = frame.key_loc
                frame.value_at[key] = loc
                frame.container[key] = value
            frame.key, frame.skip = _NO_KEY, False

    def _start(self, event: Any, stack: list[_Frame]) -> tuple[Any, int]:
        loc = self.loc(event)
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                self.problems.append(
                    error(
                        loc,
                        "yaml-alias",
                        f"alias '*{event.anchor}' refers to no complete value",
                        "define the anchor before using it, outside itself",
                    )
                )
                return None, 1
            value, size = self.anchors[event.anchor]
            self._count(loc, size)
            return value, size
        self._count(loc, 1)
        if isinstance(event, yaml.ScalarEvent):
            value = self._scalar(event, loc)
            if event.anchor:
                self.anchors[event.anchor] = (value, 1)
            return value, 1
        if len(stack) >= MAX_DEPTH:
            raise TooComplex(loc, f"values are nested more than {MAX_DEPTH} levels deep")
        if event.tag not in _CONTAINER_TAGS:
            self.problems.append(_tag_problem(loc, event.tag))
        container: YMap | YList
        if isinstance(event, yaml.MappingStartEvent):
            container = YMap()
            container.key_at, container.value_at = {}, {}
        else:
            container = YList()
            container.item_at = []
        container.loc = loc
        stack.append(_Frame(container, event.anchor))
        return _STARTED, 0

    def _count(self, loc: Location, size: int) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            raise TooComplex(loc, f"the file expands to more than {MAX_NODES:,} values")

    def _scalar(self, event: Any, loc: Location) -> Any:
        if event.tag is None and event.implicit[0] and event.value == "<<":
            return _MERGE_KEY  # refused as a key by _key, plain text anywhere else
        tag = event.tag
        if tag in (None, "!"):
            tag = resolve_plain(event.value) if event.implicit[0] and tag is None else STR
        if tag not in _SCALAR_TAGS:
            self.problems.append(_tag_problem(loc, tag))
            return None
        if tag == STR:
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
        try:
            return _constructor.yaml_constructors[tag](_constructor, node)
        except (ValueError, yaml.YAMLError) as exc:
            self.problems.append(error(loc, "yaml-value", f"value {event.value!r} cannot be read: {exc}"))
            return None

    def _place(self, frame: _Frame, value: Any, size: int, start: Location | None) -> None:
        """Put a finished value into the container being read."""
        frame.size += size
        if value is _MERGE_KEY and (isinstance(frame.container, YList) or frame.key is not _NO_KEY):
            value = "<<"
        at = start or (value.loc if isinstance(value, YMap | YList) else None)
        container = frame.container
        if isinstance(container, YList):
            container.item_at.append(at or container.loc)
            container.append(value)
            return
        if frame.key is _NO_KEY:  # this value is a key
            frame.key_loc = at or container.loc
            frame.key, frame.skip = self._key(container, value, frame.key_loc)
            return
        if not frame.skip:
            container.key_at[frame.key] = frame.key_loc
            container.value_at[frame.key] = at or container.loc
            container[frame.key] = value
        frame.key, frame.skip = _NO_KEY, False

    def _key(self, mapping: YMap, key: Any, loc: Location) -> tuple[Any, bool]:
        if isinstance(key, YMap | YList):
            self.problems.append(error(loc, "yaml-key", "a mapping key must be a plain word"))
            return None, True
        if key is _MERGE_KEY:
            self.problems.append(
                error(
                    loc, "yaml-merge-key", "merge keys (<<) are not supported", "write the keys out in full"
                )
            )
            return None, True
        key = key if isinstance(key, str) else str(key)
        if key in mapping:
            first = mapping.key_at[key]
            self.problems.append(
                error(
                    loc,
                    "duplicate-key",
                    f"key '{key}' appears twice in this mapping (first on line {first.line})",
                    "remove one of them or merge their contents",
                )
            )
            return key, True
        return key, False


class _MergeKey:
    """Stands for ``<<``, which PyYAML would silently merge."""


_MERGE_KEY = _MergeKey()
_STARTED = object()


def _tag_problem(loc: Location, tag: str) -> Diagnostic:
    return error(
        loc,
        "yaml-tag",
        f"tag '{tag}' is not allowed: definitions hold plain text, numbers, lists and mappings",
        "remove the tag",
    )


def _events(text: str) -> Callable[[], Any]:
    if _Parser is not None:
        return _Parser(text).get_event  # type: ignore[no-any-return]
    parser = yaml.SafeLoader(text)
    return parser.get_event
