"""The Jinja environment the page templates run in.

``StrictUndefined``: a misspelt field fails the generation instead of leaving a blank.
Autoescape is on: whatever a template prints without the ``md`` filter is still
HTML-escaped, so forgetting the filter cannot open a hole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields
from functools import cache, lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TypeAlias
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from generator.presentation.escape import md, page_title, script_text
from generator.presentation.links import Link

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    # What a template receives: a frozen dataclass per kind of page, or a mapping for a partial.
    PageView: TypeAlias = DataclassInstance | Mapping[str, Any]

# Characters a generated URL may keep as they are; anything else is percent-encoded, so
# a page path cannot end the Markdown link early.
_URL_SAFE = "/#.-_~"

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Compiled templates are kept (in the system's temporary folder, keyed by each
        # template's checksum): compiling them is most of a small handbook's generation.
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
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
    return _link(value.text, value.url)


@lru_cache(maxsize=65536)
def _link(text: str, url: str) -> Markup:
    # Cached: pages of one folder link to the same entities with the same words.
    return Markup(f"[{md(text)}]({_url(url)})")


@lru_cache(maxsize=65536)
def _url(url: str) -> str:
    # Cached: a page links to the same few pages and anchors many times.
    return quote(url, safe=_URL_SAFE)


def links(values: Iterable[Link], separator: str, empty: str = "") -> Markup:
    """Links separated as the page's language lists things (``L.list_sep``: ``, `` or ``、``);
    ``empty`` (a label) when there are none."""
    joined = escape(separator).join(link(value) for value in values)
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


def render(template: str, context: PageView, labels: SimpleNamespace) -> str:
    """One page's Markdown: ``template`` filled with ``context``'s fields and the labels ``L``."""
    text = environment().get_template(template).render({**_fields(context), "L": labels})
    # One blank line between blocks is all Markdown needs; templates may leave more.
    lines: list[str] = []
    blank = True  # the line before was blank (or there was none): a blank line is dropped
    for line in text.splitlines():
        if line.strip():
            lines.append(line)
            blank = False
        elif not blank:
            lines.append("")
            blank = True
    return "\n".join(lines).strip() + "\n"


def _fields(context: PageView) -> dict[str, Any]:
    """A page view's fields by name (not :func:`dataclasses.asdict`: nested views stay objects,
    which templates read the same way, and nothing is copied)."""
    if isinstance(context, Mapping):
        return dict(context)
    return {f.name: getattr(context, f.name) for f in fields(context)}
