"""Contexts of the KPI catalogue and the KPI pages (formula, examples, calculator)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.model import entities as e
from generator.model.formula import FormulaError, parse_formula
from generator.model.types import currency_of
from generator.presentation.links import Link, anchor
from generator.render.context.site import Site
from generator.render.formula_html import formula_html, formula_text


@dataclass(frozen=True)
class KpiRow:
    """A KPI in the catalogue."""

    link: Link | None
    family: str
    formula: str
    unit: str
    direction: str
    owner: Link | None
    stages: tuple[Link, ...]


@dataclass(frozen=True)
class KpiIndex:
    title: str
    kpis: tuple[KpiRow, ...]


@dataclass(frozen=True)
class KpiInput:
    """An input of the formula and the calculator's field for it. ``derived``: the input's own
    formula (HTML), when it is computed from the others; ``list``: it takes several numbers."""

    id: str
    name: str
    unit: str
    derived: str
    derived_source: str
    field: str
    list: bool


@dataclass(frozen=True)
class KpiTarget:
    cadence: str
    text: str
    value: str


@dataclass(frozen=True)
class KpiExample:
    """A worked example: (input name, value) pairs and the result they give."""

    inputs: tuple[tuple[str, str], ...]
    expected: str
    explanation: str


@dataclass(frozen=True)
class KpiPage:
    """A KPI: definition, formula, targets, worked examples and the calculator's settings
    (``locale``, ``currency``, ``unit_code``, ``pattern``: how the browser formats the result)."""

    id: str
    title: str
    tags: tuple[str, ...]
    family: str
    definition: str
    formula_html: str
    formula: str
    inputs: tuple[KpiInput, ...]
    unit: str
    direction: str
    cadence: tuple[str, ...]
    owner: Link | None
    data_source: Link | None
    stages: tuple[Link, ...]
    targets: tuple[KpiTarget, ...]
    examples: tuple[KpiExample, ...]
    result_field: str
    locale: str
    currency: str
    unit_code: str
    pattern: str
    questions: tuple[Link, ...]
    onboarding: tuple[Link, ...]


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


def kpi_index(site: Site, source: str) -> KpiIndex:
    rows = []
    for kpi in site.handbook.kpis:
        names = _input_names(site, kpi)
        rows.append(
            KpiRow(
                link=site.link(source, "kpi", kpi.id),
                family=site.t(kpi.family),
                formula=formula_text(kpi.formula, _namer(site, names)),
                unit=site.unit_name(kpi.unit),
                direction=site.labels.get(f"direction.{kpi.direction}", kpi.direction),
                owner=site.link(source, "role", kpi.owner),
                stages=tuple(
                    site.links(source, "stage", (s.id for s in site.rel.stages_by_kpi.get(kpi.id, [])))
                ),
            )
        )
    return KpiIndex(site.label("title.kpis"), tuple(rows))


def kpi_page(site: Site, source: str, kpi: e.Kpi) -> KpiPage:
    names = _input_names(site, kpi)
    stages = site.rel.stages_by_kpi.get(kpi.id, [])
    owner = site.link(source, "role", kpi.owner)
    return KpiPage(
        id=kpi.id,
        title=site.t(kpi.name),
        tags=(*(site.t(s.name) for s in stages), *([owner.text] if owner else [])),
        family=site.t(kpi.family),
        definition=site.t(kpi.definition),
        formula_html=formula_html(kpi.formula, _namer(site, names)),
        formula=kpi.formula,
        inputs=_inputs(site, kpi, names),
        unit=site.unit_name(kpi.unit),
        direction=site.labels.get(f"direction.{kpi.direction}", kpi.direction),
        cadence=tuple(site.cadence(c) for c in kpi.cadence),
        owner=owner,
        data_source=site.link(source, "tool", kpi.data_source),
        stages=tuple(site.links(source, "stage", (s.id for s in stages))),
        targets=tuple(
            KpiTarget(
                site.cadence(t.cadence),
                site.t(t.text),
                site.quantity(t.value, kpi.unit) if t.value is not None else "",
            )
            for t in kpi.targets
        ),
        examples=tuple(
            KpiExample(
                inputs=tuple(
                    (names.get(k, k), _input_value(site, kpi, k, v)) for k, v in example.inputs.items()
                ),
                expected=site.quantity(example.expected, kpi.unit),
                explanation=site.t(example.explanation),
            )
            for example in kpi.examples
        ),
        result_field=anchor("calc", kpi.id, "result"),
        # The calculator formats its result with Intl.NumberFormat in the page's locale.
        locale=site.lang,
        currency=currency_of(kpi.unit) or "",
        unit_code=kpi.unit,
        pattern=site.labels.get(f"quantity.{kpi.unit}", "{n}"),
        questions=tuple(site.tested_by(source, f"kpi:{kpi.id}")),
        onboarding=tuple(site.path_items(source, f"kpi:{kpi.id}")),
    )


def _inputs(site: Site, kpi: e.Kpi, names: dict[str, str]) -> tuple[KpiInput, ...]:
    list_inputs = _list_inputs(kpi.formula)
    return tuple(
        KpiInput(
            id=i.id,
            name=names[i.id],
            unit=site.unit_name(i.unit),
            derived=formula_html(i.formula, _namer(site, names)) if i.formula else "",
            derived_source=i.formula or "",
            field=anchor("calc", kpi.id, i.id),
            list=i.id in list_inputs,
        )
        for i in kpi.inputs
    )


def _input_value(site: Site, kpi: e.Kpi, ident: str, value: float | list[float]) -> str:
    unit = next((i.unit for i in kpi.inputs if i.id == ident), "count")
    return site.quantity(value, unit)
