"""Read the handbook's own ``mkdocs.yml``: the one place the generator looks into it.

MkDocs allows two tags of its own there: ``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``
(the first variable that is set, else the default) and ``!relative``. They are read as
MkDocs reads them, so that ``site_url: !ENV SITE_URL`` gives the same address to every
command (``generate``, ``build``, ``publish``), and a tag elsewhere in the file does not
make the whole file unreadable.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml


class _MkDocsLoader(yaml.SafeLoader):
    """A safe loader that also understands MkDocs' ``!ENV`` and ``!relative`` tags."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode):
        names = loader.construct_sequence(node)
        # As MkDocs reads it: with two or more items, the last is the default.
        default = names.pop() if len(names) > 1 else None
    else:
        return None
    for name in names:
        value = os.environ.get(str(name))
        if value is not None:  # MkDocs reads an environment value as YAML (``true`` is true)
            return yaml.safe_load(value) if value else value
    return default


_MkDocsLoader.add_constructor("!ENV", _env)
# ``!relative`` names a folder relative to the configuration: nothing the generator reads.
_MkDocsLoader.add_constructor("!relative", lambda loader, node: None)


def read_mkdocs_yml(root: Path) -> dict[str, Any]:
    """The settings of ``<root>/mkdocs.yml``; empty when it is missing or not a mapping.

    Whether the file is valid is MkDocs' to say (at ``build``): here it only feeds the
    settings the generator repeats in each language's configuration.
    """
    try:
        data = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def site_url(root: Path) -> str:
    """The ``site_url`` of the handbook's ``mkdocs.yml`` (``!ENV`` resolved), or ``""``."""
    url = read_mkdocs_yml(root).get("site_url")
    return url if isinstance(url, str) else ""
