"""``handbook init DIR``: a new handbook that validates and builds, and never overwrites."""

from __future__ import annotations

import glob
import json
import re
import tomllib
from pathlib import Path

import jsonschema
import yaml

from generator.starter import STARTER, create_handbook
from generator.validate import validate
from tests.conftest import REPO
from tests.export_support import handbook_cli

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(?P<path>\S+)$")


def test_init_then_validate_and_build(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    created = handbook_cli("init", str(folder))
    assert created.returncode == 0, created.stderr
    assert b"handbook validate --root" in created.stderr
    checked = handbook_cli("validate", "--root", str(folder))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert b" 0 error(s)" in checked.stderr
    # The only warnings: the starter's example texts, until the company writes its own.
    assert all(b"[starter-text]" in line for line in checked.stdout.splitlines()), checked.stdout
    built = handbook_cli("build", "--root", str(folder))
    assert built.returncode == 0, built.stdout + built.stderr
    assert (folder / "site" / "index.html").is_file()
    assert (folder / "site" / "zh" / "index.html").is_file()
    assert (folder / "site" / "guides" / "new-hires" / "index.html").is_file()
    assert (folder / ".gitignore").read_text(encoding="utf-8").count("/site/") == 1


def test_starter_has_a_small_complete_process(tmp_path: Path) -> None:
    create_handbook(tmp_path / "x")
    result = validate(tmp_path / "x")
    assert result.ok and {w.code for w in result.diagnostics.warnings} == {"starter-text"}
    h = result.handbook
    assert (len(h.roles), len(h.stages)) == (2, 2)
    assert h.scripts and h.checklists and h.quizzes
    assert {p.role for p in h.onboarding_paths} == {r.id for r in h.roles}
    assert all(k.examples for k in h.kpis) and h.kpis
    assert {q.type for _, q in h.questions} == {"single", "multiple", "true-false", "numeric"}
    assert h.info is not None and list(h.info.languages) == ["en", "zh"]
    for guide in ("new-hires", "mentors", "editors"):
        for suffix in (".md", ".zh.md"):
            assert (tmp_path / "x" / "docs" / "guides" / f"{guide}{suffix}").is_file()


def test_every_definition_file_names_a_schema_that_accepts_it(tmp_path: Path) -> None:
    create_handbook(tmp_path / "x")
    files = sorted((tmp_path / "x").glob("*/**/*.yaml"))
    assert len(files) >= 8
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = SCHEMA_LINE.match(first)
        assert match, f"{path.name}: no yaml-language-server line"
        schema_path = (path.parent / match["path"]).resolve()
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        # Dates are strings for an editor: YAML's date type is not JSON's.
        document = json.loads(json.dumps(document, default=str))
        jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    result = handbook_cli("init", str(folder))
    assert result.returncode == 2
    assert b"is not empty" in result.stderr and b"Traceback" not in result.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_init_refuses_a_file_and_a_second_run(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    assert handbook_cli("init", str(target)).returncode == 2
    assert handbook_cli("init", str(tmp_path / "new")).returncode == 0
    before = {p: p.read_bytes() for p in (tmp_path / "new").rglob("*") if p.is_file()}
    again = handbook_cli("init", str(tmp_path / "new"))
    assert again.returncode == 2 and b"is not empty" in again.stderr
    assert before == {p: p.read_bytes() for p in (tmp_path / "new").rglob("*") if p.is_file()}


def test_starter_files_are_package_data() -> None:
    """Every starter file matches a package-data glob, so an installed wheel has it too."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["generator"]
    package = REPO / "generator"
    shipped = {Path(m) for p in patterns for m in glob.glob(p, root_dir=package, recursive=True)}
    starter = [
        p.relative_to(package) for p in STARTER.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ]
    assert starter
    missing = [str(p) for p in starter if p not in shipped]
    assert not missing, f"add a package-data glob in pyproject.toml for: {missing}"


def _init_validate_build(folder: Path, languages: str) -> None:
    created = handbook_cli("init", str(folder), "--languages", languages)
    assert created.returncode == 0, created.stderr
    checked = handbook_cli("validate", "--root", str(folder))
    assert checked.returncode == 0 and b" 0 error(s)" in checked.stderr, checked.stdout + checked.stderr
    built = handbook_cli("build", "--root", str(folder))
    assert built.returncode == 0, built.stdout + built.stderr


def _html_lang(page: Path) -> str:
    match = re.search(r'<html lang="([^"]+)"', page.read_text(encoding="utf-8"))
    assert match, page
    return match[1]


def test_a_traditional_chinese_and_english_starter_validates_and_builds(tmp_path: Path) -> None:
    folder = tmp_path / "tw"
    _init_validate_build(folder, "zh-Hant,en")
    info = validate(folder).handbook.info
    assert info is not None and list(info.languages) == ["zh-Hant", "en"]
    assert _html_lang(folder / "site" / "index.html") == "zh-Hant"
    assert _html_lang(folder / "site" / "en" / "index.html") == "en"
    home = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert "銷售手冊" in home and "到職" in home  # Taiwan's words, from the zh-Hant catalog
    assert (
        (folder / "docs" / "guides" / "new-hires.md").read_text(encoding="utf-8").startswith("# 新進同仁指南")
    )
    assert (folder / "docs" / "guides" / "new-hires.en.md").is_file()
    assert not list(folder.glob("docs/guides/*.zh.md"))


def test_a_german_starter_is_one_site_in_german(tmp_path: Path) -> None:
    folder = tmp_path / "de"
    _init_validate_build(folder, "de")
    assert _html_lang(folder / "site" / "index.html") == "de"
    assert not (folder / "site" / "en").exists() and not (folder / "site" / "zh").exists()
    page = (folder / "site" / "kpis" / "win-rate" / "index.html").read_text(encoding="utf-8")
    assert "Abschlussquote" in page and "25 %" in page.replace("\xa0", " ")
    for path in folder.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(?:- )?(?:en|zh):", text, re.M), path  # only German texts


def test_the_starter_invents_no_company(tmp_path: Path) -> None:
    for languages in (["en", "zh", "zh-Hant", "ja", "de", "fr", "es"],):
        create_handbook(tmp_path / "all", languages)
    for path in (tmp_path / "all").rglob("*"):
        if path.is_file() and path.suffix in (".yaml", ".md"):
            text = path.read_text(encoding="utf-8")
            for word in ("Northwind", "北风", "北風", "team lead", "team-lead", "团队主管"):
                assert word not in text, (path, word)


def test_init_refuses_a_language_the_starter_lacks(tmp_path: Path) -> None:
    refused = handbook_cli("init", str(tmp_path / "pt"), "--languages", "pt")
    assert refused.returncode == 2 and b"not written in pt" in refused.stderr
    assert not (tmp_path / "pt").exists()


def test_starter_texts_left_unchanged_are_named_once_per_file(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    create_handbook(folder, ["de"])
    warned = [d for d in validate(folder).diagnostics.warnings if d.code == "starter-text"]
    files = {d.location.file for d in warned}
    assert "process/roles.yaml" in files and "docs/guides/new-hires.md" in files
    assert len(files) == len(warned)
    roles = folder / "process" / "roles.yaml"
    count = iter(range(1000))
    own = re.sub(
        r"(?m)^(\s*(?:- )?de: ).*$",
        lambda m: f"{m[1]}Eigener Text der Firma Nummer {next(count)}",
        roles.read_text(encoding="utf-8"),
    )
    roles.write_text(own, encoding="utf-8")
    (folder / "docs" / "guides" / "new-hires.md").write_text("# Willkommen bei uns\n", encoding="utf-8")
    files = {d.location.file for d in validate(folder).diagnostics.warnings if d.code == "starter-text"}
    assert "process/roles.yaml" not in files and "docs/guides/new-hires.md" not in files


def test_an_english_starter_is_one_site_with_no_language_switcher(tmp_path: Path) -> None:
    folder = tmp_path / "en"
    _init_validate_build(folder, "en")
    assert _html_lang(folder / "site" / "index.html") == "en"
    assert not [p for p in (folder / "site").iterdir() if p.is_dir() and p.name in ("zh", "zh-Hant", "de")]
    home = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="zh' not in home, "a one-language handbook has no language switcher"
    assert not list(folder.glob("docs/guides/*.zh.md"))
