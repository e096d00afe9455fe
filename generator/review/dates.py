"""Review intervals (``90d``, ``6w``, ``6m``, ``1y``) and the dates they lead to."""

from __future__ import annotations

import calendar
import datetime

from generator.model.types import INTERVAL_RE

_DAYS_PER = {"d": 1, "w": 7}


def is_interval(text: str) -> bool:
    return bool(INTERVAL_RE.match(text))


def interval_days(text: str) -> int:
    """Roughly how many days an interval spans: for ``--within`` and sorting."""
    count, unit = int(text[:-1]), text[-1]
    return count * {"d": 1, "w": 7, "m": 30, "y": 365}[unit]


def add_interval(start: datetime.date, text: str) -> datetime.date:
    """``start`` moved on by ``text``; months and years keep the day of the month.

    A month that is too short takes its last day: 31 January + 1m is 28 (or 29) February.
    """
    count, unit = int(text[:-1]), text[-1]
    if unit in _DAYS_PER:
        return start + datetime.timedelta(days=count * _DAYS_PER[unit])
    months = count * (12 if unit == "y" else 1)
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return datetime.date(year, month + 1, day)


def parse_day(text: str) -> datetime.date:
    """A ``YYYY-MM-DD`` date from the command line; ``ValueError`` says what is wrong."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a date: write it as YYYY-MM-DD, e.g. 2026-12-01") from None


def day_option(text: str) -> datetime.date:
    """``--today YYYY-MM-DD`` on the command line; a wrong date is a usage error (exit 2)."""
    import argparse

    try:
        return parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def interval_option(text: str) -> str:
    """``--within 30d`` on the command line."""
    import argparse

    if not is_interval(text):
        raise argparse.ArgumentTypeError(f"'{text}' is not an interval: write e.g. 30d, 6w, 2m or 1y")
    return text
