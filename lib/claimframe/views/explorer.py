"""Exploring an article's claims: filter them, chart their magnitudes, see who claims what.

Three pure functions and one small widget class, kept apart as the conventions ask:

* :func:`filter_claims` — the claims table narrowed by kind, entity, source, hedge and a text search;
* :func:`plot_magnitudes` — one row per claim on a log scale, grouped by what is counted: ranges and
  vague magnitudes as bars from low to high (vague hatched and lighter), open bounds as arrows,
  point values as dots (hollow when approximate);
* :func:`claims_by_source` — one row per source: how many claims, of which kinds, which ones;
* :func:`claims_explorer` — ipywidgets controls wired to the three (``update()`` redraws).

    >>> from claimframe import read_text
    >>> a = read_text("Officials said 500 recruits and up to 900 fighters trained.", published="2016-12-15")
    >>> filter_claims(claims_table(a), search="FIGHTERS")["text"].tolist()
    ['500', 'up to 900']
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Iterable

from claimframe.schema import CLAIM_KINDS, HEDGES
from claimframe.views.highlight import format_number
from claimframe.views.style import FIGSIZE_WIDE, GREY, KIND_COLOURS, chart_text
from claimframe.views.tables import claims_display, readable
from claimframe.views.widgets import WidgetView, has_front_end

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from claimframe.article import Article

__all__ = [
    "NONE_LABEL",
    "NUMERIC_KINDS",
    "TABLE_COLUMNS",
    "ClaimsExplorer",
    "article_label",
    "claims_by_source",
    "claims_summary",
    "claims_explorer",
    "claims_table",
    "filter_claims",
    "magnitude_measures",
    "measure_labels",
    "plot_magnitudes",
]

#: What a filter uses for a missing entity or source, so "claims with no entity" can be chosen.
NONE_LABEL = "(none)"
#: Kinds whose claims have a magnitude to chart (dates sit on a calendar, ranks are ordinals).
NUMERIC_KINDS = ("count", "distance", "duration", "money", "percent", "measure")
#: The columns the explorer's table shows, in order.
TABLE_COLUMNS = ["text", "kind", "hedge", "value", "low", "high", "unit", "entity", "date", "source",
                 "quoted", "claim_id"]

_HEDGE_LABELS = {
    "exact": "exact value",
    "approx": "approximate value",
    "range": "range (low to high)",
    "vague": "vague magnitude (low to high)",
    "at_least": "at least (open above)",
    "at_most": "at most (open below)",
}
_KIND_TITLES = {
    "count": "Counts",
    "distance": "Distances",
    "duration": "Durations",
    "money": "Amounts of money",
    "percent": "Percentages",
    "measure": "Measures",
}
_ARROW = 3.0  # how far an open bound's arrow reaches, as a factor on the log axis


# ----------------------------------------------------------------------------------------------
# Tables
# ----------------------------------------------------------------------------------------------

def claims_table(article: "Article") -> "pd.DataFrame":
    """``article.claims`` with a ``sentence`` column (the claim's sentence), which the search uses."""
    claims = article.claims.copy()
    sentences = article.sentences.set_index("sentence_id")["text"]
    claims["sentence"] = claims["sentence_id"].map(sentences).astype("string")
    return claims


def _as_set(values: Any) -> set[str] | None:
    """None or empty -> None (no filter); one string -> {it}; an iterable -> its strings."""
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    chosen = {str(v) for v in values}
    return chosen or None


def _labels(series: "pd.Series") -> "pd.Series":
    """A column as strings with missing or empty values read as :data:`NONE_LABEL`."""
    out = series.astype("string").fillna(NONE_LABEL)
    return out.mask(out.str.strip() == "", NONE_LABEL)


def filter_claims(
    df: "pd.DataFrame",
    kinds: str | Iterable[str] | None = None,
    entities: str | Iterable[str] | None = None,
    sources: str | Iterable[str] | None = None,
    hedges: str | Iterable[str] | None = None,
    search: str | None = None,
) -> "pd.DataFrame":
    """The rows of a claims table that pass every filter given.

    Each of ``kinds``, ``entities``, ``sources``, ``hedges`` is a value or a collection of values;
    None or an empty collection means "do not filter on this column" (as an empty multi-select).
    :data:`NONE_LABEL` chooses rows where the column is missing. ``search`` keeps rows whose claim
    text, or sentence text (the ``sentence`` column, see :func:`claims_table`), contains it,
    ignoring case; it is plain text, not a pattern ("U.S." and "$1.5" match literally). The index
    is kept, so rows can be traced back to the full table.

    >>> filter_claims(claims, kinds="count", hedges=["range", "vague"])   # doctest: +SKIP
    """
    import numpy as np

    mask = np.ones(len(df), dtype=bool)
    for column, wanted in (("kind", kinds), ("entity", entities), ("source", sources), ("hedge", hedges)):
        chosen = _as_set(wanted)
        if chosen is None:
            continue
        if column not in df.columns:
            raise KeyError(f"filter_claims: the table has no {column!r} column to filter on")
        mask &= _labels(df[column]).isin(chosen).to_numpy()
    needle = (search or "").strip().casefold()
    if needle:
        found = np.zeros(len(df), dtype=bool)
        for column in ("text", "sentence"):
            if column in df.columns:
                hay = df[column].astype("string").fillna("")
                found |= hay.map(lambda s: needle in s.casefold()).astype(bool).to_numpy()
        mask &= found
    return df[mask].copy()


def claims_by_source(df: "pd.DataFrame") -> "pd.DataFrame":
    """Who claims what: one row per source with ``n_claims``, ``n_quoted``, ``kinds`` (in the
    schema's order), and ``claims`` (each claim's text, with its entity in brackets, in reading
    order). Sources with most claims come first; ties in order of first appearance."""
    import pandas as pd

    columns = {"source": "string", "n_claims": "Int64", "n_quoted": "Int64", "kinds": "string",
               "claims": "string"}
    if len(df) == 0:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})
    work = df.assign(_source=_labels(df["source"]))
    order = "start" if "start" in work.columns else None
    if order:
        work = work.sort_values("start", kind="stable")
    rows = []
    for source, group in work.groupby("_source", sort=False):
        kinds = [k for k in CLAIM_KINDS if k in set(group["kind"].astype("string").dropna())]
        texts = []
        for _, r in group.iterrows():
            entity = r.get("entity")
            texts.append(f"“{r['text']}”" + (f" [{entity}]" if isinstance(entity, str) and entity else ""))
        quoted = group["quoted"].astype("boolean").fillna(False) if "quoted" in group else pd.Series(False)
        rows.append({
            "source": source,
            "n_claims": len(group),
            "n_quoted": int(quoted.sum()),
            "kinds": ", ".join(kinds),
            "claims": "; ".join(texts),
            "_first": group["start"].min() if order else 0,
        })
    out = pd.DataFrame(rows).sort_values(["n_claims", "_first"], ascending=[False, True], kind="stable")
    return out.drop(columns="_first").astype(columns).reset_index(drop=True)


