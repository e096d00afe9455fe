"""``handbook export model`` is a documented, versioned format with a JSON Schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from generator.export.model_json import FORMAT_VERSION
from generator.export.model_schema import model_schema
from generator.starter import create_handbook
from tests.conftest import MINIMAL, REPO
from tests.export_support import handbook_cli

DOCS = [REPO / "docs" / "reference" / "model-format.md", REPO / "docs" / "reference" / "model-format.zh.md"]


def exported(root: Path) -> object:
    result = handbook_cli("export", "model", "--root", str(root))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    result = handbook_cli("schema", "--model")
    assert result.returncode == 0, result.stderr
    loaded: dict[str, object] = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


@pytest.mark.parametrize("which", ["default", "minimal", "starter"])
def test_export_validates_against_the_model_schema(
    schema: dict[str, object], which: str, tmp_path: Path
) -> None:
    if which == "starter":
        create_handbook(tmp_path / "starter")
    root = {"default": REPO, "minimal": MINIMAL, "starter": tmp_path / "starter"}[which]
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(exported(root))]
    assert not errors, errors[:5]


def test_schema_rejects_what_the_format_does_not_allow(schema: dict[str, object]) -> None:
    data = exported(MINIMAL)
    assert isinstance(data, dict)
    validator = jsonschema.Draft202012Validator(schema)
    for broken in (
        {**data, "format_version": FORMAT_VERSION + 1},
        {**data, "roles": [{**data["roles"][0], "name": "Seller"}]},  # a text must carry every language
        {k: v for k, v in data.items() if k != "counts"},
    ):
        assert not validator.is_valid(broken)


def test_schema_model_out_and_check(tmp_path: Path) -> None:
    assert handbook_cli("schema", "--model", "--check", "--out", str(tmp_path)).returncode == 1
    assert handbook_cli("schema", "--model", "--out", str(tmp_path)).returncode == 0
    assert json.loads((tmp_path / "model.schema.json").read_text(encoding="utf-8")) == model_schema()
    assert handbook_cli("schema", "--model", "--check", "--out", str(tmp_path)).returncode == 0


@pytest.mark.parametrize("doc", DOCS, ids=["en", "zh"])
def test_every_entity_and_key_is_documented(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    defs = model_schema()["$defs"]
    for name, definition in defs.items():
        if name == "Text":
            continue
        row = re.search(rf"^\| `{name}` \|(?P<keys>.*)\|$", text, re.M)
        assert row, f"{doc.name}: entity {name} is not documented"
        documented = re.findall(r"`([a-z_]+)`", row["keys"])
        assert documented == list(definition["properties"]), f"{doc.name}: keys of {name}"
        required = re.findall(r"\*\*`([a-z_]+)`\*\*", row["keys"])
        assert required == definition["required"], f"{doc.name}: required keys of {name}"
    for key in model_schema()["properties"]:
        assert f"`{key}`" in text, f"{doc.name}: top-level key {key}"
    assert f"`{FORMAT_VERSION}`" in text
