"""Turn a position-aware YAML tree into the entity dataclasses, reporting every mismatch.

The rules come from the dataclass annotations themselves (see :mod:`generator.model.types`),
so there is no second schema to keep in step. A field that is missing or wrong is
reported and replaced by a neutral value, so one mistake does not hide the others and
the consistency checks can still run over the rest.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from generator.diagnostics import Diagnostic, error, suggest
from generator.load.yaml_tree import YList, YMap
from generator.model.fields import entity_fields, has_default
from generator.model.location import Location
from generator.model.types import (
    INTERVAL_RE,
    LANGUAGE_RE,
    LANGUAGES,
    NAME_RE,
    SLUG_MAX,
    SLUG_RE,
    TARGET_RE,
    UNIT_RE,
    Interval,
    Language,
    Name,
    Slug,
    Target,
    Text,
    Unit,
    amount,
    canonical_language,
)

_ID_RULES = {
    Slug: (SLUG_RE, "an id", "use lower-case letters, digits and single hyphens, e.g. 'first-contact'"),
    Name: (NAME_RE, "a name", "use lower-case letters, digits and underscores, e.g. 'actual_revenue'"),
    Target: (TARGET_RE, "a reference", "write kind:id, e.g. 'stage:market-analysis'"),
    Interval: (INTERVAL_RE, "an interval", "write a number and d, w, m or y, e.g. '90d', '6m' or '1y'"),
    Unit: (
        UNIT_RE,
        "a unit",
        "write percent, ratio, count, days, hours or a currency code such as USD, EUR or CNY",
    ),
    Language: (
        LANGUAGE_RE,
        "a BCP 47 language tag",
        "write e.g. 'en', 'zh', 'zh-Hant', 'ja', 'de', 'fr' or 'es'",
    ),
}


def describe(value: Any) -> str:
    if isinstance(value, YMap | dict):
        return "a mapping"
    if isinstance(value, YList | list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, datetime.date):
        return f"the date {value}"
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


# A converter turns one raw YAML value into the field's value, reporting what is wrong:
# (builder, raw, where it starts, how messages name it, the entity's positions, field name).
Convert = Callable[["Builder", Any, Location, str, "dict[str, Location] | None", str], Any]


@dataclass(frozen=True)
class _Field:
    name: str
    what: str  # how messages name it: 'owner'
    convert: Convert
    required: bool
    tp: Any


@dataclass(frozen=True)
class _Plan:
    """What building an entity of one class needs, worked out once per class."""

    noun: str
    names: frozenset[str]
    fields: tuple[_Field, ...]
    keys_hint: str


@cache
def _plan(cls: type) -> _Plan:
    fields = entity_fields(cls)
    return _Plan(
        noun=noun(cls),
        names=frozenset(f.name for f, _ in fields),
        fields=tuple(
            _Field(f.name, f"'{f.name}'", converter(tp), not has_default(f), tp) for f, tp in fields
        ),
        keys_hint=", ".join(f.name for f, _ in fields[:3]),
    )


class Builder:
    """Builds entities for one file and collects the problems found on the way.

    Each annotation is compiled once into a converter (:func:`converter`), so building
    a value does not ask ``typing`` what its annotation means again.
    """

    def __init__(self) -> None:
        self.problems: list[Diagnostic] = []

    def problem(self, loc: Location, code: str, message: str, hint: str = "") -> None:
        self.problems.append(error(loc, code, message, hint))

    # --- entities -------------------------------------------------------------------

    def entity(self, cls: type, data: Any, loc: Location, what: str) -> Any:
        plan = _plan(cls)
        if not isinstance(data, YMap):
            self.problem(
                loc,
                "wrong-type",
                f"{what} must be a mapping, found {describe(data)}",
                f"write its keys ({plan.keys_hint} …) indented below it",
            )
            return None
        ident = data.get("id")
        if isinstance(ident, str) and ident:
            what = f"{plan.noun} '{ident}'"
        names = plan.names
        if not names.issuperset(data):
            for key in data:
                if key not in names:
                    hint = suggest(key, names) or f"allowed keys: {', '.join(sorted(names))}"
                    self.problem(data.key_at[key], "unknown-key", f"unknown key '{key}' in {what}", hint)
        values: dict[str, Any] = {}
        at: dict[str, Location] = {}
        value_at = data.value_at
        for f in plan.fields:
            name = f.name
            if name in data:
                value_loc = at[name] = value_at[name]
                values[name] = f.convert(self, data[name], value_loc, f.what, at, name)
            elif f.required:
                self.problem(
                    data.loc,
                    "missing-key",
                    f"{what} has no '{name}'",
                    f"add '{name}:' with {_expected(f.tp)}",
                )
                values[name] = neutral(f.tp)
        return cls(**values, loc=data.loc, at=at)

    # --- values ---------------------------------------------------------------------

    def value(
        self,
        tp: Any,
        raw: Any,
        loc: Location,
        what: str,
        at: dict[str, Location] | None = None,
        name: str = "",
    ) -> Any:
        return converter(tp)(self, raw, loc, what, at, name)

    def _union(self, options: tuple[Any, ...], raw: Any, loc: Location, what: str) -> Any:
        for option in options:  # e.g. bool | float: take the first that fits exactly
            if option is bool and isinstance(raw, bool):
                return raw
            if option is float and isinstance(raw, int | float) and not isinstance(raw, bool):
                return float(raw)
            if option is float and isinstance(raw, str) and amount(raw) is not None:
                return amount(raw)
            if get_origin(option) is list and isinstance(raw, YList):
                return converter(option)(self, raw, loc, what, None, "")
        if str in options and isinstance(raw, str):
            return raw  # e.g. a choice letter given as 'answer': the checks say what to write
        self.problem(
            loc,
            "wrong-type",
            f"{what} must be {' or '.join(_expected(o) for o in options)}, found {describe(raw)}",
        )
        return None

    def _not_a_list(self, raw: Any, loc: Location, what: str) -> list[Any]:
        self.problem(
            loc,
            "wrong-type",
            f"{what} must be a list, found {describe(raw)}",
            "write each item on its own line starting with '- '",
        )
        return []

    def _dict(self, args: tuple[Any, ...], raw: Any, loc: Location, what: str) -> dict[Any, Any]:
        if not isinstance(raw, YMap):
            self.problem(loc, "wrong-type", f"{what} must be a mapping, found {describe(raw)}")
            return {}
        key_tp, value_tp = args
        return {
            self.value(key_tp, key, raw.key_at[key], f"key of {what}"): self.value(
                value_tp, item, raw.value_at[key], f"'{key}' in {what}"
            )
            for key, item in raw.items()
        }

    def _choice(self, choices: tuple[str, ...], raw: Any, loc: Location, what: str) -> Any:
        if raw in choices and isinstance(raw, str):
            return raw
        hint = suggest(str(raw), choices) if isinstance(raw, str) else ""
        self.problem(
            loc, "invalid-value", f"{what} is {describe(raw)}; expected one of: {', '.join(choices)}", hint
        )
        return choices[0]

    def _text(self, raw: Any, loc: Location, what: str) -> Text:
        if (
            isinstance(raw, YMap)
            and _LANGUAGE_SET.issuperset(raw)
            and all(isinstance(value, str) or value is None for value in raw.values())
        ):
            return Text(**raw, loc=raw.loc)  # the common case: nothing to report
        example = "write it as 'en: …' and 'zh: …' (one line per language of the handbook)"
        if not isinstance(raw, YMap):
            self.problem(
                loc,
                "wrong-type",
                f"{what} must give the text in each language, found {describe(raw)}",
                example,
            )
            return Text()
        texts: dict[str, str] = {}
        for lang, value in raw.items():
            if not isinstance(lang, str) or not LANGUAGE_RE.match(canonical_language(lang)):
                self.problem(
                    raw.key_at[lang],
                    "unknown-key",
                    f"'{lang}' in {what} is not a language tag",
                    suggest(str(lang), LANGUAGES)
                    or "use a BCP 47 language tag such as en, zh, zh-Hant or de",
                )
            elif isinstance(value, str):
                texts[lang] = value
            elif value is not None:
                self.problem(
                    raw.value_at[lang],
                    "wrong-type",
                    f"{what} in '{lang}' must be text, found {describe(value)}",
                    "put the text in quotes",
                )
        return Text(**texts, loc=raw.loc)

    def _id(self, tp: Any, raw: Any, loc: Location, what: str) -> str:
        pattern, kind, hint = _ID_RULES[tp]
        if not isinstance(raw, str):
            self.problem(loc, "wrong-type", f"{what} must be {kind}, found {describe(raw)}", hint)
            return ""
        if len(raw) > SLUG_MAX or not pattern.match(raw):
            shown = raw if len(raw) <= 40 else raw[:40] + "…"
            reason = (
                f"is {len(raw)} characters long (at most {SLUG_MAX})"
                if len(raw) > SLUG_MAX
                else "is not a valid one"
            )
            if len(raw) <= SLUG_MAX and pattern.match(raw.lower()):
                hint = f"did you mean '{raw.lower()}'? ids are written in lower case"
            self.problem(loc, "invalid-id", f"{what} '{shown}' {reason}: {kind} is expected", hint)
            return ""
        return raw

    def _scalar(self, tp: Any, raw: Any, loc: Location, what: str) -> Any:
        if _fits(tp, raw):
            return float(raw) if tp is float else raw
        if tp is float and isinstance(raw, str) and (found := amount(raw)) is not None:
            return found
        hint = "put it in quotes" if tp is str and raw is not None else ""
        if tp is float and isinstance(raw, str):
            hint = "write the number alone (3.0), or with its unit: 3.0x, 30 %, 50 days, $1,200"
        if tp is datetime.date:
            hint = "write the date as YYYY-MM-DD"
        self.problem(loc, "wrong-type", f"{what} must be {_expected(tp)}, found {describe(raw)}", hint)
        return neutral(tp)


_LANGUAGE_SET = frozenset(LANGUAGES)


def _fits(tp: Any, raw: Any) -> bool:
    return (
        (tp is str and isinstance(raw, str))
        or (tp is bool and isinstance(raw, bool))
        or (tp is int and isinstance(raw, int) and not isinstance(raw, bool))
        or (tp is float and isinstance(raw, int | float) and not isinstance(raw, bool))
        or (tp is datetime.date and type(raw) is datetime.date)
    )


# --- converters: one per annotation, made once ---------------------------------------


@cache
def converter(tp: Any) -> Convert:
    """The function that builds a value of annotation ``tp`` (compiled once per annotation)."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        return _union_converter(tp)
    if origin is list:
        return _list_converter(get_args(tp)[0])
    if origin is dict:
        args = get_args(tp)
        return lambda b, raw, loc, what, at, name: b._dict(args, raw, loc, what)
    if origin is Literal:
        choices = get_args(tp)
        return lambda b, raw, loc, what, at, name: b._choice(choices, raw, loc, what)
    if tp is Text:
        return lambda b, raw, loc, what, at, name: b._text(raw, loc, what)
    if dataclasses.is_dataclass(tp):
        cls = typing.cast(type, tp)
        return lambda b, raw, loc, what, at, name: b.entity(cls, raw, loc, what) or neutral(cls)
    if tp in _ID_RULES:
        return _id_converter(tp)
    return _scalar_converter(tp)


