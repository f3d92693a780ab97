"""The timeline: filter_events, plot_timeline (artists checked on Agg) and the widget wiring.

Expected values come from the seed's events as read by hand (tests/test_events.py pins them):
five reported (Oct. "October", Oct. 17, Nov. "November", Nov. 9, Dec. 4), the LA Times article
(2016-12-12), the publication (2016-12-15) and eight context events (2016-07-09 .. 2017-07-10).
"""
from __future__ import annotations

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from matplotlib.text import Text  # noqa: E402

import claimframe  # noqa: E402
from claimframe import schema
from claimframe.views import style, timeline  # noqa: E402
from claimframe.views.style import EVENT_KIND_COLOURS  # noqa: E402
from claimframe.views.timeline import (  # noqa: E402
    NO_MATCH,
    clear_timeline,
    event_table,
    filter_events,
    plot_timeline,
    timeline_explorer,
)

from .conftest import FIXTURES  # noqa: E402

T = pd.Timestamp
REPORTED = ["October", "October 17", "November", "Wednesday, Nov. 9, 2016", "Dec. 4"]
TITLE = "Events on a timeline: the article and the public record"
KIND_LEGEND = ["article reports", "article published", "cited article", "public record",
               "day (filled: article)", "day (hollow: record)", "week, month or year"]


@pytest.fixture(scope="module")
def events(seed):
    return seed.events


@pytest.fixture
def ax():
    fig, ax = plt.subplots(figsize=style.FIGSIZE_WIDE)
    fig.subplots_adjust(left=0.18, right=0.98, top=0.86, bottom=0.19)
    yield ax
    plt.close(fig)


def gids(ax, prefix):
    return {a.get_gid().split(":", 1)[1]: a for a in ax.get_children()
            if isinstance(a.get_gid(), str) and a.get_gid().startswith(prefix + ":")}


def legend_texts(ax):
    return [t.get_text() for t in ax.get_legend().get_texts()] if ax.get_legend() is not None else []


# --- filter_events ------------------------------------------------------------------------------
def test_filter_by_date_overlap(events):
    # a month-precision "November" overlaps a range that starts on its last day
    got = filter_events(events, "2016-11-30", "2016-12-31")
    assert got["date_text"].tolist() == ["November", "Dec. 4", "2016-12-12", "2016-12-15"]
    got = filter_events(events, "2016-12-01", None, kinds=["reported"])
    assert got["date_text"].tolist() == ["Dec. 4"]
    got = filter_events(events, None, "2016-10-17")
    assert got["date_text"].tolist() == ["2016-07-09", "2016-08-25", "October", "October 17", "2016-10-17"]


def test_filter_by_kind_source_and_context(events):
    assert filter_events(events, kinds="reported")["date_text"].tolist() == REPORTED
    assert filter_events(events, sources=["Col. John Dorrian"])["date_text"].tolist() == ["Dec. 4"]
    no_context = filter_events(events, context=False)
    assert len(no_context) == 7 and "context" not in set(no_context["kind"])
    assert filter_events(events, kinds=["context"], context=False).empty
    # none selected is all selected, as in every filter (claimframe.schema.selection)
    assert len(filter_events(events, kinds=[])) == len(filter_events(events, sources=())) == 15
    assert len(filter_events(events)) == len(events) == 15


def test_filter_keeps_the_contract(events):
    for got in (filter_events(events, kinds=["cited"]), filter_events(events, sources=[])):
        schema.validate("events", got)
        assert list(got.index) == list(range(len(got)))


def test_event_table(events):
    table = event_table(filter_events(events, kinds=["reported"]))
    assert list(table.columns) == ["date", "date_end", "date_precision", "date_text", "label", "kind", "source"]
    assert table.loc[2, ["date", "date_end"]].tolist() == ["2016-11-01", "2016-11-30"]


# --- plot_timeline ------------------------------------------------------------------------------
def test_colours_live_in_style():
    assert timeline.EVENT_KIND_COLOURS is style.EVENT_KIND_COLOURS
    assert set(EVENT_KIND_COLOURS.values()) <= set(style.OKABE_ITO)  # colour-blind-safe


