"""The resolved model as JSON: every collection, with ids, texts in both languages and counts."""

from __future__ import annotations

import dataclasses
import datetime
import json
from typing import Any

from generator.model.fields import entity_fields
from generator.model.handbook import COLLECTIONS, Handbook
from generator.model.types import LANGUAGES, Text

FORMAT = "sales-handbook-model"
FORMAT_VERSION = 2


def to_data(value: Any) -> Any:
    """Plain JSON data for an entity, a text, a list or a scalar; positions left out."""
    if isinstance(value, Text):
        return {lang: value.get(lang) for lang in dict.fromkeys([*LANGUAGES, *value.languages])}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_data(getattr(value, f.name))
            for f, _ in entity_fields(type(value))
            if getattr(value, f.name) not in (None, [], {})
        }
    if isinstance(value, list):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {k: to_data(v) for k, v in value.items()}
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def model_data(handbook: Handbook) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "handbook": to_data(handbook.info) if handbook.info else None,
    }
    for key in COLLECTIONS:
        data[key] = to_data(handbook.collection(key))
    data["counts"] = {key: len(handbook.collection(key)) for key in COLLECTIONS}
    data["counts"]["steps"] = len(handbook.steps)
    data["counts"]["questions"] = len(handbook.questions)
    return data


def model_json(handbook: Handbook) -> str:
    return json.dumps(model_data(handbook), ensure_ascii=False, indent=2)
