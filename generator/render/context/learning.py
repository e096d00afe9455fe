"""Contexts of the learning pages: checklists, onboarding paths and quizzes."""

from __future__ import annotations

from generator.model import entities as e
from generator.model.fingerprint import item_fingerprint, question_fingerprint
from generator.presentation.links import Link, anchor, checklist_item_anchor, relative
from generator.render.context.freshness import acknowledgements
from generator.render.context.site import Context, Site, TaskItem


def checklist_view(site: Site, source: str, checklist: e.Checklist) -> Context:
    """A checklist as a task list; each item keyed ``<checklist-id>/<item-id>``."""
    items = []
    for item in checklist.items:
        origin = site.link(source, "step", item.step) if item.step else None
        if origin is None and item.page:
            origin = site.target(source, item.page)
        items.append(
            TaskItem(
                anchor=checklist_item_anchor(checklist.id, item.id),
                data_item=f"{checklist.id}/{item.id}",
                text=site.t(item.text),
                owner=site.link(source, "role", item.owner),
                day=site.day(item.day),
                due=item.day,
                fingerprint=item_fingerprint(item),
                sources=[origin] if origin else [],
            )
        )
    return {
        "anchor": anchor("checklist", checklist.id),
        "id": checklist.id,
        "title": site.t(checklist.title),
        "summary": site.t(checklist.summary),
        "tasks": items,
        "questions": site.tested_by(source, f"checklist:{checklist.id}"),
        "onboarding": site.path_items(source, f"checklist:{checklist.id}"),
    }


def other_checklists(site: Site, source: str) -> Context:
    """The checklists that belong to no stage (e.g. a new hire's first week)."""
    chosen = [c for c in site.handbook.checklists if site.index.get("stage", c.stage or "") is None]
    return {
        "title": site.label("title.checklists"),
        "checklists": [checklist_view(site, source, c) for c in chosen],
    }


def has_other_checklists(site: Site) -> bool:
    return any(site.index.get("stage", c.stage or "") is None for c in site.handbook.checklists)


def path_page(site: Site, source: str, path: e.OnboardingPath) -> Context:
    """An onboarding path as a timeline of milestones, each item a checkbox line."""
    titles: dict[str, str] = {item.id: site.t(item.title) for m in path.milestones for item in m.items}
    milestones = []
    for milestone in sorted(path.milestones, key=lambda m: m.day):
        due = {item.id: item.day if item.day is not None else milestone.day for item in milestone.items}
        ordered = sorted(milestone.items, key=lambda item: due[item.id])
        items = [_path_item(site, source, path, milestone, item, titles) for item in ordered]
        milestones.append(
            {
                "anchor": anchor("milestone", milestone.id),
                "day": site.day(milestone.day),
                # "Day 1 Day 1" reads badly: the day label only when the title is not it.
                "show_day": site.day(milestone.day).casefold() not in site.t(milestone.title).casefold(),
                "title": site.t(milestone.title),
                "goal": site.t(milestone.goal),
                "tasks": items,
            }
        )
    return {
        "id": path.id,
        "title": site.t(path.title),
        "tags": [site.t(role.name) for role in [site.index.get("role", path.role)] if role],
        "summary": site.t(path.summary),
        "role": site.link(source, "role", path.role),
        "mentor": site.link(source, "role", path.mentor),
        "milestones": milestones,
        "questions": site.tested_by(source, f"path:{path.id}"),
        "onboarding": site.path_items(source, f"path:{path.id}"),
        "acknowledgements": acknowledgements(site, source),
    }


def _path_item(
    site: Site,
    source: str,
    path: e.OnboardingPath,
    milestone: e.Milestone,
    item: e.PathItem,
    titles: dict[str, str],
) -> TaskItem:
    target = site.target(source, item.target) if item.target else None
    return TaskItem(
        anchor=anchor("item", item.id),
        data_item=f"path:{path.id}/{item.id}",
        text=site.t(item.title),
        owner=site.link(source, "role", item.owner),
        day=site.day(item.day if item.day is not None else milestone.day),
        due=item.day if item.day is not None else milestone.day,
        fingerprint=item_fingerprint(item),
        quiz=item.target.split(":", 1)[1] if item.kind == "quiz" and item.target else "",
        url=target.url if target else "",
        kind=item.kind,
        kind_label=site.labels.get(f"kind.{item.kind}", item.kind),
        after=[Link(titles.get(p) or p, f"#{anchor('item', p)}") for p in item.prerequisites if p in titles],
    )


