"""KPI formulas: parsed with :mod:`ast`, evaluated by our own walk (never ``eval``).

A formula is arithmetic over named inputs: numbers, names, ``+ - * /``, unary minus and
parentheses. Anything else (calls, attributes, powers, comparisons) is rejected.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass

_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_SYMBOLS = {ast.Add: "+", ast.Sub: "−", ast.Mult: "×", ast.Div: "÷"}
MAX_FORMULA_CHARS = 500


class FormulaError(ValueError):
    """The formula is not plain arithmetic over names, or cannot be evaluated."""


@dataclass(frozen=True)
class Formula:
    """A parsed formula and the input names it uses, in order of appearance."""

    source: str
    tree: ast.expr
    names: tuple[str, ...]

    def evaluate(self, values: Mapping[str, float]) -> float:
        return _evaluate(self.tree, values)


def parse_formula(source: str) -> Formula:
    """Parse ``source`` or raise :class:`FormulaError` saying what is not allowed."""
    if len(source) > MAX_FORMULA_CHARS:
        raise FormulaError(f"the formula is longer than {MAX_FORMULA_CHARS} characters")
    try:
        tree = ast.parse(source.strip(), mode="eval").body
    except SyntaxError as exc:
        raise FormulaError(f"the formula is not valid arithmetic ({exc.msg})") from None
    names: list[str] = []
    for node in ast.walk(tree):
        _check_node(node)
        if isinstance(node, ast.Name) and node.id not in names:
            names.append(node.id)
    return Formula(source, tree, tuple(names))


def _check_node(node: ast.AST) -> None:
    allowed = (ast.BinOp, ast.UnaryOp, ast.Name, ast.Constant, ast.Load, ast.USub, ast.UAdd)
    if isinstance(node, ast.operator) and type(node) in _BINARY:
        return
    if not isinstance(node, allowed):
        raise FormulaError(
            f"'{type(node).__name__}' is not allowed: use numbers, input names, + - * / and ()"
        )
    if isinstance(node, ast.Constant) and (
        isinstance(node.value, bool) or not isinstance(node.value, int | float)
    ):
        raise FormulaError(f"{node.value!r} is not a number")


def _evaluate(node: ast.expr, values: Mapping[str, float]) -> float:
    if isinstance(node, ast.Constant):
        return float(node.value)  # type: ignore[arg-type]  # numbers only, see _check_node
    if isinstance(node, ast.Name):
        if node.id not in values:
            raise FormulaError(f"no value for '{node.id}'")
        return float(values[node.id])
    if isinstance(node, ast.UnaryOp):
        operand = _evaluate(node.operand, values)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp):
        left, right = _evaluate(node.left, values), _evaluate(node.right, values)
        if isinstance(node.op, ast.Div) and right == 0:
            raise FormulaError("division by zero")
        return _BINARY[type(node.op)](left, right)
    raise FormulaError(f"'{type(node).__name__}' is not allowed")


def evaluate_with_derived(
    formula: Formula, given: Mapping[str, float], derived: Mapping[str, Formula]
) -> float:
    """Evaluate ``formula``, computing derived inputs that ``given`` leaves out.

    ``derived`` maps an input name to the formula that computes it from other inputs
    (e.g. order cost from product, sales and service cost).
    """
    values = dict(given)

    def resolve(name: str, seen: tuple[str, ...]) -> None:
        if name in values or name not in derived:
            return
        if name in seen:
            raise FormulaError(f"derived inputs refer to each other: {' → '.join((*seen, name))}")
        for inner in derived[name].names:
            resolve(inner, (*seen, name))
        values[name] = derived[name].evaluate(values)

    for name in formula.names:
        resolve(name, ())
    return formula.evaluate(values)


def render_formula(formula: Formula, label: Callable[[str], str] = str) -> str:
    """The formula written for people: × and ÷, names replaced by ``label(name)``."""

    def show(node: ast.expr, parent: int) -> str:
        if isinstance(node, ast.Name):
            return label(node.id)
        if isinstance(node, ast.Constant):
            value = float(node.value)  # type: ignore[arg-type]
            return str(int(value)) if value.is_integer() else str(node.value)
        if isinstance(node, ast.UnaryOp):
            return ("−" if isinstance(node.op, ast.USub) else "") + show(node.operand, 3)
        if isinstance(node, ast.BinOp):
            rank = 1 if isinstance(node.op, ast.Add | ast.Sub) else 2
            text = f"{show(node.left, rank)} {_SYMBOLS[type(node.op)]} {show(node.right, rank + 1)}"
            return f"({text})" if rank < parent else text
        return "?"

    return show(formula.tree, 0)
