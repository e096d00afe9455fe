"""Value types shared by every entity: text in the handbook's languages, slugs, references.

The entity dataclasses in :mod:`generator.model.entities` are built from these; the
loader (:mod:`generator.load.build`) and the JSON Schema writer
(:mod:`generator.model.schema`) both read the dataclass annotations, so a field is
declared once and the parser, the checks and the editor schema agree on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import field
from typing import Any, NewType

from generator.model.location import NOWHERE, Location

LANGUAGES = ("en", "zh")
"""The languages of a handbook that does not say (and the order older fingerprints used)."""

PAGE_LANGUAGES = ("en", "zh", "zh-Hant", "ja", "de", "fr", "es")
"""The languages a hand-written page's name may end with (``new-hires.de.md``): those the
generator ships words for."""

Language = NewType("Language", str)
"""A BCP 47 language tag as the handbook writes it: ``en``, ``zh``, ``zh-Hant``, ``pt-BR``."""

# language[-Script][-REGION]: the part of BCP 47 a handbook needs to name its readers.
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$")
# Tags that name the same written language as a shorter one: one catalog, one site folder.
_SAME_AS = {"zh-Hans": "zh", "zh-CN": "zh", "zh-SG": "zh", "zh-TW": "zh-Hant", "zh-Hant-TW": "zh-Hant"}


def canonical_language(tag: str) -> str:
    """``tag`` with its case fixed (``ZH-hant`` → ``zh-Hant``) and synonyms merged (``zh-Hans`` → ``zh``)."""
    parts = tag.replace("_", "-").split("-")
    fixed = [parts[0].lower()]
    for part in parts[1:]:
        fixed.append(part.title() if len(part) == 4 else part.upper())
    joined = "-".join(fixed)
    return _SAME_AS.get(joined, joined)


Slug = NewType("Slug", str)
"""A stable, human-readable id: lower-case letters, digits and single hyphens."""

Name = NewType("Name", str)
"""A variable name used in formulas and script placeholders: ``snake_case``."""

Target = NewType("Target", str)
"""A typed reference ``kind:id``, e.g. ``stage:market-analysis`` or ``page:guides/new-hires.md``."""

Interval = NewType("Interval", str)
"""How often something recurs: a number and a unit, ``90d``, ``6w``, ``6m`` or ``1y``."""

Unit = NewType("Unit", str)
"""What a KPI's value counts: ``percent``, ``ratio``, ``count``, ``days``, ``hours``, or money
as an ISO 4217 currency code (``USD``, ``EUR``, ``CNY`` …); ``yuan`` is kept as ``CNY``."""

UNIT_RE = re.compile(r"^(?:percent|ratio|count|days|hours|yuan|[A-Z]{3})$")
PLAIN_UNITS = ("percent", "ratio", "count", "days", "hours")


def currency_of(unit: str) -> str | None:
    """The ISO 4217 code of a money unit (``yuan`` → ``CNY``), ``None`` for other units."""
    if unit == "yuan":
        return "CNY"
    return unit if unit not in PLAIN_UNITS and len(unit) == 3 and unit.isupper() else None


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


def title_slug(title: Text) -> str:
    """A title (English first) as the slug browser progress was keyed by before handbooks had an id."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.first().lower()).strip("-") or "handbook"
    return slug[:60]


class Text:
    """Human-readable text in each of the handbook's languages, keyed by language tag.

    A language left out is simply absent and reported by the translation check, never
    filled in from another language. ``Text(en="…", zh="…")`` or ``Text(**{"zh-Hant": "…"})``.
    """

    __slots__ = ("_values", "loc")
    _values: dict[str, str]
    loc: Location

    def __init__(self, *, loc: Location = NOWHERE, **values: str | None) -> None:
        kept = {canonical_language(lang): v for lang, v in values.items() if isinstance(v, str)}
        object.__setattr__(self, "_values", kept)
        object.__setattr__(self, "loc", loc)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Text is immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickling (the loader's cache) must not go through __setattr__.
        return (_restored_text, (self._values, self.loc))

    def get(self, lang: str) -> str:
        return self._values.get(lang, "")

    def first(self, languages: Iterable[str] = LANGUAGES) -> str:
        """The text in the first of ``languages`` that has one, else any; "" when empty."""
        for lang in languages:
            if self._values.get(lang):
                return self._values[lang]
        return next((v for v in self._values.values() if v), "")

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this text is written in."""
        return tuple(self._values)

    def values(self) -> list[tuple[str, str]]:
        """``(language, text)`` for each language the text is written in."""
        return list(self._values.items())

    def as_dict(self) -> Mapping[str, str]:
        return dict(self._values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._values.items())))

    def __repr__(self) -> str:
        return f"Text({self._values!r})"


def _restored_text(values: dict[str, str], loc: Location) -> Text:
    """A :class:`Text` from its pickled state (languages already canonical)."""
    text = object.__new__(Text)
    object.__setattr__(text, "_values", values)
    object.__setattr__(text, "loc", loc)
    return text
