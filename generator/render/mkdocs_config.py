"""One MkDocs configuration per language, inheriting the project's ``mkdocs.yml``.

Two builds, not one build with a translation plugin: each language gets its own search
index (Pagefind, after the build: :mod:`generator.build.search`) and its own navigation,
and the language switcher (``extra.alternate``) links the two sites. The default language is served at
``site/``, every other one at ``site/<lang>/``.
"""

from __future__ import annotations

import importlib.util
import posixpath
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.presentation.escape import md, page_title
from generator.presentation.labels import labels_for
from generator.presentation.links import site_folder
from generator.render.pages import SECTIONS, UNLISTED, Page
from generator.render.writer import OUTPUT, config_path, write_if_changed

OVERRIDES = Path(__file__).parent / "overrides"
# Gives the build mike runs when publishing the search index handbook build adds after MkDocs.
SEARCH_HOOK = Path(__file__).resolve().parent.parent / "build" / "search_hook.py"
HEADER = "# Written by the handbook generator from process/*.yaml: edit those, not this file.\n"

# Hand-written guides listed first in the Guides tab, in this order.
GUIDE_ORDER = ("guides/new-hires.md", "guides/mentors.md", "guides/editors.md")
SECTION_LABELS = {section: f"nav.{section}" for section in SECTIONS}
SECTION_LABELS["practice"] = "practice.nav"  # the practice words live in one block
# Navigation of a large handbook: runs longer than NAV_RUN pages are nested in groups.
NAV_RUN, NAV_GROUP = 25, 20


