"""Rendering: a page for everything in both languages, files rewritten only when they change,
author text escaped, and both generated MkDocs configurations accepted by ``--strict``."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

import generator.render.languages as render_module
from generator.load.project import loaded_digest
from generator.model import entities as e
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.model.types import Text
from generator.presentation.escape import md, script_text
from generator.presentation.labels import LABELS
from generator.presentation.links import checklist_item_anchor
from generator.render import GenerateReport, generate
from generator.render.formula_html import formula_html
from generator.render.mkdocs_config import SECTION_LABELS
from generator.render.pages import SECTIONS
from generator.validate import validate
from tests.conftest import MINIMAL, REPO
from tests.site_support import BuiltSite

LANGS = ("en", "zh")
GUIDES = ("guides/new-hires", "guides/mentors", "guides/editors")


def copy_handbook(source: Path, dest: Path) -> Path:
    """A throw-away copy of a handbook folder, with the guides the home page links to."""
    for name in ("process", "quizzes", "docs"):
        if (source / name).is_dir():
            shutil.copytree(source / name, dest / name)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    for guide in GUIDES:
        for suffix, text in (
            (".md", "# Guide\n\n[Home](../index.md)\n"),
            (".zh.md", "# 指南\n\n[首页](../index.md)\n"),
        ):
            path = dest / "docs" / f"{guide}{suffix}"
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return dest


def load(root: Path) -> Handbook:
    result = validate(root)
    assert result.ok, "\n".join(map(str, result.diagnostics.sorted()))
    return result.handbook


def run(root: Path) -> GenerateReport:
    handbook = load(root)
    return generate(handbook, Index(handbook), root)


def out(root: Path, lang: str, page: str) -> str:
    return (root / ".handbook" / "docs" / lang / page).read_text(encoding="utf-8")


def snapshot(folder: Path) -> dict[str, int]:
    """Every file below ``folder`` with its modification time, to see which were rewritten."""
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def mkdocs_build(root: Path, lang: str) -> subprocess.CompletedProcess[str]:
    config = root / ".handbook" / f"mkdocs.{lang}.yml"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=root, timeout=600)


@pytest.fixture(scope="module")
def default(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Handbook, GenerateReport]:
    """The repository's default content, generated once into a temporary copy."""
    root = copy_handbook(REPO, tmp_path_factory.mktemp("default"))
    return root, load(root), run(root)


# --- every entity has a page (or a section) in both languages ------------------------


def test_generation_reports_no_problem(default: tuple[Path, Handbook, GenerateReport]) -> None:
    _, _, report = default
    assert report.problems == []
    assert report.written > 0 and report.removed == 0
    assert set(report.pages) == set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_every_entity_has_its_page_or_section(
    default: tuple[Path, Handbook, GenerateReport], lang: str
) -> None:
    root, hb, _ = default
    expected: dict[str, list[str]] = {"index.md": [], "roles/matrix.md": [], "kpis/index.md": []}
    for stage in hb.stages:
        expected[f"stages/{stage.id}.md"] = [f"#step-{step.id} " for step in stage.steps]
        expected[f"scripts/{stage.id}.md"] = []
    for script in hb.scripts:
        expected[f"scripts/{script.stage}.md"].append(f"#script-{script.id} ")
    for role in hb.roles:
        expected[f"roles/{role.id}.md"] = []
    for kpi in hb.kpis:
        expected[f"kpis/{kpi.id}.md"] = ["#examples ", 'class="kpi-calculator"']
    expected["tools.md"] = [f"#tool-{tool.id} " for tool in hb.tools]
    expected["meetings.md"] = [f"#meeting-{meeting.id} " for meeting in hb.meetings]
    expected["tiers.md"] = [f"#tier-{tier.id} " for tier in hb.tiers]
    expected["training.md"] = [f"#format-{f.id} " for f in hb.training_formats]
    expected["training.md"] += [f"#module-{m.id} " for m in hb.training_modules]
    expected["glossary.md"] = [f"#term-{term.id} " for term in hb.glossary]
    expected["principles.md"] = [f"#principle-{p.id} " for p in hb.principles]
    for path in hb.onboarding_paths:
        expected[f"onboarding/{path.id}.md"] = [f'data-item="path:{path.id}/' for _ in path.milestones[:1]]
    for quiz in hb.quizzes:
        expected[f"quizzes/{quiz.id}.md"] = [f'id="q-{q.id}" data-question="{q.id}"' for q in quiz.questions]
    expected["editors/coverage.md"] = []
    for page, needles in expected.items():
        text = out(root, lang, page)
        missing = [needle for needle in needles if needle not in text]
        assert not missing, f"{lang}/{page} lacks {missing}"


