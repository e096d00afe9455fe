"""What the YAML may hold for each entity class, read from the dataclass annotations.

The loader builds entities from these fields, the JSON Schemas and the model export
describe them, and the generic walks visit them: one reading of the annotations for all.
"""

from __future__ import annotations

import dataclasses
import typing
from functools import cache
from typing import Any


@cache
def entity_fields(cls: type) -> tuple[tuple[dataclasses.Field[Any], Any], ...]:
    """The YAML-facing fields of an entity class with their resolved annotations."""
    hints = typing.get_type_hints(cls)
    return tuple((f, hints[f.name]) for f in dataclasses.fields(cls) if not f.metadata.get("internal"))


def has_default(f: dataclasses.Field[Any]) -> bool:
    """Whether a field may be left out of the YAML."""
    return f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
