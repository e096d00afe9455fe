"""Ids renamed while the content stayed the same.

A removed and an added record of the same kind (and, for scoped kinds, the same parent)
whose fields are equal once references are followed through the renames found so far
are one entity under a new id. References that only follow a rename (a checklist item
whose step was renamed) are not changes: :func:`normalize` rewrites the old version's
references to the new ids before anything is compared.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import replace
from typing import Any

from generator.diff.records import SCOPE_OF, TARGET, Key, Record, reference_fields
from generator.model.types import TARGET_RE

Renames = dict[Key, str]
"""Old ``(kind, scope, id)`` → new id."""


def fingerprint(record: Record) -> str:
    """What the record says, its own id left out."""
    data = json.dumps([record.kind, record.scope, record.fields], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def normalize(record: Record, renames: Renames) -> Record:
    """An old record as the new version would name it: its id, its parent's and its references."""
    if not renames:
        return record
    scope = record.scope
    if record.kind in SCOPE_OF:
        scope = renames.get((SCOPE_OF[record.kind], "", record.scope), record.scope)
    fields = dict(record.fields)
    for field, kind in reference_fields(record.kind).items():
        if field in fields:
            fields[field] = _follow(fields[field], kind, record.scope, renames)
    ident = renames.get(record.key, record.id)
    return replace(record, id=ident, scope=scope, fields=fields)


def _follow(value: Any, kind: str, scope: str, renames: Renames) -> Any:
    if isinstance(value, list):
        return [_follow(v, kind, scope, renames) for v in value]
    if not isinstance(value, str):
        return value
    if kind == TARGET:
        match = TARGET_RE.match(value)
        if not match:
            return value
        target_kind, ident = match["kind"], match["id"]
        return f"{target_kind}:{renames.get((target_kind, '', ident), ident)}"
    return renames.get((kind, scope if kind in SCOPE_OF else "", value), value)


def find_renames(old: list[Record], new: list[Record]) -> Renames:
    """Pair removed and added records with the same content; repeat while pairs are found,
    since a rename can make the references of another renamed entity agree."""
    renames: Renames = {}
    new_keys = {record.key for record in new}
    while True:
        normalized = [(record, normalize(record, renames)) for record in old]
        kept = {n.key for _, n in normalized}
        candidates: dict[str, list[Record]] = defaultdict(list)
        for record in new:
            if record.key not in kept:
                candidates[fingerprint(record)].append(record)
        found = False
        for record, n in normalized:
            if n.key in new_keys:
                continue
            matches = candidates.get(fingerprint(n))
            if matches:
                renames[record.key] = matches.pop(0).id
                found = True
        if not found:
            return renames
