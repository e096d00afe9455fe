"""A handbook made with ``handbook init`` no longer ships the starter's example texts."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.registry import Context, Finding, check
from generator.model.location import Location
from generator.model.walk import texts
from generator.starter import fingerprint, normalised, starter_fingerprints, starter_texts


@check("starter-text", level="warning")
def starter_texts_replaced(ctx: Context) -> Iterator[Finding]:
    """No definition file or guide still holds a text of the starter, unchanged.

    Passes: a stage goal the company wrote itself.
    Fails: the starter's "Know within two working days whether a lead is worth a
    proposal." left in ``process/stages/1-qualify.yaml`` (one warning per file, at its
    first such text), or a guide that is still the starter's.
    """
    known = starter_texts()  # distinctive ones only: a short text is in it by no chance
    first: dict[str, Location] = {}
    counts: dict[str, int] = {}
    for entity in ctx.entities:
        for _, text in texts(entity):
            if not text.loc.file:
                continue
            for _, value in text.values():
                if normalised(value) in known:
                    first.setdefault(text.loc.file, text.loc)
                    counts[text.loc.file] = counts.get(text.loc.file, 0) + 1
    for file, location in sorted(first.items()):
        yield Finding(
            location,
            f"{counts[file]} text(s) in {file} are still the starter's examples",
            "replace them with your own process (the starter only shows the format)",
        )
    docs = ctx.handbook.root / "docs"
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        try:
            content = page.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if fingerprint(content) in starter_fingerprints():
            yield Finding(
                Location(page.relative_to(ctx.handbook.root).as_posix(), 1, 1),
                "this guide is still the starter's, unchanged",
                "write your own guide for your readers",
            )
