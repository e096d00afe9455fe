"""KPI formulas: safe parsing, evaluation with derived inputs, and display."""

from __future__ import annotations

import pytest

from generator.model.formula import FormulaError, evaluate_with_derived, parse_formula, render_formula


def test_evaluates_arithmetic_over_names() -> None:
    formula = parse_formula("actual_revenue / target_revenue * 100")
    assert formula.names == ("actual_revenue", "target_revenue")
    assert formula.evaluate({"actual_revenue": 120_000, "target_revenue": 100_000}) == pytest.approx(120)


def test_derived_inputs_are_computed_when_left_out() -> None:
    rate = parse_formula("order_cost / sales_revenue * 100")
    derived = {"order_cost": parse_formula("product_cost + sales_cost + service_cost")}
    given = {"product_cost": 60, "sales_cost": 25, "service_cost": 15, "sales_revenue": 200}
    assert evaluate_with_derived(rate, given, derived) == pytest.approx(50)
    assert evaluate_with_derived(rate, {"order_cost": 100, "sales_revenue": 200}, derived) == pytest.approx(
        50
    )


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os').system('true')",
        "a ** 2",
        "a.b",
        "f(a)",
        "mean(a, key=b)",
        "round(a, b)",
        "mean()",
        "a if b else c",
        "[a]",
        "a // b",
        "a < b",
        "'text'",
        "True + 1",
        "lambda: 1",
        "a" * 600,
    ],
)
def test_anything_but_arithmetic_is_refused(source: str) -> None:
    with pytest.raises(FormulaError):
        parse_formula(source)


def test_division_by_zero_and_missing_values_are_errors_not_crashes() -> None:
    formula = parse_formula("a / b")
    with pytest.raises(FormulaError, match="division by zero"):
        formula.evaluate({"a": 1, "b": 0})
    with pytest.raises(FormulaError, match="no value for 'b'"):
        formula.evaluate({"a": 1})


def test_derived_inputs_that_refer_to_each_other_are_reported() -> None:
    derived = {"a": parse_formula("b + 1"), "b": parse_formula("a + 1")}
    with pytest.raises(FormulaError, match="refer to each other"):
        evaluate_with_derived(parse_formula("a * 2"), {}, derived)


def test_rendering_uses_symbols_and_keeps_needed_parentheses() -> None:
    formula = parse_formula("(product_cost + sales_cost) / revenue * 100")
    assert render_formula(formula) == "(product_cost + sales_cost) ÷ revenue × 100"
    assert render_formula(parse_formula("a - (b - c)")) == "a − (b − c)"
    assert render_formula(parse_formula("a / b"), label=str.upper) == "A ÷ B"


def test_mean_sum_min_max_reduce_lists_and_numbers() -> None:
    cycles = {"cycle_days": (40.0, 50.0, 60.0), "extra": 90.0}
    assert parse_formula("mean(cycle_days)").evaluate(cycles) == pytest.approx(50)
    assert parse_formula("sum(cycle_days, extra)").evaluate(cycles) == pytest.approx(240)
    assert parse_formula("min(cycle_days)").evaluate(cycles) == pytest.approx(40)
    assert parse_formula("max(cycle_days) - min(cycle_days)").evaluate(cycles) == pytest.approx(20)
    assert parse_formula("round(extra / 7, 1)").evaluate(cycles) == pytest.approx(12.9)
    assert parse_formula("mean(cycle_days)").names == ("cycle_days",)


def test_a_list_used_as_one_number_is_an_error_that_says_so() -> None:
    with pytest.raises(FormulaError, match="give it to mean, sum, min or max"):
        parse_formula("cycle_days / 2").evaluate({"cycle_days": (1.0, 2.0)})


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("sqrt(a)", "only mean, sum, min, max and round can be called (at character 1)"),
        ("a + b ** 2", "'**' is not allowed (at character 5)"),
        ("a + b.c", "'.' (an attribute) is not allowed in a formula (at character 5)"),
        ("a // b", "'//' is not allowed"),
    ],
)
def test_errors_speak_of_formulas_with_a_position(source: str, message: str) -> None:
    with pytest.raises(FormulaError) as caught:
        parse_formula(source)
    assert message in str(caught.value)
    assert "Call" not in str(caught.value) and "Attribute" not in str(caught.value)


def test_functions_are_shown_in_the_readers_words() -> None:
    words = {"mean": "平均值", "a": "天数"}
    assert render_formula(parse_formula("mean(a) * 100"), label=words.__getitem__) == "平均值(天数) × 100"