def build_config(
    *,
    title: str,
    lang: str,
    languages: Sequence[str],
    default: str,
    pages: Sequence[Page],
    guides: Sequence[str],
    identity: dict[str, str] | None = None,
    site_url: str = "",
    labels: Mapping[str, str] | None = None,
    names: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The configuration of ``lang``'s build, as a plain mapping.

    ``site_url`` (from ``mkdocs.yml``) gets the language's folder: Material's instant
    navigation only follows links listed in each build's sitemap. The handbook's title is
    the site's description: the meta description of a page whose front matter has none.
    ``labels``: the words of ``lang`` (the handbook's catalog); ``names``: each language's
    own name, for the language switcher.
    """
    labels = labels if labels is not None else labels_for(lang)
    folder = site_folder(lang, default)
    config: dict[str, Any] = {
        "INHERIT": "../mkdocs.yml",
        # Material prints the site name into the page unescaped: escape it once here.
        "site_name": str(md(title)),
        "site_description": str(page_title(title)),
        "docs_dir": f"docs/{lang}",
        "site_dir": posixpath.join("../site", folder) if folder else "../site",
        "theme": {"language": material_language(lang), "custom_dir": str(OVERRIDES)},
        "extra": {
            # Read by assets/handbook.js: whose progress it keeps, and the words it shows.
            "handbook": {
                **(identity or {}),
                "lang": lang,
                "ui": _subtree(labels, "ui."),
                "practice": _subtree(labels, "practice.ui."),
            },
        },
        "nav": _nav(labels, pages, guides),
    }
    unlisted = [f"/{page.path}" for page in pages if page.section == UNLISTED]
    if unlisted:  # MkDocs would list them at every build
        config["not_in_nav"] = "\n".join(unlisted)
    if len(languages) > 1:  # one language: no switcher at all
        config["extra"]["alternate"] = _alternate(lang, languages, default, names=names)
    if site_url:
        config["site_url"] = posixpath.join(site_url.rstrip("/"), folder, "") if folder else site_url
    return config


def _alternate(
    lang: str,
    languages: Sequence[str],
    default: str,
    version: str = "",
    names: Mapping[str, str] | None = None,
) -> list[dict[str, str]]:
    here = posixpath.join("site", site_folder(lang, default), version)
    links = []
    for other in languages:
        there = posixpath.join("site", site_folder(other, default), version)
        link = posixpath.relpath(there, here)
        name = (names or {}).get(other) or labels_for(other)["language.name"]
        links.append({"name": name, "link": f"{link}/", "lang": other})
    return links


def material_language(lang: str) -> str:
    """Material's ``theme.language`` for ``lang``: its translation of the tag (``zh-Hant``,
    ``pt-BR``), else of the language (``de`` for ``de-AT``), else English."""
    known = _material_languages()
    return next((tag for tag in (lang, lang.split("-")[0]) if tag in known), "en")


@cache
def _material_languages() -> frozenset[str]:
    # The theme's translations are one template each; a theme without them gets English.
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        return frozenset({"en"})
    folder = Path(spec.origin).parent / "templates" / "partials" / "languages"
    return frozenset(path.stem for path in folder.glob("*.html"))


def published_config_path(root: Path, lang: str) -> Path:
    return root / OUTPUT / f"mkdocs.{lang}.publish.yml"


def published_config(
    *, lang: str, languages: Sequence[str], default: str, version: str, site_url: str = ""
) -> dict[str, Any]:
    """What publishing ``version`` with mike adds to ``lang``'s configuration (inherited).

    Each language is its own mike deployment: the default language at ``<version>/``,
    another at ``<lang>/<version>/`` (see :mod:`generator.publish.mike`), so the language
    switcher links across both folders, and ``site_url`` gets the language's folder
    (mike appends the version). Material's version selector reads the ``versions.json``
    beside the version's folder; ``default: latest`` is what is never outdated.
    """
    folder = site_folder(lang, default)
    config: dict[str, Any] = {
        "INHERIT": config_path(Path("."), lang).name,
        # Built into a folder of its own, so publishing leaves site/ (handbook build) alone.
        "site_dir": f"publish/{lang}",
        "strict": True,
        "plugins": {"mike": {"alias_type": "redirect"}},
        "hooks": [str(SEARCH_HOOK)],
        "extra": {
            "version": {"provider": "mike", "default": "latest"},
        },
    }
    if len(languages) > 1:
        config["extra"]["alternate"] = _alternate(lang, languages, default, version)
    if site_url:
        config["site_url"] = posixpath.join(site_url.rstrip("/"), folder, "") if folder else site_url
    return config


def write_published_config(root: Path, lang: str, config: dict[str, Any]) -> Path:
    path = published_config_path(root, lang)
    text = HEADER + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=4096)
    write_if_changed(path, text.encode("utf-8"))
    return path


def _subtree(labels: Mapping[str, str], prefix: str) -> dict[str, str]:
    return {key[len(prefix) :]: value for key, value in labels.items() if key.startswith(prefix)}


def _nav(labels: Mapping[str, str], pages: Sequence[Page], guides: Sequence[str]) -> list[Any]:
    by_section: dict[str, list[Any]] = {section: [] for section in SECTIONS}
    by_section["guides"] += sorted(
        guides, key=lambda p: (GUIDE_ORDER.index(p) if p in GUIDE_ORDER else 99, p)
    )
    in_section: dict[str, list[Page]] = {section: [] for section in SECTIONS}
    for page in pages:
        if page.section != UNLISTED:
            in_section[page.section].append(page)
    nav: list[Any] = []
    for section in SECTIONS:
        title = labels[SECTION_LABELS[section]]
        paths = by_section[section] + _entries(in_section[section], title)
        if not paths:
            continue
        nav.append({title: paths[0] if section in ("home", "glossary") and len(paths) == 1 else paths})
    return nav


def _entries(pages: Sequence[Page], title: str) -> list[Any]:
    """A section's navigation: its pages, a long run of one kind (stages, KPIs …) nested.

    Material renders the open section's navigation into every page. A run of more than
    ``NAV_RUN`` pages of one template goes one level down, in groups of ``NAV_GROUP``
    (``1–20``, ``21–40`` …), so that ``navigation.prune`` leaves the closed groups out:
    build time and page weight then grow linearly, not with the square of the pages.
    Pages with a ``group`` go into the sub-sections it names (a large handbook's table and
    its pages per stage).
    """
    entries: list[Any] = []
    run: list[Page] = []
    for page in [*pages, None]:
        if run and (page is None or page.template != run[0].template):
            paths: list[Any] = [{p.nav_title: p.path} if p.nav_title else p.path for p in run]
            listed: list[Any] = _groups(paths) if len(paths) > NAV_RUN else paths
            if run[0].group:
                _nest(entries, run[0].group, listed)
            else:
                entries += [{title: listed}] if len(paths) > NAV_RUN else paths
            run = []
        if page is not None:
            run.append(page)
    return entries


def _nest(entries: list[Any], group: tuple[str, ...], listed: list[Any]) -> None:
    """Add ``listed`` to the sub-section of ``entries`` that ``group`` names, made if missing."""
    for name in group:
        found = next((e for e in entries if isinstance(e, dict) and name in e), None)
        if found is None:
            found = {name: []}
            entries.append(found)
        entries = found[name]
    entries.extend(listed)


def _groups(paths: list[Any]) -> list[dict[str, list[Any]]]:
    return [
        {f"{start + 1}–{min(start + NAV_GROUP, len(paths))}": paths[start : start + NAV_GROUP]}
        for start in range(0, len(paths), NAV_GROUP)
    ]


def write_config(root: Path, lang: str, config: dict[str, Any]) -> bool:
    """Write ``.handbook/mkdocs.<lang>.yml`` if its content changed; True if written."""
    text = HEADER + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=4096)
    return write_if_changed(config_path(root, lang), text.encode("utf-8"))
