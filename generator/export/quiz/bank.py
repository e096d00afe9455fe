"""The quizzes in one language, laid out for a learning-management system.

A :class:`QuestionBank` is plain data: every text resolved to one language and put on
one line, every choice option carrying the grade Moodle gives for ticking it. The
writers in this package (GIFT, Moodle XML, QTI) only format it, so the three files
agree question by question.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.export.quiz.order import in_delivery_order
from generator.export.quiz.weights import choice_fractions
from generator.model import entities as e
from generator.model.handbook import Handbook
from generator.model.types import LANGUAGES, Text, canonical_language
from generator.presentation.labels import labels_for


class ExportError(ValueError):
    """The export cannot be made as asked; the message says what to change."""


@dataclass(frozen=True)
class BankOption:
    """A choice option; ``fraction`` is the percentage of the mark ticking it gives (Moodle's scale)."""

    id: str
    text: str
    correct: bool
    fraction: float


@dataclass(frozen=True)
class BankQuestion:
    """One question; ``answer`` is a bool (true-false), a float (numeric) or None (choice)."""

    id: str
    type: str
    prompt: str
    options: tuple[BankOption, ...]
    answer: bool | float | None
    tolerance: float
    unit: str
    explanation: str


@dataclass(frozen=True)
class BankQuiz:
    """A quiz: one category in Moodle, one assessment test in QTI."""

    id: str
    title: str
    summary: str
    pass_mark: int
    questions: tuple[BankQuestion, ...]


@dataclass(frozen=True)
class QuestionBank:
    title: str
    lang: str
    true_label: str
    false_label: str
    quizzes: tuple[BankQuiz, ...]


def export_language(handbook: Handbook, lang: str | None) -> str:
    """``lang``, or the handbook's default language; an error for a language it lacks."""
    info = handbook.info
    languages = list(info.languages) if info else list(LANGUAGES)
    chosen = canonical_language(lang) if lang else (info.default_language if info else languages[0])
    if chosen not in languages:
        raise ExportError(f"the handbook is not written in '{chosen}': use one of {', '.join(languages)}")
    return chosen


def one_line(text: Text | None, lang: str) -> str:
    """``text`` in ``lang`` on one line: YAML folds long texts, a quiz shows them as one paragraph."""
    return " ".join(text.get(lang).split()) if text is not None else ""


def question_bank(handbook: Handbook, lang: str | None = None) -> QuestionBank:
    """Every quiz of ``handbook`` in ``lang`` (default: the handbook's default language)."""
    lang = export_language(handbook, lang)
    labels = labels_for(lang, handbook.root)
    return QuestionBank(
        title=one_line(handbook.info.title, lang) if handbook.info else "",
        lang=lang,
        true_label=labels["true"],
        false_label=labels["false"],
        quizzes=tuple(_quiz(quiz, lang) for quiz in handbook.quizzes),
    )


def _quiz(quiz: e.Quiz, lang: str) -> BankQuiz:
    return BankQuiz(
        id=quiz.id,
        title=one_line(quiz.title, lang) or quiz.id,
        summary=one_line(quiz.summary, lang),
        pass_mark=quiz.pass_mark,
        questions=tuple(_question(question, lang) for question in quiz.questions),
    )


def _question(question: e.Question, lang: str) -> BankQuestion:
    options: tuple[BankOption, ...] = ()
    if question.type in ("single", "multiple"):
        try:
            fractions = choice_fractions([o.correct for o in question.options], question.type == "single")
        except ValueError as exc:
            raise ExportError(f"question '{question.id}': {exc}") from None
        authored = [
            BankOption(option.id, one_line(option.text, lang), option.correct, fraction)
            for option, fraction in zip(question.options, fractions, strict=True)
        ]
        options = tuple(in_delivery_order(question.id, [o.id for o in question.options], authored))
    # A text answer (a choice question's 'answer: d') is refused by the checks before export.
    answer = None if isinstance(question.answer, str) else question.answer
    if question.type == "numeric" and not isinstance(answer, bool) and answer is not None:
        answer = float(answer)
    return BankQuestion(
        id=question.id,
        type=question.type,
        prompt=one_line(question.prompt, lang),
        options=options,
        answer=answer,
        tolerance=float(question.tolerance or 0),
        unit=question.unit or "",
        explanation=one_line(question.explanation, lang),
    )


def number(value: float) -> str:
    """A number as LMS files write it: ``25``, ``0.5``, ``-3.25``; never ``1e-05``."""
    if value == int(value):
        return str(int(value))
    return format(value, "f").rstrip("0").rstrip(".") if "e" in repr(value) else repr(value)
