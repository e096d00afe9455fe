"""How long an editor waits to see an edit: ``handbook serve`` running, the page that shows a
script open in Chromium, the script's text changed in its YAML file and saved, and the
clock stopped when the new text is on the page (live reload brings it).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

try:
    from benchmarks import synth
    from benchmarks.reader import CHROMIUM
except ModuleNotFoundError:  # run as a script
    import synth  # type: ignore[no-redef]
    from reader import CHROMIUM  # type: ignore[no-redef]

START_SECONDS = 900  # serve builds the whole language first: minutes on a large handbook
SHOW_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(handbook: list[str], root: Path, port: int) -> Iterator[subprocess.Popen[bytes]]:
    """``handbook serve`` in its own process group, stopped (as Ctrl-C would) at the end."""
    command = [*handbook, "serve", "--root", str(root), "-a", f"127.0.0.1:{port}"]
    log = (root / "serve.log").open("wb")
    child = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield child
    finally:
        os.killpg(child.pid, signal.SIGINT)
        try:
            child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        log.close()


def wait_until_served(url: str, child: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise SystemExit(f"error: handbook serve exited {child.returncode} before serving {url}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"error: handbook serve did not serve {url} within {seconds:.0f} s")


def script_to_edit(root: Path) -> tuple[Path, dict[str, object], str]:
    """The script the benchmark edits (the middle file's first), its data, and its page."""
    files = sorted((root / "process" / "scripts").glob("*.yaml"))
    path = files[len(files) // 2]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    script_id = data["scripts"][0]["id"]
    docs = root / ".handbook" / "docs" / "en"
    pages = [p for p in docs.rglob("*.md") if f'data-script="{script_id}"' in p.read_text(encoding="utf-8")]
    page = min(pages, key=lambda p: p.stat().st_size)  # its stage's script page, not the index
    rel = page.relative_to(docs).with_suffix("").as_posix()
    url_path = "" if rel == "index" else rel.removesuffix("/index") + "/"
    return path, data, url_path


def latency(handbook: list[str], root: Path) -> float:
    """Seconds from saving a script's new text to seeing it in the browser."""
    from playwright.sync_api import sync_playwright

    path, data, url_path = script_to_edit(root)
    original = path.read_text(encoding="utf-8")
    rel = path.relative_to(root).as_posix()
    script = data["scripts"][0]  # type: ignore[index]
    marker = f"preview check {time.time_ns() % 100000}"
    script["do"] = {"en": f"{script['do']['en']} ({marker})", "zh": f"{script['do']['zh']}（{marker}）"}
    port = free_port()
    url = f"http://127.0.0.1:{port}/{url_path}"
    with serving(handbook, root, port) as child, sync_playwright() as p:
        wait_until_served(url, child, START_SECONDS)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(url, wait_until="load")
            time.sleep(1.0)  # the live-reload connection opens after the page loads
            saved = time.perf_counter()
            path.write_text(synth.yaml_text(rel, "scripts", data), encoding="utf-8")
            # The script may sit in a closed tab: present in the page is what counts.
            page.get_by_text(marker).first.wait_for(state="attached", timeout=SHOW_SECONDS * 1000)
            return time.perf_counter() - saved
        finally:
            path.write_text(original, encoding="utf-8")
            browser.close()
