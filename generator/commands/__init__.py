"""What each ``handbook`` command does, as functions over its options record.

Each command returns an :class:`ExitCode` or raises :class:`CommandError`; the command
line (``cli.py``) turns options into records and errors into one printed form.
"""

from __future__ import annotations

from typing import assert_never

from generator.commands import definitions, exports, site, versions
from generator.commands.errors import CommandError, ExitCode, print_error, stopped_by
from generator.commands.options import (
    OPTIONS_OF,
    AssignOptions,
    BuildOptions,
    ChecksOptions,
    DiffOptions,
    ExportOptions,
    GenerateOptions,
    InitOptions,
    Options,
    PublishOptions,
    ReviewDueOptions,
    SchemaOptions,
    ServeOptions,
    UpgradeOptions,
    ValidateOptions,
)

__all__ = ["OPTIONS_OF", "CommandError", "ExitCode", "Options", "print_error", "run", "stopped_by"]


def run(options: Options) -> ExitCode:
    """Run the command that ``options`` is the record of."""
    match options:
        case ValidateOptions():
            return definitions.run_validate(options)
        case ChecksOptions():
            return definitions.run_checks(options)
        case SchemaOptions():
            return definitions.run_schema(options)
        case UpgradeOptions():
            return definitions.run_upgrade(options)
        case InitOptions():
            return definitions.run_init(options)
        case GenerateOptions():
            return site.run_generate(options)
        case BuildOptions():
            return site.run_build(options)
        case ServeOptions():
            return site.run_serve(options)
        case ExportOptions():
            return exports.run_export(options)
        case AssignOptions():
            return exports.run_assign(options)
        case ReviewDueOptions():
            return exports.run_review_due(options)
        case PublishOptions():
            return versions.run_publish(options)
        case DiffOptions():
            return versions.run_diff(options)
        case _:
            assert_never(options)
