"""Preview: regenerate the Markdown when a definition, a template or a hand-written page
changes, and let ``mkdocs serve`` reload the browser when the Markdown changes.

Regeneration writes only the files whose content changed, so MkDocs rebuilds once per
edit, never in a loop. While the definitions have errors the last good pages stay up and
the problems are printed.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.build.site import mkdocs_env
from generator.render.mkdocs_config import config_path

TEMPLATES = Path(__file__).resolve().parent.parent / "render" / "templates"
DEBOUNCE_SECONDS = 0.3


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
        str(config_path(root, language)),
        "-a",
        address,
        "--livereload",
        # Rebuild only the pages whose Markdown changed: seconds, not minutes, on a large handbook.
        "--dirty",
    ]
    try:
        return subprocess.call(command, env=mkdocs_env(), cwd=root)
    except KeyboardInterrupt:
        return 0
    finally:
        observer.stop()
        observer.join(timeout=2)
