"""Skip rendering when nothing that goes into the pages changed since the last generation.

The pages depend on the definition files (their bytes, see
:func:`~generator.load.project.loaded_digest`), the hand-written pages under ``docs/``,
the base ``mkdocs.yml``, and the generator itself (templates, labels, assets, code) and
its libraries: whatever else :func:`~generator.render.generate` comes to read must be
added to :func:`render_key`. Their
digest is kept with a record of every file written (size and modification time); when
the digest is the same and every file is still as written, the output is already what a
new rendering would write, so it is not rendered again. The record is kept beside the
loader's cache (:func:`~generator.load.cache.cache_folder`), not in the output folder.

A handbook not loaded from files (or changed in memory since), a publication (with its
"What's new" page), or any difference at all renders as usual.

Measured on the ``medium`` benchmark handbook: a regenerate with nothing changed takes
0.23 s of CPU instead of 0.77 s (the benchmark's target for it is 1 s on ``large``).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

from generator.load.cache import cache_folder
from generator.load.project import loaded_digest
from generator.model.handbook import Handbook
from generator.presentation.labels import OVERRIDES

_GENERATOR = Path(__file__).resolve().parent.parent
# The configuration generating writes for a language (see writer.config_path).
_LANGUAGE_CONFIG = re.compile(r"mkdocs\.[^.]+\.yml")


def render_key(handbook: Handbook, docs: dict[str, dict[str, bytes]], today: datetime.date) -> str | None:
    """What the output depends on, as one digest; ``None`` when it cannot be known."""
    sources = loaded_digest(handbook)
    if sources is None:
        return None
    # Pages say what is overdue for review as of the day they are built.
    digest = hashlib.blake2b(f"{sources}|{_code()}|{today.isoformat()}".encode(), digest_size=20)
    for lang in sorted(docs):
        for rel, content in sorted(docs[lang].items()):
            digest.update(f"{lang}/{rel}\0{len(content)}\0".encode())
            digest.update(content)
    for path in sorted(_all_files(handbook.root / "docs")):  # hidden pages too: links may name them
        digest.update(path.encode("utf-8") + b"\0")
    catalogs = handbook.root / OVERRIDES  # the handbook's own words are on every page
    for catalog in sorted(catalogs.glob("*.yaml")) if catalogs.is_dir() else []:
        digest.update(catalog.name.encode("utf-8") + b"\0" + catalog.read_bytes())
    base = handbook.root / "mkdocs.yml"  # the configurations repeat some of its settings
    digest.update(base.read_bytes() if base.is_file() else b"-")
    return digest.hexdigest()


def recall(out: Path, key: str) -> dict[str, Any] | None:
    """The record of the last generation, if it was made from ``key`` and its files are intact."""
    folder = cache_folder(out.parent)
    try:
        record = json.loads((folder / "render.json").read_text(encoding="utf-8")) if folder else None
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("key") != key:
        return None
    return record if record.get("files") == _stamps(out) else None


def remember(out: Path, key: str | None, report: dict[str, Any]) -> None:
    """Keep ``report`` (what :func:`recall` gives back) with ``key`` and the files' stamps.

    Without a key the record stays: it is only used while the files match its stamps.
    """
    folder = cache_folder(out.parent)
    if key is None or folder is None:
        return
    try:
        path = folder / "render.json"
        record = {"key": key, **report, "files": _stamps(out)}
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    except OSError:
        return


def _stamps(out: Path) -> dict[str, list[int]]:
    """Size and modification time of every file generating writes (pages, configurations …).

    Every such file: one that changed or went away, whatever wrote it, means the output is
    not known to be as rendered. Other files of the folder (the lock every writing command
    takes, a publication's journal, the configurations of a publication, an LMS package or
    the preview: ``mkdocs.<lang>.<purpose>.yml``) are not what it wrote and change on their own.
    """
    found = {}
    configs = [path for path in sorted(out.glob("mkdocs.*.yml")) if _LANGUAGE_CONFIG.fullmatch(path.name)]
    for path in [*_files(out / "docs"), *configs]:
        stat = path.stat()
        found[path.relative_to(out).as_posix()] = [stat.st_size, stat.st_mtime_ns]
    return found


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def _all_files(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in _files(folder)]


@cache
def _code() -> str:
    """The generator's own files (code, templates, labels, assets) and the libraries that render.

    Each file by its path, size and modification time (a library by its package's first
    file): reading them all, or asking the package metadata, would cost more than a small
    handbook's whole generation.
    """
    import jinja2
    import markupsafe
    import yaml

    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{sys.version}|{_GENERATOR}".encode())
    libraries = [Path(module.__file__ or "") for module in (jinja2, markupsafe, yaml)]
    for path in libraries:  # an upgrade rewrites the package's files
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    for path in sorted(_GENERATOR.rglob("*")):
        if "__pycache__" not in path.parts and path.is_file():
            stat = path.stat()
            name = path.relative_to(_GENERATOR).as_posix()
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()
