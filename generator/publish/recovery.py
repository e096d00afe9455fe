"""What an interrupted or concurrent publish may leave, and how the next one repairs it.

Publishing is several commits (one ``mike deploy`` per language): a kill between them
leaves a version published in one language only. Before its first commit a publish
writes a journal, ``handbook-publish.json`` in the repository's own folder, naming the
branch and the commit it started from, and removes it when every language is in. The
next publish finds the journal and puts the branch back where it was: the half-published
version is rolled back, and the publish that follows deploys it whole if it is the same.

``versions.json`` (one per language folder) is what Material's version selector shows and
what mike adds each new version to. When it is missing a version whose folder is on the
branch, or cannot be read, it is written again from the folders before anything is
deployed, so that no deployment drops the other versions from it.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.publish import git
from generator.publish.published import LATEST, VERSIONS_FILE, Published, listed_versions, version_key

JOURNAL = "handbook-publish.json"


def journal_path(root: Path) -> Path:
    return git.common_dir(root) / JOURNAL


def begin(root: Path, branch: str, version: str) -> None:
    """Note that a publish of ``version`` starts on ``branch`` (at its current commit)."""
    entry = {"branch": branch, "before": git.branch_commit(root, branch), "version": version}
    journal_path(root).write_text(json.dumps(entry), encoding="utf-8")


def end(root: Path) -> None:
    journal_path(root).unlink(missing_ok=True)


def roll_back_interrupted(root: Path) -> str:
    """Undo a publish that was stopped half-way (killed); what was done, or ``""``."""
    path = journal_path(root)
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        branch, before, version = str(entry["branch"]), entry["before"], str(entry["version"])
    except FileNotFoundError:
        return ""
    except (ValueError, KeyError, TypeError):
        path.unlink()
        return "removed a damaged publish journal"
    current = git.branch_commit(root, branch)
    if before is not None and current is not None and not git.is_ancestor(root, before, current):
        end(root)  # the branch was reset by hand since: not ours to undo
        return ""
    git.restore_branch(root, branch, before)
    end(root)
    return f"rolled back the half-published version {version} on the {branch} branch"


def repair_versions_files(root: Path, branch: str, prefixes: list[str], published: list[Published]) -> str:
    """Write again each ``versions.json`` that disagrees with the folders; what was done."""
    repaired: dict[str, str] = {}
    for prefix in prefixes:
        present = set(git.folders(root, branch, prefix)) if prefix else None
        expected = [p for p in published if present is None or p.version in present]
        listed = listed_versions(root, branch, prefix)
        if not expected or (
            listed is not None and {p.version for p in listed} >= {p.version for p in expected}
        ):
            continue
        path = f"{prefix}/{VERSIONS_FILE}".lstrip("/")
        repaired[path] = _versions_json(expected, {p.version: p for p in listed or []})
    if not repaired:
        return ""
    git.commit_files(root, branch, repaired, "Rebuild versions.json from the published folders")
    return "rebuilt " + ", ".join(sorted(repaired)) + " from the published folders"


def _versions_json(versions: list[Published], listed: dict[str, Published]) -> str:
    ordered = sorted(versions, key=lambda p: version_key(p.version), reverse=True)
    aliases = {p.version: list(listed[p.version].aliases) if p.version in listed else [] for p in ordered}
    if not any(LATEST in names for names in aliases.values()):
        aliases[ordered[0].version].append(LATEST)
    entries = [{"version": p.version, "title": p.version, "aliases": aliases[p.version]} for p in ordered]
    return json.dumps(entries, indent=2) + "\n"


def half_published(root: Path, branch: str, prefixes: list[str], published: list[Published]) -> list[str]:
    """One line per version present in the default language's folder but missing in another
    language's (left by a publish killed before this journal existed, or by hand)."""
    lines = []
    for prefix in prefixes[1:]:
        present = set(git.folders(root, branch, prefix))
        for missing in [p.version for p in published if p.version not in present]:
            lines.append(
                f"version {missing} is published without {prefix}/{missing}/: publish it again "
                "from the commit it was published from to complete it"
            )
    return lines
