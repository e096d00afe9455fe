"""The plan as Markdown: a heading per milestone and a task list (``- [ ]``) of its items.

Author text and the hire's name go through the same escaping as every handbook page
(:func:`generator.presentation.escape.md`): the file may be pasted into a wiki or an issue,
where raw HTML or a stray link would be live.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.export.assignment import Plan, PlanItem, PlanMilestone
from generator.presentation.escape import md as _md_attribute_safe


def md(value: str) -> Markup:
    """``value`` as inert Markdown text, with quotes left readable.

    :func:`~generator.presentation.escape.md` also escapes quotes so that its result is safe
    inside an HTML attribute; this file puts text in no attribute, and ``<`` and ``>``
    stay escaped, so a quote cannot open anything.
    """
    return Markup(str(_md_attribute_safe(value)).replace("&#x27;", "'").replace("&quot;", '"'))


def to_markdown(plan: Plan) -> str:
    """The whole plan as one Markdown document."""
    colon, space = plan.word("colon"), plan.word("after_colon")

    def field(key: str, value: str) -> str:
        return f"**{md(plan.word(key))}{colon}**{space}{md(value)}"

    lines = [
        f"# {md(plan.word('assignment.title'))}{colon}{space}{md(plan.hire)}",
        "",
        " · ".join(
            (
                field("field.path", plan.title),
                field("field.role", plan.role),
                *([field("field.mentor", plan.mentor)] if plan.mentor else []),
                field("assignment.start", plan.date(plan.start)),
            )
        ),
        "",
        md(plan.summary),
    ]
    for milestone in plan.milestones:
        lines += ["", *_milestone(plan, milestone)]
    return "\n".join(lines) + "\n"


def _milestone(plan: Plan, milestone: PlanMilestone) -> list[str]:
    heading = f"## {md(milestone.title)} — {md(milestone.when(plan.lang))}"
    return [heading, "", md(milestone.goal), "", *(_task(plan, item) for item in milestone.items)]


def _task(plan: Plan, item: PlanItem) -> str:
    """One unticked task: title, due date and day, kind, owner, link, prerequisites."""
    colon = plan.word("colon") + plan.word("after_colon")
    opening, closing = plan.word("paren_open"), plan.word("paren_close")
    parts = [
        f"**{md(item.title)}**",
        f"{md(plan.word('assignment.due'))}{colon}{plan.date(item.due)}{opening}{md(item.day_label)}{closing}",
        md(item.kind_label),
        f"{md(plan.word('field.owner'))}{colon}{md(item.owner)}",
    ]
    if item.url:
        # The URL is percent-encoded already (see presentation.links.page_url): it cannot end the link.
        parts.append(f"[{md(item.target_title or item.url)}]({item.url})")
    if item.prerequisites:
        after = plan.word("list_sep").join(
            f"{md(p.title)}{opening}{plan.date(p.due)}{closing}" for p in item.prerequisites
        )
        parts.append(f"{md(plan.word('field.prerequisites'))}{colon}{after}")
    return "- [ ] " + " · ".join(parts)
