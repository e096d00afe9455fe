"""Load every definition file of a handbook folder into one :class:`Handbook`."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostics, error
from generator.load.yaml_tree import YMap, iter_yaml_files, load_file
from generator.model.build import Builder, describe, suggest
from generator.model.entities import HandbookInfo
from generator.model.handbook import COLLECTIONS, Handbook
from generator.model.location import Location

SOURCE_FOLDERS = ("process", "quizzes")
TOP_LEVEL_KEYS = ("handbook", *COLLECTIONS)


def load_handbook(root: Path, diagnostics: Diagnostics) -> Handbook:
    """Read ``process/**/*.yaml`` and ``quizzes/**/*.yaml`` below ``root``.

    Every problem goes to ``diagnostics``; whatever could be read is in the result.
    """
    handbook = Handbook(root=root)
    info_at: Location | None = None
    for path in iter_yaml_files(root, SOURCE_FOLDERS):
        rel = path.relative_to(root).as_posix()
        handbook.files.append(rel)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            diagnostics.add(error(Location(rel), "unreadable", f"cannot read the file: {exc.strerror}"))
            continue
        loaded = load_file(rel, raw)
        diagnostics.extend(loaded.problems)
        if loaded.data is None:
            handbook.unreadable.append(rel)
            continue
        data = loaded.data
        if not isinstance(data, YMap):
            diagnostics.add(
                error(
                    Location(rel, 1, 1),
                    "wrong-type",
                    f"the file must be a mapping of collections, found {describe(data)}",
                    "start it with a top-level key such as 'stages:'",
                )
            )
            continue
        builder = Builder()
        for key, value in data.items():
            if key == "handbook":
                if info_at is not None:
                    diagnostics.add(
                        error(
                            data.key_at[key],
                            "duplicate-handbook",
                            f"the handbook metadata is already given in {info_at}",
                            "keep a single 'handbook:' mapping",
                        )
                    )
                    continue
                info_at = data.key_at[key]
                handbook.info = builder.entity(HandbookInfo, value, data.value_at[key], "'handbook'")
                continue
            if key not in COLLECTIONS:
                diagnostics.add(
                    error(
                        data.key_at[key],
                        "unknown-key",
                        f"unknown top-level key '{key}'",
                        suggest(str(key), TOP_LEVEL_KEYS) or f"allowed: {', '.join(TOP_LEVEL_KEYS)}",
                    )
                )
                continue
            items = builder.value(list[COLLECTIONS[key]], value, data.value_at[key], f"'{key}'")  # type: ignore[valid-type]
            handbook.collection(key).extend(item for item in items if item is not None)
        diagnostics.extend(builder.problems)
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
