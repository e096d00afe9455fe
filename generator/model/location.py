"""Where a loaded value came from: a file and a 1-based line and column."""

from __future__ import annotations

from typing import NamedTuple


class Location(NamedTuple):
    """A position in a definition file, relative to the handbook root.

    A named tuple, not a dataclass: the loader makes one for every key and value of
    every file, and a tuple is several times cheaper to create.
    """

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


NOWHERE = Location("")
