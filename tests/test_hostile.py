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

from tests.conftest import MINIMAL, REPO, Workspace

CORPUS = Path(__file__).resolve().parent / "fixtures" / "hostile"
LINE = re.compile(
    r"^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning) \[(?P<code>[a-z-]+)\] \S.*$"
)
SECONDS = 10
MEGABYTES = 500

# Every problem reported in the case's own file, as ``line:column level [code]``, in the
# order printed: the position is where an editor should put the cursor.
EXPECTED: dict[str, list[str]] = {
    "syntax-error": ["3:4 error [yaml-syntax]"],  # the misindented key
    "tabs": ["2:1 error [yaml-syntax]"],  # the first tab
    "unclosed-quote": ["3:16 error [yaml-syntax]"],  # where the quote opens, not where the file ends
    "byte-order-mark": ["1:1 warning [byte-order-mark]"],
    "invalid-utf8": ["3:20 error [encoding]"],  # the byte 0xe9 itself
    "empty": ["1:1 error [empty-file]"],
    "comment-only": ["1:1 error [empty-file]"],
    "list-not-mapping": ["1:1 error [wrong-type]"],
    "wrong-types": [
        "2:5 error [role-needs-path]",
        "3:11 error [wrong-type]",  # name: true
        "4:14 error [wrong-type]",  # purpose: [not, text]
        "5:23 error [wrong-type]",  # responsibilities: just one
        "6:13 error [wrong-type]",  # duties: 42
    ],
    "unknown-keys": [
        "2:5 error [missing-key]",
        "3:5 error [unknown-key]",  # trem
        "4:5 error [unknown-key]",  # colour
    ],
    "duplicate-keys": ["4:5 error [duplicate-key]"],  # the second 'term'
    "duplicate-id-across-files": ["2:5 error [duplicate-id]"],
    "dangling-reference": [
        "5:12 error [unresolved-reference]",  # stage: nowhere
        "9:16 error [unresolved-reference]",  # owner: nobody
        "11:15 error [unresolved-reference]",  # step: no-such-step
    ],
    "cycle": ["15:13 error [prerequisite-cycle]"],  # the item that closes the circle
    "id-path-traversal": ["2:9 error [invalid-id]"],
    "id-path-separator": ["2:9 error [invalid-id]"],
    "id-space": ["2:9 error [invalid-id]"],
    "id-upper-case": ["2:9 error [invalid-id]"],
    "id-300-characters": ["2:9 error [invalid-id]"],
    "alias-bomb": ["7:13 error [file-too-complex]"],  # the alias that passes the limit
    "python-object-tag": ["2:5 error [wrong-type]", "2:5 error [yaml-tag]"],
    "custom-tag": ["3:11 error [yaml-tag]"],
    "scalar-50-mb": ["1:1 error [file-too-large]"],
    "nesting-20000": ["1:1010 error [file-too-complex]"],  # the bracket past libyaml's depth limit
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

    assert returncode == 1, text
    assert "Traceback" not in text
    lines = (out / "stdout").read_text().splitlines()
    assert lines and all(LINE.match(line) for line in lines), lines
    ours = [m for m in map(LINE.match, lines) if m and m["file"] == name]
    assert [f"{m['line']}:{m['col']} {m['level']} [{m['code']}]" for m in ours] == EXPECTED[case], lines
    assert elapsed < SECONDS, f"{case} took {elapsed:.1f} s"
    assert peak < MEGABYTES, f"{case} peaked at {peak:.0f} MB"
    assert snapshot(root) == before, "validate wrote something"
    assert not Path("/tmp/handbook-owned").exists()


def test_the_corpus_and_the_table_agree() -> None:
    on_disk = {p.stem for p in CORPUS.glob("*.yaml")}
    assert on_disk | {"scalar-50-mb", "nesting-20000"} == set(EXPECTED)


def test_an_id_in_capitals_gets_its_lower_case_suggested(workspace: Workspace) -> None:
    workspace.write("process/zz-terms.yaml", (CORPUS / "id-upper-case.yaml").read_text())
    hints = [p.hint for p in workspace.problems() if p.code == "invalid-id"]
    assert hints == ["did you mean 'upper-case'? ids are written in lower case"]


def test_an_unclosed_quote_says_so(workspace: Workspace) -> None:
    workspace.write("process/zz-quote.yaml", (CORPUS / "unclosed-quote.yaml").read_text())
    messages = [p.message for p in workspace.problems()]
    assert messages == ["YAML syntax error: this quote is never closed"]
