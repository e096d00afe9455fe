"""A changed field as a reader sees it in one language: short values before and after,
long ones only as "changed", lists as what was added and removed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from generator.diff.changeset import FieldChange
from generator.model.types import LANGUAGE_RE

SHORT = 100  # characters: longer values are reported as changed, without before and after


@dataclass(frozen=True)
class Detail:
    """How one field changed, in one language.

    ``short``: ``before`` and ``after`` are shown (``""`` when the field was absent);
    ``translation``: only another language's wording changed; ``added`` / ``removed``:
    the elements a list gained and lost. None of these: a long value changed.
    """

    field: str
    before: str = ""
    after: str = ""
    short: bool = False
    translation: bool = False
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


def is_text(value: Any) -> bool:
    """A bilingual text as exported: a mapping of languages to strings."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(k, str) and LANGUAGE_RE.match(k) for k in value)
    )


def text_of(value: Any, lang: str) -> str:
    """``value`` as one line of text in ``lang``."""
    if value is None:
        return ""
    if is_text(value):
        return " ".join(str(value.get(lang) or "").split())
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return f"{int(value)}" if float(value).is_integer() else f"{value}"
    if isinstance(value, list):
        return ("; " if any(isinstance(v, dict) for v in value) else ", ").join(
            text_of(v, lang) for v in value
        )
    if isinstance(value, dict):
        for field in ("text", "name", "label", "explanation"):
            if is_text(value.get(field)):
                return text_of(value[field], lang)
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return " ".join(str(value).split())


def _short(*texts: str) -> bool:
    return all(len(text) <= SHORT for text in texts)


def detail(change: FieldChange, lang: str) -> Detail:
    """How ``change`` reads in ``lang``."""
    before, after = change.before, change.after
    if is_text(before) or is_text(after):
        b, a = text_of(before, lang), text_of(after, lang)
        if b == a:
            return Detail(change.field, translation=True)
        return Detail(change.field, b, a, short=True) if _short(b, a) else Detail(change.field)
    b, a = text_of(before, lang), text_of(after, lang)
    if isinstance(before, list) or isinstance(after, list):
        old, new = before or [], after or []
        if not _short(b, a) or any(isinstance(v, dict) for v in old + new):
            added = tuple(text_of(v, lang) for v in new if v not in old)
            removed = tuple(text_of(v, lang) for v in old if v not in new)
            return Detail(change.field, added=added, removed=removed)
    return Detail(change.field, b, a, short=True) if _short(b, a) else Detail(change.field)
