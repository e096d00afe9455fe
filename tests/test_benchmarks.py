"""The benchmark's pieces work: its synthetic handbook builds, its table has every figure,
and every target is met on the small handbook (the run fails, and so this test, when one is
missed; targets are judged on CPU time, so a busy machine does not flip them).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks.report import ASSETS_BYTES
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
    "search zh: first query",
    "search zh: next query",
    "search en: first query",
    "largest built file",
    "handbook build (validate, generate, every language, search)",
    "preview: an edited script shows in the browser",
    "our steps per 1,000 entities",
    "generate CPU per 1,000 entities",
    "start-up: handbook checks",
)
TARGETS = (
    "validate ≤ 2 s",
    "validate no slower than check-jsonschema",
    "generate ≤ 10% of the site build",
    "no-change regenerate ≤ 1 s, 0 files written",
    "only dependent pages rewritten after one change",
    "peak memory ≤ 500 MB",
    "cost grows at most linearly from small",
    f"our JS + CSS ≤ {ASSETS_BYTES:,} B gzipped",
    "first Chinese query ≤ 300,000 B",
    "search ≤ the old plugin's share of the build (en)",
    "search ≤ the old plugin's share of the build (zh)",
    "no built file over 1,000,000 B",
    "median HTML page ≤ 60,000 B",
    "an edit shows in the preview ≤ 5 s",
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
        timeout=600,
    )
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    for figure in FIGURES:
        assert any(row.startswith(f"| {figure}") for row in rows), f"no row for {figure!r}"
    for target in TARGETS:
        found = [row for row in rows if row.startswith(f"| {target}")]
        verdict = found[0].split("|")[2].strip() if found else "none"
        assert verdict == "PASS", f"target {target!r}: {verdict}\n{done.stdout}"
    assert done.returncode == 0, done.stdout + done.stderr
    for key in ("CPU:", "cores:", "RAM:", "Python:", "OS:"):
        assert any(line.startswith(key) for line in done.stdout.splitlines()), key
