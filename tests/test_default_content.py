"""The default content: the complete seed process, valid, in both languages."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.validate import validate
from tests.conftest import REPO


@pytest.fixture(scope="module")
def model() -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "generator", "export", "model", "--format", "json", "--root", str(REPO)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_default_content_validates_cleanly() -> None:
    result = validate(REPO, today=datetime.date(2026, 11, 30))  # review dates are compared with a day
    assert result.diagnostics.sorted() == []
    assert not result.handbook.unreadable


def test_model_holds_the_seed_process(model: dict) -> None:
    assert [s["id"] for s in sorted(model["stages"], key=lambda s: s["order"])] == [
        "market-analysis",
        "customer-communication",
        "solution-design",
        "negotiation-and-contract",
        "order-and-after-sales",
    ]
    assert all(len(stage["steps"]) == 3 for stage in model["stages"])
    assert {r["id"] for r in model["roles"]} == {"sales-representative", "sales-manager", "customer-service"}
    assert {k["id"] for k in model["kpis"]} == {
        "target-achievement-rate",
        "repurchase-rate",
        "renewal-rate",
        "cost-rate",
    }
    assert {p["role"] for p in model["onboarding_paths"]} == {r["id"] for r in model["roles"]}
    assert model["counts"]["questions"] >= 40
    assert {t["id"] for t in model["tiers"]} == {"a", "b", "c"}
    assert len(model["principles"]) == 4
    assert len(model["tools"]) == 3


def test_every_text_is_in_both_languages(model: dict) -> None:
    def texts(value: object) -> list[dict]:
        if isinstance(value, dict):
            if set(value) == {"en", "zh"}:
                return [value]
            return [t for v in value.values() for t in texts(v)]
        if isinstance(value, list):
            return [t for v in value for t in texts(v)]
        return []

    found = texts(model)
    assert len(found) > 1000
    for text in found:
        assert text["en"].strip() and text["zh"].strip(), text
    assert any("转化率" in t["zh"] for t in found) and any("复购率" in t["zh"] for t in found)


def test_the_seed_kpi_examples_are_checked_by_the_validator(model: dict) -> None:
    """120 %, 30 %, 80 % and 50 % are worked examples that the kpi-example check evaluates."""
    expected = {e["expected"] for kpi in model["kpis"] for e in kpi["examples"]}
    assert {120, 30, 80, 50} <= expected
    cost = next(k for k in model["kpis"] if k["id"] == "cost-rate")
    assert any(
        e["inputs"] == {"order_cost": 100, "sales_revenue": 200} and e["expected"] == 50
        for e in cost["examples"]
    )


@pytest.mark.parametrize("kpi", ["target-achievement-rate", "repurchase-rate", "renewal-rate", "cost-rate"])
def test_a_wrong_seed_example_is_caught(tmp_path: Path, kpi: str) -> None:
    import shutil

    root = tmp_path / "hb"
    shutil.copytree(REPO / "process", root / "process")
    shutil.copytree(REPO / "quizzes", root / "quizzes")
    kpis = root / "process" / "kpis.yaml"
    text = kpis.read_text(encoding="utf-8")
    start = text.index(f"id: {kpi}")
    at = text.index("expected: ", start)
    end = text.index("\n", at)
    kpis.write_text(text[:at] + "expected: 99.5" + text[end:], encoding="utf-8")
    problems = [d for d in validate(root).diagnostics.sorted() if d.code == "kpi-example"]
    assert len(problems) == 1 and kpi in problems[0].message


def test_quizzes_cover_what_new_hires_must_know(model: dict) -> None:
    tests = {t for quiz in model["quizzes"] for q in quiz["questions"] for t in q["tests"]}
    for stage in model["stages"]:
        assert f"stage:{stage['id']}" in tests
    for target in [
        "role:sales-representative",
        "role:sales-manager",
        "role:customer-service",
        "tier:a",
        "tier:b",
        "tier:c",
        "meeting:follow-up-visits",
        "step:ask-discovery-questions",
    ]:
        assert target in tests, target
    numeric = [q for quiz in model["quizzes"] for q in quiz["questions"] if q["type"] == "numeric"]
    for kpi in model["kpis"]:
        assert any(f"kpi:{kpi['id']}" in q["tests"] for q in numeric), kpi["id"]
    types = {q["type"] for quiz in model["quizzes"] for q in quiz["questions"]}
    assert types == {"single", "multiple", "true-false", "numeric"}


def test_follow_up_schedule_is_one_week_one_month_three_months(model: dict) -> None:
    visits = next(m for m in model["meetings"] if m["id"] == "follow-up-visits")
    assert [o["day"] for o in visits["schedule"]] == [7, 30, 90]


def test_open_question_example_is_a_do_dont_pair() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "process" / "scripts").glob("*.yaml"))
    assert "What challenges are you facing right now?" in text
    assert "Do you need our product?" in text
    assert "您目前面临哪些挑战" in text and "您是否需要我们的产品" in text


def test_follow_up_visits_fall_on_the_same_days_everywhere(model: dict) -> None:
    """The meeting's schedule, the stage-5 checklist and the quiz answer name the same days."""
    [meeting] = [m for m in model["meetings"] if m["id"] == "follow-up-visits"]
    planned = [occurrence["day"] for occurrence in meeting["schedule"]]
    [checklist] = [c for c in model["checklists"] if c["id"] == "order-and-after-sales"]
    visits = [i["day"] for i in checklist["items"] if i["id"].endswith("-follow-up-visit")]
    quizzed = {q["id"]: q.get("answer") for quiz in model["quizzes"] for q in quiz["questions"]}
    assert planned == visits == [7, 30, 90]
    assert quizzed["oa-second-follow-up-day"] == planned[1]
    assert quizzed["oa-last-follow-up-day"] == planned[-1]
