"""Printable packs: the whole handbook per language, or one role's pack, as one HTML page.

The page stands alone (inline CSS, no script, nothing loaded from elsewhere), so it can
be mailed, opened offline and printed to PDF from any browser. Data comes from
:mod:`.build`; the layout is the template ``print.html.j2``, whose autoescape
HTML-escapes every text.
"""

from __future__ import annotations

from generator.export.printpack.build import print_pack
from generator.export.printpack.views import PrintPack
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.presentation.environment import environment, label_tree

TEMPLATE = "print.html.j2"


def to_html(pack: PrintPack) -> str:
    """``pack`` as a complete HTML document."""
    return environment().get_template(TEMPLATE).render(pack=pack, L=label_tree(pack.words))


def export_print(handbook: Handbook, lang: str | None = None, role: str | None = None) -> bytes:
    """The printable page of the whole handbook, or of ``role``, as UTF-8 bytes."""
    return to_html(print_pack(handbook, Index(handbook), lang, role)).encode("utf-8")
