"""Filtering, the magnitude chart, who-claims-what, and the widgets wired to them.

Expected values come from reading data/articles/iraq-shiite-militias-2016/article.txt (and the
wire fixture's text); none is copied from the library's output.
"""
from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

import claimframe  # noqa: E402
from claimframe.views.explorer import (  # noqa: E402
    NONE_LABEL,
    article_label,
    claims_by_source,
    claims_explorer,
    claims_summary,
    claims_table,
    filter_claims,
    magnitude_measures,
    plot_magnitudes,
)

SEED = "iraq-shiite-militias-2016"


@pytest.fixture(scope="module")
def seed():
    return claimframe.load_article(SEED)


@pytest.fixture(scope="module")
def claims(seed):
    return claims_table(seed)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def texts(df):
    return df["text"].tolist()


# --- filter_claims ----------------------------------------------------------------------------

def test_no_filter_keeps_everything(claims):
    assert len(filter_claims(claims)) == 14
    assert len(filter_claims(claims, kinds=[], entities=(), search="  ")) == 14


def test_filter_by_columns(claims):
    assert texts(filter_claims(claims, kinds="count")) == [
        "hundreds", "hundreds", "500", "up to 900", "at least 40", "80,000 to 100,000"]
    assert texts(filter_claims(claims, hedges=["vague"])) == ["hundreds", "hundreds"]
    assert texts(filter_claims(claims, entities=["militias"])) == ["hundreds", "at least 40"]
    assert texts(filter_claims(claims, sources="experts")) == ["at least 40", "80,000 to 100,000"]
    assert texts(filter_claims(claims, kinds=["count"], sources=["Los Angeles Times"], hedges="vague")) == [
        "hundreds", "hundreds"]
    # The distances and dates have no entity; the rank counts a "city".
    assert texts(filter_claims(claims, entities=NONE_LABEL)) == [
        "some 50 kilometers", "Wednesday, Nov. 9, 2016", "some 13 kilometers (8 miles)", "October",
        "October 17", "November", "Dec. 4"]
    assert filter_claims(claims, kinds="money").empty


def test_filter_keeps_index(claims):
    assert filter_claims(claims, kinds="rank").index.tolist() == [8]


def test_search_is_literal_and_case_insensitive(claims):
    # Sentences that write "U.S.": the caption's first, and paragraphs 3, 6, 10, 18 and 21.
    assert texts(filter_claims(claims, search="u.s.")) == [
        "some 50 kilometers", "Wednesday, Nov. 9, 2016", "hundreds", "hundreds", "October",
        "October 17", "500", "Dec. 4"]
    # "[Shiite]" as a pattern would match nearly every sentence; literally it is in two.
    assert texts(filter_claims(claims, search="[Shiite]")) == [
        "hundreds", "at least 40", "80,000 to 100,000"]
    assert texts(filter_claims(claims, search="(8 MILES)")) == ["some 13 kilometers (8 miles)"]
    assert texts(filter_claims(claims, search="HUNDREDS")) == ["hundreds", "hundreds"]
    assert filter_claims(claims, search="no such words").empty
    # Counts whose sentence speaks of militias (the claim "500" sits in "legalizing the militias").
    assert texts(filter_claims(claims, kinds="count", search="militia")) == [
        "hundreds", "500", "up to 900", "at least 40", "80,000 to 100,000"]


def test_search_without_sentence_column_uses_claim_text(seed):
    assert texts(filter_claims(seed.claims, search="kilometers")) == [
        "some 50 kilometers", "some 13 kilometers (8 miles)"]


def test_unknown_column_is_a_clear_error():
    with pytest.raises(KeyError, match="entity"):
        filter_claims(pd.DataFrame({"text": ["1"]}), entities="x")


# --- claims_by_source ----------------------------------------------------------------------------

