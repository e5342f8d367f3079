"""Where the zone chart's words go: the zones' names and the business's name beside its point.

A browser pass found names written over each other on a phone (a care agency's name over "Scale-ready
engine", "Selling dreams…" over a point in its corner). Placing them is arithmetic on text boxes, judged on a
phone's plot, the narrowest the chart is drawn; :mod:`readiness.charts` draws what this module places, and
tests/browser/test_chart_labels.py measures the glyphs Streamlit's own font draws.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from readiness.scoring import QUADRANTS


def wrap(text: str, width: int) -> str:
    """Text broken into lines of at most ``width`` characters at spaces (a longer word keeps its line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


#: Short enough to stand whole over a phone's plot (about 290 px of 390): the long one was cut off.
QUADRANT_TITLE = "Demand vs. weakest link"
#: Pixels the business's name may take beside its point (about 20 bold characters; longer is cut, its whole
#: name is in the tooltip and the page's heading): short enough to find a place clear of the zones' names.
QUADRANT_NAME_LIMIT = 150
#: Pixels of plot on a 390 px phone (page margins and the y axis taken off): the narrowest it is drawn.
QUADRANT_PHONE_PLOT = 290
#: Zone labels wrap at this many characters, so two in the same corner of a phone's plot stay apart.
QUADRANT_WRAP = 16


#: A point above this pressure and left of this link sits where the danger zone's name is drawn.
DANGER_LABEL_CORNER = (50.0, 74.0)


def quadrant_labels(
    point: tuple[float, float] | None = None, *, lowered: bool | None = None, raised: bool = False
) -> list[dict[str, Any]]:
    """The zone names, placed on the 0..100 plane (``y`` is each label's top edge), wrapped short.

    "Selling dreams, delivering nightmares" (top left) and "Scale-ready engine" (top right) ran into
    each other on a phone; wrapped, and the second moved down into its own band, they stand apart.
    ``point`` (weakest link, pressure): a business in the top-left corner had its name drawn over the danger
    zone's (a browser pass), so the zone's name moves down, still inside its zone, below the point; ``lowered``
    says where it goes whatever the point (:func:`label_layout` tries both for the name's sake), and
    ``raised`` lifts the two names along the bottom, still inside their zones, for a point close to the floor.
    """
    in_corner = point is not None and point[0] < DANGER_LABEL_CORNER[0] and point[1] > DANGER_LABEL_CORNER[1]
    corner = lowered if lowered is not None else in_corner
    return [
        {"x": 3, "y": 70 if corner else 98, "text": wrap(QUADRANTS["danger_zone"][0], QUADRANT_WRAP), "align": "left"},
        {
            "x": 97,
            "y": 22 if raised else 9,
            "text": wrap(QUADRANTS["idle_capacity"][0], QUADRANT_WRAP),
            "align": "right",
        },
        {"x": 97, "y": 86, "text": wrap(QUADRANTS["scale_ready"][0], QUADRANT_WRAP), "align": "right"},
        {"x": 5, "y": 23 if raised else 12, "text": wrap(QUADRANTS["foundation"][0], QUADRANT_WRAP), "align": "left"},
    ]


#: Plot height of the zone chart, in pixels (its ``height``), and the text sizes its labels are drawn at.
QUADRANT_HEIGHT = 360
QUADRANT_NAME_FONT = 12
QUADRANT_ZONE_FONT = 11
#: A bold character's width in em, generous: the app's font is narrower than the fallback a report may get.
BOLD_CHAR = 0.62
#: Pixels a multi-line text mark adds per line over its font size (Vega's default line height).
LINE_GAP = 2
#: Characters of the business's name per line beside its point, and lines at most (the last is cut to fit).
NAME_WRAP = 22
NAME_LINES = 2
#: Pixels kept clear around a zone's name: a drawn line's glyphs reach past its line height.
LABEL_PAD = 3.0


class NamePlacement(NamedTuple):
    """How the business's name sits around its point (Vega text mark properties), and how much of it would
    cover a zone's name or leave the plot on a phone (square pixels; 0 is clear)."""

    align: str
    baseline: str
    dx: float
    dy: float
    limit: float
    clash: float = 0.0


Box = tuple[float, float, float, float]  # left, right, top, bottom in pixels, top down


def _text_box(
    x: float, y: float, text: str, size: float, align: str, baseline: str, limit: float | None, pad: float = 0.0
) -> Box:
    """The box a text mark takes, as Vega draws it: the baseline places the first line, the others follow it
    down (a two-line name set "middle" on its point hangs below it; set "bottom", its second line covers it)."""
    lines = text.split("\n")
    width = max(len(line) for line in lines) * size * BOLD_CHAR
    width = min(width, limit) if limit is not None else width
    line = size + LINE_GAP
    left = x if align == "left" else x - width if align == "right" else x - width / 2
    top = y if baseline == "top" else y - line if baseline == "bottom" else y - line / 2
    return left - pad, left + width + pad, top - pad, top + len(lines) * line + pad


def name_lines(business: str) -> str:
    """The business's name in at most two lines beside its point; the rest of a long one runs on the second,
    cut there to fit (the whole name is in the tooltip and the page's heading)."""
    lines = wrap(business, NAME_WRAP).split("\n")
    return "\n".join([*lines[: NAME_LINES - 1], " ".join(lines[NAME_LINES - 1 :])]) if lines else business


def _overlap(a: Box, b: Box) -> float:
    """Square pixels two boxes share."""
    return max(0.0, min(a[1], b[1]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[2], b[2]))


def name_placement(
    link: float, pressure: float, name: str, labels: list[dict[str, Any]], width: float = QUADRANT_PHONE_PLOT
) -> NamePlacement:
    """Where the business's name goes: beside its point, on the side away from the y axis, unless it would run
    into a zone's name there; then on the other side, under the point or over it, whichever is clear first.

    A care agency at 50 across and 90 up had its name written over "Scale-ready engine" on a phone (a browser
    pass). Judged on a phone's plot, the narrowest the chart is drawn; on a laptop there is more room."""
    px, py = link / 100 * width, (100 - pressure) / 100 * QUADRANT_HEIGHT
    zones = [
        _text_box(
            lab["x"] / 100 * width,
            (100 - lab["y"]) / 100 * QUADRANT_HEIGHT,
            lab["text"],
            QUADRANT_ZONE_FONT,
            lab["align"],
            "top",
            None,
            pad=LABEL_PAD,
        )
        for lab in labels
    ]
    right = link > 50
    extra = (name.count("\n")) * (QUADRANT_NAME_FONT + LINE_GAP)  # the lines after the first
    beside = {  # the side away from the y axis first, the block of lines centred on the point
        "left": NamePlacement("left", "middle", 12, -extra / 2, QUADRANT_NAME_LIMIT),
        "right": NamePlacement("right", "middle", -12, -extra / 2, QUADRANT_NAME_LIMIT),
    }
    # under or over the point: centred, or running from the point towards either side
    whole = min(max(len(line) for line in name.split("\n")) * QUADRANT_NAME_FONT * BOLD_CHAR, QUADRANT_NAME_LIMIT)
    runs = [("center", 0.0), ("left", -8.0), ("right", 8.0)]
    if right:
        runs = [runs[0], runs[2], runs[1]]
    candidates = [
        beside["right" if right else "left"],
        beside["left" if right else "right"],
        *(NamePlacement(align, "top", dx, 12, whole) for align, dx in runs),
        *(NamePlacement(align, "bottom", dx, -12 - extra, whole) for align, dx in runs),
    ]

    def clash(place: NamePlacement) -> float:
        """Square pixels of the name over the zones' names or outside the plot: 0 is clear."""
        box = _text_box(
            px + place.dx, py + place.dy, name, QUADRANT_NAME_FONT, place.align, place.baseline, place.limit
        )
        area = (box[1] - box[0]) * (box[3] - box[2])
        inside = _overlap(box, (0.0, width, 0.0, float(QUADRANT_HEIGHT)))
        return area - inside + sum(_overlap(box, zone) for zone in zones)

    # the first clear place in that order; where none is (a point on a zone's name), the least covered
    scored = [place._replace(clash=round(clash(place), 1)) for place in candidates]
    return min(scored, key=lambda place: (place.clash, scored.index(place)))


def label_layout(link: float, pressure: float, name: str) -> tuple[list[dict[str, Any]], NamePlacement]:
    """The zones' names and the business's name, placed so that none covers another where the plot allows.

    A point high in the middle (a care agency at 55 across, 90 up) found every place beside, under or over it
    taken by "Selling dreams…" or "Scale-ready engine": the danger zone's name then moves down, as it does for
    a point in its corner; a point near the floor lifts the names along the bottom."""
    point = (link, pressure)
    corner = point[0] < DANGER_LABEL_CORNER[0] and point[1] > DANGER_LABEL_CORNER[1]
    layouts = [
        quadrant_labels(point, lowered=lowered, raised=raised)
        for raised in (False, True)
        for lowered in (corner, not corner)
    ]
    placed = [(labels, name_placement(link, pressure, name, labels)) for labels in layouts]
    return min(placed, key=lambda item: (item[1].clash, placed.index(item)))
