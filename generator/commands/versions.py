"""Commands over versions of the handbook: publish one with mike, list what changed
between two."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from generator.commands.errors import CommandError, ExitCode
from generator.commands.options import DiffOptions, PublishOptions
from generator.commands.steps import validated_step, writing
from generator.report.progress import Progress
from generator.validate import Validation

if TYPE_CHECKING:
    from generator.publish.publish import PublishReport, Refused


def run_publish(options: PublishOptions) -> ExitCode:
    """Publish with mike. Exit 1: the definitions have errors or an unbumped version, or the
    build failed; exit 2: the folder cannot be published as it is (no git repository,
    uncommitted changes, mike unusable)."""
    from generator.publish.mike import MikeFailed
    from generator.publish.publish import PublishOptions as Publishing
    from generator.publish.publish import Refused, publish

    progress = Progress()
    with writing(options.root, "publish", options.wait):
        result = _publishable(options, validated_step(options.root, progress))
        publishing = Publishing(
            push=options.push,
            allow_dirty=options.allow_dirty,
            allow_same_version=options.allow_same_version,
            remote=options.remote,
            branch=options.branch,
            wait=options.wait,
        )
        try:
            report = publish(
                options.root,
                result.handbook,
                publishing,
                step=progress.step,
                note=lambda line: print(f"note: {line}", file=sys.stderr),
            )
        except Refused as refused:
            raise _refusal(refused) from refused
        except MikeFailed as failed:
            raise CommandError(
                f"{failed}; the {options.branch} branch was left as it was",
                exit=ExitCode.DEFINITIONS,
                output=failed.output,
            ) from failed
    _say_published(options, report)
    return ExitCode.OK


def _publishable(options: PublishOptions, result: Validation) -> Validation:
    """``result``, unless it has errors and ``--allow-invalid`` was not given (or a file
    could not be read at all, which even ``--allow-invalid`` cannot publish)."""
    readable = result.handbook.info is not None and not result.handbook.unreadable
    if result.ok or (options.allow_invalid and readable):
        return result
    hint = " (or pass --allow-invalid)" if readable else ""
    raise CommandError(f"fix the problems above{hint}; nothing was published", exit=ExitCode.DEFINITIONS)


def _refusal(refused: Refused) -> CommandError:
    """Publishing's refusal as the command's error: the folder or the command line is at
    fault (exit 2), or the definitions are (exit 1)."""
    # Output comes with a refusal after the branch was written (a failed push).
    message = str(refused) if refused.output else f"nothing was published: {refused}"
    return CommandError(
        message,
        exit=ExitCode.ENVIRONMENT_OR_USAGE if refused.usage else ExitCode.DEFINITIONS,
        hint=refused.hint,
        output=refused.output,
    )


def _say_published(options: PublishOptions, report: PublishReport) -> None:
    folders = ", ".join(f"{folder} ({lang})" for lang, folder in report.folders.items())
    alias = " as latest" if report.aliases else ""
    since = f"since {report.previous}" if report.changes.old else "(first published version)"
    counts = ", ".join(f"{n} {action}" for action, n in report.changes.counts().items() if n)
    print(
        f"Published {report.version}{alias} to the {options.branch} branch: {folders}.\n"
        f"What's new {since}: {counts or 'no changes'}.\n"
        f"Preview it with: mike serve -b {options.branch}",
        file=sys.stderr,
    )
    if not report.pushed:
        print(
            f"Push it with: git push {options.remote} {options.branch} (or publish with --push)",
            file=sys.stderr,
        )


def run_diff(options: DiffOptions) -> ExitCode:
    """Print what changed from OLD to NEW (git refs or folders), as Markdown or JSON."""
    from generator.diff.compare import compare
    from generator.diff.report_json import format_json as changes_json
    from generator.diff.report_md import format_markdown
    from generator.diff.source import SourceError, load_side

    try:
        old, new = load_side(options.root, options.old), load_side(options.root, options.new)
    except SourceError as exc:
        raise CommandError(str(exc)) from exc
    for side in (old, new):
        errors = len(side.validation.diagnostics.errors)
        if errors:
            print(
                f"warning: {side.spec} has {errors} error(s) (see `handbook validate`); "
                "they may show as changes",
                file=sys.stderr,
            )
    changes = compare(old.model, new.model)
    if options.format == "json":
        print(changes_json(changes))
    else:
        print(format_markdown(changes), end="")
    return ExitCode.OK
