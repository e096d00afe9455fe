"""The "read and understood" lines of a role's print pack: one line to sign per entry.

An entry marked ``acknowledge: true`` is in the pack of a role when it concerns that role:
a stage it is accountable for, the role itself, a KPI it owns, its onboarding path, a
script or checklist of its steps; a hand-written guide or a quiz concerns every role.
The printed fingerprint names the version signed, as the handbook's control does.
"""

from __future__ import annotations

from typing import Any

from generator.model.fingerprint import entity_fingerprint, page_fingerprint
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.review.guides import page_sources
from generator.review.items import Reviewed, all_items


def _concerns(entity: Any, item: Reviewed, role: str, owned_steps: set[str]) -> bool:
    kind = item.kind
    if kind in ("page", "quiz"):
        return True
    if kind == "stage":
        return role in entity.owners
    if kind == "role":
        return bool(entity.id == role)
    if kind == "kpi":
        return bool(entity.owner == role)
    if kind == "path":
        return bool(entity.role == role)
    if kind == "script":
        return entity.step in owned_steps
    if kind == "checklist":
        return any(i.owner == role for i in entity.items)
    return False


def acknowledgement_lines(
    handbook: Handbook, index: Index, role: str, lang: str
) -> list[tuple[str, str, str]]:
    """``(kind, title, fingerprint)`` of every entry the hire of ``role`` signs for."""
    owned_steps: set[str] = {step.id for _, step in handbook.steps if step.owner == role}
    lines = []
    for item in all_items(handbook):
        if not item.acknowledge:
            continue
        if item.kind == "page":
            entity, fingerprint = None, page_fingerprint(page_sources(handbook.root, item.ident))
        else:
            entity = index.get(item.kind, item.ident)
            fingerprint = entity_fingerprint(entity)
        if _concerns(entity, item, role, owned_steps):
            lines.append((item.kind, item.title.get(lang) or item.ident, fingerprint))
    return lines
