"""Whom a change concerns: the roles that own, carry out, attend or learn the changed entity.

An empty answer means everyone (the handbook's metadata, principles, tools, tiers, the
glossary). A quiz concerns the roles whose onboarding path asks for it.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from generator.diff.records import Key, Record


class Lookup:
    """The records of one version, by key, with the reverse maps the rules need."""

    def __init__(self, records: list[Record]) -> None:
        self.by_key: dict[Key, Record] = {r.key: r for r in records}
        self.item_owners: dict[str, list[str]] = defaultdict(list)
        self.quiz_roles: dict[str, list[str]] = defaultdict(list)
        paths = {r.id: r for r in records if r.kind == "path"}
        for r in records:
            if r.kind == "checklist-item":
                self.item_owners[r.scope] += _ids(r.fields.get("owner"))
            elif r.kind == "path-item" and str(r.fields.get("target", "")).startswith("quiz:"):
                path = paths.get(r.scope)
                if path is not None:
                    self.quiz_roles[str(r.fields["target"])[5:]] += _ids(path.fields.get("role"))

    def fields(self, kind: str, ident: str, scope: str = "") -> dict[str, Any]:
        found = self.by_key.get((kind, scope, ident))
        return found.fields if found else {}


def _ids(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)] if value else []


def roles_of(record: Record, lookup: Lookup) -> list[str]:
    """The roles ``record`` concerns in the version ``lookup`` holds; empty for everyone."""
    f = record.fields
    kind = record.kind
    if kind == "stage":
        return _ids(f.get("owners"))
    if kind in ("step", "kpi", "checklist-item"):
        return _ids(f.get("owner"))
    if kind == "role":
        return [record.id]
    if kind == "duty":
        return [record.scope]
    if kind == "script":
        return _ids(lookup.fields("step", str(f.get("step", ""))).get("owner"))
    if kind == "checklist":
        return lookup.item_owners.get(record.id, [])
    if kind == "path":
        return _ids(f.get("role")) + _ids(f.get("mentor"))
    if kind in ("milestone", "path-item"):
        path = lookup.fields("path", record.scope)
        return _ids(path.get("role")) + _ids(path.get("mentor")) + _ids(f.get("owner"))
    if kind == "quiz":
        return lookup.quiz_roles.get(record.id, [])
    if kind == "question":
        return lookup.quiz_roles.get(str(f.get("quiz", "")), [])
    if kind == "meeting":
        return _ids(f.get("owner")) + _ids(f.get("attendees"))
    if kind == "training":
        return _ids(f.get("audience"))
    return []
