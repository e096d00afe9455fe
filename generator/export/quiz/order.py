"""The order in which exports show a question's options.

Authors tend to write the right answer first; a file that keeps the authored order
hands the answer to anyone who has noticed. Exports therefore show options sorted by a
stable hash of the question's and the option's ids: the same order in every language
and on every run (a reviewer can compare two exports), never the authored one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def delivery_order(question_id: str, option_ids: Sequence[str]) -> list[int]:
    """Positions of the authored options in the order exports show them."""
    authored = list(range(len(option_ids)))

    def rank(i: int) -> bytes:
        return hashlib.sha256(f"{question_id}\0{option_ids[i]}".encode()).digest()

    order = sorted(authored, key=rank)
    if order == authored and len(order) > 1:
        order = order[1:] + order[:1]  # the hash happened to keep the authored order
    return order


def in_delivery_order(question_id: str, option_ids: Sequence[str], items: Sequence[T]) -> list[T]:
    """``items`` (one per option) rearranged into :func:`delivery_order`."""
    return [items[i] for i in delivery_order(question_id, option_ids)]
