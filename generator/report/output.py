"""What a validation found, printed one way by every command.

``text``: one ``file:line:col: level [code] message`` line per problem, coloured on a
terminal, then a summary line (and a note when the consistency checks were skipped) on
the notes stream; ``json``: one document; ``github``: one annotation per problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TextIO

from generator.diagnostics import Diagnostic
from generator.report.diagnostics import format_github, format_json, format_text, summary

ProblemFormat = Literal["text", "json", "github"]

CHECKS_SKIPPED = "consistency checks were skipped: fix the files that cannot be read first"


@dataclass(frozen=True)
class Findings:
    """The problems of one validation, sorted by file and line, and what was checked."""

    problems: Sequence[Diagnostic]
    files: int  # definition files read
    checks_skipped: bool = False  # a file could not be read, so references were not checked

    @property
    def summary(self) -> str:
        return summary(self.problems, self.files)


def print_findings(
    findings: Findings, fmt: ProblemFormat = "text", *, to: TextIO, notes: TextIO | None = None
) -> None:
    """Print ``findings`` in ``fmt`` to ``to``.

    ``notes`` receives the text format's summary and skipped-checks note; ``None`` when
    the caller shows the summary itself (a progress line does).
    """
    if fmt == "json":
        print(format_json(findings.problems, findings.files), file=to)
        return
    if fmt == "github":
        for problem in findings.problems:
            print(format_github(problem), file=to)
        return
    colour = to.isatty()
    for problem in findings.problems:
        print(format_text(problem, colour), file=to)
    if notes is not None:
        print(findings.summary, file=notes)
        if findings.checks_skipped:
            print(CHECKS_SKIPPED, file=notes)
