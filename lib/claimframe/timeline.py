"""The events table on a timeline: a filter, a plot, and a widget that wires the two.

Why: dates in news copy are loose ("in November") and the record is exact (2016-11-26). Drawing
the article's events as points (a day) or spans (a week, month or year) above the public
record's, on one time axis, shows at a glance what the article's words allow and what happened.

- :func:`filter_events` takes the events table and returns the rows that match (pure pandas).
- :func:`plot_timeline` draws a table on an ``Axes`` and returns it. One row per event, so labels
  never overlap; article events filled, context events hollow in a block of their own; colour by
  kind or by source, with a legend; a dashed line at the article's publication date, the "today"
  its relative dates are read against.
- :func:`timeline_explorer` builds the ipywidgets controls (date range, kinds, sources, context
  and label toggles, colour) and keeps a chart and a table of the filtered events in step.

    >>> import claimframe
    >>> events = claimframe.load_article("iraq-shiite-militias-2016").events
    >>> filter_events(events, kinds=["reported"], start="2016-11-01")["date_text"].tolist()
    ['November', 'Wednesday, Nov. 9, 2016', 'Dec. 4']
"""
from __future__ import annotations

import functools
import html
import io
from typing import TYPE_CHECKING, Any, Iterable

from .errors import ClaimframeError
from .schema import EVENT_KINDS
from .style import FIGSIZE_WIDE, GREY, colours_for

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "EVENT_KIND_COLOURS",
    "NO_MATCH",
    "TimelineError",
    "TimelineExplorer",
    "clear_timeline",
    "event_table",
    "filter_events",
    "plot_timeline",
    "timeline_explorer",
]

#: Event kinds get fixed colours (Okabe-Ito, as in claimframe.style).
EVENT_KIND_COLOURS = {
    "reported": "#0072B2",   # blue: what the article says
    "published": "#000000",  # black: the article itself
    "cited": "#CC79A7",      # reddish purple: the article it cites
    "context": "#D55E00",    # vermillion: the public record
}
KIND_NAMES = {
    "reported": "article reports",
    "published": "article published",
    "cited": "cited article",
    "context": "public record",
}
NO_MATCH = "No events match these filters: widen the date range or select more kinds or sources."
TABLE_COLUMNS = ["date", "date_end", "date_precision", "date_text", "label", "kind", "source"]
ARTICLE_HEADING = "What the article says"
CONTEXT_HEADING = "The public record (context events)"
LABEL_FONTSIZE = 8.0
#: Fixed margins (figure fractions) leaving room for date tick labels on the left, the title and
#: publication note above, and the legend below.
MARGINS = dict(left=0.18, right=0.98, top=0.86, bottom=0.19)


class TimelineError(ClaimframeError, ValueError):
    """A plotting option that does not exist (``colour_by="mood"``)."""


def _as_list(value: Any) -> list | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    return list(value)


def _timestamp(value: Any):
    import pandas as pd

    return None if value is None else pd.Timestamp(value)


def filter_events(df: "pd.DataFrame", start: Any = None, end: Any = None, *,
                  kinds: str | Iterable[str] | None = None,
                  sources: str | Iterable[str] | None = None,
                  context: bool = True) -> "pd.DataFrame":
    """The events that match every filter given, in the table's order, index reset.

    - ``start``/``end`` (dates or strings): keep events whose period overlaps [start, end], both
      inclusive; a month-precision "November" overlaps a range that starts on Nov. 30.
    - ``kinds``, ``sources``: one value or several; ``None`` means any, an empty list means none.
    - ``context=False`` drops context events whatever ``kinds`` says.

        >>> filter_events(events, "2016-11-20", "2016-11-30")["date_text"].tolist()  # doctest: +SKIP
        ['November', '2016-11-26']
    """
    import pandas as pd

    keep = pd.Series(True, index=df.index)
    lo, hi = _timestamp(start), _timestamp(end)
    if lo is not None:
        keep &= df["date_end"].fillna(df["date"]) >= lo
    if hi is not None:
        keep &= df["date"] <= hi
    for col, wanted in (("kind", _as_list(kinds)), ("source", _as_list(sources))):
        if wanted is not None:
            keep &= df[col].astype(object).isin(wanted)
    if not context:
        keep &= df["kind"].astype(object) != "context"
    return df[keep.to_numpy(dtype=bool)].reset_index(drop=True)  # boolean indexing keeps the dtypes


