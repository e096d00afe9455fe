"""``handbook init``: a new handbook folder from the starter in ``starter/handbook/``.

The starter is a small made-up process (two roles, two stages, scripts, a KPI with a
worked example, checklists, onboarding paths and a quiz, in English and Chinese) with
the hand-written guides and an ``mkdocs.yml``: it validates and builds as it is, and a
company replaces its texts with its own. The JSON Schemas that the files' first lines
point at are written fresh from the model, so they match the installed generator.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.model.schema import all_schemas

STARTER = Path(__file__).parent / "handbook"
# Package data cannot hold a dot-file reliably: stored without its dot, renamed on copy.
RENAMED = {"gitignore": ".gitignore"}
SCHEMAS = Path("process") / "schemas"


class InitError(ValueError):
    """The folder cannot be used for a new handbook; the message says why."""


def starter_files() -> dict[Path, bytes]:
    """Every file of a new handbook: its path in the new folder and its content."""
    files: dict[Path, bytes] = {}
    for path in sorted(STARTER.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            rel = path.relative_to(STARTER)
            files[rel.with_name(RENAMED.get(rel.name, rel.name))] = path.read_bytes()
    for name, schema in all_schemas().items():
        files[SCHEMAS / name] = (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files


def create_handbook(folder: Path) -> list[Path]:
    """Write a new handbook into ``folder`` (created if missing); the files written.

    Refuses a folder that holds anything at all, and never replaces a file: a second
    run, or a run on the wrong folder, cannot destroy work.
    """
    if folder.is_symlink() and not folder.exists():
        raise InitError(
            f"'{folder}' is a symbolic link to '{folder.readlink()}', which does not exist: "
            "create that folder first, or give another path"
        )
    if folder.exists() and not folder.is_dir():
        raise InitError(f"'{folder}' is a file: give the path of a new or empty folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise InitError(
            f"'{folder}' is not empty: give a new or empty folder (nothing was written, nothing replaced)"
        )
    written = []
    for rel, content in starter_files().items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as file:
            file.write(content)
        written.append(path)
    return written
