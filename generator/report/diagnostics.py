"""Print diagnostics as ``file:line:col: level [code] message`` lines, or as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from generator.diagnostics import Diagnostic

_COLOURS = {"error": "\033[31m", "warning": "\033[33m"}
_RESET = "\033[0m"


def format_text(diagnostic: Diagnostic, colour: bool = False) -> str:
    level: str = diagnostic.level
    if colour:
        level = f"{_COLOURS[level]}{level}{_RESET}"
    line = f"{diagnostic.location}: {level} [{diagnostic.code}] {diagnostic.message}"
    return f"{line} ({diagnostic.hint})" if diagnostic.hint else line


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    errors = sum(d.level == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return f"{files} files checked: no problems"
    return f"{files} files checked: {errors} error(s), {warnings} warning(s)"


def format_json(diagnostics: Sequence[Diagnostic], files: int) -> str:
    errors = sum(d.level == "error" for d in diagnostics)
    return json.dumps(
        {
            "files": files,
            "errors": errors,
            "warnings": len(diagnostics) - errors,
            "problems": [d.as_dict() for d in diagnostics],
        },
        ensure_ascii=False,
        indent=2,
    )


def format_github(diagnostic: Diagnostic) -> str:
    """A GitHub Actions workflow command, shown as an annotation on the pull request."""
    loc = diagnostic.location
    message = diagnostic.message + (f" ({diagnostic.hint})" if diagnostic.hint else "")
    message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return (
        f"::{diagnostic.level} file={loc.file},line={loc.line},col={loc.column},"
        f"title={diagnostic.code}::{message}"
    )
