"""The process is complete: stages in order, each taught, checked and scripted; each role onboarded."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.registry import Context, Finding, check
from generator.model.types import TARGET_RE


@check("stage-order")
def stages_in_order(ctx: Context) -> Iterator[Finding]:
    """Stage ``order`` values are consecutive, from whatever number the company starts at.

    Passes: five stages with orders 1, 2, 3, 4, 5; or 0, 1, 2, 3, 4 (a CRM that counts from 0).
    Fails: orders 1, 2, 4 (3 is missing) or 1, 2, 2 (repeated); a negative order.
    """
    stages = [s for s in ctx.handbook.ordered_stages() if "order" in s.at]  # others: missing-key
    first = max(stages[0].order, 0) if stages else 0
    last = first + len(stages) - 1
    for expected, stage in enumerate(stages, start=first):
        if stage.order != expected:
            yield Finding(
                stage.at.get("order", stage.loc),
                f"stage '{stage.id}' has order {stage.order}, expected {expected}",
                f"number the {len(stages)} stages {first} to {last} without gaps",
            )
            return


@check("stage-needs-checklist")
def stage_has_checklist(ctx: Context) -> Iterator[Finding]:
    """Every stage has a checklist (a checklist whose ``stage`` names it).

    Passes: a checklist with ``stage: solution-design``.
    Fails: no checklist names the stage.
    """
    covered = {c.stage for c in ctx.handbook.checklists}
    for stage in ctx.handbook.stages:
        if stage.id not in covered:
            yield Finding(
                stage.loc,
                f"stage '{stage.id}' has no checklist",
                f"add a checklist with 'stage: {stage.id}' under process/checklists/",
            )


@check("stage-needs-script")
def stage_has_script(ctx: Context) -> Iterator[Finding]:
    """Every stage has at least one script (talk track).

    Passes: a script with ``stage: negotiation-and-contract``.
    Fails: no script names the stage.
    """
    covered = {s.stage for s in ctx.handbook.scripts}
    for stage in ctx.handbook.stages:
        if stage.id not in covered:
            yield Finding(
                stage.loc,
                f"stage '{stage.id}' has no script",
                f"add a script with 'stage: {stage.id}' under process/scripts/",
            )


@check("stage-needs-question")
def stage_has_question(ctx: Context) -> Iterator[Finding]:
    """Every stage is tested by at least one quiz question (``stage:`` or one of its ``step:``).

    Passes: a question with ``tests: [step:make-first-contact]`` covers its stage.
    Fails: no question tests the stage or any of its steps.
    """
    covered: set[str] = set()
    for _, question in ctx.handbook.questions:
        for target in question.tests:
            match = TARGET_RE.match(target)
            if not match:
                continue
            if match["kind"] == "stage":
                covered.add(match["id"])
            elif match["kind"] == "step" and match["id"] in ctx.index.stage_of_step:
                covered.add(ctx.index.stage_of_step[match["id"]].id)
    for stage in ctx.handbook.stages:
        if stage.id not in covered:
            yield Finding(
                stage.loc,
                f"no quiz question tests stage '{stage.id}'",
                f"add a question with 'tests: [stage:{stage.id}]'",
            )


@check("role-needs-path")
def role_has_path(ctx: Context) -> Iterator[Finding]:
    """Every role has an onboarding path for its new hires, unless it says ``onboarding: false``.

    Passes: a path with ``role: customer-service``; a role with ``onboarding: false`` and no path.
    Fails: no path names the role, and the role does not opt out.
    """
    covered = {p.role for p in ctx.handbook.onboarding_paths}
    for role in ctx.handbook.roles:
        if role.onboarding and role.id not in covered:
            yield Finding(
                role.loc,
                f"role '{role.id}' has no onboarding path",
                f"add a path with 'role: {role.id}' under process/onboarding/, "
                "or 'onboarding: false' to the role if its hires follow none",
            )
