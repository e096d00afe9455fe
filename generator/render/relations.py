"""Reverse look-ups over the model, computed once per generation.

The model stores references one way (a script names its stage, a question names what it
tests). Pages link both ways, so each page needs the other direction too: the scripts of
a stage, the questions testing a KPI, the steps a role owns. Building every map in one
pass keeps page generation linear in the size of the handbook.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.model import entities as e
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.presentation.links import split_target
from generator.review.items import Reviewed, all_items

StepRef = tuple[e.Stage, e.Step]
ItemRef = tuple[e.Checklist, e.ChecklistItem]
QuestionRef = tuple[e.Quiz, e.Question]
PathItemRef = tuple[e.OnboardingPath, e.Milestone, e.PathItem]


@dataclass
class Relations:
    """Who points at what. Keys are ids; ``*_by_target`` keys are ``kind:id`` strings."""

    scripts_by_stage: dict[str, list[e.Script]] = field(default_factory=lambda: defaultdict(list))
    scripts_by_step: dict[str, list[e.Script]] = field(default_factory=lambda: defaultdict(list))
    checklists_by_stage: dict[str, list[e.Checklist]] = field(default_factory=lambda: defaultdict(list))
    items_by_step: dict[str, list[ItemRef]] = field(default_factory=lambda: defaultdict(list))
    items_by_owner: dict[str, list[ItemRef]] = field(default_factory=lambda: defaultdict(list))
    items_by_target: dict[str, list[ItemRef]] = field(default_factory=lambda: defaultdict(list))
    stages_by_kpi: dict[str, list[e.Stage]] = field(default_factory=lambda: defaultdict(list))
    stages_by_owner: dict[str, list[e.Stage]] = field(default_factory=lambda: defaultdict(list))
    steps_by_owner: dict[str, list[StepRef]] = field(default_factory=lambda: defaultdict(list))
    steps_by_tool: dict[str, list[StepRef]] = field(default_factory=lambda: defaultdict(list))
    kpis_by_owner: dict[str, list[e.Kpi]] = field(default_factory=lambda: defaultdict(list))
    kpis_by_source: dict[str, list[e.Kpi]] = field(default_factory=lambda: defaultdict(list))
    meetings_by_owner: dict[str, list[e.Meeting]] = field(default_factory=lambda: defaultdict(list))
    meetings_by_attendee: dict[str, list[e.Meeting]] = field(default_factory=lambda: defaultdict(list))
    modules_by_role: dict[str, list[e.TrainingModule]] = field(default_factory=lambda: defaultdict(list))
    modules_by_format: dict[str, list[e.TrainingModule]] = field(default_factory=lambda: defaultdict(list))
    paths_by_role: dict[str, list[e.OnboardingPath]] = field(default_factory=lambda: defaultdict(list))
    paths_by_mentor: dict[str, list[e.OnboardingPath]] = field(default_factory=lambda: defaultdict(list))
    mentors_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    mentees_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    questions_by_target: dict[str, list[QuestionRef]] = field(default_factory=lambda: defaultdict(list))
    questions_by_stage: dict[str, list[QuestionRef]] = field(default_factory=lambda: defaultdict(list))
    path_items_by_target: dict[str, list[PathItemRef]] = field(default_factory=lambda: defaultdict(list))
    # What someone answers for (entries and hand-written pages), by file and line: every
    # onboarding path lists the ones readers confirm, so it is gathered once, not per page.
    reviewed: list[Reviewed] = field(default_factory=list)


def build_relations(handbook: Handbook, index: Index) -> Relations:
    """Every reverse map, in one pass over each collection."""
    rel = Relations()
    _process(handbook, rel)
    _people(handbook, rel)
    _learning(handbook, index, rel)
    rel.reviewed = all_items(handbook)
    return rel


def _process(handbook: Handbook, rel: Relations) -> None:
    for stage in handbook.ordered_stages():
        for role in dict.fromkeys(stage.owners):
            rel.stages_by_owner[role].append(stage)
        for kpi in dict.fromkeys(stage.kpis):
            rel.stages_by_kpi[kpi].append(stage)
        for step in stage.steps:
            rel.steps_by_owner[step.owner].append((stage, step))
            for tool in dict.fromkeys(step.tools):
                rel.steps_by_tool[tool].append((stage, step))
    for script in handbook.scripts:
        rel.scripts_by_stage[script.stage].append(script)
        rel.scripts_by_step[script.step].append(script)
    for measure in handbook.kpis:
        rel.kpis_by_owner[measure.owner].append(measure)
        rel.kpis_by_source[measure.data_source].append(measure)


def _people(handbook: Handbook, rel: Relations) -> None:
    for meeting in handbook.meetings:
        rel.meetings_by_owner[meeting.owner].append(meeting)
        for role in dict.fromkeys(meeting.attendees):
            rel.meetings_by_attendee[role].append(meeting)
    for module in handbook.training_modules:
        for role in dict.fromkeys(module.audience):
            rel.modules_by_role[role].append(module)
        for fmt in dict.fromkeys(module.formats):
            rel.modules_by_format[fmt].append(module)
    pairs: list[tuple[str, str]] = []
    for mentor_role in handbook.roles:
        pairs += [(mentor_role.id, mentee) for mentee in mentor_role.mentors]
    for path in handbook.onboarding_paths:
        rel.paths_by_role[path.role].append(path)
        if path.mentor:  # a role at the top has no mentor
            rel.paths_by_mentor[path.mentor].append(path)
            pairs.append((path.mentor, path.role))
    for mentor, mentee in dict.fromkeys(pairs):
        rel.mentees_of[mentor].append(mentee)
        rel.mentors_of[mentee].append(mentor)


def _learning(handbook: Handbook, index: Index, rel: Relations) -> None:
    for checklist in handbook.checklists:
        if checklist.stage:
            rel.checklists_by_stage[checklist.stage].append(checklist)
        for item in checklist.items:
            rel.items_by_owner[item.owner].append((checklist, item))
            if item.step:
                rel.items_by_step[item.step].append((checklist, item))
            if item.page:
                rel.items_by_target[item.page].append((checklist, item))
    for quiz in handbook.quizzes:
        for question in quiz.questions:
            stages: dict[str, None] = {}
            for target in dict.fromkeys(question.tests):
                rel.questions_by_target[target].append((quiz, question))
                kind_id = split_target(target)
                if kind_id and kind_id[0] == "stage":
                    stages[kind_id[1]] = None
                elif kind_id and kind_id[0] == "step" and kind_id[1] in index.stage_of_step:
                    stages[index.stage_of_step[kind_id[1]].id] = None
            for stage_id in stages:
                rel.questions_by_stage[stage_id].append((quiz, question))
    for path in handbook.onboarding_paths:
        for milestone in path.milestones:
            for path_item in milestone.items:
                if path_item.target:
                    rel.path_items_by_target[path_item.target].append((path, milestone, path_item))
