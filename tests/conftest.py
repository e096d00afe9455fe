"""Shared fixtures: the default handbook, and a throw-away copy of a minimal valid one."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic
from generator.validate import validate

REPO = Path(__file__).resolve().parent.parent
MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal"


class Workspace:
    """A copy of the minimal handbook that a test may break, with helpers to do so."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def text(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def write(self, rel: str, content: str | bytes) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str, regex: bool = False) -> None:
        text = self.text(rel)
        if regex:
            changed, count = re.subn(old, new, text, count=1, flags=re.S)
        else:
            count = text.count(old)
            changed = text.replace(old, new, 1)
        assert count, f"{old!r} not found in {rel}: the fixture changed"
        self.write(rel, changed)

    def line_of(self, rel: str, needle: str, nth: int = 1) -> int:
        """The 1-based line of the ``nth`` line containing ``needle``."""
        hits = [n for n, line in enumerate(self.text(rel).splitlines(), 1) if needle in line]
        assert len(hits) >= nth, f"{needle!r} appears {len(hits)} times in {rel}"
        return hits[nth - 1]

    def problems(self) -> list[Diagnostic]:
        return validate(self.root).diagnostics.sorted()


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    root = tmp_path / "handbook"
    shutil.copytree(MINIMAL, root)
    return Workspace(root)
