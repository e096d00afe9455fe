"""Write a synthetic, valid handbook of a chosen size, to measure how the generator scales.

    python benchmarks/synth.py --size large --out /tmp/handbook-large [--seed 7] [--force] [--site]

``--site`` also makes the folder buildable with ``handbook build``: the project's base
``mkdocs.yml`` and the hand-written guides the home page links to, and no ``docs/index.md``
(the generator writes the home page, and refuses a hand-written one in its place).

Files are spread as a team would keep them: a file per stage, per stage's scripts and
checklists, per onboarding path, per quiz of 40 questions. Every text comes from one
bilingual word list, so its English and Chinese versions say the same 10 to 30 words and
pages weigh what real ones do. The same seed gives byte-identical files.
Exit codes: 0 written; 1 ``--out`` is a file, or a non-empty folder and no ``--force``.
"""

from __future__ import annotations

import argparse
import datetime
import enum
import json
import math
import posixpath
import random
import re
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from generator.model.formula import evaluate_with_derived, parse_formula
from generator.model.handbook import FILE_KINDS
from generator.model.schema import all_schemas

Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter: several times faster
Data = dict[str, Any]


class Size(NamedTuple):
    """How many of each thing a synthetic handbook holds (steps: per stage)."""

    roles: int
    stages: int
    steps: int
    scripts: int
    kpis: int
    paths: int
    checklists: int
    questions: int


# fmt: off
SIZES = {  #  roles stages steps scripts kpis paths checklists questions
    "small":  Size(3,    5,    3,     23,   4,    3,     6,       80),
    "medium": Size(12,  40,    6,    800,  50,   15,    80,     1200),
    "large":  Size(40, 150,    6,   3000, 200,   60,   300,     5000),
}
# One word and its translation per pair: a text's two languages say the same words.
PAIRS = """customer 客户 contract 合同 price 价格 product 产品 market 市场 proposal 方案 order 订单
budget 预算 meeting 会议 team 团队 service 服务 quality 质量 value 价值 target 目标 report 报告 plan 计划
risk 风险 region 区域 partner 伙伴 channel 渠道 feedback 反馈 renewal 续约 discount 折扣 delivery 交付
invoice 发票 payment 付款 account 账户 lead 线索 visit 拜访 demand 需求 solution 解决 review 评审
schedule 日程 record 记录 follow 跟进 confirm 确认 prepare 准备 analyse 分析 compare 比较 explain 说明
agree 同意 update 更新 share 分享 collect 收集 check 检查 clear 清晰 early 提前 weekly 每周 monthly 每月
key 关键 new 新的 loyal 忠实 careful 仔细 written 书面 final 最终 first 首次 regular 定期 direct 直接
local 本地 total 总体 main 主要 quick 快速 fair 公平 stable 稳定 manager 经理 buyer 买方 supplier 供应商
cost 成本 margin 毛利 revenue 收入 forecast 预测 pipeline 漏斗 objection 异议 trust 信任 decision 决策
question 问题 answer 回答 promise 承诺 training 培训 case 案例 data 数据"""
# Onboarding item kind, the kind of thing it points at, the collection that holds it (none: a step).
ITEM_TARGETS = (
    ("read", "stage", "stages"), ("read", "kpi", "kpis"), ("read", "tool", "tools"),
    ("read", "role", "roles"), ("quiz", "quiz", "quizzes"), ("checklist", "checklist", "checklists"),
    ("meeting", "meeting", "meetings"), ("check-in", "training-format", "training_formats"),
    ("training", "training", "training_modules"), ("task", "step", ""),
)
# fmt: on
EN, ZH = PAIRS.split()[::2], PAIRS.split()[1::2]
PLACEHOLDERS = ("customer_name", "product", "company", "meeting_date", "price", "contact_person")
CADENCES = ("daily", "weekly", "monthly", "quarterly")
CHANNELS = ("phone", "email", "meeting", "social-media", "wecom", "remote")
PURPOSES = ("first-contact", "discovery-question", "presentation", "objection-handling", "closing", "support")
# Milestone id, first and last day of its items.
MILESTONES = (("day-1", 1, 1), ("week-1", 2, 5), ("day-30", 6, 30), ("day-60", 31, 60), ("day-90", 61, 90))
# Terminating fractions keep KPI examples readable: 37 of 40 is 92.5 %.
DENOMINATORS = (20, 25, 40, 50, 80, 100, 125, 200, 250, 400, 500, 1000)
QUESTIONS_PER_QUIZ, KPIS_PER_FAMILY = 40, 20
TITLE = {"en": "Synthetic sales handbook", "zh": "合成销售手册"}
BASE_CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"
# The hand-written guides the generated home page links to, in each language.
GUIDES = {
    "new-hires": ("New hires", "新员工"),
    "mentors": ("Mentors", "导师"),
    "editors": ("Editors", "编辑"),
}
# Stand-ins in an entity's fields, replaced by fresh words: a sentence, two to four, a name, a cadence.
Fill = enum.Enum("Fill", "TEXT TEXTS NAME CADENCE")
TEXT, TEXTS, NAME, CADENCE = Fill


