"""Take screenshots of the built handbook in headless Chromium, to look at them.

    python tests/tools/screenshots.py [--site site] [--out screenshots] [--dark]

Serves ``site/`` on a free localhost port and saves full-page PNGs of the home, a stage,
a KPI and a role page (and a few more) in each language.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = {
    "home": "",
    "stage": "stages/customer-communication/",
    "kpi": "kpis/cost-rate/",
    "role": "roles/sales-representative/",
    "path": "onboarding/sales-representative/",
    "scripts": "scripts/customer-communication/",
    "quiz": "quizzes/kpi-formulas/",
}
LANGUAGES = {"en": "", "zh": "zh/"}


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--dark", action="store_true", help="use the dark colour scheme")
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server = serve(args.site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(
            viewport={"width": args.width, "height": 900}, color_scheme="dark" if args.dark else "light"
        )
        for lang, prefix in LANGUAGES.items():
            for name, path in PAGES.items():
                page.goto(base + prefix + path)
                page.wait_for_load_state("networkidle")
                target = args.out / f"{lang}-{name}{'-dark' if args.dark else ''}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
