"""A meeting's recurrence in words: "Every Monday and Wednesday, at 09:30", "每周一、周三 09:30"."""

from __future__ import annotations

from generator.model.recurrence import Recurrence
from generator.presentation.labels import Labels


def _days(words: Labels, weekdays: tuple[int, ...]) -> str:
    names = [words[f"recurrence.weekday.{d}"] for d in weekdays]
    if len(names) < 2:
        return "".join(names)
    head = words["recurrence.list_separator"].join(names[:-1])
    return head + words["recurrence.list_last"] + names[-1]


def describe(words: Labels, recurrence: Recurrence, time: str | None = None) -> str:
    """The recurrence as a reader of ``words``' language says it."""
    interval = recurrence.interval
    kind = "weekdays" if recurrence.kind == "weeks" and interval == 1 else recurrence.kind
    text = (
        words[f"recurrence.{kind}"]
        .replace("{days}", _days(words, recurrence.weekdays))
        .replace("{n}", str(recurrence.month_day or interval))
        .replace("{nth}", words.get(f"recurrence.nth.{recurrence.ordinal}", ""))
        .replace("{day}", _days(words, recurrence.weekdays[:1]))
    )
    if time:
        return words["recurrence.at"].replace("{when}", text).replace("{time}", time)
    return text
