"""The Practice pages as generated Markdown: one page per stage with drills, a review page
holding every drill and question, fingerprints that are the same in every language (a
schedule survives switching language), and role views on the home page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.model.handbook import Handbook
from tests.conftest import REPO
from tests.test_render import copy_handbook, load, out, run

CARD = re.compile(r'data-card="([^"]+)" data-fp="([0-9a-f]+)"')


@pytest.fixture(scope="module")
def default(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Handbook]:
    root = copy_handbook(REPO, tmp_path_factory.mktemp("practice"))
    report = run(root)
    assert report.problems == []
    return root, load(root)


def test_every_stage_with_drills_has_a_practice_page(default: tuple[Path, Handbook]) -> None:
    root, hb = default
    for stage in hb.stages:
        drills = [s for s in hb.scripts if s.stage == stage.id and s.drill]
        for lang in ("en", "zh"):
            page = out(root, lang, f"practice/{stage.id}.md")
            assert page.count('<section class="drill"') == len(drills)
            for script in drills:
                start = page.index(f'id="drill-{script.id}"')
                section = page[start : page.index("</section>", start)]
                rubric = script.drill.rubric if script.drill else []
                scored = re.findall(r'data-criterion="([^"]+)"', section)
                assert scored == [c for c in rubric for _ in range(5)], "five boxes per criterion, in order"


def test_the_review_page_holds_every_drill_and_question_with_one_fingerprint_per_item(
    default: tuple[Path, Handbook],
) -> None:
    root, hb = default
    cards = {lang: dict(CARD.findall(out(root, lang, "practice/review.md"))) for lang in ("en", "zh")}
    expected = {f"drill:{s.id}" for s in hb.scripts if s.drill} | {
        f"question:{q.id}" for _, q in hb.questions
    }
    assert set(cards["en"]) == expected
    assert cards["en"] == cards["zh"], "a schedule must survive switching language"
    quiz = out(root, "en", f"quizzes/{hb.quizzes[0].id}.md")
    question = hb.quizzes[0].questions[0]
    assert f'data-question="{question.id}" data-fp="{cards["en"][f"question:{question.id}"]}"' in quiz


def test_the_home_page_has_a_view_for_each_role(default: tuple[Path, Handbook]) -> None:
    root, hb = default
    home = out(root, "zh", "index.md")
    for role in hb.roles:
        assert f'<section class="role-view" data-role="{role.id}"' in home
    assert "考核你的 KPI" in home
    assert 'data-paths="sales-representative"' in home
