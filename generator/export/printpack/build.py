"""Print packs: the whole handbook, or one role's pack, laid out as :class:`~.views.PrintPack`.

A role's pack holds what a new hire in that role works from: the role itself, its
onboarding path, the checklist items it owns and the scripts of the steps it carries
out. The whole handbook adds the stages, every role, the KPIs and the quizzes (without
answers; the answer key comes last).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.diagnostics import suggest
from generator.export.checklist.rows import checklist_sheet, name_of
from generator.export.printpack import views as v
from generator.export.printpack.acknowledgements import acknowledgement_lines
from generator.export.quiz.bank import BankQuestion, BankQuiz, ExportError, export_language, one_line
from generator.export.quiz.bank import question_bank as _question_bank
from generator.model import entities as e
from generator.model.formula import FormulaError, parse_formula, render_formula
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.model.schedule import Schedule
from generator.model.types import Text
from generator.presentation.days import day_label
from generator.presentation.labels import Labels, labels_for
from generator.presentation.links import split_target
from generator.presentation.numbers import decimal, long_date, quantity, unit_name


# Words only the print packs use. A key defined in i18n/<lang>.yaml wins over these.
def print_words(lang: str, root: Path | None = None) -> Labels:
    """The words of ``lang`` (with the handbook's own entries when ``root`` is given)."""
    return labels_for(lang, root)


@dataclasses.dataclass(frozen=True)
class _Lang:
    """Texts, names and labels in the pack's language."""

    index: Index
    lang: str
    words: Labels

    def t(self, text: Text | None) -> str:
        return one_line(text, self.lang)

    def ts(self, texts: list[Text]) -> tuple[str, ...]:
        return tuple(self.t(text) for text in texts)

    def name(self, kind: str, ident: str) -> str:
        return name_of(self.index, kind, ident, self.lang)

    def label(self, group: str, key: str) -> str:
        return self.words.get(f"{group}.{key}", key)

    def day(self, n: int) -> str:
        return self.words["day_n"].replace("{n}", str(n))


def print_pack(
    handbook: Handbook, index: Index, lang: str | None = None, role: str | None = None
) -> v.PrintPack:
    """The whole handbook in ``lang``, or the pack of ``role`` when it is given."""
    lang = export_language(handbook, lang)
    x = _Lang(index, lang, print_words(lang, handbook.root))
    scripts = _ordered_scripts(handbook)
    if role is None:
        return dataclasses.replace(
            _frame(handbook, x, x.words["print.whole"]),
            purpose=x.t(handbook.info.purpose) if handbook.info else "",
            stages=tuple(stage_view(x, s) for s in handbook.ordered_stages()),
            roles=tuple(role_view(x, r) for r in handbook.roles),
            kpis=tuple(kpi_view(x, k) for k in handbook.kpis),
            scripts=tuple(script_view(x, s) for s in scripts),
            checklists=tuple(checklist_sheet(index, c, lang) for c in handbook.checklists),
            paths=tuple(path_view(x, p) for p in handbook.onboarding_paths),
            quizzes=tuple(quiz_view(x, q) for q in _question_bank(handbook, lang).quizzes),
        )
    found = find_role(handbook, role)
    owned_steps = {step.id for _, step in handbook.steps if step.owner == role}
    return dataclasses.replace(
        _frame(handbook, x, x.words["print.role_pack"].replace("{role}", x.t(found.name) or role)),
        role=role,
        roles=(role_view(x, found),),
        scripts=tuple(script_view(x, s) for s in scripts if s.step in owned_steps),
        checklists=tuple(
            checklist_sheet(index, dataclasses.replace(c, items=owned), lang)
            for c in handbook.checklists
            if (owned := [item for item in c.items if item.owner == role])
        ),
        paths=tuple(path_view(x, p) for p in handbook.onboarding_paths if p.role == role),
        acknowledgements=tuple(
            v.AckLine(x.label("whats_new.kind", kind), title, fingerprint)
            for kind, title, fingerprint in acknowledgement_lines(handbook, index, role, lang)
        ),
    )


def _frame(handbook: Handbook, x: _Lang, heading: str) -> v.PrintPack:
    """A pack with its title page only; the sections are filled in by the caller."""
    info = handbook.info
    return v.PrintPack(
        lang=x.lang,
        words=x.words,
        title=x.t(info.title) if info else "",
        heading=heading,
        version=info.version if info else "",
        effective=long_date(info.effective_date, x.lang) if info else "",
        purpose="",
        role="",
        stages=(),
        roles=(),
        kpis=(),
        scripts=(),
        checklists=(),
        paths=(),
        quizzes=(),
    )


def find_role(handbook: Handbook, role_id: str) -> e.Role:
    """The role ``role_id``; the error lists the roles that exist."""
    for role in handbook.roles:
        if role.id == role_id:
            return role
    ids = [role.id for role in handbook.roles]
    hint = suggest(role_id, ids)
    raise ExportError(
        f"there is no role '{role_id}'{f' ({hint})' if hint else ''}; the roles are: {', '.join(ids) or 'none'}"
    )


def _ordered_scripts(handbook: Handbook) -> list[e.Script]:
    """Scripts in the order of their stages; within a stage as written."""
    order = {stage.id: stage.order for stage in handbook.stages}
    return sorted(handbook.scripts, key=lambda s: order.get(s.stage, len(order) + 1))


def stage_view(x: _Lang, stage: e.Stage) -> v.StageView:
    return v.StageView(
        id=stage.id,
        order=stage.order,
        name=x.t(stage.name),
        goal=x.t(stage.goal),
        owners=tuple(x.name("role", r) for r in stage.owners),
        entry=x.ts(stage.entry_criteria),
        exit=x.ts(stage.exit_criteria),
        kpis=tuple(x.name("kpi", k) for k in stage.kpis),
        steps=tuple(
            v.StepView(
                id=step.id,
                name=x.t(step.name),
                summary=x.t(step.summary),
                owner=x.name("role", step.owner),
                practices=tuple((x.t(p.name), x.t(p.text)) for p in step.practices),
                deliverables=x.ts(step.deliverables),
                tools=tuple(x.name("tool", t) for t in step.tools),
            )
            for step in stage.steps
        ),
    )


def role_view(x: _Lang, role: e.Role) -> v.RoleView:
    return v.RoleView(
        id=role.id,
        name=x.t(role.name) or role.id,
        purpose=x.t(role.purpose),
        responsibilities=x.ts(role.responsibilities),
        duties=tuple((x.label("cadence", d.cadence), x.t(d.text)) for d in role.duties),
    )


def kpi_view(x: _Lang, kpi: e.Kpi) -> v.KpiView:
    unit = unit_name(kpi.unit, x.lang, x.words)
    names: dict[str, str] = {i.id: x.t(i.name) or i.id for i in kpi.inputs}
    units: dict[str, str] = {i.id: i.unit for i in kpi.inputs}
    try:  # readers see each input by its name, never by its variable
        formula = render_formula(parse_formula(kpi.formula), lambda ident: names.get(ident, ident))
    except FormulaError:
        formula = kpi.formula
    return v.KpiView(
        id=kpi.id,
        name=x.t(kpi.name) or kpi.id,
        definition=x.t(kpi.definition),
        formula=formula,
        inputs=tuple((names[i.id], unit_name(i.unit, x.lang, x.words)) for i in kpi.inputs),
        unit=unit,
        direction=x.label("direction", kpi.direction),
        owner=x.name("role", kpi.owner),
        targets=tuple(x.t(target.text) for target in kpi.targets),
        examples=tuple(
            v.KpiExampleView(
                inputs=x.words["list_sep"].join(
                    f"{names.get(k, k)} = {quantity(value, units.get(k, 'count'), x.lang, x.words)}"
                    for k, value in ex.inputs.items()
                ),
                expected=quantity(ex.expected, kpi.unit, x.lang, x.words),
                explanation=x.t(ex.explanation),
            )
            for ex in kpi.examples
        ),
    )


def _channel_label(x: _Lang, ident: str) -> str:
    own = x.index.get("channel", ident)
    return (x.t(own.label) if own else "") or x.label("channel", ident)


def script_view(x: _Lang, script: e.Script) -> v.ScriptView:
    step = x.index.get("step", script.step)
    return v.ScriptView(
        id=script.id,
        title=x.t(script.title) or script.id,
        where=" — ".join(filter(None, (x.name("stage", script.stage), x.t(step.name) if step else ""))),
        channel=_channel_label(x, script.channel),
        purpose=x.label("purpose", script.purpose),
        audience=x.t(script.audience),
        text=x.t(script.text),
        do=x.t(script.do),
        dont=x.t(script.dont),
        notes=x.t(script.notes),
    )


def path_view(x: _Lang, path: e.OnboardingPath) -> v.PathView:
    milestones = []
    schedule, working = Schedule(path), path.days == "working"
    for milestone in sorted(path.milestones, key=lambda m: m.day):
        items = schedule.ordered(milestone.items)
        milestones.append(
            v.MilestoneView(
                title=x.t(milestone.title),
                day=day_label(x.words, milestone.day, milestone.day, working=working),
                goal=x.t(milestone.goal),
                items=tuple(
                    v.PathItemView(
                        title=x.t(item.title) or item.id,
                        kind=x.label("kind", item.kind),
                        day=day_label(
                            x.words, schedule.start(item.id), schedule.due(item.id), working=working
                        ),
                        owner=x.name("role", item.owner),
                        target=x.name(*kind_id)
                        if item.target and (kind_id := split_target(item.target))
                        else "",
                    )
                    for item in items
                ),
            )
        )
    return v.PathView(
        id=path.id,
        title=x.t(path.title) or path.id,
        summary=x.t(path.summary),
        role=x.name("role", path.role),
        mentor=x.name("role", path.mentor) if path.mentor else "",
        milestones=tuple(milestones),
    )


def letter(n: int) -> str:
    """The letter of the ``n``-th option (0-based): ``a``, ``b``, … ``z``, ``aa``."""
    return letter(n // 26 - 1) + chr(ord("a") + n % 26) if n >= 26 else chr(ord("a") + n)


def quiz_view(x: _Lang, quiz: BankQuiz) -> v.QuizView:
    questions = []
    answers = []
    for n, q in enumerate(quiz.questions, 1):
        options = tuple((letter(i), o.text) for i, o in enumerate(q.options))
        if q.type == "true-false":
            options = (("", x.words["true"]), ("", x.words["false"]))
        unit = x.label("unit", q.unit) if q.unit else ""
        questions.append(v.QuestionView(n, q.type, x.label("qtype", q.type), q.prompt, options, unit))
        answers.append(v.AnswerView(n, answer_text(x, q), q.explanation))
    return v.QuizView(quiz.id, quiz.title, quiz.summary, quiz.pass_mark, tuple(questions), tuple(answers))


def answer_text(x: _Lang, q: BankQuestion) -> str:
    """``Email or phone``; ``True``; ``25 (± 0.5) percent (%)``.

    Choice answers are named by their text, not a letter: a letter means nothing once
    the options are shown in another order (the site shuffles them).
    """
    if q.type == "true-false":
        return x.words["true" if q.answer else "false"]
    if q.type == "numeric":
        assert isinstance(q.answer, float)
        value = quantity(q.answer, q.unit, x.lang, x.words) if q.unit else decimal(q.answer, x.lang)
        tolerance = f"± {decimal(q.tolerance, x.lang)}"
        return f"{value}{x.words['paren_open']}{tolerance}{x.words['paren_close']}"
    # By content, not by letter: options are shown in an order of their own.
    return x.words["item_sep"].join(o.text for o in q.options if o.correct)
