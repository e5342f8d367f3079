"""The score report as one self-contained HTML file, and the PDF made from that HTML.

What a user typed is untrusted: Jinja2 escapes it, links are made only for http(s) URLs, a
chart's SVG is refused if it could run or load anything, and nothing loads a script, style or
font from the internet.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from readiness.balance import QUADRANTS
from readiness.chart_labels import QUADRANT_PHONE_PLOT
from readiness.errors import ReportError
from readiness.report_model import Report
from readiness.results import ScoreResult

Paper = Literal["A4", "Letter"]
TEMPLATES = Path(__file__).resolve().parent / "templates"
#: How much the summary shows, longest first: (fixes, actions in the first 30 days, whether the fixes
#: start a new page[, whether the closing note on what the full report adds is shown]). The first that fits
#: the summary's pages is used (`fit_pdf`).
SUMMARY_LENGTHS: tuple[tuple[Any, ...], ...] = (
    (5, 6, True),
    (5, 5, False),
    (5, 4, False),
    (4, 4, False),
    (3, 3, False),
    (3, 2, False),
    (3, 1, False),
    (3, 1, False, False),  # a long business name and a long story: the closing note goes last
    (3, 0, False, False),  # and a long step paragraph: the first 30 days are named in the full report only
)

_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


def safe_url(url: str) -> str | None:
    """The URL if it is a plain http(s) link to a host, else None (javascript:, data:, ...)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def linkify(text: str) -> str:
    """Escape ``text``; turn http(s) URLs in it into links that open nothing else."""
    out, last = [], 0
    for match in _URL.finditer(text):
        out.append(html.escape(text[last : match.start()]))
        url = match.group(0).rstrip(".,);")
        tail = match.group(0)[len(url) :]
        if safe_url(url):
            link = html.escape(url, quote=True)
            out.append(f'<a href="{link}" rel="noopener noreferrer nofollow">{html.escape(url)}</a>')
        else:
            out.append(html.escape(url))
        out.append(html.escape(tail))
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


@lru_cache(maxsize=1)
def environment() -> Any:
    """The Jinja2 environment of every report template: autoescaping on, links only via ``linkify``."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["linkify"] = lambda text: Markup(linkify(text or ""))
    return env


#: Elements that run, load or embed something; in a chart they can only be an attack.
_ACTIVE_ELEMENTS = frozenset({"script", "foreignobject", "iframe", "object", "embed", "use", "image", "animate", "set"})


def _active_svg(svg: str) -> str | None:
    """What in ``svg`` could run or load something (None: nothing).

    The check reads the SVG as XML rather than searching its text: a role named
    ``javascript: what we sell`` is text in a label, harmless, and must not stop the
    report (it did, silently), while an ``onload`` attribute or a ``<script>`` is refused.
    """
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        return f"the SVG cannot be read ({exc})"
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1].lower()
        if name in _ACTIVE_ELEMENTS:
            return f"a <{name}> element"
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                return f"an {local} attribute"
            if local == "href" and not value.startswith("#"):
                return "a link"
            if "url(" in value.replace(" ", "").lower() and "url(#" not in value.replace(" ", "").lower():
                return "a url() reference"
    return None


#: The width a chart is drawn at for a phone (``{name}_narrow``): a 390-pixel screen less the page's margins and
#: the axis labels. The wide charts (620) scaled down to a phone set their labels at five or six pixels.
NARROW = 240


def chart_svgs(result: ScoreResult, *, narrow: bool = True) -> dict[str, str]:
    """The report's charts as static SVG (drawn by vl-convert, no script, no web font).

    The bars, the zones and the heatmap are drawn a second time at a phone's width (``bars_narrow``…); the
    page's style shows those on a small screen and prints the wide ones (a fifth of a second more per report).
    The radial chart is drawn at its own size, which fits a phone; the zones at the narrowest width their
    names are placed for (``QUADRANT_PHONE_PLOT``). ``narrow=False`` for a PDF, which prints the wide ones."""
    from readiness import charts

    specs = {
        "bars": charts.spec(charts.dimension_bars(result)),
        "radial": charts.spec(charts.radial(result)),
        "quadrant": charts.spec(charts.quadrant(result)),
        "heatmap": charts.spec(charts.question_heatmap(result)),
    }
    svgs = {name: static_svg(name, spec, width=620 if name != "radial" else None) for name, spec in specs.items()}
    if narrow:
        for name in ("bars", "quadrant", "heatmap"):
            width = QUADRANT_PHONE_PLOT if name == "quadrant" else NARROW
            svgs[f"{name}_narrow"] = static_svg(name, specs[name], width=width)
    return svgs


def static_svg(name: str, chart_spec: dict[str, Any], width: int | None = 620, container: int | None = None) -> str:
    """One chart as SVG for a report file; refuses (rather than embeds) anything active. ``container``: the
    page width the chart's own layout reads (:func:`readiness.charts.static`)."""
    import vl_convert as vlc

    from readiness import charts

    svg = vlc.vegalite_to_svg(charts.static(chart_spec, width=width, container=container))
    active = _active_svg(svg)
    if active:  # defence in depth: an SVG with active content is never inlined
        raise ReportError(f"chart {name} produced active SVG content ({active}); refusing to embed it")
    return svg


