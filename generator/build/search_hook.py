"""The search index of a published version, made inside the MkDocs build that mike runs.

``handbook build`` indexes each language after MkDocs (:mod:`generator.build.site`). When
publishing, mike runs ``mkdocs build`` itself and commits what it built at once: this hook,
named only in the published configuration (``published_config``), gives that build the
same last steps, so every published version has its own search index.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from generator.build.compact import compact_pages
from generator.build.search import index_language


def on_post_build(config: Any, **_: Any) -> None:
    """Compact the built pages and index them, as ``handbook build`` does."""
    folder = Path(config["site_dir"])
    language = str(config["theme"]["language"])
    # Imported here, like search.py does: site.py imports this package's search module.
    from generator.build.site import BuildFailed

    compact_pages(folder)
    try:
        index_language(folder, language)
    except BuildFailed as failed:
        raise PluginError(failed.output) from failed