def test_each_language_speaks_its_own_language(default: tuple[Path, Handbook, GenerateReport]) -> None:
    root, hb, _ = default
    stage = hb.ordered_stages()[0]
    assert stage.name.get("en") in out(root, "en", f"stages/{stage.id}.md")
    zh = out(root, "zh", f"stages/{stage.id}.md")
    assert stage.name.get("zh") in zh and LABELS["zh"]["field.goal"] in zh


def test_stage_checklist_items_have_stable_ids_and_labelled_boxes(
    default: tuple[Path, Handbook, GenerateReport],
) -> None:
    root, hb, _ = default
    checklist = next(c for c in hb.checklists if c.stage)
    text = out(root, "en", f"stages/{checklist.stage}.md")
    for item in checklist.items:
        assert f'data-item="{checklist.id}/{item.id}"' in text
        # Each box is named by its item's text, which is written once.
        anchor = checklist_item_anchor(checklist.id, item.id)
        assert f'aria-labelledby="{anchor}-text"' in text and f'<span id="{anchor}-text">' in text


def test_quiz_answers_are_collapsed(default: tuple[Path, Handbook, GenerateReport]) -> None:
    root, hb, _ = default
    quiz = hb.quizzes[0]
    page = out(root, "en", f"quizzes/{quiz.id}.md")
    assert page.count('<details class="quiz-answer"') == len(quiz.questions)
    assert '<details class="quiz-answer" open' not in page


# --- only what changed is written ---------------------------------------------------


def test_second_generation_writes_nothing(default: tuple[Path, Handbook, GenerateReport]) -> None:
    root, hb, first = default
    before = snapshot(root / ".handbook")
    again = generate(hb, Index(hb), root)
    assert (again.written, again.removed) == (0, 0)
    assert again.unchanged == first.written + first.unchanged
    assert snapshot(root / ".handbook") == before


def test_nothing_changed_is_not_rendered_again_but_a_changed_model_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = copy_handbook(MINIMAL, tmp_path / "handbook")
    run(root)
    rendered: list[str] = []
    original = render_module.build_relations

    def counting(handbook: Handbook, index: Index) -> object:
        rendered.append("rendered")
        return original(handbook, index)

    monkeypatch.setattr(render_module, "build_relations", counting)
    hb = load(root)
    again = generate(hb, Index(hb), root)
    assert rendered == [] and again.written == 0 and again.unchanged > 0
    hb.glossary.clear()  # changed in memory: its files no longer tell what it holds
    assert loaded_digest(hb) is None
    generate(hb, Index(hb), root)
    assert rendered == ["rendered"]


def test_one_changed_text_rewrites_only_the_pages_that_show_it(tmp_path: Path) -> None:
    root = copy_handbook(REPO, tmp_path)
    run(root)
    before = snapshot(root / ".handbook")
    tools = root / "process" / "tools.yaml"
    text = tools.read_text(encoding="utf-8")
    old = "update the customer's information and the"
    assert old in text, "the default content changed: pick another sentence"
    tools.write_text(text.replace(old, "update the customer's details and the", 1), encoding="utf-8")
    report = run(root)
    after = snapshot(root / ".handbook")
    rewritten = {page for page in after if after[page] != before.get(page)}
    assert rewritten == {"docs/en/tools.md"}
    assert (report.written, report.removed) == (1, 0)


