"""One look for every chart: a colour-blind-safe palette and fixed figure sizes.

The palette is Okabe and Ito's (2008), distinguishable under the common colour-vision deficiencies.
Plot functions take colours from here so the same kind or source keeps its colour across notebooks.
"""
from __future__ import annotations

OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow (use on dark marks only)
    "#000000",  # black
)
GREY = "#999999"
#: Text on charts and maps: near black, softer than pure black on a light ground.
TEXT = "#333333"

#: Claim kinds get fixed colours so highlights, charts and legends agree.
KIND_COLOURS = {
    "count": "#0072B2",
    "distance": "#009E73",
    "date": "#E69F00",
    "duration": "#56B4E9",
    "money": "#CC79A7",
    "percent": "#D55E00",
    "measure": "#000000",
    "rank": GREY,
}
#: Event kinds on the timeline (claimframe.views.timeline): the article's own events in blue, black and
#: reddish purple, the public record in vermillion.
EVENT_KIND_COLOURS = {
    "reported": "#0072B2",   # blue: what the article says
    "published": "#000000",  # black: the article itself
    "cited": "#CC79A7",      # reddish purple: the article it cites
    "context": "#D55E00",    # vermillion: the public record
}
#: Check statuses.
STATUS_COLOURS = {"ok": "#009E73", "warn": "#E69F00", "fail": "#D55E00", "info": "#56B4E9"}

FIGSIZE_WIDE = (10, 5)
FIGSIZE_MAP = (9, 8)
FIGSIZE_SMALL = (7, 4)


def chart_text(s) -> str:
    """Article text for a matplotlib label: a literal '$' ("$1.5 billion") must not start mathtext."""
    return str(s).replace("$", r"\$")


def colours_for(labels) -> dict[str, str]:
    """A stable colour per label: sorted order, cycling the palette (yellow skipped on light ground)."""
    usable = [c for c in OKABE_ITO if c != "#F0E442"]
    return {label: usable[i % len(usable)] for i, label in enumerate(sorted(set(labels)))}