def claims_summary(df: "pd.DataFrame") -> str:
    """One line a reader (and nbval) can compare: how many claims, of which kinds, from how many
    sources, how many quoted.

    >>> claims_summary(claims)   # doctest: +SKIP
    '14 claims: 6 count, 5 date, 2 distance, 1 rank; 6 sources; 7 quoted'
    """
    if len(df) == 0:
        return "0 claims"
    counts = df["kind"].astype("string").value_counts()
    order = {k: i for i, k in enumerate(CLAIM_KINDS)}
    kinds = sorted(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], 99)))
    n_sources = _labels(df["source"]).nunique() if "source" in df.columns else 0
    parts = [f"{len(df)} claim{'s' * (len(df) != 1)}: " + ", ".join(f"{n} {k}" for k, n in kinds)]
    parts.append(f"{n_sources} source{'s' * (n_sources != 1)}")
    if "quoted" in df.columns:
        parts.append(f"{int(df['quoted'].astype('boolean').fillna(False).sum())} quoted")
    return "; ".join(parts)


def article_label(article: "Article", width: int = 60) -> str:
    """'Breitbart News, 2016-12-15: “Report: U.S. Arming, …”' — the source line of a chart."""
    meta = article.meta or {}
    title = str(meta.get("title") or article.slug or "untitled article")
    if len(title) > width:
        title = title[: width - 1].rstrip() + "…"
    lead = ", ".join(str(x) for x in (meta.get("outlet"), meta.get("published")) if x)
    return f"{lead}: “{title}”" if lead else f"“{title}”"


# ----------------------------------------------------------------------------------------------
# The magnitude chart
# ----------------------------------------------------------------------------------------------

def measure_labels(df: "pd.DataFrame") -> "pd.Series":
    """What each claim measures, as a chart can share an axis: 'count', 'distance (km)', 'money
    (USD)', 'percent'; missing for dates, ranks and claims of no kind."""
    import pandas as pd

    kind = df["kind"].astype("string")
    unit = df["unit"].astype("string") if "unit" in df.columns else pd.Series(pd.NA, index=df.index,
                                                                              dtype="string")
    out = []
    for k, u in zip(kind, unit):
        if pd.isna(k) or k not in NUMERIC_KINDS:
            out.append(pd.NA)
        elif pd.isna(u) or not u or u == k:
            out.append(k)
        else:
            out.append(f"{k} ({u})")
    return pd.Series(out, index=df.index, dtype="string")


