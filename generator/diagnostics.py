"""The one problem type every stage of the pipeline reports, and a collector for it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from generator.model.location import Location

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in the definitions: where, how bad, which rule, what to do."""

    location: Location
    level: Level
    code: str
    message: str
    hint: str = ""

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code)

    def as_dict(self) -> dict[str, object]:
        loc = self.location
        return {
            "file": loc.file,
            "line": loc.line,
            "column": loc.column,
            "level": self.level,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


def error(loc: Location, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(loc, "error", code, message, hint)


def warning(loc: Location, code: str, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(loc, "warning", code, message, hint)


class Diagnostics:
    """Collects problems from every stage so that all of them are reported at once."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def add(self, diagnostic: Diagnostic) -> None:
        self._items.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self._items.extend(diagnostics)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self._items)

    def sorted(self) -> list[Diagnostic]:
        unique = dict.fromkeys(self._items)
        return sorted(unique, key=lambda d: d.sort_key)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.level == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.level == "warning"]


def suggest(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest of ``choices`` to a misspelt ``word``, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
