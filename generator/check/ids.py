"""Ids must be unique: per kind across all files, and within the entity that holds them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from generator.check.registry import Context, Finding, check
from generator.model.handbook import COLLECTIONS, KIND_OF


def _duplicates(items: Iterable[Any], what: str) -> Iterator[Finding]:
    seen: dict[str, Any] = {}
    for item in items:
        if not item.id:
            continue
        first = seen.setdefault(item.id, item)
        if first is not item:
            yield Finding(
                item.loc,
                f"{what} id '{item.id}' is already used at {first.loc}",
                "give one of them another id",
            )


@check("duplicate-id")
def unique_ids(ctx: Context) -> Iterator[Finding]:
    """Every id is used once: per kind across all files, and within its parent.

    Passes: two stages ``market-analysis`` and ``solution-design``.
    Fails: two roles both with ``id: sales-manager`` (in one file or two); two items
    ``call-customer`` in one checklist; a step id used in two stages.
    """
    hb = ctx.handbook
    for key in COLLECTIONS:
        yield from _duplicates(hb.collection(key), KIND_OF[key])
    yield from _duplicates((step for _, step in hb.steps), "step")
    yield from _duplicates((q for _, q in hb.questions), "question")
    for role in hb.roles:
        yield from _duplicates(role.duties, "duty")
    for kpi in hb.kpis:
        yield from _duplicates(kpi.inputs, "input")
    for tool in hb.tools:
        yield from _duplicates(tool.usage_rules, "usage rule")
    for checklist in hb.checklists:
        yield from _duplicates(checklist.items, "checklist item")
    for path in hb.onboarding_paths:
        yield from _duplicates(path.milestones, "milestone")
        yield from _duplicates((i for m in path.milestones for i in m.items), "path item")
