"""Load every definition file of a handbook folder into one :class:`Handbook`.

Each file is read on its own (:mod:`generator.load.source`); the results are merged in
file order, so problems and entities come out exactly as a one-by-one read gives them.
A large handbook is read by two processes: this one and a forked helper, each taking a
share of the files (the helper's share is smaller, as it also sends its entities back).
Once the handbook has been generated, files are read through a cache
(:mod:`generator.load.cache`): only those whose bytes changed are parsed again.
"""

from __future__ import annotations

import hashlib
import os
import weakref
from pathlib import Path

from generator.diagnostics import Diagnostics, error
from generator.load.cache import SourceCache, code_fingerprint
from generator.load.collector import collector_paused
from generator.load.fork import can_fork, in_child
from generator.load.source import TOP_LEVEL_KEYS, Source, read_source, read_sources
from generator.load.yaml_tree import iter_yaml_files
from generator.model.handbook import COLLECTIONS, Handbook
from generator.model.location import Location

SOURCE_FOLDERS = ("process", "quizzes")
__all__ = ["SOURCE_FOLDERS", "TOP_LEVEL_KEYS", "load_handbook", "loaded_digest"]

# Below this many bytes of YAML a helper process costs more than it saves (measured on
# 2 cores: the default content and the ``small`` benchmark stay in one process).
PARALLEL_BYTES = 2_000_000
# The helper's share of the bytes: it also pickles its entities, which the parent unpickles.
HELPER_SHARE = 0.42


def load_handbook(root: Path, diagnostics: Diagnostics) -> Handbook:
    """Read ``process/**/*.yaml`` and ``quizzes/**/*.yaml`` below ``root``.

    Every problem goes to ``diagnostics``; whatever could be read is in the result.
    """
    with collector_paused():
        rels = [path.relative_to(root).as_posix() for path in iter_yaml_files(root, SOURCE_FOLDERS)]
        cache = SourceCache.open(root)
        sources = _read_all(root, rels, cache)
        if cache:
            cache.prune({source.cached_as for source in sources})
        handbook = merge(root, sources, diagnostics)
        _remember(handbook, sources)
        return handbook


def loaded_digest(handbook: Handbook) -> str | None:
    """A digest of the bytes of every file ``handbook`` was loaded from, while it is as loaded.

    ``None`` for a handbook not made by :func:`load_handbook` (or not the last one), or one
    whose collections were changed since: then nothing may be concluded from its files.
    """
    if not _last:
        return None
    ref, digest, signature = _last[0]
    return digest if ref() is handbook and _signature(handbook) == signature else None


_last: list[tuple[weakref.ref[Handbook], str, tuple[int, ...]]] = []


def _remember(handbook: Handbook, sources: list[Source]) -> None:
    digest = hashlib.blake2b(code_fingerprint(), digest_size=20)
    for source in sources:
        digest.update(f"{source.rel}\0{source.digest}\0".encode())
    _last[:] = [(weakref.ref(handbook), digest.hexdigest(), _signature(handbook))]


def _signature(handbook: Handbook) -> tuple[int, ...]:
    """Which objects the handbook holds: a collection replaced or extended shows here."""
    ids = [id(handbook.info)]
    for key in COLLECTIONS:
        items = handbook.collection(key)
        ids += [id(items), len(items), *map(id, items)]
    return tuple(ids)


def merge(root: Path, sources: list[Source], diagnostics: Diagnostics) -> Handbook:
    """One handbook from the files' sources, in file order: the first ``handbook:`` counts."""
    handbook = Handbook(root=root)
    info_at: Location | None = None
    for source in sources:
        handbook.files.append(source.rel)
        diagnostics.extend(source.read)
        if not source.parsed:
            handbook.unreadable.append(source.rel)
            continue
        direct, built = source.direct, source.built
        meta = source.metadata
        if meta is not None and info_at is not None:
            duplicate = error(
                meta.key_at,
                "duplicate-handbook",
                f"the handbook metadata is already given in {info_at}",
                "keep a single 'handbook:' mapping",
            )
            direct = [*direct[: meta.direct_at], duplicate, *direct[meta.direct_at :]]
            built = built[: meta.built[0]] + built[meta.built[1] :]
        elif meta is not None:
            info_at, handbook.info = meta.key_at, meta.info
        diagnostics.extend(direct)
        diagnostics.extend(built)
        if source.review is not None:
            handbook.file_reviews[source.rel] = source.review
        for key, items in source.collections:
            handbook.collection(key).extend(items)
    if info_at is None:
        diagnostics.add(
            error(
                Location("process"),
                "missing-handbook",
                "no file gives the handbook metadata (title, version, languages …)",
                "add a 'handbook:' mapping, e.g. in process/handbook.yaml",
            )
        )
    return handbook


def _read_all(root: Path, rels: list[str], cache: SourceCache | None) -> list[Source]:
    sizes = [_size(root / rel) for rel in rels]
    warm = cache is not None and cache.folder.is_dir() and any(cache.folder.iterdir())
    if warm or sum(sizes) < PARALLEL_BYTES or (os.cpu_count() or 1) < 2 or not can_fork():
        return [read_source(root, rel, cache) for rel in rels]
    mine, theirs = _split(rels, sizes)
    helped = in_child(lambda: read_sources(root, [rels[i] for i in theirs], cache))
    done = {i: read_source(root, rels[i], cache) for i in mine}
    done.update(zip(theirs, helped(), strict=True))
    return [done[i] for i in range(len(rels))]


def _split(rels: list[str], sizes: list[int]) -> tuple[list[int], list[int]]:
    """Indexes of the files this process reads, and of those the helper reads (the last ones)."""
    total, running = sum(sizes), 0
    for i in range(len(rels) - 1, -1, -1):
        running += sizes[i]
        if running >= total * HELPER_SHARE:
            return list(range(i)), list(range(i, len(rels)))
    return [], list(range(len(rels)))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
