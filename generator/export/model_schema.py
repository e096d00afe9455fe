"""The JSON Schema of ``handbook export model`` (format ``sales-handbook-model``).

Derived from the entity annotations, like the editor schemas of
:mod:`generator.model.schema`, but for the export's shape rather than the YAML's:
every text carries every language as a string (empty when untranslated), a field whose
value is empty (nothing, an empty list or mapping) is left out, positions are never
written, and ``counts`` closes the document. ``docs/reference/model-format.md``
explains each part and what may change between versions.
"""

from __future__ import annotations

import dataclasses
import datetime
import types
from typing import Any, Literal, Union, get_args, get_origin

from generator.export.model_json import FORMAT, FORMAT_VERSION
from generator.model.entities import HandbookInfo
from generator.model.fields import entity_fields, has_default
from generator.model.handbook import COLLECTIONS
from generator.model.types import (
    INTERVAL_RE,
    LANGUAGE_RE,
    LANGUAGES,
    NAME_RE,
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
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"
EXTRA_COUNTS = ("steps", "questions")
MODEL_SCHEMA_FILE = "model.schema.json"  # its name on disk, and its $id


def model_schema() -> dict[str, Any]:
    """The schema every ``handbook export model`` output of this version satisfies."""
    defs: dict[str, Any] = {}
    properties: dict[str, Any] = {
        "format": {"const": FORMAT, "description": "Always 'sales-handbook-model'."},
        "format_version": {
            "const": FORMAT_VERSION,
            "description": "Raised when a field is removed, renamed or changes meaning.",
        },
        "handbook": {"anyOf": [_type(HandbookInfo, defs), {"type": "null"}]},
    }
    for key, cls in COLLECTIONS.items():
        properties[key] = {"type": "array", "items": _type(cls, defs)}
    counted = [*COLLECTIONS, *EXTRA_COUNTS]
    properties["counts"] = {
        "type": "object",
        "description": "How many entities of each collection, steps and quiz questions there are.",
        "properties": {key: {"type": "integer", "minimum": 0} for key in counted},
        "required": counted,
        "additionalProperties": False,
    }
    return {
        "$schema": DIALECT,
        "$id": MODEL_SCHEMA_FILE,
        "title": "Sales handbook: the resolved model (handbook export model)",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def _type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [_type(a, defs) for a in get_args(tp) if a is not type(None)]
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is list:
        return {"type": "array", "items": _type(get_args(tp)[0], defs)}
    if origin is dict:
        key_tp, value_tp = get_args(tp)
        return {
            "type": "object",
            "propertyNames": _type(key_tp, defs),
            "additionalProperties": _type(value_tp, defs),
        }
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if tp is Text:
        defs.setdefault("Text", _text())
        return {"$ref": "#/$defs/Text"}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # placeholder: entities may refer to themselves
            defs[tp.__name__] = _entity(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    patterns = {
        Slug: SLUG_RE,
        Name: NAME_RE,
        Target: TARGET_RE,
        Interval: INTERVAL_RE,
        Language: LANGUAGE_RE,
        Unit: UNIT_RE,
    }
    if tp in patterns:
        return {"type": "string", "pattern": patterns[tp].pattern}
    if tp is datetime.date:
        return {"type": "string", "format": "date"}
    return {"type": {str: "string", int: "integer", float: "number", bool: "boolean"}[tp]}


def _text() -> dict[str, Any]:
    return {
        "type": "object",
        "description": "A text in every handbook language; an untranslated language is an empty string.",
        "properties": {lang: {"type": "string"} for lang in LANGUAGES},
        "required": list(LANGUAGES),
        "additionalProperties": {"type": "string"},
    }


def _entity(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required = []
    for f, tp in entity_fields(cls):
        prop = _type(tp, defs)
        if f.metadata.get("doc"):
            prop = {**prop, "description": f.metadata["doc"]}
        properties[f.name] = prop
        # An empty list or mapping is left out of the export, like an absent value.
        if not has_default(f) and get_origin(tp) not in (list, dict):
            required.append(f.name)
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}
