"""The handbook names itself with a stable ``id``, so renaming it keeps readers' progress."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.registry import Context, Finding, check
from generator.model.types import title_slug


@check("handbook-id", level="warning")
def handbook_has_id(ctx: Context) -> Iterator[Finding]:
    """``handbook.yaml`` gives the handbook an ``id``: browser progress, progress links and
    exports are kept under it. Without one, they are kept under the title, and a new title
    would start every reader afresh.

    Passes: ``handbook: {id: acme-sales, title: …}``.
    Fails: no ``id`` (a warning; the hint names the id that keeps today's progress).
    """
    info = ctx.handbook.info
    if info is None or info.id:
        return
    yield Finding(
        info.loc,
        "the handbook has no 'id': readers' progress is kept under its title, and renaming it would lose it",
        f"add 'id: {title_slug(info.title)}' under 'handbook:' (this id keeps every reader's progress)",
    )