def _union_converter(tp: Any) -> Convert:
    options = tuple(a for a in get_args(tp) if a is not type(None))
    if len(options) == 1:
        inner = converter(options[0])
        return lambda b, raw, loc, what, at, name: None if raw is None else inner(b, raw, loc, what, at, name)
    if len(options) == len(get_args(tp)):  # no None among them (float | list[float]): null is wrong
        return lambda b, raw, loc, what, at, name: b._union(options, raw, loc, what)
    return lambda b, raw, loc, what, at, name: None if raw is None else b._union(options, raw, loc, what)


def _list_converter(item_tp: Any) -> Convert:
    item = converter(item_tp)
    entity_noun = noun(item_tp) if dataclasses.is_dataclass(item_tp) else ""

    def convert(
        b: Builder, raw: Any, loc: Location, what: str, at: dict[str, Location] | None, name: str
    ) -> list[Any]:
        if not isinstance(raw, YList):
            return b._not_a_list(raw, loc, what)
        items = []
        for index, (value, item_loc) in enumerate(zip(raw, raw.item_at, strict=True)):
            if at is not None:
                at[f"{name}[{index}]"] = item_loc
            label = f"{entity_noun} {index + 1}" if entity_noun else f"item {index + 1} of {what}"
            built = item(b, value, item_loc, label, None, "")
            if built is not None or not entity_noun:
                items.append(built)  # a broken entity is reported and left out
        return items

    return convert


