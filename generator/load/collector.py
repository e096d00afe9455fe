"""Pause Python's cycle collector while the pipeline builds large trees of live objects.

Loading a large handbook makes a few million small objects (trees, locations, entities)
that stay alive, and so does rendering it. Each generational collection would walk them
again, for nothing: they hold no reference cycles, and reference counting frees them as
usual. On the ``large`` benchmark handbook this was about a third of the loading time.

When a block has made many objects, they are moved out of the collector's sight when
it ends (:func:`gc.freeze`) rather than scanned once more by the next collection:
resuming the collector after a million allocations would otherwise start with a scan of
them all. (Frozen objects are still freed as usual when no longer used.)
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Objects made in a block above which they are frozen rather than scanned again.
FREEZE_AFTER = 200_000


@contextmanager
def collector_paused() -> Iterator[None]:
    """Within the block the cycle collector does not run; afterwards it runs as it did."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_count()[0] > FREEZE_AFTER:
                gc.freeze()
            gc.enable()
