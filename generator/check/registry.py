"""The consistency checks: each a small function with a stable code, registered here.

A check receives a :class:`Context` and yields :class:`Finding` objects; the registry
turns them into :class:`~generator.diagnostics.Diagnostic` with the check's code, so
a check never spells its own code twice.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from generator.diagnostics import Diagnostic, Level
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.model.location import Location
from generator.model.walk import entities


@dataclass(frozen=True)
class Context:
    handbook: Handbook
    index: Index
    today: datetime.date = field(default_factory=datetime.date.today)  # for review dates

    @cached_property
    def entities(self) -> list[Any]:
        """Every entity, nested ones included (:func:`~generator.model.walk.entities`), walked once."""
        return list(entities(self.handbook))

    @cached_property
    def reviewed(self) -> list[Any]:
        """Every entry and guide with its owner and review dates (:mod:`generator.review.items`)."""
        from generator.review.items import all_items

        return list(all_items(self.handbook))


@dataclass(frozen=True)
class Finding:
    location: Location
    message: str
    hint: str = ""


CheckFunction = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    code: str
    level: Level
    function: CheckFunction

    @property
    def summary(self) -> str:
        doc = self.function.__doc__ or ""
        return doc.strip().splitlines()[0] if doc.strip() else self.code


REGISTRY: dict[str, Check] = {}


def check(code: str, level: Level = "error") -> Callable[[CheckFunction], CheckFunction]:
    """Register ``function`` as the check for ``code``."""

    def register(function: CheckFunction) -> CheckFunction:
        if code in REGISTRY:
            raise ValueError(f"check code {code!r} is registered twice")
        REGISTRY[code] = Check(code, level, function)
        return function

    return register


def run_checks(handbook: Handbook, today: datetime.date | None = None) -> list[Diagnostic]:
    """Run every registered check over ``handbook`` and return what they found.

    ``today``: the day review dates are compared with; the real one unless given.
    """
    from generator.check import all_checks  # noqa: F401  (registers the checks)

    context = Context(handbook, Index(handbook), today or datetime.date.today())
    return [
        Diagnostic(f.location, registered.level, registered.code, f.message, f.hint)
        for registered in REGISTRY.values()
        for f in registered.function(context)
    ]
