"""The words of the page frame (headings, table headers, names of values) in each language.

Content comes from YAML definitions; these are the few fixed strings around it, kept in
``i18n/<lang>.yaml`` (one file per language, the same keys in each) so a translator
edits one file. Chinese terms follow the project glossary (环节 stage, 步骤 step,
话术 script, 检查清单 checklist, 入职路径 onboarding path, 测验 quiz).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.model.types import LANGUAGES

Labels = Mapping[str, str]
FOLDER = Path(__file__).parent / "i18n"
# libyaml's loader when present: these files are read at every start of the command.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def labels_for(lang: str) -> Labels:
    """The UI strings of ``lang`` as flat keys: ``{"field.owner": "Owner", …}``."""
    tree = yaml.load((FOLDER / f"{lang}.yaml").read_text(encoding="utf-8"), Loader=_Loader)
    return dict(_flatten(tree))


def _flatten(tree: Mapping[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key, value in tree.items():
        name = f"{prefix}{key}"
        out += _flatten(value, f"{name}.") if isinstance(value, Mapping) else [(name, str(value))]
    return out


LABELS: dict[str, Labels] = {lang: labels_for(lang) for lang in LANGUAGES}
"""Every language's labels, e.g. ``LABELS["zh"]["field.goal"]``."""
