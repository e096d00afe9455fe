"""Commands over the definition files themselves: check them, list the checks, write
their JSON Schemas, upgrade their format, start a new handbook."""

from __future__ import annotations

import sys
from collections.abc import Mapping
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
    """List every registered consistency check: its stable code and what it checks."""
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
    stale = _synced(all_schemas(), out, write=not options.check)
    verb = "out of date" if options.check else "written"
    for path in stale:
        print(f"{path}: {verb}")
    if not stale:
        print(f"{out}: all schemas up to date")
    return ExitCode.DEFINITIONS if options.check and stale else ExitCode.OK


def _model_schema(options: SchemaOptions) -> ExitCode:
    """``handbook schema --model``: the JSON Schema of ``handbook export model``."""
    from generator.export.model_schema import MODEL_SCHEMA_FILE, model_schema
    from generator.export.schema_files import schema_text

    schema = model_schema()
    if options.out is None:
        sys.stdout.write(schema_text(schema))
        return ExitCode.OK
    stale = _synced({MODEL_SCHEMA_FILE: schema}, options.out, write=not options.check)
    path = options.out / MODEL_SCHEMA_FILE
    if options.check:
        print(f"{path}: {'out of date' if stale else 'up to date'}")
        return ExitCode.DEFINITIONS if stale else ExitCode.OK
    print(f"{path}: {'written' if stale else 'up to date'}")
    return ExitCode.OK


def _synced(schemas: Mapping[str, object], out: Path, *, write: bool) -> list[Path]:
    # The export package is imported here: `handbook validate` does not need it.
    from generator.export.quiz.bank import ExportError
    from generator.export.schema_files import sync_schemas

    try:
        return sync_schemas(schemas, out, write=write)
    except ExportError as exc:
        raise CommandError(str(exc)) from exc


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
