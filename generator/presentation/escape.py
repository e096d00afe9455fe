"""The one way author text reaches a page: escaped for HTML and defused for Markdown.

Every YAML text is untrusted. Pages are Markdown that may hold raw HTML, so a text must
not be able to open a tag, add an attribute, start a block (heading, list, fence, tab,
admonition), break a table row, or become a link to a ``javascript:``/``data:`` URL.
Templates apply :func:`md` (the ``md`` Jinja filter) to every text; nothing else marks
author text safe. The result is HTML-escaped, so it is also valid inside an attribute
value, a YAML string that Material prints unescaped (site name, tags), or a heading.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

from markupsafe import Markup

# Characters that would let a text reach into the page's Markdown around it: braces
# (attr_list `{: onclick=…}`), pipes (table cells), backslashes and backticks (escapes
# and code spans that could swallow the template's own syntax).
_ENTITIES = str.maketrans({"{": "&#123;", "}": "&#125;", "|": "&#124;", "\\": "&#92;", "`": "&#96;"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")
# Han characters, CJK punctuation and full-width forms: a line break between two of them
# (YAML folds lines with a space) is no word gap in Chinese.
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_GAP = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
_LINK_URL = re.compile(r"\]\s*\((?P<url>[^)]*)")
_SCHEME = re.compile(r"^(?:&lt;)?(?P<scheme>[a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# What may not open a text: headings, list markers, rules, tabs (===), fences (~~~),
# admonitions (!!!), details (???), definition lists, ordered lists, link definitions.
_BLOCK_START = re.compile(r"^(?:[#*+\-=_~?:]|!!|\d+[.)](?=\s|$)|\[[^\]]*\]:)")
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def md(value: object) -> Markup:
    """``value`` as one line of inert Markdown text: no HTML, no blocks, no unsafe links.

    A :class:`~markupsafe.Markup` value is escaped like any other: nothing is trusted.
    """
    return _md(str.__str__(value) if isinstance(value, str) else str(value))


@lru_cache(maxsize=65536)
def _md(text: str) -> Markup:
    # Cached: names of roles, stages and steps are printed thousands of times.
    return Markup(_guard_start(_escape_inline(_normalise(text))))


def page_title(value: object) -> Markup:
    """A page title, escaped like :func:`md`, with ``<`` and ``>`` replaced by ``‹ ›``.

    Themes print the title into ``<title>`` through Jinja's ``striptags``, which decodes
    entities once: an escaped ``&lt;/title&gt;`` would come back as a real closing tag.
    With no angle brackets left, decoding cannot make one.
    """
    text = _normalise(str(value).replace("<", "‹").replace(">", "›"))
    return Markup(_escape_inline(text))  # front matter, not Markdown: no block can start


def script_text(value: object, placeholders: Iterable[str] = ()) -> Markup:
    """A script's text, escaped like :func:`md`, with its ``{name}`` placeholders as code.

    Only declared placeholder names are shown as code; any other braces stay text.
    """
    declared = set(placeholders)
    parts = _PLACEHOLDER.split(_normalise(str(value)))
    out = []
    for i, part in enumerate(parts):
        if i % 2 and part in declared:
            out.append(f"`{{{part}}}`")
        else:
            out.append(_escape_inline("{" + part + "}" if i % 2 else part))
    return Markup(_guard_start(_neutralise_links("".join(out))))


def _normalise(text: str) -> str:
    # Control characters are dropped (browsers ignore some inside URLs), and all
    # whitespace runs become one space: a text can then never start a line of its own.
    return _CJK_GAP.sub("", " ".join(_CONTROL.sub("", text).split()))


def _escape_inline(text: str) -> str:
    return _neutralise_links(html.escape(text, quote=True).translate(_ENTITIES))


def _neutralise_links(text: str) -> str:
    """Break ``[text](url)`` where the URL has a scheme other than http(s), mailto or tel.

    Images (``![alt](url)``) are broken too: a handbook page loads nothing from outside.
    """

    def fix(match: re.Match[str]) -> str:
        url = "".join(match["url"].split())
        scheme = _SCHEME.match(url)
        if scheme and scheme["scheme"].lower() not in _SAFE_SCHEMES:
            return "&#93;(" + match["url"]
        return match[0]

    return _LINK_URL.sub(fix, text.replace("![", "!&#91;"))


def _guard_start(text: str) -> str:
    """Turn a first character that could open a Markdown block into an entity."""
    match = _BLOCK_START.match(text)
    if not match:
        return text
    end = match.end()
    return text[: end - 1] + f"&#{ord(text[end - 1])};" + text[end:]
