"""One definition file read into entities, on its own: what :mod:`project` merges.

Reading a file needs nothing from the other files, so files can be read in any order,
or in another process (:mod:`generator.load.project` uses a second core for a large
handbook). The one thing that depends on the files before it, whether this file's
``handbook:`` mapping is the first, is left to the merge: a :class:`Source` keeps the
problems in the order they are reported, and marks where the metadata's would go.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostic, error, suggest
from generator.load.build import Builder, describe
from generator.load.yaml_tree import YMap, load_file
from generator.model.entities import HandbookInfo, Review
from generator.model.handbook import COLLECTIONS, FILE_REVIEW
from generator.model.location import Location

if TYPE_CHECKING:
    from generator.load.cache import SourceCache

TOP_LEVEL_KEYS = ("handbook", FILE_REVIEW, *COLLECTIONS)


@dataclass
class Metadata:
    """A file's ``handbook:`` mapping, built; kept only if no earlier file gave one.

    ``direct_at``: where a "duplicate" problem goes among the file's direct problems;
    ``built``: the slice of the file's build problems that came from this mapping.
    """

    key_at: Location
    info: HandbookInfo | None
    direct_at: int
    built: tuple[int, int]


@dataclass
class Source:
    """What one file gave. Problems are reported as ``read``, then ``direct``, then ``built``."""

    rel: str
    read: list[Diagnostic] = field(default_factory=list)
    parsed: bool = True  # False: the file could not be parsed at all
    direct: list[Diagnostic] = field(default_factory=list)
    built: list[Diagnostic] = field(default_factory=list)
    metadata: Metadata | None = None
    collections: list[tuple[str, list[Any]]] = field(default_factory=list)
    review: Review | None = None  # the file's review defaults
    digest: str = ""  # of the file's bytes
    cached_as: str = ""  # its entry in the cache, when one is used


def read_source(root: Path, rel: str, cache: SourceCache | None = None) -> Source:
    """Read, parse and build the file ``rel`` below ``root``; never raises on bad input.

    With a ``cache``, a file whose bytes are as when it was last read is not parsed again.
    """
    try:
        raw = (root / rel).read_bytes()
    except OSError as exc:
        source = Source(rel)
        source.read.append(error(Location(rel), "unreadable", f"cannot read the file: {exc.strerror}"))
        return source
    name = cache.name(rel, raw) if cache else ""
    found = cache.get(name) if cache else None
    if found is not None:
        return found
    source = _parse(rel, raw)
    source.digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
    if cache:
        source.cached_as = name
        cache.put(name, source)
    return source


def _parse(rel: str, raw: bytes) -> Source:
    source = Source(rel)
    loaded = load_file(rel, raw)
    source.read.extend(loaded.problems)
    if loaded.data is None:
        source.parsed = False
        return source
    data = loaded.data
    if not isinstance(data, YMap):
        source.direct.append(
            error(
                Location(rel, 1, 1),
                "wrong-type",
                f"the file must be a mapping of collections, found {describe(data)}",
                "start it with a top-level key such as 'stages:'",
            )
        )
        return source
    builder = Builder()
    for key, value in data.items():
        if key == "handbook":
            start = len(builder.problems)
            info = builder.entity(HandbookInfo, value, data.value_at[key], "'handbook'")
            span = (start, len(builder.problems))
            source.metadata = Metadata(data.key_at[key], info, len(source.direct), span)
        elif key == FILE_REVIEW:
            source.review = builder.entity(Review, value, data.value_at[key], "the file's 'review'")
        elif key not in COLLECTIONS:
            source.direct.append(
                error(
                    data.key_at[key],
                    "unknown-key",
                    f"unknown top-level key '{key}'",
                    suggest(str(key), TOP_LEVEL_KEYS) or f"allowed: {', '.join(TOP_LEVEL_KEYS)}",
                )
            )
        else:
            items = builder.value(list[COLLECTIONS[key]], value, data.value_at[key], f"'{key}'")  # type: ignore[valid-type]
            source.collections.append((key, [item for item in items if item is not None]))
    source.built = builder.problems
    return source
