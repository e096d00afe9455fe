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
    p.add_argument("what", choices=("model",), help="what to export")
    p.add_argument("--format", choices=("json",), default="json")

    p = command("schema", "write a JSON Schema for each kind of definition file")
    p.add_argument("--out", type=Path, help="folder for the schemas; default: ROOT/process/schemas")
    p.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the schemas on disk are out of date"
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
