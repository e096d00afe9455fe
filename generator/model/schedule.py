"""When an onboarding item is due, in days from the hire's start (day 1 is the first day).

The checks (prerequisites due in order), the browser's plan, the exported plans and the
print pack all count the same way: the rule lives here, once.
"""

from __future__ import annotations

from generator.model import entities as e


def due_day(milestone: e.Milestone, item: e.PathItem) -> int:
    """An item is due on its own day, or on its milestone's day when it names none."""
    return item.day if item.day is not None else milestone.day
