"""``Index.get`` is typed per kind: each overload names the type its kind really holds."""

from __future__ import annotations

import shutil
import typing

import pytest

from generator.model.handbook import Handbook
from generator.model.index import TARGET_KINDS, Index
from generator.validate import validate
from tests.conftest import REPO


def declared_types() -> dict[str, type]:
    """Kind → the entity type its overload of ``Index.get`` promises."""
    declared = {}
    for overload in typing.get_overloads(Index.get):
        hints = typing.get_type_hints(overload)
        kinds = typing.get_args(hints["kind"])
        if typing.get_origin(hints["kind"]) is not typing.Literal:
            continue  # the fallback: any kind, any entity
        [kind] = kinds
        [entity] = [t for t in typing.get_args(hints["return"]) if t is not type(None)]
        declared[kind] = entity
    return declared


# The default handbook has every kind of entity but outcomes.
OUTCOMES = """
outcomes:
  - id: won
    name: {en: Closed won, zh: 赢单}
    kind: won
"""


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    root = tmp_path_factory.mktemp("index")
    for folder in ("process", "quizzes", "docs"):
        shutil.copytree(REPO / folder, root / folder)
    stages = sorted((root / "process" / "stages").glob("*.yaml"))[0]
    stages.write_text(stages.read_text(encoding="utf-8") + OUTCOMES, encoding="utf-8")
    result = validate(root)
    assert result.ok, result.diagnostics.sorted()
    return result.handbook


def test_every_kind_but_a_page_has_its_own_overload() -> None:
    assert set(declared_types()) == set(TARGET_KINDS) - {"page"}


def test_each_kind_holds_what_its_overload_declares(handbook: Handbook) -> None:
    index = Index(handbook)
    for kind, entity_type in declared_types().items():
        held = index.by_kind[kind]
        assert held, f"the default handbook has no {kind}: the test would prove nothing"
        for ident, entity in held.items():
            assert isinstance(entity, entity_type), (kind, ident, type(entity))
            assert index.get(kind, ident) is entity


def test_an_unknown_kind_or_id_is_none(handbook: Handbook) -> None:
    index = Index(handbook)
    assert index.get("stage", "no-such-stage") is None
    assert index.get("no-such-kind", "x") is None
