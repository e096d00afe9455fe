"""The grades Moodle gives for ticking each option of a choice question.

Moodle accepts only the grades of its own list (100 %, 90 %, 83.33333 %, … 5 %, and
their negatives), and saves a multiple-answer question only when the grades of its
correct options add up to 100 % (after rounding to two decimals). So:

- single choice: the correct option 100, the others 0;
- multiple answers: the correct options share 100 (equal shares where the list has
  one, e.g. 3 → 33.33333 each; otherwise two neighbouring values of the list, e.g.
  11 → nine of 10 and two of 5), and the wrong options share -100, each rounded away
  from zero to a listed value, so ticking every box never earns a mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

# Moodle's question_bank::fraction_options(), as percentages, largest first.
MOODLE_FRACTIONS: tuple[float, ...] = (
    100.0,
    90.0,
    83.33333,
    80.0,
    75.0,
    70.0,
    66.66667,
    60.0,
    50.0,
    40.0,
    33.33333,
    30.0,
    25.0,
    20.0,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10.0,
    5.0,
)
MAX_CORRECT = 20  # 21 shares of at least 5 % would pass 100 %


def choice_fractions(correct: Sequence[bool], single: bool) -> list[float]:
    """The grade of each option, in order: ``[True, False]`` single → ``[100, 0]``.

    Raises :class:`ValueError` when Moodle could not grade the question as written.
    """
    count = sum(correct)
    if single:
        if count != 1:
            raise ValueError(f"a single-choice question needs one correct option, not {count}")
        return [100.0 if c else 0.0 for c in correct]
    shares = iter(correct_shares(count))
    wrong = -wrong_share(len(correct) - count) if count < len(correct) else 0.0
    return [next(shares) if c else wrong for c in correct]


def correct_shares(count: int) -> list[float]:
    """``count`` listed grades adding up to 100 %, as equal as the list allows."""
    if not 1 <= count <= MAX_CORRECT:
        raise ValueError(f"Moodle can share 100 % among 1 to {MAX_CORRECT} correct options, not {count}")
    for value in MOODLE_FRACTIONS:
        if adds_up([value] * count):
            return [value] * count
    for big, small in sorted(combinations(MOODLE_FRACTIONS, 2), key=lambda pair: pair[0] - pair[1]):
        for n_big in range(1, count):
            shares = [big] * n_big + [small] * (count - n_big)
            if adds_up(shares):
                return shares
    raise ValueError(f"no grades of Moodle's list share 100 % among {count} options")  # pragma: no cover


def wrong_share(count: int) -> float:
    """The smallest listed grade at least 100 % / ``count`` (5 % for more than 20)."""
    exact = 100.0 / count
    # The list rounds 100 / 3 to 33.33333: a value that close counts as equal.
    fitting = [value for value in MOODLE_FRACTIONS if value >= exact - 1e-4]
    return min(fitting) if fitting else MOODLE_FRACTIONS[-1]


def adds_up(shares: Sequence[float]) -> bool:
    """Whether Moodle reads ``shares`` as 100 %: it rounds the sum of fractions to 2 decimals."""
    return round(sum(shares) / 100, 2) == 1.0