def test_marks_points_and_spans(events, ax):
    plot_timeline(events, ax=ax)
    marks = gids(ax, "event")
    assert set(marks) == set(events["event_id"])
    by_text = dict(zip(events["date_text"], events["event_id"]))
    nov = marks[by_text["November"]]
    assert isinstance(nov, Rectangle)  # a month is a span: Nov. 1 to the end of Nov. 30
    assert nov.get_x() == pytest.approx(mdates.date2num(T("2016-11-01")))
    assert nov.get_width() == pytest.approx(30.0)
    dec4 = marks[by_text["Dec. 4"]]
    assert isinstance(dec4, Line2D) and dec4.get_marker() == "o"
    assert dec4.get_xdata()[0] == pytest.approx(mdates.date2num(T("2016-12-04")) + 0.5)
    assert matplotlib.colors.same_color(dec4.get_markerfacecolor(), EVENT_KIND_COLOURS["reported"])
    law = marks[by_text["2016-11-26"]]  # context: hollow diamond in the record's colour
    assert law.get_marker() == "D" and matplotlib.colors.same_color(law.get_markerfacecolor(), "white")
    assert matplotlib.colors.same_color(law.get_markeredgecolor(), EVENT_KIND_COLOURS["context"])


def test_article_block_above_context_block(events, ax):
    plot_timeline(events, ax=ax)
    marks = gids(ax, "event")
    kinds = dict(zip(events["event_id"], events["kind"]))

    def row(artist):
        return artist.get_ydata()[0] if isinstance(artist, Line2D) else artist.get_y() + artist.get_height() / 2

    article_rows = [row(a) for e, a in marks.items() if kinds[e] != "context"]
    context_rows = [row(a) for e, a in marks.items() if kinds[e] == "context"]
    assert max(article_rows) < min(context_rows)  # y grows downwards: article events on top
    assert len({round(r, 3) for r in article_rows + context_rows}) == 15  # one row each
    headings = gids(ax, "heading")
    assert all(isinstance(h, Text) for h in headings.values())
    assert headings["article"].get_text() == "What the article says"
    assert headings["context"].get_text() == "The public record (context events)"


def test_labels_never_overlap_and_stay_inside(events, ax):
    plot_timeline(events, ax=ax)
    fig = ax.figure
    fig.canvas.draw()
    labels = gids(ax, "label")
    assert len(labels) == 15 and all(isinstance(a, Text) for a in labels.values())
    texts = dict(zip(events["event_id"], events["label"]))
    for eid, artist in labels.items():
        shown = artist.get_text()
        assert shown == texts[eid] or (shown.endswith("…") and texts[eid].startswith(shown[:-1].rstrip("…")))
    boxes = [a.get_window_extent() for a in labels.values()]
    boxes += [a.get_window_extent() for a in gids(ax, "date").values()]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    frame = ax.get_window_extent()
    for box in boxes[:15]:
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1
    figure_box = fig.bbox
    for box in boxes:
        assert figure_box.x0 <= box.x0 and box.x1 <= figure_box.x1


def test_labels_sit_beside_their_marks(events, ax):
    """Hand-checked on the seed: at 10 x 5 inches every label fits whole; the last context event
    (2017-07-10, at the right edge) has its label on the left, the others on the right."""
    plot_timeline(events, ax=ax)
    by_text = dict(zip(events["date_text"], events["event_id"]))
    labels, marks = gids(ax, "label"), gids(ax, "event")
    mosul = labels[by_text["2017-07-10"]]
    assert mosul.get_text() == "Mosul victory declared" and mosul.get_ha() == "right"
    assert mosul.xy[0] == pytest.approx(marks[by_text["2017-07-10"]].get_xdata()[0])
    offensive = labels[by_text["October 17"]]
    assert offensive.get_text() == "Offensive started" and offensive.get_ha() == "left"
    assert offensive.xy[0] == pytest.approx(mdates.date2num(T("2016-10-17")) + 0.5)
    assert labels[by_text["November"]].get_text() == "Iraqi parliament passed a law that made the Shiite militias"
    nov = marks[by_text["November"]]
    assert labels[by_text["November"]].xy[0] == pytest.approx(nov.get_x() + nov.get_width())  # right of the span


