"""Quiz questions can be answered and graded."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from generator.check.registry import Context, Finding, check
from generator.model import entities as e
from generator.model.types import where


def _choice_questions(ctx: Context, kind: str) -> Iterator[e.Question]:
    for _, question in ctx.handbook.questions:
        if question.type == kind:
            yield question


@check("single-choice-answer")
def single_choice_has_one_answer(ctx: Context) -> Iterator[Finding]:
    """A single-choice question has at least two options and exactly one correct one.

    Passes: options a, b, c with only b ``correct: true``.
    Fails: no option correct, or a and b both correct.
    """
    for q in _choice_questions(ctx, "single"):
        correct = sum(o.correct for o in q.options)
        if len(q.options) < 2 or correct != 1:
            yield Finding(
                where(q, "options"),
                f"single-choice question '{q.id}' has {len(q.options)} options and {correct} marked correct",
                "give two or more options, exactly one with "
                "'correct: true' (or make it a multiple-choice question)",
            )


@check("multiple-choice-answer")
def multiple_choice_has_answers(ctx: Context) -> Iterator[Finding]:
    """A multiple-choice question has at least two options and at least one correct one.

    Passes: options a–d with a and c correct.
    Fails: no option marked ``correct: true``.
    """
    for q in _choice_questions(ctx, "multiple"):
        if len(q.options) < 2 or not any(o.correct for o in q.options):
            yield Finding(
                where(q, "options"),
                f"multiple-choice question '{q.id}' needs two or more options, at least one correct",
                "mark the right options with 'correct: true'",
            )


@check("duplicate-option")
def options_unique(ctx: Context) -> Iterator[Finding]:
    """Within a question, option ids and option texts are unique (in every language).

    Passes: options "1 week" and "1 month".
    Fails: two options both reading "1 week", or both with ``id: a``.
    """
    for _, q in ctx.handbook.questions:
        seen: dict[tuple[str, str], e.Option] = {}
        for option in q.options:
            keys: list[tuple[str, str]] = [("id", option.id)]
            keys += [(lang, text.strip().casefold()) for lang, text in option.text.values() if text]
            for key in keys:
                first = seen.setdefault(key, option)
                if first is not option:
                    what = "id" if key[0] == "id" else f"{key[0]} text"
                    yield Finding(
                        option.loc,
                        f"question '{q.id}': option '{option.id}' repeats the {what} of option '{first.id}'",
                        "make every option different",
                    )
                    break


@check("question-shape")
def answers_fit_the_type(ctx: Context) -> Iterator[Finding]:
    """Each question type has what it needs and nothing else.

    Choice questions have options and no ``answer``; true-false has ``answer: true|false``
    and no options; numeric has a number ``answer`` and no options.
    Passes: ``type: true-false`` with ``answer: false``.
    Fails: ``type: true-false`` with options; ``type: numeric`` with ``answer: true``;
    ``type: single`` with ``answer: d`` (the hint says to mark option d ``correct: true``).
    """
    for _, q in ctx.handbook.questions:
        if q.type in ("single", "multiple"):
            if q.answer is not None:
                yield Finding(
                    where(q, "answer"),
                    f"{q.type}-choice question '{q.id}' has an 'answer'; its right "
                    f"option{'s are' if q.type == 'multiple' else ' is'} marked on the option itself",
                    _mark_option_hint(q),
                )
            continue
        if q.options:
            yield Finding(
                where(q, "options"),
                f"{q.type} question '{q.id}' has options",
                "remove them, or change the type to single or multiple",
            )
        wants_bool = q.type == "true-false"
        fits = isinstance(q.answer, bool) if wants_bool else isinstance(q.answer, float)
        if not fits:
            shape = "true or false" if wants_bool else "a number"
            yield Finding(
                where(q, "answer"),
                f"{q.type} question '{q.id}' needs 'answer' to be {shape}",
                f"add 'answer: {'true' if wants_bool else '50'}'",
            )


def _mark_option_hint(q: e.Question) -> str:
    named = next((o.id for o in q.options if isinstance(q.answer, str) and o.id == q.answer.strip()), "")
    option = f"option '{named}'" if named else "the right option"
    return f"remove 'answer:' and add 'correct: true' under {option}"


@check("numeric-tolerance")
def numeric_has_tolerance(ctx: Context) -> Iterator[Finding]:
    """A numeric question states how far an answer may be off (``tolerance`` ≥ 0).

    Passes: ``answer: 120``, ``tolerance: 0.5``.
    Fails: no ``tolerance``, or ``tolerance: -1``.
    """
    for q in _choice_questions(ctx, "numeric"):
        if q.tolerance is None or q.tolerance < 0:
            yield Finding(
                where(q, "tolerance"),
                f"numeric question '{q.id}' needs a tolerance of 0 or more",
                "add e.g. 'tolerance: 0.5' (0 for an exact answer)",
            )
    for _, q in ctx.handbook.questions:
        if q.type != "numeric" and q.tolerance is not None:
            yield Finding(
                where(q, "tolerance"),
                f"{q.type} question '{q.id}' has a tolerance",
                "only numeric questions take one; remove it",
            )


@check("pass-mark-range")
def pass_mark_is_percent(ctx: Context) -> Iterator[Finding]:
    """A quiz's ``pass_mark`` is a percentage from 1 to 100, and the quiz has questions.

    Passes: ``pass_mark: 80``.
    Fails: ``pass_mark: 0`` or ``pass_mark: 120``; a quiz with no questions.
    """
    for quiz in ctx.handbook.quizzes:
        if not 1 <= quiz.pass_mark <= 100:
            yield Finding(
                where(quiz, "pass_mark"),
                f"quiz '{quiz.id}' has pass mark {quiz.pass_mark}",
                "give a percentage from 1 to 100",
            )
        if not quiz.questions:
            yield Finding(quiz.loc, f"quiz '{quiz.id}' has no questions", "add questions or remove it")


# A pattern needs a few questions to be one: with one or two, any position is "most".
_FEWEST_SINGLE, _FEWEST_MULTIPLE = 3, 2


@check("answer-positions", level="warning")
def answer_positions_spread(ctx: Context) -> Iterator[Finding]:
    """A quiz's correct options do not sit in one place, so position gives no answer away.

    Among three or more single-choice questions, no position (first, second …) holds the
    correct option of more than half; among two or more multiple-choice questions, the
    correct options do not always form the same set of positions.
    Passes: single-choice keys at the 1st, 3rd, 2nd and 4th option.
    Fails: three single-choice questions all keyed on their first option; every
    multiple-choice question keyed on its first three options.
    """
    for quiz in ctx.handbook.quizzes:
        singles = [_key_positions(q) for q in quiz.questions if q.type == "single"]
        if len(singles) >= _FEWEST_SINGLE:
            position, count = Counter(singles).most_common(1)[0]
            if count * 2 > len(singles) and len(position) == 1:
                yield Finding(
                    quiz.loc,
                    f"quiz '{quiz.id}': {count} of {len(singles)} single-choice answers are option "
                    f"{position[0] + 1}",
                    "reorder the options so that the correct one moves around",
                )
        multiples = {_key_positions(q) for q in quiz.questions if q.type == "multiple"}
        count = sum(q.type == "multiple" for q in quiz.questions)
        if count >= _FEWEST_MULTIPLE and len(multiples) == 1:
            shown = ", ".join(str(p + 1) for p in next(iter(multiples)))
            yield Finding(
                quiz.loc,
                f"quiz '{quiz.id}': every multiple-choice answer is options {shown}",
                "reorder the options so that the correct ones differ from question to question",
            )


def _key_positions(question: e.Question) -> tuple[int, ...]:
    return tuple(i for i, option in enumerate(question.options) if option.correct)


@check("quiz-kpi-example")
def numeric_answer_restates_its_example(ctx: Context) -> Iterator[Finding]:
    """A numeric question that names ``kpi:`` and ``example:`` has that worked example's result.

    The question then cannot drift from the KPI page when the example is corrected.
    Passes: ``kpi: win-rate``, ``example: 1``, ``answer: 25`` where example 1 expects 25.
    Fails: the same with ``answer: 20``; ``example: 3`` when the KPI has one example.
    """
    kpis = {kpi.id: kpi for kpi in ctx.handbook.kpis}
    for _, q in ctx.handbook.questions:
        if q.example is not None and q.kpi is None:
            yield Finding(
                where(q, "example"), f"question '{q.id}' names an example but no KPI", "add 'kpi: id'"
            )
        kpi = kpis.get(q.kpi) if q.kpi else None
        if kpi is None or q.example is None or not isinstance(q.answer, float):
            continue  # an unknown KPI is reported by the reference check
        if not 1 <= q.example <= len(kpi.examples):
            yield Finding(
                where(q, "example"),
                f"question '{q.id}': KPI '{kpi.id}' has no example {q.example}",
                f"give a number from 1 to {len(kpi.examples)}"
                if kpi.examples
                else "add an example to the KPI",
            )
            continue
        expected = kpi.examples[q.example - 1].expected
        if abs(q.answer - expected) > (q.tolerance or 0) + 1e-9:
            yield Finding(
                where(q, "answer"),
                f"question '{q.id}': answer {q.answer:g}, but example {q.example} of KPI '{kpi.id}' "
                f"gives {expected:g}",
                "correct the answer, or the KPI's example",
            )
