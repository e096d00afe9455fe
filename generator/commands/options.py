"""What each ``handbook`` command was asked to do: one frozen record per command.

The command line builds them (``cli.py``); the commands read nothing else. Field names
are the command line's option names (``--dry-run`` → ``dry_run``), and a test holds the
two together, choices included.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.report.output import ProblemFormat

ExportWhat = Literal["model", "quizzes", "checklists", "print", "codeowners", "meetings", "scorm", "cmi5"]
ExportFormat = Literal["json", "moodle", "gift", "qti", "csv", "xlsx", "md", "html", "ics"]
PlanFormat = Literal["html", "md", "ics", "csv"]
DueFormat = Literal["md", "json", "csv"]
ChangesFormat = Literal["md", "json"]


@dataclass(frozen=True, kw_only=True)
class ValidateOptions:
    root: Path
    format: ProblemFormat = "text"
    strict: bool = False
    today: datetime.date | None = None  # the day review dates are compared with


@dataclass(frozen=True, kw_only=True)
class GenerateOptions:
    root: Path
    wait: float  # seconds to wait for another command writing the handbook


@dataclass(frozen=True, kw_only=True)
class BuildOptions:
    root: Path
    wait: float


@dataclass(frozen=True, kw_only=True)
class ServeOptions:
    root: Path
    wait: float
    address: str  # host:port
    lang: str | None = None  # the language to preview; the handbook's default when None


@dataclass(frozen=True, kw_only=True)
class ChecksOptions:
    """``handbook checks`` lists the registered checks: it reads no handbook."""


@dataclass(frozen=True, kw_only=True)
class ExportOptions:
    root: Path
    what: ExportWhat
    format: ExportFormat | None = None
    lang: str | None = None
    role: str | None = None  # print: one role's pack
    path: str | None = None  # scorm, cmi5: the onboarding path to package
    out: Path | None = None  # standard output when None
    force: bool = False


@dataclass(frozen=True, kw_only=True)
class SchemaOptions:
    root: Path
    out: Path | None = None  # a folder; ROOT/process/schemas when None
    check: bool = False
    model: bool = False  # the schema of `export model` instead of the definition files'


@dataclass(frozen=True, kw_only=True)
class AssignOptions:
    root: Path
    path: str
    name: str
    start: str  # checked by the plan's request, which says what is wrong with it
    format: PlanFormat
    lang: str | None = None
    out: Path | None = None
    force: bool = False
    base_url: str | None = None


@dataclass(frozen=True, kw_only=True)
class InitOptions:
    folder: Path
    languages: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class UpgradeOptions:
    root: Path
    dry_run: bool = False


@dataclass(frozen=True, kw_only=True)
class PublishOptions:
    root: Path
    wait: float
    push: bool = False
    allow_dirty: bool = False
    allow_invalid: bool = False
    allow_same_version: bool = False
    remote: str = "origin"
    branch: str = "gh-pages"


@dataclass(frozen=True, kw_only=True)
class ReviewDueOptions:
    root: Path
    within: str  # an interval such as 30d
    today: datetime.date | None = None
    format: DueFormat = "md"


@dataclass(frozen=True, kw_only=True)
class DiffOptions:
    root: Path
    old: str  # a git ref or a folder
    new: str
    format: ChangesFormat = "md"


Options = (
    ValidateOptions
    | GenerateOptions
    | BuildOptions
    | ServeOptions
    | ChecksOptions
    | ExportOptions
    | SchemaOptions
    | AssignOptions
    | InitOptions
    | UpgradeOptions
    | PublishOptions
    | ReviewDueOptions
    | DiffOptions
)

# The command's name on the command line → the record of its options.
OPTIONS_OF: dict[str, type[Options]] = {
    "validate": ValidateOptions,
    "generate": GenerateOptions,
    "build": BuildOptions,
    "serve": ServeOptions,
    "checks": ChecksOptions,
    "export": ExportOptions,
    "schema": SchemaOptions,
    "assign": AssignOptions,
    "init": InitOptions,
    "upgrade": UpgradeOptions,
    "publish": PublishOptions,
    "review-due": ReviewDueOptions,
    "diff": DiffOptions,
}
