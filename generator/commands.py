"""What each ``handbook`` command does, as functions over parsed options."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.model.schema import all_schemas
from generator.report.diagnostics import format_github, format_json, format_text, summary
from generator.report.progress import Progress
from generator.validate import Validation, validate

if TYPE_CHECKING:
    from generator.render import GenerateReport
    from generator.render.memo import PageMemo

# Rendering, building and serving are imported where they are used: `handbook validate`,
# run on every save and in every pre-commit hook, should not wait for jinja2 or MkDocs.


class UsageError(Exception):
    """The command cannot run as asked; the message says what to change."""


def run_validate(args: argparse.Namespace) -> int:
    result = validate(args.root, args.today)
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


def _generated(
    root: Path,
    result: Validation,
    progress: Progress,
    only: str | None = None,
    memo: PageMemo | None = None,
) -> GenerateReport | None:
    from generator.render import generate

    with progress.step("generate") as step:
        report = generate(result.handbook, Index(result.handbook), root, only=only, memo=memo)
        pages = ", ".join(f"{count} {lang}" for lang, count in report.pages.items())
        step.detail = (
            f"{pages} pages; {report.written} files written, {report.unchanged} "
            f"unchanged, {report.removed} removed"
        )
    for problem in report.problems:
        print(f"error: {problem}", file=sys.stderr)
    return None if report.problems else report


def _writing(args: argparse.Namespace, command: str) -> AbstractContextManager[None]:
    from generator.build.writing import writing

    return writing(args.root, command=command, wait=args.wait)


def run_generate(args: argparse.Namespace) -> int:
    progress = Progress()
    with _writing(args, "generate"):
        result = _validated(args.root, progress)
        if result is None or _generated(args.root, result, progress) is None:
            return 1
    from generator.render import OUTPUT

    print(f"Markdown and MkDocs configurations are in {args.root / OUTPUT}", file=sys.stderr)
    return 0


def run_build(args: argparse.Namespace) -> int:
    from generator.build.site import BuildFailed, LanguageBuild, build_site
    from generator.build.swap import site_folders

    progress = Progress()
    with _writing(args, "build"):
        result = _validated(args.root, progress)
        if result is None or _generated(args.root, result, progress) is None:
            return 1
        info = result.handbook.info
        assert info is not None  # a valid handbook has its metadata
        folders = site_folders(args.root)
        built: list[str] = []

        def report(language: LanguageBuild) -> None:
            built.append(f"{language.language} {language.seconds:.1f} s")
            progress.detail = ", ".join(built)

        try:
            with progress.step(f"build {', '.join(info.languages)}"):
                build_site(args.root, folders, list(info.languages), info.default_language, on_built=report)
        except BuildFailed as failed:
            problems = [line for line in failed.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
            print("\n".join(problems or failed.output.splitlines()), file=sys.stderr)
            print(f"error: {failed}; the previous site was left as it was", file=sys.stderr)
            return 1
    site = args.root / "site"
    others = [lang for lang in info.languages if lang != info.default_language] if info else []
    where = f"{info.default_language if info else 'en'} at the root" + (
        f", {', '.join(others)} in folders of their own" if others else ""
    )
    print(
        f"The handbook is in {site}/ ({where}).\nPreview it with: python -m http.server -d {site}",
        file=sys.stderr,
    )
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from generator.build.serve import AddressTaken, claim_address, serve

    try:
        address = claim_address(args.address)
    except AddressTaken as taken:
        raise UsageError(str(taken)) from None
    from generator.render.memo import PageMemo

    progress = Progress()
    with _writing(args, "serve"):
        result = _validated(args.root, progress)
        info = result.handbook.info if result is not None else None
        language = args.lang or (info.default_language if info else "en")
        # The pages of the language shown are kept: an edit then re-renders only its own.
        memo = PageMemo(language)
        if result is None or _generated(args.root, result, progress, memo=memo) is None:
            return 1

    def regenerate() -> None:
        from generator.build.lock import LockBusy
        from generator.environment import describe

        try:
            with _writing(args, "serve"):
                again = _validated(args.root, progress)
                if again is not None:  # the preview shows one language: write only it
                    _generated(args.root, again, progress, only=language, memo=memo)
                else:
                    print("the preview keeps the last good pages", file=sys.stderr)
        except LockBusy as busy:  # the preview goes on; the next save tries again
            print(f"error: {busy}; the preview keeps the last pages", file=sys.stderr)
        except OSError as exc:
            print(f"error: {describe(exc)}; the preview keeps the last pages", file=sys.stderr)

    return serve(args.root, language, address, regenerate)


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
    if args.what in ("scorm", "cmi5"):
        return run_export_lms(args, result.handbook)
    return _export_file(args, result.handbook)


def run_export_lms(args: argparse.Namespace, handbook: Handbook) -> int:
    """``handbook export scorm|cmi5 --path ID``: an onboarding path for an LMS, as a zip."""
    from generator.export.output import write_output
    from generator.export.quiz.bank import ExportError
    from generator.lms import export_package

    if args.out is None or args.out.suffix.lower() != ".zip":
        raise UsageError(f"{args.what} packages are zip files: give --out FILE.zip")
    try:
        data = export_package(args.what, args.root, handbook, path=args.path, lang=args.lang, fmt=args.format)
        write_output(data, args.out, force=args.force, binary=True)
    except ExportError as exc:
        raise UsageError(str(exc)) from exc
    print(f"{args.out}: {args.what} package of onboarding path '{args.path}' written", file=sys.stderr)
    return 0


def run_schema(args: argparse.Namespace) -> int:
    if getattr(args, "model", False):
        return _model_schema(args)
    out: Path = args.out or args.root / "process" / "schemas"
    _refuse_file_for_folder(out)
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


def _refuse_file_for_folder(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"'{out}' is a file: --out takes a folder to write the schemas into")


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


# --- exports for other tools, print packs, a new handbook -------------------------------


def _export_file(args: argparse.Namespace, handbook: Handbook) -> int:
    """Write ``handbook export WHAT`` to ``--out`` or standard output."""
    from generator.export.files import export_file
    from generator.export.output import write_output
    from generator.export.quiz.bank import ExportError

    try:
        data, binary = export_file(handbook, args.what, fmt=args.format, lang=args.lang, role=args.role)
        write_output(data, args.out, force=args.force, binary=binary)
    except ExportError as exc:
        raise UsageError(str(exc)) from exc
    if args.out is not None:
        print(f"{args.out}: {args.what} written", file=sys.stderr)
    return 0


def _model_schema(args: argparse.Namespace) -> int:
    """``handbook schema --model``: the JSON Schema of ``handbook export model``."""
    from generator.export.model_schema import model_schema

    text = json.dumps(model_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.out is None:
        sys.stdout.write(text)
        return 0
    _refuse_file_for_folder(args.out)
    path = args.out / "model.schema.json"
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if args.check:
        print(f"{path}: {'up to date' if current == text else 'out of date'}")
        return 0 if current == text else 1
    args.out.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"{path}: written")
    return 0


def run_upgrade(args: argparse.Namespace) -> int:
    """Rewrite the handbook at ``--root`` to the newest file format; list each change."""
    from generator.upgrade import UpgradeError, upgrade

    try:
        changes = upgrade(args.root, dry_run=args.dry_run)
    except UpgradeError as exc:
        raise UsageError(str(exc)) from exc
    if not changes:
        print(f"{args.root}: already in the newest format; nothing to change", file=sys.stderr)
    for change in changes:
        print(f"{change.file}: {change.what}{' (dry run: not written)' if args.dry_run else ''}")
    return 0


def run_init(args: argparse.Namespace) -> int:
    """Create a new handbook in ``args.folder`` from the starter."""
    from generator.starter import InitError, create_handbook

    try:
        written = create_handbook(args.folder, args.languages.split(","))
    except InitError as exc:
        raise UsageError(str(exc)) from exc
    folder = args.folder
    print(
        f"{folder}: new handbook, {len(written)} files written.\n"
        f"Next: handbook validate --root {folder} && handbook build --root {folder}",
        file=sys.stderr,
    )
    return 0


# --- publishing versions, and what changed between two ------------------------------------


def run_publish(args: argparse.Namespace) -> int:
    """Publish with mike. Exit 1: the definitions have errors or an unbumped version, or the
    build failed; exit 2: the folder cannot be published as it is (no git repository,
    uncommitted changes, mike unusable)."""
    progress = Progress()
    with _writing(args, "publish"):
        return _publish(args, progress)


def _publish(args: argparse.Namespace, progress: Progress) -> int:
    from generator.publish.mike import MikeFailed
    from generator.publish.publish import PublishOptions, Refused, publish

    result = _validated_for_publishing(args, progress)
    if result is None:
        return 1
    options = PublishOptions(
        push=args.push,
        allow_dirty=args.allow_dirty,
        allow_same_version=args.allow_same_version,
        remote=args.remote,
        branch=args.branch,
        wait=args.wait,
    )
    try:
        report = publish(
            args.root,
            result.handbook,
            options,
            step=progress.step,
            note=lambda line: print(f"note: {line}", file=sys.stderr),
        )
    except Refused as refused:
        if refused.output:
            print(refused.output, file=sys.stderr)
        print(f"error: {refused}", file=sys.stderr)
        if refused.hint:
            print(f"hint: {refused.hint}", file=sys.stderr)
        if not refused.output:
            print("nothing was published", file=sys.stderr)
        return 2 if refused.usage else 1
    except MikeFailed as failed:
        print(failed.output, file=sys.stderr)
        print(f"error: {failed}; the {args.branch} branch was left as it was", file=sys.stderr)
        return 1
    _say_published(args, report)
    return 0


def _validated_for_publishing(args: argparse.Namespace, progress: Progress) -> Validation | None:
    """Validate; with errors, ``None`` unless ``--allow-invalid`` (and every file could be read)."""
    with progress.step("validate") as step:
        result = validate(args.root)
        found = result.diagnostics.sorted()
        step.detail = summary(found, len(result.handbook.files))
    for diagnostic in found:
        print(format_text(diagnostic, sys.stdout.isatty()))
    readable = result.handbook.info is not None and not result.handbook.unreadable
    if result.ok or (args.allow_invalid and readable):
        return result
    hint = " (or pass --allow-invalid)" if readable else ""
    print(f"error: fix the problems above{hint}; nothing was published", file=sys.stderr)
    return None


def _say_published(args: argparse.Namespace, report: Any) -> None:
    folders = ", ".join(f"{folder} ({lang})" for lang, folder in report.folders.items())
    alias = " as latest" if report.aliases else ""
    since = f"since {report.previous}" if report.changes.old else "(first published version)"
    counts = ", ".join(f"{n} {action}" for action, n in report.changes.counts().items() if n)
    print(
        f"Published {report.version}{alias} to the {args.branch} branch: {folders}.\n"
        f"What's new {since}: {counts or 'no changes'}.\n"
        f"Preview it with: mike serve -b {args.branch}",
        file=sys.stderr,
    )
    if not report.pushed:
        print(f"Push it with: git push {args.remote} {args.branch} (or publish with --push)", file=sys.stderr)


def run_diff(args: argparse.Namespace) -> int:
    """Print what changed from OLD to NEW (git refs or folders), as Markdown or JSON."""
    from generator.diff.compare import compare
    from generator.diff.report_json import format_json as changes_json
    from generator.diff.report_md import format_markdown
    from generator.diff.source import SourceError, load_side

    try:
        old, new = load_side(args.root, args.old), load_side(args.root, args.new)
    except SourceError as exc:
        raise UsageError(str(exc)) from exc
    for side in (old, new):
        errors = len(side.validation.diagnostics.errors)
        if errors:
            print(
                f"warning: {side.spec} has {errors} error(s) (see `handbook validate`); "
                "they may show as changes",
                file=sys.stderr,
            )
    changes = compare(old.model, new.model)
    print(changes_json(changes) if args.format == "json" else format_markdown(changes), end="")
    if args.format == "json":
        print()
    return 0


def run_review_due(args: argparse.Namespace) -> int:
    """What is overdue for review or due soon, by owner; exit 0 whatever it lists."""
    import datetime

    from generator.review.due import due_report, render_report

    today = args.today or datetime.date.today()
    result = validate(args.root, today)
    if not result.ok:
        for diagnostic in result.diagnostics.errors:
            print(format_text(diagnostic), file=sys.stderr)
        print("error: fix the problems above before listing reviews", file=sys.stderr)
        return 1
    sys.stdout.write(render_report(due_report(result.handbook, today, args.within), args.format))
    return 0
