"""The browser code's own checks, run with the Python suite: Node's test runner over
``tests/js/*.test.mjs`` (the rules of ``learning.js``) and eslint over our browser JavaScript.

Both need Node; eslint comes from ``tests/js``'s lock file (``npm ci --prefix tests/js``).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TOOLS = REPO / "tests" / "js"
ESLINT = TOOLS / "node_modules" / "eslint" / "bin" / "eslint.js"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed: the JavaScript checks need it")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    assert NODE is not None
    return subprocess.run([NODE, *args], cwd=REPO, capture_output=True, text=True, timeout=300)


def test_unit_tests_of_the_browser_code_pass() -> None:
    tests = sorted(str(p.relative_to(REPO)) for p in TOOLS.glob("*.test.mjs"))
    assert tests, "no tests/js/*.test.mjs found"
    done = run("--test", *tests)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout


def test_eslint_is_clean_on_our_browser_code() -> None:
    if not ESLINT.exists():
        pytest.fail(
            "eslint is not installed: run `npm ci --prefix tests/js --no-audit --no-fund`", pytrace=False
        )
    config = str((TOOLS / "eslint.config.mjs").relative_to(REPO))
    done = run(
        str(ESLINT),
        "--max-warnings",
        "0",
        "-c",
        config,
        "generator/render/assets",
        "generator/lms/assets",
        "tests/js",
    )
    assert done.returncode == 0, done.stdout + done.stderr
