"""JSON Schemas for the definition files, derived from the entity annotations.

Editors (through yaml-language-server) use them to complete keys and flag mistakes
while typing; ``handbook validate`` stays the authority, since it also checks
references and consistency, which a schema cannot.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import types
from typing import Any, Literal, Union, get_args, get_origin

from generator.model.entities import HandbookInfo, Review
from generator.model.fields import entity_fields, has_default
from generator.model.handbook import COLLECTIONS, FILE_KINDS, FILE_REVIEW
from generator.model.types import (
    AMOUNT_RE,
    INTERVAL_RE,
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
)

# Tags as written, in any case (the loader fixes ``zh-hant`` to ``zh-Hant``).
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?(?:[-_](?:[A-Za-z]{2}|[0-9]{3}))?$"

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [_type_schema(a, defs) for a in get_args(tp) if a is not type(None)]
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is list:
        return {"type": "array", "items": _type_schema(get_args(tp)[0], defs)}
    if origin is dict:
        key_tp, value_tp = get_args(tp)
        return {
            "type": "object",
            "propertyNames": _type_schema(key_tp, defs),
            "additionalProperties": _type_schema(value_tp, defs),
        }
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if tp is Text:
        defs.setdefault(
            "Text",
            {
                "type": "object",
                "description": "Text in every handbook language, keyed by language tag (en, zh, zh-Hant …).",
                "properties": {lang: {"type": "string"} for lang in LANGUAGES},
                "propertyNames": {"pattern": LANGUAGE_PATTERN},
                "additionalProperties": {"type": "string"},
            },
        )
        return {"$ref": "#/$defs/Text"}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _entity_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    patterns = {
        Slug: SLUG_RE,
        Name: NAME_RE,
        Target: TARGET_RE,
        Interval: INTERVAL_RE,
        Unit: UNIT_RE,
        Language: re.compile(LANGUAGE_PATTERN),
    }
    if tp in patterns:
        schema: dict[str, Any] = {"type": "string", "pattern": patterns[tp].pattern}
        if tp is not Target:
            schema["maxLength"] = SLUG_MAX
        return schema
    if tp is datetime.date:
        return {"type": "string", "format": "date"}
    if tp is float:  # a number, or one written with its unit: 3.0x, 30 %, $1,200
        return {"type": ["number", "string"], "pattern": AMOUNT_RE.pattern}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    return {"type": simple[tp]}


def _entity_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required = []
    for f, tp in entity_fields(cls):
        prop = _type_schema(tp, defs)
        if f.metadata.get("doc"):
            prop = {**prop, "description": f.metadata["doc"]}
        properties[f.name] = prop
        if not has_default(f):
            required.append(f.name)
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


def file_schema(kind: str) -> dict[str, Any]:
    """The schema of one kind of definition file, e.g. ``stages``."""
    defs: dict[str, Any] = {}
    properties: dict[str, Any] = {}
    for key in FILE_KINDS[kind]:
        if key == "handbook":
            properties[key] = _type_schema(HandbookInfo, defs)
        else:
            properties[key] = {"type": "array", "items": _type_schema(COLLECTIONS[key], defs)}
    properties[FILE_REVIEW] = {
        **_type_schema(Review, defs),
        "description": "Owner and review dates for every entry of this file that does not give its own.",
    }
    return {
        "$schema": DIALECT,
        "$id": f"{kind}.schema.json",
        "title": f"Sales handbook: {kind} file",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def all_schemas() -> dict[str, dict[str, Any]]:
    """File name → schema, one for each kind of definition file."""
    return {f"{kind}.schema.json": file_schema(kind) for kind in FILE_KINDS}
