"""``handbook export codeowners``: definition files mapped to their owners' handles."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from generator.review.codeowners import is_owner
from tests.conftest import REPO, Workspace

S, P, H = "process/stage.yaml", "process/people.yaml", "process/handbook.yaml"


def export(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "export", "codeowners", "--root", str(root), *args],
        capture_output=True,
        text=True,
    )


def rules(text: str) -> dict[str, list[str]]:
    """Pattern → owners, as GitHub reads the file; fails on a line GitHub would reject."""
    found = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *owners = line.split()
        assert pattern.startswith("/") and owners, line
        assert all(is_owner(owner) for owner in owners), line
        found[pattern] = owners
    return found


def test_owner_syntax_is_what_github_accepts() -> None:
    for good in ("@ana", "@acme/sales-managers", "@a-b/team.x", "li.wei@example.com"):
        assert is_owner(good), good
    for bad in ("ana", "@", "@acme/", "Li Wei", "sales-manager", "@-ana", "a@b"):
        assert not is_owner(bad), bad


def test_default_content_maps_every_file_to_a_team() -> None:
    done = export(REPO)
    assert done.returncode == 0 and done.stderr == ""
    found = rules(done.stdout)
    assert found["/process/stages/5-order-and-after-sales.yaml"] == ["@acme/customer-service"]
    assert found["/process/kpis.yaml"] == ["@acme/sales-managers"]
    assert found["/docs/guides/editors.zh.md"] == ["@acme/sales-managers"]
    yaml_files = {
        f"/{p.relative_to(REPO).as_posix()}"
        for d in ("process", "quizzes")
        for p in (REPO / d).rglob("*.yaml")
    }
    assert yaml_files <= set(found)


def test_roles_emails_handles_and_what_has_no_handle(workspace: Workspace) -> None:
    workspace.replace(P, "  - id: seller\n", '  - id: seller\n    handle: "@acme/sellers"\n')
    workspace.replace(H, "  default_language: en", "  default_language: en\n  review: {owner: coach}")
    workspace.replace(S, "stages:", "review: {owner: seller}\nstages:")
    workspace.replace(
        S, "    owners: [seller]", "    owners: [seller]\n    review: {owner: boss@example.com}"
    )
    workspace.replace(
        "process/onboarding.yaml", "onboarding_paths:", "review: {owner: Li Wei}\nonboarding_paths:"
    )
    done = export(workspace.root)
    assert done.returncode == 0, done.stderr
    found = rules(done.stdout)
    assert found["/process/stage.yaml"] == ["boss@example.com", "@acme/sellers"]
    assert "/process/people.yaml" not in found  # coach has no handle: a comment and a warning
    assert "# /process/people.yaml: no handle for coach" in done.stdout
    assert "# /process/onboarding.yaml: no handle for Li Wei" in done.stdout
    warnings = done.stderr.splitlines()
    assert (
        "warning: process/people.yaml: role 'coach' has no handle; add 'handle: \"@org/team\"' to the role"
        in warnings
    )
    assert any(
        re.match(r"warning: process/onboarding.yaml: owner 'Li Wei' is not a handle", w) for w in warnings
    )


def test_out_writes_the_file(workspace: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "CODEOWNERS"
    done = export(REPO, "--out", str(out))
    assert done.returncode == 0
    assert rules(out.read_text(encoding="utf-8"))
    assert export(REPO, "--out", str(out)).returncode != 0  # not replaced without --force
    assert export(REPO, "--lang", "zh").returncode == 2
