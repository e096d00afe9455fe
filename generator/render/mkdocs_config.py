"""One MkDocs configuration per language, inheriting the project's ``mkdocs.yml``.

Two builds, not one build with a translation plugin: each language gets its own search
index (Chinese needs jieba's word splitting) and its own navigation, and the language
switcher (``extra.alternate``) links the two sites. The default language is served at
``site/``, every other one at ``site/<lang>/``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from generator.render.escape import md
from generator.render.labels import labels_for
from generator.render.pages import SECTIONS, Page
from generator.render.writer import write_if_changed

OVERRIDES = Path(__file__).parent / "overrides"
HEADER = "# Written by the handbook generator from process/*.yaml: edit those, not this file.\n"

# Material's default separator, plus the zero-width space jieba puts between Chinese
# words and the Chinese punctuation marks, so a sentence splits into searchable words.
ZH_SEPARATOR = (
    r'[\s\u200b\-_,:!=\[\]()"`/]+|\.(?!\d)|&[lg]t;|(?!\b)(?=[A-Z][a-z])'
    r"|[，。、；：！？“”‘’（）《》【】「」…—]+"
)

# Hand-written guides listed first in the Guides tab, in this order.
GUIDE_ORDER = ("guides/new-hires.md", "guides/mentors.md", "guides/editors.md")
_SECTION_LABELS = {section: f"nav.{section}" for section in SECTIONS}


def site_folder(lang: str, default: str) -> str:
    """Where a language's site goes, relative to ``site/``: the default at the root."""
    return "" if lang == default else lang


def config_path(root: Path, lang: str) -> Path:
    return root / ".handbook" / f"mkdocs.{lang}.yml"


def build_config(
    *,
    title: str,
    lang: str,
    languages: Sequence[str],
    default: str,
    pages: Sequence[Page],
    guides: Sequence[str],
    identity: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The configuration of ``lang``'s build, as a plain mapping."""
    search: dict[str, Any] = {"lang": [lang] if lang == "en" else [lang, "en"]}
    if lang == "zh":
        search["separator"] = ZH_SEPARATOR
    folder = site_folder(lang, default)
    return {
        "INHERIT": "../mkdocs.yml",
        # Material prints the site name into the page unescaped: escape it once here.
        "site_name": str(md(title)),
        "docs_dir": f"docs/{lang}",
        "site_dir": posixpath.join("../site", folder) if folder else "../site",
        "theme": {"language": lang, "custom_dir": str(OVERRIDES)},
        "plugins": {"search": search},
        "extra": {
            "alternate": _alternate(lang, languages, default),
            # Read by assets/handbook.js: whose progress it keeps, and the words it shows.
            "handbook": {**(identity or {}), "lang": lang, "ui": _subtree(labels_for(lang), "ui.")},
        },
        "nav": _nav(lang, pages, guides),
    }


def _alternate(lang: str, languages: Sequence[str], default: str) -> list[dict[str, str]]:
    here = posixpath.join("site", site_folder(lang, default))
    links = []
    for other in languages:
        there = posixpath.join("site", site_folder(other, default))
        link = posixpath.relpath(there, here)
        links.append({"name": labels_for(other)["language.name"], "link": f"{link}/", "lang": other})
    return links


def _subtree(labels: Mapping[str, str], prefix: str) -> dict[str, str]:
    return {key[len(prefix) :]: value for key, value in labels.items() if key.startswith(prefix)}


def _nav(lang: str, pages: Sequence[Page], guides: Sequence[str]) -> list[Any]:
    labels = labels_for(lang)
    by_section: dict[str, list[str]] = {section: [] for section in SECTIONS}
    by_section["guides"] += sorted(
        guides, key=lambda p: (GUIDE_ORDER.index(p) if p in GUIDE_ORDER else 99, p)
    )
    for page in pages:
        by_section[page.section].append(page.path)
    nav: list[Any] = []
    for section in SECTIONS:
        paths = by_section[section]
        if not paths:
            continue
        title = labels[_SECTION_LABELS[section]]
        nav.append({title: paths[0] if section in ("home", "glossary") and len(paths) == 1 else paths})
    return nav


def write_config(root: Path, lang: str, config: dict[str, Any]) -> bool:
    """Write ``.handbook/mkdocs.<lang>.yml`` if its content changed; True if written."""
    text = HEADER + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=4096)
    return write_if_changed(config_path(root, lang), text.encode("utf-8"))
