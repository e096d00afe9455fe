"""Commands over the definition files themselves: check them, list the checks, write
their JSON Schemas, upgrade their format, start a new handbook."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from generator.commands.errors import CommandError, ExitCode
from generator.commands.options import (
    ChecksOptions,
    InitOptions,
    SchemaOptions,
    UpgradeOptions,
    ValidateOptions,
)
from generator.commands.steps import findings
from generator.model.schema import all_schemas
from generator.report.output import print_findings
from generator.validate import validate


def run_validate(options: ValidateOptions) -> ExitCode:
    """Every problem at once; exit 1 on errors, or on warnings with ``--strict``."""
    result = validate(options.root, options.today)
    print_findings(findings(result), options.format, to=sys.stdout, notes=sys.stderr)
    diagnostics = result.diagnostics
    failed = diagnostics.errors or (options.strict and diagnostics.warnings)
    return ExitCode.DEFINITIONS if failed else ExitCode.OK


def run_checks(options: ChecksOptions) -> ExitCode:
    from generator.check import all_checks  # noqa: F401  (registers the checks)
    from generator.check.registry import REGISTRY

    width = max(map(len, REGISTRY))
    for code, registered in sorted(REGISTRY.items()):
        print(f"{code:<{width}}  {registered.summary}")
    return ExitCode.OK


def run_schema(options: SchemaOptions) -> ExitCode:
    """Write (or with ``--check``, compare) one JSON Schema per kind of definition file."""
    if options.model:
        return _model_schema(options)
    out = options.out or options.root / "process" / "schemas"
    _refuse_file_for_folder(out)
    stale = []
    for name, schema in all_schemas().items():
        path = out / name
        text = _json_text(schema)
        if _current(path) == text:
            continue
        stale.append(path)
        if not options.check:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    verb = "out of date" if options.check else "written"
    for path in stale:
        print(f"{path}: {verb}")
    if not stale:
        print(f"{out}: all schemas up to date")
    return ExitCode.DEFINITIONS if options.check and stale else ExitCode.OK


def _model_schema(options: SchemaOptions) -> ExitCode:
    """``handbook schema --model``: the JSON Schema of ``handbook export model``."""
    from generator.export.model_schema import model_schema

    text = _json_text(model_schema())
    if options.out is None:
        sys.stdout.write(text)
        return ExitCode.OK
    _refuse_file_for_folder(options.out)
    path = options.out / "model.schema.json"
    current = _current(path)
    if options.check:
        print(f"{path}: {'up to date' if current == text else 'out of date'}")
        return ExitCode.OK if current == text else ExitCode.DEFINITIONS
    options.out.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"{path}: written")
    return ExitCode.OK


def _json_text(schema: object) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _current(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _refuse_file_for_folder(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise CommandError(f"'{out}' is a file: --out takes a folder to write the schemas into")


def run_upgrade(options: UpgradeOptions) -> ExitCode:
    """Rewrite the handbook at ``--root`` to the newest file format; list each change."""
    from generator.upgrade import UpgradeError, upgrade

    try:
        changes = upgrade(options.root, dry_run=options.dry_run)
    except UpgradeError as exc:
        raise CommandError(str(exc)) from exc
    if not changes:
        print(f"{options.root}: already in the newest format; nothing to change", file=sys.stderr)
    note = " (dry run: not written)" if options.dry_run else ""
    for change in changes:
        print(f"{change.file}: {change.what}{note}")
    return ExitCode.OK


def run_init(options: InitOptions) -> ExitCode:
    """Create a new handbook in ``options.folder`` from the starter."""
    from generator.starter import InitError, create_handbook

    try:
        written = create_handbook(options.folder, options.languages)
    except InitError as exc:
        raise CommandError(str(exc)) from exc
    folder = options.folder
    print(
        f"{folder}: new handbook, {len(written)} files written.\n"
        f"Next: handbook validate --root {folder} && handbook build --root {folder}",
        file=sys.stderr,
    )
    return ExitCode.OK
