"""Text that must be shown exactly as written, whatever markup it contains.

Business names, roles, notes and questionnaire text reach pages and reports
that render Markdown (Streamlit's markdown, labels and captions; the CLI's
markdown summary). A name such as ``[Session expired](https://evil.example)``
must show as those characters, not as a link, and ``![x](http://host/b.png)``
must not make a browser fetch anything. CommonMark lets any ASCII punctuation
be escaped with a backslash, so escaping all of it is safe whatever the text.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def md_literal(text: str) -> str:
    """``text`` escaped so that Markdown shows every character as typed (line breaks kept)."""
    return _PUNCTUATION.sub(r"\\\1", text)
