"""The checks as a report: status counts, the sentences behind each check, HTML, and one chart.

Why: a verdict ("warn") is only useful next to the words it judges. :func:`check_sentences`
lists, for every check, the sentences of its claims with the claim's span; :func:`checks_report_html`
renders each check as a status badge, its message, the quoted sentences (the claim marked) and the
detail; :func:`plot_distance_checks` draws what the article states against what the gazetteer
measures. Pure functions: DataFrames in, a string, a DataFrame or an ``Axes`` out.

Article text is untrusted: every piece of text goes through ``html.escape`` (quotes included) and
styles are inline, so the report reads the same in a sanitising viewer.

    >>> import claimframe                                                 # doctest: +SKIP
    >>> a = claimframe.load_article("iraq-shiite-militias-2016")          # doctest: +SKIP
    >>> html = checks_report_html(a.checks, a)                            # doctest: +SKIP
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from claimframe.schema import CHECK_STATUSES, is_missing, selection
from claimframe.views.highlight import escape
from claimframe.views.style import FIGSIZE_WIDE, GREY, OKABE_ITO, STATUS_COLOURS, chart_text
from claimframe.views.widgets import WidgetView

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from claimframe.article import Article

__all__ = ["check_sentences", "checks_notes", "checks_report_html", "plot_distance_checks", "status_counts"]

#: An analyst's reading of an article's checks, in its folder (Markdown), shown by notebook 05.
NOTES_FILE = "notes.md"

INK = "#1a1a1a"
PAPER = "#ffffff"
MUTED = "#595959"
#: Statuses in the order a reader should see them.
STATUS_ORDER = ("fail", "warn", "info", "ok")
#: The HTML report quotes at most this many sentences for one check (a check over a casualty list
#: covers hundreds of claims) and counts the rest; ``claim_ids`` and :func:`check_sentences` keep all.
QUOTE_LIMIT = 12






def _ids(value: Any) -> list[str]:
    return [] if is_missing(value) else [i.strip() for i in str(value).split(";") if i.strip()]


def _tint(colour: str, strength: float = 0.25) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(255 - (255 - c) * strength) for c in (r, g, b)))


def status_counts(checks: "pd.DataFrame") -> "pd.DataFrame":
    """Checks per kind (rows) and status (columns: fail, warn, info, ok), with totals."""
    import pandas as pd

    statuses = list(STATUS_ORDER)
    if len(checks) == 0:
        return pd.DataFrame(columns=statuses + ["total"], dtype="int64").rename_axis("kind")
    table = pd.crosstab(checks["kind"].astype(str), checks["status"].astype(str))
    table = table.reindex(columns=statuses, fill_value=0).astype("int64")
    table["total"] = table.sum(axis=1)
    table.loc["all"] = table.sum(axis=0)
    table.index.name = "kind"
    table.columns.name = None
    return table


def checks_notes(article: "Article", checks: "pd.DataFrame | None" = None) -> str:
    """What the checks say about this article, as Markdown: the analyst's own reading when the
    article's folder has a notes.md, else the failures and warnings, one line each (a summary
    anyone can extend by writing notes.md)."""
    folder = article.folder
    if folder is not None and (folder / NOTES_FILE).is_file():
        body = (folder / NOTES_FILE).read_text(encoding="utf-8").strip()
        return f"*From `{folder.name}/{NOTES_FILE}`, the analyst's reading of this article:*\n\n{body}\n"
    checks = article.checks if checks is None else checks
    flagged = checks[checks["status"].astype(object).isin(["fail", "warn"])]
    name = article.slug or "this article"
    lines = [f"*No `{NOTES_FILE}` for `{name}`: the failures and warnings, one line each "
             f"(write your reading of them in the article's folder as `{NOTES_FILE}`).*", ""]
    if not len(flagged):
        lines.append(f"- No check fails or warns: {len(checks)} checks, all ok or context.")
    for status, message in zip(flagged["status"].astype(str), flagged["message"].astype(str)):
        lines.append(f"- **{status}**: {_md_escape(message)}")
    return "\n".join(lines) + "\n"


def _md_escape(text: str) -> str:
    """Text safe inside Markdown: HTML escaped, and the characters Markdown reads as markup."""
    import re

    return re.sub(r"([\\`*_\[\]#|])", r"\\\1", escape(text))


def check_sentences(checks: "pd.DataFrame", article: "Article") -> "pd.DataFrame":
    """One row per (check, claim): the claim's text and span, and the sentence it is in.

    Columns: check_id, status, claim_id, claim_text, start, end (offsets into the article),
    sentence_id, sentence. Claims no longer in the article are left out.
    """
    import pandas as pd

    claims = article.claims.set_index("claim_id") if len(article.claims) else None
    sentences = article.sentences.set_index("sentence_id")
    rows = []
    for chk in checks.to_dict("records"):
        for cid in _ids(chk.get("claim_ids")):
            if claims is None or cid not in claims.index:
                continue
            c = claims.loc[cid]
            s = sentences.loc[int(c["sentence_id"])]
            rows.append({"check_id": chk["check_id"], "status": chk["status"], "claim_id": cid,
                         "claim_text": c["text"], "start": int(c["start"]), "end": int(c["end"]),
                         "sentence_id": int(c["sentence_id"]), "sentence": s["text"]})
    columns = ["check_id", "status", "claim_id", "claim_text", "start", "end", "sentence_id", "sentence"]
    out = pd.DataFrame(rows, columns=columns)
    dtypes = {"check_id": "string", "status": "string", "claim_id": "string", "claim_text": "string",
              "start": "Int64", "end": "Int64", "sentence_id": "Int64", "sentence": "string"}
    return out.astype(dtypes)


def _sentence_html(article: "Article", sentence_id: int, marks: list[tuple[int, int]], colour: str,
                   sentences: "pd.DataFrame | None" = None) -> str:
    """A sentence with its claims marked; offsets are the article's. ``sentences``: the article's
    sentences indexed by sentence_id, when the caller has them (indexed once, not per sentence)."""
    s = (article.sentences.set_index("sentence_id") if sentences is None else sentences).loc[sentence_id]
    s_start, s_end = int(s["start"]), int(s["end"])
    text = article.text
    out, pos = [], s_start
    for a, b in sorted(set(marks)):
        if a < pos or b > s_end:
            continue
        out.append(escape(text[pos:a]))
        out.append(f'<mark style="background:{_tint(colour, 0.35)};color:{INK};padding:0 2px">'
                   f"{escape(text[a:b])}</mark>")
        pos = b
    out.append(escape(text[pos:s_end]))
    spans = ", ".join(f"{a}–{b}" for a, b in sorted(set(marks)))
    return (f'<blockquote style="margin:4px 0 4px 12px;padding-left:8px;border-left:3px solid {GREY};'
            f'color:{INK}">{"".join(out)}'
            f'<span style="color:{MUTED};font-size:85%"> — sentence {int(sentence_id)}, '
            f"characters {spans}</span></blockquote>")


def checks_report_html(checks: "pd.DataFrame", article: "Article", *, order: bool = True) -> str:
    """The checks as an HTML report: for each, a status badge, the kind, the message, the sentences
    involved (claims marked, with their character spans) and the detail. Every text escaped.

    ``order=True`` lists failures first, then warnings, information and passes (the table's order
    within a status).
    """
    counts = {s: int((checks["status"].astype(str) == s).sum()) for s in CHECK_STATUSES} if len(checks) else {}
    title = escape(article.meta.get("title") or article.slug or "article")
    parts = [f'<div style="font-family:sans-serif;color:{INK};background:{PAPER};padding:8px;'
             f'max-width:60em">',
             f'<h3 style="margin:0 0 4px 0">Consistency checks: {title}</h3>']
    if not len(checks):
        parts.append(f'<p style="color:{MUTED}">No checks apply: the article states nothing checkable.</p></div>')
        return "".join(parts)
    summary = " · ".join(f'<span style="color:{INK}"><b style="color:{STATUS_COLOURS[s]}">■</b> '
                         f"{counts.get(s, 0)} {escape(s)}</span>" for s in STATUS_ORDER)
    parts.append(f'<p style="margin:0 0 8px 0">{summary}</p>')
    records = checks.to_dict("records")
    if order:
        rank = {s: i for i, s in enumerate(STATUS_ORDER)}
        records = sorted(enumerate(records), key=lambda ir: (rank.get(str(ir[1]["status"]), 9), ir[0]))
        records = [r for _, r in records]
    claims = article.claims.set_index("claim_id") if len(article.claims) else None
    sentences = article.sentences.set_index("sentence_id")
    for chk in records:
        status = str(chk["status"])
        colour = STATUS_COLOURS.get(status, GREY)
        by_sentence: dict[int, list[tuple[int, int]]] = {}
        for cid in _ids(chk.get("claim_ids")):
            if claims is not None and cid in claims.index:
                c = claims.loc[cid]
                by_sentence.setdefault(int(c["sentence_id"]), []).append((int(c["start"]), int(c["end"])))
        quoted = sorted(by_sentence.items())
        quotes = "".join(_sentence_html(article, sid, marks, colour, sentences) for sid, marks in quoted[:QUOTE_LIMIT])
        if len(quoted) > QUOTE_LIMIT:
            quotes += (f'<p style="margin:4px 0 4px 12px;color:{MUTED};font-size:85%">… and '
                       f"{len(quoted) - QUOTE_LIMIT:,} more sentences (the check's claim_ids list every claim)</p>")
        detail = "" if is_missing(chk.get("detail")) else (
            f'<details style="margin-left:12px"><summary style="color:{MUTED};cursor:pointer">detail</summary>'
            f'<p style="margin:2px 0;font-size:90%">{escape(chk["detail"])}</p></details>')
        parts.append(
            f'<div style="border-left:6px solid {colour};padding:4px 8px;margin:6px 0;'
            f'background:{_tint(colour, 0.08)}" data-check-id="{escape(chk["check_id"])}">'
            f'<span style="background:{colour};color:{INK};padding:1px 6px;border-radius:3px;'
            f'font-weight:bold">{escape(status)}</span> '
            f'<code style="color:{MUTED}">{escape(chk["kind"])}</code>'
            f'<p style="margin:4px 0">{escape(chk["message"])}</p>{quotes}{detail}</div>')
    parts.append("</div>")
    return "".join(parts)




def plot_distance_checks(relations: "pd.DataFrame", ax: "Axes | None" = None, *,
                         checks: "pd.DataFrame | None" = None, gazetteer: "pd.DataFrame | None" = None,
                         title: str | None = None) -> "Axes":
    """Stated against measured distances, one row per "N km <direction> of X" statement.

    For each relation: the stated distance (dot) with the interval its hedge allows
    (:func:`claimframe.checks.claim_interval`, thick bar), and the gazetteer's centre-to-centre
    distance (diamond, coloured by the ``relative_distance`` check's status when ``checks`` is
    given), joined by a thin line. With ``gazetteer`` (place_id, kind), a dashed line shows how much
    shorter the distance could be if measured between the places' edges rather than their centres
    (:data:`claimframe.checks.EDGE_ALLOWANCE_KM` by kind). Rows without a stated number or a
    measurement are skipped.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from claimframe.checks.common import claim_interval
    from claimframe.checks.geography import EDGE_ALLOWANCE_KM

    if ax is None:
        _, ax = plt.subplots(figsize=FIGSIZE_WIDE)
    status_of: dict[str, str] = {}
    if checks is not None and len(checks):
        for chk in checks[checks["kind"].astype(str) == "relative_distance"].to_dict("records"):
            for cid in _ids(chk.get("claim_ids")):
                status_of[cid] = str(chk["status"])
    rows = []
    if relations is not None and len(relations):
        for r in relations.to_dict("records"):
            stated, measured = r.get("distance_km"), r.get("gazetteer_km")
            if is_missing(stated) or is_missing(measured):
                continue
            hedge = "exact" if is_missing(r.get("hedge")) else str(r["hedge"])
            rows.append((r, float(stated), float(measured), claim_interval(float(stated), None, None, hedge), hedge))
    kinds: dict[str, str] = {}
    if gazetteer is not None and len(gazetteer):
        kinds = {str(g["place_id"]): str(g["kind"]) for g in gazetteer.to_dict("records")}
    stated_colour, band_colour = OKABE_ITO[0], "#a6cbe3"
    edge_drawn = False
    if not rows:
        ax.text(0.5, 0.5, "No relative distances to compare", ha="center", va="center", transform=ax.transAxes,
                color=GREY)
        ax.set_axis_off()
        return ax
    for y, (r, stated, measured, iv, hedge) in enumerate(rows):
        y = len(rows) - 1 - y  # first relation on top
        if iv is not None:
            hi = iv[1] if math.isfinite(iv[1]) else max(stated, measured) * 1.3
            ax.plot([max(iv[0], 0), hi], [y, y], color=band_colour, linewidth=10, solid_capstyle="butt",
                    zorder=1)
        ax.plot([stated, measured], [y, y], color=GREY, linewidth=1, zorder=2)
        allowance = sum(EDGE_ALLOWANCE_KM.get(kinds.get(str(r.get(col)), ""), 0.0)
                        for col in ("anchor_place_id", "subject_place_id"))
        if allowance > 0:
            ax.plot([max(measured - allowance, 0), measured], [y - 0.3, y - 0.3], color="#000000",
                    linewidth=1.2, linestyle=(0, (4, 2)), zorder=2)
            ax.plot([measured, measured], [y - 0.36, y - 0.24], color="#000000", linewidth=1.2, zorder=2)
            edge_drawn = True
        ax.plot(stated, y, "o", color=stated_colour, markersize=9, zorder=3)
        colour = STATUS_COLOURS.get(status_of.get(str(r["claim_id"]), ""), "#000000")
        ax.plot(measured, y, "D", color=colour, markeredgecolor="#000000", markersize=9, zorder=3)
        ax.annotate(f"stated {stated:g} km ({hedge})", (stated, y), xytext=(0, 11), textcoords="offset points",
                    ha="center", va="bottom", fontsize=9, color=stated_colour)
        ax.annotate(f"gazetteer {measured:.1f} km", (measured, y), xytext=(8, 6), textcoords="offset points",
                    ha="left", va="bottom", fontsize=9, color=INK)
    labels = []
    for r, *_ in rows:
        subject = "?" if is_missing(r.get("subject")) else r["subject"]
        labels.append(chart_text(f"{subject}\n{r['direction']} of {r['anchor']}"))
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(list(reversed(labels)), fontsize=9)
    ax.set_ylim(-0.7, len(rows) - 0.4)
    right = max(max(m, s, (iv[1] if iv and math.isfinite(iv[1]) else 0)) for _, s, m, iv, _ in rows)
    ax.set_xlim(0, right * 1.15)
    ax.set_xlabel("distance (km)")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    handles = [Line2D([], [], marker="o", linestyle="", color=stated_colour, label="stated by the article"),
               Line2D([], [], color=band_colour, linewidth=8, label="what its hedge allows"),
               Line2D([], [], marker="D", linestyle="", color="#ffffff", markeredgecolor="#000000",
                      label="gazetteer, centre to centre")]
    if edge_drawn:
        handles.append(Line2D([], [], color="#000000", linewidth=1.2, linestyle=(0, (4, 2)),
                              label="shorter if measured edge to edge"))
    for s in ("ok", "warn", "fail"):
        if s in status_of.values():
            handles.append(Line2D([], [], marker="D", linestyle="", color=STATUS_COLOURS[s],
                                  markeredgecolor="#000000", label=f"check: {s}"))
    ax.legend(handles=handles, loc="lower right", fontsize=8, frameon=False)
    ax.set_title(chart_text(title or "Distances the article states against the gazetteer's\n"
                           "Source: the article; data/gazetteer.csv (WGS84 geodesic, centre to centre)"),
                 loc="left", fontsize=10)
    return ax


