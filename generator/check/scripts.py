"""Talk tracks use the handbook's channels, and their placeholders are declared and used."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.check.registry import Context, Finding, check
from generator.diagnostics import suggest
from generator.model.types import where

PLACEHOLDER_RE = re.compile(r"\{([^{}\s]*)\}")


def placeholders_in(text: str) -> list[str]:
    """The ``{name}`` placeholders a script text uses, in order."""
    return PLACEHOLDER_RE.findall(text)


@check("undeclared-placeholder")
def placeholders_declared(ctx: Context) -> Iterator[Finding]:
    """Every ``{name}`` in a script's text is listed in its ``placeholders``.

    Passes: text "Hello {customer_name}" with ``placeholders: [customer_name]``.
    Fails: the same text with ``placeholders: []``.
    """
    for script in ctx.handbook.scripts:
        declared = set(script.placeholders)
        for lang, text in script.text.values():
            for name in dict.fromkeys(placeholders_in(text or "")):
                if name not in declared:
                    yield Finding(
                        script.text.loc if script.text.loc.file else script.loc,
                        f"script '{script.id}' ({lang}) uses {{{name}}} but does not declare it",
                        f"add '{name}' to 'placeholders'",
                    )


@check("unused-placeholder")
def placeholders_used(ctx: Context) -> Iterator[Finding]:
    """Every declared placeholder appears in the script's text in every language.

    Passes: ``placeholders: [product]`` and both texts mention ``{product}``.
    Fails: the Chinese text leaves ``{product}`` out.
    """
    for script in ctx.handbook.scripts:
        for i, name in enumerate(script.placeholders):
            for lang, text in script.text.values():
                if text is not None and name not in placeholders_in(text):
                    yield Finding(
                        where(script, "placeholders", i),
                        f"script '{script.id}' declares {{{name}}} but its {lang} text does not use it",
                        f"use {{{name}}} in the text or remove it",
                    )


@check("unknown-channel")
def channels_known(ctx: Context) -> Iterator[Finding]:
    """A script's ``channel`` is one of the handbook's ``channels`` (the default six without a list).

    Passes: ``channel: video-call`` with ``channels: [{id: video-call, …}]``; ``channel: phone``
    in a handbook that lists no channels.
    Fails: ``channel: fax`` when no channel has that id.
    """
    known = ctx.handbook.channel_ids()
    for script in ctx.handbook.scripts:
        if script.channel and script.channel not in known:
            yield Finding(
                where(script, "channel"),
                f"script '{script.id}' uses channel '{script.channel}', which the handbook does not list",
                suggest(script.channel, known)
                or (
                    f"use one of: {', '.join(known)}, or add it under 'channels:'"
                    if known
                    else "list the handbook's channels under 'channels:' (handbook upgrade writes them)"
                ),
            )
