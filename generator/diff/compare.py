"""Compare two versions of the model, entity by entity and field by field."""

from __future__ import annotations

from typing import Any

from generator.diff.audience import Lookup, roles_of
from generator.diff.changeset import KINDS, Action, Change, ChangeSet, FieldChange, Version
from generator.diff.records import Record, display_name, records
from generator.diff.renames import find_renames, normalize


def compare(old_model: dict[str, Any], new_model: dict[str, Any]) -> ChangeSet:
    """The changes from ``old_model`` to ``new_model`` (both as exported by ``model_data``)."""
    old, new = records(old_model), records(new_model)
    renames = find_renames(old, new)
    old_lookup, new_lookup = Lookup(old), Lookup(new)
    before = {n.key: (record, n) for record in old for n in [normalize(record, renames)]}
    changes: list[Change] = []
    for record in new:
        pair = before.get(record.key)
        if pair is None:
            changes.append(_change("added", record, roles_of(record, new_lookup)))
            continue
        raw, normalized = pair
        fields = field_changes(normalized.fields, record.fields)
        roles = roles_of(record, new_lookup) + roles_of(raw, old_lookup)
        if raw.id != record.id:
            changes.append(_change("renamed", record, roles, fields, old_id=raw.id))
        elif fields:
            changes.append(_change("changed", record, roles, fields))
    new_keys = {record.key for record in new}
    for key, (raw, _) in before.items():
        if key not in new_keys:
            changes.append(_change("removed", raw, roles_of(raw, old_lookup)))
    order = {kind: n for n, kind in enumerate(KINDS)}
    changes.sort(key=lambda c: order.get(c.kind, len(order)))  # stable: model order within a kind
    return ChangeSet(Version.of(old_model), Version.of(new_model), tuple(changes))


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> tuple[FieldChange, ...]:
    """The fields whose values differ, in the order the new version lists them."""
    names = list(after) + [name for name in before if name not in after]
    return tuple(
        FieldChange(name, before.get(name), after.get(name))
        for name in names
        if before.get(name) != after.get(name)
    )


def _change(
    action: Action,
    record: Record,
    roles: list[str],
    fields: tuple[FieldChange, ...] = (),
    old_id: str = "",
) -> Change:
    return Change(
        kind=record.kind,
        action=action,
        id=record.id,
        parent=record.scope,
        old_id=old_id,
        name=display_name(record),
        fields=fields,
        roles=tuple(dict.fromkeys(roles)),
    )
