"""The quizzes as GIFT, Moodle's plain-text question format.

Each quiz opens a ``$CATEGORY:`` of its own. Texts are written in the ``[html]`` format
(as in the Moodle XML export), so they are HTML-escaped first; then every character
GIFT reads as syntax (``~ = # { } :`` and the backslash) is escaped with a backslash.
A ``%`` opening an option would be read as a grade: it is written ``&#37;`` instead,
which HTML reads as the same character. Texts are on one line (see
:func:`~generator.export.quiz.bank.one_line`), so none can start a comment or end a
question with a blank line.
"""

from __future__ import annotations

import html
import re

from generator.export.quiz.bank import BankQuestion, BankQuiz, QuestionBank, number

_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")
# GIFT has no escape for these: Moodle's importer drops them, XML 1.0 cannot carry them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def to_gift(bank: QuestionBank) -> str:
    """The whole bank as one GIFT file (UTF-8, LF line endings)."""
    lines = [
        f"// {escape_comment(bank.title)}: quizzes ({bank.lang}), written by handbook export quizzes",
        "",
    ]
    for quiz in bank.quizzes:
        lines += _quiz(bank, quiz)
    return "\n".join(lines)


def _quiz(bank: QuestionBank, quiz: BankQuiz) -> list[str]:
    lines = [f"$CATEGORY: {category_path(bank.title, quiz.title)}", ""]
    for question in quiz.questions:
        lines += [f"// question: {question.id}", *_question(question), ""]
    return lines


def _question(q: BankQuestion) -> list[str]:
    head = f"::{gift(q.id)}::[html]{gift(q.prompt)} {{"
    feedback = f"\t####{gift(q.explanation)}" if q.explanation else ""
    if q.type == "true-false":
        verdict = "TRUE" if q.answer else "FALSE"
        return [f"{head}{verdict}{feedback.strip()}}}"]
    if q.type == "numeric":
        assert isinstance(q.answer, float)
        return [f"{head}#{number(q.answer)}:{number(q.tolerance)}{feedback.strip()}}}"]
    body = [
        f"\t{_option_mark(q, option.correct, option.fraction)}{gift(option.text, opens=True)}"
        for option in q.options
    ]
    return [head, *body, *([feedback] if feedback else []), "}"]


def _option_mark(q: BankQuestion, correct: bool, fraction: float) -> str:
    """``=`` for the one right answer of a single choice; ``~%grade%`` for multiple answers."""
    if q.type == "single":
        return "=" if correct else "~"
    return f"~%{number(fraction)}%"


def gift(text: str, *, opens: bool = False) -> str:
    """``text`` as GIFT ``[html]`` text: HTML-escaped, then GIFT's specials escaped.

    ``a = b {c}`` becomes ``a \\= b \\{c\\}``; ``x < y`` becomes ``x &lt; y``. With
    ``opens`` (an option's text, read right after ``=``/``~``), a leading ``%`` is
    written ``&#37;`` so that it cannot be read as a grade.
    """
    escaped = html.escape(_CONTROL.sub("", text), quote=False)
    if opens and escaped.startswith("%"):
        escaped = "&#37;" + escaped[1:]
    return _GIFT_SPECIAL.sub(r"\\\1", escaped)


def category_path(*names: str) -> str:
    """A category below the course: ``$course$/Handbook/Quiz``; a ``/`` in a name is doubled."""
    parts = [" ".join(_CONTROL.sub("", name).replace("/", "//").split()) or "-" for name in names]
    return "/".join(["$course$", *parts])


def escape_comment(text: str) -> str:
    return " ".join(_CONTROL.sub("", text).split())
