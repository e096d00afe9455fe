"""Each consistency check, fed a small invalid case, reports its code at the right place.

Every case starts from ``tests/fixtures/minimal`` (which validates cleanly), applies one
edit and expects one diagnostic: its code, file and line. ``also`` names codes the same
edit may legitimately cause besides (e.g. a second stage that has no checklist yet).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from generator.check.registry import REGISTRY, run_checks
from generator.model.handbook import Handbook
from tests.conftest import MINIMAL, Workspace


@dataclass
class Case:
    code: str
    file: str
    edits: list[tuple[str, str]]
    marker: str
    nth: int = 1
    marker_file: str = ""
    also: set[str] = field(default_factory=set)
    new_files: dict[str, str] = field(default_factory=dict)


SECOND_STAGE = """stages:
  - id: closing
    order: 2
    name: {en: Closing, zh: 成交}
    goal: {en: A signed deal., zh: 签约。}
    entry_criteria: [{en: A list., zh: 名单。}]
    exit_criteria: [{en: A deal., zh: 成交。}]
    owners: [seller]
    steps:
      - id: close-deal
        name: {en: Close the deal, zh: 促成交易}
        summary: {en: Ask for the order., zh: 请求下单。}
        owner: seller
        practices: []
        deliverables: []
"""

S, P, ONB, Q = "process/stage.yaml", "process/people.yaml", "process/onboarding.yaml", "quizzes/basics.yaml"
H = "process/handbook.yaml"

# Questions that repeat the key positions of the fixture's own (first option; first two of three).
FIRST_KEYED = """      - id: first-step-{n}
        type: single
        prompt: {{en: "Which step comes first, again?", zh: 再问：哪一步最先？}}
        options:
          - id: a
            text: {{en: Find customers, zh: 寻找客户}}
            correct: true
          - id: b
            text: {{en: Sign the contract, zh: 签订合同}}
        explanation: {{en: Prospecting comes first., zh: 先寻找客户。}}
        tests: [step:find-customers]
"""
SAME_SET_KEYED = """      - id: crm-uses-again
        type: multiple
        prompt: {en: "What does the CRM keep, again?", zh: 再问：CRM 保存什么？}
        options:
          - id: a
            text: {en: Customer files, zh: 客户档案}
            correct: true
          - id: b
            text: {en: Follow-up status, zh: 跟进进度}
            correct: true
          - id: c
            text: {en: Lunch orders, zh: 午餐订单}
        explanation: {en: It keeps customer files and follow-up status., zh: 它保存客户档案和跟进进度。}
        tests: [tool:crm]
