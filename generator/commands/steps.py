"""The first step of most commands: validate the handbook, show what was found, refuse
to go on when the definitions have errors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from generator.commands.errors import CommandError, ExitCode
from generator.report.output import Findings, print_findings
from generator.report.progress import Progress
from generator.validate import Validation, validate

if TYPE_CHECKING:
    import datetime
    from contextlib import AbstractContextManager

    from generator.render import GenerateReport
    from generator.render.memo import PageMemo


def findings(result: Validation) -> Findings:
    return Findings(result.diagnostics.sorted(), len(result.handbook.files), result.checks_skipped)


def validated_step(root: Path, progress: Progress) -> Validation:
    """Validate as a step of a longer command: the summary on the progress line, the
    problems (warnings too) on standard output. Does not refuse: see :func:`valid_step`."""
    with progress.step("validate") as step:
        result = validate(root)
        found = findings(result)
        step.detail = found.summary
    print_findings(found, to=sys.stdout)
    return result


def valid_step(root: Path, progress: Progress) -> Validation:
    """:func:`validated_step`, refusing (exit 1) when the definitions have errors."""
    result = validated_step(root, progress)
    if not result.ok:
        raise CommandError("fix the problems above; nothing was generated", exit=ExitCode.DEFINITIONS)
    return result


def valid_quietly(root: Path, doing: str, today: datetime.date | None = None) -> Validation:
    """Validate before writing data to standard output: silent when the definitions are
    valid; otherwise every problem on standard error and a refusal (exit 1).

    ``doing``: what the refusal says was not done, e.g. ``"exporting"``.
    """
    result = validate(root, today)
    if not result.ok:
        print_findings(findings(result), to=sys.stderr, notes=sys.stderr)
        raise CommandError(f"fix the problems above before {doing}", exit=ExitCode.DEFINITIONS)
    return result


def generated_step(
    root: Path,
    result: Validation,
    progress: Progress,
    *,
    only: str | None = None,
    memo: PageMemo | None = None,
) -> GenerateReport:
    """Write the handbook's Markdown (``only`` that language's, when given; ``memo`` keeps
    rendered pages between regenerations); refuse (exit 1) when a page cannot be generated."""
    from generator.model.index import Index
    from generator.render import generate

    with progress.step("generate") as step:
        report = generate(result.handbook, Index(result.handbook), root, only=only, memo=memo)
        pages = ", ".join(f"{count} {lang}" for lang, count in report.pages.items())
        step.detail = (
            f"{pages} pages; {report.written} files written, {report.unchanged} "
            f"unchanged, {report.removed} removed"
        )
    if report.problems:
        raise CommandError(_not_generated(report.problems), exit=ExitCode.DEFINITIONS)
    return report


def _not_generated(problems: list[str]) -> str:
    if len(problems) == 1:
        return problems[0]
    return "the pages could not be generated:\n  " + "\n  ".join(problems)


def writing(root: Path, command: str, wait: float) -> AbstractContextManager[None]:
    """Hold the handbook folder's lock (and finish an interrupted site swap) while writing."""
    from generator.build.writing import writing as locked

    return locked(root, command=command, wait=wait)
