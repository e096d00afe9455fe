"""Onboarding paths and checklists can be followed in time order."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.registry import Context, Finding, check
from generator.diagnostics import suggest
from generator.model import entities as e
from generator.model.schedule import Schedule
from generator.model.types import where


def _items(path: e.OnboardingPath) -> dict[str, tuple[e.Milestone, e.PathItem]]:
    found: dict[str, tuple[e.Milestone, e.PathItem]] = {}
    for milestone in path.milestones:
        for item in milestone.items:
            found.setdefault(item.id, (milestone, item))
    return found


@check("unknown-prerequisite")
def prerequisites_exist(ctx: Context) -> Iterator[Finding]:
    """A prerequisite names an item of the same onboarding path.

    Passes: ``prerequisites: [read-stages]`` where the path has an item ``read-stages``.
    Fails: ``prerequisites: [read-stagez]``.
    """
    for path in ctx.handbook.onboarding_paths:
        items = _items(path)
        for milestone in path.milestones:
            for item in milestone.items:
                for i, prerequisite in enumerate(item.prerequisites):
                    if prerequisite and prerequisite not in items:
                        yield Finding(
                            where(item, "prerequisites", i),
                            f"prerequisite '{prerequisite}' is not an item of path '{path.id}'",
                            suggest(prerequisite, items),
                        )


@check("unknown-after")
def after_names_an_item(ctx: Context) -> Iterator[Finding]:
    """``after`` names another item of the same path, and items do not follow each other in a circle.

    Passes: ``after: bootcamp`` where the path has an item ``bootcamp``.
    Fails: ``after: bootcmp``; ``a`` after ``b`` and ``b`` after ``a``; ``after`` with ``day``.
    """
    for path in ctx.handbook.onboarding_paths:
        items = _items(path)
        for _, item in items.values():
            if item.after is None:
                continue
            if item.after not in items or item.after == item.id:
                yield Finding(
                    where(item, "after"),
                    f"'{item.id}' comes after '{item.after}', which is not another item of path '{path.id}'",
                    suggest(item.after, items),
                )
            elif item.day is not None:
                yield Finding(where(item, "after"), f"'{item.id}' has both 'day' and 'after'", "keep one")
            elif _follows_itself(item, items):
                yield Finding(
                    where(item, "after"),
                    f"'{item.id}' comes, through others, after itself",
                    "give one of these items a 'day' instead",
                )


def _follows_itself(item: e.PathItem, items: dict[str, tuple[e.Milestone, e.PathItem]]) -> bool:
    seen: set[str] = set()
    current = item.after
    while current in items and current not in seen:
        if current == item.id:
            return True
        seen.add(current)
        current = items[current][1].after
    return False


@check("prerequisite-cycle")
def prerequisites_acyclic(ctx: Context) -> Iterator[Finding]:
    """Prerequisites never form a cycle (an item that, through others, needs itself).

    Passes: ``quiz`` needs ``read``; ``read`` needs nothing.
    Fails: ``quiz`` needs ``read`` and ``read`` needs ``quiz``.
    """
    for path in ctx.handbook.onboarding_paths:
        yield from _cycles(_items(path))


def _cycles(items: dict[str, tuple[e.Milestone, e.PathItem]]) -> Iterator[Finding]:
    """Depth-first search; each cycle is reported once, at the item that closes it."""
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = done
    reported: set[frozenset[str]] = set()

    def visit(node: str, trail: list[str]) -> Iterator[Finding]:
        state[node] = 1
        for nxt in items[node][1].prerequisites:
            if nxt not in items:
                continue
            if state.get(nxt) == 1:
                cycle = [*trail[trail.index(nxt) :], nxt]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    yield Finding(
                        items[node][1].loc,
                        f"prerequisites form a cycle: {' → '.join(cycle)}",
                        "remove one prerequisite so that the items can be done in order",
                    )
            elif state.get(nxt) is None:
                yield from visit(nxt, [*trail, nxt])
        state[node] = 2

    for ident in items:
        if ident not in state:
            yield from visit(ident, [ident])


@check("prerequisite-due-later")
def prerequisites_due_first(ctx: Context) -> Iterator[Finding]:
    """No item depends on an item that is due later than itself.

    Passes: a day-30 quiz needs a day-5 reading.
    Fails: a day-5 quiz needs an item due on day 30.
    """
    for path in ctx.handbook.onboarding_paths:
        items = _items(path)
        schedule = Schedule(path)
        for milestone in path.milestones:
            for item in milestone.items:
                for i, prerequisite in enumerate(item.prerequisites):
                    if prerequisite not in items:
                        continue
                    before = schedule.due(prerequisite)
                    if before > schedule.due(item.id):
                        yield Finding(
                            where(item, "prerequisites", i),
                            f"'{item.id}' is due on day {schedule.due(item.id)} but "
                            f"needs '{prerequisite}', due on day {before}",
                            "move the prerequisite earlier or the item later",
                        )


@check("day-range")
def days_positive(ctx: Context) -> Iterator[Finding]:
    """Due days count from the start date, which is day 1: no day is below 1, no span under a day.

    Passes: ``day: 1`` (the start date), ``day: 90``; ``day: 1`` with ``duration: 10``.
    Fails: ``day: 0`` or ``day: -3``; ``duration: 0``.
    """
    dated: list[tuple[str, int | None, e.Milestone | e.PathItem | e.ChecklistItem]] = []
    for path in ctx.handbook.onboarding_paths:
        for milestone in path.milestones:
            dated.append((f"milestone '{milestone.id}'", milestone.day, milestone))
            dated += [(f"item '{item.id}'", item.day, item) for item in milestone.items]
            for item in milestone.items:
                if item.duration is not None and item.duration < 1:
                    yield Finding(
                        where(item, "duration"),
                        f"item '{item.id}' lasts {item.duration} days",
                        "give 1 or more days, or leave 'duration' out",
                    )
    for checklist in ctx.handbook.checklists:
        dated += [(f"checklist item '{item.id}'", item.day, item) for item in checklist.items]
    for what, day, entity in dated:
        if day is not None and day < 1:
            yield Finding(
                where(entity, "day"), f"{what} is due on day {day}", "day 1 is the start date; use 1 or later"
            )