def magnitude_measures(df: "pd.DataFrame") -> list[str]:
    """The measures present in df, most claims first (ties in :data:`NUMERIC_KINDS` order)."""
    if len(df) == 0:
        return []
    counts = measure_labels(df).value_counts()
    rank = {k: i for i, k in enumerate(NUMERIC_KINDS)}
    return sorted(counts.index, key=lambda m: (-counts[m], rank.get(m.split(" (")[0], 99), m))


def _num(x: Any) -> float | None:
    try:
        value = float(x)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _geometry(row: Any) -> tuple[str, float | None, float | None] | None:
    """(shape, low, high) to draw on a log axis, or None when nothing positive can be drawn.

    shape is 'point', 'range', 'vague', 'at_least' (open above) or 'at_most' (open below); a
    point has low == high. Bounds at or below zero cannot sit on a log axis: a range starting at
    zero is drawn open below ("up to high").
    """
    hedge = str(row.get("hedge")) if row.get("hedge") is not None else ""
    value, low, high = _num(row.get("value")), _num(row.get("low")), _num(row.get("high"))
    if hedge in ("range", "vague"):
        low = low if low is not None else None
        if low is not None and high is not None and 0 < low <= high:
            return hedge, low, high
        if high is not None and high > 0:
            return "at_most", None, high
        if low is not None and low > 0:
            return "at_least", low, None
        return None
    if hedge == "at_least":
        bound = low if low is not None else value
        return ("at_least", bound, None) if bound is not None and bound > 0 else None
    if hedge == "at_most":
        bound = high if high is not None else value
        return ("at_most", None, bound) if bound is not None and bound > 0 else None
    if value is not None and value > 0:
        return "point", value, value
    return None




def _short(s: str, width: int) -> str:
    return s if len(s) <= width else s[: width - 1].rstrip() + "…"


