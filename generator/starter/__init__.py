"""``handbook init``: a new handbook folder from the starter in ``starter/handbook/``.

The starter is a small example process (two roles, two stages, scripts, a KPI with a
worked example, checklists, onboarding paths and a quiz) with the hand-written guides and
an ``mkdocs.yml``: it validates and builds as it is, and a company replaces its texts
with its own. Its texts are written in every language the generator ships words for;
``init`` keeps the languages asked for (``--languages zh-Hant,en``), the first being the
default. The JSON Schemas that the files' first lines point at are written fresh from
the model, so they match the installed generator.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path

import yaml

from generator.model.schema import all_schemas
from generator.model.types import canonical_language

STARTER = Path(__file__).parent / "handbook"
# Package data cannot hold a dot-file reliably: stored without its dot, renamed on copy.
RENAMED = {"gitignore": ".gitignore"}
SCHEMAS = Path("process") / "schemas"
LANGUAGES = ("en", "zh", "zh-Hant", "ja", "de", "fr", "es")
"""The languages the starter's texts and guides are written in."""
DEFAULT = ("en", "zh")
_TEXT_LINE = re.compile(
    r"^(?P<indent>\s*)(?P<item>- )?(?P<lang>" + "|".join(map(re.escape, LANGUAGES)) + r"): "
)
_GUIDE = re.compile(r"^(?P<stem>docs/guides/[a-z-]+)\.(?P<lang>[A-Za-z-]+)\.md$")
_LANGUAGE_LIST = re.compile(r"^(?P<indent>\s*)languages: \[[^\]]*\]$", re.M)


class InitError(ValueError):
    """The folder cannot be used for a new handbook; the message says why."""


def starter_languages(asked: list[str]) -> list[str]:
    """The languages asked for, as the starter names them; an error for one it lacks."""
    languages = list(dict.fromkeys(canonical_language(lang.strip()) for lang in asked if lang.strip()))
    unknown = [lang for lang in languages if lang not in LANGUAGES]
    if unknown or not languages:
        raise InitError(
            f"the starter is not written in {', '.join(unknown) or 'no language'}: "
            f"choose among {', '.join(LANGUAGES)} (start from one, then add your own catalog and texts)"
        )
    return languages


def starter_files(languages: list[str] | tuple[str, ...] = DEFAULT) -> dict[Path, bytes]:
    """Every file of a new handbook in ``languages``: its path in the new folder and its content."""
    files: dict[Path, bytes] = {}
    for path in sorted(STARTER.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        rel = path.relative_to(STARTER)
        guide = _GUIDE.match(rel.as_posix())
        if guide:
            if guide["lang"] in languages:
                suffix = "" if guide["lang"] == languages[0] else f".{guide['lang']}"
                files[Path(f"{guide['stem']}{suffix}.md")] = path.read_bytes()
            continue
        content = path.read_bytes()
        if path.suffix == ".yaml":
            content = in_languages(content.decode("utf-8"), languages).encode("utf-8")
        files[rel.with_name(RENAMED.get(rel.name, rel.name))] = content
    for name, schema in all_schemas().items():
        files[SCHEMAS / name] = (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return files


def in_languages(text: str, languages: list[str] | tuple[str, ...]) -> str:
    """A starter YAML file with each text reduced to ``languages``, in that order.

    A text is a run of ``<lang>: …`` lines at one indentation (the first may open a list
    item with ``- ``); every starter text sits on one line per language.
    """
    text = _LANGUAGE_LIST.sub(lambda m: f"{m['indent']}languages: [{', '.join(languages)}]", text)
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        first = _TEXT_LINE.match(lines[i])
        if not first:
            out.append(lines[i])
            i += 1
            continue
        run = {first["lang"]: lines[i][first.end() :]}
        item, indent = first["item"] or "", first["indent"]
        i += 1
        while i < len(lines) and (more := _TEXT_LINE.match(lines[i])) and not more["item"]:
            run[more["lang"]] = lines[i][more.end() :]
            i += 1
        pad = indent + " " * len(item)
        kept = [lang for lang in languages if lang in run]
        for n, lang in enumerate(kept):
            out.append(f"{indent}{item if n == 0 else ' ' * len(item)}{lang}: {run[lang]}")
        if not kept:
            out.append(f"{pad}{languages[0]}: ''")
    return "\n".join(out)


def create_handbook(folder: Path, languages: list[str] | tuple[str, ...] = DEFAULT) -> list[Path]:
    """Write a new handbook in ``languages`` into ``folder`` (created if missing); the files written.

    Refuses a folder that holds anything at all, and never replaces a file: a second
    run, or a run on the wrong folder, cannot destroy work.
    """
    chosen = starter_languages(list(languages))
    if folder.is_symlink() and not folder.exists():
        raise InitError(
            f"'{folder}' is a symbolic link to '{folder.readlink()}', which does not exist: "
            "create that folder first, or give another path"
        )
    if folder.exists() and not folder.is_dir():
        raise InitError(f"'{folder}' is a file: give the path of a new or empty folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise InitError(
            f"'{folder}' is not empty: give a new or empty folder (nothing was written, nothing replaced)"
        )
    written = []
    for rel, content in starter_files(chosen).items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as file:
            file.write(content)
        written.append(path)
    return written


# --- what the starter says, to notice it shipped unchanged --------------------------

# Shorter texts ("Sales manager", "Week 1", "先听后说") are what any handbook may say on its own.
_SHORTEST, _SHORTEST_CJK = 20, 10
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def distinctive(text: str) -> bool:
    """Long enough to be the starter's own sentence rather than a common name."""
    return len(text) >= (_SHORTEST_CJK if _CJK.search(text) else _SHORTEST)


def normalised(text: str) -> str:
    """``text`` blind to line breaks and runs of spaces."""
    return " ".join(text.split())


def fingerprint(text: str) -> str:
    """A text's fingerprint, blind to line breaks and runs of spaces."""
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()[:16]


@cache
def starter_texts() -> frozenset[str]:
    """Every distinctive starter text (in every language), normalised: a handbook's 80,000
    texts are looked up in this set, which costs far less than fingerprinting each."""
    found: set[str] = set()
    for path in STARTER.rglob("*.yaml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            match = _TEXT_LINE.match(line)
            if match:
                value = yaml.safe_load(line[match.end() :])
                if isinstance(value, str) and distinctive(value):
                    found.add(normalised(value))
    return frozenset(found)


@cache
def starter_fingerprints() -> frozenset[str]:
    """The fingerprints of every starter text (in every language) and of every starter guide."""
    prints: set[str] = set()
    for path in STARTER.rglob("*"):
        if path.suffix == ".yaml":
            for line in path.read_text(encoding="utf-8").splitlines():
                match = _TEXT_LINE.match(line)
                if match:
                    value = yaml.safe_load(line[match.end() :])
                    if isinstance(value, str) and distinctive(value):
                        prints.add(fingerprint(value))
        elif path.suffix == ".md":
            prints.add(fingerprint(path.read_text(encoding="utf-8")))
    return frozenset(prints)