def test_a_renamed_role_rewrites_its_pages_but_not_all(tmp_path: Path) -> None:
    root = copy_handbook(REPO, tmp_path)
    first = run(root)
    roles = root / "process" / "roles.yaml"
    roles.write_text(
        roles.read_text(encoding="utf-8").replace("en: Sales manager\n", "en: Sales lead\n", 1),
        encoding="utf-8",
    )
    report = run(root)
    assert 0 < report.written < first.written
    assert "Sales lead" in out(root, "en", "roles/sales-manager.md")


def test_pages_no_longer_produced_are_removed(tmp_path: Path) -> None:
    root = copy_handbook(MINIMAL, tmp_path)
    run(root)
    stale = root / ".handbook" / "docs" / "en" / "stages" / "gone.md"
    stale.write_text("# Gone\n", encoding="utf-8")
    report = run(root)
    assert not stale.exists() and report.removed == 1


# --- hand-written pages -------------------------------------------------------------


def test_hand_written_pages_are_copied_and_never_modified(
    default: tuple[Path, Handbook, GenerateReport],
) -> None:
    root, hb, _ = default
    docs = root / "docs"
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file()}
    generate(hb, Index(hb), root)
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in docs.rglob("*") if p.is_file()} == before
    built = root / ".handbook" / "docs"
    for guide in GUIDES:  # copied as written, with the owner-and-review line under the title
        for lang, source in (("en", f"{guide}.md"), ("zh", f"{guide}.zh.md")):
            page = (built / lang / f"{guide}.md").read_text(encoding="utf-8")
            assert 'class="hb-review"' in page
            assert without_review_line(page) == (docs / source).read_text(encoding="utf-8")


def without_review_line(page: str) -> str:
    return re.sub(
        r'\n<div class="hb-review".*?</div>\n(<div class="hb-ack"[^\n]*\n)*', "", page, count=1, flags=re.S
    )


