"""The handbook command as a user runs it: output format, exit codes, no tracebacks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

from generator.model.schema import all_schemas
from tests.conftest import REPO, Workspace

LINE_RE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (error|warning) \[[a-z-]+\] .+$")


def handbook(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd)


def test_validate_clean_exits_zero() -> None:
    result = handbook("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "no problems" in result.stderr


def test_validate_reports_every_problem_one_per_line(workspace: Workspace) -> None:
    workspace.replace("process/stage.yaml", "    order: 1", "    ordr: 1")
    workspace.replace("process/people.yaml", "cadence: daily", "cadence: dayly")
    result = handbook("validate", "--root", str(workspace.root))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert all(LINE_RE.match(line) for line in lines), lines
    assert lines[0].startswith("process/people.yaml:")
    assert "Traceback" not in result.stderr


def test_json_format_matches_text(workspace: Workspace) -> None:
    workspace.replace("process/stage.yaml", "    order: 1", "    order: -1")
    data = json.loads(handbook("validate", "--format", "json", "--root", str(workspace.root)).stdout)
    assert data["errors"] == 1
    [problem] = data["problems"]
    assert problem["code"] == "stage-order"
    assert (problem["file"], problem["line"]) == (
        "process/stage.yaml",
        workspace.line_of("process/stage.yaml", "order: -1"),
    )


def test_github_format_annotates(workspace: Workspace) -> None:
    workspace.replace("process/stage.yaml", "    order: 1", "    order: -1")
    out = handbook("validate", "--format", "github", "--root", str(workspace.root)).stdout
    assert out.startswith("::error file=process/stage.yaml,line=")


def test_strict_fails_on_warnings_only_when_asked(workspace: Workspace) -> None:
    assert handbook("validate", "--strict", "--root", str(workspace.root)).returncode == 0


def test_garbage_input_never_prints_a_traceback(workspace: Workspace) -> None:
    workspace.write("process/a.yaml", b"\x00\x01\xff\xfe garbage: [")
    workspace.write("process/b.yaml", "stages: {not: a list}\n")
    workspace.write("quizzes/c.yaml", "- just\n- a list\n")
    result = handbook("validate", "--root", str(workspace.root))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert {"process/a.yaml", "process/b.yaml", "quizzes/c.yaml"} <= {
        line.split(":")[0] for line in result.stdout.splitlines()
    }


def test_missing_root_is_a_usage_error(tmp_path: Path) -> None:
    result = handbook("validate", "--root", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_export_refuses_an_invalid_handbook(workspace: Workspace) -> None:
    workspace.replace("process/stage.yaml", "    order: 1", "    order: -1")
    result = handbook("export", "model", "--root", str(workspace.root))
    assert result.returncode == 1 and result.stdout == ""
    assert "stage-order" in result.stderr


def test_committed_schemas_are_up_to_date() -> None:
    result = handbook("schema", "--check")
    assert result.returncode == 0, result.stdout


def test_schema_check_notices_a_stale_schema(tmp_path: Path) -> None:
    assert handbook("schema", "--out", str(tmp_path)).returncode == 0
    (tmp_path / "roles.schema.json").write_text("{}")
    result = handbook("schema", "--check", "--out", str(tmp_path))
    assert result.returncode == 1 and "roles.schema.json" in result.stdout


def test_every_definition_file_names_its_schema_and_passes_it() -> None:
    """Editors get completion from these lines; the schema is checked by jsonschema itself."""
    schemas = all_schemas()
    files = sorted((REPO / "process").rglob("*.yaml")) + sorted((REPO / "quizzes").rglob("*.yaml"))
    assert len(files) >= 30
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.match(r"# yaml-language-server: \$schema=(\S+)$", first)
        assert match, path
        schema_path = (path.parent / match[1]).resolve()
        assert schema_path.is_file(), path
        schema = schemas[schema_path.name]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = json.loads(json.dumps(data, default=str))  # dates as strings, as editors see them
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_schema_rejects_what_validate_rejects() -> None:
    schema = all_schemas()["roles.schema.json"]
    bad = {"roles": [{"id": "Sales Rep", "name": {"en": "x", "zh": "y"}}]}
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(bad))
    assert errors


def test_checks_lists_every_registered_code() -> None:
    from generator.check import all_checks  # noqa: F401
    from generator.check.registry import REGISTRY

    out = handbook("checks").stdout
    assert {line.split()[0] for line in out.splitlines()} == set(REGISTRY)
