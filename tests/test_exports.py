"""``handbook export quizzes``: Moodle XML, GIFT and QTI 2.1, each read back by a tool we did not write.

GIFT is parsed by the npm package gift-pegjs, QTI items, tests and manifest are
validated with lxml against the official IMS schemas, Moodle XML is parsed with lxml
and compared question by question with what gift-pegjs read from the GIFT export.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from generator.export.quiz import export_quizzes
from generator.export.quiz.bank import ExportError, one_line, question_bank
from generator.export.quiz.order import delivery_order, in_delivery_order
from generator.export.quiz.weights import MOODLE_FRACTIONS, choice_fractions, correct_shares, wrong_share
from generator.model import entities as e
from generator.model.handbook import Handbook
from generator.validate import validate
from tests.conftest import REPO, Workspace
from tests.export_support import handbook_cli, moodle_questions, parse_gift, qti_schema, zip_members

QTI_NS = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1", "cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}
GIFT_TYPE = {"single": "MC", "multiple": "MC", "true-false": "TF", "numeric": "Numerical"}
MOODLE_TYPE = {
    "single": "multichoice",
    "multiple": "multichoice",
    "true-false": "truefalse",
    "numeric": "numerical",
}
# Every character that means something in GIFT, XML, HTML or a CDATA section.
NASTY = "Tricky ~ = # { } : \\ < > & \" ' ]]> %50% 100% end"


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    result = validate(REPO)
    assert result.ok
    return result.handbook


def questions_of(handbook: Handbook) -> list[tuple[e.Quiz, e.Question]]:
    return handbook.questions


def gift_of(handbook: Handbook, lang: str, tmp: Path) -> list[dict[str, Any]]:
    path = tmp / f"quizzes.{lang}.gift"
    path.write_bytes(export_quizzes(handbook, "gift", lang))
    return parse_gift(path)


def gift_text(node: dict[str, Any] | None) -> str:
    return html.unescape(node["text"]) if node else ""


def gift_number(question: dict[str, Any]) -> tuple[float, float]:
    """A numeric question's answer and tolerance (``{#25:0.5}`` reads as a single range)."""
    choices = question["choices"]
    [answer] = choices if isinstance(choices, list) else [{"text": choices}]
    assert answer["text"]["type"] == "range"
    return answer["text"]["number"], answer["text"]["range"]


def nasty_workspace(workspace: Workspace) -> Handbook:
    """The minimal handbook with special characters in a prompt, options and an explanation."""
    quiz = "quizzes/basics.yaml"
    quoted = NASTY.replace("\\", "\\\\").replace('"', '\\"')
    workspace.replace(quiz, '"Which step comes first?"', f'"{quoted} Which step comes first?"')
    for old in ("Customer files", "Lunch orders", "It keeps customer files and follow-up status."):
        workspace.replace(quiz, f"en: {old},", f'en: "{quoted} {old}",')
    workspace.replace(quiz, "{en: Find customers, zh: 寻找客户}", '{en: "%50 off first", zh: 寻找客户}')
    result = validate(workspace.root)
    assert result.ok, [str(d) for d in result.diagnostics.sorted()]
    return result.handbook


def clean(text: str) -> str:
    """What survives export: the text on one line."""
    return " ".join(text.split())


# --- GIFT, read by gift-pegjs ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_gift_parses_and_matches_the_model(handbook: Handbook, lang: str, tmp_path: Path) -> None:
    parsed = gift_of(handbook, lang, tmp_path)
    categories = [q["title"] for q in parsed if q["type"] == "Category"]
    assert [c.rsplit("/", 1)[-1] for c in categories] == [one_line(q.title, lang) for q in handbook.quizzes]
    questions = [q for q in parsed if q["type"] != "Category"]
    assert len(questions) == len(handbook.questions) == 83
    for got, (_, question) in zip(questions, handbook.questions, strict=True):
        assert got["title"] == question.id
        assert got["type"] == GIFT_TYPE[question.type]
        assert gift_text(got["stem"]) == one_line(question.prompt, lang)
        assert gift_text(got["globalFeedback"]) == one_line(question.explanation, lang)
        _check_gift_answer(got, question, lang)


def _check_gift_answer(got: dict[str, Any], question: e.Question, lang: str) -> None:
    if question.type == "true-false":
        assert got["isTrue"] is question.answer
    elif question.type == "numeric":
        assert gift_number(got) == (question.answer, question.tolerance)
    else:
        # GIFT has no shuffle flag of its own: the file itself must not keep the authored order.
        shown = in_delivery_order(question.id, [o.id for o in question.options], question.options)
        assert shown != question.options
        texts = [gift_text(c["text"]) for c in got["choices"]]
        assert texts == [one_line(o.text, lang) for o in shown]
        right = [c["isCorrect"] or (c["weight"] or 0) > 0 for c in got["choices"]]
        assert right == [o.correct for o in shown]


