"""Every text is written in every handbook language: no silent fallback."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.registry import Context, Finding, check
from generator.model.types import LANGUAGES
from generator.model.walk import texts

NAMES = {"en": "English", "zh": "Chinese"}


@check("missing-translation")
def translations_complete(ctx: Context) -> Iterator[Finding]:
    """Every text has a non-empty value for each of the handbook's languages.

    Passes: ``name: {en: Sales manager, zh: 销售经理}``.
    Fails: ``name: {en: Sales manager}`` (no ``zh``), or ``zh: ""``.
    """
    info = ctx.handbook.info
    languages = [lang for lang in (info.languages if info else LANGUAGES) if lang in LANGUAGES]
    for entity in ctx.entities:
        ident = getattr(entity, "id", "")
        owner = f" of '{ident}'" if ident else ""
        for name, text in texts(entity):
            if not text.loc.file:
                continue  # a stand-in for a missing field, reported already
            for lang in languages:
                value = text.get(lang)
                if not value.strip():
                    yield Finding(
                        text.loc,
                        f"'{name}'{owner} has no {NAMES[lang]} text",
                        f"add '{lang}: …' under '{name}'",
                    )