def test_claims_by_source(claims):
    table = claims_by_source(claims)
    assert list(table.columns) == ["source", "n_claims", "n_quoted", "kinds", "claims"]
    rows = {r.source: r for r in table.itertuples()}
    assert table["source"].tolist()[0] == "Breitbart News"  # most claims: October, October 17, November, rank
    assert (rows["Breitbart News"].n_claims, rows["Breitbart News"].kinds) == (4, "date, rank")
    assert rows["AP Photo/Marko Drobnjakovic"].n_claims == 3
    assert rows["Los Angeles Times"].claims == "“hundreds” [militias]; “hundreds” [guns]"
    assert rows["Los Angeles Times"].n_quoted == 1  # the block-quoted paragraph after "According to the Times:"
    assert (rows["Haitham Mayahi"].n_claims, rows["Haitham Mayahi"].n_quoted) == (1, 1)
    assert rows["experts"].claims == "“at least 40” [militias]; “80,000 to 100,000” [members]"
    assert table["n_claims"].sum() == 14 and str(table["n_claims"].dtype) == "Int64"


def test_claims_by_source_empty(claims):
    table = claims_by_source(claims.iloc[0:0])
    assert table.empty and list(table.columns) == ["source", "n_claims", "n_quoted", "kinds", "claims"]


# --- plot_magnitudes -----------------------------------------------------------------------------

def gids(ax):
    return [a.get_gid() for a in ax.get_children() if a.get_gid()]


def test_plot_counts(seed, claims):
    ax = plot_magnitudes(claims, source=article_label(seed))
    assert ax.get_xscale() == "log"
    assert "Counts" in ax.get_title(loc="left") and "Breitbart News, 2016-12-15" in ax.get_title(loc="left")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    # Grouped by entity in order of first appearance: militias (both), guns, recruits, fighters, members.
    assert labels == ["militias: “hundreds”", "militias: “at least 40”", "guns: “hundreds”",
                      "recruits: “500”", "fighters: “up to 900”", "members: “80,000 to 100,000”"]
    shapes = sorted(g.split(":")[0] for g in gids(ax))
    # One bar per vague/range, a dot for 500, arrow + bound tick for "at least"/"up to".
    assert shapes.count("vague") == 2 and shapes.count("range") == 1 and shapes.count("point") == 1
    assert shapes.count("at_least") == 2 and shapes.count("at_most") == 2
    bars = {round(p.get_x()): (p.get_width(), p.get_hatch()) for p in ax.patches if isinstance(p, Rectangle)
            and (p.get_gid() or "").startswith(("range", "vague"))}
    assert bars == {200: (799.0, "///"), 80000: (20000.0, None)}
    arrows = [a for a in ax.texts if isinstance(a, Annotation) and a.get_gid()]
    starts = sorted(a.xyann[0] for a in arrows)
    assert starts == [40.0, 900.0]
    dots = [line for line in ax.lines if (line.get_gid() or "").startswith("point")]
    assert [tuple(line.get_xdata()) for line in dots] == [(500.0,)]
    lo, hi = ax.get_xlim()
    assert lo < 40 and hi > 100_000
    right = [t.get_text() for t in ax.texts if not isinstance(t, Annotation) and t.get_position()[0] == 1.01]
    assert "Haitham Mayahi (quoted)" in right and "Los Angeles Times" in right
    ax.figure.canvas.draw()  # everything renders


def test_plot_distances_and_approx_are_hollow(claims):
    ax = plot_magnitudes(claims, measure="distance (km)")
    dots = [line for line in ax.lines if (line.get_gid() or "").startswith("point")]
    assert sorted(x for line in dots for x in line.get_xdata()) == [13.0, 50.0]
    assert all(line.get_markerfacecolor() == "white" for line in dots)  # "some": approximate
    assert "km" in ax.get_xlabel()


def test_measures(claims):
    assert magnitude_measures(claims) == ["count", "distance (km)"]
    wire = claims_table(claimframe.load_article(
        claimframe.paths.data_dir().parent / "tests" / "fixtures" / "articles" / "wire-reuters-style"))
    assert set(magnitude_measures(wire)) == {"count", "distance (km)", "duration (day)", "money (USD)",
                                             "percent"}
    ax = plot_magnitudes(wire, measure="money (USD)")  # "$1.5 billion" must not start mathtext
    assert "“\\$1.5 billion”" in [t.get_text() for t in ax.get_yticklabels()]
    ax.figure.canvas.draw()


def test_plot_empty_says_so(claims):
    ax = plot_magnitudes(claims.iloc[0:0], source="Somewhere")
    assert "no-claims" in gids(ax)
    assert [t.get_text() for t in ax.texts] == ["No claims match the filters"]
    ax = plot_magnitudes(filter_claims(claims, kinds="date"), measure="count")
    assert ax.texts[0].get_text().startswith("No count claims match\n(5 other claims")


