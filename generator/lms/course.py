"""What an LMS is told about one onboarding path: its items, its quizzes, its titles."""

from __future__ import annotations

from dataclasses import dataclass

from generator.export.quiz.bank import ExportError
from generator.model import entities as e
from generator.model.fingerprint import item_fingerprint
from generator.model.handbook import Handbook
from generator.model.types import Text
from generator.render.languages import identity


@dataclass(frozen=True)
class Course:
    """One path, as the launcher reads progress of it.

    ``items`` are the keys the path page saves ticks under, with the fingerprint a tick
    must carry to count; ``quizzes`` the quizzes the path sends the hire to, with their
    pass marks. The order of both is part of the suspend-data format: positions, not ids,
    are what the LMS keeps.
    """

    handbook: str
    version: str
    path: e.OnboardingPath
    items: tuple[tuple[str, str], ...]
    quizzes: tuple[tuple[str, int], ...]

    @property
    def title(self) -> Text:
        return self.path.title

    @property
    def summary(self) -> Text:
        return self.path.summary


def course_of(handbook: Handbook, path_id: str | None) -> Course:
    """The course of path ``path_id``; an :class:`ExportError` names the paths there are."""
    paths: dict[str, e.OnboardingPath] = {p.id: p for p in handbook.onboarding_paths}
    if path_id is None or path_id not in paths:
        known = ", ".join(paths) or "none"
        what = (
            "choose an onboarding path with --path ID" if not path_id else f"no onboarding path '{path_id}'"
        )
        raise ExportError(f"{what} (paths: {known})")
    path = paths[path_id]
    marks: dict[str, int] = {quiz.id: quiz.pass_mark for quiz in handbook.quizzes}
    items: list[tuple[str, str]] = []
    quizzes: dict[str, int] = {}
    for milestone in path.milestones:
        for item in milestone.items:
            items.append((f"path:{path.id}/{item.id}", item_fingerprint(item)))
            if item.kind == "quiz" and item.target and item.target.split(":", 1)[1] in marks:
                quiz = item.target.split(":", 1)[1]
                quizzes[quiz] = marks[quiz]
    who = identity(handbook)
    return Course(who["id"], who["version"], path, tuple(items), tuple(quizzes.items()))