def assign_page(site: Site, source: str) -> Context:
    """The mentor's form: a path, a name and a start date make a link to send."""
    paths = [{"id": p.id, "title": site.t(p.title)} for p in site.handbook.onboarding_paths]
    return {"title": site.label("assign.title"), "paths": paths}


def path_index(site: Site, source: str) -> Context:
    rows = []
    for path in site.handbook.onboarding_paths:
        rows.append(
            {
                "link": site.link(source, "path", path.id),
                "role": site.link(source, "role", path.role),
                "mentor": site.link(source, "role", path.mentor),
                "summary": site.t(path.summary),
                "days": site.label("days_span").replace(
                    "{n}", str(max((m.day for m in path.milestones), default=1))
                ),
            }
        )
    return {
        "title": site.label("title.onboarding"),
        "assign": Link(site.label("assign.title"), relative(source, "onboarding/assign.md")),
        "paths": rows,
        "checklists": _checklists_link(site, source),
    }


def _checklists_link(site: Site, source: str) -> Link | None:
    if not has_other_checklists(site):
        return None
    return Link(site.label("title.checklists"), relative(source, "onboarding/checklists.md"))


def quiz_page(site: Site, source: str, quiz: e.Quiz) -> Context:
    """A quiz: each question a form field with its answer key, for the browser to grade.

    Without the script the page still works as a printed quiz: the answer and the
    explanation sit in a collapsed block under each question.
    """
    questions = [_question(site, source, position, q) for position, q in enumerate(quiz.questions, 1)]
    return {
        "id": quiz.id,
        "title": site.t(quiz.title),
        "summary": site.t(quiz.summary),
        "pass_mark": quiz.pass_mark,
        "questions": questions,
        "onboarding": site.path_items(source, f"quiz:{quiz.id}"),
    }


INPUTS = {"single": "radio", "true-false": "radio", "multiple": "checkbox", "numeric": "number"}


def _question(site: Site, source: str, position: int, question: e.Question) -> Context:
    if question.type == "true-false":
        options = [{"id": value, "text": site.label(value)} for value in ("true", "false")]
        correct = "true" if question.answer is True else "false"
    else:
        options = [{"id": o.id, "text": site.t(o.text)} for o in question.options]
        correct = ",".join(o.id for o in question.options if o.correct)
    numeric = question.type == "numeric"
    return {
        "anchor": anchor("q", question.id),
        "id": question.id,
        "fingerprint": question_fingerprint(question),
        "number": position,
        "kind": question.type,
        "type": site.labels.get(f"qtype.{question.type}", question.type),
        "hint": site.label("quiz.choose_many" if question.type == "multiple" else "quiz.choose"),
        "input": INPUTS[question.type],
        "prompt": site.t(question.prompt),
        "options": [] if numeric else options,
        "correct": "" if numeric else correct,
        "value": _plain(question.answer) if numeric else "",
        "tolerance": _plain(question.tolerance or 0) if numeric else "",
        "unit": site.unit_name(question.unit) if question.unit else "",
        "answer": _answer(site, question),
        "explanation": site.t(question.explanation),
        "tests": site.targets(source, question.tests),
    }


def _plain(value: object) -> str:
    """A number as the browser parses it: no thousands separators."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    return ""


def _answer(site: Site, question: e.Question) -> str:
    if question.type in ("single", "multiple"):
        return site.label("list_sep").join(f"{o.id}) {site.t(o.text)}" for o in question.options if o.correct)
    if question.type == "true-false":
        return site.label("true" if question.answer is True else "false")
    answer = float(question.answer) if isinstance(question.answer, int | float) else 0.0
    value = site.quantity(answer, question.unit) if question.unit else site.decimal(answer)
    if not question.tolerance:
        return value
    tolerance = f"± {site.decimal(question.tolerance)}"
    return f"{value}{site.label('paren_open')}{tolerance}{site.label('paren_close')}"


def quiz_index(site: Site, source: str) -> Context:
    rows = [
        {
            "link": site.link(source, "quiz", quiz.id),
            "summary": site.t(quiz.summary),
            "count": len(quiz.questions),
            "pass_mark": quiz.pass_mark,
        }
        for quiz in site.handbook.quizzes
    ]
    return {"title": site.label("title.quizzes"), "quizzes": rows}
