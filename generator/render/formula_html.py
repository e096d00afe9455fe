"""KPI formulas typeset as HTML: × and ÷ signs, a division as a stacked fraction.

No MathJax: the page stays light and works offline. The fraction is two spans that
``assets/handbook.css`` stacks; the plain reading from
:func:`generator.model.formula.render_formula` is the accessible name, so a screen
reader hears "Actual revenue ÷ Target revenue × 100".
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from markupsafe import Markup

from generator.model.formula import FormulaError, constant_text, parse_formula, render_formula
from generator.presentation.escape import md

_SIGNS = {ast.Add: "+", ast.Sub: "−", ast.Mult: "×"}


def formula_html(source: str, label: Callable[[str], str] = str) -> Markup:
    """``source`` as an inline HTML fragment; input names shown as ``label(name)``.

    A formula that does not parse (the checks report it) is shown as escaped text.
    """
    try:
        formula = parse_formula(source)
    except FormulaError:
        return Markup(f'<code class="formula">{md(source)}</code>')
    spoken = md(render_formula(formula, label))
    body = _node(formula.tree, label, 0)
    return Markup(f'<span class="formula" role="math" aria-label="{spoken}">{body}</span>')


def formula_text(source: str, label: Callable[[str], str] = str) -> str:
    """The formula on one line, for tables: ``a ÷ b × 100`` (unescaped)."""
    try:
        return render_formula(parse_formula(source), label)
    except FormulaError:
        return source


def _node(node: ast.expr, label: Callable[[str], str], parent: int) -> str:
    if isinstance(node, ast.Name):
        return f'<span class="formula-name">{md(label(node.id))}</span>'
    if isinstance(node, ast.Constant):
        return md(constant_text(node))
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else "?"
        args = ", ".join(_node(a, label, 0) for a in node.args)
        return f'<span class="formula-function">{md(label(name))}</span>({args})'
    if isinstance(node, ast.UnaryOp):
        sign = "−" if isinstance(node.op, ast.USub) else ""
        return sign + _node(node.operand, label, 3)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        # A stacked fraction groups its parts visually: no parentheses needed inside.
        top, bottom = _node(node.left, label, 0), _node(node.right, label, 0)
        return (
            '<span class="formula-fraction">'
            f'<span class="formula-numerator">{top}</span>'
            f'<span class="formula-denominator">{bottom}</span></span>'
        )
    if isinstance(node, ast.BinOp):
        rank = 1 if isinstance(node.op, ast.Add | ast.Sub) else 2
        sign = _SIGNS[type(node.op)]
        text = f"{_node(node.left, label, rank)} {sign} {_node(node.right, label, rank + 1)}"
        return f"({text})" if rank < parent else text
    return "?"