def test_a_span_across_the_axis_gets_its_label_inside(events, ax):
    """November only: the "November" bar fills the axis, so neither side has room; its label goes
    inside the bar, whole, rather than off the figure."""
    plot_timeline(filter_events(events, "2016-11-01", "2016-11-30"), ax=ax)
    ax.figure.canvas.draw()
    nov_id = events.loc[events["date_text"] == "November", "event_id"].iloc[0]
    label = gids(ax, "label")[nov_id]
    assert label.get_text() == "Iraqi parliament passed a law that made the Shiite militias"
    assert label.get_ha() == "left" and label.xy[0] == pytest.approx(mdates.date2num(T("2016-11-01")))
    box, frame = label.get_window_extent(), ax.get_window_extent()
    assert frame.x0 <= box.x0 and box.x1 <= frame.x1


def test_long_labels_are_cut_word_by_word(events, ax):
    event_id = events.loc[events["date_text"] == "2016-07-09", "event_id"].iloc[0]
    long = events.copy()
    long["label"] = long["label"].astype(object)
    long.loc[long["event_id"] == event_id, "label"] = "word " * 60 + "$5 million and $6 million"
    plot_timeline(long, ax=ax)
    ax.figure.canvas.draw()
    label = gids(ax, "label")[event_id]
    assert label.get_text().startswith("word word ") and label.get_text().endswith("word…")
    assert label.get_window_extent().x1 <= ax.get_window_extent().x1
    assert not label.get_parse_math()  # "$5 million and $6 million" is not mathtext


def test_without_date_text_the_date_column_is_iso(events, ax):
    plot_timeline(events.drop(columns=["date_text"]), ax=ax)
    dates = {a.get_text() for a in gids(ax, "date").values()}
    assert {"“2016-11-01”", "“2016-12-04”", "2016-11-26"} <= dates


def test_date_column_quotes_the_article(events, ax):
    plot_timeline(events, ax=ax)
    dates = {a.get_text() for a in gids(ax, "date").values()}
    assert {"“November”", "“Dec. 4”", "“Wednesday, Nov. 9, 2016”", "2016-11-26", "2016-12-15"} <= dates


def test_legend_and_colour_by_source(events, ax):
    plot_timeline(events, ax=ax)
    assert legend_texts(ax) == KIND_LEGEND  # the seed has all four kinds
    handles = dict(zip(KIND_LEGEND, ax.get_legend().legend_handles))
    assert matplotlib.colors.same_color(handles["article reports"].get_facecolor(), "#0072B2")
    assert matplotlib.colors.same_color(handles["public record"].get_facecolor(), "#D55E00")
    assert handles["day (hollow: record)"].get_marker() == "D"
    assert matplotlib.colors.same_color(handles["day (hollow: record)"].get_markerfacecolor(), "white")
    assert isinstance(handles["week, month or year"], Rectangle)
    clear_timeline(ax)
    assert ax.get_legend() is None
    plot_timeline(events, ax=ax, colour_by="source")
    # article sources, sorted; context events grey
    assert legend_texts(ax) == ["AP Photo/Marko Drobnjakovic", "Breitbart News", "Col. John Dorrian",
                                "public record (see table)", *KIND_LEGEND[4:]]
    palette = style.colours_for(["AP Photo/Marko Drobnjakovic", "Breitbart News", "Col. John Dorrian"])
    dec4 = gids(ax, "event")[events.loc[events["date_text"] == "Dec. 4", "event_id"].iloc[0]]
    assert matplotlib.colors.same_color(dec4.get_markerfacecolor(), palette["Col. John Dorrian"])
    with pytest.raises(ValueError, match="colour_by"):
        plot_timeline(events, ax=ax, colour_by="mood")


