"""Built pages without their indentation: the theme's templates indent every line, which is a
sixth of a large handbook's page weight and means nothing to a browser.

Only a run of white space that holds a line break and sits between tags, or in text, is
shortened, to one line break: in HTML's normal flow a run of white space shows as one space
whatever it holds, so the page looks the same. Tags (their attribute values), and the
content of ``pre``, ``textarea``, ``script`` and ``style``, where white space counts, are
left exactly as they were.
"""

from __future__ import annotations

import re
from pathlib import Path

# A verbatim element whole, or one tag: what is kept as it is. Everything between is text.
_KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>|<!--.*?-->|<[^>]*>)", re.S | re.I)
# HTML's white space only: Python's \s would also take the no-break space, which shows.
_RUN = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")


def compact(html: str) -> str:
    """``html`` with every white-space run that holds a line break, outside tags and verbatim
    elements, shortened to one line break."""
    parts = _KEPT.split(html)
    # split() gives: text, kept, the kept element's name (or None), text, kept, name, … text.
    out = []
    for i in range(0, len(parts), 3):
        out.append(_RUN.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


def compact_pages(folder: Path) -> int:
    """Compact every HTML page below ``folder`` in place; the bytes saved."""
    saved = 0
    for page in folder.rglob("*.html"):
        original = page.read_text(encoding="utf-8")
        shorter = compact(original)
        if len(shorter) < len(original):
            try:
                page.write_text(shorter, encoding="utf-8")
            except OSError as exc:  # a write that fails part-way names no file
                if exc.filename is None:
                    raise OSError(exc.errno, exc.strerror, str(page)) from exc
                raise
            saved += len(original.encode("utf-8")) - len(shorter.encode("utf-8"))
    return saved
