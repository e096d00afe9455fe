"""Property test: whatever an editor does to valid definitions, validate reports, never crashes.

Hypothesis picks a value anywhere in the minimal handbook and drops, duplicates, retypes
or renames it; ``validate`` must return (never raise) and, for a broken file, say so
with a located diagnostic.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.validate import validate
from tests.conftest import MINIMAL

FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*.yaml"))
ORIGINAL = {rel: yaml.safe_load((MINIMAL / rel).read_text(encoding="utf-8")) for rel in FILES}

ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=8), st.integers(), max_size=3),
    st.sampled_from(["../x", "Sales Rep", "stage:", "kpi:nothing", "{placeholder", "", "x" * 300]),
)


def _containers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _containers(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _containers(item, (*path, index))
    return found


def _parent(root: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        root = root[step]
    return root


@st.composite
def mutated_handbooks(draw: st.DrawFn) -> dict[str, Any]:
    files = yaml.safe_load(yaml.safe_dump(ORIGINAL))  # a deep copy
    for _ in range(draw(st.integers(1, 4))):
        rel = draw(st.sampled_from(FILES))
        paths = [p for p in _containers(files[rel]) if p]
        if not paths:
            continue
        path = draw(st.sampled_from(paths))
        parent, key = _parent(files[rel], path), path[-1]
        action = draw(st.sampled_from(["drop", "duplicate", "retype", "rename"]))
        if action == "drop":
            del parent[key]
        elif action == "duplicate" and isinstance(parent, list):
            parent.insert(key, yaml.safe_load(yaml.safe_dump(parent[key])))
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = parent.pop(key)
        else:
            parent[key] = draw(ODD_VALUES)
    return files


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_handbooks())
def test_validate_reports_and_never_crashes(files: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for rel, data in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        result = validate(root)
        for problem in result.diagnostics.sorted():
            assert problem.location.file, problem
            assert problem.message and problem.code


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash_the_loader(raw: bytes) -> None:
    from generator.load.yaml_tree import load_file

    loaded = load_file("process/x.yaml", raw)
    assert loaded.data is not None or loaded.problems