def plot_magnitudes(
    df: "pd.DataFrame",
    ax: "Axes | None" = None,
    *,
    measure: str | None = None,
    source: str | None = None,
    colour: str | None = None,
    label_width: int = 38,
) -> "Axes":
    """Claims' magnitudes on a log scale, one row per claim, grouped by entity (what is counted).

    ``measure`` picks what shares the axis ('count', 'distance (km)', see :func:`measure_labels`);
    None takes the measure with most claims in df. Exact values are dots, approximate ones hollow
    dots; ranges are bars from low to high, vague magnitudes lighter hatched bars; "at least" is an
    arrow from its bound to the right and "at most" one to the left. The source of each claim is
    written at the right of its row. Claims with no positive number (dates, ranks, zero, negative,
    missing) are left out and counted in the x label. ``source`` names the article in the title
    (see :func:`article_label`). With nothing to draw, the axes say so. Returns the axes; each
    claim's artists carry ``gid`` ``"<shape>:<claim_id>"`` for tests and tooltips.
    """
    import matplotlib.pyplot as plt
    import pandas as pd
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter
    from matplotlib.transforms import blended_transform_factory

    if ax is None:
        _, ax = plt.subplots(figsize=FIGSIZE_WIDE, layout="constrained")
    elif getattr(ax, "_claimframe_magnitudes", False):
        _clear_magnitudes(ax)
    ax._claimframe_magnitudes = True  # a chart to replace, not to draw over, if called again
    subtitle = f"\nSource: {chart_text(source)}" if source else ""

    measures = measure_labels(df) if len(df) else pd.Series(dtype="string")
    if measure is None:
        available = magnitude_measures(df)
        measure = available[0] if available else "count"
    kind = measure.split(" (")[0]
    colour = colour or KIND_COLOURS.get(kind, GREY)
    chosen = df[(measures == measure).fillna(False).to_numpy()] if len(df) else df
    if "start" in chosen.columns:
        chosen = chosen.sort_values("start", kind="stable")

    rows = []
    for _, r in chosen.iterrows():
        geometry = _geometry(r)
        if geometry is not None:
            rows.append((r, *geometry))
    skipped = len(chosen) - len(rows)

    what = _KIND_TITLES.get(kind, measure.capitalize())
    if not rows:
        ax.set_axis_off()
        n_other = len(df) - len(chosen)
        message = f"No {measure} claims match" if len(df) else "No claims match the filters"
        if len(df) and n_other and not len(chosen):
            message += f"\n({n_other} other claim{'s' * (n_other != 1)} in the selection: dates, ranks or other units)"
        elif skipped:
            message += f"\n({skipped} without a positive number to place on a log scale)"
        ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", fontsize=13,
                color="#333333", gid="no-claims")
        ax.set_title(f"{what} stated in the article (log scale){subtitle}", loc="left", fontsize=11)
        return ax

    # Entities in order of first appearance, claims in reading order inside each.
    def entity_of(r):
        e = r.get("entity")
        return str(e) if isinstance(e, str) and e.strip() else NONE_LABEL

    groups: dict[str, list] = {}
    for item in rows:
        groups.setdefault(entity_of(item[0]), []).append(item)
    y, ticks, labels, separators = 0.0, [], [], []
    placed = []
    for gi, (entity, items) in enumerate(groups.items()):
        if gi:
            separators.append(y - 0.5 + 0.25)
            y += 0.5
        for item in items:
            r = item[0]
            quoted = f"“{_short(str(r['text']), label_width)}”"
            label = quoted if entity == NONE_LABEL else f"{_short(entity, 20)}: {quoted}"
            ticks.append(y)
            labels.append(chart_text(label))
            placed.append((y, *item))
            y += 1.0

    lefts = [lo for _, _, _, lo, _ in placed if lo is not None]
    rights = [hi for _, _, _, _, hi in placed if hi is not None]
    lo_all = min(lefts + [hi / _ARROW for hi in rights])
    hi_all = max(rights + [lo * _ARROW for lo in lefts])
    ax.set_xscale("log")
    ax.set_xlim(lo_all / 2.5, hi_all * 2.5)

    tint = _lighter(colour)
    used = []
    for yy, r, shape, lo, hi in placed:
        gid = f"{shape}:{r.get('claim_id', '')}"
        if shape == "point":
            approx = str(r.get("hedge")) == "approx"
            ax.plot([lo], [yy], marker="o", markersize=9, linestyle="none", color=colour,
                    markerfacecolor="white" if approx else colour, markeredgewidth=2, gid=gid, zorder=3)
            used.append("approx" if approx else "exact")
        elif shape in ("range", "vague"):
            vague = shape == "vague"
            ax.barh(yy, width=hi - lo, left=lo, height=0.42, color=tint if vague else colour,
                    edgecolor=colour, linewidth=1.2, hatch="///" if vague else None, gid=gid, zorder=2)
            used.append(shape)
        else:
            start, end = (lo, lo * _ARROW) if shape == "at_least" else (hi, hi / _ARROW)
            ax.annotate("", xy=(end, yy), xytext=(start, yy), gid=gid, zorder=3,
                        arrowprops=dict(arrowstyle="-|>", color=colour, lw=3, mutation_scale=18,
                                        shrinkA=0, shrinkB=0))
            ax.plot([start], [yy], marker="|", markersize=14, markeredgewidth=3, color=colour,
                    linestyle="none", gid=gid, zorder=3)
            used.append(shape)
        # The stated magnitude just above the mark, in the article's own precision.
        centre = math.sqrt((lo or hi) * (hi or lo)) if shape in ("range", "vague", "point") else (
            math.sqrt(lo * lo * _ARROW) if shape == "at_least" else math.sqrt(hi * hi / _ARROW))
        ax.text(centre, yy - 0.3, chart_text(_value_text(shape, lo, hi)), ha="center", va="bottom",
                fontsize=8, color="#333333", zorder=4)

    ax.set_ylim(y - 0.4, -0.9)  # top to bottom in reading order
    ax.set_yticks(ticks, labels, fontsize=9)
    ax.tick_params(axis="y", length=0)
    for s in separators:
        ax.axhline(s, color="#dddddd", linewidth=0.8, zorder=0)
    ax.grid(axis="x", which="major", color="#eeeeee", zorder=0)
    ax.set_axisbelow(True)
    decades = math.log10(hi_all * 2.5) - math.log10(lo_all / 2.5)
    ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0,) if decades > 2.5 else (1.0, 2.0, 5.0)))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: _tick(v)))
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)

    # Who says it, in a column at the right of each row.
    across = blended_transform_factory(ax.transAxes, ax.transData)
    for yy, r, *_ in placed:
        src = r.get("source")
        src = str(src) if isinstance(src, str) and src else NONE_LABEL
        if bool(r.get("quoted")) if r.get("quoted") is not None and not pd.isna(r.get("quoted")) else False:
            src += " (quoted)"
        ax.text(1.01, yy, chart_text(_short(src, 32)), transform=across, fontsize=8, color="#555555",
                va="center", clip_on=False)

    unit = measure.split(" (")[1].rstrip(")") if " (" in measure else ("%" if kind == "percent" else "")
    xlabel = f"{kind}{', ' + unit if unit else ''} (log scale)"
    if skipped:
        xlabel += f" — {skipped} claim{'s' * (skipped != 1)} without a positive number not shown"
    ax.set_xlabel(chart_text(xlabel), fontsize=9)
    grouping = "grouped by what is counted" if len(groups) > 1 or NONE_LABEL not in groups else "in reading order"
    ax.set_title(f"{what} stated in the article: one row per claim, {grouping}; who says it at right"
                 f"{subtitle}", loc="left", fontsize=11)
    handles = []
    for hedge in ("exact", "approx", "range", "vague", "at_least", "at_most"):
        if hedge not in used:
            continue
        if hedge in ("exact", "approx"):
            handles.append(Line2D([], [], marker="o", linestyle="none", color=colour, markersize=8,
                                  markeredgewidth=2, markerfacecolor="white" if hedge == "approx" else colour,
                                  label=_HEDGE_LABELS[hedge]))
        elif hedge in ("range", "vague"):
            handles.append(Patch(facecolor=tint if hedge == "vague" else colour, edgecolor=colour,
                                 hatch="///" if hedge == "vague" else None, label=_HEDGE_LABELS[hedge]))
        else:
            handles.append(Line2D([], [], marker=">" if hedge == "at_least" else "<", linestyle="-",
                                  color=colour, lw=3, markersize=8, label=_HEDGE_LABELS[hedge]))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=len(handles),
              frameon=False, fontsize=8.5, handlelength=2.2)
    return ax


