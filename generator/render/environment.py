"""The Jinja environment the page templates run in.

``StrictUndefined``: a misspelt field fails the generation instead of leaving a blank.
Autoescape is on: whatever a template prints without the ``md`` filter is still
HTML-escaped, so forgetting the filter cannot open a hole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from generator.render.escape import md, page_title, script_text
from generator.render.links import Link

# Characters a generated URL may keep as they are; anything else is percent-encoded, so
# a page path cannot end the Markdown link early.
_URL_SAFE = "/#.-_~"

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["script_text"] = script_text
    env.filters["page_title"] = page_title
    env.filters["link"] = link
    env.filters["links"] = links
    return env


def link(value: Link) -> Markup:
    """``[text](url)``: the text escaped like all author text, the URL percent-encoded."""
    return Markup(f"[{md(value.text)}]({quote(value.url, safe=_URL_SAFE)})")


def links(values: Iterable[Link], empty: str = "") -> Markup:
    """Links separated by commas; ``empty`` (a label) when there are none."""
    joined = ", ".join(link(value) for value in values)
    return Markup(joined) if joined else escape(empty)


def label_tree(labels: Mapping[str, str]) -> SimpleNamespace:
    """``{"field.owner": "Owner"}`` as ``L.field.owner`` for templates.

    A namespace, not a dict, so a label called ``items`` cannot hide a dict method,
    and a missing label is an error under ``StrictUndefined``.
    """
    root: dict[str, Any] = {}
    for key, value in labels.items():
        *groups, name = key.split(".")
        node = root
        for group in groups:
            node = node.setdefault(group, {})
        node[name] = value
    return _namespace(root)


def _namespace(tree: dict[str, Any]) -> SimpleNamespace:
    return SimpleNamespace(
        **{key.replace("-", "_"): _namespace(v) if isinstance(v, dict) else v for key, v in tree.items()}
    )


def render(template: str, context: Mapping[str, Any], labels: SimpleNamespace) -> str:
    """One page's Markdown: ``template`` filled with ``context`` and the labels ``L``."""
    text = environment().get_template(template).render({**context, "L": labels})
    # One blank line between blocks is all Markdown needs; templates may leave more.
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip() or (lines and lines[-1].strip()):
            lines.append(line.rstrip() if not line.strip() else line)
    return "\n".join(lines).strip() + "\n"
