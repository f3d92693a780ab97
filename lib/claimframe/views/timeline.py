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

from claimframe.errors import ClaimframeError
from claimframe.schema import EVENT_KINDS, selection
from claimframe.views.style import EVENT_KIND_COLOURS, FIGSIZE_WIDE, GREY, colours_for
from claimframe.views.widgets import has_front_end

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.font_manager import FontProperties

    from claimframe.article import Article

__all__ = [
    "EVENT_KIND_COLOURS",
    "NO_MATCH",
    "TimelineError",
    "TimelineExplorer",
    "clear_timeline",
    "event_table",
    "events_before_publication",
    "filter_events",
    "plot_timeline",
    "timeline_explorer",
]

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
#: Text from the article is shown as written: "$5 million ... $6 million" is not mathtext.
PLAIN = dict(parse_math=False)
#: Fixed margins (figure fractions) leaving room for date tick labels on the left, the title and
#: publication note above, and the legend below.
MARGINS = dict(left=0.18, right=0.98, top=0.86, bottom=0.19)
#: The gids (prefixes) of what :func:`plot_timeline` draws: how a second call finds them.
GIDS = ("event:", "label:", "label-boxes", "date:", "heading", "published", "subtitle", "no-match")
#: The explorer's chart has its legend beside it in HTML (see TimelineExplorer), so less room below.
WIDGET_MARGINS = dict(MARGINS, bottom=0.09)
#: The widget's chart is redrawn at every click: at 80 dpi it is a third fewer pixels to fill and
#: encode than at matplotlib's 100, and 8-point text is still 9 pixels high.
WIDGET_DPI = 80


#: A group of events at either end further from the rest than this many times the rest's own
#: extent (and more than OUTLIER_MIN_DAYS) is off the scale: "since 1988" in a story of three
#: days in 2021 would otherwise squeeze every 2021 event into the last pixel. Such events are
#: marked at the edge of the axis (a triangle pointing out), with their date and label.
OUTLIER_GAP = 3.0
OUTLIER_MIN_DAYS = 90
#: At most this share of the events can be off the scale at each end.
OUTLIER_SHARE = 0.2
#: The explorer's date slider moves by days over at most this many; longer ranges move by weeks.
SLIDER_MAX_DAYS = 1500


