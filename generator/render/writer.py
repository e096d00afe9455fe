"""Put the pages on disk: one folder per language, a file written only when it changed.

``mkdocs serve`` watches the docs folder: rewriting an unchanged file would trigger a
rebuild, which would regenerate, which would rewrite… So every write compares first.
The output folder belongs to the generator: files it no longer produces are removed.
Hand-written pages are read from ``docs/`` and copied; ``docs/`` itself is never written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.model.types import PAGE_LANGUAGES

OUTPUT = ".handbook"  # below the handbook folder: the pages and configurations written


def config_path(root: Path, lang: str) -> Path:
    """The MkDocs configuration of ``lang``'s site."""
    return root / OUTPUT / f"mkdocs.{lang}.yml"


# Hand-written pages: ``docs/<path>.md`` is English, ``docs/<path>.<lang>.md`` another language.
BASE_LANGUAGE = "en"


@dataclass
class WriteCounts:
    written: int = 0
    unchanged: int = 0
    removed: int = 0

    def add(self, other: WriteCounts) -> None:
        self.written += other.written
        self.unchanged += other.unchanged
        self.removed += other.removed


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` to ``path`` unless it already holds exactly that; True if written."""
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def sync_tree(out: Path, files: Mapping[str, bytes]) -> WriteCounts:
    """Make ``out`` hold exactly ``files`` (relative POSIX path → content)."""
    counts = WriteCounts()
    for rel, content in files.items():
        if write_if_changed(out / rel, content):
            counts.written += 1
        else:
            counts.unchanged += 1
    if out.is_dir():
        for path in sorted(out.rglob("*"), reverse=True):
            rel = path.relative_to(out).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
                counts.removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return counts


@dataclass
class HandWritten:
    """Hand-written files per language (path in the built docs → content), and problems."""

    files: dict[str, dict[str, bytes]]
    problems: list[str]

    def pages(self, lang: str) -> list[str]:
        return sorted(rel for rel in self.files.get(lang, {}) if rel.endswith(".md"))


def read_handwritten(docs: Path, languages: Iterable[str], base: str = BASE_LANGUAGE) -> HandWritten:
    """Every file below ``docs`` sorted into the languages it serves.

    ``page.md`` is in ``base`` (the handbook's default language), ``page.<lang>.md`` in
    each other language. A page must exist in every language; a missing translation is
    reported, never replaced by another language's page. Other files (images, CSS)
    serve all languages.
    """
    langs = list(languages)
    # Pages in a language the handbook is not written in are left out, not served.
    others = tuple(lang for lang in dict.fromkeys([*langs, *PAGE_LANGUAGES]) if lang != base)
    files: dict[str, dict[str, bytes]] = {lang: {} for lang in langs}
    problems: list[str] = []
    if not docs.is_dir():
        return HandWritten(files, problems)
    pages: dict[str, dict[str, Path]] = {}
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if not path.is_file() or any(part.startswith(".") for part in rel.split("/")):
            continue
        if not rel.endswith(".md"):
            for lang in langs:
                files[lang][rel] = path.read_bytes()
            continue
        page, lang = _page_language(rel, others, base)
        if lang not in files:
            continue  # a page in a language the handbook does not have
        pages.setdefault(page, {})[lang] = path
    for page, sources in pages.items():
        for lang in langs:
            source = sources.get(lang)
            if source is None:
                problems.append(
                    f"docs/{_source_name(page, lang, base)}: missing; the {lang} site has no page {page}"
                )
            else:
                files[lang][page] = source.read_bytes()
    return HandWritten(files, problems)


def _page_language(rel: str, others: tuple[str, ...], base: str) -> tuple[str, str]:
    stem = rel[: -len(".md")]
    for lang in others:
        if stem.endswith(f".{lang}"):
            return stem[: -len(lang) - 1] + ".md", lang
    return rel, base


def _source_name(page: str, lang: str, base: str) -> str:
    return page if lang == base else f"{page[: -len('.md')]}.{lang}.md"
