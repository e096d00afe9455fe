"""KPI formulas: parsed with :mod:`ast`, evaluated by our own walk (never ``eval``).

A formula is arithmetic over named inputs: numbers, names, ``+ - * /``, unary minus,
parentheses, and the functions ``mean``, ``sum``, ``min``, ``max`` and ``round``. An
input may hold a list of numbers (the sales cycles of the quarter's deals); a list can
only be given to a function, which reduces it to one number. Anything else (attributes,
powers, comparisons, other calls) is rejected with its position in the formula.
"""

from __future__ import annotations

import ast
import operator
import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_SYMBOLS = {ast.Add: "+", ast.Sub: "−", ast.Mult: "×", ast.Div: "÷"}
MAX_FORMULA_CHARS = 500

FUNCTIONS: dict[str, Callable[[list[float]], float]] = {
    "mean": statistics.fmean,
    "sum": lambda values: float(sum(values)),
    "min": min,
    "max": max,
}
"""Functions over one or more numbers or lists of numbers; ``round`` is apart (digits)."""
CALLABLE = (*FUNCTIONS, "round")

# How an author would name what Python calls an expression node.
_NOT_ALLOWED = {
    ast.Attribute: "'.' (an attribute)",
    ast.Subscript: "'[ ]' (an index)",
    ast.Compare: "a comparison",
    ast.BoolOp: "'and' / 'or'",
    ast.IfExp: "'if … else'",
    ast.Lambda: "'lambda'",
    ast.List: "'[ ]' (a list)",
    ast.Tuple: "a list of values outside a function",
    ast.Dict: "'{ }'",
    ast.Set: "'{ }'",
    ast.Starred: "'*'",
    ast.NamedExpr: "':='",
}
_OPERATORS = {ast.Pow: "'**'", ast.FloorDiv: "'//'", ast.Mod: "'%'", ast.MatMult: "'@'"}

Value = float | tuple[float, ...]
"""What an input holds: one number, or a list of numbers."""


class FormulaError(ValueError):
    """The formula is not arithmetic over names and the allowed functions, or cannot be evaluated."""