def test_legend_words_never_overlap_and_stay_inside(events, ax):
    plot_timeline(events, ax=ax, colour_by="source")  # the longest entries
    ax.figure.canvas.draw()
    words = [t.get_window_extent() for t in ax.get_legend().get_texts()]
    marks = [m.get_window_extent() for m in ax.get_legend().legend_handles if not isinstance(m, Line2D)]
    ticks = [t.get_window_extent() for t in ax.get_xticklabels() if t.get_text()]
    assert len(words) == 7 and len(marks) == 5 and ticks  # 2 of 7 handles are markers
    for a, b in itertools.combinations(words + marks + ticks, 2):
        assert not a.overlaps(b), (a, b)
    for box in words + marks:
        assert ax.figure.bbox.x0 <= box.x0 and box.x1 <= ax.figure.bbox.x1
        assert ax.figure.bbox.y0 <= box.y0 and box.y1 < ax.get_window_extent().y0  # under the axes


def test_legend_is_kept_while_its_entries_stay(events, ax):
    plot_timeline(events, ax=ax)
    legend = ax.get_legend()
    plot_timeline(filter_events(events, "2016-11-01", "2017-12-31"), ax=ax)  # still all four kinds
    assert ax.get_legend() is legend
    plot_timeline(filter_events(events, kinds=["reported"]), ax=ax)  # one kind left: 4 entries
    assert ax.get_legend() is not legend and legend_texts(ax) == ["article reports", *KIND_LEGEND[4:]]
    plot_timeline(events, ax=ax, legend=False)
    assert ax.get_legend() is None


def test_publication_line_only_inside_the_time_range(events, ax):
    """Published on Dec. 15, drawn over October and November: no dashed line, and no note
    hanging beside the axes."""
    plot_timeline(filter_events(events, "2016-10-01", "2016-11-30"), ax=ax, published="2016-12-15")
    drawn = {a.get_gid() for a in ax.get_children()}
    assert "published" not in drawn and "published-label" not in drawn
    plot_timeline(events, ax=ax)
    assert {"published", "published-label"} <= {a.get_gid() for a in ax.get_children()}


def test_published_line_and_title(events, ax):
    plot_timeline(events, ax=ax)
    published = next(a for a in ax.get_children() if a.get_gid() == "published")
    assert published.get_xdata()[0] == pytest.approx(mdates.date2num(T("2016-12-15")) + 0.5)
    note = next(a for a in ax.get_children() if a.get_gid() == "published-label")
    assert note.get_text() == "article published 2016-12-15: its “today”"
    assert ax.get_title(loc="left") == TITLE
    subtitle = next(a for a in ax.get_children() if a.get_gid() == "subtitle")
    assert subtitle.get_text() == ("Source: Breitbart News, 2016-12-15 (dates resolved against publication); "
                                   "context: curated public sources (context_events.csv)")
    plot_timeline(events, ax=ax, title="Mosul, 2016", subtitle="Source: a test")
    assert ax.get_title(loc="left") == "Mosul, 2016"


def test_words_are_text_in_svg(events, ax):
    """Title, headings, dates, labels, legend and date ticks are text a reader (or a screen
    reader) can select in an SVG saved with text kept as text."""
    plot_timeline(events, ax=ax)
    import io

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        ax.figure.savefig(buf, format="svg")
    svg = buf.getvalue()
    for words in (TITLE, "What the article says", "“Dec. 4”", "Mosul victory declared",
                  "article reports", "Sep", "2017"):
        assert f">{words}</text>" in svg, words


def test_labels_off_and_empty_table(events, ax):
    plot_timeline(events, ax=ax, labels=False)
    assert not gids(ax, "label") and len(gids(ax, "event")) == 15
    clear_timeline(ax)
    assert not gids(ax, "event") and not ax.lines and not ax.patches and not ax.texts
    assert ax.get_title(loc="left") == "" and not legend_texts(ax)
    plot_timeline(events.iloc[0:0], ax=ax)
    message = next(a for a in ax.get_children() if a.get_gid() == "no-match")
    assert message.get_text() == NO_MATCH
    ax.figure.canvas.draw()  # draws without error


def test_without_ax_makes_a_fixed_size_figure(events):
    ax = plot_timeline(filter_events(events, kinds=["reported"], context=False))
    try:
        assert tuple(ax.figure.get_size_inches()) == style.FIGSIZE_WIDE
        assert not gids(ax, "heading")  # one block: no headings
        assert len(gids(ax, "event")) == 5
    finally:
        plt.close(ax.figure)


