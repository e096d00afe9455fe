"""``handbook export print``: self-contained printable HTML, printed to PDF in headless Chromium.

The PDF is read back with pypdf: it must have pages and hold the handbook's texts.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import markupsafe
import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from generator.export.printpack import export_print
from generator.export.quiz.bank import ExportError, one_line
from generator.model.handbook import Handbook
from generator.validate import validate
from tests.conftest import REPO, Workspace
from tests.export_support import handbook_cli

ROLE = "sales-representative"


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    result = validate(REPO)
    assert result.ok
    return result.handbook


# Chromium's CJK font draws some ideographs (户, 门) with the glyph of a look-alike radical
# (U+2E80–U+2FDF), and the PDF's text then gives the radical: such a character stands
# for "some ideograph" when the text is compared.
_RADICAL = re.compile("[\u2e80-\u2fdf]")
_ANY = "\u25c6"
_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def print_to_pdf(browser: Browser, html: bytes, tmp: Path) -> tuple[str, int, list[str]]:
    """The PDF's text (see :func:`flat`), its page count and the URLs the page requested."""
    page_file = tmp / "pack.html"
    page_file.write_bytes(html)
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(page_file.as_uri())
    pdf = page.pdf(format="A4")
    page.close()
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(p.extract_text() for p in reader.pages)
    return flat(_RADICAL.sub(_ANY, text)), len(reader.pages), requested


def flat(text: str) -> str:
    """A text as the PDF gives it back: ligatures folded (NFKC), no spaces (lines break anywhere)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def printed(text: str, body: str) -> bool:
    """Whether ``text`` is in the PDF's ``body``, any ideograph matching a radical look-alike."""
    pattern = "".join(
        f"[{re.escape(ch)}{_ANY}]" if _IDEOGRAPH.match(ch) else re.escape(ch) for ch in flat(text)
    )
    return re.search(pattern, body) is not None


def escaped(text: str) -> str:
    """``text`` as the page's template writes it (Jinja's autoescape)."""
    return str(markupsafe.escape(text))


def assert_self_contained(html: str) -> None:
    assert "<script" not in html.lower()
    assert not re.search(r"\s(src|srcset|action)=", html)
    assert re.findall(r'href="([^"]*)"', html) and all(
        h.startswith("#") for h in re.findall(r'href="([^"]*)"', html)
    )
    assert "@import" not in html and "url(" not in html


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_whole_handbook_prints(browser: Browser, handbook: Handbook, lang: str, tmp_path: Path) -> None:
    html = export_print(handbook, lang)
    assert_self_contained(html.decode("utf-8"))
    text, pages, requested = print_to_pdf(browser, html, tmp_path)
    assert pages >= 10
    assert requested == [(tmp_path / "pack.html").as_uri()], "the page loads nothing else"
    expected = [
        *(one_line(stage.name, lang) for stage in handbook.stages),
        *(one_line(role.name, lang) for role in handbook.roles),
        *(one_line(kpi.name, lang) for kpi in handbook.kpis),
        one_line(handbook.scripts[0].title, lang),
        one_line(handbook.checklists[-1].title, lang),
        one_line(handbook.onboarding_paths[0].title, lang),
        one_line(handbook.quizzes[-1].title, lang),
        "Answer key" if lang == "en" else "答案",
    ]
    for wanted in expected:
        assert printed(wanted, text), wanted


def test_quiz_answers_only_in_the_key(handbook: Handbook) -> None:
    page = export_print(handbook, "en").decode("utf-8")
    questions = page.split('id="quizzes"')[1].split('id="answers"')[0]
    key = page.split('id="answers"')[1]
    for _, question in handbook.questions:
        explanation = escaped(one_line(question.explanation, "en"))
        assert explanation not in questions and explanation in key, question.id


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_answer_key_names_options_by_their_text(handbook: Handbook, lang: str) -> None:
    key = export_print(handbook, lang).decode("utf-8").split('id="answers"')[1]
    assert not re.search(r"(^|[>\s；;])[a-z]\) ", key)
    for _, question in handbook.questions:
        for option in question.options:
            if option.correct:
                assert escaped(one_line(option.text, lang)) in key, (question.id, option.id)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_role_pack_prints(browser: Browser, handbook: Handbook, lang: str, tmp_path: Path) -> None:
    html = export_print(handbook, lang, ROLE)
    assert_self_contained(html.decode("utf-8"))
    text, pages, _ = print_to_pdf(browser, html, tmp_path)
    assert pages >= 2
    [path] = [p for p in handbook.onboarding_paths if p.role == ROLE]
    owned = [i for c in handbook.checklists for i in c.items if i.owner == ROLE]
    others = [i for c in handbook.checklists for i in c.items if i.owner != ROLE]
    steps = {step.id for _, step in handbook.steps if step.owner == ROLE}
    scripts = [s for s in handbook.scripts if s.step in steps]
    assert owned and others and scripts
    assert printed(one_line(path.title, lang), text)
    assert all(printed(one_line(i.text, lang), text) for i in owned)
    assert all(printed(one_line(s.title, lang), text) for s in scripts)
    # What must be missing is looked for in the page: in the PDF's text a radical
    # look-alike stands for any ideograph, too loose to prove an absence.
    page = html.decode("utf-8")
    assert 'id="answers"' not in page and 'id="stages"' not in page
    assert not any(escaped(one_line(i.text, lang)) in page for i in others)
    assert not any(
        escaped(one_line(p.title, lang)) in page for p in handbook.onboarding_paths if p.role != ROLE
    )


def test_texts_are_escaped(workspace_handbook: Handbook) -> None:
    html = export_print(workspace_handbook, "en").decode("utf-8")
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html


@pytest.fixture
def workspace_handbook(workspace: Workspace) -> Handbook:
    workspace.replace(
        "process/people.yaml", "name: {en: Seller, zh: 销售员}", "name: {en: '<b>bold</b>', zh: 销售员}"
    )
    result = validate(workspace.root)
    assert result.ok
    return result.handbook


def test_unknown_role_lists_the_roles(handbook: Handbook) -> None:
    with pytest.raises(ExportError, match=r"did you mean 'sales-representative'.*sales-manager"):
        export_print(handbook, "en", "sales-represntative")


def test_export_print_command(tmp_path: Path) -> None:
    out = tmp_path / "pack.html"
    result = handbook_cli("export", "print", "--lang", "zh", "--role", "sales-manager", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    unknown = handbook_cli("export", "print", "--role", "ceo")
    assert unknown.returncode == 2 and b"there is no role 'ceo'" in unknown.stderr
