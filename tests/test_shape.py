"""The process's own shape: stage numbering, outcomes, optional sections, roles without a
path or a mentor, days within a stage, and a company's own script channels, as pages show them."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import MINIMAL
from tests.test_render import copy_handbook, out, run

OUTCOMES = """outcomes:
  - id: won
    name: {en: Closed won, zh: 赢单}
    kind: won
    description: {en: The customer signed., zh: 客户已签约。}
  - id: no-decision
    name: {en: No decision, zh: 未决}
"""


def shaped(tmp_path: Path) -> Path:
    root = copy_handbook(MINIMAL, tmp_path)
    stage = root / "process" / "stage.yaml"
    text = stage.read_text(encoding="utf-8").replace("    order: 1", "    order: 0")
    stage.write_text(text + OUTCOMES, encoding="utf-8")
    return root


def test_outcomes_close_the_flow_on_the_home_page_and_the_last_stage(tmp_path: Path) -> None:
    root = shaped(tmp_path)
    run(root)
    home = out(root, "en", "index.md")
    flow = home[home.index('class="stage-flow"') : home.index("</nav>")]
    assert flow.index("Prospecting") < flow.index("Closed won") < flow.index("No decision")
    assert '<span class="stage-flow-order">0</span> Prospecting' in flow
    assert '<span id="outcome-won">**Closed won**</span>: The customer signed.' in home
    stage = out(root, "zh", "stages/prospecting.md")
    assert "[赢单](../index.md#outcome-won)" in stage
    assert "\n# 0. 寻找客户 {: #stage }\n" in stage


def test_no_outcomes_no_outcome_section(tmp_path: Path) -> None:
    root = copy_handbook(MINIMAL, tmp_path)
    run(root)
    assert "#outcomes" not in out(root, "en", "index.md")
    assert "outcome-" not in out(root, "en", "stages/prospecting.md")


def test_sections_a_company_lacks_leave_no_page_and_no_menu_entry(tmp_path: Path) -> None:
    root = copy_handbook(MINIMAL, tmp_path)
    people = root / "process" / "people.yaml"
    text = people.read_text(encoding="utf-8")
    people.write_text(re.sub(r"(?ms)^tiers:.*?(?=^\S)", "", text), encoding="utf-8")
    quiz = root / "quizzes" / "basics.yaml"  # a question tested tier:a; it now tests the stage
    quiz.write_text(
        quiz.read_text(encoding="utf-8").replace(
            "tests: [tier:a, stage:prospecting]", "tests: [stage:prospecting]"
        )
    )
    run(root)
    pages = root / ".handbook" / "docs" / "en"
    assert not (pages / "tiers.md").exists()
    assert (pages / "tools.md").exists()
    config = (root / ".handbook" / "mkdocs.en.yml").read_text(encoding="utf-8")
    assert "tiers.md" not in config and "tools.md" in config


def test_a_stage_checklist_counts_days_in_the_stage(tmp_path: Path) -> None:
    root = copy_handbook(MINIMAL, tmp_path)
    run(root)
    assert "Day 2 in the stage" in out(root, "en", "stages/prospecting.md")
    assert "进入本环节第 2 天" in out(root, "zh", "stages/prospecting.md")


def test_a_path_without_a_mentor_shows_none(tmp_path: Path) -> None:
    root = copy_handbook(MINIMAL, tmp_path)
    onboarding = root / "process" / "onboarding.yaml"
    onboarding.write_text(onboarding.read_text(encoding="utf-8").replace("    mentor: coach\n", ""))
    run(root)
    assert "Mentor" not in out(root, "en", "onboarding/seller.md").split("\n## ")[0]


def test_the_script_filter_lists_the_handbooks_own_channels(tmp_path: Path) -> None:
    root = copy_handbook(MINIMAL, tmp_path)
    stage = root / "process" / "stage.yaml"
    stage.write_text(stage.read_text(encoding="utf-8").replace("channel: phone", "channel: video-call"))
    (root / "process" / "channels.yaml").write_text(
        "channels:\n  - id: video-call\n    label: {en: Video call, zh: 视频通话}\n", encoding="utf-8"
    )
    run(root)
    assert "<option>Video call</option>" in out(root, "en", "scripts/index.md")
    assert "<option>视频通话</option>" in out(root, "zh", "scripts/index.md")


def test_exported_stage_checklists_count_days_in_the_stage() -> None:
    from generator.export.files import export_file
    from generator.validate import validate

    handbook = validate(MINIMAL).handbook
    markdown = export_file(handbook, "checklists", fmt="md")[0].decode("utf-8")
    assert "Day 2 in the stage" in markdown