def test_gift_escapes_every_special_character(workspace: Workspace, tmp_path: Path) -> None:
    handbook = nasty_workspace(workspace)
    parsed = [q for q in gift_of(handbook, "en", tmp_path) if q["type"] != "Category"]
    first, crm = parsed[0], parsed[1]
    assert gift_text(first["stem"]) == clean(NASTY) + " Which step comes first?"
    right = next(c for c in first["choices"] if c["isCorrect"])
    assert gift_text(right["text"]) == "%50 off first" and right["weight"] is None
    weights = {gift_text(c["text"]): c["weight"] for c in crm["choices"]}
    assert weights[clean(NASTY) + " Customer files"] == 50
    assert gift_text(crm["globalFeedback"]).startswith(clean(NASTY) + " It keeps customer files")
    assert sorted(weights.values()) == [-100, 50, 50]


# --- Moodle XML, read by lxml, against the GIFT export ----------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_moodle_agrees_with_gift_question_by_question(handbook: Handbook, lang: str, tmp_path: Path) -> None:
    gift = gift_of(handbook, lang, tmp_path)
    moodle = moodle_questions(export_quizzes(handbook, "moodle", lang))
    assert len(moodle) == len(gift)
    for m, g in zip(moodle, gift, strict=True):
        if g["type"] == "Category":
            assert m == {"type": "Category", "title": g["title"]}
            continue
        assert (m["name"], m["stem"], m["feedback"]) == (
            g["title"],
            gift_text(g["stem"]),
            gift_text(g["globalFeedback"]),
        )
        if g["type"] == "TF":
            assert m["type"] == "truefalse"
            assert {a["text"]: a["fraction"] for a in m["answers"]} == {
                "true": 100.0 if g["isTrue"] else 0.0,
                "false": 0.0 if g["isTrue"] else 100.0,
            }
        elif g["type"] == "Numerical":
            [answer] = m["answers"]
            assert (float(answer["text"]), float(answer["tolerance"])) == gift_number(g)
        else:
            assert m["type"] == "multichoice"
            assert [a["text"] for a in m["answers"]] == [gift_text(c["text"]) for c in g["choices"]]
            for a, c in zip(m["answers"], g["choices"], strict=True):
                assert a["fraction"] == (100.0 if c["isCorrect"] else (c["weight"] or 0))


def test_moodle_grades_are_ones_moodle_accepts(handbook: Handbook) -> None:
    allowed = {0.0, *MOODLE_FRACTIONS, *(-f for f in MOODLE_FRACTIONS)}
    moodle = moodle_questions(export_quizzes(handbook, "moodle", "en"))
    multiple = [q for q in moodle if q.get("single") == "false"]
    assert multiple, "the default content has multiple-answer questions"
    for q in moodle:
        fractions = [a["fraction"] for a in q.get("answers", [])]
        assert set(fractions) <= allowed, q["name"]
        if q["type"] == "multichoice":
            positive = sum(f for f in fractions if f > 0)
            assert round(positive / 100, 2) == 1.0, q["name"]  # Moodle's own check
            if q["single"] == "true":
                assert fractions.count(100.0) == 1


def test_moodle_xml_carries_special_characters(workspace: Workspace) -> None:
    handbook = nasty_workspace(workspace)
    data = export_quizzes(handbook, "moodle", "en")
    assert b"<![CDATA[" in data
    first, crm = [q for q in moodle_questions(data) if q["type"] != "Category"][:2]
    assert first["stem"] == clean(NASTY) + " Which step comes first?"
    assert "%50 off first" in [a["text"] for a in first["answers"]]
    assert clean(NASTY) + " Customer files" in [a["text"] for a in crm["answers"]]


# --- Moodle's grades ------------------------------------------------------------------------


@pytest.mark.parametrize("count", range(1, 21))
def test_correct_shares_add_up_to_100_with_listed_grades(count: int) -> None:
    shares = correct_shares(count)
    assert len(shares) == count
    assert set(shares) <= set(MOODLE_FRACTIONS)
    assert round(sum(shares) / 100, 2) == 1.0
    assert max(shares) - min(shares) <= 5  # as equal as the list allows


def test_grades_of_wrong_options_cancel_the_right_ones() -> None:
    assert choice_fractions([True, True, False], single=False) == [50.0, 50.0, -100.0]
    assert choice_fractions([True, False, False, False], single=False) == [
        100.0,
        -33.33333,
        -33.33333,
        -33.33333,
    ]
    assert choice_fractions([False, True], single=True) == [0.0, 100.0]
    assert wrong_share(11) == 10.0  # rounded away from zero: ticking everything earns nothing
    assert wrong_share(40) == 5.0
    with pytest.raises(ValueError, match="1 to 20"):
        correct_shares(21)


def test_too_many_correct_options_is_reported_not_rounded(workspace: Workspace) -> None:
    options = "\n".join(
        f"          - id: o{n}\n            text: {{en: Option {n}, zh: 选项 {n}}}\n            correct: true"
        for n in range(21)
    )
    workspace.replace(
        "quizzes/basics.yaml",
        r"(      - id: crm-uses\n.*?        options:\n).*?(        explanation:)",
        r"\g<1>" + options.replace("\\", "\\\\") + r"\n\g<2>",
        regex=True,
    )
    result = validate(workspace.root)
    assert result.ok
    with pytest.raises(ExportError, match="crm-uses"):
        question_bank(result.handbook, "en")