class Words:
    """Parallel English and Chinese text drawn from a seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def _pick(self, low: int, high: int) -> tuple[list[str], list[str]]:
        picked = [self.rng.randrange(len(EN)) for _ in range(self.rng.randint(low, high))]
        return [EN[i] for i in picked], [ZH[i] for i in picked]

    def text(self, low: int = 10, high: int = 30, tokens: Sequence[str] = ()) -> Data:
        """A sentence; ``tokens`` (e.g. ``{price}``) go at the same place in both languages."""
        en, zh = self._pick(low, high)
        for token in tokens:
            at = self.rng.randint(0, len(en))
            en.insert(at, token)
            zh.insert(at, token)
        return {"en": " ".join(en).capitalize() + ".", "zh": "".join(zh) + "。"}

    def name(self, low: int = 2, high: int = 4) -> Data:
        en, zh = self._pick(low, high)
        return {"en": " ".join(en).capitalize(), "zh": "".join(zh)}

    def fill(self, value: Any) -> Any:
        if value is TEXT:
            return self.text()
        if value is TEXTS:
            return [self.text() for _ in range(self.rng.randint(2, 4))]
        if value is CADENCE:
            return self.rng.choice(CADENCES)
        return self.name() if value is NAME else value


def slug(text: Data, n: int) -> str:
    """An id from the first English words of a text, made unique by a number."""
    return "-".join([*re.findall(r"[a-z]+", text["en"].lower())[:3], str(n)])


def evaluate(formula: str, inputs: list[Data], values: dict[str, int]) -> float:
    """The KPI's result as the ``kpi-example`` check computes it, to 6 decimals (within its tolerance)."""
    parsed = {i["id"]: parse_formula(i["formula"]) for i in inputs if "formula" in i}
    result = round(evaluate_with_derived(parse_formula(formula), values, parsed), 6)
    return int(result) if result.is_integer() else result


