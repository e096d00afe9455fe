"""``handbook upgrade``: rewrite a handbook written in an older file format to the newest.

Format 1 (no ``format:`` in handbook.yaml) let scripts name six built-in channels; format 2
lists a handbook's own channels with a label per language. The upgrade therefore

1. writes ``format: 2`` into the ``handbook:`` mapping, after ``version`` when there is one;
2. when the handbook lists no channels, writes the channels its scripts use (with the
   labels format 1 showed) to ``process/scripts/channels.yaml``;
3. lists in ``mkdocs.yml`` every stylesheet and script of the product that it lacks (MkDocs'
   ``INHERIT`` replaces a list instead of merging it, so the generator cannot add them itself),
   adds the theme features the pages' weight depends on (:data:`WEIGHT_FEATURES`), and drops
   Material's search plugin, which the Pagefind index replaced.

Files are edited with ruamel.yaml's round-trip mode, so comments, key order and quoting
stay as the authors wrote them. Nothing else changes: every format-1 field is still valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from generator.diagnostics import Diagnostics
from generator.load.project import load_handbook
from generator.model import entities as e
from generator.model.handbook import FORMAT, Handbook
from generator.presentation.labels import labels_for
from generator.starter import STARTER

CHANNELS_FILE = "process/scripts/channels.yaml"
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/scripts.schema.json\n"


class UpgradeError(Exception):
    """The folder cannot be upgraded as it is; the message says what to do."""


@dataclass(frozen=True)
class Change:
    """One file the upgrade wrote, and what it changed there."""

    file: str
    what: str


def upgrade(root: Path, *, dry_run: bool = False) -> list[Change]:
    """Bring the handbook at ``root`` to the newest format; the changes made (none if current)."""
    handbook = load_handbook(root, Diagnostics())
    info = handbook.info
    if info is None or not info.loc.file:
        raise UpgradeError(f"{root}: no 'handbook:' mapping found under process/: is this a handbook folder?")
    changes = []
    if info.format < FORMAT:
        changes.append(_set_format(root / info.loc.file, info.loc.file, dry_run))
        if not handbook.channels and handbook.scripts:
            changes.append(_write_channels(root, handbook, dry_run))
    changes += _mkdocs_assets(root / "mkdocs.yml", dry_run)
    return changes


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: comments and order survive
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the authors' lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _set_format(path: Path, rel: str, dry_run: bool) -> Change:
    yaml = _yaml()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as exc:
        raise UpgradeError(
            f"{rel}: cannot be read ({exc.__class__.__name__}): fix it, then upgrade"
        ) from None
    mapping = data.get("handbook") if isinstance(data, CommentedMap) else None
    if not isinstance(mapping, CommentedMap):
        raise UpgradeError(f"{rel}: 'handbook:' is not a mapping: fix it, then upgrade")
    keys = list(mapping)
    at = keys.index("version") + 1 if "version" in keys else len(keys)
    mapping.insert(at, "format", FORMAT)
    if not dry_run:
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(data, out)
    return Change(rel, f"added 'format: {FORMAT}' to 'handbook:'")


def _write_channels(root: Path, handbook: Handbook, dry_run: bool) -> Change:
    target = root / CHANNELS_FILE
    if target.exists():
        raise UpgradeError(f"{CHANNELS_FILE}: exists but lists no channels: add 'channels:' to it by hand")
    used = {script.channel for script in handbook.scripts}
    ids = [c for c in e.DEFAULT_CHANNELS if c in used] + sorted(used - set(e.DEFAULT_CHANNELS))
    languages = list(handbook.info.languages) if handbook.info else ["en"]
    channels: list[dict[str, Any]] = [
        {"id": ident, "label": {lang: labels_for(lang).get(f"channel.{ident}", ident) for lang in languages}}
        for ident in ids
    ]
    if not dry_run:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8") as out:
            out.write(SCHEMA_LINE)
            out.write("# The ways the scripts are delivered, in the order the script filter lists them.\n")
            _yaml().dump({"channels": channels}, out)
    return Change(CHANNELS_FILE, f"listed the {len(ids)} channels the scripts use: {', '.join(ids)}")


# Material features without which every page of a large handbook weighs much more: only the
# open section's navigation, and the page's contents written once (in the navigation).
WEIGHT_FEATURES = ("navigation.prune", "toc.integrate")


def _mkdocs_assets(path: Path, dry_run: bool) -> list[Change]:
    """Add the product's stylesheets and scripts that ``mkdocs.yml`` lacks, in the shipped
    order, and drop the search plugin; nothing when it is current or absent."""
    if not path.is_file():
        return []
    yaml = _yaml()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"))
        shipped = yaml.load((STARTER / "mkdocs.yml").read_text(encoding="utf-8"))
    except (OSError, YAMLError) as exc:
        raise UpgradeError(
            f"mkdocs.yml: cannot be read ({exc.__class__.__name__}): fix it, then upgrade"
        ) from None
    if not isinstance(data, CommentedMap):
        raise UpgradeError("mkdocs.yml: is not a mapping: fix it, then upgrade")
    changes = []
    for key in ("extra_css", "extra_javascript"):
        have = data.setdefault(key, [])
        present = {_asset_path(entry) for entry in have}
        added = [entry for entry in shipped.get(key, []) if _asset_path(entry) not in present]
        have.extend(added)
        if added:
            names = ", ".join(_asset_path(entry) for entry in added)
            changes.append(Change("mkdocs.yml", f"added to '{key}': {names}"))
    theme = data.get("theme")
    features = theme.setdefault("features", []) if isinstance(theme, CommentedMap) else None
    if isinstance(features, list):
        missing = [feature for feature in WEIGHT_FEATURES if feature not in features]
        features.extend(missing)
        if missing:
            changes.append(Change("mkdocs.yml", f"added to the theme's 'features': {', '.join(missing)}"))
    plugins = data.get("plugins")
    if isinstance(plugins, CommentedMap) and "search" in plugins:
        del plugins["search"]
        changes.append(Change("mkdocs.yml", "removed the 'search' plugin: Pagefind indexes the built pages"))
    elif isinstance(plugins, list) and "search" in plugins:
        plugins.remove("search")
        changes.append(Change("mkdocs.yml", "removed the 'search' plugin: Pagefind indexes the built pages"))
    if changes and not dry_run:
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(data, out)
    return changes


def _asset_path(entry: Any) -> str:
    """``assets/x.js`` of a list entry written as a string or as ``{path: …, defer: true}``."""
    return str(entry.get("path", "")) if isinstance(entry, dict) else str(entry)