def test_a_page_missing_in_chinese_is_reported_not_replaced(tmp_path: Path) -> None:
    root = copy_handbook(MINIMAL, tmp_path)
    (root / "docs" / "guides" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    report = run(root)
    assert any(p.startswith("docs/guides/extra.zh.md: missing") for p in report.problems)
    assert (root / ".handbook/docs/en/guides/extra.md").exists()
    assert not (root / ".handbook/docs/zh/guides/extra.md").exists()


def test_a_hand_written_page_cannot_replace_a_generated_one(tmp_path: Path) -> None:
    root = copy_handbook(MINIMAL, tmp_path)
    (root / "docs" / "index.md").write_text("# A home page written by hand\n", encoding="utf-8")
    report = run(root)
    assert (
        "docs/index.md: the generator writes this page; the hand-written one is not used" in report.problems
    )
    assert out(root, "en", "index.md") != (root / "docs" / "index.md").read_text(encoding="utf-8")


# --- author text is untrusted -------------------------------------------------------

PAYLOADS = {
    # what: (file, the YAML text around the value, the value there now, the hostile value)
    "stage name": ("process/stage.yaml", "name: {en: ", "Prospecting", "</title><script>alert(1)</script>"),
    "step summary": ("process/stage.yaml", "{en: ", "Research the market.", "<img src=x onerror=alert(2)>"),
    "script text": (
        "process/stage.yaml",
        "text: {en: ",
        '"Hello {customer_name}."',
        "Hello {customer_name}. [call](javascript:alert(3)) ![x](data:image/png,x)",
    ),
    "kpi input name": ("process/stage.yaml", "name: {en: ", "Deals won", '"><img src=x onerror=alert(4)>'),
    "checklist item": (
        "process/stage.yaml",
        "{en: ",
        "The list is ready.",
        "Ready {: onclick=alert(5) } & `done`",
    ),
    "quiz prompt": (
        "quizzes/basics.yaml",
        "{en: ",
        '"Which step comes first?"',
        "[a](data:text/html,alert(6))",
    ),
    "handbook title": ("process/handbook.yaml", "{en: ", "Minimal handbook", "Minimal <b>handbook</b> & co"),
    "drill situation": (
        "process/stage.yaml",
        "situation: {en: ",
        "The customer says they are busy.",
        "<img src=x onerror=alert(7)> [x](javascript:alert(8))",
    ),
}
# In the Markdown: raw tags an author wrote, attr_list attributes, links to unsafe URLs.
DANGER = re.compile(r"<script|<img|<b>|\{:[^}]*\bon\w+=|\]\(\s*(?:javascript|data):")


class ActiveContent(HTMLParser):
    """Collects what a browser would run or load from a page: handlers, scripts, unsafe URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            url = (value or "").strip().lower()
            if name.startswith("on") or (
                name in ("href", "src") and url.startswith(("javascript:", "data:"))
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in ("img", "b"):
            self.found.append(f"<{tag}>")

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def hostile_handbook(root: Path) -> Path:
    copy_handbook(MINIMAL, root)
    for file, before, old, new in PAYLOADS.values():
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert before + old in text, f"{before + old!r} not in {file}: the fixture changed"
        path.write_text(text.replace(before + old, before + json.dumps(new), 1), encoding="utf-8")
    return root


def test_html_and_unsafe_links_in_yaml_come_out_escaped(tmp_path: Path) -> None:
    root = hostile_handbook(tmp_path)
    run(root)
    pages = {p: p.read_text(encoding="utf-8") for p in (root / ".handbook").rglob("*.md")}
    for path, text in pages.items():
        assert not DANGER.search(text), f"{path}: {DANGER.search(text)}"
    stage = out(root, "en", "stages/prospecting.md")
    assert "# 1. &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; {: #stage }" in stage
    # Themes print titles through `striptags`, which decodes entities: no brackets there.
    assert 'title: "1. ‹/title›‹script›alert(1)‹/script›"' in stage
    assert "&lt;img src=x onerror=alert(2)&gt;" in stage
    assert "`{customer_name}`" in out(root, "en", "scripts/prospecting.md")
    config = (root / ".handbook" / "mkdocs.en.yml").read_text(encoding="utf-8")
    assert "site_name: Minimal &lt;b&gt;handbook&lt;/b&gt; &amp; co" in config


def test_escaped_text_stays_inert_in_the_built_site(tmp_path: Path) -> None:
    root = hostile_handbook(tmp_path)
    run(root)
    done = mkdocs_build(root, "en")
    assert done.returncode == 0, done.stdout + done.stderr
    for page in (root / "site").rglob("*.html"):
        parser = ActiveContent()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], f"{page}: {parser.found}"


# --- MkDocs accepts what we write ---------------------------------------------------


def test_both_configurations_build_with_strict(built: BuiltSite) -> None:
    # The session's build of the default handbook ran `mkdocs build --strict` per language.
    assert (built.site / "index.html").is_file()
    assert (built.site / "zh" / "index.html").is_file()
    assert (built.site / "zh" / "pagefind" / "pagefind-entry.json").is_file()


# --- pieces ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('<b>x</b> & "y"', "&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;"),
        ("a {: onclick=x } | b", "a &#123;: onclick=x &#125; &#124; b"),
        ("[ok](https://example.com/a)", "[ok](https://example.com/a)"),
        ("see [x](JavaScript:alert(1))", "see [x&#93;(JavaScript:alert(1))"),
        ("see [x]( data:text/html,1)", "see [x&#93;( data:text/html,1)"),
        ("see ![pixel](https://tracker/p.png)", "see !&#91;pixel](https://tracker/p.png)"),
        ("[x]: javascript:alert(1)", "[x]&#58; javascript:alert(1)"),
        ("!!! danger", "!&#33;! danger"),
        ("# not a heading", "&#35; not a heading"),
        ("1. not a list", "1&#46; not a list"),
        ("version 1.2.0", "version 1.2.0"),
        ("two\n\nlines\x00 here", "two lines here"),
        ("写明由谁负责、\n要达到 A 类", "写明由谁负责、要达到 A 类"),
    ],
)
def test_md_escapes_html_and_defuses_markdown(text: str, expected: str) -> None:
    assert md(text) == expected


def test_script_text_shows_declared_placeholders_as_code() -> None:
    assert (
        script_text("Hi {name}, <b>{other}</b>", ["name"])
        == "Hi `{name}`, &lt;b&gt;&#123;other&#125;&lt;/b&gt;"
    )


def test_formula_is_typeset_with_a_fraction_and_read_aloud_in_words() -> None:
    html = formula_html("won / offered * 100", {"won": "Won", "offered": "<Offered>"}.__getitem__)
    assert 'aria-label="Won ÷ &lt;Offered&gt; × 100"' in html
    assert '<span class="formula-numerator"><span class="formula-name">Won</span></span>' in html
    assert "&lt;Offered&gt;</span></span></span> × 100" in html


def test_both_languages_have_every_label() -> None:
    assert set(LABELS["en"]) == set(LABELS["zh"])


def test_chinese_config_describes_the_site_and_links_the_other_language(
    default: tuple[Path, Handbook, GenerateReport],
) -> None:
    root, _, _ = default
    zh = yaml.safe_load((root / ".handbook" / "mkdocs.zh.yml").read_text(encoding="utf-8"))
    en = yaml.safe_load((root / ".handbook" / "mkdocs.en.yml").read_text(encoding="utf-8"))
    assert zh["INHERIT"] == en["INHERIT"] == "../mkdocs.yml"
    assert (en["site_dir"], zh["site_dir"]) == ("../site", "../site/zh")
    assert "plugins" not in zh and zh["site_description"], "search is Pagefind's, after the build"
    assert {a["lang"]: a["link"] for a in zh["extra"]["alternate"]} == {"en": "../", "zh": "./"}
    assert {a["lang"]: a["link"] for a in en["extra"]["alternate"]} == {"en": "./", "zh": "zh/"}
    tabs = [next(iter(entry)) for entry in en["nav"]]
    assert tabs == [LABELS["en"][SECTION_LABELS[s]] for s in SECTIONS]


def test_large_handbook_generates_quickly_with_one_script_page_per_stage(tmp_path: Path) -> None:
    """150 stages, 3,000 scripts, 5,000 questions: a page per stage's scripts, and the review
    session's 5,000 cards on pages of 300 (its speed is the benchmark's to judge, on CPU)."""
    handbook = synthetic(tmp_path, stages=150, scripts=3000, questions=5000)
    report = generate(handbook, Index(handbook), tmp_path)
    docs = tmp_path / ".handbook/docs/en"
    assert len(list((docs / "scripts").glob("*.md"))) == 150 + 1
    cards = sum(1 for s in handbook.scripts if s.drill is not None) + 5000
    assert len(list((docs / "practice/review").glob("cards-*.md"))) == -(-cards // 300)
    assert report.pages["en"] == report.pages["zh"] < 800


def synthetic(root: Path, *, stages: int, scripts: int, questions: int) -> Handbook:
    """A large, consistent handbook built in memory (no YAML: this measures rendering only)."""

    def t(text: str) -> Text:
        return Text(en=text, zh=f"中文 {text}")

    hb = Handbook(root=root)
    hb.info = e.HandbookInfo(
        title=t("Big"),
        version="1.0.0",
        effective_date=datetime.date(2026, 1, 1),
        languages=["en", "zh"],
        default_language="en",
        purpose=t("Scale."),
        benefits=[t("Speed.")],
    )
    hb.roles = [
        e.Role(
            id=f"role-{r}",
            name=t(f"Role {r}"),
            purpose=t("Sells."),
            responsibilities=[t("Sell.")],
            duties=[e.Duty(id="call", cadence="daily", text=t("Call."))],
        )
        for r in range(3)
    ]
    hb.tools = [e.Tool(id="crm", name=t("CRM"), purpose=t("Files."), usage_rules=[])]
    hb.kpis = [
        e.Kpi(
            id="rate",
            name=t("Rate"),
            definition=t("Won per offer."),
            formula="won / offered * 100",
            inputs=[
                e.KpiInput(id="won", name=t("Won"), unit="count"),
                e.KpiInput(id="offered", name=t("Offered"), unit="count"),
            ],
            unit="percent",
            direction="higher-is-better",
            cadence=["monthly"],
            owner="role-0",
            data_source="crm",
            examples=[],
        )
    ]
    for s in range(stages):
        steps = [
            e.Step(
                id=f"step-{s}-{k}",
                name=t(f"Step {s}.{k}"),
                summary=t("Do it."),
                owner=f"role-{k}",
                practices=[e.Practice(name=t("How"), text=t("Well."))],
                deliverables=[t("Notes.")],
                tools=["crm"],
            )
            for k in range(3)
        ]
        hb.stages.append(
            e.Stage(
                id=f"stage-{s}",
                order=s + 1,
                name=t(f"Stage {s}"),
                goal=t("Goal."),
                entry_criteria=[t("In.")],
                exit_criteria=[t("Out.")],
                owners=["role-0"],
                kpis=["rate"],
                steps=steps,
            )
        )
        items = [
            e.ChecklistItem(id=f"i{k}", text=t("Check."), owner="role-1", day=k + 1, step=steps[k % 3].id)
            for k in range(6)
        ]
        hb.checklists.append(
            e.Checklist(id=f"stage-{s}", title=t("List"), summary=t("."), stage=f"stage-{s}", items=items)
        )
    for i in range(scripts):
        s = i % stages
        hb.scripts.append(
            e.Script(
                id=f"script-{i}",
                title=t(f"Script {i}"),
                stage=f"stage-{s}",
                step=f"step-{s}-{i % 3}",
                channel="phone",
                purpose="first-contact",
                audience=t("Buyers."),
                placeholders=["name"],
                text=t("Hello {name}."),
            )
        )
    per_quiz = 40
    for q in range(0, questions, per_quiz):
        hb.quizzes.append(
            e.Quiz(
                id=f"quiz-{q}",
                title=t("Quiz"),
                summary=t("."),
                pass_mark=70,
                questions=[
                    e.Question(
                        id=f"q-{n}",
                        type="true-false",
                        prompt=t("True?"),
                        answer=True,
                        explanation=t("Yes."),
                        tests=[f"step:step-{n % stages}-{n % 3}", "kpi:rate"],
                    )
                    for n in range(q, min(q + per_quiz, questions))
                ],
            )
        )
    hb.onboarding_paths = [
        e.OnboardingPath(
            id=f"role-{r}",
            role=f"role-{r}",
            mentor="role-0",
            title=t("Path"),
            summary=t("."),
            milestones=[
                e.Milestone(
                    id="day-1",
                    day=1,
                    title=t("Day 1"),
                    goal=t("Start."),
                    items=[
                        e.PathItem(
                            id="read", kind="read", title=t("Read"), target="stage:stage-0", owner=f"role-{r}"
                        )
                    ],
                )
            ],
        )
        for r in range(3)
    ]
    return hb


# --- Chinese punctuation and readers' words on the Chinese pages ----------------------

_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_CHINESE_FAULTS = {
    "', ' after Chinese (list with 、)": re.compile(f"[{_CJK}][)\\]]?\\)?, "),
    "ASCII colon after Chinese": re.compile(f"[{_CJK}](?:\\*\\*)?: "),
    "space after a full-width colon": re.compile(r"：(?:\*\*|</strong>)? "),
    "ASCII bracket after Chinese": re.compile(f"[{_CJK}] \\("),
}


def test_chinese_pages_use_chinese_punctuation(default: tuple[Path, Handbook, GenerateReport]) -> None:
    root, _, _ = default
    faults = []
    for page in sorted((root / ".handbook" / "docs" / "zh").rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            faults += [
                f"{page.name}:{number}: {what}: {line[:120]}"
                for what, rule in _CHINESE_FAULTS.items()
                if rule.search(line)
            ]
    assert faults == []


def test_chinese_kpi_pages_name_inputs_never_their_variables(
    default: tuple[Path, Handbook, GenerateReport],
) -> None:
    root, handbook, _ = default
    for kpi in handbook.kpis:
        page = out(root, "zh", f"kpis/{kpi.id}.md")
        visible = re.sub(r"<[^>]*>", "", page)  # attributes hold the ids for the calculator
        for item in kpi.inputs:
            if "_" in item.id or item.id.isascii():
                assert f"`{item.id}`" not in visible and f" {item.id} " not in visible, (kpi.id, item.id)
            assert item.name.get("zh") in page
