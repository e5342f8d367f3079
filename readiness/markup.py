"""Text that must be shown exactly as written, whatever markup it contains.

Business names, roles, notes and questionnaire text reach pages and reports
that render Markdown (Streamlit's markdown, labels, captions and tables; the
CLI's markdown summary). A name such as ``[Session expired](https://evil.example)``
must show as those characters, not as a link, and ``![x](http://host/b.png)``
must not make a browser fetch anything. CommonMark lets any ASCII punctuation
be escaped with a backslash, so escaping all of it is safe whatever the text.

Escapes do not stop GitHub-flavoured Markdown from turning a bare address
(``https://…``, ``www.…``, ``name@host``) into a link, because it finds them
after escapes are resolved; an invisible word joiner (U+2060) inside each such
pattern keeps them text while they still read the same.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_AUTOLINK = re.compile(r"(?i)(?<=:)(?=//)|(?<=www)(?=\.)|(?=@)")
JOINER = "\u2060"


def md_literal(text: str) -> str:
    """``text`` escaped so that Markdown shows every character as typed (line breaks kept)."""
    return _PUNCTUATION.sub(r"\\\1", _AUTOLINK.sub(JOINER, text))
