"""The plan as CSV: one row per item, for a spreadsheet or a script.

The header names are fixed (not translated) so scripts can rely on them; the cells are
in the plan's language. A cell that a spreadsheet would run as a formula is defused.
"""

from __future__ import annotations

import csv
import io

from generator.export.assignment import Plan

COLUMNS = (
    "hire",
    "milestone",
    "day",
    "due_date",
    "item_id",
    "kind",
    "title",
    "owner",
    "link",
    "prerequisites",
)
# What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv(plan: Plan) -> str:
    """The header and one row per item; CRLF line endings, no byte order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for milestone, item in plan.items():
        row = (
            plan.hire,
            milestone.title,
            str(item.day),
            item.due.isoformat(),
            item.id,
            item.kind,
            item.title,
            item.owner,
            item.url,
            " ".join(p.id for p in item.prerequisites),
        )
        writer.writerow([defuse(cell) for cell in row])
    return buffer.getvalue()


def defuse(cell: str) -> str:
    """``cell`` with a leading quote if a spreadsheet would otherwise run it as a formula.

    Passes unchanged: ``Li Wei``, ``2026-12-07``. Defused: ``=HYPERLINK("x")`` becomes
    ``'=HYPERLINK("x")``.
    """
    return f"'{cell}" if cell.startswith(FORMULA_START) else cell
