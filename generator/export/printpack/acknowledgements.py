"""The "read and understood" lines of a role's print pack: one line to sign per entry.

An entry marked ``acknowledge: true`` is in the pack of a role when it concerns that role:
a stage it is accountable for, the role itself, a KPI it owns, its onboarding path, a
script or checklist of its steps; a hand-written guide or a quiz concerns every role.
The printed fingerprint names the version signed, as the handbook's control does.
"""

from __future__ import annotations

from generator.model import entities as e
from generator.model.fingerprint import entity_fingerprint, page_fingerprint
from generator.model.handbook import Handbook
from generator.model.index import Entity, Index
from generator.review.guides import page_sources
from generator.review.items import Reviewed, all_items


def _concerns(entity: Entity | None, item: Reviewed, role: str, owned_steps: set[str]) -> bool:
    if item.kind in ("page", "quiz"):
        return True
    match entity:
        case e.Stage():
            return role in entity.owners
        case e.Role():
            return entity.id == role
        case e.Kpi():
            return entity.owner == role
        case e.OnboardingPath():
            return entity.role == role
        case e.Script():
            return entity.step in owned_steps
        case e.Checklist():
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
        entity: Entity | None = None
        if item.kind == "page":
            fingerprint = page_fingerprint(page_sources(handbook.root, item.ident))
        else:
            entity = index.get(item.kind, item.ident)
            fingerprint = entity_fingerprint(entity)
        if _concerns(entity, item, role, owned_steps):
            lines.append((item.kind, item.title.get(lang) or item.ident, fingerprint))
    return lines
