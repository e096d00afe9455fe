"""What each ``handbook`` command does, as functions over parsed options."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator.export.model_json import model_json
from generator.model.schema import all_schemas
from generator.report.diagnostics import format_github, format_json, format_text, summary
from generator.validate import validate


class UsageError(Exception):
    """The command cannot run as asked; the message says what to change."""


def run_validate(args: argparse.Namespace) -> int:
    result = validate(args.root)
    found = result.diagnostics.sorted()
    files = len(result.handbook.files)
    if args.format == "json":
        print(format_json(found, files))
    elif args.format == "github":
        for diagnostic in found:
            print(format_github(diagnostic))
    else:
        colour = sys.stdout.isatty()
        for diagnostic in found:
            print(format_text(diagnostic, colour))
        print(summary(found, files), file=sys.stderr)
        if result.checks_skipped:
            print("consistency checks were skipped: fix the files that cannot be read first", file=sys.stderr)
    failed = result.diagnostics.errors or (args.strict and result.diagnostics.warnings)
    return 1 if failed else 0


def run_checks(args: argparse.Namespace) -> int:
    from generator.check import all_checks  # noqa: F401  (registers the checks)
    from generator.check.registry import REGISTRY

    width = max(map(len, REGISTRY))
    for code, registered in sorted(REGISTRY.items()):
        print(f"{code:<{width}}  {registered.summary}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    result = validate(args.root)
    if not result.ok:
        for diagnostic in result.diagnostics.errors:
            print(format_text(diagnostic), file=sys.stderr)
        print("error: fix the problems above before exporting", file=sys.stderr)
        return 1
    print(model_json(result.handbook))
    return 0


def run_schema(args: argparse.Namespace) -> int:
    out: Path = args.out or args.root / "process" / "schemas"
    stale = []
    for name, schema in all_schemas().items():
        path = out / name
        text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    verb = "out of date" if args.check else "written"
    for path in stale:
        print(f"{path}: {verb}")
    if not stale:
        print(f"{out}: all schemas up to date")
    return 1 if args.check and stale else 0
