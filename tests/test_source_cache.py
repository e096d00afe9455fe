"""The loader's cache: once a handbook has been generated, a file whose bytes did not change
is not parsed again, a changed file is, and an entry that was not written by this user's
own runs is never unpickled."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import source as source_module
from generator.load.cache import SourceCache
from generator.model.index import Index
from generator.render import generate
from generator.validate import validate
from tests.conftest import Workspace


@pytest.fixture
def generated(workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    result = validate(workspace.root)
    generate(result.handbook, Index(result.handbook), workspace.root)
    validate(workspace.root)  # fills the cache: the handbook has been generated
    return workspace


def _parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed from then on (the others came from the cache)."""
    parsed: list[str] = []
    parse = source_module._parse

    def counting(rel: str, raw: bytes) -> source_module.Source:
        parsed.append(rel)
        return parse(rel, raw)

    monkeypatch.setattr(source_module, "_parse", counting)
    return parsed


def test_unchanged_files_come_from_the_cache(generated: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = validate(generated.root)
    parsed = _parsed(monkeypatch)
    again = validate(generated.root)
    assert parsed == []
    assert again.diagnostics.sorted() == fresh.diagnostics.sorted()
    assert again.handbook.stages == fresh.handbook.stages
    assert [s.name for s in again.handbook.stages] == [s.name for s in fresh.handbook.stages]


def test_a_changed_file_is_parsed_again(generated: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    generated.replace("process/people.yaml", "roles:", "roles:  # edited")
    parsed = _parsed(monkeypatch)
    validate(generated.root)
    assert parsed == ["process/people.yaml"]


def test_an_entry_not_signed_by_this_user_is_never_unpickled(
    generated: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = SourceCache.open(generated.root)
    assert cache is not None
    rel = "process/people.yaml"
    entry = cache.folder / cache.name(rel, (generated.root / rel).read_bytes())
    assert entry.is_file()
    entry.write_bytes(b"\0" * 32 + entry.read_bytes()[32:])  # the same pickle, another signature
    parsed = _parsed(monkeypatch)
    validate(generated.root)
    assert parsed == [rel]
