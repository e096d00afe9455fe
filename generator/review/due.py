"""``handbook review-due``: what is overdue or due soon, grouped by owner, ready to send round.

Three formats: Markdown (a message or an issue body), JSON (for scripts) and CSV (for a
spreadsheet). Every line names the file and line where the entry is defined, so the owner
can open it, check the text and set ``last_reviewed``.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from dataclasses import dataclass

from generator.model.handbook import Handbook
from generator.review.items import DUE_SOON, OVERDUE, Reviewed, all_items

NO_OWNER = "(no owner)"
FORMATS = ("md", "json", "csv")


@dataclass(frozen=True)
class DueReport:
    """The entries that need a review, by owner (owners sorted, overdue entries first)."""

    today: datetime.date
    within: str
    lang: str
    by_owner: dict[str, list[tuple[str, Reviewed]]]  # owner → (status, entry)

    @property
    def counts(self) -> dict[str, int]:
        statuses = [status for items in self.by_owner.values() for status, _ in items]
        return {OVERDUE: statuses.count(OVERDUE), DUE_SOON: statuses.count(DUE_SOON)}


def due_report(handbook: Handbook, today: datetime.date, within: str = "30d") -> DueReport:
    """Every entry and guide that is overdue or due within ``within`` of ``today``."""
    info = handbook.info
    lang = info.default_language if info else "en"
    by_owner: dict[str, list[tuple[str, Reviewed]]] = {}
    for item in all_items(handbook):
        status = item.status(today, within)
        if status in (OVERDUE, DUE_SOON):
            by_owner.setdefault(item.owner or NO_OWNER, []).append((status, item))
    ordered = {
        owner: sorted(items, key=lambda pair: (pair[0] != OVERDUE, pair[1].next_review, pair[1].key))
        for owner, items in sorted(by_owner.items(), key=lambda kv: (kv[0] == NO_OWNER, kv[0].lower()))
    }
    return DueReport(today, within, lang, ordered)


def _row(report: DueReport, owner: str, status: str, item: Reviewed) -> dict[str, str | int]:
    return {
        "owner": owner,
        "status": status,
        "kind": item.kind,
        "id": item.ident,
        "title": item.title.get(report.lang),
        "file": item.location.file,
        "line": item.location.line,
        "last_reviewed": item.last_reviewed.isoformat() if item.last_reviewed else "",
        "review_every": item.review_every or "",
        "next_review": item.next_review.isoformat() if item.next_review else "",
    }


def as_json(report: DueReport) -> str:
    owners = [
        {"owner": owner, "items": [_row(report, owner, s, item) for s, item in items]}
        for owner, items in report.by_owner.items()
    ]
    data = {
        "today": report.today.isoformat(),
        "within": report.within,
        "counts": report.counts,
        "owners": owners,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FIELDS = (
    "owner",
    "status",
    "kind",
    "id",
    "title",
    "file",
    "line",
    "last_reviewed",
    "review_every",
    "next_review",
)


def as_csv(report: DueReport) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_row(report, o, s, item) for o, items in report.by_owner.items() for s, item in items)
    return out.getvalue()


def as_markdown(report: DueReport) -> str:
    counts = report.counts
    lines = [
        f"# Review due on {report.today.isoformat()}",
        "",
        f"{counts[OVERDUE]} overdue, {counts[DUE_SOON]} due within {report.within}.",
    ]
    if not report.by_owner:
        lines += ["", "Nothing is overdue or due soon."]
    for owner, items in report.by_owner.items():
        lines += ["", f"## {owner}", ""]
        for status, item in items:
            label = "**overdue**" if status == OVERDUE else "due soon"
            title = item.title.get(report.lang).replace("\n", " ")
            lines.append(
                f"- {label}: {item.kind} `{item.ident}` ({title}), next review {item.next_review}, "
                f"last {item.last_reviewed}, every {item.review_every}: `{item.location.file}:{item.location.line}`"
            )
    return "\n".join(lines) + "\n"


def render_report(report: DueReport, fmt: str) -> str:
    return {"md": as_markdown, "json": as_json, "csv": as_csv}[fmt](report)
