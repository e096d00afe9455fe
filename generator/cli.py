"""The ``handbook`` command: parses options into a record, calls the command, and prints
its error one way; nothing else.

Exit codes (``ExitCode``): 0 success; 1 the definitions have errors (or warnings with
``--strict``); 2 the command line is wrong, or the handbook folder, the disk or another
command in the way keeps the command from running; 3 a bug of ours; 128 + N stopped by
signal N.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import signal
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from generator import commands, environment
from generator.build.lock import DEFAULT_WAIT_SECONDS, LockBusy
from generator.commands import CommandError, ExitCode, print_error, stopped_by
from generator.review.dates import day_option, interval_option

DEFAULT_ADDRESS = "127.0.0.1:8808"  # not 8000: that is the `python -m http.server` preview
# Commands that read a handbook from --root (the others create one or need none).
NEEDS_HANDBOOK = {
    "validate",
    "generate",
    "build",
    "serve",
    "export",
    "assign",
    "publish",
    "review-due",
    "upgrade",
}


class Stopped(KeyboardInterrupt):
    """SIGTERM (an IDE's stop button, a service manager) ends us like Ctrl-C: children
    are stopped and locks released on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, _frame: FrameType | None) -> None:
    raise Stopped(signum)


def _language_list(text: str) -> tuple[str, ...]:
    """``--languages en,zh`` → ``("en", "zh")``; the starter says what is wrong with a tag."""
    return tuple(text.split(","))


def _add_wait(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_WAIT_SECONDS,
        metavar="SECONDS",
        help=f"wait this long for another command writing the handbook; default: {DEFAULT_WAIT_SECONDS:g}",
    )


def argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook",
        description="Validate, render and publish a sales handbook defined in YAML.",
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "--root",
            type=Path,
            default=Path("."),
            help="the handbook folder (holding process/, quizzes/, docs/); default: .",
        )
        return p

    p = command("validate", "check every definition file and report all problems at once")
    p.add_argument("--format", choices=("text", "json", "github"), default="text")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument(
        "--today", type=day_option, metavar="YYYY-MM-DD", help="compare review dates with this day"
    )

    _add_wait(command("generate", "validate, then write the handbook's Markdown into .handbook/"))
    _add_wait(command("build", "validate, generate and build every language into site/"))
    p = command("serve", "preview with live reload while you edit")
    p.add_argument("--lang", help="the language to preview; default: the handbook's default")
    p.add_argument(
        "-a", "--address", default=DEFAULT_ADDRESS, help=f"host:port to serve on; default: {DEFAULT_ADDRESS}"
    )
    _add_wait(p)

    p = sub.add_parser(
        "checks",
        help="list the consistency checks with their codes",
        description="list the consistency checks with their codes",
    )
    p.set_defaults(root=Path("."))

    p = command("export", "write the handbook's data for other tools")
    p.add_argument(
        "what",
        choices=("model", "quizzes", "checklists", "print", "codeowners", "meetings", "scorm", "cmi5"),
        help="model (JSON), quizzes (moodle|gift|qti), checklists (csv|xlsx|md), print (html), codeowners, "
        "meetings (ics: recurring calendar events), or an onboarding path for a learning-management "
        "system: scorm (SCORM 1.2) or cmi5 (zip)",
    )
    p.add_argument(
        "--format",
        choices=("json", "moodle", "gift", "qti", "csv", "xlsx", "md", "html", "ics"),
        help="the file format; model and print have one, the others need one",
    )
    p.add_argument("--lang", help="one of the handbook's languages (e.g. en, zh, de); default: its first")
    p.add_argument("--role", metavar="ID", help="print: the pack of this role instead of the whole handbook")
    p.add_argument("--path", metavar="ID", help="scorm, cmi5: the onboarding path to package")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to FILE; default: standard output")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")

    p = command("schema", "write a JSON Schema for each kind of definition file")
    p.add_argument("--out", type=Path, help="folder for the schemas; default: ROOT/process/schemas")
    p.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the schemas on disk are out of date"
    )
    p.add_argument(
        "--model",
        action="store_true",
        help="print the JSON Schema of 'handbook export model' instead (with --out DIR: write model.schema.json)",
    )

    p = command("assign", "write a new hire's dated onboarding plan (Markdown, CSV, iCalendar or HTML)")
    p.add_argument("--path", required=True, metavar="ID", help="the onboarding path to assign")
    p.add_argument("--name", required=True, help="the new hire's name")
    p.add_argument("--start", required=True, metavar="YYYY-MM-DD", help="the start date: day 1 of the path")
    p.add_argument("--format", required=True, choices=("html", "md", "ics", "csv"))
    p.add_argument("--lang", help="one of the handbook's languages (e.g. en, zh, de); default: its first")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to FILE; default: standard output")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--base-url", metavar="URL", help="the published site's address, for absolute links")

    p = sub.add_parser(
        "init",
        help="create a new handbook (a small example process) in DIR",
        description="create a new handbook (a small example process, in the languages asked for) in DIR",
    )
    p.add_argument("folder", type=Path, metavar="DIR", help="a new or empty folder")
    p.add_argument(
        "--languages",
        type=_language_list,
        default="en,zh",
        metavar="TAGS",
        help="its languages, the default first: any of en, zh, zh-Hant, ja, de, fr, es (default: en,zh)",
    )
    p.set_defaults(root=Path("."))

    p = command("upgrade", "rewrite a handbook written in an older file format to the newest")
    p.add_argument("--dry-run", action="store_true", help="list what would change; write nothing")

    p = command("publish", "publish the process version with mike into the gh-pages branch (both languages)")
    p.add_argument("--push", action="store_true", help="push the branch to the remote afterwards")
    p.add_argument("--allow-dirty", action="store_true", help="publish even with uncommitted changes")
    p.add_argument("--allow-invalid", action="store_true", help="publish even when validation finds errors")
    p.add_argument(
        "--allow-same-version",
        action="store_true",
        help="replace a published version although the definitions changed and the version was not bumped",
    )
    p.add_argument(
        "--remote", default="origin", metavar="NAME", help="the remote to push to; default: origin"
    )
    p.add_argument("--branch", default="gh-pages", help="the branch to publish to; default: gh-pages")
    _add_wait(p)

    p = command("review-due", "list what is overdue for review or due soon, grouped by owner")
    p.add_argument(
        "--today", type=day_option, metavar="YYYY-MM-DD", help="the day to count from; default: today"
    )
    p.add_argument(
        "--within", type=interval_option, default="30d", help="what counts as due soon; default: 30d"
    )
    p.add_argument("--format", choices=("md", "json", "csv"), default="md")

    p = command("diff", "list what changed between two versions of the definitions")
    p.add_argument("old", metavar="OLD", help="a git ref of the handbook's repository, or a handbook folder")
    p.add_argument("new", metavar="NEW", help="a git ref of the handbook's repository, or a handbook folder")
    p.add_argument("--format", choices=("md", "json"), default="md")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = argument_parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _stop)
    if args.command != "serve":
        # A command that ends when its work ends does without the cycle collector: the
        # millions of objects a large handbook makes hold no cycles, and the one collection
        # that would walk them all when loading ends costs about 0.13 s (large handbook).
        # The preview runs for hours and keeps it (see generator/load/collector.py).
        gc.disable()
    try:
        code = commands.run(options_of(args))
        sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
        return code
    except KeyboardInterrupt as stopped:
        print("interrupted", file=sys.stderr)
        return stopped_by(stopped.signum if isinstance(stopped, Stopped) else signal.SIGINT)
    except CommandError as error:
        print_error(error)
        return error.exit
    except LockBusy as busy:
        print_error(CommandError(str(busy)))
        return ExitCode.ENVIRONMENT_OR_USAGE
    except OSError as exc:  # the system refused: the user can act on it
        if environment.path_of(exc) == environment.STANDARD_OUTPUT:
            _silence_stdout()
        if args.debug:
            traceback.print_exc()
        print_error(CommandError(environment.describe(exc)))
        return ExitCode.ENVIRONMENT_OR_USAGE
    except Exception as exc:  # a bug of ours: say so briefly, trace only on request
        if args.debug:
            traceback.print_exc()
        print_error(
            CommandError(f"internal error: {exc!r} (run again with --debug for details, and report it)")
        )
        return ExitCode.BUG


def options_of(args: argparse.Namespace) -> commands.Options:
    """The record of the command's options: the one place that reads argparse's namespace."""
    problem = _root_problem(args.command, args.root)
    if problem:
        raise CommandError(problem)
    record = commands.OPTIONS_OF[args.command]
    return record(**{field.name: getattr(args, field.name) for field in dataclasses.fields(record)})


def _root_problem(command: str, root: Path) -> str:
    """Why ``--root`` cannot be used by ``command``, or ``""``."""
    problem = environment.folder_problem(root, "handbook folder")
    if problem or command not in NEEDS_HANDBOOK:
        return problem
    if not (root / "process").is_dir():
        return (
            f"'{root}' is not a handbook folder: it has no process/ folder; give the folder "
            "holding process/, quizzes/ and docs/ (or create one with `handbook init DIR`)"
        )
    return ""


def _silence_stdout() -> None:
    """Point standard output at nothing, so the exit does not fail on it a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
