"""Preview: regenerate the Markdown when a definition, a template or a hand-written page
changes, and let ``mkdocs serve`` reload the browser when the Markdown changes.

Regeneration writes only the files whose content changed, so MkDocs rebuilds once per
edit, never in a loop. While the definitions have errors the last good pages stay up and
the problems are printed.
"""

from __future__ import annotations

import errno
import socket
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import yaml
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.build import children
from generator.build.site import mkdocs_env
from generator.presentation.environment import TEMPLATES
from generator.render.mkdocs_config import HEADER
from generator.render.writer import OUTPUT, config_path, write_if_changed

DEBOUNCE_SECONDS = 0.3
PREVIEW_HOOK = Path(__file__).resolve().parent / "preview_hook.py"


class _Regenerate(FileSystemEventHandler):
    def __init__(self, regenerate: Callable[[], None]) -> None:
        self._regenerate = regenerate
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        # Editors often save by writing a temporary file and moving it over the old one.
        path = str(getattr(event, "dest_path", "") or event.src_path)
        # Only changes count: reading the files (as each regeneration does) raises
        # "opened"/"closed" events too, which would regenerate in a loop.
        if event.event_type not in ("modified", "created", "deleted", "moved"):
            return
        if event.is_directory or not path.endswith((".yaml", ".j2", ".md", ".css", ".js")):
            return
        with self._lock:  # an editor's save is several events: act once they settle
            if self._timer:
                self._timer.cancel()
            self._timer = threading.Timer(DEBOUNCE_SECONDS, self._regenerate)
            self._timer.daemon = True
            self._timer.start()


class AddressTaken(Exception):
    """The address to serve on cannot be used; the message says what to do."""


def claim_address(address: str) -> str:
    """Check that ``host:port`` is free to serve on, before anything is built."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise AddressTaken(f"'{address}' is not an address to serve on: give HOST:PORT, e.g. 127.0.0.1:8808")
    try:
        with socket.create_server((host.strip("[]"), int(port))):
            pass  # free: MkDocs will take it in a moment
    except OSError as exc:
        what = (
            "is in use by another program"
            if exc.errno == errno.EADDRINUSE
            else f"cannot be used ({exc.strerror})"
        )
        raise AddressTaken(
            f"address {address} {what}: stop that program, or serve on another port with -a {host}:PORT"
        ) from None
    return address


def preview_config(root: Path, language: str) -> Path:
    """The configuration ``mkdocs serve`` runs: the language's own, with search added (the
    preview hook indexes the pages after each build), and without the language switcher:
    the preview serves one language, so the others' pages (and the sitemaps the theme
    fetches for them) are not there."""
    path = root / OUTPUT / f"mkdocs.{language}.preview.yml"
    config = {
        "INHERIT": config_path(root, language).name,
        "hooks": [str(PREVIEW_HOOK)],
        "extra": {"alternate": []},
    }
    text = HEADER + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=4096)
    write_if_changed(path, text.encode("utf-8"))
    return path


def serve(root: Path, language: str, address: str, regenerate: Callable[[], None]) -> int:
    """Watch the sources, regenerate on change, and run ``mkdocs serve`` until interrupted."""
    observer = Observer()
    handler = _Regenerate(regenerate)
    for folder in (root / "process", root / "quizzes", root / "docs", TEMPLATES):
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True)
    observer.start()
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-f",
        str(preview_config(root, language)),
        # The language's configuration changes when pages come or go: rebuild then too.
        "-w",
        str(config_path(root, language)),
        "-a",
        address,
        "--livereload",
        # Rebuild only the pages whose Markdown changed: seconds, not minutes, on a large handbook.
        "--dirty",
    ]
    try:
        # SIGTERM reaches us as an interruption too (see the command line): MkDocs is
        # stopped with its group and the port is free when we exit.
        with children.supervised(children.start(command, cwd=root, env=mkdocs_env(), stdout=None)) as mkdocs:
            return mkdocs.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        observer.stop()
        observer.join(timeout=2)
