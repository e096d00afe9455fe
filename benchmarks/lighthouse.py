"""Lighthouse's mobile scores of a built handbook: home, a stage, a KPI, an onboarding path
and a quiz, in every language, served from a local folder.

    npm ci --prefix tests/js                   # installs lighthouse (tests/js/package.json)
    python benchmarks/lighthouse.py SITE_DIR   # a site built by `handbook build`

Lighthouse drives Debian's Chromium (``CHROME_PATH``), with its default mobile settings
(a mid-range phone, throttled network and CPU). The site is served gzipped, as web servers
in production serve text (Python's ``http.server``, for a preview, does not compress). Prints one line per page:
performance, accessibility, best practices, SEO, and the page's layout shift.
Exit codes: 0 every page meets the targets; 1 one does not; 2 Lighthouse is missing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    from benchmarks.reader import CHROMIUM, served
except ModuleNotFoundError:  # run as a script
    from reader import CHROMIUM, served  # type: ignore[no-redef]

LIGHTHOUSE = Path(__file__).resolve().parent.parent / "tests" / "js" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
KINDS = ("home", "stage", "kpi", "path", "quiz")


# Each kind of page: its folder, and a mark of its HTML (the folder holds index pages too).
KIND_PAGES = {
    "stage": ("stages", 'id="stage"'),
    "kpi": ("kpis", 'class="kpi-calculator'),
    "path": ("onboarding", 'class="timeline"'),
    "quiz": ("quizzes", 'class="quiz"'),
}


def sample_pages(language_root: Path) -> dict[str, str]:
    """One page of each kind, as a path below the language's root: the first in its folder."""
    pages = {"home": ""}
    for kind, (folder, mark) in KIND_PAGES.items():
        for page in sorted((language_root / folder).glob("*/index.html")):
            if mark in page.read_text(encoding="utf-8"):
                pages[kind] = page.parent.relative_to(language_root).as_posix() + "/"
                break
    return pages


def audit(url: str, scratch: Path) -> dict[str, int]:
    """Lighthouse's scores (0–100) of one page, and its cumulative layout shift (× 1000)."""
    report = scratch / "report.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if done.returncode != 0 or not report.is_file():
        raise SystemExit(f"error: lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round((data["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    shift = data["audits"].get("cumulative-layout-shift", {}).get("numericValue", 0.0)
    scores["cls_milli"] = round(shift * 1000)
    return scores


def audit_site(site: Path, folders: dict[str, str], scratch: Path) -> dict[str, dict[str, int]]:
    """Scores of each sample page of each language, keyed ``<lang> <kind>``."""
    if not LIGHTHOUSE.is_file():
        raise SystemExit(f"error: {LIGHTHOUSE} is missing: run npm ci --prefix tests/js")
    results: dict[str, dict[str, int]] = {}
    with served(site, compress=True) as base:
        for lang, folder in folders.items():
            for kind, path in sample_pages(site / folder).items():
                results[f"{lang} {kind}"] = audit(f"{base}{folder}{path}", scratch)
    return results


def meets_targets(scores: dict[str, int]) -> bool:
    return all(scores[name] >= target for name, target in TARGETS.items())


def render(results: dict[str, dict[str, int]]) -> list[str]:
    lines = [
        "| page | performance | accessibility | best practices | SEO | layout shift |",
        "|---|---|---|---|---|---|",
    ]
    for page, s in results.items():
        lines.append(
            f"| {page} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} "
            f"| {s['cls_milli'] / 1000:.3f} |"
        )
    return lines


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not (Path(argv[0]) / "index.html").is_file():
        print("usage: python benchmarks/lighthouse.py SITE_DIR (a built site)", file=sys.stderr)
        return 2
    if not LIGHTHOUSE.is_file():
        print(f"error: {LIGHTHOUSE} is missing: run npm ci --prefix tests/js", file=sys.stderr)
        return 2
    site = Path(argv[0])
    folders = {"en": ""} | {p.parent.name: f"{p.parent.name}/" for p in sorted(site.glob("*/sitemap.xml"))}
    with tempfile.TemporaryDirectory(prefix="handbook-lighthouse-") as scratch:
        results = audit_site(site, folders, Path(scratch))
    print("\n".join(render(results)))
    return 0 if all(meets_targets(s) for s in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