def test_plot_zero_negative_missing_values():
    df = pd.DataFrame({
        "claim_id": ["a", "b", "c", "d", "e"],
        "start": [0, 5, 10, 15, 20],
        "text": ["0", "-5", "some", "0 to 10", "7"],
        "kind": ["count"] * 5,
        "hedge": ["exact", "exact", "approx", "range", "exact"],
        "value": pd.array([0.0, -5.0, None, None, 7.0], dtype="Float64"),
        "low": pd.array([None, None, None, 0.0, None], dtype="Float64"),
        "high": pd.array([None, None, None, 10.0, None], dtype="Float64"),
        "unit": pd.array([None] * 5, dtype="string"),
        "entity": pd.array([None] * 5, dtype="string"),
        "source": ["x"] * 5,
        "quoted": pd.array([False, False, None, False, False], dtype="boolean"),
    })
    ax = plot_magnitudes(df)
    # "0 to 10" is drawn open below (up to 10); 0, -5 and a missing value cannot sit on a log axis.
    assert sorted(gids(ax)) == ["at_most:d", "at_most:d", "point:e"]
    assert "3 claims without a positive number not shown" in ax.get_xlabel()
    ax.figure.canvas.draw()


def test_plot_into_given_axes():
    fig = Figure(figsize=(10, 5))
    ax = fig.add_subplot()
    claims = claims_table(claimframe.load_article(SEED))
    assert plot_magnitudes(claims, ax=ax) is ax
    assert plt.get_fignums() == []  # nothing created through pyplot


# --- widgets -------------------------------------------------------------------------------------

def test_explorer_controls(seed):
    ex = claims_explorer(seed)
    assert [v for _, v in ex.kind.options] == ["count", "distance", "date", "rank"]
    assert ("count (6)", "count") in ex.kind.options
    assert [v for _, v in ex.hedge.options] == ["exact", "approx", "at_least", "at_most", "range", "vague"]
    assert ex.entity.options[-1] == ("(none) (7)", NONE_LABEL)
    assert ("experts (2)", "experts") in ex.source.options
    assert len(ex.filtered) == 14 and ex.status.value == "14 of 14 claims"
    assert len(ex.ax.get_yticklabels()) == 6  # the default chart: the six counts


def test_explorer_wiring(seed):
    ex = claims_explorer(seed)
    ex.hedge.value = ("vague",)
    assert texts(ex.filtered) == ["hundreds", "hundreds"]
    assert sum(1 for p in ex.ax.patches if p.get_hatch() == "///") == 2
    assert [t.get_text() for t in ex.ax.get_yticklabels()] == ["militias: “hundreds”", "guns: “hundreds”"]
    ex.search.value = "guns"
    assert texts(ex.filtered) == ["hundreds"] and ex.status.value == "1 of 14 claims"
    ex.hedge.value = ()
    ex.search.value = ""
    ex.kind.value = ("distance",)
    assert texts(ex.filtered) == ["some 50 kilometers", "some 13 kilometers (8 miles)"]
    assert "Distances" in ex.ax.get_title(loc="left")  # "most claims" follows the selection
    ex.kind.value = ("date",)
    assert len(ex.filtered) == 5
    assert any(t.get_gid() == "no-claims" for t in ex.ax.texts)
    ex.kind.value = ()
    ex.measure.value = "distance (km)"
    assert len(ex.filtered) == 14 and len(ex.ax.get_yticklabels()) == 2
    ex.source.value = ("Haitham Mayahi", "experts")
    ex.measure.value = ""  # "most claims"
    assert texts(ex.filtered) == ["up to 900", "at least 40", "80,000 to 100,000"]
    assert sorted(g.split(":")[0] for g in gids(ex.ax)).count("range") == 1
    assert ex.figure is ex.ax.figure
    assert texts(ex.update()) == texts(ex.filtered)


def test_explorer_widget_tree(seed):
    import ipywidgets as w

    ex = claims_explorer(seed)
    assert isinstance(ex.widget, w.VBox)
    assert ex.chart in ex.widget.children and ex.table in ex.widget.children


