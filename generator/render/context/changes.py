"""Context of the What's new page: the changes since the previous published version, by role.

A change is listed under every role it concerns (:mod:`generator.diff.audience`), and
under "For everyone" when it concerns no particular role. The version bump itself is
said once, in the introduction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.diff.changeset import Change, ChangeSet
from generator.diff.values import Detail, detail
from generator.presentation.links import Link, anchor
from generator.render.context.freshness import acknowledgements_reset
from generator.render.context.site import Site

# The version and its date are in the introduction: not repeated as a change.
_SAID_IN_INTRO = frozenset({"version", "effective_date"})
# Who answers for an entry and when it was last checked is for editors (handbook diff,
# review-due), not news for readers: a new review date alone is not listed.
_NOT_NEWS = frozenset({"review"})
_NAME_LENGTH = 160
_LINKED_TO_PARENT = {"duty": "role", "milestone": "path", "path-item": "path"}


@dataclass(frozen=True)
class FieldChange:
    """A changed field of an entry, named in the page's language, and how it changed."""

    field: str
    text: str


@dataclass(frozen=True)
class ChangeEntry:
    """One change: what was done (``action``) to which entry, linked unless it was removed."""

    action: str
    kind: str
    name: str
    link: Link | None
    renamed: str
    details: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ChangesFor:
    """The changes that concern one role (or everyone)."""

    anchor: str
    title: str
    entries: tuple[ChangeEntry, ...]


@dataclass(frozen=True)
class WhatsNewPage:
    """``groups`` empty on a first version or when nothing changed (``intro`` says which);
    ``acks_reset``: the entries readers are asked to confirm again."""

    title: str
    intro: str
    progress: str
    groups: tuple[ChangesFor, ...]
    nothing: str
    acks_reset: tuple[Link, ...]


def whats_new_page(site: Site, source: str, changes: ChangeSet) -> WhatsNewPage:
    shown = [(change, _entry(site, source, change)) for change in _shown(changes)]
    roles = {role.id for role in site.handbook.roles}
    groups = [
        ChangesFor(
            anchor=anchor("changes", role.id),
            title=site.label("whats_new.for_role").replace("{role}", site.t(role.name)),
            entries=tuple(entry for change, entry in shown if role.id in change.roles),
        )
        for role in site.handbook.roles
    ]
    groups.append(
        ChangesFor(
            anchor=anchor("changes", "everyone"),
            title=site.label("whats_new.everyone"),
            entries=tuple(entry for change, entry in shown if not roles & set(change.roles)),
        )
    )
    return WhatsNewPage(
        title=site.label("whats_new.title"),
        intro=_intro(site, changes),
        progress=site.label("whats_new.progress") if changes.old and shown else "",
        groups=tuple(groups) if changes.old and shown else (),
        nothing=site.label("whats_new.none"),
        acks_reset=tuple(acknowledgements_reset(site, source, changes)) if changes.old else (),
    )


def _intro(site: Site, changes: ChangeSet) -> str:
    new, old = changes.new, changes.old
    values = {"version": new.number, "effective": new.effective}
    if old is None:
        key = "whats_new.first"
    else:
        values.update(previous=old.number, previous_effective=old.effective)
        key = "whats_new.intro" if _shown(changes) else "whats_new.same"
    text = site.label(key)
    for name, value in values.items():
        text = text.replace(f"{{{name}}}", value)
    return text


def _shown(changes: ChangeSet) -> list[Change]:
    """Every change, the handbook's own one without its version and date."""
    out = []
    for change in changes.changes:
        hidden = _SAID_IN_INTRO | _NOT_NEWS if change.kind == "handbook" else _NOT_NEWS
        if change.action == "changed" and any(f.field in hidden for f in change.fields):
            fields = tuple(f for f in change.fields if f.field not in hidden)
            if not fields:
                continue
            change = replace(change, fields=fields)
        out.append(change)
    return out


def _entry(site: Site, source: str, change: Change) -> ChangeEntry:
    name = (change.name or {}).get(site.lang) or change.id
    if len(name) > _NAME_LENGTH:
        name = name[: _NAME_LENGTH - 1] + "…"
    renamed = ""
    if change.action == "renamed":
        renamed = site.label("whats_new.renamed_from").replace("{old}", change.old_id)
        renamed = renamed.replace("{new}", change.id)
    return ChangeEntry(
        action=site.label(f"whats_new.{change.action}"),
        kind=site.label(f"whats_new.kind.{change.kind}"),
        name=name,
        link=None if change.action == "removed" else _link(site, source, change, name),
        renamed=renamed,
        details=tuple(
            FieldChange(_field_label(site, f.field), _detail_text(site, detail(f, site.lang)))
            for f in change.fields
        ),
    )


def _link(site: Site, source: str, change: Change, name: str) -> Link | None:
    if change.kind == "checklist-item":
        checklist = site.index.get("checklist", change.parent)
        item = next((i for i in checklist.items if i.id == change.id), None) if checklist else None
        return site.checklist_item(source, checklist, item) if checklist and item else None
    if change.kind in _LINKED_TO_PARENT:
        return site.link(source, _LINKED_TO_PARENT[change.kind], change.parent, name)
    if change.kind == "handbook":
        return None
    return site.link(source, change.kind, change.id, name)


def _field_label(site: Site, field: str) -> str:
    return site.labels.get(f"whats_new.field.{field}", field)


def _detail_text(site: Site, found: Detail) -> str:
    empty = site.label("whats_new.empty")
    if found.translation:
        return site.label("whats_new.translation")
    if found.short:
        return f"{found.before or empty} → {found.after or empty}"
    parts = [f"{site.label('whats_new.list_added')} “{text}”" for text in found.added]
    parts += [f"{site.label('whats_new.list_removed')} “{text}”" for text in found.removed]
    return site.label("item_sep").join(parts) if parts else site.label("whats_new.long")
