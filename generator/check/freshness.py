"""The handbook stays true: every entry has someone who answers for it and is reviewed in time."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.registry import Context, Finding, check
from generator.diagnostics import suggest
from generator.model.types import SLUG_RE, where
from generator.review.codeowners import is_owner
from generator.review.guides import base_pages, read_page
from generator.review.items import OVERDUE


@check("review-overdue", "warning")
def review_not_overdue(ctx: Context) -> Iterator[Finding]:
    """An entry or guide is reviewed again before its next review date passes.

    Passes: ``last_reviewed: 2026-10-01`` with ``review_every: 6m`` on 2026-11-30.
    Fails: ``last_reviewed: 2026-01-15`` with ``review_every: 90d`` on 2026-11-30
    (due on 2026-04-15).
    """
    for item in ctx.reviewed:
        if item.status(ctx.today) == OVERDUE:
            owner = f" (owner: {item.owner})" if item.owner else ""
            yield Finding(
                item.location,
                f"{item.kind} '{item.ident}' was due for review on {item.next_review}{owner}",
                "check the text is still right, then set 'last_reviewed' to the day you did",
            )


@check("no-owner", "warning")
def has_owner(ctx: Context) -> Iterator[Finding]:
    """With ``require_owner: true`` in the handbook, every entry and guide names an owner.

    Passes: ``review: {owner: sales-manager}`` on the entry, its file or the handbook.
    Fails: ``require_owner: true`` and a stage whose entry, file and handbook name no owner.
    """
    info = ctx.handbook.info
    if not (info and info.require_owner):
        return
    for item in ctx.reviewed:
        if not item.owner:
            yield Finding(
                item.location,
                f"{item.kind} '{item.ident}' has no owner",
                "add 'owner:' to its 'review:' block, to its file's 'review:' or to the handbook's",
            )


@check("page-review")
def page_review_readable(ctx: Context) -> Iterator[Finding]:
    """The ``review:`` and ``acknowledge:`` front matter of a hand-written page is well formed.

    Passes: ``review: {owner: sales-manager, last_reviewed: 2026-10-01, review_every: 6m}``.
    Fails: ``review: {last_reviewed: soon}`` (not a date) or ``review_every: 3 months``.
    """
    for page in base_pages(ctx.handbook.root):
        for problem in read_page(ctx.handbook.root, page).problems:
            yield Finding(problem.location, problem.message, problem.hint)


@check("unknown-owner", "warning")
def owner_is_known(ctx: Context) -> Iterator[Finding]:
    """An owner written like a role id is one: a misspelt role would leave the entry unowned.

    Passes: ``owner: sales-manager`` (a role), ``owner: "@ana"``, ``owner: ana@example.com``, ``owner: Li Wei``.
    Fails: ``owner: sales-manger`` (no such role).
    """
    roles = [role.id for role in ctx.handbook.roles]
    for item in ctx.reviewed:
        owner = item.owner
        if owner and SLUG_RE.match(owner) and owner not in roles:
            yield Finding(
                item.location,
                f"owner '{owner}' of {item.kind} '{item.ident}' is not a role",
                suggest(owner, roles) or "use a role id, or write a person as @handle or an email",
            )


@check("role-handle")
def role_handle_is_a_handle(ctx: Context) -> Iterator[Finding]:
    """A role's ``handle`` is what CODEOWNERS accepts: ``@user``, ``@org/team`` or an email.

    Passes: ``handle: "@acme/sales-managers"``.
    Fails: ``handle: acme/sales-managers`` (no @) or ``handle: "@acme/"``.
    """
    for role in ctx.handbook.roles:
        if role.handle is not None and not is_owner(role.handle):
            yield Finding(
                where(role, "handle"),
                f"handle '{role.handle}' of role '{role.id}' is not a GitHub handle",
                'write it as "@user" or "@org/team" (in quotes), or an email address',
            )
