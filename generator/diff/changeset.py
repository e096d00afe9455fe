"""The result of comparing two versions: a list of changes, each with the fields that changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Action = Literal["added", "removed", "changed", "renamed"]

# Kinds of entity in the order reports list them: the process first, then the people,
# measurement, learning, and the team's reference material.
KINDS = (
    "handbook",
    "stage",
    "step",
    "role",
    "duty",
    "script",
    "kpi",
    "checklist",
    "checklist-item",
    "path",
    "milestone",
    "path-item",
    "quiz",
    "question",
    "meeting",
    "tool",
    "tier",
    "training-format",
    "training",
    "principle",
    "term",
)


@dataclass(frozen=True)
class Version:
    """A process version and the date it takes effect (ISO), as in the handbook metadata."""

    number: str
    effective: str

    @classmethod
    def of(cls, model: dict[str, Any]) -> Version:
        info = model.get("handbook") or {}
        return cls(str(info.get("version", "")), str(info.get("effective_date", "")))


@dataclass(frozen=True)
class FieldChange:
    """One field of an entity: its value before and after, as plain data (``None``: absent)."""

    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Change:
    """One entity added, removed, changed (``fields`` say how) or renamed (same content).

    ``id`` is the entity's id in the new version (in the old one when removed);
    ``parent`` the id of the entity it belongs to when its id is unique only there
    (a checklist item's checklist); ``name`` its name, title, text or prompt per language;
    ``roles`` the roles it concerns, empty when it concerns everyone.
    """

    kind: str
    action: Action
    id: str
    parent: str = ""
    old_id: str = ""
    name: dict[str, str] | None = None
    fields: tuple[FieldChange, ...] = ()
    roles: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """``checklist-item:market-analysis/gather-input``: kind, parent and id in one string."""
        return f"{self.kind}:{self.parent + '/' if self.parent else ''}{self.id}"


@dataclass(frozen=True)
class ChangeSet:
    """The changes from ``old`` to ``new``; ``old`` is ``None`` for a first publication."""

    old: Version | None
    new: Version
    changes: tuple[Change, ...] = ()

    def counts(self) -> dict[str, int]:
        actions: tuple[Action, ...] = ("added", "removed", "changed", "renamed")
        return {action: sum(c.action == action for c in self.changes) for action in actions}