class TimelineError(ClaimframeError, ValueError):
    """A plotting option that does not exist (``colour_by="mood"``)."""


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
    - ``kinds``, ``sources``: one value or several; ``None`` or an empty list means any
      (:func:`claimframe.schema.selection`).
    - ``context=False`` drops context events whatever ``kinds`` says.

        >>> filter_events(events, "2016-11-20", "2016-11-30")["date_text"].tolist()  # doctest: +SKIP
        ['November', '2016-11-26']
    """
    keep = _matching(df, start, end, kinds=kinds, sources=sources, context=context)
    return df[keep].reset_index(drop=True)  # boolean indexing keeps the dtypes


def _matching(df: "pd.DataFrame", start: Any = None, end: Any = None, *, kinds=None, sources=None,
              context: bool = True):
    """The boolean mask (numpy) of :func:`filter_events`: the explorer also picks its table's
    pre-rendered rows with it."""
    import numpy as np

    keep = np.ones(len(df), dtype=bool)
    lo, hi = _timestamp(start), _timestamp(end)
    if lo is not None:
        keep &= (df["date_end"].fillna(df["date"]) >= lo).to_numpy(dtype=bool)
    if hi is not None:
        keep &= (df["date"] <= hi).to_numpy(dtype=bool)
    for col, wanted in (("kind", selection(kinds)), ("source", selection(sources))):
        if wanted is not None:
            keep &= df[col].astype(object).isin(wanted).to_numpy(dtype=bool)
    if not context:
        keep &= (df["kind"].astype(object) != "context").to_numpy(dtype=bool)
    return keep


def events_before_publication(df: "pd.DataFrame", published: Any, days: int = 31) -> "pd.DataFrame":
    """The events whose period overlaps the ``days`` up to the publication date: what the article
    dates as recent ("in November", "on Dec. 4") beside what the record has for the same days.
    Empty when there is no publication date."""
    import pandas as pd

    if published is None:
        return df.iloc[0:0]
    end = pd.Timestamp(published)
    return filter_events(df, end - pd.Timedelta(days=days), end)


def event_table(df: "pd.DataFrame") -> "pd.DataFrame":
    """The columns a reader scans under the chart: dates as written and resolved, label, kind, source."""
    out = df[TABLE_COLUMNS].copy()
    for col in ("date", "date_end"):
        out[col] = out[col].dt.strftime("%Y-%m-%d").astype("string")
    return out.reset_index(drop=True)


#: Text reads from the left: JupyterLab right-aligns every table cell unless told otherwise.
_LEFT = ("<style>.claimframe-events td, .claimframe-events th {text-align: left !important; "
         "vertical-align: top;}</style>")


def left_aligned(table_html: str) -> str:
    """A table pandas wrote (``<table ... class="dataframe">``) with its cells left-aligned."""
    return _LEFT + table_html.replace('class="dataframe"', 'class="dataframe claimframe-events"', 1)


def _html_rows(table: "pd.DataFrame") -> tuple[str, list[str], str]:
    """``table.to_html(index=False, border=0)`` cut into (head, one ``<tr>`` per row, tail), with
    missing cells blank (pandas writes a missing string as "<NA>" whatever ``na_rep`` says). The
    explorer has pandas write every event's row once and joins the filtered ones at each click:
    writing 15 rows costs ~5 ms. The cuts are safe: pandas escapes "<" in every cell."""
    blank = table.astype(object).where(table.notna(), "")
    written = blank.to_html(index=False, border=0)
    written = left_aligned(written)
    head, body = written.split("<tbody>\n", 1)
    body, tail = body.rsplit("  </tbody>", 1)
    return head + "<tbody>\n", ["    <tr>\n" + row for row in body.split("    <tr>\n")[1:]], "  </tbody>" + tail


# --- the scale ----------------------------------------------------------------------------------
def _core_span(spans: list[tuple[float, float]]) -> tuple[float, float] | None:
    """(first, after last) of ``spans`` (x0, x1 pairs in days) once far outliers at either end
    are set aside (see OUTLIER_GAP); None for no spans."""
    if not spans:
        return None
    kept = sorted(spans)
    for _ in range(3):  # a second and third far group, after the first is set aside
        changed = False
        most = max(1, int(len(kept) * OUTLIER_SHARE))
        for k in range(1, min(most, len(kept) - 1) + 1):  # the first k off the left end
            rest = kept[k:]
            gap = min(x0 for x0, _ in rest) - max(x1 for _, x1 in kept[:k])
            extent = max(x1 for _, x1 in rest) - min(x0 for x0, _ in rest)
            if gap > max(OUTLIER_GAP * max(extent, 14.0), OUTLIER_MIN_DAYS):
                kept, changed = rest, True
                break
        ordered = sorted(kept, key=lambda s: s[1])
        for k in range(1, min(most, len(ordered) - 1) + 1):  # the last k off the right end
            rest = ordered[:-k]
            gap = min(x0 for x0, _ in ordered[-k:]) - max(x1 for _, x1 in rest)
            extent = max(x1 for _, x1 in rest) - min(x0 for x0, _ in rest)
            if gap > max(OUTLIER_GAP * max(extent, 14.0), OUTLIER_MIN_DAYS):
                kept, changed = sorted(rest), True
                break
        if not changed:
            break
    return min(x0 for x0, _ in kept), max(x1 for _, x1 in kept)


def scale_range(df: "pd.DataFrame") -> tuple["pd.Timestamp", "pd.Timestamp"] | None:
    """The first and last day a timeline of ``df`` spans: every event's period, except far
    outliers at either end (OUTLIER_GAP), which :func:`plot_timeline` marks at the edge.

        >>> scale_range(wildfire.events)   # doctest: +SKIP
        (Timestamp('2021-08-14'), Timestamp('2021-08-16'))      # not 1988
    """
    import matplotlib.dates as mdates
    import pandas as pd

    records = _records(df)
    core = _core_span([(r["x0"], r["x1"]) for r in records])
    if core is None:
        return None
    first, after = (pd.Timestamp(mdates.num2date(x)).tz_localize(None).normalize() for x in core)
    return first, after - pd.Timedelta(days=1)


# --- plotting ---------------------------------------------------------------------------------
#: The columns :func:`plot_timeline` reads (``date_text`` if there is one).
PLOT_COLUMNS = ["event_id", "kind", "date", "date_end", "date_text", "label", "source"]


def _records(df: "pd.DataFrame | None") -> list[dict]:
    """The rows to draw as plain dicts, with ``x0`` (the first day) and ``x1`` (the day after the
    last) in matplotlib's date numbers. Read a column at a time: ``to_dict("records")`` and a
    ``date2num`` per date cost ~3 ms of each widget click."""
    import matplotlib.dates as mdates

    if df is None or not len(df):
        return []
    names = [c for c in PLOT_COLUMNS if c in df.columns or c != "date_text"]
    records = [dict(zip(names, values)) for values in zip(*(df[c].tolist() for c in names))]
    x0 = mdates.date2num(df["date"].to_numpy())
    x1 = mdates.date2num(df["date_end"].fillna(df["date"]).to_numpy()) + 1.0
    for rec, first, after in zip(records, x0.tolist(), x1.tolist()):
        rec["x0"], rec["x1"] = first, after
    return records


def _colours(records: list[dict], colour_by: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """(event_id -> colour, legend entries [(name, colour)])."""
    if colour_by == "kind":
        present = {r["kind"] for r in records}
        by_id = {r["event_id"]: EVENT_KIND_COLOURS[r["kind"]] for r in records}
        return by_id, [(KIND_NAMES[k], EVENT_KIND_COLOURS[k]) for k in EVENT_KINDS if k in present]
    if colour_by != "source":
        raise TimelineError(f"plot_timeline: colour_by must be 'kind' or 'source', not {colour_by!r}")
    palette = colours_for(str(r["source"]) for r in records if r["kind"] != "context")
    by_id = {r["event_id"]: GREY if r["kind"] == "context" else palette.get(str(r["source"]), GREY)
             for r in records}
    legend = [(s, palette[s]) for s in sorted(palette)]
    if any(r["kind"] == "context" for r in records):
        legend.append(("public record (see table)", GREY))
    return by_id, legend


def _legend_entries(df: "pd.DataFrame", colour_by: str) -> list[tuple[str, str]]:
    """The legend entries :func:`plot_timeline` draws for ``df``, from the only columns they
    depend on: the explorer writes them as HTML at each click, and :func:`_records` converts dates too."""
    records = [{"event_id": e, "kind": k, "source": s}
               for e, k, s in zip(df["event_id"].tolist(), df["kind"].tolist(), df["source"].tolist())]
    return _colours(records, colour_by)[1]


def _rows(records: list[dict], context_block: bool) -> list[tuple[str, Any]]:
    """Row layout top to bottom: ("heading", text) or ("event", record)."""
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


@functools.lru_cache(maxsize=4096)
def _text_size_px(text: str, font: "FontProperties", dpi: float) -> tuple[float, float]:
    """Width and height of ``text`` (no mathtext) as Agg draws it, in pixels: matplotlib's own
    measurement, asked once per text, font and dpi. A widget redraws the same labels at every
    click; a label's window extent would rebuild the whole annotation layout each time."""
    from matplotlib.backends.backend_agg import RendererAgg

    width, height, _ = RendererAgg(1, 1, dpi).get_text_width_height_descent(text, font, ismath=False)
    return width, height


