"""A change set as Markdown for editors and reviewers (a pull request, a release note)."""

from __future__ import annotations

from generator.diff.changeset import Change, ChangeSet
from generator.diff.values import Detail, detail

HEADINGS = {
    "handbook": "Handbook",
    "stage": "Stages",
    "step": "Steps",
    "role": "Roles",
    "duty": "Duties",
    "script": "Scripts",
    "kpi": "KPIs",
    "checklist": "Checklists",
    "checklist-item": "Checklist items",
    "path": "Onboarding paths",
    "milestone": "Milestones",
    "path-item": "Onboarding path items",
    "quiz": "Quizzes",
    "question": "Quiz questions",
    "meeting": "Meetings",
    "tool": "Tools",
    "tier": "Customer tiers",
    "training-format": "Training formats",
    "training": "Training modules",
    "principle": "Design principles",
    "term": "Glossary terms",
}
NAME_LENGTH = 80


def format_markdown(changes: ChangeSet, lang: str = "en") -> str:
    """Headings per kind of entity, one bullet per change, sub-bullets per changed field."""
    old = changes.old
    title = f"# Changes from {old.number} to {changes.new.number}" if old else "# Changes"
    lines = [title, ""]
    if old:
        lines.append(
            f"Process version {old.number} (effective {old.effective}) → "
            f"{changes.new.number} (effective {changes.new.effective})."
        )
    counts = changes.counts()
    lines += [", ".join(f"{n} {action}" for action, n in counts.items()) + ".", ""]
    if not changes.changes:
        lines += ["No differences.", ""]
    kind = ""
    for change in changes.changes:
        if change.kind != kind:
            kind = change.kind
            lines += ([""] if lines[-1] else []) + [f"## {HEADINGS.get(kind, kind)}", ""]
        lines += _change_lines(change, lang)
    return "\n".join(lines).rstrip() + "\n"


def _change_lines(change: Change, lang: str) -> list[str]:
    key = f"{change.parent}/{change.id}" if change.parent else change.id
    name = (change.name or {}).get(lang, "")
    name = name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1] + "…"
    suffix = f": {name}" if name else ""
    if change.action == "renamed":
        return [f"- **renamed** `{change.old_id}` → `{key}`{suffix}"]
    lines = [f"- **{change.action}** `{key}`{suffix}"]
    lines += [f"    - {_field_line(detail(field, lang))}" for field in change.fields]
    return lines


def _field_line(found: Detail) -> str:
    if found.translation:
        return f"`{found.field}`: changed in another language only"
    if found.short:
        return f"`{found.field}`: {_quoted(found.before)} → {_quoted(found.after)}"
    parts = [f"added {_quoted(text)}" for text in found.added]
    parts += [f"removed {_quoted(text)}" for text in found.removed]
    return f"`{found.field}`: " + ("; ".join(parts) if parts else "changed")


def _quoted(text: str) -> str:
    if not text:
        return "(none)"
    text = text if len(text) <= NAME_LENGTH * 2 else text[: NAME_LENGTH * 2 - 1] + "…"
    return f"“{text}”"
