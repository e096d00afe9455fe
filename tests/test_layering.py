"""The generator's packages import one way down the pipeline, and never in a circle.

Read from the source with ``ast`` (every import, in functions and under ``TYPE_CHECKING``
too), so a wrong import fails here before anyone has to untangle it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parent.parent / "generator"

# What each part of the generator may import of the others, bottom of the pipeline first.
# A part not listed here is an error: a new package must say where it stands.
MAY_USE: dict[str, frozenset[str]] = {
    "model": frozenset(),
    "diagnostics": frozenset({"model"}),
    "load": frozenset({"model", "diagnostics"}),
    # Owners and review dates of entries and guides; guides' front matter is read with the
    # loader's position-keeping YAML reader.
    "review": frozenset({"model", "diagnostics", "load"}),
    # The messages check compares a handbook's own catalog entries with the shipped ones.
    # The starter-text check compares a handbook's texts with the starter's.
    "check": frozenset({"model", "diagnostics", "review", "presentation", "starter"}),
    "validate": frozenset({"model", "diagnostics", "load", "check"}),
    "report": frozenset({"model", "diagnostics"}),
    "presentation": frozenset({"model"}),
    "export": frozenset({"model", "diagnostics", "presentation", "review"}),
    "diff": frozenset({"model", "diagnostics", "validate", "export"}),
    "render": frozenset({"model", "diagnostics", "load", "presentation", "diff", "review"}),
    "build": frozenset({"model", "diagnostics", "presentation", "render"}),
    # An onboarding path packaged for a learning-management system: built pages and a launcher.
    "lms": frozenset({"model", "diagnostics", "presentation", "export", "render", "build"}),
    "publish": frozenset(
        {"model", "diagnostics", "load", "presentation", "export", "diff", "render", "build"}
    ),
    "starter": frozenset({"model"}),
    # Rewrites older definition files to the newest format, reading them with the loader.
    "upgrade": frozenset({"model", "diagnostics", "load", "presentation", "starter"}),
    "commands": frozenset(
        {
            "model",
            "diagnostics",
            "load",
            "check",
            "validate",
            "report",
            "presentation",
            "export",
            "diff",
            "render",
            "build",
            "publish",
            "starter",
            "upgrade",
            "review",
            "environment",
            "lms",
        }
    ),
    # The command line also names the lock's default wait and the review day/interval types.
    "cli": frozenset({"commands", "diagnostics", "environment", "build", "review"}),
    "environment": frozenset(),
    "__main__": frozenset({"cli"}),
    "__init__": frozenset(),
}


def part_of(path: Path, root: Path) -> str:
    """``generator/render/context/site.py`` → ``render``; ``generator/cli.py`` → ``cli``."""
    rel = path.relative_to(root)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def imported_parts(source: str) -> Iterator[tuple[int, str]]:
    """Line and part of every ``generator.<part>`` the source imports."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = node.module.split(".")
            if names[0] != "generator":
                continue
            if len(names) > 1:
                yield node.lineno, names[1]
            else:  # from generator import commands
                yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                names = alias.name.split(".")
                if names[0] == "generator" and len(names) > 1:
                    yield node.lineno, names[1]
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            yield node.lineno, "(relative import)"


def import_graph(root: Path) -> dict[str, dict[str, list[str]]]:
    """Part → imported part → where (``file:line``), for every module below ``root``."""
    graph: dict[str, dict[str, list[str]]] = {}
    for path in sorted(root.rglob("*.py")):
        part = part_of(path, root)
        edges = graph.setdefault(part, {})
        for line, other in imported_parts(path.read_text(encoding="utf-8")):
            if other != part:
                edges.setdefault(other, []).append(f"{path.relative_to(root.parent)}:{line}")
    return graph


def wrong_way(graph: Mapping[str, Mapping[str, list[str]]]) -> list[str]:
    """Every import a part is not allowed, as ``file:line: part imports other``."""
    found = []
    for part, edges in graph.items():
        allowed = MAY_USE.get(part)
        for other, where in edges.items():
            if allowed is None or other not in allowed:
                found += [f"{w}: {part} imports {other}" for w in where]
    return found


def cycles(graph: Mapping[str, Mapping[str, list[str]]]) -> list[list[str]]:
    """Circles of parts importing each other, each as the path that closes it."""
    found: list[list[str]] = []
    done: set[str] = set()

    def visit(part: str, trail: list[str]) -> None:
        if part in trail:
            found.append([*trail[trail.index(part) :], part])
            return
        if part in done:
            return
        for other in sorted(graph.get(part, {})):
            visit(other, [*trail, part])
        done.add(part)

    for part in sorted(graph):
        visit(part, [])
    return found


def test_every_import_runs_down_the_pipeline() -> None:
    assert wrong_way(import_graph(GENERATOR)) == []


def test_no_parts_import_each_other_in_a_circle() -> None:
    assert cycles(import_graph(GENERATOR)) == []


def test_the_model_imports_nothing_of_ours() -> None:
    assert import_graph(GENERATOR)["model"] == {}


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"model/a.py": "from generator.load.yaml_tree import YMap\n"},
            ["generator/model/a.py:1: model imports load"],
        ),
        (
            {"export/a.py": "def f():\n    from generator.render.links import anchor\n"},
            ["generator/export/a.py:2: export imports render"],
        ),
        (
            {"novel/a.py": "from generator.model import entities\n"},
            ["generator/novel/a.py:1: novel imports model"],
        ),
        ({"render/a.py": "from generator.diff.changeset import ChangeSet\n"}, []),
    ],
)
def test_a_wrong_import_is_found(tmp_path: Path, files: dict[str, str], expected: list[str]) -> None:
    root = _tree(tmp_path, files)
    assert wrong_way(import_graph(root)) == expected


def test_a_circle_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "render/a.py": "from generator.diff.b import B\n",
            "diff/b.py": "from generator.export.c import C\n",
            "export/c.py": "from generator.render.a import A\n",
        },
    )
    assert cycles(import_graph(root)) == [["diff", "export", "render", "diff"]]


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "generator"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root
