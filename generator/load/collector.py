"""Pause Python's cycle collector while the pipeline builds large trees of live objects.

Loading a large handbook makes a few million small objects (trees, locations, entities)
that stay alive, and so does rendering it. Each generational collection would walk them
again, for nothing: they hold no reference cycles, and reference counting frees them as
usual. Measured on the ``medium`` benchmark handbook (CPU time): validating takes 10 %
less, generating 11 % less, regenerating after an edit 25 % less.

Nothing is frozen afterwards (``gc.freeze``): frozen objects are never examined again,
so a cycle among them that later became garbage would stay in memory for good, and a
long-running ``handbook serve`` would grow with every regeneration.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Within the block the cycle collector does not run; afterwards it runs as it did."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