def _shorten(label, room_px: float) -> None:
    """Cut a label's text word by word (ending in "…") until it is at most ``room_px`` wide, as
    the renderer measures it, so it crosses no other row and no frame. One word always stays."""
    text, font, dpi = label.get_text(), label.get_fontproperties().copy(), label.figure.dpi
    words = text.rstrip("…").split()
    while _text_size_px(text, font, dpi)[0] > room_px and len(words) > 1:
        words.pop()
        text = " ".join(words).rstrip(",;:") + "…"
    label.set_text(text)


def _label_box(label) -> list[tuple[float, float]]:
    """The corners of the white box behind a label, in points from its anchor: what ``bbox=dict(
    boxstyle="square,pad=0.1")`` would draw (the text's box, as matplotlib lays out one line, and
    0.1 em all round). All labels' boxes are one collection, drawn at once: a bbox per label costs
    two more layouts of its text at every draw. Measured at the figure's dpi: saved at another, a
    box can end a pixel or two off where a bbox would."""
    font, dpi = label.get_fontproperties().copy(), label.figure.dpi
    width, height = _text_size_px(label.get_text(), font, dpi)
    height = max(height, _text_size_px("lp", font, dpi)[1])  # one line is at least as tall as "lp"
    width, height, pad = width * 72 / dpi, height * 72 / dpi, 0.1 * label.get_fontsize()
    x0 = label.xyann[0] - (width if label.get_ha() == "right" else 0) - pad
    x1, y0, y1 = x0 + width + 2 * pad, -height / 2 - pad, height / 2 + pad
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _drawn(ax: "Axes") -> dict[str, Any]:
    """What :func:`plot_timeline` drew on ``ax`` last time (its gids), by gid."""
    return {a.get_gid(): a for a in [*ax.lines, *ax.patches, *ax.texts, *ax.collections]
            if isinstance(a.get_gid(), str) and a.get_gid().startswith(GIDS)}


