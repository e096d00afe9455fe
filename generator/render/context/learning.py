"""Contexts of the learning pages: checklists, onboarding paths and quizzes."""

from __future__ import annotations

from generator.model import entities as e
from generator.model.fingerprint import item_fingerprint, question_fingerprint
from generator.model.schedule import Schedule, path_calendar
from generator.presentation.days import day_label
from generator.presentation.links import Link, anchor, checklist_item_anchor, relative
from generator.render import answer_keys
from generator.render.context.freshness import acknowledgements
from generator.render.context.learning_views import (
    AssignPage,
    ChecklistsPage,
    ChecklistView,
    HireItem,
    HirePath,
    HiresPage,
    Milestone,
    Option,
    PathChoice,
    PathIndex,
    PathPage,
    PathRow,
    QuestionView,
    QuizIndex,
    QuizPage,
    QuizRow,
)
from generator.render.context.site import Site, TaskItem


def checklist_view(site: Site, source: str, checklist: e.Checklist) -> ChecklistView:
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
                day=_checklist_day(site, checklist, item),
                due=item.day or 1,
                fingerprint=item_fingerprint(item),
                sources=[origin] if origin else [],
            )
        )
    return ChecklistView(
        anchor=anchor("checklist", checklist.id),
        id=checklist.id,
        title=site.t(checklist.title),
        summary=site.t(checklist.summary),
        tasks=tuple(items),
        questions=tuple(site.tested_by(source, f"checklist:{checklist.id}")),
        onboarding=tuple(site.path_items(source, f"checklist:{checklist.id}")),
    )


def _checklist_day(site: Site, checklist: e.Checklist, item: e.ChecklistItem) -> str:
    """A stage's checklist counts days from when a deal enters the stage; others from a start date."""
    if item.day is None:
        return ""
    in_stage = checklist.stage and site.index.get("stage", checklist.stage) is not None
    return site.label("day_in_stage" if in_stage else "day_n").replace("{n}", str(item.day))


def other_checklists(site: Site, source: str) -> ChecklistsPage:
    """The checklists that belong to no stage (e.g. a new hire's first week)."""
    chosen = [c for c in site.handbook.checklists if site.index.get("stage", c.stage or "") is None]
    return ChecklistsPage(
        site.label("title.checklists"), tuple(checklist_view(site, source, c) for c in chosen)
    )


def has_other_checklists(site: Site) -> bool:
    return any(site.index.get("stage", c.stage or "") is None for c in site.handbook.checklists)


def path_page(site: Site, source: str, path: e.OnboardingPath) -> PathPage:
    """An onboarding path as a timeline of milestones, each item a checkbox line."""
    titles: dict[str, str] = {item.id: site.t(item.title) for m in path.milestones for item in m.items}
    milestones = []
    schedule = Schedule(path)
    for milestone in sorted(path.milestones, key=lambda m: m.day):
        ordered = schedule.ordered(milestone.items)
        items = [_path_item(site, source, path, schedule, item, titles) for item in ordered]
        milestones.append(
            Milestone(
                anchor=anchor("milestone", milestone.id),
                day=day_label(site.labels, milestone.day, milestone.day, working=path.days == "working"),
                # "Day 1 Day 1" reads badly: the day label only when the title is not it.
                show_day=site.day(milestone.day).casefold() not in site.t(milestone.title).casefold(),
                title=site.t(milestone.title),
                goal=site.t(milestone.goal),
                tasks=tuple(items),
            )
        )
    calendar = path_calendar(path, site.handbook.info)
    role = site.index.get("role", path.role)
    return PathPage(
        id=path.id,
        # The browser turns due days into dates with the same rule (learning.js dueDate).
        working_days=",".join(map(str, sorted(calendar.working_days))) if calendar else "",
        holidays=" ".join(sorted(d.isoformat() for d in calendar.holidays)) if calendar else "",
        title=site.t(path.title),
        tags=(site.t(role.name),) if role else (),
        summary=site.t(path.summary),
        role=site.link(source, "role", path.role),
        mentor=site.link(source, "role", path.mentor) if path.mentor else None,
        milestones=tuple(milestones),
        questions=tuple(site.tested_by(source, f"path:{path.id}")),
        onboarding=tuple(site.path_items(source, f"path:{path.id}")),
        acknowledgements=tuple(acknowledgements(site, source)),
    )


def _path_item(
    site: Site,
    source: str,
    path: e.OnboardingPath,
    schedule: Schedule,
    item: e.PathItem,
    titles: dict[str, str],
) -> TaskItem:
    target = site.target(source, item.target) if item.target else None
    start, due = schedule.start(item.id), schedule.due(item.id)
    return TaskItem(
        anchor=anchor("item", item.id),
        data_item=f"path:{path.id}/{item.id}",
        text=site.t(item.title),
        owner=site.link(source, "role", item.owner),
        day=day_label(site.labels, start, due, working=path.days == "working"),
        due=due,
        fingerprint=item_fingerprint(item),
        quiz=item.target.split(":", 1)[1] if item.kind == "quiz" and item.target else "",
        url=target.url if target else "",
        kind=item.kind,
        kind_label=site.labels.get(f"kind.{item.kind}", item.kind),
        after=[Link(titles.get(p) or p, f"#{anchor('item', p)}") for p in item.prerequisites if p in titles],
    )


