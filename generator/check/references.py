"""References between entities resolve, and point at something of the right kind."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from generator.check.registry import Context, Finding, check
from generator.diagnostics import suggest
from generator.model import entities as e
from generator.model.fields import entity_fields
from generator.model.index import TARGET_KINDS, Index
from generator.model.location import Location
from generator.model.types import TARGET_RE, where

# Which target kinds each onboarding item kind may point at (None: any page-like kind).
ITEM_TARGETS: dict[str, tuple[str, ...] | None] = {
    "read": None,
    "checklist": ("checklist",),
    "quiz": ("quiz",),
    "meeting": ("meeting",),
    "check-in": ("training-format", "meeting", "page"),
    "training": ("training", "training-format"),
    "task": None,
}


def _missing(index: Index, kind: str, ident: str, loc: Location, what: str) -> Finding:
    known = index.by_kind.get(kind, {})
    hint = suggest(ident, known) or (
        f"known {kind} ids: {', '.join(sorted(known)[:8])}" if known else f"define a {kind} first"
    )
    return Finding(loc, f"{what} '{ident}' does not exist", hint)


@check("unresolved-reference")
def references_resolve(ctx: Context) -> Iterator[Finding]:
    """Every id a field refers to names an existing entity of the right kind.

    Passes: ``owner: sales-manager`` where a role ``sales-manager`` exists;
    ``target: kpi:cost-rate`` where that KPI exists; ``page: guides/new-hires.md``
    where ``docs/guides/new-hires.md`` exists.
    Fails: ``owner: sales-manger`` (typo); ``tests: [stage:pricing]`` with no such stage;
    ``target: kpi`` (no id); ``target: color:red`` (no such kind).
    """
    for entity in ctx.entities:
        cls: type = type(entity)
        for name, kind in _reference_fields(cls):
            value = getattr(entity, name)
            values = value if isinstance(value, list) else [value]
            for i, item in enumerate(values):
                if not isinstance(item, str) or not item:
                    continue
                loc = where(entity, name, i if isinstance(value, list) else None)
                if kind:
                    if ctx.index.get(kind, item) is None:
                        yield _missing(ctx.index, kind, item, loc, kind.replace("-", " "))
                else:
                    yield from _target(ctx.index, item, loc)


@cache
def _reference_fields(cls: type) -> tuple[tuple[str, str | None], ...]:
    """Each field of ``cls`` that refers to others: its name, and the kind its ids name.

    ``None`` as the kind: a ``kind:id`` target (``target``, ``page``, ``tests``).
    """
    found = []
    for f, _ in entity_fields(cls):
        kind = f.metadata.get("ref")
        if kind or f.name in ("target", "page", "tests"):
            found.append((f.name, kind or None))
    return tuple(found)


def _target(index: Index, target: str, loc: Location) -> Iterator[Finding]:
    match = TARGET_RE.match(target)
    if not match:
        yield Finding(
            loc,
            f"reference '{target}' is not of the form kind:id",
            "e.g. stage:market-analysis or page:guides/new-hires.md",
        )
        return
    kind, ident = match["kind"], match["id"]
    if kind not in TARGET_KINDS:
        yield Finding(
            loc,
            f"'{kind}' is not a kind of thing in the handbook",
            suggest(kind, TARGET_KINDS) or f"kinds: {', '.join(TARGET_KINDS)}",
        )
    elif kind == "page":
        if not index.page_exists(ident):
            yield Finding(
                loc,
                f"page '{ident}' does not exist under docs/",
                "give the path of a Markdown file below docs/, e.g. guides/new-hires.md",
            )
    elif index.get(kind, ident) is None:
        yield _missing(index, kind, ident, loc, kind.replace("-", " "))


@check("step-outside-stage")
def steps_belong_to_stage(ctx: Context) -> Iterator[Finding]:
    """A script's step, and a checklist item's step, belong to the stage they are filed under.

    Passes: a script with ``stage: market-analysis`` and ``step: build-customer-personas``.
    Fails: ``stage: market-analysis`` with ``step: handle-objections`` (a step of the
    negotiation stage).
    """
    pairs: list[tuple[str | None, str | None, Location]] = [
        (s.stage, s.step, where(s, "step")) for s in ctx.handbook.scripts
    ]
    for checklist in ctx.handbook.checklists:
        pairs += [(checklist.stage, item.step, where(item, "step")) for item in checklist.items]
    for stage_id, step_id, loc in pairs:
        stage = ctx.index.stage_of_step.get(step_id or "")
        if stage_id and stage and ctx.index.get("stage", stage_id) and stage.id != stage_id:
            yield Finding(
                loc,
                f"step '{step_id}' belongs to stage '{stage.id}', not '{stage_id}'",
                f"use a step of '{stage_id}': " + ", ".join(s.id for s in ctx.index.steps_of(stage_id)),
            )


@check("checklist-item-source")
def checklist_items_have_a_source(ctx: Context) -> Iterator[Finding]:
    """A checklist item says where it comes from: a ``step`` or a ``page``, not both.

    Passes: ``step: make-first-contact``; or ``page: tool:crm``.
    Fails: an item with neither, or with both.
    """
    for checklist in ctx.handbook.checklists:
        for item in checklist.items:
            if (item.step is None) == (item.page is None):
                given = "both" if item.step else "neither"
                yield Finding(
                    item.loc,
                    f"checklist item '{item.id}' has {given} 'step' and 'page'",
                    "give exactly one: the step or the page the item comes from",
                )


@check("target-kind")
def path_item_targets_fit(ctx: Context) -> Iterator[Finding]:
    """An onboarding item points at the kind of thing its ``kind`` promises.

    Passes: ``kind: quiz`` with ``target: quiz:kpi-formulas``.
    A ``training`` item needs a target only in a handbook with a training catalogue: a
    company without one still runs a bootcamp.
    Fails: ``kind: quiz`` with ``target: checklist:market-analysis``; ``kind: checklist``
    with no target.
    """
    hb = ctx.handbook
    needs_target = {"read", "checklist", "quiz", "meeting"}
    if hb.training_modules or hb.training_formats:
        needs_target.add("training")
    for path in hb.onboarding_paths:
        for milestone in path.milestones:
            for item in milestone.items:
                yield from _item_target(item, needs_target)


def _item_target(item: e.PathItem, needs_target: set[str]) -> Iterator[Finding]:
    allowed = ITEM_TARGETS.get(item.kind)
    match = TARGET_RE.match(item.target or "")
    if item.target is None:
        if item.kind in needs_target:
            yield Finding(
                item.loc,
                f"a '{item.kind}' item needs a target",
                f"add 'target: {(allowed or ('stage',))[0]}:<id>'",
            )
    elif allowed is not None and match and match["kind"] not in allowed:
        yield Finding(
            where(item, "target"),
            f"a '{item.kind}' item points at a {match['kind']}",
            f"point it at {' or '.join(k + ':<id>' for k in allowed)}",
        )
