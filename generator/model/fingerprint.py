"""Content fingerprints: a short hash of what a checklist item or quiz question says.

Saved progress records the fingerprint an item had when it was ticked; when a new
process version changes the item, the fingerprint changes and the reader is asked to
review it again, while progress on unchanged items carries over untouched.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import re
from typing import Any

from generator.model import entities as e
from generator.model.types import LANGUAGES, Text

LENGTH = 10


def _languages(text: Text) -> list[Any]:
    """English and Chinese first, as fingerprints always had them; other languages after."""
    others = [[lang, text.get(lang)] for lang in sorted(text.languages) if lang not in LANGUAGES]
    return [text.get(lang) for lang in LANGUAGES] + others


def _plain(value: Any) -> Any:
    if isinstance(value, Text):
        return _languages(value)
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


# Fields that say who answers for an entry, not what it says: changing them asks no one
# to read the entry again.
_NOT_CONTENT = frozenset({"review", "acknowledge", "loc", "at"})


def _content(value: Any) -> Any:
    if isinstance(value, Text):
        return _languages(value)
    if isinstance(value, list):
        return [_content(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _content(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _content(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _NOT_CONTENT
        }
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def entity_fingerprint(entity: Any) -> str:
    """What a whole entry says (every field, nested ones too, in every language).

    An acknowledgement records it: when a new version changes the entry, readers are
    asked to confirm they have read it again.
    """
    return _digest([type(entity).__name__, _content(entity)])


def page_fingerprint(pages: list[bytes]) -> str:
    """What a hand-written page says in every language, front matter left out."""
    return _digest([FRONT_MATTER.sub(b"", page).decode("utf-8", "replace") for page in pages])


FRONT_MATTER = re.compile(rb"\A---\r?\n(?:.*?\r?\n)?---\r?\n", re.S)


def drill_fingerprint(script: e.Script) -> str:
    """What a drill asks and what is expected: its situation, model answer and rubric."""
    drill = script.drill
    situation = _plain(drill.situation) if drill else None
    return _digest(["drill", situation, _plain(script.text), drill.rubric if drill else []])
