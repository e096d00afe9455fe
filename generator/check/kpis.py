"""KPI formulas are plain arithmetic over declared inputs, and their examples add up."""

from __future__ import annotations

import math
from collections.abc import Iterator

from generator.check.registry import Context, Finding, check
from generator.diagnostics import suggest
from generator.model import entities as e
from generator.model.formula import (
    Formula,
    FormulaError,
    Value,
    evaluate_with_derived,
    parse_formula,
)
from generator.model.types import where

# Relative difference under which an example's stated result counts as equal.
EXAMPLE_TOLERANCE = 1e-6


def _parsed(kpi: e.Kpi) -> tuple[Formula | None, dict[str, Formula]]:
    try:
        main: Formula | None = parse_formula(kpi.formula) if kpi.formula else None
    except FormulaError:
        main = None
    derived: dict[str, Formula] = {}
    for kpi_input in kpi.inputs:
        if kpi_input.formula:
            try:
                derived[kpi_input.id] = parse_formula(kpi_input.formula)
            except FormulaError:
                continue
    return main, derived


def _value(value: float | list[float]) -> Value:
    return tuple(value) if isinstance(value, list) else value


@check("formula-syntax")
def formulas_parse(ctx: Context) -> Iterator[Finding]:
    """A formula (a KPI's, or a derived input's) is arithmetic over names and numbers.

    It may use + - * /, parentheses and the functions mean, sum, min, max and round.
    Passes: ``formula: actual_revenue / target_revenue * 100``; ``formula: mean(cycle_days)``.
    Fails: ``formula: actual_revenue // target`` or ``__import__('os')``.
    """
    for kpi in ctx.handbook.kpis:
        sources = [(kpi.formula, where(kpi, "formula"))]
        sources += [(i.formula, where(i, "formula")) for i in kpi.inputs if i.formula]
        for source, loc in sources:
            try:
                parse_formula(source)
            except FormulaError as exc:
                yield Finding(
                    loc,
                    f"KPI '{kpi.id}': {exc}",
                    "e.g. actual_revenue / target_revenue * 100, or mean(cycle_days)",
                )


@check("formula-unknown-input")
def formulas_use_declared_inputs(ctx: Context) -> Iterator[Finding]:
    """Every name in a formula is one of the KPI's declared ``inputs``.

    Passes: ``formula: order_cost / sales_revenue * 100`` with both inputs declared.
    Fails: the same formula with only ``order_cost`` declared.
    """
    for kpi in ctx.handbook.kpis:
        declared = {i.id for i in kpi.inputs}
        main, derived = _parsed(kpi)
        checks = [(main, where(kpi, "formula"))] + [
            (derived.get(i.id), where(i, "formula")) for i in kpi.inputs
        ]
        for formula, loc in checks:
            for name in formula.names if formula else ():
                if name not in declared:
                    yield Finding(
                        loc,
                        f"KPI '{kpi.id}': '{name}' is not one of its inputs",
                        suggest(name, declared) or f"declare '{name}' under 'inputs:'",
                    )


@check("kpi-example")
def kpi_examples_hold(ctx: Context) -> Iterator[Finding]:
    """Every worked example, evaluated with the formula, gives its ``expected`` result.

    Derived inputs left out of an example are computed from their own formulas.
    Passes: ``inputs: {actual_revenue: 120000, target_revenue: 100000}``, ``expected: 120``
    with ``formula: actual_revenue / target_revenue * 100``.
    A list of numbers is given as a list (``cycle_days: [40, 50, 60]`` for ``mean(cycle_days)``);
    a result may carry its unit (``expected: 3.0x``).
    Fails: the same with ``expected: 1.2``; an example naming an input the KPI lacks.
    """
    for kpi in ctx.handbook.kpis:
        main, derived = _parsed(kpi)
        if main is None or any(n not in {i.id for i in kpi.inputs} for n in main.names):
            continue  # reported by the formula checks
        declared = {i.id for i in kpi.inputs}
        if not kpi.examples:
            yield Finding(
                kpi.loc,
                f"KPI '{kpi.id}' has no worked example",
                "add one under 'examples:' with inputs and the expected result",
            )
        for example in kpi.examples:
            unknown = [name for name in example.inputs if name not in declared]
            if unknown:
                yield Finding(
                    where(example, "inputs"),
                    f"KPI '{kpi.id}': example gives '{unknown[0]}', which is not an input",
                    suggest(unknown[0], declared),
                )
                continue
            if math.isnan(example.expected) or None in example.inputs.values():
                continue  # not a number: reported where it was loaded
            try:
                given = {str(name): _value(value) for name, value in example.inputs.items()}
                actual = evaluate_with_derived(main, given, derived)
            except FormulaError as exc:
                yield Finding(
                    example.loc,
                    f"KPI '{kpi.id}': example cannot be evaluated: {exc}",
                    "give a value for every input the formula uses",
                )
                continue
            scale = max(1.0, abs(example.expected))
            if abs(actual - example.expected) > EXAMPLE_TOLERANCE * scale:
                yield Finding(
                    where(example, "expected"),
                    f"KPI '{kpi.id}': the formula gives {actual:g}, the example says {example.expected:g}",
                    "correct the inputs or the expected result"
                    + ("; a percent is written as 120, not 1.2" if kpi.unit == "percent" else ""),
                )
