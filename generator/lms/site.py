"""The handbook's pages in one language, built for a package instead of a web server.

An LMS serves a package's files as they are, from an address nobody knows in advance:
links must name files (``stages/x.html``, not ``stages/x/``), nothing may depend on
``site_url``, and the language switcher would lead out of the package. The build reads
the handbook's own configuration and changes only that, in a configuration of its own
beside it (``.handbook/mkdocs.<lang>.lms.yml``).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from generator.build.site import mkdocs_env
from generator.export.quiz.bank import ExportError
from generator.lms.package import folder_files
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.render import OUTPUT, generate
from generator.render.writer import config_path

# Instant navigation fetches pages through the sitemap of site_url: in a package, plain links.
_UNPACKABLE_FEATURES = {"navigation.instant", "navigation.instant.prefetch", "navigation.instant.progress"}


def built_pages(root: Path, handbook: Handbook, lang: str, prefix: str) -> dict[str, bytes]:
    """``lang``'s built pages and assets by zip name (``prefix`` + path), for a package."""
    with tempfile.TemporaryDirectory(prefix="handbook-package-") as tmp:
        build_for_package(root, handbook, lang, Path(tmp))
        return folder_files(Path(tmp), prefix)


def build_for_package(root: Path, handbook: Handbook, lang: str, out: Path) -> None:
    """Generate the handbook's Markdown, then build ``lang``'s pages into ``out``."""
    report = generate(handbook, Index(handbook), root)
    if report.problems:
        raise ExportError(f"the handbook's pages cannot be generated: {report.problems[0]}")
    config = root / OUTPUT / f"mkdocs.{lang}.lms.yml"
    config.write_text(yaml.safe_dump(_package_config(root, lang), allow_unicode=True), encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, env=mkdocs_env(), cwd=root)
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip().splitlines()
        problems = [line for line in output if line.startswith(("WARNING", "ERROR"))] or output[-1:]
        raise ExportError(f"MkDocs could not build the '{lang}' pages: {' '.join(problems)[:500]}")


class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml for its theme features only: tags such as !!python/name are skipped."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def _package_config(root: Path, lang: str) -> dict[str, Any]:
    source = root / "mkdocs.yml"
    try:
        base = yaml.load(source.read_text(encoding="utf-8"), Loader=_Lenient) or {}  # a SafeLoader
    except (OSError, yaml.YAMLError) as exc:
        raise ExportError(f"{source}: cannot be read ({exc.__class__.__name__}); the pages need it") from None
    if not isinstance(base, dict):
        raise ExportError(f"{source}: is not a MkDocs configuration (a mapping of settings)")
    theme = base.get("theme")
    theme = theme if isinstance(theme, dict) else {}
    features = [f for f in theme.get("features", []) if f not in _UNPACKABLE_FEATURES]
    return {
        "INHERIT": config_path(root, lang).name,
        "use_directory_urls": False,
        "site_url": None,
        "theme": {"features": features},
        "extra": {"alternate": []},
    }
