"""Build every language with MkDocs into a fresh folder, then swap it in for ``site/``.

A failed build leaves the previous ``site/`` as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.build.compact import compact_pages
from generator.build.search import index_language
from generator.render.mkdocs_config import config_path


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


def site_subdir(language: str, default_language: str) -> str:
    """The default language sits at the site's root, the others below ``<lang>/``."""
    return "" if language == default_language else language


def build_site(
    root: Path,
    languages: list[str],
    default_language: str,
    strict: bool = True,
    on_language: Callable[[str], None] = lambda _: None,
) -> list[LanguageBuild]:
    """Run ``mkdocs build`` for each language into ``site.new/``, then replace ``site/``."""
    root = root.resolve()  # MkDocs reads relative paths from the config file's folder
    final = root / "site"
    staging = root / "site.new"
    shutil.rmtree(staging, ignore_errors=True)
    ordered = [default_language] + [lang for lang in languages if lang != default_language]
    results = []
    try:
        for language in ordered:
            on_language(language)
            target = staging / site_subdir(language, default_language)
            command = [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                # Not --quiet: it hides warnings from --strict too. The output is captured.
                "-f",
                str(config_path(root, language)),
                "-d",
                str(target),
            ]
            if strict:
                command.append("--strict")
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, env=mkdocs_env(), cwd=root)
            output = (done.stdout + done.stderr).strip()
            if done.returncode != 0:
                raise BuildFailed(language, output)
            compact_pages(target)
            index_language(target, language)
            results.append(LanguageBuild(language, time.perf_counter() - started, output))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = root / "site.old"
    shutil.rmtree(previous, ignore_errors=True)
    if final.exists():
        final.rename(previous)
    staging.rename(final)
    shutil.rmtree(previous, ignore_errors=True)
    return results
