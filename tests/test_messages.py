"""The one message catalog per language: complete, overridable by a handbook, checked."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.model.index import Index
from generator.presentation.labels import REFERENCE, labels_for, shipped, shipped_languages
from generator.render import generate
from generator.validate import validate
from tests.conftest import MINIMAL, Workspace

SHIPPED = ("en", "zh", "zh-Hant", "ja", "de", "fr", "es")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def test_the_promised_languages_ship() -> None:
    assert set(SHIPPED) <= set(shipped_languages())


@pytest.mark.parametrize("lang", shipped_languages())
def test_every_shipped_catalog_has_every_entry_and_no_other(lang: str) -> None:
    reference, catalog = shipped(REFERENCE), shipped(lang)
    assert sorted(set(reference) - set(catalog)) == []
    assert sorted(set(catalog) - set(reference)) == []
    for key, text in reference.items():
        # {n}, {role}, {version} … are filled in by the generator: a translation keeps them.
        assert set(_PLACEHOLDER.findall(catalog[key])) == set(_PLACEHOLDER.findall(text)), key


def test_zh_hans_and_regional_tags_find_the_shipped_catalog() -> None:
    assert labels_for("de-AT")["field.goal"] == shipped("de")["field.goal"]
    assert labels_for("zh-Hant-HK")["field.goal"] == shipped("zh-Hant")["field.goal"]


def test_a_handbook_entry_replaces_the_shipped_word_on_its_pages(tmp_path: Path) -> None:
    root = tmp_path / "hb"
    shutil.copytree(MINIMAL, root)
    (root / "messages").mkdir()
    (root / "messages" / "zh.yaml").write_text("field:\n  exit: 退出标准\n  mentor: 带教\n", encoding="utf-8")
    result = validate(root)
    assert result.ok, "\n".join(map(str, result.diagnostics.sorted()))
    generate(result.handbook, Index(result.handbook), root)
    stages = list((root / ".handbook" / "docs" / "zh" / "stages").glob("*.md"))
    page = stages[0].read_text(encoding="utf-8")
    assert "退出标准" in page and shipped("zh")["field.exit"] not in page
    english = next((root / ".handbook" / "docs" / "en" / "stages").glob("*.md")).read_text(encoding="utf-8")
    assert shipped("en")["field.exit"] in english  # the other language keeps its words
    # An edit of the catalog alone shows on the next generation (nothing else changed).
    (root / "messages" / "zh.yaml").write_text("field:\n  exit: 完成标准（新）\n", encoding="utf-8")
    generate(result.handbook, Index(result.handbook), root)
    assert "完成标准（新）" in stages[0].read_text(encoding="utf-8")


def test_an_unknown_entry_says_which_key_was_meant(workspace: Workspace) -> None:
    workspace.write("messages/zh.yaml", "field:\n  exti: 退出标准\n")
    problems = [p for p in workspace.problems() if p.code == "unknown-message"]
    assert [(p.location.file, p.location.line) for p in problems] == [("messages/zh.yaml", 2)]
    assert "did you mean 'field.exit'" in problems[0].hint


def test_a_broken_catalog_is_one_error_with_its_line(workspace: Workspace) -> None:
    workspace.write("messages/zh.yaml", "field:\n  exit: [a\n")
    problems = [p for p in workspace.problems() if p.code == "unknown-message"]
    assert len(problems) == 1 and problems[0].location.file == "messages/zh.yaml"
    assert "not valid YAML" in problems[0].message


def test_a_language_with_no_catalog_is_named(workspace: Workspace) -> None:
    workspace.replace("process/handbook.yaml", "languages: [en, zh]", "languages: [en, zh, pt]")
    problems = [p for p in workspace.problems() if p.code == "missing-message"]
    assert len(problems) == 1 and "messages/pt.yaml" in problems[0].message
    assert problems[0].location.file == "process/handbook.yaml"


def test_an_entry_that_drops_a_placeholder_is_named(workspace: Workspace) -> None:
    workspace.write("messages/zh.yaml", "ui:\n  done: 完成\n  due: '截止 {date}'\n")
    problems = [p for p in workspace.problems() if p.code == "unknown-message"]
    assert [(p.location.line, p.message) for p in problems] == [
        (2, "'ui.done' must hold exactly {done}, {total}")
    ]


def test_a_language_the_generator_does_not_ship_works_with_the_handbooks_catalog(tmp_path: Path) -> None:
    """Portuguese: the handbook supplies messages/pt.yaml, writes its texts in pt, and builds."""
    root = tmp_path / "hb"
    shutil.copytree(MINIMAL, root)
    for path in [*root.rglob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\bzh: ", "pt: ", text).replace("[en, zh]", "[en, pt]"), encoding="utf-8")
    for guide in root.glob("docs/**/*.zh.md"):
        guide.rename(guide.with_name(guide.name.replace(".zh.md", ".pt.md")))
    catalog = (Path(__file__).parent.parent / "generator" / "presentation" / "i18n" / "en.yaml").read_text(
        encoding="utf-8"
    )
    catalog = catalog.replace("  goal: Goal\n", "  goal: Objetivo\n").replace(
        "  name: English\n", "  name: Português\n"
    )
    (root / "messages").mkdir()
    (root / "messages" / "pt.yaml").write_text(catalog, encoding="utf-8")
    result = validate(root)
    assert result.ok and not result.diagnostics.warnings, "\n".join(map(str, result.diagnostics.sorted()))
    generate(result.handbook, Index(result.handbook), root)
    stage = next((root / ".handbook" / "docs" / "pt" / "stages").glob("*.md")).read_text(encoding="utf-8")
    assert "Objetivo" in stage
    config = (root / ".handbook" / "mkdocs.pt.yml").read_text(encoding="utf-8")
    assert "language: pt" in config and "Português" in (root / ".handbook" / "mkdocs.en.yml").read_text(
        encoding="utf-8"
    )
