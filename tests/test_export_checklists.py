"""``handbook export checklists``: CSV and XLSX read back by other readers, Markdown task lists.

The XLSX is written by our own code and read with openpyxl; the Markdown is rendered
with Python-Markdown and pymdownx.tasklist, as a stand-in for an issue tracker.
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import markdown
import openpyxl
import pytest

from generator.export.checklist import export_checklists
from generator.export.checklist.as_xlsx import column, sheet_name
from generator.export.checklist.rows import COLUMNS
from generator.export.quiz.bank import one_line
from generator.model.handbook import Handbook
from generator.validate import validate
from tests.conftest import REPO, Workspace
from tests.export_support import handbook_cli

# Texts a spreadsheet would run as formulas, and what each becomes.
FORMULAS = {
    '=HYPERLINK("http://x.example","click")': '\'=HYPERLINK("http://x.example","click")',
    "+1+1": "'+1+1",
    "-2+3": "'-2+3",
    "@SUM(A1)": "'@SUM(A1)",
}


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    result = validate(REPO)
    assert result.ok
    return result.handbook


def expected_rows(handbook: Handbook, lang: str) -> list[list[str]]:
    """Checklist id, item id, text and day of every item, straight from the model."""
    return [
        [checklist.id, item.id, one_line(item.text, lang), str(item.day)]
        for checklist in handbook.checklists
        for item in checklist.items
    ]


def formula_workspace(workspace: Workspace) -> Handbook:
    items = "\n".join(
        f"      - id: formula-{n}\n        text: {{en: '{text}', zh: '{text}'}}\n        owner: seller\n"
        "        day: 3\n        step: find-customers"
        for n, text in enumerate(FORMULAS)
    )
    workspace.replace(
        "process/stage.yaml",
        "        step: find-customers\n",
        "        step: find-customers\n" + items + "\n",
    )
    result = validate(workspace.root)
    assert result.ok, [str(d) for d in result.diagnostics.sorted()]
    return result.handbook


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def read_xlsx(data: bytes, tmp: Path) -> openpyxl.Workbook:
    path = tmp / "checklists.xlsx"
    path.write_bytes(data)
    return openpyxl.load_workbook(path)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_csv_has_one_row_per_item(handbook: Handbook, lang: str) -> None:
    data = export_checklists(handbook, "csv", lang)
    assert data.count(b"\r\n") == len(read_csv(data))
    header, *rows = read_csv(data)
    assert tuple(header) == COLUMNS
    at = [COLUMNS.index(name) for name in ("checklist", "item", "text", "day")]
    assert [[row[i] for i in at] for row in rows] == expected_rows(handbook, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_xlsx_reads_back_with_openpyxl(handbook: Handbook, lang: str, tmp_path: Path) -> None:
    book = read_xlsx(export_checklists(handbook, "xlsx", lang), tmp_path)
    [sheet] = book.worksheets
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert tuple(rows[0]) == COLUMNS
    assert rows[1:] == [
        [int(cell) if name == "day" else cell for name, cell in zip(COLUMNS, row, strict=True)]
        for row in read_csv(export_checklists(handbook, "csv", lang))[1:]
    ]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:H{len(rows)}"
    assert all(isinstance(row[COLUMNS.index("day")], int) for row in rows[1:])


def test_spreadsheet_cells_cannot_inject_formulas(workspace: Workspace, tmp_path: Path) -> None:
    handbook = formula_workspace(workspace)
    text = COLUMNS.index("text")
    csv_texts = [row[text] for row in read_csv(export_checklists(handbook, "csv", "en"))[1:]]
    book = read_xlsx(export_checklists(handbook, "xlsx", "en"), tmp_path)
    cells = [row[text] for row in book.active.iter_rows(min_row=2)]
    for written, defused in FORMULAS.items():
        assert defused in csv_texts, written
        [cell] = [c for c in cells if c.value == defused]
        assert cell.data_type == "s"  # a string, not a formula ("f")
    assert not any(c.data_type == "f" for row in book.active.iter_rows() for c in row)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_is_one_task_list_per_checklist(handbook: Handbook, lang: str) -> None:
    text = export_checklists(handbook, "md", lang).decode("utf-8")
    assert text.count("\n## ") + text.startswith("## ") == len(handbook.checklists)
    tasks = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(tasks) == sum(len(c.items) for c in handbook.checklists)
    rendered = markdown.markdown(text, extensions=["pymdownx.tasklist"])
    assert rendered.count('type="checkbox"') == len(tasks)
    assert rendered.count("<h2>") == len(handbook.checklists)


def test_markdown_texts_stay_text(workspace: Workspace) -> None:
    workspace.replace(
        "process/stage.yaml",
        "text: {en: The list is ready., zh: 名单已准备好。}",
        "text: {en: '@team see #12 <script>x</script> [a](javascript:alert(1)) {: onclick=x}', zh: 名单}",
    )
    result = validate(workspace.root)
    assert result.ok
    text = export_checklists(result.handbook, "md", "en").decode("utf-8")
    rendered = markdown.markdown(text, extensions=["pymdownx.tasklist", "attr_list"])
    assert "<script" not in rendered and "<a " not in rendered
    assert not re.search(r"<[^>]*\sonclick", rendered), "attr_list added an attribute"
    assert "&lt;script&gt;" in rendered
    # No mention and no issue link once pasted, yet the reader sees the same characters.
    assert "&#64;team see &#35;12" in text
    assert "@team see #12" in html.unescape(re.sub(r"<[^>]+>", "", rendered))


def test_xlsx_helpers() -> None:
    assert [column(n) for n in (0, 7, 25, 26, 701, 702)] == ["A", "H", "Z", "AA", "ZZ", "AAA"]
    assert sheet_name("Checklists: a/b [c]") == "Checklists  a b  c"
    assert len(sheet_name("x" * 40)) == 31


def test_export_checklists_command(tmp_path: Path) -> None:
    out = tmp_path / "checklists.xlsx"
    result = handbook_cli("export", "checklists", "--format", "xlsx", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert openpyxl.load_workbook(out).active.max_row > 1
    md = handbook_cli("export", "checklists", "--format", "md", "--lang", "zh")
    assert md.returncode == 0 and md.stdout.decode("utf-8").startswith("## ")
    role = handbook_cli("export", "checklists", "--format", "csv", "--role", "sales-manager")
    assert role.returncode == 2 and b"--role is for print packs" in role.stderr
