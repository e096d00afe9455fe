"""The plan as one printable HTML page (template ``plan.html.j2``).

The page stands alone: inline CSS, no script, nothing loaded from elsewhere, so it can
be mailed or printed. Jinja's autoescape is on in the shared environment: every text,
the hire's name included, is HTML-escaped.
"""

from __future__ import annotations

from generator.export.assignment import Plan
from generator.presentation.environment import environment, label_tree

TEMPLATE = "plan.html.j2"


def to_html(plan: Plan) -> str:
    """``plan`` as a complete HTML document."""
    template = environment().get_template(TEMPLATE)
    return template.render(plan=plan, L=label_tree(plan.words))