def render_html(
    report: Report,
    svgs: dict[str, str] | None = None,
    paper: Paper = "A4",
    *,
    full: bool = True,
    lengths: tuple[Any, ...] = SUMMARY_LENGTHS[0],
    appendix: bool | None = None,
) -> str:
    """One self-contained HTML file: inline CSS and SVG, nothing loaded from anywhere.

    Its first two printed pages are the summary (where the business stands, the weakest parts,
    the first fixes, the first 30 days); ``full`` adds every detail as an appendix. A PDF is
    the summary alone unless asked for in full: twenty pages is not what a bakery reads."""
    from markupsafe import Markup

    template = environment().get_template("report.html.j2")
    return template.render(
        r=report,
        charts={k: Markup(v) for k, v in (svgs or {}).items()},
        paper=paper,
        quadrants=QUADRANTS,
        full=full,
        appendix=full if appendix is None else appendix,
        fixes=lengths[0],
        plan=lengths[1],
        new_page=lengths[2],
        note=lengths[3] if len(lengths) > 3 else True,
    )


def embeddable(report_html: str) -> str:
    """The report's style and body without the document shell, to show inside a page.

    All report CSS is scoped under ``.rr``, so embedding it restyles nothing else.
    """
    style = report_html[report_html.index("<style>") : report_html.index("</style>") + len("</style>")]
    body = report_html[report_html.index('<div class="rr">') : report_html.rindex("</body>")]
    # Inside the app, what a person typed is text on every page: the evidence links a report file
    # makes clickable (``linkify``) stay visible as their address, but open nothing.
    body = _LINK.sub(r"<span>\1</span>", body)
    # Hosts sanitise inline <svg> away; as images the same charts survive (and still run nothing).
    return style + _SVG_ELEMENT.sub(_svg_as_image, body)


_SVG_ELEMENT = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
_LINK = re.compile(r'<a href="[^"]*" rel="noopener noreferrer nofollow">(.*?)</a>', re.DOTALL)


def _svg_as_image(match: re.Match[str]) -> str:
    encoded = base64.b64encode(match.group(0).encode("utf-8")).decode("ascii")
    return f'<img alt="chart" style="max-width:100%" src="data:image/svg+xml;base64,{encoded}">'


@lru_cache(maxsize=1)
def pdf_unavailable() -> str | None:
    """Why PDFs cannot be made on this machine (None when they can), so a page can say so up
    front instead of handing out a broken file."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:  # OSError: the Pango system library is missing
        return (
            "PDF export needs WeasyPrint and the Pango library. Install Pango "
            "(Debian/Ubuntu: `apt-get install libpango-1.0-0 libpangoft2-1.0-0`; macOS: `brew install pango`), "
            f"or download the HTML report and print it to PDF from a browser. ({exc})"
        )
    return None


def render_pdf(report_html: str) -> bytes:
    """The PDF of the same HTML (WeasyPrint): selectable text, vector charts."""
    return bytes(_layout(report_html).write_pdf())


def _layout(html: str) -> Any:
    """The laid-out document of one report HTML (WeasyPrint), loading nothing from outside."""
    problem = pdf_unavailable()
    if problem:
        raise ReportError(problem)
    import weasyprint

    def no_network(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
        raise ValueError(f"reports load nothing from outside ({url})")

    return weasyprint.HTML(string=html, url_fetcher=no_network).render()


def fit_pdf(make_html: Callable[[int], str], attempts: int, pages: int = 2) -> bytes:
    """The PDF of the longest summary (``make_html(0)`` longest, then shorter) that fits in ``pages``.

    A summary's length cannot be known before it is laid out: a business with five failing critical
    questions says more than one with none, and Letter paper is shorter than A4. So the summary is
    laid out, its pages counted, and made shorter (fewer fixes, fewer actions) until it fits; the
    shortest is used if even that does not, so a PDF always comes out."""
    document = None
    for attempt in range(attempts):
        document = _layout(make_html(attempt))
        if len(document.pages) <= pages:
            break
    assert document is not None
    return document.write_pdf()


def fit_full_pdf(make_html: Callable[[int, bool], str], attempts: int, pages: int = 2) -> bytes:
    """The full report's PDF, its summary kept to ``pages`` pages as the summary alone is.

    ``make_html(attempt, appendix)`` is the full report's HTML at the attempt's summary length, with or
    without the appendix, which starts on a new page. Laid out at its longest, a summary ran two lines
    onto a page of its own before the appendix (a browser pass found page 3 of the demo's full PDF
    holding the end of one action), so the summary, worded as in the full report, is made shorter as
    :func:`fit_pdf` makes it until it fits (the shortest if none does); the appendix is laid out once, after
    it, and holds what the summary leaves out."""
    chosen = attempts - 1
    for attempt in range(attempts):
        if len(_layout(make_html(attempt, False)).pages) <= pages:
            chosen = attempt
            break
    return bytes(_layout(make_html(chosen, True)).write_pdf())


def render_full_pdf(report: Report, svgs: dict[str, str] | None, paper: Paper = "A4", pages: int = 2) -> bytes:
    """The whole report as a PDF: the summary as the two-page PDF lays it out, then every detail."""
    return fit_full_pdf(
        lambda attempt, appendix: render_html(
            report, svgs, paper, full=True, lengths=SUMMARY_LENGTHS[attempt], appendix=appendix
        ),
        len(SUMMARY_LENGTHS),
        pages,
    )


def render_summary_pdf(report: Report, paper: Paper = "A4", pages: int = 2) -> bytes:
    """The report's summary as a PDF of at most ``pages`` pages (see :func:`fit_pdf`)."""
    return fit_pdf(
        lambda attempt: render_html(report, None, paper, full=False, lengths=SUMMARY_LENGTHS[attempt]),
        len(SUMMARY_LENGTHS),
        pages,
    )
