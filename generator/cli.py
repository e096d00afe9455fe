"""The ``handbook`` command: parses options and calls the library; nothing else.

Exit codes: 0 success; 1 the definitions have errors (or warnings with ``--strict``);
2 the command line is wrong or the handbook folder cannot be used.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from generator import commands

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
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

    command("generate", "validate, then write the handbook's Markdown into .handbook/")
    command("build", "validate, generate and build every language into site/")
    p = command("serve", "preview with live reload while you edit")
    p.add_argument("--lang", help="the language to preview; default: the handbook's default")
    p.add_argument("-a", "--address", default="127.0.0.1:8000", help="host:port to serve on")

    p = sub.add_parser(
        "checks",
        help="list the consistency checks with their codes",
        description="list the consistency checks with their codes",
    )
    p.set_defaults(root=Path("."))

    p = command("export", "write the handbook's data for other tools")
    p.add_argument(
        "what",
        choices=("model", "quizzes", "checklists", "print", "scorm", "cmi5"),
        help="model (JSON), quizzes (moodle|gift|qti), checklists (csv|xlsx|md), print (html), "
        "or an onboarding path for a learning-management system: scorm (SCORM 1.2) or cmi5 (zip)",
    )
    p.add_argument(
        "--format",
        choices=("json", "moodle", "gift", "qti", "csv", "xlsx", "md", "html"),
        help="the file format; model and print have one, the others need one",
    )
    p.add_argument("--lang", help="en or zh; default: the handbook's default language")
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
    p.add_argument("--lang", help="en or zh; default: the handbook's default language")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to FILE; default: standard output")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--base-url", metavar="URL", help="the published site's address, for absolute links")

    p = sub.add_parser(
        "init",
        help="create a new handbook (a small example process in English and Chinese) in DIR",
        description="create a new handbook (a small example process in English and Chinese) in DIR",
    )
    p.add_argument("folder", type=Path, metavar="DIR", help="a new or empty folder")
    p.set_defaults(root=Path("."))

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

    p = command("diff", "list what changed between two versions of the definitions")
    p.add_argument("old", metavar="OLD", help="a git ref of the handbook's repository, or a handbook folder")
    p.add_argument("new", metavar="NEW", help="a git ref of the handbook's repository, or a handbook folder")
    p.add_argument("--format", choices=("md", "json"), default="md")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if not args.root.is_dir():
            print(f"error: handbook folder '{args.root}' does not exist", file=sys.stderr)
            return EXIT_USAGE
        handler = getattr(commands, f"run_{args.command}")
        return int(handler(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except commands.UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug of ours: say so briefly, trace only on request
        if args.debug:
            traceback.print_exc()
        print(
            f"error: internal error: {exc!r} (run again with --debug for details, and report it)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
