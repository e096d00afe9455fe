"""Content fingerprints: a short hash of what a checklist item or quiz question says.

Saved progress records the fingerprint an item had when it was ticked; when a new
process version changes the item, the fingerprint changes and the reader is asked to
review it again, while progress on unchanged items carries over untouched.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from generator.model import entities as e
from generator.model.types import LANGUAGES, Text

LENGTH = 10


def _plain(value: Any) -> Any:
    if isinstance(value, Text):
        return [value.get(lang) for lang in LANGUAGES]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _digest(parts: list[Any]) -> str:
    data = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:LENGTH]


def item_fingerprint(item: e.ChecklistItem | e.PathItem) -> str:
    """What the item asks and when: its text (every language), owner and due day."""
    if isinstance(item, e.ChecklistItem):
        return _digest(["checklist-item", _plain(item.text), item.owner, item.day])
    return _digest(["path-item", _plain(item.title), item.kind, item.target, item.owner, item.day])


def question_fingerprint(question: e.Question) -> str:
    """What the question asks and what counts as right."""
    options = [[o.id, _plain(o.text), o.correct] for o in question.options]
    return _digest(
        ["question", question.type, _plain(question.prompt), options, question.answer, question.tolerance]
    )
