"""Our stylesheets and scripts as readers download them: minified when the pages are written.

rjsmin and rcssmin only drop comments and whitespace (they never rename or reorder), so
the minified files behave exactly as the sources we read and test; both are small,
dependency-free and kept up to date by one maintainer since 2011.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]


def minified(path: Path) -> bytes:
    """The content of ``path``, minified if it is JavaScript or CSS."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".js":
        return str(rjsmin.jsmin(text)).encode("utf-8")
    if path.suffix == ".css":
        return str(rcssmin.cssmin(text)).encode("utf-8")
    return text.encode("utf-8")
