"""Build every language with MkDocs at the same time, each into a folder of its own, then
swap them in together for the site (see :mod:`generator.build.swap`).

A failed build leaves the previous site as it was, and leaves no folder behind.
"""

from __future__ import annotations

import errno
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.build import children
from generator.build.compact import compact_pages
from generator.build.search import index_language
from generator.build.swap import SiteFolders, remove, swap_in
from generator.render.writer import config_path

POLL_SECONDS = 0.05
# The last "[Errno N] reason: 'path'" of a traceback MkDocs printed when the system refused.
# A copy names both files ('source' -> 'target'): the target is where it failed.
_OS_ERROR = re.compile(r"\[Errno (\d+)\] ([^:\n]+)(?:: '([^'\n]+)')?(?: -> '([^'\n]+)')?")


@dataclass(frozen=True)
class LanguageBuild:
    language: str
    seconds: float
    output: str


class BuildFailed(Exception):
    """MkDocs refused to build a language; ``output`` holds what it printed."""

    def __init__(self, language: str, output: str) -> None:
        super().__init__(f"MkDocs could not build the '{language}' handbook")
        self.language = language
        self.output = output


def mkdocs_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice about MkDocs 2.0
    return env


def _mkdocs_build(root: Path, language: str, target: Path, strict: bool) -> list[str]:
    # Not --quiet: it hides warnings from --strict too. The output is captured.
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_path(root, language))]
    return [*command, "-d", str(target), *(["--strict"] if strict else [])]


def _staging(folders: SiteFolders, language: str, default_language: str) -> Path:
    return folders.new if language == default_language else folders.new_language(language)


def build_site(
    root: Path,
    folders: SiteFolders,
    languages: list[str],
    default_language: str,
    strict: bool = True,
    on_built: Callable[[LanguageBuild], None] = lambda _: None,
) -> list[LanguageBuild]:
    """Run one ``mkdocs build`` per language at once, then swap the whole site in.

    Raises :class:`BuildFailed` when MkDocs refuses a language (the others are stopped),
    or :class:`OSError` when the system refused MkDocs (a full disk, say).
    """
    root = root.resolve()  # MkDocs reads relative paths from the config file's folder
    if folders.final.exists() and not folders.final.is_dir():  # never replace a file of the user's
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folders.final))
    ordered = [default_language] + [lang for lang in languages if lang != default_language]
    try:
        results = _build_languages(root, folders, ordered, strict, on_built)
        _assemble(folders, ordered)
        swap_in(folders)
    except BaseException:
        for unfinished in [*folders.in_progress(), folders.ready]:
            remove(unfinished)
        raise
    return results


def _build_languages(
    root: Path,
    folders: SiteFolders,
    ordered: list[str],
    strict: bool,
    on_built: Callable[[LanguageBuild], None],
) -> list[LanguageBuild]:
    started = time.perf_counter()
    running: dict[str, children.Running] = {}
    done: dict[str, LanguageBuild] = {}
    try:
        for language in ordered:
            target = _staging(folders, language, ordered[0])
            command = _mkdocs_build(root, language, target, strict)
            running[language] = children.start_captured(command, cwd=root, env=mkdocs_env())
        while running:
            for language, child in list(running.items()):
                if child.process.poll() is None:
                    continue
                del running[language]
                target = _staging(folders, language, ordered[0])
                done[language] = _finished(language, target, child, time.perf_counter() - started)
                on_built(done[language])
            time.sleep(POLL_SECONDS if running else 0)
    finally:
        for child in running.values():  # a language failed, or we were interrupted
            child.abandon()
    return [done[language] for language in ordered]


def _finished(language: str, target: Path, child: children.Running, seconds: float) -> LanguageBuild:
    """Check one language's MkDocs run, then run our own steps over its built folder
    (``target``: compact pages, a search index of the language) while the others build."""
    code, output = child.finish()
    if code != 0:
        refused = _system_refusal(output, target)
        if refused is not None:
            raise refused
        raise BuildFailed(language, output)
    compact_pages(target)
    index_language(target, language)
    return LanguageBuild(language, seconds, output)


def _system_refusal(output: str, target: Path) -> OSError | None:
    """The system's refusal (full disk, read-only, permission) MkDocs died of, if it did;
    a refusal that names no file (a write cut short) is ``target``'s, the folder MkDocs wrote."""
    found = list(_OS_ERROR.finditer(output))
    if not found or "Traceback" not in output:
        return None
    number, reason, path, renamed_to = found[-1].groups()
    code = int(number)
    reason = os.strerror(code) if code in errno.errorcode else reason
    return OSError(code, reason, renamed_to or path or str(target))


def _assemble(folders: SiteFolders, ordered: list[str]) -> None:
    """Move every other language below the default one's folder; mark the whole complete."""
    for language in ordered[1:]:
        place = folders.new / language
        if place.exists():
            remove(place)
        folders.new_language(language).rename(place)
    folders.new.rename(folders.ready)
