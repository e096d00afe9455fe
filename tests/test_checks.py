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
    Case("stage-order", S, [("    order: 1", "    order: 2")], "order: 2"),
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
    Case("kpi-example", S, [("expected: 25", "expected: 0.25")], "expected: 0.25"),
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
    Case("question-shape", Q, [("answer: true", "answer: 3")], "answer: 3"),
    Case("numeric-tolerance", Q, [("        tolerance: 0.5\n", "")], "- id: win-rate-value"),
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
