"""Numbers as readers of the handbook, its plans and its print packs see them."""

from __future__ import annotations


def number(value: object) -> str:
    """A number as people read it: ``120,000``, ``0.5``; other values as they are.

    A list of numbers (an example's values for ``mean``) reads ``40, 50, 60``.
    """
    if isinstance(value, list | tuple):
        return ", ".join(number(item) for item in value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