def _id_converter(tp: Any) -> Convert:
    pattern = _ID_RULES[tp][0]

    def convert(b: Builder, raw: Any, loc: Location, what: str, at: Any, name: str) -> Any:
        if tp is Language and isinstance(raw, str):
            raw = canonical_language(raw)  # zh-Hans and zh name one language, one catalog
        if isinstance(raw, str) and len(raw) <= SLUG_MAX and pattern.match(raw):
            return raw
        return b._id(tp, raw, loc, what)  # reports why

    return convert


def _scalar_converter(tp: Any) -> Convert:
    if tp is str:
        return lambda b, raw, loc, what, at, name: (
            raw if isinstance(raw, str) else b._scalar(tp, raw, loc, what)
        )
    return lambda b, raw, loc, what, at, name: b._scalar(tp, raw, loc, what)


def noun(cls: Any) -> str:
    """How messages name an entity class: ``KpiInput`` → ``KPI input``."""
    words = re.findall(r"[A-Z][a-z]*", getattr(cls, "__name__", "value"))
    return " ".join("KPI" if w == "Kpi" else w.lower() for w in words)


def _expected(tp: Any) -> str:
    origin = get_origin(tp)
    if origin is list:
        return "a list"
    if origin is dict or dataclasses.is_dataclass(tp):
        return "a mapping"
    if origin is Literal:
        return "one of " + ", ".join(get_args(tp))
    names = {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        datetime.date: "a date (YYYY-MM-DD)",
        Text: "text in each language (en: …, zh: …)",
    }
    if tp in _ID_RULES:
        return _ID_RULES[tp][1]
    return names.get(tp, "a value")


def neutral(tp: Any) -> Any:
    """A stand-in for a missing or broken value, so the rest can still be checked."""
    origin = get_origin(tp)
    if origin is list:
        return []
    if origin is dict:
        return {}
    if origin is Literal:
        return get_args(tp)[0]
    if origin in (Union, types.UnionType):
        return None
    if tp is Text:
        return Text()
    if tp is datetime.date:
        return datetime.date(1970, 1, 1)
    if dataclasses.is_dataclass(tp):
        return None
    # A broken number is NaN, not 0: a check comparing it would report a second, false error.
    return {int: 0, float: math.nan, bool: False}.get(tp, "")