def _clear_magnitudes(ax: "Axes") -> None:
    """Remove what :func:`plot_magnitudes` drew, keeping the Axes, its axis and ticks (a new
    Axes builds every tick again, most of the time of a widget's redraw)."""
    for container in list(ax.containers):
        container.remove()
    for artist in [*ax.lines, *ax.patches, *ax.texts, *ax.collections, *ax.artists, *ax.images]:
        artist.remove()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    ax.set_title("", loc="left")
    ax.set_xlabel("")
    ax.set_axis_on()


def _lighter(colour: str, strength: float = 0.35) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(255 - (255 - c) * strength) for c in (r, g, b)))


def _tick(v: float) -> str:
    """Axis ticks stay short: 1,000 / 100k / 10M / 2B (values above the marks stay exact)."""
    for threshold, size, suffix in ((1e9, 1e9, "B"), (1e6, 1e6, "M"), (1e5, 1e3, "k")):
        if abs(v) >= threshold:
            return f"{v / size:g}{suffix}"
    return format_number(v)


def _value_text(shape: str, lo: float | None, hi: float | None) -> str:
    if shape == "point":
        return format_number(lo)
    if shape == "at_least":
        return f"≥ {format_number(lo)}"
    if shape == "at_most":
        return f"≤ {format_number(hi)}"
    return f"{format_number(lo)}–{format_number(hi)}"


#: Widget charts are drawn at matplotlib's default dpi: the size of the notebook's static charts.
WIDGET_DPI = 100


def png_of(figure, pixels=None) -> bytes:
    """A figure as the notebook's inline backend shows it, from one draw: PNG bytes of the
    canvas' pixels (``pixels``, RGBA rows top first, or a fresh ``canvas.draw()``) cropped to what
    is drawn plus 0.1 inch, as ``bbox_inches="tight"`` crops. When something is drawn at the
    canvas' very edge (it may run past it), the figure is saved the slow way instead,
    ``bbox_inches="tight"``, which draws everything again."""
    import io

    import numpy as np

    if pixels is None:
        figure.canvas.draw()
        pixels = np.asarray(figure.canvas.get_renderer().buffer_rgba())
    pixels = np.ascontiguousarray(pixels)
    height, width = pixels.shape[:2]
    background = np.rint(np.array(figure.patch.get_facecolor()) * 255).astype(np.uint8)
    drawn = pixels.view(np.uint32)[:, :, 0] != background.view(np.uint32)[0]  # one compare a pixel
    for ax in figure.axes:  # an Axes counts whole, drawn or blank, as in a tight bounding box
        if ax.get_visible():
            x0, y0, x1, y1 = (int(round(v)) for v in ax.bbox.extents)
            drawn[max(height - y1, 0):max(height - y0, 0), max(x0, 0):max(x1, 0)] = True
    rows, cols = np.flatnonzero(drawn.any(axis=1)), np.flatnonzero(drawn.any(axis=0))
    if len(rows) and (rows[0] == 0 or cols[0] == 0 or rows[-1] == height - 1 or cols[-1] == width - 1):
        buf = io.BytesIO()
        figure.savefig(buf, format="png", bbox_inches="tight", pil_kwargs={"compress_level": 1})
        return buf.getvalue()
    if len(rows):  # the margin may run past the canvas, as a tight box's does: blank there
        pad = int(round(0.1 * figure.dpi))
        top, bottom = int(rows[0]) - pad, int(rows[-1]) + 1 + pad
        left, right = int(cols[0]) - pad, int(cols[-1]) + 1 + pad
        crop = pixels[max(top, 0):min(bottom, height), max(left, 0):min(right, width)]
        if crop.shape[:2] == (bottom - top, right - left):
            pixels = crop
        else:
            pixels = np.empty((bottom - top, right - left, 4), dtype=np.uint8)
            pixels[:] = background
            pixels[max(top, 0) - top:min(bottom, height) - top, max(left, 0) - left:min(right, width) - left] = crop
    opaque = background[3] == 255 and bool((pixels[:, :, 3] == 255).all())
    return encode_png(pixels[:, :, :3] if opaque else pixels)


