"""How a due day reads: "Day 5", "Days 1–10", "Working day 3", in each language."""

from __future__ import annotations

from generator.presentation.labels import Labels


def day_label(words: Labels, start: int, due: int, *, working: bool = False) -> str:
    """The label of an item that starts on day ``start`` and is due on day ``due``."""
    prefix = "work_" if working else ""
    if due > start:
        key = f"{prefix}days_range"
        return words[key].replace("{start}", str(start)).replace("{end}", str(due))
    return words[f"{prefix}day_n"].replace("{n}", str(due))
