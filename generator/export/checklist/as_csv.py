"""The checklists as CSV: a header of fixed column ids, then one row per item.

Cells that a spreadsheet would run as a formula are defused the same way as the
onboarding plan's CSV (:func:`generator.export.plan.as_csv.defuse`).
"""

from __future__ import annotations

import csv
import io

from generator.export.checklist.rows import COLUMNS, ChecklistBook
from generator.export.plan.as_csv import defuse


def to_csv(book: ChecklistBook) -> str:
    """CRLF line endings (RFC 4180), no byte order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in book.table():
        writer.writerow([defuse(str(cell)) for cell in row])
    return buffer.getvalue()