def test_claims_summary(claims):
    # 6 counts, 5 dates, 2 distances, 1 rank; sources: Breitbart News, the AP credit, the LA Times,
    # Dorrian, Mayahi, experts; quoted: guns (block quote), 500, Dec. 4, up to 900, 40, 80,000-100,000.
    assert claims_summary(claims) == "14 claims: 6 count, 5 date, 2 distance, 1 rank; 6 sources; 6 quoted"
    assert claims_summary(claims.iloc[0:0]) == "0 claims"


def test_tick_labels_are_short_and_right():
    from claimframe.views.explorer import _tick

    assert [_tick(v) for v in (100.0, 1000.0, 10_000.0, 100_000.0, 1e6, 1.5e9)] == [
        "100", "1,000", "10,000", "100k", "1M", "1.5B"]


# --- the explorer redraws in place ----------------------------------------------------------------

def chart_state(ax):
    """What a reader sees of a magnitudes chart: its gids, texts, tick labels, title and x label."""
    return (sorted(gids(ax)), sorted(t.get_text() for t in ax.texts),
            [t.get_text() for t in ax.get_yticklabels()] if ax.axison else None,
            ax.get_title(loc="left"), ax.get_xlabel() if ax.axison else None, ax.axison,
            [t.get_text() for t in ax.get_legend().get_texts()] if ax.get_legend() else None)


def test_explorer_redraws_in_place_like_a_fresh_chart(seed):
    ex = claims_explorer(seed)
    fig, ax = ex.figure, ex.ax
    for control, value in ((ex.kind, ("distance",)), (ex.hedge, ("vague",)), (ex.kind, ()),
                           (ex.measure, "distance (km)"), (ex.source, ("experts",)), (ex.kind, ("date",)),
                           (ex.kind, ()), (ex.measure, ""), (ex.source, ()), (ex.hedge, ())):
        control.value = value
        assert ex.figure is fig and ex.ax is ax and fig.axes == [ax]
        fresh = plot_magnitudes(ex.filtered, measure=ex.measure.value or None, source=ex.source_label)
        assert chart_state(ex.ax) == chart_state(fresh), (control.description, value)
        # nothing left over from an earlier chart
        assert len(ex.ax.patches) == len(fresh.patches) and len(ex.ax.lines) == len(fresh.lines)
        plt.close(fresh.figure)


def test_explorer_skips_a_redraw_that_would_change_nothing(seed):
    ex = claims_explorer(seed)
    marks = list(ex.ax.patches)
    ex.kind.value = ("count", "distance", "date", "rank")  # every kind: the same claims as no filter
    ex.search.value = "  "  # blank: no search
    assert len(ex.ax.patches) == len(marks) and all(p is q for p, q in zip(ex.ax.patches, marks))
    ex.hedge.value = ("vague",)
    assert not any(p is q for p in ex.ax.patches for q in marks)


def test_explorer_picture_is_laid_out_as_a_fresh_constrained_chart(seed):
    import io

    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    ex = claims_explorer(seed)
    for value in (("distance",), ("count",), ("distance",)):  # the last from the layouts kept
        ex.kind.value = value
        png = ex.render_png()
        fresh = Figure(figsize=ex.figure.get_size_inches(), dpi=ex.figure.dpi, layout="constrained")
        FigureCanvasAgg(fresh)
        plot_magnitudes(ex.filtered, fresh.add_subplot(), source=ex.source_label)
        fresh.canvas.draw()
        assert ex.ax.get_position().bounds == pytest.approx(fresh.axes[0].get_position().bounds, abs=1e-9)
        shown = np.asarray(Image.open(io.BytesIO(png)))
        drawn = np.asarray(fresh.canvas.buffer_rgba())[:, :, :3]
        # as "tight" crops: to what is drawn, plus 0.1 inch (here a little past the figure's edge)
        assert drawn.shape[0] < shown.shape[0] < drawn.shape[0] + 20
        assert drawn.shape[1] < shown.shape[1] < drawn.shape[1] + 20
        assert ex.figure.get_layout_engine() is None  # laid out once, not at every draw


def test_encode_png_round_trip():
    import io

    import numpy as np
    from PIL import Image

    from claimframe.views.explorer import encode_png

    rng = np.random.default_rng(0)
    for shape in ((1, 1, 3), (7, 5, 4), (40, 33, 3)):
        pixels = rng.integers(0, 256, shape, dtype=np.uint8)
        assert (np.asarray(Image.open(io.BytesIO(encode_png(pixels)))) == pixels).all()


