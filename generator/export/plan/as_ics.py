"""The plan as an RFC 5545 iCalendar file: one all-day event per item.

Written by hand, not with a library: the subset is small (text escaping, 75-octet line
folding, CRLF), and the generator has no runtime dependency for it. Each event's UID is
derived from the path, the item, the hire and the start date, so importing the plan
again updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime
import hashlib
import re

from generator.export.assignment import Plan, PlanItem, PlanMilestone

PRODID = "-//Sales Handbook//handbook assign//EN"
UID_DOMAIN = "sales-handbook"
LINE_OCTETS = 75
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def to_ics(plan: Plan) -> str:
    """A VCALENDAR of ``plan``: lines folded, CRLF line endings, ending in CRLF."""
    name = f"{plan.word('assignment.title')}{plan.word('colon')} {plan.hire} — {plan.title}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    stamp = plan.created.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    for milestone, item in plan.items():
        lines += _event(plan, milestone, item, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _event(plan: Plan, milestone: PlanMilestone, item: PlanItem, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid(plan, item.id)}",
        f"DTSTAMP:{stamp}",
        # An item spanning days (a bootcamp) is one event from its first day to its last.
        f"DTSTART;VALUE=DATE:{item.start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{item.due + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(item.title)}",
        f"DESCRIPTION:{escape_text(description(plan, milestone, item))}",
    ]
    if plan.absolute_urls and item.url:
        lines.append(f"URL:{item.url}")
    # A task on a day, not an appointment: it does not make the hire look busy.
    lines += [f"CATEGORIES:{escape_text(item.kind)}", "TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


def description(plan: Plan, milestone: PlanMilestone, item: PlanItem) -> str:
    """What the event's notes say: hire, milestone, kind, owner, link and prerequisites.

    The hire is named so that a mentor can import several hires' plans into one calendar.
    """
    colon = plan.word("colon")
    lines = [
        f"{plan.word('assignment.hire')}{colon} {plan.hire}",
        f"{plan.word('field.milestone')}{colon} {milestone.title} ({milestone.when(plan.lang)})",
        f"{plan.word('field.type')}{colon} {item.kind_label}",
        f"{plan.word('field.owner')}{colon} {item.owner}",
    ]
    if item.url:
        lines.append(f"{plan.word('assignment.link')}{colon} {item.target_title} {item.url}")
    if item.prerequisites:
        after = "; ".join(f"{p.title} ({p.due})" for p in item.prerequisites)
        lines.append(f"{plan.word('field.prerequisites')}{colon} {after}")
    return "\n".join(lines)


def uid(plan: Plan, item_id: str) -> str:
    """A UID that is the same on every run for the same path, item, hire and start date."""
    key = "\x1f".join((plan.path_id, item_id, plan.hire, plan.start.isoformat()))
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}@{UID_DOMAIN}"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, newline escaped.

    Other control characters are dropped: no value can start a property of its own.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    return _CONTROL.sub("", escaped)


def fold(line: str) -> str:
    """``line`` folded (RFC 5545 §3.1): at most 75 octets per line, never inside a character.

    A continuation line starts with a space, which counts towards its 75 octets.
    """
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts)
