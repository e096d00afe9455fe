"""The LMS launchers' rules and the xAPI client, unit-tested by Node's test runner.

tests/js/lms-progress.test.mjs and tests/js/xapi.test.mjs import the very files the
packages and pages load; this runs them with the rest of the suite.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.export_support import JS


@pytest.mark.parametrize("name", ["lms-progress.test.mjs", "xapi.test.mjs"])
def test_node_unit_tests_pass(name: str) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: install Node.js (18 or later)", pytrace=False)
    done = subprocess.run([node, "--test", str(JS / name)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "# fail 0" in done.stdout
