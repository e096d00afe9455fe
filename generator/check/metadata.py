"""The handbook metadata is usable: a semantic version and a sensible language setup."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.check.registry import Context, Finding, check
from generator.model.handbook import FORMAT
from generator.model.types import where

SEMVER_RE = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$")


@check("version-format")
def version_is_semantic(ctx: Context) -> Iterator[Finding]:
    """The process version is a semantic version ``MAJOR.MINOR.PATCH``.

    Passes: ``version: "1.2.0"``.
    Fails: ``version: "v1"`` or ``version: "1.2"``.
    """
    info = ctx.handbook.info
    if info and info.version and not SEMVER_RE.match(info.version):
        yield Finding(
            where(info, "version"),
            f"version '{info.version}' is not a semantic version",
            'write it as MAJOR.MINOR.PATCH in quotes, e.g. "1.2.0"',
        )


@check("format-version")
def format_is_known(ctx: Context) -> Iterator[Finding]:
    """``format`` is a file format this tool reads: 1 (the default) or 2.

    Passes: no ``format`` (format 1), or ``format: 2``.
    Fails: ``format: 3`` (written for a newer tool), ``format: 0``.
    """
    info = ctx.handbook.info
    if info and not 1 <= info.format <= FORMAT:
        newer = info.format > FORMAT
        yield Finding(
            where(info, "format"),
            f"format {info.format} is {'newer than this tool reads' if newer else 'not a format'}",
            "update the handbook tool (pip install -U sales-handbook)"
            if newer
            else f"write 'format: {FORMAT}'",
        )


@check("default-language")
def default_language_listed(ctx: Context) -> Iterator[Finding]:
    """The default language is one of ``languages``, and no language is listed twice.

    Passes: ``languages: [en, zh]``, ``default_language: en``.
    Fails: ``languages: [zh]`` with ``default_language: en``.
    """
    info = ctx.handbook.info
    if not info:
        return
    if info.default_language not in info.languages:
        yield Finding(
            where(info, "default_language"),
            f"default language '{info.default_language}' is not in languages",
            f"add it to 'languages' or choose one of {', '.join(info.languages)}",
        )
    if len(set(info.languages)) != len(info.languages):
        yield Finding(where(info, "languages"), "a language is listed twice", "list each once")


LRS_ENDPOINT_RE = re.compile(r"^https?://[^\s/?#]+(/[^\s?#]*)?/$")


@check("lrs-endpoint")
def lrs_endpoint_is_a_url(ctx: Context) -> Iterator[Finding]:
    """A learning record store's endpoint is an http(s) URL ending in ``/``, where the browser
    adds ``statements``.

    Passes: ``lrs: {endpoint: "https://lrs.example.com/xAPI/"}``.
    Fails: ``lrs: {endpoint: "lrs.example.com/xAPI"}``.
    """
    lrs = ctx.handbook.info.lrs if ctx.handbook.info else None
    if lrs and not LRS_ENDPOINT_RE.match(lrs.endpoint):
        yield Finding(
            where(lrs, "endpoint"),
            f"LRS endpoint '{lrs.endpoint}' is not an http(s) URL ending in /",
            "write the LRS's xAPI endpoint in full, e.g. https://lrs.example.com/xAPI/",
        )
