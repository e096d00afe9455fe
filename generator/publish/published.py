"""What is already published on the branch: mike's ``versions.json`` and, beside each
version's pages, the resolved model it was built from (``<version>/handbook-model.json``),
which is where the What's new page of the next version takes the old definitions from."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.publish import git

MODEL_FILE = "handbook-model.json"
VERSIONS_FILE = "versions.json"
LATEST = "latest"


@dataclass(frozen=True)
class Published:
    version: str
    aliases: tuple[str, ...] = ()


def version_key(version: str) -> tuple[tuple[int, ...], int, str]:
    """Semantic versions in order: ``1.10.0`` after ``1.9.0``, ``1.0.0-rc.1`` before ``1.0.0``."""
    match = re.match(r"^(\d+(?:\.\d+)*)(?:-([0-9A-Za-z.-]+))?", version)
    if not match:
        return ((), 0, version)
    numbers = tuple(int(part) for part in match[1].split("."))
    return (numbers, 0 if match[2] else 1, match[2] or "")


def published_versions(root: Path, branch: str) -> list[Published]:
    """The versions on ``branch`` (of the default language), newest first; empty when none.

    ``versions.json`` is not trusted alone: an emptied or damaged one must not make a
    published version look new. A version's folder holding the model it was published
    from counts, whatever the file says; the file only adds its aliases.
    """
    listed = {entry.version: entry for entry in listed_versions(root, branch, "") or []}
    found = []
    for folder in git.folders(root, branch):
        if folder in listed or git.read_file(root, branch, f"{folder}/{MODEL_FILE}") is not None:
            found.append(listed.get(folder, Published(folder)))
    return sorted(found, key=lambda p: version_key(p.version), reverse=True)


def listed_versions(root: Path, branch: str, prefix: str) -> list[Published] | None:
    """What ``<prefix>/versions.json`` lists; ``None`` when it is missing, empty or damaged."""
    text = git.read_file(root, branch, f"{prefix}/{VERSIONS_FILE}".lstrip("/"))
    try:
        entries = json.loads(text) if text else None
    except json.JSONDecodeError:
        return None
    if not isinstance(entries, list) or not entries:
        return None
    return [
        Published(str(entry["version"]), tuple(str(a) for a in entry.get("aliases") or []))
        for entry in entries
        if isinstance(entry, dict) and "version" in entry
    ]


def stored_model(root: Path, branch: str, version: str) -> dict[str, Any] | None:
    """The model ``version`` was published from, or ``None`` when the branch has none."""
    text = git.read_file(root, branch, f"{version}/{MODEL_FILE}")
    try:
        data = json.loads(text) if text else None
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


def previous_version(published: list[Published], current: str) -> str | None:
    """The newest published version older than ``current``: what What's new compares with."""
    older = [p.version for p in published if version_key(p.version) < version_key(current)]
    return max(older, key=version_key) if older else None


def is_newest(published: list[Published], current: str) -> bool:
    """Whether ``current`` is at least as new as every published version (it gets ``latest``)."""
    return all(version_key(current) >= version_key(p.version) for p in published)
