"""Where each kind of thing is shown: its page and anchor, and relative links between pages.

Every link the generator writes is a relative Markdown link to a ``.md`` file, so
``mkdocs build --strict`` (with anchor validation) checks all of them, and another
engine could read the same files.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from generator.model import entities as e
from generator.model.index import Entity, Index
from generator.model.types import TARGET_RE

_UNSAFE = re.compile(r"[^a-z0-9_-]+")
# Characters a built page's URL keeps as they are; anything else is percent-encoded.
_PAGE_URL_SAFE = "/-._~"

# The field that names an entity of each kind in running text.
_NAME_FIELD = {
    "script": "title",
    "checklist": "title",
    "path": "title",
    "quiz": "title",
    "term": "term",
    "question": "prompt",
}


@dataclass(frozen=True)
class Link:
    """A link as a template shows it: ``[text](url)``; ``text`` is author text, unescaped."""

    text: str
    url: str


@lru_cache(maxsize=65536)
def anchor(prefix: str, *parts: str) -> str:
    """An HTML id built from ids: only ``[a-z0-9_-]``, whatever the ids contain."""
    return "-".join(_UNSAFE.sub("_", part.lower()) for part in (prefix, *parts) if part)


def page_url(page: str, fragment: str = "", *, folder: str = "") -> str:
    """The URL of a generated page, relative to the site root.

    MkDocs serves ``stages/x.md`` at ``stages/x/`` and ``index.md`` at the folder itself
    (``use_directory_urls``); a language other than the default lives in its ``folder``.
    """
    path = page.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        path = path.removesuffix("index")
    else:
        path += "/"
    url = quote(f"{folder}/{path}" if folder else path, safe=_PAGE_URL_SAFE) or "./"
    return f"{url}#{quote(fragment, safe=_PAGE_URL_SAFE)}" if fragment else url


def served_relative(source: str, target: str) -> str:
    """The address of ``target``'s built page from ``source``'s built page: for HTML
    attributes, which MkDocs does not rewrite as it rewrites Markdown links."""
    return posixpath.relpath(page_url(target), page_url(source)) + "/"


def relative(source: str, target: str, fragment: str = "") -> str:
    """The link from page ``source`` to page ``target`` (both paths below the docs folder)."""
    suffix = f"#{fragment}" if fragment else ""
    if target == source:
        return suffix or posixpath.basename(target)
    return _relative_path(_folder(source), target) + suffix


@lru_cache(maxsize=4096)
def _folder(page: str) -> str:
    return posixpath.dirname(page)


@lru_cache(maxsize=65536)
def _relative_path(folder: str, target: str) -> str:
    # posixpath.relpath would make both paths absolute (a getcwd() per link): these
    # are always relative to the docs folder, so compare their parts directly.
    here = folder.split("/") if folder else []
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def stage_page(stage_id: str) -> str:
    return f"stages/{stage_id}.md"


def script_page(stage_id: str) -> str:
    return f"scripts/{stage_id}.md"


def checklist_item_anchor(checklist_id: str, item_id: str) -> str:
    return anchor("check", checklist_id, item_id)


def checklist_page(checklist: e.Checklist, index: Index) -> str:
    """A stage's checklist is shown on the stage page; the others on one page of their own."""
    if checklist.stage and index.get("stage", checklist.stage) is not None:
        return stage_page(checklist.stage)
    return "onboarding/checklists.md"


def locate(kind: str, ident: str, index: Index) -> tuple[str, str] | None:
    """The page and anchor showing the entity ``kind:ident``, or ``None`` if it is unknown."""
    if kind == "page":
        return (ident, "") if index.page_exists(ident) else None
    entity = index.get(kind, ident)
    if entity is None:
        return None
    if kind == "step":
        return stage_page(index.stage_of_step[ident].id), anchor("step", ident)
    if isinstance(entity, e.Script):
        if index.get("stage", entity.stage) is None:
            return None
        return script_page(entity.stage), anchor("script", ident)
    if isinstance(entity, e.Checklist):
        return checklist_page(entity, index), anchor("checklist", ident)
    if kind == "question":
        return f"quizzes/{index.quiz_of_question[ident].id}.md", anchor("q", ident)
    found = _PLACES.get(kind)
    if found is None:
        return None
    page, prefix = found
    return page.format(id=ident), anchor(prefix, ident) if prefix else ""


_PLACES: dict[str, tuple[str, str]] = {
    "stage": ("stages/{id}.md", ""),
    "role": ("roles/{id}.md", ""),
    "kpi": ("kpis/{id}.md", ""),
    "path": ("onboarding/{id}.md", ""),
    "quiz": ("quizzes/{id}.md", ""),
    "tool": ("tools.md", "tool"),
    "meeting": ("meetings.md", "meeting"),
    "tier": ("tiers.md", "tier"),
    "training": ("training.md", "module"),
    "training-format": ("training.md", "format"),
    "principle": ("principles.md", "principle"),
    "term": ("glossary.md", "term"),
}


def split_target(target: str) -> tuple[str, str] | None:
    """``kind:id`` as ``(kind, id)``, or ``None`` when it is not of that form."""
    match = TARGET_RE.match(target)
    return (match["kind"], match["id"]) if match else None


def display_name(kind: str, entity: Entity | str | None, lang: str) -> str:
    """The entity's name (title, term, prompt) in ``lang``; its id when that is empty."""
    if kind == "page":
        return str(entity)
    value = getattr(entity, _NAME_FIELD.get(kind, "name"), None)
    text = value.get(lang) if value is not None else ""
    return text or str(getattr(entity, "id", ""))


def site_folder(lang: str, default: str) -> str:
    """Where a language's site goes, relative to ``site/``: the default at the root."""
    return "" if lang == default else lang
