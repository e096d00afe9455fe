"""The command layer's contracts: each command's options record matches its command line,
errors are printed one way with their exit code, validation results are printed one way."""

from __future__ import annotations

import argparse
import ast
import dataclasses
import io
import json
import typing
from pathlib import Path

import pytest

from generator import cli, commands
from generator.commands import CommandError, ExitCode, print_error
from generator.diagnostics import Diagnostic, Level
from generator.model.location import Location
from generator.report.output import CHECKS_SKIPPED, Findings, print_findings
from tests.conftest import REPO, Workspace

# Read by the command line itself, not by a command.
TOP_LEVEL = {"command", "debug", "help"}


def subcommands() -> dict[str, argparse.ArgumentParser]:
    [choices] = [a for a in cli.argument_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(choices.choices)


def options_given(sub: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    return {a.dest: a for a in sub._actions if a.dest not in TOP_LEVEL}


def test_every_command_has_an_options_record() -> None:
    assert set(subcommands()) == set(commands.OPTIONS_OF)


@pytest.mark.parametrize("name", sorted(commands.OPTIONS_OF))
def test_the_record_holds_every_option_of_its_command(name: str) -> None:
    record = commands.OPTIONS_OF[name]
    fields = {f.name for f in dataclasses.fields(record)}
    given = set(options_given(subcommands()[name]))
    assert fields <= given, f"{name}: fields the command line does not set"
    # `--root` of a command that reads no handbook is only checked to be a folder.
    assert given - fields <= {"root"}, f"{name}: options no command reads"


@pytest.mark.parametrize("name", sorted(commands.OPTIONS_OF))
def test_the_records_choices_are_the_command_lines(name: str) -> None:
    record = commands.OPTIONS_OF[name]
    hints = typing.get_type_hints(record)
    for dest, action in options_given(subcommands()[name]).items():
        if action.choices is None or dest not in hints:
            continue
        assert set(_literal_values(hints[dest])) == set(action.choices), f"{name} --{dest}"


def _literal_values(hint: object) -> tuple[object, ...]:
    """``Literal["a", "b"]`` or ``Literal["a", "b"] | None`` → ``("a", "b")``."""
    if typing.get_origin(hint) is typing.Literal:
        return typing.get_args(hint)
    [literal] = [a for a in typing.get_args(hint) if a is not type(None)]
    return typing.get_args(literal)


def test_options_are_built_from_the_command_line(tmp_path: Path) -> None:
    args = cli.argument_parser().parse_args(["init", str(tmp_path / "new"), "--languages", "de,en"])
    assert cli.options_of(args) == commands.OPTIONS_OF["init"](
        folder=tmp_path / "new", languages=("de", "en")
    )
    args = cli.argument_parser().parse_args(["upgrade", "--root", str(REPO), "--dry-run"])
    options = cli.options_of(args)
    assert options == commands.OPTIONS_OF["upgrade"](root=REPO, dry_run=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.root = tmp_path  # type: ignore[misc]


def test_a_folder_without_process_is_refused_before_the_command_runs(tmp_path: Path) -> None:
    args = cli.argument_parser().parse_args(["validate", "--root", str(tmp_path)])
    with pytest.raises(CommandError) as refused:
        cli.options_of(args)
    assert refused.value.exit == ExitCode.ENVIRONMENT_OR_USAGE
    assert "has no process/ folder" in refused.value.message


def test_the_exit_codes_keep_their_documented_numbers() -> None:
    assert {code.name: int(code) for code in ExitCode} == {
        "OK": 0,
        "DEFINITIONS": 1,
        "ENVIRONMENT_OR_USAGE": 2,
        "BUG": 3,
    }
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = readme[readme.index("Exit codes:") :].split("\n\n")[0]
    for code in ExitCode:
        assert f"`{int(code)}`" in documented
    assert commands.stopped_by(2) == 130 and commands.stopped_by(15) == 143


def test_an_error_prints_as_error_then_hint_after_what_led_to_it() -> None:
    stream = io.StringIO()
    print_error(CommandError("it broke", hint="do this", output="tool said so"), stream)
    assert stream.getvalue() == "tool said so\nerror: it broke\nhint: do this\n"
    stream = io.StringIO()
    print_error(CommandError("it broke"), stream)
    assert stream.getvalue() == "error: it broke\n"


def test_a_command_error_ends_the_command_with_its_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "schemas").write_text("a file", encoding="utf-8")
    code = cli.main(["schema", "--root", str(REPO), "--out", str(tmp_path / "schemas")])
    assert code == ExitCode.ENVIRONMENT_OR_USAGE
    assert capsys.readouterr().err == (
        f"error: '{tmp_path / 'schemas'}' is a file: --out takes a folder to write the schemas into\n"
    )


def test_no_command_returns_a_bare_number() -> None:
    """Exit codes are named: ``return 1`` says nothing about why."""
    sources = [REPO / "generator" / "cli.py", *sorted((REPO / "generator" / "commands").glob("*.py"))]
    found = [
        f"{path.name}:{node.lineno}"
        for path in sources
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Return)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, int)
        and not isinstance(node.value.value, bool)
    ]
    assert found == []


def test_no_command_reads_argparse() -> None:
    for path in (REPO / "generator" / "commands").glob("*.py"):
        assert "argparse" not in path.read_text(encoding="utf-8"), path


