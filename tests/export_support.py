"""Helpers for the export tests: the readers we did not write, and where they live."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from tests.conftest import REPO

JS = REPO / "tests" / "js"
# CI lays shared/ beside the repository; so does every developer's machine.
SHARED_SCHEMAS = REPO.parent / "shared" / "schemas" / "qti-2.1"


def handbook_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, cwd=cwd)


def parse_gift(path: Path) -> list[dict[str, Any]]:
    """The questions of a GIFT file as the npm package gift-pegjs reads them."""
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            "node is missing: install Node.js and npm, then run: npm ci --prefix tests/js", pytrace=False
        )
    if not (JS / "node_modules" / "gift-pegjs").is_dir():
        pytest.fail("gift-pegjs is not installed: run npm ci --prefix tests/js", pytrace=False)
    result = subprocess.run([node, str(JS / "parse-gift.js"), str(path)], capture_output=True, text=True)
    assert result.returncode == 0, f"gift-pegjs rejects {path.name}: {result.stderr}"
    parsed: list[dict[str, Any]] = json.loads(result.stdout)
    return parsed


def qti_schema(name: str) -> etree.XMLSchema:
    """One of the official IMS schemas in ../shared/schemas/qti-2.1/."""
    path = SHARED_SCHEMAS / name
    if not path.is_file():
        pytest.fail(
            f"{path} is missing: the IMS schemas are expected in ../shared/schemas/qti-2.1/", pytrace=False
        )
    return etree.XMLSchema(etree.parse(str(path)))


def zip_members(data: bytes, tmp: Path) -> dict[str, bytes]:
    path = tmp / "package.zip"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def html_text(value: str | None) -> str:
    """The plain text of an HTML fragment such as ``<p>a &amp; b</p>``."""
    if not value:
        return ""
    inner = re.sub(r"^<p>(.*)</p>$", r"\1", value, flags=re.S)
    return html.unescape(inner)


def moodle_questions(xml: bytes) -> list[dict[str, Any]]:
    """The questions of a Moodle XML file, read with lxml, in a shape close to gift-pegjs's."""
    root = etree.fromstring(xml)
    out: list[dict[str, Any]] = []
    for q in root.iterfind("question"):
        kind = q.get("type")
        if kind == "category":
            out.append({"type": "Category", "title": q.findtext("category/text")})
            continue
        answers = [
            {
                "fraction": float(a.get("fraction")),
                "text": html_text(a.findtext("text")),
                "tolerance": a.findtext("tolerance"),
            }
            for a in q.iterfind("answer")
        ]
        out.append(
            {
                "type": kind,
                "name": q.findtext("name/text"),
                "stem": html_text(q.findtext("questiontext/text")),
                "feedback": html_text(q.findtext("generalfeedback/text")),
                "single": q.findtext("single"),
                "answers": answers,
            }
        )
    return out
