"""What each ``handbook`` command does, as functions over parsed options."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from generator.build.serve import serve
from generator.build.site import BuildFailed, build_site
from generator.export.model_json import model_json
from generator.model.index import Index
from generator.model.schema import all_schemas
from generator.render import OUTPUT, GenerateReport, generate
from generator.report.diagnostics import format_github, format_json, format_text, summary
from generator.report.progress import Progress
from generator.validate import Validation, validate


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


def _validated(root: Path, progress: Progress) -> Validation | None:
    """Validate ``root`` as the first step of a command; print the problems if any."""
    with progress.step("validate") as step:
        result = validate(root)
        found = result.diagnostics.sorted()
        step.detail = summary(found, len(result.handbook.files))
    for diagnostic in found:
        print(format_text(diagnostic, sys.stdout.isatty()))
    if not result.ok:
        print("error: fix the problems above; nothing was generated", file=sys.stderr)
        return None
    return result


def _generated(root: Path, result: Validation, progress: Progress) -> GenerateReport | None:
    with progress.step("generate") as step:
        report = generate(result.handbook, Index(result.handbook), root)
        pages = ", ".join(f"{count} {lang}" for lang, count in report.pages.items())
        step.detail = (
            f"{pages} pages; {report.written} files written, {report.unchanged} "
            f"unchanged, {report.removed} removed"
        )
    for problem in report.problems:
        print(f"error: {problem}", file=sys.stderr)
    return None if report.problems else report


def run_generate(args: argparse.Namespace) -> int:
    progress = Progress()
    result = _validated(args.root, progress)
    if result is None or _generated(args.root, result, progress) is None:
        return 1
    print(f"Markdown and MkDocs configurations are in {args.root / OUTPUT}", file=sys.stderr)
    return 0


def run_build(args: argparse.Namespace) -> int:
    progress = Progress()
    result = _validated(args.root, progress)
    if result is None or _generated(args.root, result, progress) is None:
        return 1
    info = result.handbook.info
    assert info is not None  # a valid handbook has its metadata
    steps: list[Any] = []

    def announce(language: str) -> None:
        if steps:
            steps.pop().__exit__(None, None, None)
        steps.append(progress.step(f"build {language}"))
        steps[-1].__enter__()

    try:
        build_site(args.root, list(info.languages), info.default_language, on_language=announce)
    except BuildFailed as failed:
        if steps:
            steps.pop().__exit__(None, None, None)
        problems = [line for line in failed.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
        print("\n".join(problems or failed.output.splitlines()), file=sys.stderr)
        print(f"error: {failed}; the previous site/ was left as it was", file=sys.stderr)
        return 1
    if steps:
        steps.pop().__exit__(None, None, None)
    site = args.root / "site"
    print(
        f"The handbook is in {site}/ (English at the root, other languages below it).\n"
        f"Preview it with: python -m http.server -d {site}",
        file=sys.stderr,
    )
    return 0


def run_serve(args: argparse.Namespace) -> int:
    progress = Progress()
    result = _validated(args.root, progress)
    if result is None or _generated(args.root, result, progress) is None:
        return 1

    def regenerate() -> None:
        again = _validated(args.root, progress)
        if again is not None:
            _generated(args.root, again, progress)
        else:
            print("the preview keeps the last good pages", file=sys.stderr)

    info = result.handbook.info
    language = args.lang or (info.default_language if info else "en")
    return serve(args.root, language, args.address, regenerate)


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


def run_assign(args: argparse.Namespace) -> int:
    """Write a hire's dated onboarding plan; the handbook is validated first."""
    import datetime

    from generator.export.assignment import PlanError, build_plan, check_request
    from generator.export.plan import render_plan, write_plan

    try:
        request = check_request(name=args.name, start=args.start, base_url=args.base_url)
        result = validate(args.root)
        if not result.ok:
            for diagnostic in result.diagnostics.errors:
                print(format_text(diagnostic), file=sys.stderr)
            print("error: fix the problems above before assigning a path", file=sys.stderr)
            return 1
        now = datetime.datetime.now(datetime.UTC)
        plan = build_plan(
            result.handbook, Index(result.handbook), args.path, request, lang=args.lang, created=now
        )
        write_plan(render_plan(plan, args.format), args.out, force=args.force)
    except PlanError as exc:
        raise UsageError(str(exc)) from exc
    if args.out is not None:
        print(f"{args.out}: onboarding plan of {request.name} written", file=sys.stderr)
    return 0