def filter_checks(checks: "pd.DataFrame", statuses=None, kinds=None) -> "pd.DataFrame":
    """Checks with one of ``statuses`` and one of ``kinds``: each a value or several, None or
    empty for all (:func:`claimframe.schema.selection`)."""
    keep = checks.index == checks.index
    for column, wanted in (("status", selection(statuses)), ("kind", selection(kinds))):
        if wanted is not None:
            keep &= checks[column].astype(str).isin(wanted)
    return checks[keep]


class ChecksExplorer(WidgetView):
    """Status and kind filters wired to the HTML report; :meth:`update` redraws it."""

    def __init__(self, article: "Article"):
        import ipywidgets as w

        from claimframe.schema import CHECK_STATUSES

        self.article = article
        self.checks = article.checks
        present = set(self.checks["status"].astype(str))
        self.status = w.SelectMultiple(options=[s for s in CHECK_STATUSES if s in present], description="status",
                                       rows=4)
        self.kind = w.SelectMultiple(options=sorted(set(self.checks["kind"].astype(str))), description="kind",
                                     rows=6)
        self.summary = w.Label()
        self.report = w.Output()
        self.watch([self.status, self.kind])
        self.widget = w.VBox([w.HBox([self.status, self.kind, self.summary]), self.report])
        self.filtered = self.checks
        self.update()

    def update(self) -> "pd.DataFrame":
        from IPython.display import HTML, display

        self.filtered = filter_checks(self.checks, self.status.value, self.kind.value)
        self.summary.value = f"{len(self.filtered)} of {len(self.checks)} checks"
        with self.report:
            self.report.clear_output(wait=True)
            if len(self.filtered):
                display(HTML(checks_report_html(self.filtered, self.article)))
            else:
                print("No checks match these filters." if len(self.checks) else
                      "This article has no checks: it states nothing they can test.")
        return self.filtered


def checks_explorer(article: "Article") -> ChecksExplorer:
    """The checks report with status and kind filters (see :class:`ChecksExplorer`)."""
    return ChecksExplorer(article)
