"""The checklists as Markdown task lists, to paste into a GitHub or GitLab issue.

One section per checklist: a heading, its summary, then ``- [ ]`` lines. Texts go
through the same escaping as the onboarding plan's Markdown, so a text cannot open a
link, an image, raw HTML or a block of its own; ``@`` and ``#`` are written as HTML
entities, so a text mentions no one and links no issue when pasted.
"""

from __future__ import annotations

import re

from generator.export.checklist.rows import ChecklistBook, ChecklistRow, ChecklistSheet
from generator.export.plan.as_markdown import md as _md

# A ``#`` right after ``&`` opens an entity the escaping wrote (an author's ``&`` is
# ``&amp;`` by then); any other ``#`` is the author's.
_AUTHOR_HASH = re.compile(r"(?<!&)#")


def md(value: str) -> str:
    """``value`` as inert Markdown text for an issue tracker: ``@team #1`` → ``&#64;team &#35;1``."""
    return _AUTHOR_HASH.sub("&#35;", str(_md(value)).replace("@", "&#64;"))


def to_markdown(book: ChecklistBook) -> str:
    """Every checklist, one ``##`` section each."""
    lines: list[str] = []
    for sheet in book.checklists:
        if lines:
            lines.append("")
        lines += _section(book, sheet)
    return "\n".join(lines) + "\n"


def _section(book: ChecklistBook, sheet: ChecklistSheet) -> list[str]:
    colon = book.words["colon"]
    lines = [f"## {md(sheet.title)}", ""]
    if sheet.stage:
        lines += [f"**{md(book.words['field.stage'])}{colon}** {md(sheet.stage)}", ""]
    if sheet.summary:
        lines += [md(sheet.summary), ""]
    # A stage's checklist counts days from when the deal entered the stage (as its page says).
    day_key = "day_in_stage" if sheet.stage else "day_n"
    return lines + [_task(book, row, day_key) for row in sheet.rows]


def _task(book: ChecklistBook, row: ChecklistRow, day_key: str) -> str:
    colon = book.words["colon"]
    parts = [md(row.text), f"{md(book.words['field.owner'])}{colon} {md(row.owner)}"]
    if row.day is not None:
        parts.append(md(book.words[day_key].replace("{n}", str(row.day))))
    if row.source:
        parts.append(f"{md(book.words['field.from'])} {md(row.source)}")
    return "- [ ] " + " · ".join(parts)