"""

CASES = [
    Case(
        "duplicate-id",
        "process/terms.yaml",
        [],
        "- id: customer-file",
        new_files={
            "process/terms.yaml": "glossary:\n  - id: customer-file\n    term: {en: file, zh: 档案}\n"
        },
    ),
    Case(
        "duplicate-id",
        S,
        [
            (
                "      - id: list-ready",
                "      - id: list-ready\n        text: {en: a, zh: b}\n"
                "        owner: seller\n        day: 1\n        step: find-customers\n"
                "      - id: list-ready",
            )
        ],
        "- id: list-ready",
        nth=2,
    ),
    Case("unresolved-reference", S, [("    owners: [seller]", "    owners: [sellr]")], "owners: [sellr]"),
    Case(
        "unresolved-reference",
        ONB,
        [("target: stage:prospecting", "target: stage:prospect")],
        "target: stage:prospect",
    ),
    Case(
        "unresolved-reference",
        ONB,
        [("target: stage:prospecting", "target: page:guides/none.md")],
        "target: page:guides/none.md",
    ),
    Case(
        "step-outside-stage",
        S,
        [("    step: find-customers\n    channel", "    step: close-deal\n    channel")],
        "step: close-deal",
        new_files={"process/closing.yaml": SECOND_STAGE},
        also={"stage-needs-checklist", "stage-needs-script", "stage-needs-question"},
    ),
    Case(
        "checklist-item-source",
        S,
        [("        day: 2\n        step: find-customers\n", "        day: 2\n")],
        "- id: list-ready",
    ),
    Case(
        "target-kind",
        ONB,
        [("target: quiz:basics", "target: checklist:prospecting")],
        "target: checklist:prospecting",
    ),
    # With a training catalogue, a training item names its module; without one it needs none
    # (examples/saas runs its bootcamp with no catalogue).
    Case(
        "target-kind",
        ONB,
        [
            ("            kind: check-in\n", "            kind: training\n"),
            ("            target: training-format:mentoring\n", ""),
        ],
        "- id: meet-coach",
    ),
    Case("stage-order", S, [("    order: 1", "    order: -1")], "order: -1"),
    Case(
        "stage-order",
        "process/closing.yaml",
        [],
        "order: 3",
        new_files={"process/closing.yaml": SECOND_STAGE.replace("order: 2", "order: 3")},
        also={"stage-needs-checklist", "stage-needs-script", "stage-needs-question"},
    ),
    Case("unknown-channel", S, [("    channel: phone", "    channel: fax")], "channel: fax"),
    Case(
        "unknown-channel",
        S,
        [("    channel: phone", "    channel: video-call")],
        "channel: video-call",
        new_files={"process/channels.yaml": "channels:\n  - id: email\n    label: {en: Email, zh: 邮件}\n"},
    ),
    Case(
        "stage-needs-checklist",
        S,
        [("    stage: prospecting\n    items:", "    items:")],
        "- id: prospecting",
    ),
    Case("stage-needs-script", S, [(r"scripts:.*?(?=kpis:)", "")], "- id: prospecting"),
    Case(
        "stage-needs-question",
        Q,
        [
            ("tests: [step:find-customers]", "tests: [tool:crm]"),
            ("tests: [tier:a, stage:prospecting]", "tests: [tier:a]"),
        ],
        "- id: prospecting",
        marker_file=S,
    ),
    Case("role-needs-path", ONB, [("    role: coach", "    role: seller")], "- id: coach", marker_file=P),
    Case(
        "unknown-prerequisite",
        ONB,
        [("prerequisites: [read-stage]", "prerequisites: [read-stag]")],
        "prerequisites: [read-stag]",
    ),
    Case(
        "prerequisite-cycle",
        ONB,
        [
            (
                "target: stage:prospecting\n",
                "target: stage:prospecting\n            prerequisites: [take-quiz]\n",
            )
        ],
        "- id: take-quiz",
        also={"prerequisite-due-later"},
    ),
    Case(
        "prerequisite-due-later",
        ONB,
        [
            (
                "target: training-format:mentoring\n",
                "target: training-format:mentoring\n            prerequisites: [take-quiz]\n",
            )
        ],
        "prerequisites: [take-quiz]",
    ),
    Case("day-range", S, [("        day: 2", "        day: 0")], "day: 0"),
    Case(
        "day-range",
        ONB,
        [("            target: quiz:basics\n", "            target: quiz:basics\n            duration: 0\n")],
        "duration: 0",
    ),
    Case(
        "unknown-after",
        ONB,
        [
            (
                "            target: quiz:basics\n",
                "            target: quiz:basics\n            after: read-stag\n",
            )
        ],
        "after: read-stag",
    ),
    Case(
        "unknown-after",
        ONB,
        [
            (
                "            target: quiz:basics\n",
                "            target: quiz:basics\n            after: meet-coach\n",
            ),
            (
                "            target: training-format:mentoring\n",
                "            target: training-format:mentoring\n            after: take-quiz\n",
            ),
        ],
        "after: meet-coach",
    ),
    Case(
        "formula-syntax",
        S,
        [("formula: won / offered * 100", "formula: won // offered")],
        "formula: won // offered",
    ),
    Case(
        "formula-syntax",
        S,
        [("formula: won / offered * 100", "formula: __import__('os').getcwd()")],
        "formula: __import__",
    ),
    Case(
        "formula-unknown-input",
        S,
        [("formula: won / offered * 100", "formula: won / offerd * 100")],
        "formula: won / offerd",
    ),
    Case(
        "formula-syntax",
        S,
        [("formula: won / offered * 100", "formula: sqrt(won) * 100")],
        "formula: sqrt(won)",
    ),
    Case("kpi-example", S, [("expected: 25", "expected: 0.25")], "expected: 0.25"),
    Case("kpi-example", S, [("expected: 25", "expected: 2.5x")], "expected: 2.5x"),
    # A value that is not a number gets one error where it is written, not a second one
    # from the example check ("the example says 0").
    Case("wrong-type", S, [("expected: 25", "expected: a quarter")], "expected: a quarter"),
    Case(
        "wrong-type",
        S,
        [("inputs: {won: 3, offered: 12}", "inputs: {won: ~, offered: 12}")],
        "inputs: {won: ~",
    ),
    Case(
        "kpi-example",
        S,
        [("inputs: {won: 3, offered: 12}", "inputs: {won: 3, ofered: 12}")],
        "inputs: {won: 3, ofered: 12}",
    ),
    Case(
        "undeclared-placeholder",
        S,
        [("placeholders: [customer_name]", "placeholders: []")],
        'text: {en: "Hello',
    ),
    Case(
        "unused-placeholder",
        S,
        [("placeholders: [customer_name]", "placeholders: [customer_name, product]")],
        "placeholders: [customer_name, product]",
    ),
    Case(
        "drill-criterion",
        S,
        [("rubric: [confirms-next-step]", "rubric: [confirms-next-stpe]")],
        "rubric: [confirms-next-stpe]",
    ),
    Case("drill-rubric", S, [("rubric: [confirms-next-step]", "rubric: []")], "rubric: []"),
    Case(
        "single-choice-answer",
        Q,
        [
            (
                "text: {en: Sign the contract, zh: 签订合同}",
                "text: {en: Sign the contract, zh: 签订合同}\n            correct: true",
            )
        ],
        "- id: a",
    ),
    Case(
        "multiple-choice-answer",
        Q,
        [
            (
                "text: {en: Customer files, zh: 客户档案}\n            correct: true",
                "text: {en: Customer files, zh: 客户档案}",
            ),
            (
                "text: {en: Follow-up status, zh: 跟进进度}\n            correct: true",
                "text: {en: Follow-up status, zh: 跟进进度}",
            ),
        ],
        "- id: a",
        nth=2,
    ),
    Case(
        "duplicate-option",
        Q,
        [("text: {en: Lunch orders, zh: 午餐订单}", "text: {en: Customer files, zh: 午餐订单}")],
        "- id: c",
        nth=2,
    ),
    Case(
        "answer-positions",
        Q,
        [
            (
                "        tests: [step:find-customers]\n",
                "        tests: [step:find-customers]\n" + FIRST_KEYED.format(n=2) + FIRST_KEYED.format(n=3),
            )
        ],
        "- id: basics",
    ),
    Case(
        "answer-positions",
        Q,
        [("        tests: [tool:crm]\n", "        tests: [tool:crm]\n" + SAME_SET_KEYED)],
        "- id: basics",
    ),
    Case("question-shape", Q, [("answer: true", "answer: 3")], "answer: 3"),
    Case(
        "question-shape",
        Q,
        [("        tests: [step:find-customers]", "        answer: a\n        tests: [step:find-customers]")],
        "answer: a",
    ),
    Case(
        "quiz-kpi-example",
        Q,
        [
            (
                "        tolerance: 0.5\n",
                "        tolerance: 0.5\n        kpi: win-rate\n        example: 1\n",
            ),
            ("answer: 25", "answer: 20"),
        ],
        "answer: 20",
    ),
    Case(
        "quiz-kpi-example",
        Q,
        [("        tolerance: 0.5\n", "        tolerance: 0.5\n        kpi: win-rate\n        example: 2\n")],
        "example: 2",
    ),
    Case("numeric-tolerance", Q, [("        tolerance: 0.5\n", "")], "- id: win-rate-value"),
    Case(
        "meeting-recurrence",
        P,
        [("    cadence: weekly\n    purpose", "    every: fortnightly\n    purpose")],
        "every: fortnightly",
    ),
    Case(
        "meeting-recurrence",
        P,
        [("    cadence: weekly\n    purpose", "    cadence: weekly\n    time: 9h30\n    purpose")],
        "time: 9h30",
    ),
    Case(
        "meeting-recurrence", P, [("    cadence: weekly\n    purpose", "    purpose")], "- id: weekly", nth=2
    ),
    Case("pass-mark-range", Q, [("pass_mark: 75", "pass_mark: 120")], "pass_mark: 120"),
    Case(
        "missing-translation", P, [("name: {en: Coach, zh: 教练}", "name: {en: Coach}")], "name: {en: Coach}"
    ),
    Case(
        "missing-translation",
        P,
        [("name: {en: Coach, zh: 教练}", 'name: {en: Coach, zh: " "}')],
        'name: {en: Coach, zh: " "}',
    ),
    Case(
        "review-overdue",
        S,
        [
            (
                "    owners: [seller]",
                "    owners: [seller]\n    review: {last_reviewed: 2020-01-15, review_every: 90d}",
            )
        ],
        "- id: prospecting",
    ),
    Case(
        "no-owner",
        H,
        [("  default_language: en", "  default_language: en\n  require_owner: true")],
        "- id: prospecting",
        marker_file=S,
    ),
    Case(
        "unknown-owner",
        S,
        [("    owners: [seller]", "    owners: [seller]\n    review: {owner: selller}")],
        "- id: prospecting",
    ),
    Case(
        "role-handle",
        P,
        [("  - id: seller\n", "  - id: seller\n    handle: acme/sellers\n")],
        "handle: acme/sellers",
    ),
    Case(
        "page-review",
        "docs/guides/editors.md",
        [("# Guide: editors", "---\nreview:\n  review_every: 3 months\n---\n# Guide: editors")],
        "review_every: 3 months",
    ),
    Case(
        "format-version",
        H,
        [('version: "0.1.0"', 'version: "0.1.0"\n  format: 3')],
        "format: 3",
        also={"unknown-channel"},
    ),
    Case("version-format", H, [('version: "0.1.0"', 'version: "v1"')], 'version: "v1"'),
    Case(
        "unknown-message",
        "messages/zh.yaml",
        [],
        "stges: 阶段",
        new_files={"messages/zh.yaml": "field:\n  stges: 阶段\n"},
    ),
    Case(
        "missing-message",
        H,
        [("languages: [en, zh]", "languages: [en, zh, pt]")],
        "field:",
        marker_file="messages/pt.yaml",
        new_files={"messages/pt.yaml": "field:\n  goal: Objetivo\n"},
        also={"missing-translation"},
    ),
    Case(
        "starter-text",
        "process/terms.yaml",
        [],
        "en: Start every conversation",
        new_files={
            "process/terms.yaml": "glossary:\n  - id: needs\n    term: {en: needs, zh: 需求}\n    note:\n"
            "      en: Start every conversation from the customer's needs, not from our catalogue.\n"
            "      zh: 每次沟通都从客户的需求出发，而不是从我们的产品目录出发。\n"
        },
    ),
    Case("handbook-id", H, [("  id: minimal-handbook\n", "")], "title: {en: Minimal handbook"),
    Case("default-language", H, [("languages: [en, zh]", "languages: [zh]")], "default_language: en"),
    Case(
        "lrs-endpoint",
        H,
        [("languages: [en, zh]", "languages: [en, zh]\n  lrs:\n    endpoint: lrs.example.com/xAPI")],
        "endpoint: lrs.example.com/xAPI",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.code}:{c.marker[:24]}")
def test_check_reports_code_file_and_line(workspace: Workspace, case: Case) -> None:
    for rel, content in case.new_files.items():
        workspace.write(rel, content)
    for old, new in case.edits:
        workspace.replace(case.file, old, new, regex=old.startswith("scripts:"))
    marker_file = case.marker_file or case.file
    line = workspace.line_of(marker_file, case.marker, case.nth)
    problems = workspace.problems()
    found = {(p.code, p.location.file, p.location.line) for p in problems}
    assert (case.code, marker_file, line) in found, "\n".join(map(str, problems))
    unexpected = {p.code for p in problems} - {case.code} - case.also
    assert not unexpected, "\n".join(map(str, problems))


def test_every_registered_check_has_a_case() -> None:
    tested = {case.code for case in CASES}
    assert set(REGISTRY) - tested == set()


def test_every_check_documents_a_passing_and_a_failing_example() -> None:
    for code, registered in REGISTRY.items():
        doc = registered.function.__doc__ or ""
        assert "Passes:" in doc and "Fails:" in doc, code


def test_minimal_fixture_is_clean(workspace: Workspace) -> None:
    assert workspace.problems() == []


def test_checks_run_on_an_empty_handbook_without_crashing() -> None:
    assert run_checks(Handbook(root=MINIMAL)) == []


@pytest.mark.parametrize("written", ["25 %", "25%", "25.0", "25x"])
def test_a_result_written_with_its_unit_is_accepted(workspace: Workspace, written: str) -> None:
    workspace.replace(S, "expected: 25", f'expected: "{written}"')
    assert workspace.problems() == []


def test_a_mean_over_a_list_is_recomputed_by_the_example_check(workspace: Workspace) -> None:
    workspace.replace(S, "formula: won / offered * 100", "formula: mean(won) / offered * 100")
    workspace.replace(S, "inputs: {won: 3, offered: 12}", "inputs: {won: [2, 3, 4], offered: 12}")
    assert workspace.problems() == []
    workspace.replace(S, "inputs: {won: [2, 3, 4], offered: 12}", "inputs: {won: [2, 3, 7], offered: 12}")
    problems = workspace.problems()
    assert [p.code for p in problems] == ["kpi-example"]
    assert "the formula gives 33.3333, the example says 25" in problems[0].message


def test_an_answer_letter_on_a_choice_question_says_to_mark_the_option(workspace: Workspace) -> None:
    workspace.replace(Q, "            correct: true\n          - id: b", "          - id: b")
    workspace.replace(
        Q, "        tests: [step:find-customers]", "        answer: a\n        tests: [step:find-customers]"
    )
    hints = [p.hint for p in workspace.problems() if p.code == "question-shape"]
    assert hints == ["remove 'answer:' and add 'correct: true' under option 'a'"]


def test_stages_may_be_numbered_from_zero(workspace: Workspace) -> None:
    workspace.replace(S, "    order: 1", "    order: 0")
    workspace.write("process/closing.yaml", SECOND_STAGE.replace("order: 2", "order: 1"))
    codes = {p.code for p in workspace.problems()}
    assert "stage-order" not in codes


def test_a_role_may_opt_out_of_onboarding_and_a_path_may_have_no_mentor(workspace: Workspace) -> None:
    workspace.replace(ONB, "    role: coach", "    role: seller")
    assert "role-needs-path" in {p.code for p in workspace.problems()}
    workspace.replace(P, "  - id: coach\n", "  - id: coach\n    onboarding: false\n")
    workspace.replace(ONB, "    mentor: coach\n", "")
    assert workspace.problems() == []


def test_a_channel_list_of_the_handbooks_own_replaces_the_default(workspace: Workspace) -> None:
    workspace.replace(S, "    channel: phone", "    channel: video-call")
    workspace.write(
        "process/channels.yaml", "channels:\n  - id: video-call\n    label: {en: Video call, zh: 视频通话}\n"
    )
    assert workspace.problems() == []


def test_a_checklist_item_may_carry_no_day(workspace: Workspace) -> None:
    workspace.replace(S, "        day: 2\n", "")
    assert workspace.problems() == []


def test_an_item_after_a_three_day_reading_is_due_before_its_milestone(workspace: Workspace) -> None:
    workspace.replace(
        ONB,
        "            target: stage:prospecting\n",
        "            target: stage:prospecting\n            duration: 3\n",
    )
    workspace.replace(
        ONB,
        "            target: quiz:basics\n",
        "            target: quiz:basics\n            after: read-stage\n",
    )
    assert workspace.problems() == []
    # Reading for ten days puts its due day past the quiz that needs it... unless the quiz follows it.
    workspace.replace(ONB, "            duration: 3\n", "            duration: 10\n")
    workspace.replace(ONB, "            after: read-stage\n", "")
    assert [p.code for p in workspace.problems()] == ["prerequisite-due-later"]
