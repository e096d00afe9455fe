"""``handbook diff``: changes entity by entity and field by field, renames, whom a change
concerns, and the Markdown and JSON reports; between git refs and between folders."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from generator.diff import compare
from generator.diff.changeset import Change, ChangeSet
from generator.diff.report_json import change_data
from generator.diff.report_md import format_markdown
from generator.diff.source import extract, load_side
from generator.diff.values import detail
from generator.export.model_json import model_data
from generator.validate import validate
from tests.conftest import MINIMAL
from tests.versions_support import KNOWN_CHANGES, TwoVersions, handbook, two_versions


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> TwoVersions:
    return two_versions(tmp_path_factory.mktemp("diff") / "handbook")


@pytest.fixture(scope="module")
def known(versions: TwoVersions) -> ChangeSet:
    old, new = load_side(versions.root, "v1.0.0"), load_side(versions.root, "v1.1.0")
    assert old.validation.ok and new.validation.ok
    return compare(old.model, new.model)


def summary(changes: ChangeSet) -> set[tuple[str, str, str]]:
    return {(c.kind, c.action, c.key) for c in changes.changes}


def find(changes: ChangeSet, key: str) -> Change:
    return next(c for c in changes.changes if c.key == key)


# --- two tagged versions of the default content ---------------------------------------


def test_diff_of_two_tags_lists_exactly_the_known_changes(known: ChangeSet) -> None:
    assert summary(known) == KNOWN_CHANGES
    assert (known.old and known.old.number, known.new.number) == ("1.0.0", "1.1.0")
    version = find(known, "handbook:handbook")
    assert [(f.field, f.before, f.after) for f in version.fields] == [("version", "1.0.0", "1.1.0")]
    item = find(known, "checklist-item:market-analysis/gather-customer-input")
    assert [f.field for f in item.fields] == ["text"]
    assert "short questionnaire" in item.fields[0].after["en"]
    assert "short questionnaire" not in item.fields[0].before["en"]
    kpi = find(known, "kpi:target-achievement-rate")
    assert [f.field for f in kpi.fields] == ["targets"]
    assert len(kpi.fields[0].after) == len(kpi.fields[0].before) + 1


def test_a_renamed_step_is_one_rename_and_its_references_are_no_change(known: ChangeSet) -> None:
    step = find(known, "step:find-customer-groups")
    assert (step.action, step.old_id, step.fields) == ("renamed", "identify-customer-groups", ())
    # Checklist items, scripts and questions name the step by its new id: not changes.
    assert not [c for c in known.changes if c.kind in ("script", "checklist", "stage")]


def test_each_change_concerns_the_roles_that_own_it(known: ChangeSet) -> None:
    assert find(known, "checklist-item:market-analysis/gather-customer-input").roles == (
        "sales-representative",
    )
    assert find(known, "kpi:target-achievement-rate").roles == ("sales-manager",)
    assert find(known, "step:find-customer-groups").roles == ("sales-manager",)
    assert find(known, "handbook:handbook").roles == ()
    assert find(known, "question:ma-persona-complete").roles  # the paths that take the quiz


def test_cli_prints_markdown_and_json(versions: TwoVersions) -> None:
    md = handbook(versions.root, "diff", "v1.0.0", "v1.1.0")
    assert md.returncode == 0, md.stderr
    assert "# Changes from 1.0.0 to 1.1.0" in md.stdout
    assert "- **renamed** `identify-customer-groups` → `find-customer-groups`" in md.stdout
    assert "`version`: “1.0.0” → “1.1.0”" in md.stdout
    assert "- **added** `ma-persona-complete`" in md.stdout
    out = handbook(versions.root, "diff", "v1.0.0", "v1.1.0", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["format"] == "sales-handbook-diff"
    assert data["counts"] == {"added": 1, "removed": 0, "changed": 3, "renamed": 1}
    assert {(c["kind"], c["action"]) for c in data["changes"]} == {(k, a) for k, a, _ in KNOWN_CHANGES}


def test_folders_compare_like_refs(versions: TwoVersions, known: ChangeSet, tmp_path: Path) -> None:
    extract(versions.root, "v1.0.0", tmp_path / "old")
    out = handbook(versions.root, "diff", str(tmp_path / "old"), str(versions.root), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == json.loads(json.dumps(change_data(known)))


def test_the_same_version_twice_has_no_changes(versions: TwoVersions) -> None:
    out = handbook(versions.root, "diff", "v1.1.0", "HEAD")
    assert out.returncode == 0, out.stderr
    assert "No differences." in out.stdout


def test_an_unknown_ref_is_a_usage_error(versions: TwoVersions) -> None:
    out = handbook(versions.root, "diff", "v1.0.0", "v9.9.9")
    assert out.returncode == 2
    assert "'v9.9.9' is neither a folder nor a git ref" in out.stderr


# --- the comparison on small models ----------------------------------------------------


@pytest.fixture(scope="module")
def minimal() -> dict[str, Any]:
    result = validate(MINIMAL)
    assert result.ok
    return model_data(result.handbook)


def changed(model: dict[str, Any], edit: Any) -> ChangeSet:
    new = copy.deepcopy(model)
    edit(new)
    return compare(model, new)


def test_an_id_renamed_with_other_content_is_a_removal_and_an_addition(minimal: dict[str, Any]) -> None:
    def edit(m: dict[str, Any]) -> None:
        item = m["checklists"][0]["items"][0]
        item["id"], item["day"] = "list-done", 3

    assert summary(changed(minimal, edit)) == {
        ("checklist-item", "added", "checklist-item:prospecting/list-done"),
        ("checklist-item", "removed", "checklist-item:prospecting/list-ready"),
    }


def test_items_follow_their_renamed_checklist(minimal: dict[str, Any]) -> None:
    def edit(m: dict[str, Any]) -> None:
        m["checklists"][0]["id"] = "prospecting-list"

    changes = changed(minimal, edit)
    assert summary(changes) == {("checklist", "renamed", "checklist:prospecting-list")}


def test_references_follow_a_renamed_role(minimal: dict[str, Any]) -> None:
    def edit(m: dict[str, Any]) -> None:
        text = json.dumps(m).replace('"seller"', '"sales-rep"')
        m.clear()
        m.update(json.loads(text))

    changes = changed(minimal, edit)
    # The seller's onboarding path has the id "seller" too: renamed along with the role.
    assert {c.kind for c in changes.changes} <= {"role", "path"}
    assert find(changes, "role:sales-rep").old_id == "seller"


def test_short_fields_show_before_and_after_long_ones_only_that_they_changed(
    minimal: dict[str, Any],
) -> None:
    def edit(m: dict[str, Any]) -> None:
        m["kpis"][0]["owner"] = "seller"
        m["stages"][0]["goal"] = {"en": "A target list. " * 20, "zh": "目标名单。"}
        m["stages"][0]["name"]["zh"] = "找客户"

    changes = changed(minimal, edit)
    kpi = find(changes, "kpi:win-rate")
    assert (kpi.fields[0].before, kpi.fields[0].after) == ("coach", "seller")
    assert set(kpi.roles) == {"seller", "coach"}  # whom it concerned, and whom it concerns
    stage = {f.field: f for f in find(changes, "stage:prospecting").fields}
    long = detail(stage["goal"], "en")
    assert not long.short and not long.translation and long.added == ()
    assert detail(stage["goal"], "zh").translation  # the Chinese goal did not change
    assert detail(stage["name"], "en").translation
    name = detail(stage["name"], "zh")
    assert (name.before, name.after, name.short) == ("寻找客户", "找客户", True)
    md = format_markdown(changes)
    assert "`owner`: “coach” → “seller”" in md
    assert "`goal`: changed" in md
    assert "`name`: changed in another language only" in md


def test_removed_entities_concern_the_roles_of_the_old_version(minimal: dict[str, Any]) -> None:
    def edit(m: dict[str, Any]) -> None:
        m["scripts"] = []
        m["meetings"] = []

    changes = changed(minimal, edit)
    assert summary(changes) == {
        ("script", "removed", "script:first-call"),
        ("meeting", "removed", "meeting:weekly"),
    }
    assert find(changes, "script:first-call").roles == ("seller",)  # the owner of its step
    meeting = minimal["meetings"][0]
    assert set(find(changes, "meeting:weekly").roles) == {meeting["owner"], *meeting["attendees"]}
