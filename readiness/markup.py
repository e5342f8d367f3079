"""Text that must be shown exactly as written, whatever markup it contains.

Business names, roles, notes and questionnaire text reach pages and reports
that render Markdown (Streamlit's markdown, labels, captions and tables: ``md_literal``; the
Markdown score and surge reports, read raw as often as rendered: ``md_text``). A name such as ``[Session expired](https://evil.example)``
must show as those characters, not as a link, and ``![x](http://host/b.png)``
must not make a browser fetch anything. CommonMark lets any ASCII punctuation
be escaped with a backslash, so escaping all of it is safe whatever the text.

Escapes do not stop GitHub-flavoured Markdown from turning a bare address
(``https://…``, ``www.…``, ``name@host``) into a link, because it finds them
after escapes are resolved; an invisible word joiner (U+2060) inside each such
pattern keeps them text while they still read the same.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

_PUNCTUATION = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_AUTOLINK = re.compile(r"(?i)(?<=:)(?=//)|(?<=www)(?=\.)|(?=@)")
JOINER = "\u2060"


def md_literal(text: str) -> str:
    """``text`` escaped so that Markdown shows every character as typed (line breaks kept)."""
    return _PUNCTUATION.sub(r"\\\1", _AUTOLINK.sub(JOINER, text))


# Characters that open inline markup anywhere in a line (emphasis, code, links and images, raw HTML,
# table cells, GFM strikethrough), and an entity reference such as ``&lt;``.
_INLINE = re.compile(r"[\\`*_\[\]<>|~]|&(?=#?\w+;)")
# What turns the start of a line into a block: a heading, a list item or a thematic break (``> `` and ``***``
# are escaped already as inline characters).
_LINE_START = re.compile(r"^(\s*)(?:(#{1,6}|[+-])|(\d{1,9})([.)]))(?=\s|$|-)")


# Editors' previews that linkify (markdown-it's linkify-it) link a bare "evil.com" and read a joiner before
# the dot of "www." as part of an international domain: a joiner after each dot before a letter stops both.
_DOMAIN = re.compile(r"(?<=\w\.)(?=[A-Za-z])")
# A run of "#" at the end of a heading's text is read as its closing marks and vanishes ("Fish Bar ##").
_HEADING_END = re.compile(r"(?<=\s)#+(?=\s*$)")


def md_text(text: str) -> str:
    """``text`` made safe to write into a Markdown file a person may read raw or rendered.

    Exports (the score report, the surge report) are read in both forms, so unlike :func:`md_literal` only
    the characters that would become markup are escaped: "Frost & Co. (Leeds)" stays as typed, while
    ``[Sign in](https://evil.example)``, ``![x](http://host/b.png)``, ``<img …>`` or ``*bold*`` show as
    characters in any renderer. Line breaks (``\\n``, ``\\r``) become spaces, since every caller writes the text
    inside a line; a leading ``#``, ``-``, ``1.`` or ``>`` is escaped because the text may start one, and a
    trailing ``#`` run because it may end a heading. Addresses ("www.…", "evil.com", "ops@…") get an invisible
    word joiner, so neither GitHub nor a linkifying preview turns them into links.
    """
    flat = " ".join(text.splitlines())  # "\r" ends a line in CommonMark too
    flat = _INLINE.sub(lambda m: "\\" + m.group(0), _DOMAIN.sub(JOINER, _AUTOLINK.sub(JOINER, flat)))
    return _HEADING_END.sub(lambda m: "\\" + m.group(0), _LINE_START.sub(_escape_start, flat))


def _escape_start(m: re.Match[str]) -> str:
    """``# x`` → ``\\# x``; ``1. x`` → ``1\\. x`` (the number stays, its dot no longer starts a list)."""
    lead, marker, number, dot = m.groups()
    return f"{lead}\\{marker}" if marker else f"{lead}{number}\\{dot}"


#: Letters with no plain letter inside them (NFKD leaves them whole): written out as a reader would.
_SPELT_OUT = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "Þ": "Th",
    }
)


def name_slug(business: str | None, fallback: str) -> str:
    """A business's name as a file name's part: "Café Zürich & Sons" is ``cafe-zurich-sons``, not
    ``caf-z-rich-sons`` (an exploratory browser pass); a name with no Latin letters at all falls back."""
    spelt = (business or "").translate(_SPELT_OUT)
    plain = unicodedata.normalize("NFKD", spelt).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:40].strip("-") or fallback


def plain_number(value: float, typographic: bool = True) -> str:
    """A number as people write it, the same on every page and file: "1,200", "2.5", "10,000,000".

    ``f"{value:g}"`` printed a typed order value of 1,250,000 as "1.25e+06" and 1,234,567 as "1.23457e+06"
    (six significant digits), and the answers template, the reports and the surge test each wrote a typed
    figure their own way. Up to six decimals are kept ("0.125"); beyond what anyone types (a quadrillion, or
    less than a millionth) and for infinity, the short scientific form stands. The minus is the typographic
    one, as a figure in words reads, unless the text is one an owner types from (``typographic=False``: an
    answers file's hints and errors)."""
    number = float(value)
    if not math.isfinite(number) or (number != 0 and not 1e-6 <= abs(number) < 1e15):
        text = f"{number:g}"
    elif number.is_integer():
        text = f"{number:,.0f}"
    else:
        text = f"{number:,.6f}".rstrip("0").rstrip(".")
    if text in ("-0", "-0.0"):  # a negative zero, or a tiny negative rounded away
        text = "0"
    return text.replace("-", "\u2212") if typographic else text


def and_list(items: Sequence[str]) -> str:
    """Words joined as a sentence lists them: "Team", "Team and Process", "Team, Process and Capacity"."""
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


#: A figure the owner gave, quoted in advice: ``{question_id}`` (docs/questionnaire-format.md, "Advice that quotes a
#: figure"). Lower-case ids only, so a brace written for another reason is not taken for one.
QUOTE = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def quoted_names(text: str) -> list[str]:
    """The question ids a piece of advice quotes, in order."""
    return QUOTE.findall(text)


def fill_quotes(text: str, reads: Mapping[str, Any]) -> str | None:
    """Advice with each quoted figure written in (``plain_number``), or None when one is not a number the owner
    gave: "twice a normal day if you have no figure" read as a template to an owner whose busiest day was nine
    times a normal one (the twenty-ninth review), so advice can say the owner's figure, and is never given with a
    hole in it (its ``when`` reads the figure, so the wording for an owner without it is another advice's)."""
    figures: dict[str, str] = {}
    for name in quoted_names(text):
        value = reads.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return None
        figures[name] = plain_number(value)
    return QUOTE.sub(lambda m: figures[m.group(1)], text) if figures else text
