"""Where the two sides of a diff come from: a handbook folder, or a git ref of the handbook's
repository (its ``process/``, ``quizzes/`` and ``docs/`` at that ref, read with
``git archive`` into a temporary folder and loaded like any folder)."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.export.model_json import model_data
from generator.validate import Validation, validate

# What a handbook version is made of; docs/ too, since checklist items may point at pages.
PARTS = ("process", "quizzes", "docs")


class SourceError(Exception):
    """A side of the diff cannot be read; the message says why and what to do."""


@dataclass(frozen=True)
class Side:
    """One side of a diff: what was asked for, the validation of its definitions, its model."""

    spec: str
    validation: Validation
    model: dict[str, Any]


def load_side(root: Path, spec: str) -> Side:
    """``spec`` as a folder if one exists by that name, else as a git ref of ``root``'s repository."""
    folder = Path(spec)
    if folder.is_dir():
        return _side(spec, folder)
    with tempfile.TemporaryDirectory(prefix="handbook-diff-") as temp:
        extract(root, spec, Path(temp))
        return _side(spec, Path(temp))


def _side(spec: str, folder: Path) -> Side:
    result = validate(folder)
    if result.handbook.unreadable:
        raise SourceError(
            f"{spec}: {len(result.handbook.unreadable)} definition file(s) cannot be read "
            f"({', '.join(result.handbook.unreadable[:3])}); run `handbook validate` on it"
        )
    return Side(spec, result, model_data(result.handbook))


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=root, capture_output=True)


def extract(root: Path, ref: str, dest: Path) -> None:
    """Write the definitions of ``root`` as they are at ``ref`` into ``dest``."""
    prefix = _git(root, "rev-parse", "--show-prefix")
    if prefix.returncode != 0:
        raise SourceError(f"'{ref}' is not a folder, and {root} is not in a git repository")
    if _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise SourceError(f"'{ref}' is neither a folder nor a git ref (branch, tag or commit) of {root}")
    tree = f"{ref}:{prefix.stdout.decode().strip()}"
    listing = _git(root, "ls-tree", "--name-only", tree)
    present = [part for part in PARTS if part in listing.stdout.decode().split("\n")]
    if "process" not in present:
        raise SourceError(f"{ref} has no process/ folder in {root}")
    archive = _git(root, "archive", "--format=tar", tree, *present)
    if archive.returncode != 0:
        raise SourceError(f"git archive {ref} failed: {archive.stderr.decode().strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")
