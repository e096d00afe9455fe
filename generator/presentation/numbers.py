"""Numbers, money, quantities and dates as readers of each language write them (CLDR, via Babel).

Babel knows where each language puts its currency sign, its thousands separator and its
decimal comma; the words around a number (``50 天``, ``50 days``) come from the message
catalog (``quantity.*``), so a handbook can change them like any other word.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from functools import cache

import babel
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from generator.model.types import currency_of


@cache
def locale_of(lang: str) -> babel.Locale:
    """The CLDR locale of a BCP 47 tag (``zh-Hant`` → ``zh_Hant``); English when CLDR lacks it."""
    try:
        return babel.Locale.parse(lang, sep="-")
    except (ValueError, babel.UnknownLocaleError):
        parts = lang.split("-")
        return locale_of(parts[0]) if len(parts) > 1 else babel.Locale("en")


def number(value: object) -> str:
    """A number as exports write it: ``120,000``, ``0.5``; other values as they are.

    A list of numbers (an example's values for ``mean``) reads ``40, 50, 60``.
    """
    if isinstance(value, list | tuple):
        return ", ".join(number(item) for item in value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def decimal(value: float, lang: str) -> str:
    """A number as readers of ``lang`` write it: ``120,000.5`` / ``120.000,5``."""
    return format_decimal(value, format="#,##0.######", locale=locale_of(lang))


def money(value: float, currency: str, lang: str) -> str:
    """``US$3,000,000`` (zh), ``3.000.000 $`` (de): cents only when there are any."""
    loc = locale_of(lang)
    pattern = loc.currency_formats["standard"].pattern
    if float(value).is_integer():
        pattern = pattern.replace(".00", "")
    return format_currency(value, currency, format=pattern, locale=loc, currency_digits=False)


def quantity(value: float | list[float], unit: str, lang: str, words: Mapping[str, str]) -> str:
    """``value`` in ``unit`` for a reader: ``120%``, ``3.0×``, ``US$3,000,000``, ``50 天``.

    ``words`` is the language's catalog: ``quantity.<unit>`` holds the pattern around
    ``{n}`` for counts, days and hours. A list (an example's values for ``mean``) reads
    ``40 days, 50 days, 60 days`` with the language's list separator.
    """
    if isinstance(value, list):
        return words.get("list_sep", ", ").join(quantity(item, unit, lang, words) for item in value)
    currency = currency_of(unit)
    if currency is not None:
        return money(value, currency, lang)
    if unit == "percent":
        loc = locale_of(lang)
        pattern = loc.percent_formats[None].pattern.replace("#,##0", "#,##0.##", 1)
        return format_percent(value / 100, format=pattern, locale=loc)
    if unit == "ratio":
        return format_decimal(value, format="#,##0.0#", locale=locale_of(lang)) + "×"
    pattern = words.get(f"quantity.{unit}", "{n}")
    return pattern.replace("{n}", decimal(value, lang))


def long_date(day: datetime.date, lang: str) -> str:
    """``December 1, 2026`` / ``2026年12月1日`` / ``1. Dezember 2026``."""
    return format_date(day, "long", locale=locale_of(lang))


def medium_date(day: datetime.date, lang: str) -> str:
    """``Dec 1, 2026`` / ``2026年12月1日`` / ``01.12.2026``."""
    return format_date(day, "medium", locale=locale_of(lang))


def unit_name(unit: str, lang: str, words: Mapping[str, str]) -> str:
    """What a unit is called: the catalog's word, or the currency's name (``US dollar (USD)``)."""
    currency = currency_of(unit)
    if currency is not None:
        loc = locale_of(lang)
        name = loc.currencies.get(currency, currency)
        return f"{name}{words.get('paren_open', ' (')}{currency}{words.get('paren_close', ')')}"
    return words.get(f"unit.{unit}", unit)
