"""Commands that write the handbook's data for other tools and people: exports, LMS
packages, a hire's dated plan, the list of reviews due. Their data may go to standard
output, so problems and notes go to standard error."""

from __future__ import annotations

import datetime
import sys

from generator.commands.errors import CommandError, ExitCode
from generator.commands.options import AssignOptions, ExportOptions, ReviewDueOptions
from generator.commands.steps import valid_quietly
from generator.model.handbook import Handbook
from generator.model.index import Index


def run_export(options: ExportOptions) -> ExitCode:
    handbook = valid_quietly(options.root, "exporting").handbook
    if options.what in ("scorm", "cmi5"):
        return _export_lms(options, handbook)
    return _export_file(options, handbook)


def _export_lms(options: ExportOptions, handbook: Handbook) -> ExitCode:
    """``handbook export scorm|cmi5 --path ID``: an onboarding path for an LMS, as a zip."""
    from generator.export.output import write_output
    from generator.export.quiz.bank import ExportError
    from generator.lms import export_package

    out = options.out
    if out is None or out.suffix.lower() != ".zip":
        raise CommandError(f"{options.what} packages are zip files: give --out FILE.zip")
    try:
        data = export_package(
            options.what, options.root, handbook, path=options.path, lang=options.lang, fmt=options.format
        )
        write_output(data, out, force=options.force, binary=True)
    except ExportError as exc:
        raise CommandError(str(exc)) from exc
    print(f"{out}: {options.what} package of onboarding path '{options.path}' written", file=sys.stderr)
    return ExitCode.OK


def _export_file(options: ExportOptions, handbook: Handbook) -> ExitCode:
    """Write ``handbook export WHAT`` to ``--out`` or standard output."""
    from generator.export.files import export_file
    from generator.export.output import write_output
    from generator.export.quiz.bank import ExportError

    try:
        data, binary = export_file(
            handbook, options.what, fmt=options.format, lang=options.lang, role=options.role
        )
        write_output(data, options.out, force=options.force, binary=binary)
    except ExportError as exc:
        raise CommandError(str(exc)) from exc
    if options.out is not None:
        print(f"{options.out}: {options.what} written", file=sys.stderr)
    return ExitCode.OK


def run_assign(options: AssignOptions) -> ExitCode:
    """Write a hire's dated onboarding plan; the handbook is validated first."""
    from generator.export.assignment import PlanError, build_plan, check_request
    from generator.export.plan import render_plan, write_plan

    try:
        request = check_request(name=options.name, start=options.start, base_url=options.base_url)
        handbook = valid_quietly(options.root, "assigning a path").handbook
        now = datetime.datetime.now(datetime.UTC)
        plan = build_plan(handbook, Index(handbook), options.path, request, lang=options.lang, created=now)
        write_plan(render_plan(plan, options.format), options.out, force=options.force)
    except PlanError as exc:
        raise CommandError(str(exc)) from exc
    if options.out is not None:
        print(f"{options.out}: onboarding plan of {request.name} written", file=sys.stderr)
    return ExitCode.OK


def run_review_due(options: ReviewDueOptions) -> ExitCode:
    """What is overdue for review or due soon, by owner; exit 0 whatever it lists."""
    from generator.review.due import due_report, render_report

    today = options.today or datetime.date.today()
    handbook = valid_quietly(options.root, "listing reviews", today).handbook
    sys.stdout.write(render_report(due_report(handbook, today, options.within), options.format))
    return ExitCode.OK