class Synth:
    """Builds every collection of one handbook; ids made earlier are referenced later."""

    def __init__(self, size: Size, seed: int) -> None:
        self.size, self.rng = size, random.Random(seed)
        self.w = Words(self.rng)
        self.roles = [self.role(n) for n in range(size.roles)]
        self.roles[0]["mentors"] = [r["id"] for r in self.roles[1:]]
        self.tools = [self.tool(n) for n in range(max(3, size.roles // 3))]
        self.training_formats = [self._named(n, summary=TEXT, practices=TEXTS) for n in range(4)]
        self.training_modules = [self.module(n) for n in range(max(6, size.roles))]
        self.meetings = [self.meeting(n) for n in range(max(5, size.roles // 2))]
        self.tiers = [self.tier(n) for n in range(3)]
        self.principles = [self._named(n, summary=TEXT, example=TEXT) for n in range(4)]
        self.glossary = [self._named(n, "term", note=TEXT) for n in range(size.stages * 12)]
        self.families = [self.w.name(1, 2) for _ in range(math.ceil(size.kpis / KPIS_PER_FAMILY))]
        self.kpis = [self.kpi(n) for n in range(size.kpis)]
        self.stages = [self.stage(n) for n in range(size.stages)]
        self.scripts = [self.script(n) for n in range(size.scripts)]
        self.checklists = [self.checklist(n) for n in range(size.checklists)]
        self.quizzes = [self.quiz(n) for n in range(math.ceil(size.questions / QUESTIONS_PER_QUIZ))]
        self.onboarding_paths = [self.path(n) for n in range(size.paths)]
        self.handbook = {"id": "synthetic-sales-handbook"}
        self.handbook |= self._make(title=TITLE, version="1.0.0", effective_date=datetime.date(2026, 1, 5))
        self.handbook |= {"languages": ["en", "zh"], "default_language": "en"}
        self.handbook |= self._make(purpose=TEXT, benefits=TEXTS, commitment=TEXT)

    def _make(self, **fields: Any) -> Data:
        """An entity with its ``Fill`` stand-ins replaced by words, fields in the order given."""
        return {key: self.w.fill(value) for key, value in fields.items()}

    def _named(self, n: int, label: str = "name", **fields: Any) -> Data:
        """An entity whose id comes from its name (or title)."""
        name = self.w.name()
        return self._make(id=slug(name, n + 1), **{label: name}, **fields)

    def _id(self, items: list[Data]) -> str:
        return str(self.rng.choice(items)["id"])

    def _ids(self, items: list[Data], low: int, high: int) -> list[str]:
        return [item["id"] for item in self.rng.sample(items, min(len(items), self.rng.randint(low, high)))]

    def _count(self, low: int, high: int) -> range:
        return range(1, self.rng.randint(low, high) + 1)

    def role(self, n: int) -> Data:
        duties = [self._make(id=f"duty-{d}", cadence=CADENCE, text=TEXT) for d in self._count(2, 4)]
        return self._named(n, purpose=TEXT, responsibilities=TEXTS, duties=duties)

    def tool(self, n: int) -> Data:
        rules = [self._make(id=f"rule-{r}", text=TEXT) for r in self._count(2, 4)]
        return self._named(n, purpose=TEXT, usage_rules=rules)

    def module(self, n: int) -> Data:
        level = self.rng.choice(("basic", "advanced"))
        module = self._make(id=f"module-{n + 1}", level=level, name=NAME, summary=TEXT, topics=TEXTS)
        formats = self._ids(self.training_formats, 1, 2)
        return {**module, "formats": formats, "audience": self._ids(self.roles, 1, 3)}

    def meeting(self, n: int) -> Data:
        people = self._ids(self.roles, 2, 4)
        meeting = self._named(n, cadence=CADENCE, purpose=TEXT, owner=people[0], attendees=people)
        return {**meeting, "agenda": self.w.fill(TEXTS)}

    def tier(self, n: int) -> Data:
        tier = self._make(id="abc"[n], name=NAME, priority=n + 1, value=NAME)
        return {**tier, **self._make(criteria=TEXTS, resource_rule=TEXT)}

    def kpi(self, n: int) -> Data:
        names = [f"{a}_{b}" for a, b in zip(self.rng.sample(EN, 5), self.rng.sample(EN, 5), strict=True)]
        formula, inputs, given = self._formula(n % 3, names)
        examples = [{"inputs": v, "expected": evaluate(formula, inputs, v)} for v in given]
        examples = [{**example, "explanation": self.w.text()} for example in examples]
        family = dict(self.families[n // KPIS_PER_FAMILY])  # a copy: no YAML alias
        kpi = self._named(n, family=family, definition=TEXT, formula=formula, inputs=inputs, unit="percent")
        owners = {"owner": self._id(self.roles), "data_source": self._id(self.tools)}
        targets = [self._make(cadence="monthly", text=TEXT, value=80)]
        kpi |= {"direction": "higher-is-better", "cadence": ["monthly"], **owners}
        return {**kpi, "targets": targets, "examples": examples}

    def _input(self, name: str, unit: str = "count", formula: str | None = None) -> Data:
        made = self._make(id=name, name=NAME, unit=unit)
        return made if formula is None else {**made, "formula": formula}

    def _formula(self, shape: int, names: list[str]) -> tuple[str, list[Data], list[dict[str, int]]]:
        """Formula, inputs and example values of a ratio, a change, or a ratio over a derived sum."""
        a, b, x, y, z = names
        base = self.rng.choice(DENOMINATORS)
        part, other = self.rng.randrange(1, base), self.rng.choice(DENOMINATORS)
        if shape == 0:
            return f"{a} / {b} * 100", [self._input(a), self._input(b)], [{a: part, b: base}]
        if shape == 1:
            return f"({a} - {b}) / {b} * 100", [self._input(a), self._input(b)], [{a: other, b: base}]
        parts = {x: part, y: self.rng.randrange(1, base), z: self.rng.randrange(1, base)}
        inputs = [self._input(a, "yuan", f"{x} + {y} + {z}"), *(self._input(k, "yuan") for k in parts)]
        examples = [{a: sum(parts.values()), b: base * 4}, {**parts, b: base * 4}]
        return f"{a} / {b} * 100", [*inputs, self._input(b, "yuan")], examples

    def stage(self, n: int) -> Data:
        steps = [self.step(n * self.size.steps + s) for s in range(self.size.steps)]
        stage = self._named(n, order=n + 1, goal=TEXT, entry_criteria=TEXTS, exit_criteria=TEXTS)
        refs = {"owners": self._ids(self.roles, 1, 2), "kpis": self._ids(self.kpis, 1, 2)}
        return {**stage, **refs, "steps": steps}

    def step(self, n: int) -> Data:
        practices = [self._make(name=NAME, text=TEXT) for _ in self._count(1, 3)]
        step = self._named(n, summary=TEXT, owner=self._id(self.roles), practices=practices)
        return {**step, "deliverables": self.w.fill(TEXTS), "tools": self._ids(self.tools, 1, 2)}

    def script(self, n: int) -> Data:
        stage = self.stages[n % len(self.stages)]
        script = self._named(n, "title", stage=stage["id"], step=self._id(stage["steps"]))
        kind = {"channel": self.rng.choice(CHANNELS), "purpose": self.rng.choice(PURPOSES)}
        names = self.rng.sample(PLACEHOLDERS, self.rng.randint(0, 2))
        parts = [self.w.text(tokens=[f"{{{name}}}" for name in names]), self.w.text(), self.w.text()]
        text = {"en": " ".join(p["en"] for p in parts), "zh": "".join(p["zh"] for p in parts)}
        talk = self._make(audience=NAME, placeholders=names, text=text, do=TEXT, dont=TEXT)
        return {**script, **kind, **talk}

    def checklist(self, n: int) -> Data:
        stage = self.stages[n % len(self.stages)]
        days = sorted(self.rng.randint(1, 30) for _ in self._count(4, 9))
        items = [self.checklist_item(i, day, stage) for i, day in enumerate(days, 1)]
        return self._named(n, "title", summary=TEXT, stage=stage["id"], items=items)

    def checklist_item(self, i: int, day: int, stage: Data) -> Data:
        item = self._make(id=f"item-{i}", text=TEXT, owner=self._id(self.roles), day=day)
        if i % 4 == 0:  # some items come from a tool's page rather than from a step
            return {**item, "page": f"tool:{self._id(self.tools)}"}
        return {**item, "step": self._id(stage["steps"])}

    def quiz(self, n: int) -> Data:
        numbers = range(n * QUESTIONS_PER_QUIZ, min((n + 1) * QUESTIONS_PER_QUIZ, self.size.questions))
        questions = [self.question(q) for q in numbers]
        return self._named(n, "title", summary=TEXT, pass_mark=80, questions=questions)

    def question(self, n: int) -> Data:
        """Types in turn; every stage is tested, directly or through one of its steps."""
        stage = self.stages[n % len(self.stages)]
        tests = [f"stage:{stage['id']}" if n % 2 else f"step:{self._id(stage['steps'])}"]
        kind = ("single", "multiple", "true-false", "numeric")[n % 4]
        prompt = self.w.text(8, 20)
        made: Data = {"id": slug(prompt, n + 1), "type": kind, "prompt": prompt}
        if kind == "true-false":
            made["answer"] = self.rng.random() < 0.5
        elif kind == "numeric":
            kpi = self.kpis[n % len(self.kpis)]
            made, tests = self._numeric(made, kpi), [f"kpi:{kpi['id']}", *tests]
        else:
            made["options"] = self._options(1 if kind == "single" else self.rng.randint(1, 3))
        return {**made, "explanation": self.w.text(), "tests": tests}

    def _numeric(self, made: Data, kpi: Data) -> Data:
        example = kpi["examples"][0]
        given = ", ".join(f"{name} = {value}" for name, value in example["inputs"].items())
        en = f"{kpi['name']['en']}: with {given}, what is the result?"
        prompt = {"en": en, "zh": f"{kpi['name']['zh']}：当 {given} 时，结果是多少？"}
        return {**made, "prompt": prompt, "answer": example["expected"], "tolerance": 0.5, "unit": "percent"}

    def _options(self, correct: int) -> list[Data]:
        """Three or four options, distinct in both languages; ``correct`` of them right."""
        texts: list[Data] = []
        while len(texts) < max(correct + 1, self.rng.randint(3, 4)):
            text = self.w.name(2, 5)
            texts += [] if any(t["en"] == text["en"] or t["zh"] == text["zh"] for t in texts) else [text]
        right = self.rng.sample(range(len(texts)), correct)
        return [{"id": "abcd"[i], "text": text, "correct": i in right} for i, text in enumerate(texts)]

    def path(self, n: int) -> Data:
        """The n-th path; a role with more than one path gets tracks 2, 3 …"""
        role, track = self.roles[n % len(self.roles)]["id"], n // len(self.roles)
        done: list[str] = []  # ids of the items so far, none due later than the next one
        milestones = []
        for ident, first, day in MILESTONES:
            days = sorted(self.rng.randint(first, day) for _ in self._count(4, 9))
            items = [self.path_item(role, due, day, done) for due in days]
            milestones.append(self._make(id=ident, day=day, title=NAME, goal=TEXT, items=items))
        ident = f"{role}-track-{track + 1}" if track else role
        path = self._make(id=ident, role=role, mentor=self.roles[0]["id"], title=NAME, summary=TEXT)
        return {**path, "milestones": milestones}

    def path_item(self, role: str, day: int, milestone_day: int, done: list[str]) -> Data:
        """An item due on ``day``, needing up to two of the earlier items in ``done``."""
        kind, target_kind, collection = self.rng.choice(ITEM_TARGETS)
        target = self._id(getattr(self, collection) if collection else self.rng.choice(self.stages)["steps"])
        ident = f"{kind}-{target}" if f"{kind}-{target}" not in done else f"{kind}-{target}-{len(done)}"
        owner = self.roles[0]["id"] if kind == "check-in" else role
        item = self._make(id=ident, kind=kind, title=NAME, target=f"{target_kind}:{target}", owner=owner)
        if day != milestone_day:
            item["day"] = day
        if done:
            item["prerequisites"] = self.rng.sample(done, min(len(done), self.rng.randint(0, 2)))
        done.append(ident)
        return item


# --- files ---------------------------------------------------------------------------


def files(hb: Synth) -> Iterator[tuple[str, str, Data]]:
    """Each definition file as (path below the root, kind of file, content)."""
    for kind in ("handbook", "roles", "tools", "meetings", "tiers", "training", "glossary"):
        yield f"process/{kind}.yaml", kind, {key: getattr(hb, key) for key in FILE_KINDS[kind]}
    for i, family in enumerate(hb.families):
        kpis = hb.kpis[i * KPIS_PER_FAMILY : (i + 1) * KPIS_PER_FAMILY]
        yield f"process/kpis/{slug(family, i + 1)}.yaml", "kpis", {"kpis": kpis}
    for stage in hb.stages:
        ident = stage["id"]
        yield f"process/stages/{stage['order']:03d}-{ident}.yaml", "stages", {"stages": [stage]}
        for kind in ("scripts", "checklists"):
            filed = [item for item in getattr(hb, kind) if item["stage"] == ident]
            yield f"process/{kind}/{ident}.yaml", kind, {kind: filed}
    for path in hb.onboarding_paths:
        yield f"process/onboarding/{path['id']}.yaml", "onboarding", {"onboarding_paths": [path]}
    for quiz in hb.quizzes:
        yield f"quizzes/{quiz['id']}.yaml", "quizzes", {"quizzes": [quiz]}


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def yaml_text(rel: str, kind: str, data: Data) -> str:
    """A definition file, headed by the schema line editors read (relative, as in the default content)."""
    schema = posixpath.relpath(f"process/schemas/{kind}.schema.json", posixpath.dirname(rel))
    body = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=110)
    return f"# yaml-language-server: $schema={schema}\n{body}"


def write_handbook(root: Path, size: Size, seed: int) -> None:
    """Write the definition files, their JSON Schemas and a home page in each language."""
    for rel, kind, data in files(Synth(size, seed)):
        write(root, rel, yaml_text(rel, kind, data))
    for name, schema in all_schemas().items():
        write(root, f"process/schemas/{name}", json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    for page, lang in (("index.md", "en"), ("index.zh.md", "zh")):
        write(root, f"docs/{page}", f"# {TITLE[lang]}\n")


def write_site_files(root: Path) -> None:
    """What ``handbook build`` needs besides the definitions: base config and guides, no home page."""
    write(root, "mkdocs.yml", BASE_CONFIG.read_text(encoding="utf-8"))
    for page in ("index.md", "index.zh.md"):
        (root / "docs" / page).unlink(missing_ok=True)
    for name, (en, zh) in GUIDES.items():
        write(root, f"docs/guides/{name}.md", f"# {en}\n\n[{TITLE['en']}](../index.md)\n")
        write(root, f"docs/guides/{name}.zh.md", f"# {zh}\n\n[{TITLE['zh']}](../index.md)\n")


# --- command line --------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic, valid handbook of a chosen size.")
    parser.add_argument("--size", choices=list(SIZES), required=True)
    parser.add_argument("--out", type=Path, required=True, help="the handbook folder to write")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same files (default 1)")
    parser.add_argument("--force", action="store_true", help="replace process/, quizzes/ and docs/ in --out")
    parser.add_argument(
        "--site", action="store_true", help="also write mkdocs.yml and the guides, for a build"
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    if out.is_file() or (out.is_dir() and any(out.iterdir()) and not args.force):
        print(f"error: {out} is a file or a non-empty folder; give an empty one, or --force", file=sys.stderr)
        return 1
    for name in ("process", "quizzes", "docs"):  # no file of an earlier, larger handbook may linger
        shutil.rmtree(out / name, ignore_errors=True)
    write_handbook(out, SIZES[args.size], args.seed)
    if args.site:
        write_site_files(out)
    print(f"wrote a {args.size} handbook (seed {args.seed}) to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
