"""The benchmark's pieces work: its synthetic handbook builds, and its table has every figure.

Timings are never asserted here: machines differ (benchmarks/run.py prints them).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks.synth import main as synth
from tests.conftest import REPO

FIGURES = (
    "handbook validate",
    "peer: check-jsonschema",
    "handbook generate (fresh .handbook/)",
    "mkdocs build en",
    "mkdocs build zh",
    "our share: generate / MkDocs build",
    "overhead ratio: (generate + build) / build",
    "navigation (en)",
    "peak memory",
    "first regenerate after a fresh generate",
    "regenerate, nothing changed",
    "regenerate after changing process/scripts/",
    "median page en (HTML)",
    "median page zh (HTML)",
    "our JS + CSS, gzipped",
    "search index en",
    "search index zh",
    "our steps per 1,000 entities",
    "generate CPU per 1,000 entities",
    "start-up: handbook checks",
)
TARGETS = (
    "validate ≤ 2 s",
    "validate no slower than check-jsonschema",
    "generate ≤ 10% of the MkDocs build",
    "no-change regenerate ≤ 1 s, 0 files written",
    "only dependent pages rewritten after one change",
    "peak memory ≤ 500 MB",
    "cost grows at most linearly from small",
    "our JS + CSS ≤ 15,000 B gzipped",
)


def test_small_synthetic_handbook_validates_and_builds(tmp_path: Path) -> None:
    assert synth(["--size", "small", "--out", str(tmp_path), "--site"]) == 0
    for command in ("validate", "build"):
        done = subprocess.run(
            [sys.executable, "-m", "generator", command, "--root", str(tmp_path)],
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "site" / "index.html").is_file() and (
        tmp_path / "site" / "zh" / "index.html"
    ).is_file()


def test_benchmark_prints_every_figure_and_target() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--size", "small", "--runs", "1"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    for figure in FIGURES:
        assert any(row.startswith(f"| {figure}") for row in rows), f"no row for {figure!r}"
    for target in TARGETS:
        found = [row for row in rows if row.startswith(f"| {target}")]
        assert found and ("PASS" in found[0] or "FAIL" in found[0]), f"no verdict for {target!r}"
    for key in ("CPU:", "cores:", "RAM:", "Python:", "OS:"):
        assert any(line.startswith(key) for line in done.stdout.splitlines()), key