@dataclass(frozen=True)
class Formula:
    """A parsed formula and the input names it uses, in order of appearance."""

    source: str
    tree: ast.expr
    names: tuple[str, ...]

    def evaluate(self, values: Mapping[str, Value]) -> float:
        return _number(_evaluate(self.tree, values), self.tree)

    @property
    def list_names(self) -> tuple[str, ...]:
        """Inputs given whole to mean, sum, min or max: they may hold a list of numbers."""
        found = [
            arg.id
            for node in ast.walk(self.tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS
            for arg in node.args
            if isinstance(arg, ast.Name)
        ]
        return tuple(dict.fromkeys(found))


def parse_formula(source: str) -> Formula:
    """Parse ``source`` or raise :class:`FormulaError` saying what is not allowed, and where."""
    if len(source) > MAX_FORMULA_CHARS:
        raise FormulaError(f"the formula is longer than {MAX_FORMULA_CHARS} characters")
    text = source.strip()
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError as exc:
        at = f" at character {exc.offset}" if exc.offset else ""
        raise FormulaError(f"the formula is not valid arithmetic{at}") from None
    names: list[str] = []
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    for node in ast.walk(tree):
        _check_node(node)
        if isinstance(node, ast.Name) and id(node) not in called and node.id not in names:
            names.append(node.id)
    return Formula(source, tree, tuple(names))


def _at(node: ast.AST) -> str:
    column = getattr(node, "col_offset", None)
    return f" (at character {column + 1})" if isinstance(column, int) else ""


def _check_node(node: ast.AST) -> None:
    if isinstance(node, ast.Call):
        _check_call(node)
    elif isinstance(node, ast.BinOp) and type(node.op) not in _BINARY:
        shown = _OPERATORS.get(type(node.op), "this operator")
        raise FormulaError(f"{shown} is not allowed{_at(node)}: use + - * / and ( )")
    elif isinstance(node, ast.Constant) and (
        isinstance(node.value, bool) or not isinstance(node.value, int | float)
    ):
        raise FormulaError(f"{node.value!r} is not a number{_at(node)}")
    elif type(node) in _NOT_ALLOWED:
        raise FormulaError(
            f"{_NOT_ALLOWED[type(node)]} is not allowed in a formula{_at(node)}: "
            "use numbers, input names, + - * /, ( ) and mean, sum, min, max, round"
        )
    elif not isinstance(node, _ALLOWED):
        raise FormulaError(f"this is not allowed in a formula{_at(node)}")


_ALLOWED = (
    ast.BinOp,
    ast.UnaryOp,
    ast.Name,
    ast.Constant,
    ast.Load,
    ast.USub,
    ast.UAdd,
    ast.Call,
    *_BINARY,
)


def _check_call(node: ast.Call) -> None:
    name = node.func.id if isinstance(node.func, ast.Name) else ""
    if name not in CALLABLE or node.keywords:
        raise FormulaError(f"only {', '.join(CALLABLE[:-1])} and round can be called{_at(node)}")
    if not node.args:
        raise FormulaError(f"{name}() needs at least one value{_at(node)}")
    if name == "round" and (len(node.args) > 2 or not _whole_digits(node.args[1:])):
        raise FormulaError(
            f"round takes a value and, optionally, a whole number of decimals{_at(node)}: "
            "e.g. round(a / b, 1)"
        )


def _whole_digits(args: Sequence[ast.expr]) -> bool:
    return all(isinstance(a, ast.Constant) and type(a.value) is int and 0 <= a.value <= 10 for a in args)


def _number(value: Value, node: ast.AST) -> float:
    if isinstance(value, tuple):
        raise FormulaError(
            f"a list of numbers is used as one number{_at(node)}: give it to mean, sum, min or max"
        )
    return value


def _evaluate(node: ast.expr, values: Mapping[str, Value]) -> Value:
    if isinstance(node, ast.Constant):
        return float(node.value)  # type: ignore[arg-type]  # numbers only, see _check_node
    if isinstance(node, ast.Name):
        if node.id not in values:
            raise FormulaError(f"no value for '{node.id}'")
        found = values[node.id]
        return tuple(float(v) for v in found) if isinstance(found, tuple | list) else float(found)
    if isinstance(node, ast.Call):
        return _call(node, values)
    if isinstance(node, ast.UnaryOp):
        operand = _number(_evaluate(node.operand, values), node.operand)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp):
        left = _number(_evaluate(node.left, values), node.left)
        right = _number(_evaluate(node.right, values), node.right)
        if isinstance(node.op, ast.Div) and right == 0:
            raise FormulaError("division by zero")
        return _BINARY[type(node.op)](left, right)
    raise FormulaError(f"this is not allowed in a formula{_at(node)}")


def _call(node: ast.Call, values: Mapping[str, Value]) -> float:
    name = node.func.id if isinstance(node.func, ast.Name) else ""
    if name == "round":
        digits = int(node.args[1].value) if len(node.args) > 1 else 0  # type: ignore[attr-defined]
        return round(_number(_evaluate(node.args[0], values), node.args[0]), digits)
    numbers: list[float] = []
    for arg in node.args:
        found = _evaluate(arg, values)
        numbers.extend(found if isinstance(found, tuple) else (found,))
    if not numbers:
        raise FormulaError(f"{name}() was given an empty list{_at(node)}")
    return float(FUNCTIONS[name](numbers))


def evaluate_with_derived(
    formula: Formula, given: Mapping[str, Value], derived: Mapping[str, Formula]
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


def constant_text(node: ast.Constant) -> str:
    value = float(node.value)  # type: ignore[arg-type]  # numbers only, see _check_node
    return str(int(value)) if value.is_integer() else str(node.value)


def render_formula(formula: Formula, label: Callable[[str], str] = str) -> str:
    """The formula written for people: × and ÷, names (of inputs and functions) as ``label(name)``."""

    def show(node: ast.expr, parent: int) -> str:
        if isinstance(node, ast.Name):
            return label(node.id)
        if isinstance(node, ast.Constant):
            return constant_text(node)
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else "?"
            return f"{label(name)}({', '.join(show(a, 0) for a in node.args)})"
        if isinstance(node, ast.UnaryOp):
            return ("−" if isinstance(node.op, ast.USub) else "") + show(node.operand, 3)
        if isinstance(node, ast.BinOp):
            rank = 1 if isinstance(node.op, ast.Add | ast.Sub) else 2
            text = f"{show(node.left, rank)} {_SYMBOLS[type(node.op)]} {show(node.right, rank + 1)}"
            return f"({text})" if rank < parent else text
        return "?"

    return show(formula.tree, 0)
