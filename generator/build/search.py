"""The search index of one language's built site, made by Pagefind.

Pagefind reads the built HTML (only what pages mark ``data-pagefind-body``; quiz answers
are marked ``data-pagefind-ignore``) and writes ``pagefind/`` into the language's folder:
an index split into small chunks, so a reader downloads only the chunks a query needs,
and the script that loads them (``assets/handbook-search.js`` calls it). The extended
build splits Chinese text into words, so 复购率 is found inside a sentence.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

BUNDLE = "pagefind"
# What the theme copies for the search this replaces (Material's lunr and its worker), and
# Pagefind's ready-made interfaces (assets/handbook-search.js is ours): never loaded.
UNUSED = (
    "assets/javascripts/lunr",
    "assets/javascripts/workers",
    f"{BUNDLE}/pagefind-ui.js",
    f"{BUNDLE}/pagefind-ui.css",
    f"{BUNDLE}/pagefind-modular-ui.js",
    f"{BUNDLE}/pagefind-modular-ui.css",
    f"{BUNDLE}/pagefind-component-ui.js",
    f"{BUNDLE}/pagefind-component-ui.css",
    f"{BUNDLE}/pagefind-highlight.js",
)


def index_command(folder: Path) -> list[str] | None:
    """The Pagefind command that indexes ``folder``, or None if Pagefind is not installed.

    Pagefind is the binary shipped in the ``pagefind-bin-extended`` wheel.
    """
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]

        binary = str(get_executable())
    except (ImportError, FileNotFoundError):
        return None
    # The "¶" after each heading is a link, not words of the page.
    options = ["--output-subdir", BUNDLE, "--exclude-selectors", ".headerlink", "--quiet"]
    return [binary, "--site", str(folder), *options]


def index_language(folder: Path, language: str) -> str:
    """Index the pages of ``language``'s built site in ``folder``; return Pagefind's report.

    Raises :class:`~generator.build.site.BuildFailed` (the build's own failure: the
    previous site stays) when Pagefind is missing, fails, or writes no index.
    """
    # Imported here: generator.build.site calls this module after each language's build.
    from generator.build.site import BuildFailed

    command = index_command(folder)
    if command is None:
        raise BuildFailed(
            language, "ERROR: Pagefind is not installed: run pip install -e . (pagefind[extended])"
        )
    done = subprocess.run(command, capture_output=True, text=True)
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0 and "No space left on device" in output:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder))
    if done.returncode != 0 or not (folder / BUNDLE / "pagefind-entry.json").is_file():
        raise BuildFailed(
            language, f"ERROR: Pagefind could not index {folder}: {output or 'no index written'}"
        )
    remove_unused(folder)
    return output


def remove_unused(folder: Path) -> None:
    """Remove the files no page loads: the old search's, and the theme's source maps.

    Source maps serve only a developer's debugger; Material's main one is over 1 MB.
    """
    for rel in UNUSED:
        path = folder / rel
        if path.is_dir():
            shutil.rmtree(path)
        elif path.is_file():
            path.unlink()
    for source_map in (folder / "assets").rglob("*.map"):
        source_map.unlink()