def encode_png(pixels) -> bytes:
    """PNG bytes of an RGB or RGBA uint8 array (rows top first), quickly: rows unfiltered, zlib at
    level 1. A chart redrawn at every click is encoded in a third of the time PIL takes (PIL
    tries five filters on every row), and charts with large flat areas come out no bigger."""
    import struct
    import zlib

    import numpy as np

    height, width, channels = pixels.shape
    raw = np.zeros((height, width * channels + 1), dtype=np.uint8)  # a 0 (no filter) before each row
    raw[:, 1:] = np.asarray(pixels, dtype=np.uint8).reshape(height, width * channels)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6 if channels == 4 else 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw.tobytes(), 1))
            + chunk(b"IEND", b""))


# ----------------------------------------------------------------------------------------------
# Widgets
# ----------------------------------------------------------------------------------------------

def _options(series: "pd.Series", order: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(label with count, value) pairs for a multi-select: the values present in the column."""
    counts = _labels(series).value_counts()
    if order is not None:
        values = [v for v in order if v in counts.index]
    else:
        values = sorted((v for v in counts.index if v != NONE_LABEL), key=str.casefold)
        values += [NONE_LABEL] if NONE_LABEL in counts.index else []
    return [(f"{v} ({counts[v]})", v) for v in values]


class ClaimsExplorer(WidgetView):
    """Controls for one article's claims, wired to :func:`filter_claims`, :func:`plot_magnitudes`
    and the claims table. Display it in a notebook (it shows :attr:`widget`); setting any
    control's ``value`` redraws, as does :meth:`update`.

    Attributes after each update: :attr:`filtered` (the table shown), :attr:`figure` and
    :attr:`ax` (the chart: the same objects for the explorer's life, redrawn in place; a change
    that leaves the chart's claims and measure as they were does not redraw it).
    """

    def __init__(self, article: "Article", claims: "pd.DataFrame | None" = None):
        import ipywidgets as w
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.article = article
        self.claims = claims if claims is not None else claims_table(article)
        self.source_label = article_label(article)
        c = self.claims
        layout = w.Layout(width="24%")
        self.kind = w.SelectMultiple(options=_options(c["kind"], CLAIM_KINDS), description="kind",
                                     rows=6, layout=layout)
        self.hedge = w.SelectMultiple(options=_options(c["hedge"], HEDGES), description="hedge",
                                      rows=6, layout=layout)
        self.entity = w.SelectMultiple(options=_options(c["entity"]), description="entity", rows=6,
                                       layout=layout)
        self.source = w.SelectMultiple(options=_options(c["source"]), description="source", rows=6,
                                       layout=layout)
        self.search = w.Text(value="", description="search", placeholder="words in the claim or its sentence",
                             continuous_update=False, layout=w.Layout(width="40%"))
        # "" rather than None for "most claims": a None option value is ambiguous in ipywidgets 8
        # (a saved view can render it as no choice at all).
        self.measure = w.Dropdown(options=[("most claims", "")] + [(m, m) for m in magnitude_measures(c)],
                                  description="chart", layout=w.Layout(width="30%"))
        self.status = w.Label(value="")
        self.chart = w.Output()
        self.table = w.Output()
        self.controls = [self.kind, self.hedge, self.entity, self.source, self.search, self.measure]
        self.widget = w.VBox([
            w.HBox([self.kind, self.hedge, self.entity, self.source]),
            w.HBox([self.search, self.measure, self.status]),
            self.chart,
            self.table,
        ])
        self.filtered = c.iloc[0:0]
        # One figure for the explorer's life (no pyplot: no global state, no stray display): its
        # axis, ticks and text sizes stay between updates. It is laid out as a fresh chart is
        # (constrained layout) but only when what the layout depends on changed: see _lay_out.
        self.figure = Figure(figsize=FIGSIZE_WIDE, dpi=WIDGET_DPI)
        FigureCanvasAgg(self.figure)
        self.ax = self.figure.add_subplot()
        self._layouts: dict = {}  # what the layout depends on -> the Axes' position
        self._drawn = None  # (rows, measure) of the chart drawn
        self._shown = {"chart": None, "table": None}  # what the Outputs show
        self.watch(self.controls)
        self.update()

    def selection(self) -> dict[str, Any]:
        """The filter arguments the controls hold now."""
        return {
            "kinds": list(self.kind.value),
            "entities": list(self.entity.value),
            "sources": list(self.source.value),
            "hedges": list(self.hedge.value),
            "search": self.search.value,
        }

    def update(self) -> "pd.DataFrame":
        """Filter, redraw the chart (in place, when what it shows changed) and the table; returns
        the filtered table."""
        self.filtered = filter_claims(self.claims, **self.selection())
        self.status.value = f"{len(self.filtered)} of {len(self.claims)} claims"
        measure = self.measure.value or None
        drawn = (tuple(self.filtered.index), measure)
        if drawn != self._drawn:
            plot_magnitudes(self.filtered, self.ax, measure=measure, source=self.source_label)
            self._drawn = drawn
        self._show()
        return self.filtered

    def render_png(self) -> bytes:
        """The chart as PNG bytes, as the notebook shows it (see :func:`png_of`): laid out, one draw."""
        self._lay_out()
        return png_of(self.figure)

    def _lay_out(self) -> None:
        """Place the Axes as ``layout="constrained"`` places a fresh chart's: the layout runs from
        the subplot's own position (as in a new figure) when the texts, ticks and limits it
        depends on are new, and its result is kept for when they come back. Running it costs
        more than the draw (it measures every tick label twice)."""
        from matplotlib.layout_engine import ConstrainedLayoutEngine

        key = _layout_key(self.ax)
        position = self._layouts.get(key)
        if position is None:
            self.ax.set_subplotspec(self.ax.get_subplotspec())  # back to where a new figure starts
            ConstrainedLayoutEngine().execute(self.figure)
            position = self._layouts[key] = self.ax.get_position(original=True).frozen()
        elif self.ax.get_position(original=True).bounds != position.bounds:
            self.ax.set_position(position)
            self.ax.set_in_layout(True)  # set_position takes the Axes out of layouts

    def _show(self) -> None:
        if not has_front_end():
            return  # tests, scripts: the Axes is up to date, nothing to show
        from IPython.display import Image, display

        if self._shown["chart"] != self._drawn:
            png = self.render_png()
            with self.chart:
                self.chart.clear_output(wait=True)
                display(Image(data=png, format="png"))
            self._shown["chart"] = self._drawn
        rows = tuple(self.filtered.index)
        if self._shown["table"] != rows:
            with self.table:
                self.table.clear_output(wait=True)
                display(readable(claims_display(self.filtered)))
            self._shown["table"] = rows


def _layout_key(ax: "Axes") -> tuple:
    """Everything constrained layout measures on a :func:`plot_magnitudes` chart: the texts and
    where they are, the tick labels, the limits, the title, the x label and the legend."""
    legend = ax.get_legend()
    texts = tuple((t.get_text(), tuple(map(float, t.get_position())), getattr(t, "xy", None), t.get_fontsize())
                  for t in ax.texts)
    return (ax.axison, ax.get_title(loc="left"), ax.get_xlabel(), ax.get_xscale(), tuple(ax.get_xlim()),
            tuple(ax.get_ylim()), tuple(ax.get_yticks()),
            tuple(getattr(ax.yaxis.get_major_formatter(), "seq", ())), texts,
            tuple(t.get_text() for t in legend.get_texts()) if legend is not None else None)


def claims_explorer(article: "Article", claims: "pd.DataFrame | None" = None) -> ClaimsExplorer:
    """Widgets to filter an article's claims by kind, entity, source, hedge and text, with the
    magnitude chart and the table below; ``claims`` defaults to :func:`claims_table` (article)."""
    return ClaimsExplorer(article, claims)


def review_labels(claims: "pd.DataFrame", text: str, context: int = 28) -> list[str]:
    """One label per claim for the review form, none alike: its number in reading order, the
    words around it in the article ("hundreds" about militias and "hundreds" about guns read
    apart), its kind and its source. Plain text: a dropdown shows labels as text, not HTML."""
    import pandas as pd

    labels = []
    for number, row in enumerate(claims[["start", "end", "kind", "source"]].itertuples(index=False), 1):
        start, end = int(row.start), int(row.end)
        left = " ".join(text[max(0, start - context):start].split(" ")[1 if start > context else 0:])
        right = " ".join(text[end:end + context].split(" ")[:-1 if end + context < len(text) else None])
        snippet = " ".join(f"{'…' if start > context else ''}{left}«{text[start:end]}»{right}"
                           f"{'…' if end + context < len(text) else ''}".split())
        source = "" if pd.isna(row.source) else f", {row.source}"
        labels.append(f"{number}. {snippet} ({row.kind}{source})")
    return labels


class ReviewForm(WidgetView):
    """A small form to record a verdict on one claim: pick the claim, the verdict, a note and a
    source link, press save. Saving goes through :meth:`Article.save_review` (locked and atomic,
    keyed by the stable claim_id); :attr:`message` says what happened, :attr:`orphans` lists
    verdicts whose claim is gone (kept, never dropped).

    Nothing is chosen for the analyst: a claim without a saved verdict shows no verdict, the
    save button stays off until one is picked, and changing the claim clears the last message.
    """

    def __init__(self, article: "Article"):
        import ipywidgets as w

        from claimframe.io.review import VERDICTS

        self.article = article
        claims = article.claims
        options = list(zip(review_labels(claims, article.text), claims["claim_id"]))
        self.claim = w.Dropdown(options=options, value=None, description="claim", layout=w.Layout(width="90%"))
        self.verdict = w.ToggleButtons(options=list(VERDICTS), value=None, description="verdict")
        self.note = w.Textarea(description="note", placeholder="why", layout=w.Layout(width="60%"))
        self.source_url = w.Text(description="source", placeholder="https://...", layout=w.Layout(width="60%"))
        self.save = w.Button(description="save verdict", button_style="primary", icon="save")
        self.message = w.Label(value="")
        self.orphans = w.Output()
        self.save.on_click(lambda _button: self.submit())
        self.claim.observe(lambda _change: self.load(), names="value")
        self.verdict.observe(lambda _change: self._enable(), names="value")
        self.widget = w.VBox([self.claim, self.verdict, self.note, self.source_url,
                              w.HBox([self.save, self.message]), self.orphans])
        if options:
            self.claim.value = options[0][1]  # runs load()
        else:
            self.load()

    def _problem(self) -> str | None:
        """Why nothing can be saved: no folder, or a review.csv that must be fixed first."""
        if self.article.folder is None:
            return "read-only: this article has no folder to save to"
        problem = self.article.review_problem
        return f"cannot save until review.csv is fixed: {problem}" if problem else None

    def _enable(self) -> None:
        self.save.disabled = self.claim.value is None or self.verdict.value is None or self._problem() is not None

    def load(self) -> None:
        """Show the selected claim's saved verdict, note and source, or an empty form."""
        saved = {}
        if self.claim.value is not None and "verdict" in self.article.claims.columns:
            row = self.article.claims.set_index("claim_id").loc[self.claim.value]
            saved = {k: row.get(k) for k in ("verdict", "review_note", "review_source")}
        self.verdict.value = saved.get("verdict") if isinstance(saved.get("verdict"), str) else None
        self.note.value = saved.get("review_note") if isinstance(saved.get("review_note"), str) else ""
        self.source_url.value = saved.get("review_source") if isinstance(saved.get("review_source"), str) else ""
        self.message.value = self._problem() or ""
        self._enable()
        self._show_orphans()

    def submit(self) -> None:
        """Save the form's verdict; errors become the message, never a traceback."""
        from claimframe.errors import ClaimframeError

        if self.claim.value is None or self.verdict.value is None:
            self.message.value = "not saved: pick a claim and a verdict first"
            return
        try:
            self.article.save_review(self.claim.value, self.verdict.value, self.note.value, self.source_url.value)
        except (ClaimframeError, OSError) as exc:
            self.message.value = f"not saved: {exc}"
            return
        self.message.value = f"saved: {self.verdict.value}"
        self._show_orphans()

    def _show_orphans(self) -> None:
        from IPython.display import display

        from claimframe.io.review import ReviewError

        try:
            orphans = self.article.orphan_reviews if self.article.folder else None
        except ReviewError:
            orphans = None  # the message above already says what is wrong with the file
        with self.orphans:
            self.orphans.clear_output(wait=True)
            if orphans is not None and len(orphans):
                print(f"{len(orphans)} verdict(s) whose claim is no longer extracted (kept in review.csv):")
                display(readable(orphans))


def review_form(article: "Article") -> ReviewForm:
    """The verdict form for an article's claims (see :class:`ReviewForm`)."""
    return ReviewForm(article)
