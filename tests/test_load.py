"""Reading files: syntax, encoding, duplicate keys, tags, unknown keys and wrong types."""

from __future__ import annotations

import pytest

from generator.load.yaml_tree import load_file
from tests.conftest import Workspace

S = "process/stage.yaml"


def only(workspace: Workspace, code: str) -> list[tuple[str, int, int]]:
    problems = workspace.problems()
    assert {p.code for p in problems} == {code}, "\n".join(map(str, problems))
    return [(p.location.file, p.location.line, p.location.column) for p in problems]


def test_duplicate_key_is_an_error_not_a_silent_overwrite(workspace: Workspace) -> None:
    workspace.replace(S, "    order: 1\n", "    order: 1\n    order: 1\n")
    [(file, line, column)] = only(workspace, "duplicate-key")
    assert (file, line, column) == (S, workspace.line_of(S, "order: 1", 2), 5)


def test_unknown_key_suggests_the_close_one(workspace: Workspace) -> None:
    workspace.replace(
        S, "        owner: seller\n        practices", "        ownr: seller\n        practices"
    )
    problems = {p.code: p for p in workspace.problems()}
    assert set(problems) == {"unknown-key", "missing-key"}
    assert problems["unknown-key"].location.line == workspace.line_of(S, "ownr: seller")
    assert "did you mean 'owner'?" in problems["unknown-key"].hint


def test_unknown_top_level_key(workspace: Workspace) -> None:
    workspace.write("process/extra.yaml", "stagse: []\n")
    [(file, line, _)] = only(workspace, "unknown-key")
    assert (file, line) == ("process/extra.yaml", 1)


def test_missing_key_names_the_key_and_the_place(workspace: Workspace) -> None:
    workspace.replace(S, "    goal: {en: A target list., zh: 目标名单。}\n", "")
    problems = workspace.problems()
    assert [(p.code, p.location.line) for p in problems] == [("missing-key", 2)]
    assert "'goal'" in problems[0].message


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("    order: 1", "    order: first", "wrong-type"),
        ("    channel: phone", "    channel: fone", "unknown-channel"),
        ("    name: {en: Prospecting, zh: 寻找客户}", "    name: Prospecting", "wrong-type"),
        ("    owners: [seller]", "    owners: seller", "wrong-type"),
    ],
)
def test_wrong_values_are_reported_where_they_are(
    workspace: Workspace, old: str, new: str, code: str
) -> None:
    workspace.replace(S, old, new)
    problems = workspace.problems()
    assert code in {p.code for p in problems}
    line = workspace.line_of(S, new.strip())
    assert any(p.code == code and p.location.line == line for p in problems), problems


def test_invalid_value_suggests_the_close_choice(workspace: Workspace) -> None:
    workspace.replace(S, "    channel: phone", "    channel: fone")
    [problem] = workspace.problems()
    assert problem.hint == "did you mean 'phone'?"


@pytest.mark.parametrize("bad_id", ["Market Analysis", "../etc", "a/b", "x" * 300, "UPPER", "a--b"])
def test_ids_must_be_safe_slugs(workspace: Workspace, bad_id: str) -> None:
    workspace.replace("process/people.yaml", "  - id: customer-file", f"  - id: '{bad_id}'")
    [(_, line, _)] = only(workspace, "invalid-id")
    assert line == workspace.line_of("process/people.yaml", "id: '")


def test_object_tags_are_refused(workspace: Workspace) -> None:
    workspace.write("process/evil.yaml", "glossary:\n  - !!python/object/apply:os.system ['echo owned']\n")
    problems = workspace.problems()
    assert ("yaml-tag", "process/evil.yaml", 2) in {
        (p.code, p.location.file, p.location.line) for p in problems
    }


def test_syntax_error_gives_line_and_column(workspace: Workspace) -> None:
    workspace.replace(S, "    order: 1", "    order: [1")
    [problem] = workspace.problems()
    assert problem.code == "yaml-syntax"
    assert problem.location.file == S and problem.location.line >= workspace.line_of(S, "order: [1")


def test_tab_indentation_is_explained(workspace: Workspace) -> None:
    workspace.replace(S, "    order: 1\n", "\torder: 1\n")
    [problem] = workspace.problems()
    assert problem.code == "yaml-syntax"
    assert problem.location.line == workspace.line_of(S, "order: 1")
    assert "tab" in (problem.message + problem.hint)


def test_invalid_utf8_names_the_line(workspace: Workspace) -> None:
    raw = workspace.text(S).encode().replace(b"Prospecting, zh", b"Prosp\xffecting, zh", 1)
    workspace.write(S, raw)
    problems = workspace.problems()
    encoding = [p for p in problems if p.code == "encoding"]
    assert encoding and encoding[0].location.line == 4


def test_byte_order_mark_is_read_with_a_warning(workspace: Workspace) -> None:
    workspace.write(S, b"\xef\xbb\xbf" + workspace.text(S).encode())
    assert [(p.level, p.code, p.location.line) for p in workspace.problems()] == [
        ("warning", "byte-order-mark", 1)
    ]


@pytest.mark.parametrize("content", ["", "# only a comment\n", "---\n"])
def test_empty_file_is_reported(workspace: Workspace, content: str) -> None:
    workspace.write("process/empty.yaml", content)
    assert only(workspace, "empty-file") == [("process/empty.yaml", 1, 1)]


def test_a_list_where_the_file_mapping_belongs(workspace: Workspace) -> None:
    workspace.write("process/list.yaml", "- id: x\n")
    assert only(workspace, "wrong-type") == [("process/list.yaml", 1, 1)]


def test_alias_bomb_is_stopped_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    loaded = load_file("process/bomb.yaml", "\n".join(lines).encode())
    assert [p.code for p in loaded.problems] == ["file-too-complex"]


def test_merge_keys_are_refused() -> None:
    loaded = load_file("process/m.yaml", b"base: &b {a: 1}\nuse:\n  <<: *b\n")
    assert [(p.code, p.location.line) for p in loaded.problems] == [("yaml-merge-key", 3)]


def test_deep_nesting_is_refused() -> None:
    loaded = load_file("process/deep.yaml", b"x: " + b"[" * 300 + b"]" * 300)
    assert [p.code for p in loaded.problems] == ["file-too-complex"]


def test_second_handbook_mapping_is_refused(workspace: Workspace) -> None:
    workspace.write(
        "process/more-handbook.yaml", workspace.text("process/handbook.yaml").split("principles:")[0]
    )
    assert only(workspace, "duplicate-handbook") == [("process/more-handbook.yaml", 1, 1)]


def test_missing_handbook_mapping(workspace: Workspace) -> None:
    (workspace.root / "process" / "handbook.yaml").unlink()
    assert only(workspace, "missing-handbook") == [("process", 0, 0)]


def test_all_problems_are_reported_at_once(workspace: Workspace) -> None:
    workspace.replace(S, "    order: 1", "    ordr: 1")
    workspace.replace("process/people.yaml", "cadence: daily", "cadence: dayly")
    workspace.write("process/broken.yaml", "roles: [\n")
    codes = {p.code for p in workspace.problems()}
    assert {"unknown-key", "missing-key", "invalid-value", "yaml-syntax"} <= codes


def test_recursive_alias_is_refused() -> None:
    loaded = load_file("process/loop.yaml", b"a: &a [*a]\n")
    assert [(p.code, p.location.line, p.location.column) for p in loaded.problems] == [("yaml-alias", 1, 8)]
