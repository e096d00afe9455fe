"""The checklists as an Excel workbook (.xlsx): one sheet, a header row, one row per item.

Written by hand as a minimal Office Open XML package rather than with a library: one
sheet of inline strings and numbers is five small XML parts in a zip, and a library
(openpyxl and its dependency) would become a runtime dependency of every install for
this one export. The tests read the file back with openpyxl, a reader we did not write.

Text cells are defused like the CSV's (a leading ``'`` before ``= + - @``, tab or CR):
a cell holds no formula here, but it would become one once the sheet is saved as CSV
or the cell is edited. The file is the same byte for byte on every run.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

from generator.export.checklist.rows import COLUMNS, ChecklistBook
from generator.export.plan.as_csv import defuse
from generator.export.xmltext import xml_chars

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CELL_MAX = 32767  # Excel refuses longer cells
EPOCH = (1980, 1, 1, 0, 0, 0)
WIDTHS = {"checklist": 22, "checklist_title": 30, "stage": 24, "item": 20, "text": 60, "owner": 18, "day": 6}
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def to_xlsx(book: ChecklistBook) -> bytes:
    """The workbook as zip bytes."""
    rows: list[tuple[str | int, ...]] = [COLUMNS, *book.table()]
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": workbook(sheet_name(book.words["title.checklists"])),
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/styles.xml": STYLES,
        "xl/worksheets/sheet1.xml": worksheet(rows),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def sheet_name(label: str) -> str:
    """A name Excel accepts for a sheet: at most 31 characters, none of ``[]:*?/\\``."""
    return _SHEET_NAME_BAD.sub(" ", xml_chars(label)).strip()[:31] or "Sheet1"


def column(n: int) -> str:
    """The letters of column ``n`` (0-based): 0 → ``A``, 25 → ``Z``, 26 → ``AA``."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell(ref: str, value: str | int, style: int = 0) -> str:
    """One cell: a number as a number, anything else as an inline string, defused."""
    s = f' s="{style}"' if style else ""
    if isinstance(value, int):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    text = defuse(xml_chars(value))[:CELL_MAX]
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def worksheet(rows: list[tuple[str | int, ...]]) -> str:
    """The sheet: header in bold and frozen, an auto-filter over every row."""
    lines = []
    for r, values in enumerate(rows, 1):
        style = 1 if r == 1 else 0
        cells = "".join(cell(f"{column(c)}{r}", value, style) for c, value in enumerate(values))
        lines.append(f'<row r="{r}">{cells}</row>')
    last = f"{column(len(COLUMNS) - 1)}{len(rows)}"
    cols = "".join(
        f'<col min="{n}" max="{n}" width="{WIDTHS.get(name, 30)}" customWidth="1"/>'
        for n, name in enumerate(COLUMNS, 1)
    )
    return (
        f'{XML_HEAD}<worksheet xmlns="{MAIN}">'
        f'<dimension ref="A1:{last}"/>'
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        "</sheetView></sheetViews>"
        f"<cols>{cols}</cols>"
        f"<sheetData>{''.join(lines)}</sheetData>"
        f'<autoFilter ref="A1:{last}"/>'
        "</worksheet>"
    )


def workbook(name: str) -> str:
    return (
        f'{XML_HEAD}<workbook xmlns="{MAIN}" xmlns:r="{REL}">'
        f'<sheets><sheet name={quoteattr(name)} sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>"
    )


CONTENT_TYPES = (
    f"{XML_HEAD}"
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'{XML_HEAD}<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK_RELS = (
    f'{XML_HEAD}<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# Style 0 is the default; style 1 is bold (the header row).
STYLES = (
    f'{XML_HEAD}<styleSheet xmlns="{MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
