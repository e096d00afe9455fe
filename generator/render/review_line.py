"""Put the owner-and-review line under the title of each page, generated or hand-written.

Hand-written guides are Markdown the editors write, so the line cannot come from a
template there; one insertion for both kinds keeps the line in the same place on every page.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from generator.presentation.environment import render
from generator.render.context.freshness import PageReview

_FRONT_MATTER = re.compile(r"\A---\r?\n(?:.*?\r?\n)?---\r?\n", re.S)
_TITLE = re.compile(r"^# .*$", re.M)


def review_block(review: PageReview, labels: SimpleNamespace) -> str:
    return render("review_line.md.j2", {"review": review}, labels)


def insert_review(markdown: str, block: str) -> str:
    """``markdown`` with ``block`` after its title (or at the top of its body when it has none)."""
    front = _FRONT_MATTER.match(markdown)
    start = front.end() if front else 0
    title = _TITLE.search(markdown, start)
    at = title.end() + 1 if title else start
    return f"{markdown[:at]}\n{block.rstrip()}\n{markdown[at:]}"
