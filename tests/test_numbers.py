"""Numbers, money, quantities and dates as each language writes them (CLDR through Babel)."""

from __future__ import annotations

import datetime

import pytest

from generator.presentation.labels import labels_for
from generator.presentation.numbers import long_date, medium_date, quantity, unit_name


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (3_000_000, "USD", "zh", "US$3,000,000"),
        (3_000_000, "USD", "en", "$3,000,000"),
        (3_000_000, "USD", "de", "3.000.000\xa0$"),
        (1234.5, "EUR", "fr", "1\u202f234,50\xa0€"),
        (3_000, "yuan", "zh", "¥3,000"),  # yuan is kept, as CNY
        (3, "ratio", "en", "3.0×"),
        (2.25, "ratio", "de", "2,25×"),
        (50, "days", "zh", "50 天"),
        (50, "days", "en", "50 days"),
        (50, "days", "de", "50 Tage"),
        (8, "hours", "ja", "8 時間"),
        (120, "percent", "zh", "120%"),
        (12.5, "percent", "de", "12,5\xa0%"),
        (6, "count", "en", "6"),
    ],
)
def test_quantities(value: float, unit: str, lang: str, expected: str) -> None:
    assert quantity(value, unit, lang, labels_for(lang)) == expected


def test_unit_names_come_from_the_catalog_or_cldr() -> None:
    assert unit_name("percent", "zh", labels_for("zh")) == "百分比（%）"
    assert unit_name("USD", "zh", labels_for("zh")) == "美元（USD）"
    assert unit_name("EUR", "en", labels_for("en")) == "Euro (EUR)"


def test_dates_in_each_languages_format() -> None:
    day = datetime.date(2026, 12, 1)
    assert long_date(day, "en") == "December 1, 2026"
    assert long_date(day, "zh") == "2026年12月1日"
    assert long_date(day, "de") == "1. Dezember 2026"
    assert medium_date(day, "zh-Hant") == "2026年12月1日"
    assert long_date(day, "xx-Unknown") == "December 1, 2026"  # no CLDR data: English
