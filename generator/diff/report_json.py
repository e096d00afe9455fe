"""A change set as JSON, for other tools: every change with full before/after values."""

from __future__ import annotations

import json
from typing import Any

from generator.diff.changeset import Change, ChangeSet, Version

FORMAT = "sales-handbook-diff"
FORMAT_VERSION = 1


def _version(version: Version | None) -> dict[str, str] | None:
    return {"version": version.number, "effective": version.effective} if version else None


def _change(change: Change) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": change.kind, "action": change.action, "id": change.id}
    if change.parent:
        data["parent"] = change.parent
    if change.old_id:
        data["old_id"] = change.old_id
    if change.name:
        data["name"] = change.name
    data["roles"] = list(change.roles)
    data["fields"] = [{"field": f.field, "before": f.before, "after": f.after} for f in change.fields]
    return data


def change_data(changes: ChangeSet) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "old": _version(changes.old),
        "new": _version(changes.new),
        "counts": changes.counts(),
        "changes": [_change(change) for change in changes.changes],
    }


def format_json(changes: ChangeSet) -> str:
    return json.dumps(change_data(changes), ensure_ascii=False, indent=2)