# --- validation results, printed one way -------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _problem(level: Level, line: int) -> Diagnostic:
    return Diagnostic(Location("process/a.yaml", line, 3), level, "stage-order", "wrong", "fix it")


FOUND = Findings([_problem("error", 2), _problem("warning", 9)], files=4)


def test_text_puts_problems_on_one_stream_and_the_summary_on_the_other() -> None:
    out, notes = io.StringIO(), io.StringIO()
    print_findings(FOUND, to=out, notes=notes)
    assert out.getvalue().splitlines() == [
        "process/a.yaml:2:3: error [stage-order] wrong (fix it)",
        "process/a.yaml:9:3: warning [stage-order] wrong (fix it)",
    ]
    assert notes.getvalue() == "4 files checked: 1 error(s), 1 warning(s)\n"


def test_text_is_coloured_only_on_a_terminal_and_says_when_checks_were_skipped() -> None:
    out, notes = Terminal(), io.StringIO()
    print_findings(Findings(FOUND.problems, 4, checks_skipped=True), to=out, notes=notes)
    assert "\033[31merror\033[0m" in out.getvalue()
    assert notes.getvalue().splitlines()[-1] == CHECKS_SKIPPED
    out = io.StringIO()
    print_findings(FOUND, to=out)  # a progress line shows the summary instead
    assert "\033[" not in out.getvalue() and "files checked" not in out.getvalue()


def test_json_and_github_formats() -> None:
    out = io.StringIO()
    print_findings(FOUND, "json", to=out, notes=io.StringIO())
    data = json.loads(out.getvalue())
    assert (data["files"], data["errors"], data["warnings"]) == (4, 1, 1)
    out = io.StringIO()
    print_findings(FOUND, "github", to=out)
    assert out.getvalue().splitlines()[1].startswith("::warning file=process/a.yaml,line=9,col=3,")


def test_a_refused_export_shows_the_same_report_as_validate_on_standard_error(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace.replace("process/stage.yaml", "    order: 1", "    order: -1")
    assert cli.main(["validate", "--root", str(workspace.root)]) == ExitCode.DEFINITIONS
    validated = capsys.readouterr()
    assert cli.main(["export", "model", "--root", str(workspace.root)]) == ExitCode.DEFINITIONS
    exported = capsys.readouterr()
    assert exported.out == ""
    assert exported.err == validated.out + validated.err + "error: fix the problems above before exporting\n"


# --- the preview goes on whatever stops one regeneration ------------------------------


def test_a_refused_regeneration_keeps_the_preview_going(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.commands.site import _regenerate
    from generator.render.memo import PageMemo
    from generator.report.progress import Progress

    options = commands.OPTIONS_OF["serve"](root=workspace.root, wait=1.0, address="127.0.0.1:0")
    progress = Progress(io.StringIO())
    _regenerate(options, progress, "en", PageMemo("en"))
    assert (workspace.root / ".handbook" / "docs").is_dir()
    capsys.readouterr()
    workspace.replace("process/stage.yaml", "    order: 1", "    order: -1")
    _regenerate(options, progress, "en", PageMemo("en"))  # raises nothing: the preview keeps serving
    shown = capsys.readouterr()
    assert "[stage-order]" in shown.out
    assert shown.err.splitlines()[-2:] == [
        "error: fix the problems above; nothing was generated",
        "the preview keeps the last good pages",
    ]


# --- schema files: the library writes them, the command reports -----------------------


def test_schemas_are_written_only_when_they_changed(tmp_path: Path) -> None:
    from generator.export.schema_files import sync_schemas

    schemas = {"a.schema.json": {"type": "object"}, "b.schema.json": {"title": "言"}}
    assert sync_schemas(schemas, tmp_path / "s", write=False) == [tmp_path / "s" / n for n in schemas]
    assert not (tmp_path / "s").exists()  # comparing writes nothing
    assert len(sync_schemas(schemas, tmp_path / "s", write=True)) == 2
    assert "言" in (tmp_path / "s" / "b.schema.json").read_text(encoding="utf-8")
    assert sync_schemas(schemas, tmp_path / "s", write=True) == []
    changed = {**schemas, "a.schema.json": {"type": "array"}}
    assert sync_schemas(changed, tmp_path / "s", write=False) == [tmp_path / "s" / "a.schema.json"]


@pytest.mark.parametrize(
    ("raised", "code", "printed"),
    [
        (
            RuntimeError("boom"),
            ExitCode.BUG,
            "error: internal error: RuntimeError('boom') (run again with --debug",
        ),
        (
            CommandError("held", exit=ExitCode.DEFINITIONS, hint="wait"),
            ExitCode.DEFINITIONS,
            "error: held\nhint: wait",
        ),
        (
            PermissionError(13, "Permission denied", "/x"),
            ExitCode.ENVIRONMENT_OR_USAGE,
            "error: permission denied for '/x'",
        ),
    ],
)
def test_whatever_a_command_raises_ends_in_one_line_and_its_code(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    raised: Exception,
    code: ExitCode,
    printed: str,
) -> None:
    def fail(options: commands.Options) -> ExitCode:
        raise raised

    monkeypatch.setattr(commands, "run", fail)
    assert cli.main(["validate", "--root", str(REPO)]) == code
    err = capsys.readouterr().err
    assert err.startswith(printed) and "Traceback" not in err