def test_a_fixture_with_a_week_and_a_year(ax):
    events = claimframe.load_article(FIXTURES / "timeline" / "bbc-style").events
    plot_timeline(events, ax=ax)
    by_text = dict(zip(events["date_text"], events["event_id"]))
    marks = gids(ax, "event")
    assert marks[by_text["last week"]].get_width() == pytest.approx(7.0)
    # 1958, 58 years before the rest (Aug. 2016 to Apr. 2017), does not decide the scale: it is a
    # triangle at the left edge, pointing left, and the subtitle says one event is off the scale
    far = marks[by_text["1958"]]
    assert isinstance(far, Line2D) and far.get_marker() == "<" and far.get_xdata()[0] == ax.get_xlim()[0]
    assert ax.get_xlim()[0] > mdates.date2num(pd.Timestamp("2016-07-01"))
    subtitle = next(a for a in ax.get_children() if a.get_gid() == "subtitle").get_text()
    assert "1 event earlier far off the scale" in subtitle
    storm = marks[by_text["2016-11-19"]]  # a three-day context record: a hatched span
    assert isinstance(storm, Rectangle) and storm.get_hatch() == "///" and storm.get_width() == pytest.approx(3.0)
    ax.figure.canvas.draw()
    boxes = [a.get_window_extent() for a in gids(ax, "label").values()]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)
    # the publication line's note is kept inside the figure
    note = next(a for a in ax.get_children() if a.get_gid() == "published-label").get_window_extent()
    assert ax.figure.bbox.x0 <= note.x0 and note.x1 <= ax.figure.bbox.x1


# --- the widget ---------------------------------------------------------------------------------
@pytest.fixture
def explorer(events):
    return timeline_explorer(events)


def test_explorer_starts_unfiltered(explorer, events):
    assert len(explorer.filtered) == 15 and explorer.message is None
    assert explorer.status.value == "Showing 15 of 15 events."
    assert explorer.kinds.options == ("reported", "published", "cited", "context")
    # the slider moves by days, from the first event to the last
    assert explorer.date_range.value == (T("2016-07-09"), T("2017-07-10"))
    assert explorer.date_range.options[1] == ("10 Jul 2016", T("2016-07-10"))
    assert "Iraqi parliament passes the PMF law" in explorer.table.value
    assert len(gids(explorer.ax, "event")) == 15


def test_setting_controls_updates_chart_and_table(explorer):
    explorer.kinds.value = ("reported",)  # reported only: no context event either
    assert explorer.filtered["date_text"].tolist() == REPORTED and explorer.show_context.value is False
    explorer.show_context.value = True  # the toggle adds context to the kinds, and takes it away
    assert explorer.kinds.value == ("reported", "context") and "context" in set(explorer.filtered["kind"])
    explorer.show_context.value = False
    assert explorer.kinds.value == ("reported",) and explorer.filtered["date_text"].tolist() == REPORTED
    assert explorer.status.value == "Showing 5 of 15 events."
    assert len(gids(explorer.ax, "event")) == 5
    assert "Breitbart News publishes" not in explorer.table.value and "Offensive started" in explorer.table.value
    explorer.date_range.value = (T("2016-11-01"), T("2016-11-30"))  # November 2016 only
    assert explorer.filtered["date_text"].tolist() == ["November", "Wednesday, Nov. 9, 2016"]
    # the axis shows the chosen range, not the two events' own
    assert explorer.ax.get_xlim() == (mdates.date2num(T("2016-11-01")), mdates.date2num(T("2016-12-01")))
    explorer.show_labels.value = False
    assert not gids(explorer.ax, "label") and len(gids(explorer.ax, "event")) == 2
    explorer.colour_by.value = "source"
    assert explorer_legend(explorer) == ["AP Photo/Marko Drobnjakovic", "Breitbart News", *KIND_LEGEND[4:]]


def explorer_legend(explorer):
    """The names in the explorer's HTML legend, in order."""
    import html
    import re

    return [html.unescape(name) for name in re.findall(r"</span>([^<]*)</span>", explorer.legend.value)]


