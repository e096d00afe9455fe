"""``handbook serve`` regenerates in one long-lived process: its memory must stay flat.

The test does what the preview does after each save (validate, then generate) many
times, with a real edit each time, and checks that nothing accumulates: objects the
cycle collector can see, objects hidden from it (frozen: it would never free them),
and the memory Python allocated.
"""

from __future__ import annotations

import gc
import shutil
import tracemalloc
from pathlib import Path

from generator.model.index import Index
from generator.render import generate
from generator.render.memo import PageMemo
from generator.validate import validate
from tests.conftest import MINIMAL

ROUNDS = 15
WARM_UP = 3  # the first rounds fill caches that are meant to stay (templates, labels)
EDITED = "process/people.yaml"


def regenerate(root: Path, round_number: int, memo: PageMemo) -> None:
    """One save in the editor, then what the preview does about it."""
    path = root / EDITED
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.rstrip("\n").rsplit("\n# round ", 1)[0] + f"\n# round {round_number}\n", encoding="utf-8"
    )
    result = validate(root)
    assert result.ok, result.diagnostics.sorted()
    generate(result.handbook, Index(result.handbook), root, only="en", memo=memo)
    gc.collect()


def test_many_regenerations_hold_memory_flat(tmp_path: Path) -> None:
    root = tmp_path / "handbook"
    shutil.copytree(MINIMAL, root)
    memo = PageMemo("en")  # the preview keeps the pages of the language it shows
    frozen_before = gc.get_freeze_count()
    for n in range(WARM_UP):
        regenerate(root, n, memo)
    tracemalloc.start()
    try:
        objects_before = len(gc.get_objects())
        memory_before = tracemalloc.get_traced_memory()[0]
        for n in range(WARM_UP, ROUNDS):
            regenerate(root, n, memo)
        objects_after = len(gc.get_objects())
        memory_after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    rounds = ROUNDS - WARM_UP
    assert gc.get_freeze_count() == frozen_before, "objects were hidden from the cycle collector"
    assert objects_after - objects_before < 20 * rounds, (objects_before, objects_after)
    # Bounded caches (escaping, links, catalogs) may still take in a few strings per round when
    # other tests' handbooks passed through them first; a handbook kept alive per round would
    # cost far more than this (the freeze leak kept every round's objects).
    assert memory_after - memory_before < 8_000 * rounds, f"{memory_after - memory_before} bytes more"
