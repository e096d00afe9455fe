"""Visit every entity of a handbook, and every field of an entity, generically.

What each entity class can hold (nested entities, bilingual texts) is read from its
annotations once per class (:func:`shape`), so a walk over a large handbook only looks
at the fields that can hold what it is after.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from generator.model.fields import entity_fields
from generator.model.handbook import COLLECTIONS, Handbook
from generator.model.types import Text


@dataclass(frozen=True)
class Shape:
    """The fields of an entity class that may hold entities, and those that may hold texts."""

    nested: tuple[str, ...]
    texts: tuple[str, ...]


@cache
def shape(cls: type) -> Shape:
    fields = entity_fields(cls)
    return Shape(
        nested=tuple(f.name for f, tp in fields if _holds(tp, _is_entity)),
        texts=tuple(f.name for f, tp in fields if _holds(tp, lambda t: t is Text)),
    )


def _is_entity(tp: Any) -> bool:
    return dataclasses.is_dataclass(tp) and tp is not Text


def _holds(tp: Any, wanted: typing.Callable[[Any], bool]) -> bool:
    """Whether a value of annotation ``tp`` is, or is a list (or optional) of, a ``wanted`` type."""
    origin = typing.get_origin(tp)
    if origin is list or origin in (typing.Union, types.UnionType):
        return any(_holds(arg, wanted) for arg in typing.get_args(tp))
    return wanted(tp)


def entities(handbook: Handbook) -> Iterator[Any]:
    """The metadata, then every entity of every collection, nested ones included."""
    roots: list[Any] = [handbook.info] if handbook.info else []
    for key in COLLECTIONS:
        roots.extend(handbook.collection(key))
    stack = list(reversed(roots))
    while stack:
        item = stack.pop()
        yield item
        cls: type = type(item)
        nested = shape(cls).nested
        if nested:
            children = [c for name in nested for c in _nested(getattr(item, name))]
            stack.extend(reversed(children))


def field_values(entity: Any) -> Iterator[tuple[dataclasses.Field[Any], Any]]:
    cls: type = type(entity)
    for f, _ in entity_fields(cls):
        yield f, getattr(entity, f.name)


def _nested(value: Any) -> list[Any]:
    values = value if isinstance(value, list) else [value]
    return [v for v in values if dataclasses.is_dataclass(v) and not isinstance(v, Text)]


def texts(entity: Any) -> Iterator[tuple[str, Text]]:
    """The entity's own bilingual texts (not those of nested entities), by field name."""
    cls: type = type(entity)
    for name in shape(cls).texts:
        value = getattr(entity, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Text):
                yield name, item