# --- tables for reading (views.tables) ----------------------------------------------------------
def test_amounts_are_written_in_the_stated_unit_with_their_currency():
    from claimframe.views.tables import amount_text

    assert amount_text("money", 300_000_000.0, None, None, "USD", "USD") == "$300,000,000"
    assert amount_text("money", 3_200_000.0, None, None, "GBP", "GBP") == "£3,200,000"
    assert amount_text("duration", 13 * 365.2425, None, None, "day", "year") == "13 years"
    assert amount_text("duration", 1.0, None, None, "day", "day") == "1 day"
    assert amount_text("distance", 64.37376, None, None, "km", "mi") == "40 mi"
    assert amount_text("distance", 0.00649224, None, None, "km", "ft") == "21.3 ft"
    assert amount_text("percent", 71.5, None, None, "percent", "percent") == "71.5%"
    assert amount_text("count", None, 2000.0, 9999.0, None, None) == "2,000–9,999"
    assert amount_text("count", None, 1200.0, None, None, None) == "≥ 1,200"
    assert amount_text("count", None, None, 900.0, None, None) == "≤ 900"
    assert amount_text("date", None, None, None, None, None) == ""


def test_readable_tables_blank_missing_values_put_ids_last_and_escape():
    import numpy as np

    from claimframe.views.tables import readable

    df = pd.DataFrame({
        "claim_id": pd.array(["c-1", "c-2"], dtype="string"),
        "text": pd.array(["<b>some 40</b>", pd.NA], dtype="string"),
        "value": pd.array([300000000.0, pd.NA], dtype="Float64"),
        "share": [0.125, np.nan],
        "date": pd.to_datetime(["2016-11-26", None]),
        "quoted": pd.array([True, pd.NA], dtype="boolean"),
    })
    html = readable(df).to_html()
    heads = re.findall(r'<th class="col_heading[^"]*" >([^<]*)</th>', html)
    assert heads == ["text", "value", "share", "date", "quoted", "claim_id"]
    cells = re.findall(r'<td class="data row1[^"]*" >([^<]*)</td>', html)
    assert cells == ["", "", "", "", "", "c-2"]  # no <NA>, NaN or NaT
    assert re.findall(r'<td class="data row0[^"]*" >(.*?)</td>', html) == [
        "&lt;b&gt;some 40&lt;/b&gt;", "300,000,000", "0.12", "2016-11-26", "yes", "c-1"]
    assert "<b>" not in html.split("</style>")[1]
    assert "text-align: right" in html  # numbers right, text left (JupyterLab would right-align all)
    assert readable(df).to_html() == html  # the same HTML on every run: nbval and git diffs stay quiet
    assert "first 1 of 2 rows" in readable(df, max_rows=1)._repr_html_()
    assert repr(readable(df, max_rows=1)).startswith("first 1 of 2 rows\n")
    assert ">None.</p>" in readable(df.iloc[0:0])._repr_html_()


def test_the_claims_table_people_read(seed):
    from claimframe.views.tables import claims_display

    shown = claims_display(seed.claims)
    assert list(shown.columns) == ["text", "kind", "amount", "hedge", "entity", "date", "source", "quoted", "claim_id"]
    rows = shown.set_index("text")
    assert rows.loc["80,000 to 100,000", "amount"] == "80,000–100,000"
    assert rows.loc["some 13 kilometers (8 miles)", "amount"] == "13 km"
    assert rows.loc["November", "date"] == "2016-11" and rows.loc["Dec. 4", "date"] == "2016-12-04"
    assert rows.loc["at least 40", "hedge"] == "at least"


def test_claims_display_names_the_period_of_a_rate():
    from claimframe.views.tables import claims_display

    claims = claimframe.read_text("Care workers earn $15 an hour; 358,000 jobs a month were added, "
                                  "and 40 nurses quit.", published="2021-08-16").claims
    shown = dict(zip(claims_display(claims)["text"], claims_display(claims)["amount"]))
    assert shown == {"$15": "$15 per hour", "358,000": "358,000 per month", "40": "40"}