# --- QTI 2.1, validated with lxml against the IMS schemas -------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_qti_package_is_valid_against_the_ims_schemas(handbook: Handbook, lang: str, tmp_path: Path) -> None:
    files = zip_members(export_quizzes(handbook, "qti", lang), tmp_path)
    qti, cp = qti_schema("qtiv2p1/imsqti_v2p1.xsd"), qti_schema("imscp_v1p1.xsd")
    manifest = etree.fromstring(files.pop("imsmanifest.xml"))
    assert cp.validate(manifest), cp.error_log
    hrefs = [f.get("href") for f in manifest.iterfind(".//cp:file", QTI_NS)]
    assert sorted(hrefs) == sorted(files), "the manifest lists every file, and nothing else"
    for name, data in files.items():
        document = etree.fromstring(data)
        assert qti.validate(document), f"{name}: {qti.error_log}"
    items = {name: etree.fromstring(data) for name, data in files.items() if name.startswith("items/")}
    assert len(items) == len(handbook.questions)
    tests = [name for name in files if name.startswith("tests/")]
    assert len(tests) == len(handbook.quizzes)
    for _, question in handbook.questions:
        item = items[f"items/{question.id}.xml"]
        assert item.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        values = [v.text for v in item.iterfind("q:responseDeclaration/q:correctResponse/q:value", QTI_NS)]
        assert values == _expected_qti_response(question)
        feedback = item.findtext("q:modalFeedback/q:p", namespaces=QTI_NS)
        assert feedback == one_line(question.explanation, lang)


def _expected_qti_response(question: e.Question) -> list[str]:
    if question.type == "true-false":
        return ["true" if question.answer else "false"]
    if question.type == "numeric":
        assert isinstance(question.answer, int | float)
        return [
            str(int(question.answer)) if question.answer == int(question.answer) else str(question.answer)
        ]
    ids = [o.id for o in question.options]
    return [o.id for o in in_delivery_order(question.id, ids, question.options) if o.correct]


def test_qti_handles_ids_that_start_with_a_digit_and_special_characters(
    workspace: Workspace, tmp_path: Path
) -> None:
    workspace.replace("quizzes/basics.yaml", "id: first-step", "id: 1st-step")
    workspace.replace(
        "quizzes/basics.yaml",
        "- id: b\n            text: {en: Sign",
        "- id: 2nd\n            text: {en: Sign",
    )
    handbook = nasty_workspace(workspace)
    files = zip_members(export_quizzes(handbook, "qti", "en"), tmp_path)
    qti, cp = qti_schema("qtiv2p1/imsqti_v2p1.xsd"), qti_schema("imscp_v1p1.xsd")
    assert cp.validate(etree.fromstring(files.pop("imsmanifest.xml"))), cp.error_log
    for name, data in files.items():
        assert qti.validate(etree.fromstring(data)), f"{name}: {qti.error_log}"
    item = etree.fromstring(files["items/1st-step.xml"])
    assert item.get("identifier") == "q-1st-step"
    assert item.findtext("q:itemBody/q:choiceInteraction/q:prompt", namespaces=QTI_NS) == (
        clean(NASTY) + " Which step comes first?"
    )


def test_exports_are_the_same_on_every_run(handbook: Handbook) -> None:
    for fmt in ("qti", "moodle", "gift"):
        assert export_quizzes(handbook, fmt, "zh") == export_quizzes(handbook, fmt, "zh")


# --- the command ------------------------------------------------------------------------------


def test_export_quizzes_command(tmp_path: Path) -> None:
    out = tmp_path / "quizzes.gift"
    result = handbook_cli("export", "quizzes", "--format", "gift", "--lang", "zh", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").count("::") >= 2 * 83
    again = handbook_cli("export", "quizzes", "--format", "gift", "--out", str(out))
    assert again.returncode == 2 and b"--force" in again.stderr
    missing = handbook_cli("export", "quizzes")
    assert missing.returncode == 2 and b"--format moodle|gift|qti" in missing.stderr
    wrong = handbook_cli("export", "quizzes", "--format", "csv")
    assert wrong.returncode == 2 and b"cannot be exported as 'csv'" in wrong.stderr
    lang = handbook_cli("export", "quizzes", "--format", "gift", "--lang", "fr")
    assert lang.returncode == 2 and b"not written in 'fr'" in lang.stderr


@pytest.mark.parametrize("n", [2, 3, 4, 7])
def test_delivery_order_is_stable_and_never_the_authored_one(n: int) -> None:
    ids = [chr(ord("a") + i) for i in range(n)]
    for question in ("q1", "q2", "kpi-target-formula", "x" * 40):
        order = delivery_order(question, ids)
        assert sorted(order) == list(range(n))
        assert order != list(range(n))
        assert order == delivery_order(question, list(ids))
