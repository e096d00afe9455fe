"""The quizzes for a learning-management system: one module per format, listed in :data:`FORMATS`.

:func:`~generator.export.quiz.bank.question_bank` lays the quizzes out in one language;
each format is a function from that bank to the file's bytes.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.export.quiz.as_gift import to_gift
from generator.export.quiz.as_moodle import to_moodle
from generator.export.quiz.bank import ExportError, QuestionBank, question_bank
from generator.export.quiz.qti_package import to_qti
from generator.model.handbook import Handbook

FORMATS: dict[str, Callable[[QuestionBank], bytes]] = {
    "moodle": lambda bank: to_moodle(bank).encode("utf-8"),
    "gift": lambda bank: to_gift(bank).encode("utf-8"),
    "qti": to_qti,
}
BINARY = frozenset({"qti"})


def export_quizzes(handbook: Handbook, fmt: str, lang: str | None = None) -> bytes:
    """Every quiz of ``handbook`` in the format ``fmt`` (a key of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format '{fmt}': use one of {', '.join(FORMATS)}")
    return FORMATS[fmt](question_bank(handbook, lang))
