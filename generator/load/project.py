"""Load every definition file of a handbook folder into one :class:`Handbook`.

Each file is read on its own (:mod:`generator.load.source`); the results are merged in
file order, so problems and entities come out exactly as a one-by-one read gives them.
Once the handbook has been generated, files are read through a cache
(:mod:`generator.load.cache`): only those whose bytes changed are parsed again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.diagnostics import Diagnostics, error
from generator.load.cache import SourceCache, code_fingerprint
from generator.load.source import TOP_LEVEL_KEYS, Source, read_source
from generator.load.yaml_tree import iter_yaml_files
from generator.model.handbook import COLLECTIONS, Handbook
from generator.model.location import Location

SOURCE_FOLDERS = ("process", "quizzes")
__all__ = ["SOURCE_FOLDERS", "TOP_LEVEL_KEYS", "load_handbook", "loaded_digest"]


def load_handbook(root: Path, diagnostics: Diagnostics) -> Handbook:
    """Read ``process/**/*.yaml`` and ``quizzes/**/*.yaml`` below ``root``.

    Every problem goes to ``diagnostics``; whatever could be read is in the result.
    """
    rels = [path.relative_to(root).as_posix() for path in iter_yaml_files(root, SOURCE_FOLDERS)]
    cache = SourceCache.open(root)
    sources = [read_source(root, rel, cache) for rel in rels]
    if cache:
        cache.prune({source.cached_as for source in sources})
    handbook = merge(root, sources, diagnostics)
    digest = hashlib.blake2b(code_fingerprint(), digest_size=20)
    for source in sources:
        digest.update(f"{source.rel}\0{source.digest}\0".encode())
    handbook.source_digest, handbook.source_shape = digest.hexdigest(), _shape(handbook)
    return handbook


def loaded_digest(handbook: Handbook) -> str | None:
    """A digest of the bytes of every file ``handbook`` was loaded from, while it is as loaded.

    ``None`` for a handbook not made by :func:`load_handbook`, or one whose collections
    were changed since: then nothing may be concluded from its files.
    """
    if not handbook.source_digest or _shape(handbook) != handbook.source_shape:
        return None
    return handbook.source_digest


def _shape(handbook: Handbook) -> tuple[int, ...]:
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