def event_table(df: "pd.DataFrame") -> "pd.DataFrame":
    """The columns a reader scans under the chart: dates as written and resolved, label, kind, source."""
    out = df[TABLE_COLUMNS].copy()
    for col in ("date", "date_end"):
        out[col] = out[col].dt.strftime("%Y-%m-%d").astype("string")
    return out.reset_index(drop=True)


# --- plotting ---------------------------------------------------------------------------------
def _colours(df: "pd.DataFrame", colour_by: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """(event_id -> colour, legend entries [(name, colour)])."""
    if colour_by == "kind":
        kinds = [k for k in EVENT_KINDS if (df["kind"] == k).any()]
        by_id = {e: EVENT_KIND_COLOURS[k] for e, k in zip(df["event_id"], df["kind"].astype(str))}
        return by_id, [(KIND_NAMES[k], EVENT_KIND_COLOURS[k]) for k in kinds]
    if colour_by != "source":
        raise TimelineError(f"plot_timeline: colour_by must be 'kind' or 'source', not {colour_by!r}")
    article = df[df["kind"] != "context"]
    palette = colours_for(article["source"].astype(str))
    by_id = {e: palette.get(s, GREY) if k != "context" else GREY
             for e, s, k in zip(df["event_id"], df["source"].astype(str), df["kind"].astype(str))}
    legend = [(s, palette[s]) for s in sorted(palette)]
    if (df["kind"] == "context").any():
        legend.append(("public record (see table)", GREY))
    return by_id, legend


def _rows(df: "pd.DataFrame", context_block: bool) -> list[tuple[str, Any]]:
    """Row layout top to bottom: ("heading", text) or ("event", record)."""
    records = df.to_dict("records")
    article = [r for r in records if r["kind"] != "context"]
    context = [r for r in records if r["kind"] == "context"]
    if not (context_block and context):
        return [("event", r) for r in records]
    rows: list[tuple[str, Any]] = [("heading", ARTICLE_HEADING)] if article else []
    rows += [("event", r) for r in article]
    rows.append(("heading", CONTEXT_HEADING))
    return rows + [("event", r) for r in context]


def _tick_text(rec: dict) -> str:
    text = rec["date_text"] if isinstance(rec.get("date_text"), str) else rec["date"].strftime("%Y-%m-%d")
    if rec["kind"] == "reported":
        text = f"“{text}”"
    return text if len(text) <= 26 else text[:25] + "…"


# Text as cached vector outlines. Why: matplotlib's Agg backend draws text glyph by glyph in Python
# (about 0.1 ms a glyph here), so a chart with a few hundred characters of labels takes longer to
# rasterise than everything else together, and the widget redraws it at every click. The outline
# of each string is built once (``_outline``) and drawn as one path, which Agg fills in C++; it
# stays vector in PDF and SVG. Vertical alignment uses fixed font proportions so rows line up.
_VA_SHIFT = {"center": -0.36, "baseline": 0.0, "bottom": 0.24, "top": -0.76}


@functools.lru_cache(maxsize=4096)
def _outline(text: str, size: float, weight: str):
    """(path in points with its baseline at 0, x-min, x-max) of ``text``; cached."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath

    path = TextPath((0, 0), text, size=size, prop=FontProperties(size=size, weight=weight))
    if not len(path.vertices):  # blank text
        return path, 0.0, 0.0
    ext = path.get_extents()
    return path, float(ext.x0), float(ext.x1)


def _text_width_pt(text: str, size: float, weight: str = "normal") -> float:
    _, x0, x1 = _outline(text, size, weight)
    return x1 - min(x0, 0.0)


def _make_path_text_class():
    from matplotlib.patches import PathPatch

    class PathText(PathPatch):
        """A string drawn as its outline at ``xy`` (in the ``coords`` transform), offset in points.

        ``get_text()`` gives the string; ``get_window_extent()`` its box in pixels.
        """

        def __init__(self, text: str, xy, coords, figure, *, size: float, weight: str = "normal",
                     ha: str = "left", va: str = "center", offset=(0.0, 0.0), **kwargs):
            from matplotlib.transforms import Affine2D, ScaledTranslation

            path, x0, x1 = _outline(text, size, weight)
            dx = {"left": -min(x0, 0.0), "right": -x1, "center": -(x0 + x1) / 2}[ha]
            dy = _VA_SHIFT[va] * size
            transform = (Affine2D().translate(dx + offset[0], dy + offset[1]).scale(1 / 72)
                         + figure.dpi_scale_trans + ScaledTranslation(xy[0], xy[1], coords))
            kwargs.setdefault("lw", 0)
            super().__init__(path, transform=transform, **kwargs)
            self._text = text
            self._box = (min(x0, 0.0) - 1.5, -0.3 * size, x1 + 1.5, 0.95 * size)  # points, unshifted

        def get_text(self) -> str:
            return self._text

    return PathText


_PATH_TEXT = None


def _path_text(ax: "Axes", text: str, xy, coords, *, background: str | None = None, **kwargs):
    """Add a :class:`PathText` to ``ax`` and return it (the class is built on first use, so that
    importing this module does not import matplotlib). ``background``: a colour for a box behind
    the text, so a line passing under a label does not cross its letters."""
    global _PATH_TEXT
    if _PATH_TEXT is None:
        _PATH_TEXT = _make_path_text_class()
    artist = _PATH_TEXT(text, xy, coords, ax.figure, **kwargs)
    if background is not None:
        from matplotlib.patches import Rectangle

        x0, y0, x1, y1 = artist._box
        ax.add_artist(Rectangle((x0, y0), x1 - x0, y1 - y0, transform=artist.get_transform(),
                                facecolor=background, lw=0, clip_on=artist.get_clip_on(),
                                zorder=artist.get_zorder() - 0.5, gid=f"background:{artist.get_gid()}"))
    ax.add_artist(artist)
    return artist


def _fit_label(label: str, x_left_px: float, x_right_px: float, box, size: float, dpi: float):
    """(text, side) for a label: right of its mark, or left when that side has more room; cut word
    by word (with "…") until it fits inside the axes, so it crosses no other row and no frame."""
    pad = 6.0 * dpi / 72
    room_right, room_left = box.x1 - x_right_px - 2 * pad, x_left_px - box.x0 - 2 * pad
    side, room = ("right", room_right) if room_right >= room_left else ("left", room_left)
    words = label.rstrip("…").split()
    text = label
    while _text_width_pt(text, size) * dpi / 72 > room and len(words) > 1:
        words.pop()
        text = " ".join(words).rstrip(",;:") + "…"
    return text, side


def plot_timeline(df: "pd.DataFrame", ax: "Axes | None" = None, *, colour_by: str = "kind",
                  labels: bool = True, published: Any = None, title: str | None = None,
                  subtitle: str | None = None, legend: bool = True) -> "Axes":
    """Draw events on a time axis, one row each, and return the Axes.

    Day-precision events are points; weeks, months, years and multi-day ranges are spans from the
    first to the last day of the period. Article events (reported, published, cited) are filled
    and come first; context events are hollow (spans hatched) under a heading of their own. Colour
    by ``"kind"`` or ``"source"`` (context events then stay grey: their sources are in the table).
    Left of each row is its date as the article wrote it (quoted) or as the record gives it; right
    or left of its mark, whichever has room, its label (``labels=False`` hides them). Rows never
    share a line, so labels cannot overlap. A dashed line marks ``published`` (default: the table's
    ``published`` row), the day the article's relative dates are read from.

    Every artist carries a gid (``event:<event_id>`` for a mark, ``label:<event_id>``,
    ``date:<event_id>``, ``heading:article``, ``heading:context``, ``published``, ``title``,
    ``subtitle``) so tests and callers can find what was drawn; texts other than the axis ticks
    and the legend are vector outlines with a ``get_text()`` (they draw several times faster).
    Without ``ax`` a figure of ``style.FIGSIZE_WIDE`` is made with fixed margins. An empty table
    draws a "no events match" message instead of failing.
    """
    import matplotlib.dates as mdates
    import pandas as pd
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    if ax is None:
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=FIGSIZE_WIDE)
        fig.subplots_adjust(**MARGINS)
    fig = ax.figure
    title = title if title is not None else "Events on a timeline: the article and the public record"
    subtitle = subtitle if subtitle is not None else _default_subtitle(df)
    _path_text(ax, title, (0.0, 1.0), ax.transAxes, size=11, weight="bold", va="bottom",
               offset=(0, 26), color="#000000", clip_on=False, gid="title")
    _path_text(ax, subtitle, (0.0, 1.0), ax.transAxes, size=8, va="bottom", offset=(0, 14),
               color="#444444", clip_on=False, gid="subtitle")
    if df is None or not len(df):
        ax.set_xticks([])
        ax.set_yticks([])
        _path_text(ax, NO_MATCH, (0.5, 0.5), ax.transAxes, size=10, ha="center", color="#444444",
                   gid="no-match")
        return ax

    colours, legend_entries = _colours(df, colour_by)
    rows = _rows(df, context_block=True)
    n = len(rows)
    day = pd.Timedelta(days=1)
    first = df["date"].min()
    last = (df["date_end"].fillna(df["date"]).max()) + day
    span = max(last - first, pd.Timedelta(days=10))
    pad = span * 0.03
    ax.set_xlim(mdates.date2num(first - pad), mdates.date2num(last + pad))
    ax.set_ylim(n - 0.5, -0.5)
    box = ax.get_window_extent()
    height_pt = box.height * 72.0 / fig.dpi
    size = round(max(5.0, min(LABEL_FONTSIZE, 0.62 * height_pt / max(n, 1))), 1)
    rowaxis = ax.get_yaxis_transform()  # x in axes fraction, y in rows

    heading_rows = []
    for y, (what, item) in enumerate(rows):
        if what == "heading":
            heading_rows.append(y)
            gid = "heading:article" if item == ARTICLE_HEADING else "heading:context"
            ax.add_artist(Rectangle((0, y - 0.5), 1, 1, transform=rowaxis, color="#f2f2f2", lw=0, zorder=0))
            _path_text(ax, item, (0.005, y), rowaxis, size=size, weight="bold", color="#333333", gid=gid)
            continue
        rec = item
        eid = rec["event_id"]
        colour = colours[eid]
        is_context = rec["kind"] == "context"
        start = rec["date"]
        end = (rec["date_end"] if not pd.isna(rec["date_end"]) else start) + day
        x0, x1 = mdates.date2num(start), mdates.date2num(end)
        if end - start <= day:
            x_mid = mdates.date2num(start + day / 2)
            # add_artist, not plot/add_patch: the limits are set above, so skip autoscaling work
            ax.add_artist(Line2D([x_mid], [y], ls="none", marker="D" if is_context else "o", ms=6.5,
                                 mew=1.6, mfc="white" if is_context else colour, mec=colour, zorder=3,
                                 gid=f"event:{eid}"))
            left, right = x_mid, x_mid
        else:
            ax.add_artist(Rectangle((x0, y - 0.275), x1 - x0, 0.55, zorder=2, lw=1.4, edgecolor=colour,
                                   facecolor="white" if is_context else colour,
                                   alpha=None if is_context else 0.6, hatch="///" if is_context else None,
                                   gid=f"event:{eid}"))
            left, right = x0, x1
        _path_text(ax, _tick_text(rec), (0.0, y), rowaxis, size=size, ha="right", offset=(-6, 0),
                   color="#222222", clip_on=False, gid=f"date:{eid}")
        if labels:
            lx, rx = ax.transData.transform([(left, y), (right, y)])[:, 0]
            text, side = _fit_label(str(rec["label"]), lx, rx, box, size, fig.dpi)
            _path_text(ax, text, (right if side == "right" else left, y), ax.transData, size=size,
                       ha="left" if side == "right" else "right", offset=(6 if side == "right" else -6, 0),
                       color="#222222", zorder=4, clip_on=False, background="white", gid=f"label:{eid}")

    pub = _timestamp(published)
    if pub is None and (df["kind"] == "published").any():
        pub = df.loc[df["kind"] == "published", "date"].iloc[0]
    if pub is not None:
        x = mdates.date2num(pub + day / 2)
        ax.axvline(x, color="#000000", lw=1.0, ls="--", zorder=1, gid="published")
        where = (x - ax.get_xlim()[0]) / (ax.get_xlim()[1] - ax.get_xlim()[0])  # keep it inside
        ha = "right" if where > 0.75 else "left" if where < 0.25 else "center"
        _path_text(ax, f"article published {pub:%Y-%m-%d}: its “today”", (x, 1.0),
                   ax.get_xaxis_transform(), size=7, ha=ha, va="bottom",
                   offset=({"right": 3, "left": -3, "center": 0}[ha], 2),
                   color="#000000", clip_on=False, gid="published-label")

    ax.set_yticks([])
    for y in heading_rows:
        ax.axhline(y - 0.5, color="#bbbbbb", lw=0.8, zorder=1)
    _date_axis(ax)
    ax.grid(axis="x", color="#e6e6e6", lw=0.8, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if legend:
        _legend(ax, legend_entries)
    return ax


def _date_axis(ax: "Axes") -> None:
    """Concise date ticks ("Jul", "Sep", "2017") whose labels are outlines too."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    formatter = mdates.ConciseDateFormatter(locator)
    ticks = [t for t in locator() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
    labels = formatter.format_ticks(ticks)
    ax.set_xticks(ticks, [""] * len(ticks))
    ax.tick_params(axis="x", length=3, color="#555555")
    for t, label in zip(ticks, labels):
        _path_text(ax, label, (t, 0.0), ax.get_xaxis_transform(), size=8, ha="center", va="top",
                   offset=(0, -5), color="#222222", clip_on=False, gid="xtick")
    offset = formatter.get_offset()
    if offset:
        _path_text(ax, offset, (1.0, 0.0), ax.transAxes, size=8, ha="right", va="top",
                   offset=(0, -17), color="#222222", clip_on=False, gid="xtick-offset")


def _legend(ax: "Axes", entries: list[tuple[str, str]]) -> None:
    """A legend in rows under the axis: colour swatches for ``entries`` (name, colour), then what
    a filled dot, a hollow diamond and a bar mean. Items carry gids ``legend:<name>`` (the text)
    and ``legend-handle:<name>`` (the swatch or marker)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle
    from matplotlib.transforms import Affine2D, ScaledTranslation

    fig = ax.figure
    points = Affine2D().scale(1 / 72) + fig.dpi_scale_trans + ScaledTranslation(0, 0, ax.transAxes)
    width_pt = ax.get_window_extent().width * 72 / fig.dpi
    items = [("swatch", name, colour) for name, colour in entries] + [
        ("dot", "day (filled: article)", "#555555"),
        ("diamond", "day (hollow: record)", "#555555"),
        ("bar", "week, month or year", "#555555"),
    ]
    size, handle, gap, x, y = 7.5, 10.0, 14.0, 0.0, -32.0
    for kind, name, colour in items:
        w = handle + 4 + _text_width_pt(name, size)
        if x > 0 and x + w > width_pt:
            x, y = 0.0, y - 12.0
        gid = f"legend-handle:{name}"
        if kind in ("swatch", "bar"):
            face = colour if kind == "swatch" else "#bbbbbb"
            ax.add_artist(Rectangle((x, y - 3.5), handle, 7, transform=points, facecolor=face,
                                    edgecolor=colour, lw=0.8, clip_on=False, gid=gid))
        else:
            ax.add_artist(Line2D([x + handle / 2], [y], transform=points, ls="none", clip_on=False,
                                 marker="o" if kind == "dot" else "D", ms=5, mew=1.2, mec=colour,
                                 mfc=colour if kind == "dot" else "white", gid=gid))
        _path_text(ax, name, (0.0, 0.0), ax.transAxes, size=size, offset=(x + handle + 4, y),
                   color="#222222", clip_on=False, gid=f"legend:{name}")
        x += w + gap


def clear_timeline(ax: "Axes") -> "Axes":
    """Remove what :func:`plot_timeline` drew, keeping the Axes and its tick machinery.

    Cheaper than ``ax.clear()`` (which rebuilds the axis, spines and every tick) when a widget
    redraws the same Axes at each click.
    """
    for artist in [*ax.lines, *ax.patches, *ax.artists, *ax.texts, *ax.collections, *ax.images]:
        artist.remove()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    return ax


def _default_subtitle(df: "pd.DataFrame | None") -> str:
    if df is None or not len(df):
        return "Source: claimframe events table"
    pub = df[df["kind"] == "published"]
    who = pub["source"].iloc[0] if len(pub) else None
    parts = [f"Source: {who}, {pub['date'].iloc[0]:%Y-%m-%d} (dates resolved against publication)"
             if who else "Source: the article's dated statements"]
    if (df["kind"] == "context").any():
        parts.append("context: curated public sources (context_events.csv)")
    return "; ".join(parts)


# --- widgets ----------------------------------------------------------------------------------
class TimelineExplorer:
    """Controls, a chart and a table of the filtered events, kept in step.

    ``controls`` (a Box of widgets), ``output`` (the chart), ``table`` (an HTML widget) and
    ``status`` (how many events are shown) are public, and ``widget`` holds them all. Changing a
    control calls :meth:`update`; ``filtered`` is the last filtered table and ``ax`` the chart.
    """

    def __init__(self, events: "pd.DataFrame", *, published: Any = None):
        import ipywidgets as w
        import pandas as pd
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.events = events
        pub = _timestamp(published)
        if pub is None and (events["kind"] == "published").any():
            pub = events.loc[events["kind"] == "published", "date"].iloc[0]
        self.published = pub
        months = self._months(events)
        self.date_range = w.SelectionRangeSlider(
            options=[(m.strftime("%b %Y"), m) for m in months], index=(0, len(months) - 1),
            description="Dates", continuous_update=False, layout=w.Layout(width="520px"),
            disabled=len(months) < 2)
        kinds = [k for k in EVENT_KINDS if k != "context" and (events["kind"] == k).any()]
        self.kinds = w.SelectMultiple(options=kinds, value=tuple(kinds), description="Kinds",
                                      rows=max(len(kinds), 1), layout=w.Layout(width="260px"))
        sources = sorted(events["source"].dropna().astype(str).unique())
        self.sources = w.SelectMultiple(options=sources, value=tuple(sources), description="Sources",
                                        rows=min(max(len(sources), 1), 6), layout=w.Layout(width="460px"))
        has_context = bool((events["kind"] == "context").any())
        self.show_context = w.ToggleButton(value=has_context, description="Context events",
                                           icon="check", disabled=not has_context)
        self.show_labels = w.ToggleButton(value=True, description="Labels", icon="check")
        self.colour_by = w.ToggleButtons(options=[("Colour by kind", "kind"), ("by source", "source")],
                                         value="kind", style={"button_width": "110px"})
        self.controls = w.VBox([
            self.date_range,
            w.HBox([self.kinds, self.sources]),
            w.HBox([self.show_context, self.show_labels, self.colour_by]),
        ])
        self.status = w.HTML()
        self.output = w.Output()
        self.table = w.HTML()
        self.widget = w.VBox([self.controls, self.status, self.output, self.table])
        self.figure = Figure(figsize=FIGSIZE_WIDE)  # not pyplot's: no stray display, no leak
        FigureCanvasAgg(self.figure)
        self.figure.subplots_adjust(**MARGINS)
        self.ax = self.figure.add_subplot()
        self.filtered: pd.DataFrame = events.iloc[0:0]
        self.message: str | None = None
        for control in (self.date_range, self.kinds, self.sources, self.show_context,
                        self.show_labels, self.colour_by):
            control.observe(self._changed, names="value")
        self.update()

    @staticmethod
    def _months(events: "pd.DataFrame") -> list:
        import pandas as pd

        if not len(events):
            return [pd.Timestamp("1970-01-01")]
        first = events["date"].min().to_period("M")
        last = events["date_end"].fillna(events["date"]).max().to_period("M")
        return [p.to_timestamp() for p in pd.period_range(first, last, freq="M")]

    def filters(self) -> dict:
        """The keyword arguments for :func:`filter_events` that the controls currently say."""
        import pandas as pd

        lo, hi = self.date_range.value
        return {
            "start": lo,
            "end": hi + pd.DateOffset(months=1) - pd.Timedelta(days=1),  # the end month's last day
            "kinds": list(self.kinds.value) + (["context"] if self.show_context.value else []),
            "sources": list(self.sources.value),
            "context": bool(self.show_context.value),
        }

    def _changed(self, change=None) -> None:
        self.update()

    def update(self) -> "pd.DataFrame":
        """Filter, redraw the chart and refill the table; returns the filtered events."""
        self.filtered = filter_events(self.events, **self.filters())
        n, total = len(self.filtered), len(self.events)
        self.message = None if n else NO_MATCH
        self.status.value = (f"<b>{html.escape(NO_MATCH)}</b>" if not n
                             else f"Showing {n} of {total} events.")
        clear_timeline(self.ax)
        plot_timeline(self.filtered, ax=self.ax, colour_by=self.colour_by.value,
                      labels=bool(self.show_labels.value), published=self.published)
        self.table.value = (event_table(self.filtered).to_html(index=False, na_rep="", border=0)
                            if n else f"<p><i>{html.escape(NO_MATCH)}</i></p>")
        self._show()
        return self.filtered

    def render_png(self) -> bytes:
        """The chart as PNG bytes, as the notebook shows it: one draw at the figure's fixed size
        (no tight bounding box, which would draw twice) and light compression (encoding time
        matters more than bytes for a picture redrawn at every click)."""
        buf = io.BytesIO()
        self.figure.savefig(buf, format="png", pil_kwargs={"compress_level": 1})
        return buf.getvalue()

    def _show(self) -> None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover
            return
        if get_ipython() is None:
            return  # no front end to draw for (tests, scripts); the Axes is still up to date
        from IPython.display import Image, display

        png = self.render_png()
        self.output.clear_output(wait=True)
        with self.output:
            display(Image(data=png, format="png"))

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def timeline_explorer(events: "pd.DataFrame", *, published: Any = None) -> TimelineExplorer:
    """An explorer over ``events``: display ``explorer.widget`` in a notebook.

        >>> explorer = timeline_explorer(events)       # doctest: +SKIP
        >>> explorer.kinds.value = ("reported",)       # doctest: +SKIP
    """
    return TimelineExplorer(events, published=published)
