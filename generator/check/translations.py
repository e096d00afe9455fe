"""Every text is written in every handbook language: no silent fallback."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import babel

from generator.check.registry import Context, Finding, check
from generator.model.types import LANGUAGES
from generator.model.walk import texts


@cache
def language_name(lang: str) -> str:
    """``zh-Hant`` → "Chinese (Traditional)": the language's English name (CLDR), else its tag."""
    try:
        return babel.Locale.parse(lang, sep="-").get_display_name("en") or lang
    except (ValueError, babel.UnknownLocaleError):
        return lang


@check("missing-translation")
def translations_complete(ctx: Context) -> Iterator[Finding]:
    """Every text has a non-empty value for each of the handbook's languages.

    Passes: ``name: {en: Sales manager, zh: 销售经理}`` in a handbook in en and zh.
    Fails: ``name: {en: Sales manager}`` (no ``zh``), or ``zh: ""``.
    """
    info = ctx.handbook.info
    languages = list(info.languages) if info else list(LANGUAGES)
    for entity in ctx.entities:
        ident = getattr(entity, "id", "")
        owner = f" of '{ident}'" if ident else ""
        for name, text in texts(entity):
            if not text.loc.file:
                continue  # a stand-in for a missing field, reported already
            for lang in languages:
                if not text.get(lang).strip():
                    yield Finding(
                        text.loc,
                        f"'{name}'{owner} has no {language_name(lang)} text",
                        f"add '{lang}: …' under '{name}'",
                    )
