"""Say what a long command is doing, with timings; tick while a step takes long."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

TICK_AFTER_SECONDS = 2.0


class Progress:
    """Prints ``label … detail (1.23 s)`` per step to ``stream`` (stderr by default).

    On a terminal, a step that runs longer than two seconds shows its elapsed time
    while it runs, so a long MkDocs build never looks stuck.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.detail = ""

    @contextmanager
    def step(self, label: str) -> Iterator[Progress]:
        self.detail = ""
        started = time.perf_counter()
        stop = threading.Event()
        ticker = threading.Thread(target=self._tick, args=(label, started, stop), daemon=True)
        if self.live:
            ticker.start()
        try:
            yield self
        finally:
            stop.set()
            if self.live:
                ticker.join()
                self.stream.write("\r\033[K")
        elapsed = time.perf_counter() - started
        detail = f"  {self.detail}" if self.detail else ""
        self.stream.write(f"{label:<12}{detail}  ({elapsed:.2f} s)\n")
        self.stream.flush()

    def _tick(self, label: str, started: float, stop: threading.Event) -> None:
        while not stop.wait(0.5):
            elapsed = time.perf_counter() - started
            if elapsed >= TICK_AFTER_SECONDS:
                self.stream.write(f"\r{label:<12}  … {elapsed:.0f} s")
                self.stream.flush()
