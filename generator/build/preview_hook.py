"""Search in the preview: after each build ``mkdocs serve`` makes, Pagefind indexes the
language again, in the background.

``handbook serve`` names this hook in the preview's configuration (see
:func:`generator.build.serve.preview_config`). The browser reloads as soon as MkDocs has
built the pages; the index follows a moment later (about 3 s of CPU for 741 pages), so an
edit never waits for it. A build that starts while the previous index is still being
made stops that indexing first: only the newest pages are indexed.

MkDocs calls hooks as plain module functions, so the one indexing process running is
kept at module level.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path
from typing import Any

from generator.build.search import index_command

_log = logging.getLogger("mkdocs.hooks.handbook")
_indexing: list[subprocess.Popen[bytes]] = []  # the one running, if any


def on_post_build(config: Any, **_: Any) -> None:
    command = index_command(Path(config["site_dir"]))
    if command is None:
        _log.warning("Pagefind is not installed: the preview has no search (pip install -e .)")
        return
    _stop()
    _indexing.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))


def on_shutdown(**_: Any) -> None:
    _stop()


def _stop() -> None:
    while _indexing:
        running = _indexing.pop()
        if running.poll() is None:
            running.terminate()
            running.wait()