def test_explorer_legend_is_html_beside_the_chart(explorer):
    """The chart is drawn without a legend (matplotlib lays one out again at every click); the
    legend is an HTML widget under it, written when its entries change, names escaped."""
    assert explorer.ax.get_legend() is None and explorer.legend in explorer.widget.children
    assert explorer_legend(explorer) == KIND_LEGEND
    assert "background:#0072B2" in explorer.legend.value  # the article's reports, as on the chart
    explorer.kinds.value = ("cited",)
    assert explorer_legend(explorer) == ["cited article", *KIND_LEGEND[4:]]
    explorer.sources.value = ("Col. John Dorrian",)  # he cites no article: nothing matches
    assert explorer.legend.value == ""  # nothing drawn, nothing to explain
    html_legend = timeline._legend_html([("<script>alert(1)</script> & Co", "#123456")])
    assert "<script>" not in html_legend and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html_legend


def test_no_source_selected_is_every_source(explorer):
    explorer.sources.value = ()  # as every filter reads an empty selection (schema.selection)
    assert len(explorer.filtered) == 15 and explorer.message is None


def test_no_match_shows_a_message_not_an_error(explorer):
    explorer.kinds.value = ("cited",)
    explorer.sources.value = ("Col. John Dorrian",)  # he cites no article
    assert explorer.filtered.empty and explorer.message == NO_MATCH
    assert "No events match" in explorer.status.value and "No events match" in explorer.table.value
    assert next(a for a in explorer.ax.get_children() if a.get_gid() == "no-match")
    assert explorer.render_png().startswith(b"\x89PNG")
    explorer.kinds.value = explorer.kinds.options
    explorer.sources.value = explorer.sources.options
    assert len(explorer.filtered) == 15 and explorer.message is None


def test_source_filter_and_filters_dict(explorer):
    explorer.sources.value = ("Col. John Dorrian", "Library of Congress Global Legal Monitor 2016-12-07; Reuters")
    assert explorer.filtered["date_text"].tolist() == ["2016-11-26", "Dec. 4"]
    f = explorer.filters()
    assert f["start"] == T("2016-07-09") and f["end"] == T("2017-07-10") and f["context"] is True


def test_explorer_words_stay_inside_the_figure(explorer):
    """Every word drawn, whatever the controls say, lies inside the PNG the notebook shows."""
    fig = explorer.figure
    for change in (lambda: None,
                   lambda: setattr(explorer.kinds, "value", ("reported",)),
                   lambda: setattr(explorer.date_range, "value", (T("2016-10-01"), T("2016-12-01"))),
                   lambda: setattr(explorer.colour_by, "value", "source"),
                   lambda: setattr(explorer.sources, "value", ())):
        change()
        fig.canvas.draw()
        texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text() and t.figure is fig]
        assert texts
        for t in texts:
            box = t.get_window_extent()
            assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1 + 0.5, (t.get_gid(), t.get_text(), box)


def test_explorer_table_is_what_pandas_writes(explorer):
    """The table under the chart is joined from rows written once, as pandas would write it."""
    def pandas_html():
        table = event_table(explorer.filtered)
        return timeline.left_aligned(table.astype(object).where(table.notna(), "").to_html(index=False, border=0))

    assert explorer.table.value == pandas_html()
    explorer.kinds.value = ("reported", "cited")
    assert explorer.table.value == pandas_html()
    explorer.date_range.value = (T("2016-11-01"), T("2016-12-31"))
    assert explorer.table.value == pandas_html()
    assert explorer.table.value.count("<tr>") == len(explorer.filtered) == 4  # context is a kind not chosen


