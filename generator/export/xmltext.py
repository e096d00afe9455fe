"""Text that any XML 1.0 document can carry, for the exports written as XML."""

from __future__ import annotations

import re

# XML 1.0 allows tab, line feed, carriage return and everything from U+0020 on, except
# the surrogates and U+FFFE/U+FFFF: anything else makes the document unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_chars(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (``"a\\x00b"`` → ``"ab"``)."""
    return _NOT_XML.sub("", text)


def cdata(text: str) -> str:
    """``text`` in a CDATA section; a ``]]>`` inside it is split across two sections."""
    return "<![CDATA[" + xml_chars(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"
