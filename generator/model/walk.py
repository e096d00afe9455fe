"""Visit every entity of a handbook, and every field of an entity, generically."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from generator.model.build import entity_fields
from generator.model.handbook import COLLECTIONS, Handbook
from generator.model.types import Text


def entities(handbook: Handbook) -> Iterator[Any]:
    """The metadata, then every entity of every collection, nested ones included."""
    roots: list[Any] = [handbook.info] if handbook.info else []
    for key in COLLECTIONS:
        roots.extend(handbook.collection(key))
    stack = list(reversed(roots))
    while stack:
        item = stack.pop()
        yield item
        children = [c for _, value in field_values(item) for c in _nested(value)]
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
    for f, value in field_values(entity):
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Text):
                yield f.name, item
