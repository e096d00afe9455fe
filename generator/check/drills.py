"""Practice drills are scored on criteria the handbook defines (``rubric_criteria``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from generator.check.registry import Context, Finding, check
from generator.model.types import where


@check("drill-criterion")
def drill_criteria_exist(ctx: Context) -> Iterator[Finding]:
    """Every criterion a drill's rubric names is defined under ``rubric_criteria``.

    Passes: ``rubric: [leads-with-value]`` with a criterion ``id: leads-with-value``.
    Fails: ``rubric: [leads-with-valeu]``: no criterion has that id.
    """
    defined = [c.id for c in ctx.handbook.rubric_criteria]
    for script in ctx.handbook.scripts:
        drill = script.drill
        for i, criterion in enumerate(drill.rubric if drill else []):
            if criterion not in defined:
                yield Finding(
                    where(drill, "rubric", i),
                    f"script '{script.id}': the drill's rubric names criterion '{criterion}', "
                    "which rubric_criteria does not define",
                    _known(defined),
                )


@check("drill-rubric")
def drills_have_a_rubric(ctx: Context) -> Iterator[Finding]:
    """A drill names at least one rubric criterion: without one, an answer cannot be scored.

    Passes: ``drill: {situation: …, rubric: [confirms-next-step]}``.
    Fails: ``drill: {situation: …}`` or ``rubric: []``.
    """
    defined = [c.id for c in ctx.handbook.rubric_criteria]
    for script in ctx.handbook.scripts:
        if script.drill is not None and not script.drill.rubric:
            yield Finding(
                where(script.drill, "rubric"),
                f"script '{script.id}': the drill has no rubric, so a practice answer cannot be scored",
                "list the criteria it is scored on under 'rubric'; " + _known(defined),
            )


def _known(defined: Sequence[str]) -> str:
    if not defined:
        return "define the criteria under 'rubric_criteria' (id, name, description) first"
    return "criteria defined: " + ", ".join(defined)