def _reuse(old: dict[str, Any], gid: str, kind: type, make, *args, **kwargs) -> Any:
    """The artist ``old`` holds for ``gid`` (taken out of ``old``) if it is a ``kind``, else a new
    one, ``make(*args, **kwargs)`` (``ax.text``, ...). A widget redraws at every click: setting a
    few properties on the ~50 artists of the last draw costs a fraction of making them anew."""
    artist = old.pop(gid, None)
    if isinstance(artist, kind):
        return artist
    if artist is not None:
        artist.remove()
    artist = make(*args, **kwargs)
    artist.set_gid(gid)
    return artist


def plot_timeline(df: "pd.DataFrame", ax: "Axes | None" = None, *, colour_by: str = "kind",
                  labels: bool = True, published: Any = None, title: str | None = None,
                  subtitle: str | None = None, legend: bool = True, dates: Any = None) -> "Axes":
    """Draw events on a time axis, one row each, and return the Axes.

    Day-precision events are points; weeks, months, years and multi-day ranges are spans from the
    first to the last day of the period. Article events (reported, published, cited) are filled
    and come first; context events are hollow (spans hatched) under a heading of their own. Colour
    by ``"kind"`` or ``"source"`` (context events then stay grey: their sources are in the table).
    Left of each row is its date as the article wrote it (quoted) or as the record gives it; right
    or left of its mark (or inside a span wider than both margins), whichever has most room, its
    label, cut word by word to fit inside the axes (``labels=False`` hides them). Rows never share
    a line, so labels cannot overlap. A dashed line marks ``published`` (default: the table's
    ``published`` row), the day the article's relative dates are read from, when it falls in the
    time range shown. Under the axis, a legend (``legend=False`` leaves it out).

    The axis spans ``dates`` (first, last day; either may be None) when given: a filter's chosen
    range is the range shown. Otherwise it spans every event except far outliers
    (:func:`scale_range`): an event off the scale is a triangle at the edge pointing its way, with
    its date and label, and the subtitle says how many there are.

    All words are ordinary matplotlib text: the title is ``ax.get_title(loc="left")``, the legend
    ``ax.get_legend()``, the date ticks matplotlib's own. Marks and texts carry gids
    (``event:<event_id>``, ``label:<event_id>``, ``date:<event_id>``, ``heading:article``,
    ``heading:context``, ``published``, ``published-label``, ``subtitle``, ``no-match``) so tests
    and callers can find what was drawn. Without
    ``ax`` a figure of ``style.FIGSIZE_WIDE`` is made with fixed margins. An empty table draws a
    "no events match" message instead of failing.

    Drawing again on the same Axes replaces the last timeline: its artists (found by gid) are
    updated in place, new ones added and those no longer wanted removed.
    """
    import matplotlib.dates as mdates
    from matplotlib.collections import PolyCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle
    from matplotlib.text import Text
    from matplotlib.transforms import Affine2D, offset_copy

    if ax is None:
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=FIGSIZE_WIDE)
        fig.subplots_adjust(**MARGINS)
    old = _drawn(ax)
    records = _records(df)
    title = title if title is not None else "Events on a timeline: the article and the public record"
    subtitle = subtitle if subtitle is not None else _default_subtitle(records)
    # y=1: no ticks above the axes, so matplotlib need not work out again at each draw where it goes
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold", pad=26, y=1.0, gid="title", **PLAIN)
    subtitle_text = _reuse(old, "subtitle", Text, ax.annotate, "", (0, 1), xycoords="axes fraction",
                           xytext=(0, 14), textcoords="offset points", va="bottom", fontsize=8, color="#444444",
                           **PLAIN)
    subtitle_text.set_text(subtitle)
    if not records:
        ax.set_xticks([], labels=[])  # labels too: no date formatter left with no ticks to format
        ax.set_yticks([])
        _reuse(old, "no-match", Text, ax.text, 0.5, 0.5, NO_MATCH, transform=ax.transAxes, ha="center",
               va="center", fontsize=10, color="#444444")
        _forget(ax, old, legend=True)
        return ax

    colours, legend_entries = _colours(records, colour_by)
    rows = _rows(records, context_block=True)
    n = len(rows)
    first, last = _core_span([(r["x0"], r["x1"]) for r in records])
    lo_given, hi_given = (None, None) if dates is None else (_timestamp(d) for d in dates)
    if lo_given is not None:
        first = mdates.date2num(lo_given)
    if hi_given is not None:
        last = mdates.date2num(hi_given) + 1.0
    if last - first < 14 and dates is None:  # one event or a few days: show two weeks, not hours
        middle = (first + last) / 2
        first, last = middle - 7, middle + 7
    pad = 0.0 if lo_given is not None and hi_given is not None else (last - first) * 0.03
    ax.set_xlim(first - pad, last + pad)
    lo, hi = ax.get_xlim()
    off_scale = [r for r in records if r["x1"] <= lo or r["x0"] >= hi]
    if off_scale:
        before = sum(r["x1"] <= lo for r in off_scale)
        after = len(off_scale) - before
        parts = [f"{k} event{'s' if k > 1 else ''} {where}" for k, where in ((before, "earlier"), (after, "later"))
                 if k]
        subtitle_text.set_text(f"{subtitle}; {' and '.join(parts)} far off the scale, marked at the edge")
    ax.set_ylim(n - 0.5, -0.5)
    box = ax.get_window_extent()
    height_pt = box.height * 72.0 / ax.figure.dpi
    size = round(max(5.0, min(LABEL_FONTSIZE, 0.62 * height_pt / max(n, 1))), 1)
    gap_px = 6.0 * ax.figure.dpi / 72  # labels sit 6 points from their mark
    rowaxis = ax.get_yaxis_transform()  # x in axes fraction, y in rows
    datecol = offset_copy(rowaxis, ax.figure, x=-6, units="points")  # the date column: 6 pt left

    boxes, anchors = [], []  # white behind each label's words: no line or bar crosses them
    for y, (what, item) in enumerate(rows):
        if what == "heading":
            which = "article" if item == ARTICLE_HEADING else "context"
            band = _reuse(old, f"heading-band:{which}", Rectangle, ax.axhspan, 0, 1, color="#f2f2f2",
                          lw=0, zorder=0)
            band.set(y=y - 0.5, height=1)
            rule = _reuse(old, f"heading-rule:{which}", Line2D, ax.axhline, 0, color="#bbbbbb", lw=0.8,
                          zorder=1)
            rule.set_ydata([y - 0.5, y - 0.5])
            heading = _reuse(old, f"heading:{which}", Text, ax.text, 0.005, 0, item, transform=rowaxis,
                             va="center", fontweight="bold", color="#333333")
            heading.set(y=y, fontsize=size)
            continue
        rec = item
        eid = rec["event_id"]
        colour = colours[eid]
        is_context = rec["kind"] == "context"
        x0, x1 = rec["x0"], rec["x1"]
        if x1 <= lo or x0 >= hi:  # off the scale: a triangle at the edge, pointing where it is
            edge = lo if x1 <= lo else hi
            mark = _reuse(old, f"event:{eid}", Line2D,
                          lambda: ax.add_line(Line2D([], [], ls="none", ms=7, mew=1.4, zorder=3, clip_on=False)))
            mark.set(data=([edge], [y]), marker="<" if edge == lo else ">",
                     mfc="white" if is_context else colour, mec=colour)
            left, right = edge, edge
        elif x1 - x0 <= 1:
            x_mid = x0 + 0.5  # noon: matplotlib's dates count days
            mark = _reuse(old, f"event:{eid}", Line2D,
                          lambda: ax.add_line(Line2D([], [], ls="none", ms=6.5, mew=1.6, zorder=3)))
            mark.set(data=([x_mid], [y]), marker="D" if is_context else "o",
                     mfc="white" if is_context else colour, mec=colour)
            left, right = x_mid, x_mid
        else:
            mark = _reuse(old, f"event:{eid}", Rectangle,
                          lambda: ax.add_patch(Rectangle((0, 0), 0, 0, zorder=2, lw=1.4)))
            mark.set(bounds=(x0, y - 0.275, x1 - x0, 0.55), edgecolor=colour,
                     facecolor="white" if is_context else colour, hatch="///" if is_context else None,
                     alpha=None if is_context else 0.6)
            left, right = max(x0, lo), min(x1, hi)
        date = _reuse(old, f"date:{eid}", Text, ax.text, 0, 0, "", transform=datecol, ha="right",
                      va="center", color="#222222", **PLAIN)
        date.set(y=y, text=_tick_text(rec), fontsize=size)
        if labels:
            # right of the mark, left of it, or (a span wider than both margins) inside it:
            # wherever there is most room between the mark and the frame
            lx, rx = ax.transData.transform([(left, y), (right, y)])[:, 0]
            room = {"right": box.x1 - rx - 2 * gap_px, "left": lx - box.x0 - 2 * gap_px,
                    "inside": min(rx, box.x1) - max(lx, box.x0) - 2 * gap_px}
            side = max(room, key=room.get)  # ties: right first
            label = _reuse(old, f"label:{eid}", Text, ax.annotate, "", (0, 0), xytext=(0, 0),
                           textcoords="offset points", va="center", color="#222222", zorder=4,
                           annotation_clip=False, **PLAIN)
            label.xy = ({"right": right, "left": left, "inside": max(left, ax.get_xlim()[0])}[side], y)
            label.xyann = (-6 if side == "left" else 6, 0)
            label.set(ha="right" if side == "left" else "left", fontsize=size, text=str(rec["label"]))
            _shorten(label, room[side])
            boxes.append(_label_box(label))
            anchors.append(label.xy)

    if boxes:  # in points (each offset to its label's anchor), just under the labels
        points = Affine2D().scale(1 / 72) + ax.figure.dpi_scale_trans
        _reuse(old, "label-boxes", PolyCollection, lambda: ax.add_collection(PolyCollection(
            [], facecolor="white", lw=0, zorder=3.9, transform=points, offset_transform=ax.transData),
            autolim=False)).set(verts=boxes, offsets=anchors)

    pub = _timestamp(published)
    if pub is None:
        pub = next((r["date"] for r in records if r["kind"] == "published"), None)
    x = None if pub is None else mdates.date2num(pub) + 0.5
    if x is not None and lo <= x <= hi:  # out of range, its note would hang beside the axes
        # above the heading rules (zorder 1) wherever they were drawn first
        _reuse(old, "published", Line2D, ax.axvline, x, color="#000000", lw=1.0, ls="--",
               zorder=1.5).set_xdata([x, x])
        where = (x - lo) / (hi - lo)  # keep it inside
        ha = "right" if where > 0.75 else "left" if where < 0.25 else "center"
        note = _reuse(old, "published-label", Text, ax.annotate, "", (0, 1),
                      xycoords=ax.get_xaxis_transform(), xytext=(0, 0), textcoords="offset points",
                      va="bottom", fontsize=7, color="#000000", annotation_clip=False)
        note.xy, note.xyann = (x, 1), ({"right": 3, "left": -3, "center": 0}[ha], 2)
        note.set(ha=ha, text=f"article published {pub:%Y-%m-%d}: its “today”")

    if not isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter):  # a redraw's is set
        _date_axis(ax)
    locator = ax.xaxis.get_major_locator()
    if isinstance(locator, mdates.AutoDateLocator):  # a few days: a tick a day, never hours (events are days)
        locator.minticks = 2 if hi - lo < 20 else 4
    if legend:
        _legend(ax, legend_entries)
    _forget(ax, old, legend=not legend)
    return ax


