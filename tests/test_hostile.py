"""Hostile and broken definition files: each gets a located one-line error, exit 1, no
traceback, within 10 s and 500 MB, and nothing is written.

The small cases live in ``tests/fixtures/hostile/``; the huge ones (a 50 MB scalar,
20,000 levels of nesting) are made by the test. Each case is dropped into a copy of
the minimal handbook as ``process/zz-<case>.yaml`` and ``handbook validate --strict``
runs on it as a separate process, so time and memory are measured as a user sees them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, REPO

CORPUS = Path(__file__).resolve().parent / "fixtures" / "hostile"
LINE = re.compile(
    r"^(?P<file>[^:\s]+)(?::(?P<line>\d+):(?P<col>\d+))?: (?:error|warning) \[(?P<code>[a-z-]+)\] \S.*$"
)
SECONDS = 10
MEGABYTES = 500

EXPECTED = {
    "syntax-error": ("yaml-syntax", True),
    "tabs": ("yaml-syntax", True),
    "byte-order-mark": ("byte-order-mark", True),
    "invalid-utf8": ("encoding", True),
    "empty": ("empty-file", True),
    "comment-only": ("empty-file", True),
    "list-not-mapping": ("wrong-type", True),
    "wrong-types": ("wrong-type", True),
    "unknown-keys": ("unknown-key", True),
    "duplicate-keys": ("duplicate-key", True),
    "duplicate-id-across-files": ("duplicate-id", True),
    "dangling-reference": ("unresolved-reference", True),
    "cycle": ("prerequisite-cycle", True),
    "id-path-traversal": ("invalid-id", True),
    "id-path-separator": ("invalid-id", True),
    "id-space": ("invalid-id", True),
    "id-upper-case": ("invalid-id", True),
    "id-300-characters": ("invalid-id", True),
    "alias-bomb": ("file-too-complex", True),
    "python-object-tag": ("yaml-tag", True),
    "custom-tag": ("yaml-tag", True),
    "scalar-50-mb": ("file-too-large", True),
    "nesting-20000": ("file-too-complex", True),
}


def generated(case: str) -> bytes | None:
    if case == "scalar-50-mb":
        return b"glossary:\n  - id: huge\n    term: {en: '" + b"x" * (50 * 1024 * 1024) + b"', zh: b}\n"
    if case == "nesting-20000":
        return b"glossary: " + b"[" * 20_000 + b"]" * 20_000 + b"\n"
    return None


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(root).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*")}


def run_validate(root: Path, out: Path) -> tuple[int, str, float, float]:
    """Run ``handbook validate --strict`` as a child: exit code, output, wall time (s) and
    the child's own peak resident memory (MB, from wait4, so no other process counts)."""
    started = time.perf_counter()
    with (out / "stdout").open("w") as stdout, (out / "stderr").open("w") as stderr:
        child = subprocess.Popen(
            [sys.executable, "-m", "generator", "validate", "--strict", "--root", str(root)],
            stdout=stdout,
            stderr=stderr,
            cwd=REPO,
        )
        timer = threading.Timer(SECONDS * 3, child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    elapsed = time.perf_counter() - started
    text = (out / "stdout").read_text() + (out / "stderr").read_text()
    return child.returncode, text, elapsed, usage.ru_maxrss / 1024


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_hostile_file_gets_a_located_error_and_nothing_else_happens(tmp_path: Path, case: str) -> None:
    root = tmp_path / "handbook"
    shutil.copytree(MINIMAL, root)
    name = f"process/zz-{case}.yaml"
    content = generated(case)
    (root / name).write_bytes(content if content is not None else (CORPUS / f"{case}.yaml").read_bytes())
    before = snapshot(root)

    out = tmp_path / "out"
    out.mkdir()
    returncode, text, elapsed, peak = run_validate(root, out)

    code, located = EXPECTED[case]
    assert returncode == 1, text
    assert "Traceback" not in text
    lines = (out / "stdout").read_text().splitlines()
    assert lines and all(LINE.match(line) for line in lines), lines
    ours = [LINE.match(line) for line in lines if line.startswith(name)]
    assert any(m and m["code"] == code for m in ours), lines
    if located:
        assert all(m and m["line"] and int(m["line"]) >= 1 for m in ours), lines
    assert elapsed < SECONDS, f"{case} took {elapsed:.1f} s"
    assert peak < MEGABYTES, f"{case} peaked at {peak:.0f} MB"
    assert snapshot(root) == before, "validate wrote something"
    assert not Path("/tmp/handbook-owned").exists()


def test_the_corpus_and_the_table_agree() -> None:
    on_disk = {p.stem for p in CORPUS.glob("*.yaml")}
    assert on_disk | {"scalar-50-mb", "nesting-20000"} == set(EXPECTED)