def test_table_rows_are_what_pandas_writes_for_awkward_text(events):
    table = event_table(events)
    for col, values in {"label": ['  <b>"A & B"</b>\tx\ny\r z  ', pd.NA, "x" * 300 + " 'q' “é” $5 & $6"],
                        "source": [pd.NA, "Reuters; AP", "<script>"]}.items():
        table[col] = table[col].astype(object)
        table.loc[:2, col] = values
        table[col] = table[col].astype("string")
    table.loc[3, "date_end"] = pd.NA
    table.loc[4, "date_precision"] = None  # a missing category
    head, rows, tail = timeline._html_rows(table)
    assert len(rows) == len(table) and all(r.startswith("    <tr>\n") and r.endswith("    </tr>\n") for r in rows)
    blank = table.astype(object).where(table.notna(), "")
    assert head + "".join(rows) + tail == timeline.left_aligned(blank.to_html(index=False, border=0))
    assert "&lt;script&gt;" in rows[2] and "<script>" not in head + "".join(rows) + tail
    assert "&lt;NA&gt;" not in "".join(rows)  # missing cells are blank
    assert head + "".join(rows[1:2]) + tail == timeline.left_aligned(blank.iloc[1:2].to_html(index=False, border=0))


def test_render_png_is_the_fixed_size(explorer):
    png = explorer.render_png()
    assert png.startswith(b"\x89PNG")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    dpi = explorer.figure.dpi
    assert (width, height) == (round(style.FIGSIZE_WIDE[0] * dpi), round(style.FIGSIZE_WIDE[1] * dpi))


def test_explorer_without_context_events():
    a = claimframe.read_text("Work began on Dec. 4 and ended on Dec. 9.", published="2016-12-15", outlet="Example")
    x = timeline_explorer(a.events)
    assert x.show_context.disabled and x.show_context.value is False
    assert x.filtered["date_text"].tolist() == ["Dec. 4", "Dec. 9", "2016-12-15"]
    assert x.widget.children[0] is x.controls


def test_bench_runs(tmp_path, capsys):
    """bench/timeline.py still runs (two updates; nothing asserted on time)."""
    import json

    from .conftest import bench_module

    with bench_module("timeline") as bench:
        assert bench.main(["--repeats", "2", "--json", str(tmp_path / "out.json")]) == 0
    result = json.loads((tmp_path / "out.json").read_text())
    assert result["events"] == 15 and result["update_render_median_ms"] > 0
    assert "target: under 100 ms" in capsys.readouterr().out


def test_far_events_are_marked_at_the_edge_and_the_slider_reaches_them():
    """A story of three days in 2021 that mentions 1988: the axis spans the three days, the 1988
    event is a triangle at the left edge, and the slider has a stop for it at its left end."""
    text = ("Wildfire forces 2,000 from homes\n\nThe fire began on Saturday, officials said. "
            "Crews held it on Sunday. Residents said it was the worst since 1988.")
    a = claimframe.read_text(text, published="2021-08-16", outlet="Valley Wire")
    assert timeline.scale_range(a.events) == (T("2021-08-14"), T("2021-08-16"))
    x = timeline_explorer(a.events)
    labels = [label for label, _ in x.date_range.options]
    assert labels[0] == "1 Jan 1988" and labels[2:] == ["14 Aug 2021", "15 Aug 2021", "16 Aug 2021"]
    assert len(x.filtered) == len(a.events)
    lo, hi = x.ax.get_xlim()
    assert mdates.date2num(T("2021-08-13")) < lo < mdates.date2num(T("2021-08-14")) and hi < mdates.date2num(
        T("2021-08-18"))
    far = next(a for a in x.ax.get_children() if a.get_gid() == f"event:{x.filtered['event_id'].iloc[0]}")
    assert far.get_marker() == "<"
    x.date_range.value = (T("2021-08-14"), T("2021-08-15"))  # the far event filtered out; the range shown
    assert "1988" not in x.filtered["date_text"].tolist()
    assert x.ax.get_xlim() == (mdates.date2num(T("2021-08-14")), mdates.date2num(T("2021-08-16")))


def test_no_outlier_in_a_story_spread_over_years():
    """Dates spread evenly over six years (a health-service story) all stay on the scale."""
    import datetime as dt

    spans = [(dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()) for y in (2015, 2016, 2018)]
    spans += [(dt.date(2019, 11, 9).toordinal(), dt.date(2019, 11, 10).toordinal()),
              (dt.date(2021, 3, 1).toordinal(), dt.date(2021, 3, 31).toordinal())]
    assert timeline._core_span(spans) == (spans[0][0], spans[-1][1])