def _date_axis(ax: "Axes") -> None:
    """Dates below, light vertical grid lines, no y ticks, no top or right frame."""
    import matplotlib.dates as mdates

    ax.set_yticks([])
    for axis in (ax.xaxis, ax.yaxis):  # no axis labels: skip the pass that would place them
        axis.set_label_coords(0.5, 0.0)  # (it measures every tick label again at each draw)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # "Jul", "Sep", "2017"
    ax.xaxis.remove_overlapping_locs = False  # no minor ticks to weed out: one date search a draw
    ax.tick_params(axis="x", length=3, color="#555555", labelsize=8, labelcolor="#222222")
    ax.xaxis.get_offset_text().set(fontsize=8, color="#222222")  # "2016-Dec" under a short range
    ax.grid(axis="x", color="#e6e6e6", lw=0.8, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _forget(ax: "Axes", old: dict[str, Any], legend: bool) -> None:
    """Remove what the last draw made and this one did not reuse (and its legend if ``legend``)."""
    for artist in old.values():
        artist.remove()
    if legend and ax.get_legend() is not None:
        ax.get_legend().remove()


def _legend(ax: "Axes", entries: list[tuple[str, str]]) -> None:
    """A legend under the date axis: a swatch for each of ``entries`` (name, colour), then what a
    filled dot, a hollow diamond and a bar mean. The last draw's legend stays if its entries (its
    gid) are the same: building one costs as much as ten labels."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    gid = f"legend:{entries}"
    if ax.get_legend() is not None and ax.get_legend().get_gid() == gid:
        return
    handles = [Patch(facecolor=colour, edgecolor=colour, label=name) for name, colour in entries] + [
        Line2D([], [], ls="none", marker="o", ms=5, mew=1.2, color="#555555", label="day (filled: article)"),
        Line2D([], [], ls="none", marker="D", ms=5, mew=1.2, mec="#555555", mfc="white",
               label="day (hollow: record)"),
        Patch(facecolor="#bbbbbb", edgecolor="#555555", label="week, month or year"),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.1), ncol=4, frameon=False,
              fontsize=7.5, handlelength=1.5, columnspacing=1.5, borderaxespad=0).set_gid(gid)


def _legend_html(entries: list[tuple[str, str]]) -> str:
    """The legend of :func:`_legend` as HTML, for the explorer: written only when its entries
    change, where matplotlib's legend would be laid out again at every click (~15 ms of each)."""
    def swatch(style: str) -> str:
        return f'<span style="display:inline-block;width:16px;height:9px;margin-right:5px;{style}"></span>'

    def marker(char: str) -> str:
        return (f'<span style="display:inline-block;width:16px;margin-right:5px;font-size:15px;line-height:1;'
                f'color:#555555">{char}</span>')

    items = [(swatch(f"background:{colour};border:1px solid {colour}"), name) for name, colour in entries] + [
        (marker("&#9679;"), "day (filled: article)"),
        (marker("&#9671;"), "day (hollow: record)"),
        (swatch("background:#bbbbbb;border:1px solid #555555"), "week, month or year"),
    ]
    cells = "".join(f'<span style="margin-right:18px;white-space:nowrap">{mark}{html.escape(name)}</span>'
                    for mark, name in items)
    return f'<div style="font-size:12px;line-height:1.8;margin-left:10px;color:#1a1a1a">{cells}</div>'


def clear_timeline(ax: "Axes") -> "Axes":
    """Remove what :func:`plot_timeline` drew, keeping the Axes and its tick machinery.

    Cheaper than ``ax.clear()`` (which rebuilds the axis, spines and every tick). To redraw a
    timeline, call :func:`plot_timeline` again instead: it updates what it drew in place.
    """
    for artist in [*ax.lines, *ax.patches, *ax.artists, *ax.texts, *ax.collections, *ax.images]:
        artist.remove()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    ax.set_title("", loc="left")
    return ax


def _default_subtitle(records: list[dict]) -> str:
    if not records:
        return "Source: claimframe events table"
    pub = next((r for r in records if r["kind"] == "published"), None)
    who = pub["source"] if pub is not None and isinstance(pub["source"], str) else None
    parts = [f"Source: {who}, {pub['date']:%Y-%m-%d} (dates resolved against publication)"
             if who else "Source: the article's dated statements"]
    if any(r["kind"] == "context" for r in records):
        parts.append("context: curated public sources (context_events.csv)")
    return "; ".join(parts)


# --- widgets ----------------------------------------------------------------------------------
class TimelineExplorer:
    """Controls, a chart and a table of the filtered events, kept in step.

    ``controls`` (a Box of widgets), ``output`` (the chart), ``legend`` and ``table`` (HTML
    widgets) and ``status`` (how many events are shown) are public, and ``widget`` holds them all.
    The legend is HTML under the chart rather than drawn in it: it changes only with its entries,
    and a matplotlib legend is laid out again at every redraw. Changing a
    control calls :meth:`update`; ``filtered`` is the last filtered table and ``ax`` the chart.
    """

    def __init__(self, events: "pd.DataFrame", *, published: Any = None):
        import ipywidgets as w
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.events = events
        pub = _timestamp(published)
        if pub is None and (events["kind"] == "published").any():
            pub = events.loc[events["kind"] == "published", "date"].iloc[0]
        self.published = pub
        days, self._far = self._days(events)
        self.date_range = w.SelectionRangeSlider(
            options=[(d.strftime("%-d %b %Y"), d) for d in days], index=(0, len(days) - 1),
            description="Dates", continuous_update=False, layout=w.Layout(width="620px"),
            disabled=len(days) < 2)
        kinds = [k for k in EVENT_KINDS if (events["kind"] == k).any()]
        self.kinds = w.SelectMultiple(options=kinds, value=tuple(kinds), description="Kinds",
                                      rows=max(len(kinds), 1), layout=w.Layout(width="260px"))
        sources = sorted(events["source"].dropna().astype(str).unique())
        self.sources = w.SelectMultiple(options=sources, value=tuple(sources), description="Sources",
                                        rows=min(max(len(sources), 1), 6), layout=w.Layout(width="460px"))
        has_context = bool((events["kind"] == "context").any())
        self.show_context = w.ToggleButton(value=has_context, description="Context events",
                                           icon="check", disabled=not has_context)
        # "context" is one of the kinds; the toggle is a shortcut that adds or removes it
        self.show_context.observe(self._context_toggled, names="value")
        self.show_labels = w.ToggleButton(value=True, description="Labels", icon="check")
        self.colour_by = w.ToggleButtons(options=[("Colour by kind", "kind"), ("by source", "source")],
                                         value="kind", style={"button_width": "130px"})
        self.range_note = w.HTML()  # the slider's readout cuts long ranges short: the range in full
        self.controls = w.VBox([
            w.HBox([self.date_range, self.range_note]),
            w.HBox([self.kinds, self.sources]),
            w.HBox([self.show_context, self.show_labels, self.colour_by]),
        ])
        self.status = w.HTML()
        self.output = w.Output()
        self.legend = w.HTML()
        self.table = w.HTML()
        self.widget = w.VBox([self.controls, self.status, self.output, self.legend, self.table])
        self.figure = Figure(figsize=FIGSIZE_WIDE, dpi=WIDGET_DPI)  # not pyplot's: no stray display
        FigureCanvasAgg(self.figure)
        self.figure.subplots_adjust(**WIDGET_MARGINS)
        self.ax = self.figure.add_subplot()
        self.filtered: pd.DataFrame = events.iloc[0:0]
        self.message: str | None = None
        self._table_head, self._table_rows, self._table_tail = _html_rows(event_table(events))  # written once
        for control in (self.date_range, self.kinds, self.sources, self.show_labels, self.colour_by):
            control.observe(self._changed, names="value")
        self.update()

    @staticmethod
    def _days(events: "pd.DataFrame") -> tuple[list, set]:
        """The slider's stops: every day of the scale's range (:func:`scale_range`; every week
        past SLIDER_MAX_DAYS days), and the first and last day of each event far off it, and the
        set of those far stops (choosing one shows its events marked at the edge)."""
        import pandas as pd

        if not len(events):
            return [pd.Timestamp("1970-01-01")], set()
        core = scale_range(events)
        step = "D" if (core[1] - core[0]).days <= SLIDER_MAX_DAYS else "7D"
        days = list(pd.date_range(core[0], core[1], freq=step))
        if days[-1] != core[1]:
            days.append(core[1])
        ends = set(events["date"]) | set(events["date_end"].fillna(events["date"]))
        far = {d for d in ends if d < core[0] or d > core[1]}
        return sorted(far | set(days)), far

    def filters(self) -> dict:
        """The keyword arguments for :func:`filter_events` that the controls currently say."""
        lo, hi = self.date_range.value
        return {
            "start": lo,
            "end": hi,
            "kinds": list(self.kinds.value),
            "sources": list(self.sources.value),
            "context": "context" in self.kinds.value,
        }

    def shown_dates(self) -> tuple:
        """The dates the chart's axis spans: the chosen range; an end at an event far off the
        scale leaves that side to the scale (the event is marked at the edge)."""
        lo, hi = self.date_range.value
        return (None if lo in self._far else lo, None if hi in self._far else hi)

    def _context_toggled(self, change) -> None:
        if "context" not in self.kinds.options:
            return
        others = [k for k in self.kinds.value if k != "context"]
        self.kinds.value = tuple(k for k in self.kinds.options if k in others or (k == "context" and change["new"]))

    def _changed(self, change=None) -> None:
        if change is not None and change["owner"] is self.kinds and "context" in self.kinds.options:
            self.show_context.value = "context" in self.kinds.value  # no-op when already so
        self.update()

    def update(self) -> "pd.DataFrame":
        """Filter, redraw the chart and refill the table; returns the filtered events."""
        keep = _matching(self.events, **self.filters())  # what filter_events keeps
        self.filtered = self.events[keep].reset_index(drop=True)
        n, total = len(self.filtered), len(self.events)
        self.message = None if n else NO_MATCH
        self.status.value = (f"<b>{html.escape(NO_MATCH)}</b>" if not n
                             else f"Showing {n} of {total} events.")
        plot_timeline(self.filtered, ax=self.ax, colour_by=self.colour_by.value,
                      labels=bool(self.show_labels.value), published=self.published, legend=False,
                      dates=self.shown_dates())
        entries = _legend_entries(self.filtered, self.colour_by.value) if n else None
        self.legend.value = _legend_html(entries) if entries else ""  # a widget sends only a change
        rows = "".join(self._table_rows[i] for i in keep.nonzero()[0])  # the filtered events' rows
        lo, hi = self.date_range.value
        self.range_note.value = f"<span style='white-space:nowrap'>{lo:%-d %b %Y} to {hi:%-d %b %Y}</span>"
        self.table.value = (self._table_head + rows + self._table_tail
                            if n else f"<p><i>{html.escape(NO_MATCH)}</i></p>")
        self._show()
        return self.filtered

    def render_png(self) -> bytes:
        """The chart as PNG bytes, as the notebook shows it: one draw at the figure's fixed size
        and dpi (no tight bounding box, which would draw twice) and light compression (encoding
        time matters more than bytes for a picture redrawn at every click)."""
        buf = io.BytesIO()
        self.figure.savefig(buf, format="png", pil_kwargs={"compress_level": 1})
        return buf.getvalue()

    def _show(self) -> None:
        if not has_front_end():
            return  # tests, scripts: the Axes is up to date, nothing to show
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


def article_timeline(article: "Article"):
    """The timeline explorer of one article, ready to display (for an article picker's view)."""
    return timeline_explorer(article.events, published=article.published).widget
