"""JSON Schemas as files for editors and other tools: compared with what is on disk, and
written only when they changed (an editor watching the folder reloads nothing else)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from generator.export.quiz.bank import ExportError


def schema_text(schema: object) -> str:
    """A schema as it is written: indented, non-ASCII kept, one newline at the end."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def sync_schemas(schemas: Mapping[str, object], folder: Path, *, write: bool) -> list[Path]:
    """The files in ``folder`` that differ from ``schemas`` (file name → schema); with
    ``write``, those files are rewritten (and the folder made) first."""
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"'{folder}' is a file: --out takes a folder to write the schemas into")
    stale = []
    for name, schema in schemas.items():
        path, text = folder / name, schema_text(schema)
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(path)
        if write:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return stale
