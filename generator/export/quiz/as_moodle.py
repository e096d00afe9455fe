"""The quizzes as Moodle XML: one category per quiz, then its questions.

Texts are HTML (``format="html"``): each is HTML-escaped, wrapped in a paragraph and
put in a CDATA section, as Moodle's own export does. Everything else (names, ids,
numbers) is XML-escaped. Characters XML 1.0 cannot carry are dropped.
"""

from __future__ import annotations

import html
from xml.sax.saxutils import escape, quoteattr

from generator.export.quiz.as_gift import category_path
from generator.export.quiz.bank import BankQuestion, BankQuiz, QuestionBank, number
from generator.export.xmltext import cdata, xml_chars

QTYPE = {
    "single": "multichoice",
    "multiple": "multichoice",
    "true-false": "truefalse",
    "numeric": "numerical",
}
# Moodle's default: a third of the mark lost for each wrong try in interactive mode.
PENALTY = "0.3333333"


def to_moodle(bank: QuestionBank) -> str:
    """The whole bank as one Moodle XML document."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for quiz in bank.quizzes:
        out += _category(bank, quiz)
        for question in quiz.questions:
            out += _question(bank, question)
    out.append("</quiz>")
    return "\n".join(out) + "\n"


def _category(bank: QuestionBank, quiz: BankQuiz) -> list[str]:
    return [
        f"  <!-- quiz: {_comment(quiz.id)} -->",
        '  <question type="category">',
        f"    <category><text>{text(category_path(bank.title, quiz.title))}</text></category>",
        f'    <info format="html"><text>{html_text(quiz.summary)}</text></info>',
        "  </question>",
    ]


def _question(bank: QuestionBank, q: BankQuestion) -> list[str]:
    lines = [
        f"  <question type={quoteattr(QTYPE[q.type])}>",
        f"    <name><text>{text(q.id)}</text></name>",
        f'    <questiontext format="html"><text>{html_text(q.prompt)}</text></questiontext>',
        f'    <generalfeedback format="html"><text>{html_text(q.explanation)}</text></generalfeedback>',
        "    <defaultgrade>1</defaultgrade>",
        f"    <penalty>{PENALTY}</penalty>",
        "    <hidden>0</hidden>",
        f"    <idnumber>{text(q.id)}</idnumber>",
    ]
    if q.type in ("single", "multiple"):
        lines += _choices(q)
    elif q.type == "true-false":
        lines += _true_false(q)
    else:
        lines += _numeric(q)
    return [*lines, "  </question>"]


def _choices(q: BankQuestion) -> list[str]:
    lines = [
        f"    <single>{'true' if q.type == 'single' else 'false'}</single>",
        "    <shuffleanswers>true</shuffleanswers>",
        "    <answernumbering>abc</answernumbering>",
    ]
    for option in q.options:
        lines.append(
            f'    <answer fraction="{number(option.fraction)}" format="html">'
            f"<text>{html_text(option.text)}</text>{_no_feedback()}</answer>"
        )
    return lines


def _true_false(q: BankQuestion) -> list[str]:
    # Moodle reads the answer whose text is "true" as the statement being true.
    return [
        f'    <answer fraction="{100 if q.answer is value else 0}" format="moodle_auto_format">'
        f"<text>{'true' if value else 'false'}</text>{_no_feedback()}</answer>"
        for value in (True, False)
    ]


def _numeric(q: BankQuestion) -> list[str]:
    assert isinstance(q.answer, float)
    return [
        f'    <answer fraction="100" format="moodle_auto_format"><text>{number(q.answer)}</text>'
        f"<tolerance>{number(q.tolerance)}</tolerance>{_no_feedback()}</answer>",
        # No units to grade: the prompt says which unit the answer is in.
        "    <unitgradingtype>0</unitgradingtype>",
        "    <unitpenalty>0.1000000</unitpenalty>",
        "    <showunits>3</showunits>",
        "    <unitsleft>0</unitsleft>",
    ]


def _no_feedback() -> str:
    return '<feedback format="html"><text></text></feedback>'


def text(value: str) -> str:
    """Plain text as XML character data: ``a < b & c`` → ``a &lt; b &amp; c``."""
    return escape(xml_chars(value))


def html_text(value: str) -> str:
    """Plain text as an HTML paragraph in a CDATA section; empty text stays empty."""
    if not value:
        return ""
    return cdata(f"<p>{html.escape(xml_chars(value), quote=False)}</p>")


def _comment(value: str) -> str:
    return xml_chars(value).replace("--", "- -")
