"""Value types shared by every entity: bilingual text, slugs, references.

The entity dataclasses in :mod:`generator.model.entities` are built from these; the
loader (:mod:`generator.load.build`) and the JSON Schema writer
(:mod:`generator.model.schema`) both read the dataclass annotations, so a field is
declared once and the parser, the checks and the editor schema agree on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NewType

from generator.model.location import NOWHERE, Location

LANGUAGES = ("en", "zh")

Slug = NewType("Slug", str)
"""A stable, human-readable id: lower-case letters, digits and single hyphens."""

Name = NewType("Name", str)
"""A variable name used in formulas and script placeholders: ``snake_case``."""

Target = NewType("Target", str)
"""A typed reference ``kind:id``, e.g. ``stage:market-analysis`` or ``page:guides/new-hires.md``."""

Interval = NewType("Interval", str)
"""How often something recurs: a number and a unit, ``90d``, ``6w``, ``6m`` or ``1y``."""

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
TARGET_RE = re.compile(r"^(?P<kind>[a-z-]+):(?P<id>[^\s:]+)$")
INTERVAL_RE = re.compile(r"^[1-9][0-9]{0,3}[dwmy]$")
SLUG_MAX = 80

# A number written with its unit, as people write it: 3.0x, 3.0×, 30 %, 50 days, $1,200.
# (Written for both Python and the JSON Schema's ECMAScript regexes: no named groups, no flags.)
AMOUNT_RE = re.compile(
    r"^(?:US\$|\$|¥|€|£)?\s*([-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?)"
    r"\s*(?:[xX×%]|[dD]ays?|[dD]|[hH]ours?|[hH]|天|小时|个|元)?$"
)


def amount(text: str) -> float | None:
    """The number in ``text`` when it is a number written with a unit; ``None`` otherwise.

    The unit is the author's reminder, not a conversion: ``30 %`` is 30, as a percent
    KPI's results are written; ``3.0x`` is 3.0.
    """
    found = AMOUNT_RE.match(text.strip())
    return float(found[1].replace(",", "")) if found else None


def located() -> Any:
    """The ``loc`` field every entity carries; never read from YAML."""
    return field(default=NOWHERE, compare=False, repr=False, metadata={"internal": True})


Positions = dict[str, Location]
"""Where each field's value starts, keyed ``field`` or ``field[index]`` for list items."""


def positions() -> Any:
    """The ``at`` field every entity carries: positions of its fields' values."""
    return field(default_factory=dict, compare=False, repr=False, metadata={"internal": True})


def where(entity: Any, name: str, index: int | None = None) -> Location:
    """The position of a field (or of one item of a list field) of a loaded entity."""
    at: Positions = getattr(entity, "at", {})
    key = name if index is None else f"{name}[{index}]"
    found = at.get(key, at.get(name))
    return found if found is not None else getattr(entity, "loc", NOWHERE)


def ref(kind: str, doc: str = "", **kw: Any) -> Any:
    """A field holding the id (or ids) of another entity of ``kind``."""
    return field(metadata={"ref": kind, "doc": doc}, **kw)


def doc(text: str, **kw: Any) -> Any:
    """A field with a description (shown in the JSON Schema, hence in editors)."""
    return field(metadata={"doc": text}, **kw)


@dataclass(frozen=True, kw_only=True)
class Text:
    """Human-readable text in every handbook language.

    A language left out is kept as ``None`` and reported by the translation check,
    never filled in from another language.
    """

    en: str | None = None
    zh: str | None = None
    loc: Location = located()

    def get(self, lang: str) -> str:
        value = getattr(self, lang, None)
        return value if isinstance(value, str) else ""

    def values(self) -> list[tuple[str, str | None]]:
        return [(lang, getattr(self, lang)) for lang in LANGUAGES]