def assign_page(site: Site, source: str) -> AssignPage:
    """The mentor's form: a path, a name and a start date make a link to send."""
    paths = tuple(PathChoice(p.id, site.t(p.title)) for p in site.handbook.onboarding_paths)
    return AssignPage(site.label("assign.title"), paths)


def hires_page(site: Site, source: str) -> HiresPage:
    """The mentor's table of hires: each path's items (key, fingerprint, day, quiz), for the
    browser to count a progress link's ticks, overdue items and quiz results against."""
    paths = []
    for path in site.handbook.onboarding_paths:
        items = []
        for milestone in path.milestones:
            for item in milestone.items:
                items.append(
                    HireItem(
                        key=f"path:{path.id}/{item.id}",
                        fingerprint=item_fingerprint(item),
                        day=item.day if item.day is not None else milestone.day,
                        quiz=item.target.split(":", 1)[1] if item.kind == "quiz" and item.target else "",
                    )
                )
        paths.append(HirePath(path.id, site.t(path.title), tuple(items)))
    assign = Link(site.label("assign.title"), relative(source, "onboarding/assign.md"))
    return HiresPage(site.label("hires.title"), assign, tuple(paths))


def path_index(site: Site, source: str) -> PathIndex:
    rows = tuple(
        PathRow(
            link=site.link(source, "path", path.id),
            role=site.link(source, "role", path.role),
            mentor=site.link(source, "role", path.mentor) if path.mentor else None,
            summary=site.t(path.summary),
            days=site.label("days_span").replace(
                "{n}", str(max((m.day for m in path.milestones), default=1))
            ),
        )
        for path in site.handbook.onboarding_paths
    )
    return PathIndex(
        title=site.label("title.onboarding"),
        assign=Link(site.label("assign.title"), relative(source, "onboarding/assign.md")),
        hires=Link(site.label("hires.title"), relative(source, "onboarding/hires.md")),
        paths=rows,
        checklists=_checklists_link(site, source),
    )


def _checklists_link(site: Site, source: str) -> Link | None:
    if not has_other_checklists(site):
        return None
    return Link(site.label("title.checklists"), relative(source, "onboarding/checklists.md"))


def quiz_page(site: Site, source: str, quiz: e.Quiz) -> QuizPage:
    """A quiz: each question a form field with its hashed answer key, for the browser to grade.

    The correct option is named nowhere in the page (see :mod:`generator.render.answer_keys`);
    the explanation is shown once an answer is checked. ``path_items`` are the onboarding
    items (``key@fingerprint``) a pass ticks.
    """
    questions = [question_view(site, source, quiz, n, q) for n, q in enumerate(quiz.questions, 1)]
    ticked = [
        f"path:{path.id}/{item.id}@{item_fingerprint(item)}"
        for path, _, item in site.rel.path_items_by_target.get(f"quiz:{quiz.id}", [])
    ]
    return QuizPage(
        id=quiz.id,
        title=site.t(quiz.title),
        summary=site.t(quiz.summary),
        pass_mark=quiz.pass_mark,
        questions=tuple(questions),
        path_items=" ".join(ticked),
        onboarding=tuple(site.path_items(source, f"quiz:{quiz.id}")),
    )


INPUTS = {"single": "radio", "true-false": "radio", "multiple": "checkbox", "numeric": "number"}


def question_view(site: Site, source: str, quiz: e.Quiz, position: int, question: e.Question) -> QuestionView:
    """A question as a form field with its hashed answer key, for the browser to grade."""
    fingerprint = question_fingerprint(question)
    salt = answer_keys.salt(quiz.id, question.id, fingerprint)
    if question.type == "true-false":
        options = [Option(value, site.label(value)) for value in ("true", "false")]
        correct = ["true" if question.answer is True else "false"]
    else:
        options = [Option(o.id, site.t(o.text)) for o in question.options]
        correct = [o.id for o in question.options if o.correct]
    numeric = question.type == "numeric"
    if numeric:
        key = answer_keys.numeric_key(
            salt, question.id, _plain(question.answer), _plain(question.tolerance or 0)
        )
    else:
        key = answer_keys.choice_key(salt, question.id, correct)
    return QuestionView(
        anchor=anchor("q", question.id),
        id=question.id,
        fingerprint=fingerprint,
        salt=salt,
        key=key,
        number=position,
        kind=question.type,
        type=site.labels.get(f"qtype.{question.type}", question.type),
        hint=site.label("quiz.choose_many" if question.type == "multiple" else "quiz.choose"),
        input=INPUTS[question.type],
        prompt=site.t(question.prompt),
        options=() if numeric else tuple(options),
        unit=site.unit_name(question.unit) if question.unit else "",
        explanation=site.t(question.explanation),
        tests=tuple(site.targets(source, question.tests)),
    )


def _plain(value: object) -> str:
    """A number as the browser parses it: no thousands separators."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    return ""


def quiz_index(site: Site, source: str) -> QuizIndex:
    rows = tuple(
        QuizRow(site.link(source, "quiz", quiz.id), site.t(quiz.summary), len(quiz.questions), quiz.pass_mark)
        for quiz in site.handbook.quizzes
    )
    return QuizIndex(site.label("title.quizzes"), rows)
