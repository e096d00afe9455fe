"""``mkdocs.yml`` is read by one function, with MkDocs' own tags: every command sees the
same ``site_url``, also when it comes from the environment (``!ENV``)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.load.mkdocs_yml import read_mkdocs_yml, site_url
from generator.model.index import Index
from generator.presentation.links import site_folder
from generator.render import generate
from generator.render.mkdocs_config import published_config
from generator.validate import validate
from tests.conftest import Workspace

TAGGED = """\
site_name: Tagged
site_url: !ENV [HANDBOOK_SITE_URL, "https://fallback.example/handbook/"]
extra:
  analytics: !ENV HANDBOOK_ANALYTICS
  folder: !relative
"""


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"HANDBOOK_SITE_URL": "https://intranet.example/sales/"}, "https://intranet.example/sales/"),
        ({}, "https://fallback.example/handbook/"),
    ],
)
def test_site_url_under_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: str
) -> None:
    monkeypatch.delenv("HANDBOOK_SITE_URL", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    (tmp_path / "mkdocs.yml").write_text(TAGGED, encoding="utf-8")
    assert site_url(tmp_path) == expected


def test_a_tag_elsewhere_leaves_the_rest_readable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_ANALYTICS", "true")
    (tmp_path / "mkdocs.yml").write_text(TAGGED, encoding="utf-8")
    settings = read_mkdocs_yml(tmp_path)
    assert settings["site_name"] == "Tagged"
    assert settings["extra"] == {"analytics": True, "folder": None}


@pytest.mark.parametrize("text", ["", "- a list\n", "site_url: [unclosed\n", "\xff\xfe"])
def test_missing_or_broken_file_reads_as_empty(tmp_path: Path, text: str) -> None:
    if text:
        (tmp_path / "mkdocs.yml").write_bytes(text.encode("latin-1"))
    assert read_mkdocs_yml(tmp_path) == {}
    assert site_url(tmp_path) == ""


def test_generate_and_publish_see_the_same_address(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDBOOK_SITE_URL", "https://intranet.example/sales/")
    workspace.replace("mkdocs.yml", "site_url: http://localhost:8000/", TAGGED.split("\n")[1])
    root = workspace.root
    result = validate(root)
    generate(result.handbook, Index(result.handbook), root)
    for lang in ("en", "zh"):
        written = yaml.safe_load((root / ".handbook" / f"mkdocs.{lang}.yml").read_text(encoding="utf-8"))
        published = published_config(
            lang=lang, languages=["en", "zh"], default="en", version="1.0.0", site_url=site_url(root)
        )
        folder = site_folder(lang, "en")
        assert written["site_url"] == f"https://intranet.example/sales/{folder + '/' if folder else ''}"
        assert published["site_url"].startswith(written["site_url"])
