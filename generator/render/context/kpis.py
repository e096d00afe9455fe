"""Contexts of the KPI catalogue and the KPI pages (formula, examples, calculator)."""

from __future__ import annotations

from collections.abc import Callable

from generator.model import entities as e
from generator.model.formula import FormulaError, parse_formula
from generator.model.types import currency_of
from generator.presentation.links import anchor
from generator.render.context.site import Context, Site
from generator.render.formula_html import formula_html, formula_text


def _input_names(site: Site, kpi: e.Kpi) -> dict[str, str]:
    return {i.id: site.t(i.name) or i.id for i in kpi.inputs}


def _namer(site: Site, names: dict[str, str]) -> Callable[[str], str]:
    """Show an input by its name in this language (its id when it has none), a function by its word."""
    return lambda ident: names.get(ident) or site.labels.get(f"function.{ident}", ident)


def _list_inputs(source: str) -> tuple[str, ...]:
    """The inputs the calculator takes as a list of numbers (e.g. the days of each deal)."""
    try:
        return parse_formula(source).list_names
    except FormulaError:
        return ()


def kpi_index(site: Site, source: str) -> Context:
    rows = []
    for kpi in site.handbook.kpis:
        names = _input_names(site, kpi)
        rows.append(
            {
                "link": site.link(source, "kpi", kpi.id),
                "family": site.t(kpi.family),
                "formula": formula_text(kpi.formula, _namer(site, names)),
                "unit": site.unit_name(kpi.unit),
                "direction": site.labels.get(f"direction.{kpi.direction}", kpi.direction),
                "owner": site.link(source, "role", kpi.owner),
                "stages": site.links(source, "stage", (s.id for s in site.rel.stages_by_kpi.get(kpi.id, []))),
            }
        )
    return {"title": site.label("title.kpis"), "kpis": rows}


def kpi_page(site: Site, source: str, kpi: e.Kpi) -> Context:
    names = _input_names(site, kpi)
    list_inputs = _list_inputs(kpi.formula)
    stages = site.rel.stages_by_kpi.get(kpi.id, [])
    owner = site.link(source, "role", kpi.owner)
    unit = site.unit_name(kpi.unit)
    return {
        "id": kpi.id,
        "title": site.t(kpi.name),
        "tags": [*(site.t(s.name) for s in stages), *([owner.text] if owner else [])],
        "family": site.t(kpi.family),
        "definition": site.t(kpi.definition),
        "formula_html": formula_html(kpi.formula, _namer(site, names)),
        "formula": kpi.formula,
        "inputs": [
            {
                "id": i.id,
                "name": names[i.id],
                "unit": site.unit_name(i.unit),
                "derived": formula_html(i.formula, _namer(site, names)) if i.formula else "",
                "derived_source": i.formula or "",
                "field": anchor("calc", kpi.id, i.id),
                "list": i.id in list_inputs,
            }
            for i in kpi.inputs
        ],
        "unit": unit,
        "direction": site.labels.get(f"direction.{kpi.direction}", kpi.direction),
        "cadence": [site.cadence(c) for c in kpi.cadence],
        "owner": owner,
        "data_source": site.link(source, "tool", kpi.data_source),
        "stages": site.links(source, "stage", (s.id for s in stages)),
        "targets": [
            {
                "cadence": site.cadence(t.cadence),
                "text": site.t(t.text),
                "value": site.quantity(t.value, kpi.unit) if t.value is not None else "",
            }
            for t in kpi.targets
        ],
        "examples": [
            {
                "inputs": [
                    (names.get(k, k), _input_value(site, kpi, k, v)) for k, v in example.inputs.items()
                ],
                "expected": site.quantity(example.expected, kpi.unit),
                "explanation": site.t(example.explanation),
            }
            for example in kpi.examples
        ],
        "result_field": anchor("calc", kpi.id, "result"),
        # The calculator formats its result with Intl.NumberFormat in the page's locale.
        "locale": site.lang,
        "currency": currency_of(kpi.unit) or "",
        "unit_code": kpi.unit,
        "pattern": site.labels.get(f"quantity.{kpi.unit}", "{n}"),
        "questions": site.tested_by(source, f"kpi:{kpi.id}"),
        "onboarding": site.path_items(source, f"kpi:{kpi.id}"),
    }


def _input_value(site: Site, kpi: e.Kpi, ident: str, value: float | list[float]) -> str:
    unit = next((i.unit for i in kpi.inputs if i.id == ident), "count")
    return site.quantity(value, unit)
