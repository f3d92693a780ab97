"""The article as readable HTML, every claim highlighted by kind and every place mention underlined.

Why: a claims table is only trustworthy if a reader can see each number where the article says it.
:func:`article_html` lays the paragraphs out by role (headline, caption, credit, body, boilerplate),
wraps each claim in a ``<mark>`` coloured by kind (:data:`claimframe.views.style.KIND_COLOURS`) whose
hover text (``title``) gives the value or range, hedge, unit, entity and source, and underlines the
place mentions. :func:`legend_html` explains the colours.

Article text and metadata are untrusted: every piece of text goes through ``html.escape`` (quotes
included), links are made only for http(s) URLs, and styles are inline (no ``<style>`` block) so
the page reads the same in a sanitising viewer. The text is never broken: removing the tags and
unescaping the body gives back ``article.text`` exactly (``meta=False, legend=False``).

    >>> from claimframe import read_text
    >>> a = read_text("Officials said 500 recruits began training.", published="2016-12-15")
    >>> "<mark" in article_html(a)
    True
"""
from __future__ import annotations

import datetime as dt
import html
import math
from typing import TYPE_CHECKING, Any, Iterable

from claimframe.errors import ClaimframeError
from claimframe.schema import CLAIM_KINDS, is_missing
from claimframe.views.style import GREY, KIND_COLOURS

if TYPE_CHECKING:
    import pandas as pd

    from claimframe.article import Article

__all__ = ["HighlightError", "article_html", "claim_title", "format_number", "legend_html", "metadata_table",
           "place_mentions", "place_title"]

#: Text colour and page colour of the rendered article: fixed, so a dark notebook theme does not
#: put light text on the light highlight tints.
INK = "#1a1a1a"
PAPER = "#ffffff"
#: Greys with enough contrast on white (WCAG AA for small text).
MUTED = "#595959"
PLACE_COLOUR = "#555555"

_HEDGE_WORDS = {
    "exact": "exact",
    "approx": "approximate",
    "at_least": "at least (lower bound)",
    "at_most": "at most (upper bound)",
    "range": "range",
    "vague": "vague magnitude",
}


class HighlightError(ClaimframeError, ValueError):
    """A span given to :func:`article_html` does not belong to the article's text."""


def escape(value: Any) -> str:
    """Any value as HTML-escaped text (quotes too, so it is safe inside attributes)."""
    return html.escape("" if value is None else str(value), quote=True)



def _tint(colour: str, strength: float = 0.3) -> str:
    """``colour`` mixed with white: a background light enough for dark text on top."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * strength) for c in (r, g, b)]
    return "#{:02x}{:02x}{:02x}".format(*mix)


def format_number(x: Any) -> str:
    """A number as a reader writes it: 80000.0 -> '80,000', 40.2336 -> '40.23', NA -> ''."""
    if is_missing(x):
        return ""
    x = float(x)
    if not math.isfinite(x):
        return str(x)
    if x.is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.4g}" if abs(x) < 1e4 else f"{x:,.0f}"


def _unit_suffix(unit: Any) -> str:
    if is_missing(unit) or not str(unit):
        return ""
    return "%" if str(unit) == "percent" else f" {unit}"


def _magnitude(row: Any) -> str:
    """'≈ 50 km', '≥ 40', '≤ 900', '80,000–100,000', '200–999': what the claim's number says."""
    value, low, high = row.get("value"), row.get("low"), row.get("high")
    hedge = None if is_missing(row.get("hedge")) else str(row.get("hedge"))
    suffix = _unit_suffix(row.get("unit"))
    if hedge in ("range", "vague") and not is_missing(low) and not is_missing(high):
        return f"{format_number(low)}–{format_number(high)}{suffix}"
    if hedge == "at_least" and not is_missing(low if not is_missing(low) else value):
        return f"≥ {format_number(low if not is_missing(low) else value)}{suffix}"
    if hedge == "at_most" and not is_missing(high if not is_missing(high) else value):
        return f"≤ {format_number(high if not is_missing(high) else value)}{suffix}"
    if not is_missing(value):
        return f"{'≈ ' if hedge == 'approx' else ''}{format_number(value)}{suffix}"
    if not is_missing(low) or not is_missing(high):
        return f"{format_number(low)}–{format_number(high)}{suffix}"
    return ""


def _date_text(row: Any) -> str:
    date = row.get("date")
    if is_missing(date):
        return ""
    precision = None if is_missing(row.get("date_precision")) else str(row.get("date_precision"))
    if isinstance(date, (dt.date, dt.datetime)) or hasattr(date, "strftime"):
        shown = {"year": "%Y", "month": "%Y-%m"}.get(precision or "", "%Y-%m-%d")
        text = date.strftime(shown)
    else:
        text = str(date)
    return f"{text} ({precision})" if precision else text


def claim_title(row: Any) -> str:
    """The hover text of one claim (plain text; escape it before putting it in HTML).

    >>> claim_title({"kind": "count", "hedge": "vague", "low": 200.0, "high": 999.0,
    ...              "entity": "militias", "source": "Los Angeles Times", "quoted": False})
    'count: 200–999 militias\\nhedge: vague magnitude\\nsource: Los Angeles Times'
    """
    row = dict(row) if not hasattr(row, "get") else row
    kind = "" if is_missing(row.get("kind")) else str(row.get("kind"))
    if kind == "date":
        what = _date_text(row) or "date"
    else:
        what = _magnitude(row) or "no number"
    entity = row.get("entity")
    if not is_missing(entity) and str(entity):
        what += f" {entity}"
    lines = [f"{kind}: {what}" if kind else what]
    hedge = row.get("hedge")
    if not is_missing(hedge):
        lines.append(f"hedge: {_HEDGE_WORDS.get(str(hedge), str(hedge))}")
    unit, stated = row.get("unit"), row.get("unit_stated")
    if not is_missing(unit) and str(unit):
        unit_line = f"unit: {unit}"
        if not is_missing(stated) and str(stated) and str(stated) != str(unit):
            unit_line += f" (stated in {stated})"
        lines.append(unit_line)
    conv_value, conv_unit = row.get("conversion_value"), row.get("conversion_unit")
    if not is_missing(conv_value):
        conv = format_number(conv_value) + ("" if is_missing(conv_unit) else f" {conv_unit}")
        lines.append(f"conversion stated: {conv}")
    source = row.get("source")
    if not is_missing(source) and str(source):
        quoted = row.get("quoted")
        lines.append(f"source: {source}" + (" (quoted)" if not is_missing(quoted) and bool(quoted) else ""))
    return "\n".join(lines)


def place_title(row: Any) -> str:
    """The hover text of one place mention: its resolved name and how it was resolved."""
    row = dict(row) if not hasattr(row, "get") else row
    name = row.get("name")
    name = str(row.get("text", "")) if is_missing(name) or not str(name) else str(name)
    lines = [f"place: {name}"]
    resolution = row.get("resolution")
    place_id = row.get("place_id")
    how = "" if is_missing(resolution) else str(resolution)
    if not is_missing(place_id) and str(place_id):
        how = f"{how} ({place_id})" if how else str(place_id)
    if how:
        lines.append(f"resolution: {how}")
    return "\n".join(lines)


def _spans(df: "pd.DataFrame | None", text: str, what: str) -> list[tuple[int, int, Any]]:
    """(start, end, row) for every row of df with a usable span, checked against the text."""
    if df is None or len(df) == 0:
        return []
    for col in ("start", "end"):
        if col not in df.columns:
            raise HighlightError(f"{what}: no {col!r} column; pass a table with start/end offsets")
    out = []
    for _, row in df.iterrows():
        start, end = row["start"], row["end"]
        if is_missing(start) or is_missing(end):
            continue
        start, end = int(start), int(end)
        if not 0 <= start < end <= len(text):
            raise HighlightError(
                f"{what}: span {start}:{end} is outside the article's {len(text):,} characters; "
                "were these rows made from another article?"
            )
        if "text" in df.columns and not is_missing(row["text"]) and str(row["text"]) != text[start:end]:
            raise HighlightError(
                f"{what}: row text {str(row['text'])!r} is not the article's text at {start}:{end} "
                f"({text[start:end]!r}); were these rows made from another article?"
            )
        out.append((start, end, row))
    return out


def _non_overlapping(spans: list[tuple[int, int, Any]], taken: Iterable[tuple[int, int]] = ()):
    """Spans sorted by start, dropping any that overlaps one kept earlier (longer first on ties)
    or one in ``taken``."""
    kept: list[tuple[int, int, Any]] = []
    blocked = sorted(taken)
    for start, end, row in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if any(start < e and s < end for s, e in blocked):
            continue
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, row))
    return kept


def _claim_open(row: Any) -> str:
    kind = "" if is_missing(row.get("kind")) else str(row.get("kind"))
    colour = KIND_COLOURS.get(kind, GREY)
    claim_id = "" if is_missing(row.get("claim_id")) else str(row.get("claim_id"))
    style = (f"background-color:{_tint(colour)};border-bottom:2px solid {colour};color:{INK};"
             "padding:0 1px;border-radius:2px")
    return (f'<mark class="cf-claim cf-kind-{escape(kind)}" data-kind="{escape(kind)}" '
            f'data-claim-id="{escape(claim_id)}" style="{style}" title="{escape(claim_title(row))}">')


def _place_open(row: Any) -> str:
    place_id = "" if is_missing(row.get("place_id")) else str(row.get("place_id"))
    style = (f"text-decoration:underline dotted {PLACE_COLOUR};text-decoration-thickness:2px;"
             "text-underline-offset:3px")
    return (f'<span class="cf-place" data-place-id="{escape(place_id)}" style="{style}" '
            f'title="{escape(place_title(row))}">')


def _inline(text: str, start: int, end: int, marks: list[tuple[int, int, str, str]]) -> str:
    """text[start:end] escaped, with each (s, e, open_tag, close_tag) wrapped around its span."""
    out, pos = [], start
    for s, e, open_tag, close_tag in marks:
        if s < start or e > end:
            continue
        out.append(escape(text[pos:s]))
        out.append(open_tag + escape(text[s:e]) + close_tag)
        pos = e
    out.append(escape(text[pos:end]))
    return "".join(out)


_ROLE_TAGS = {
    "headline": ("h2", f"font-size:1.5em;line-height:1.25;margin:0 0 0.6em 0;color:{INK}"),
    "caption": ("p", f"font-size:0.85em;font-style:italic;color:{MUTED};margin:0 0 0.2em 0"),
    "credit": ("p", f"font-size:0.75em;color:{MUTED};margin:0 0 1em 0;text-transform:none"),
    "body": ("p", "margin:0 0 0.8em 0"),
    "boilerplate": ("p", "font-size:0.85em;color:#767676;margin:1.2em 0 0 0;"
                          "border-top:1px solid #dddddd;padding-top:0.4em"),
}


def _meta_html(article: "Article", headline: str | None) -> str:
    meta = article.meta or {}
    parts = []
    title = meta.get("title")
    if title and (headline is None or str(title).strip().casefold() != headline.strip().casefold()):
        parts.append(f'<div class="cf-title" style="font-weight:bold">{escape(title)}</div>')
    line = []
    for key, label in (("outlet", None), ("published", None), ("author", "by")):
        value = meta.get(key)
        if value not in (None, ""):
            line.append(f'<span class="cf-{key}">{escape(label + " " if label else "")}{escape(value)}</span>')
    if not meta.get("author"):
        line.append('<span class="cf-author">author unknown</span>')
    url = meta.get("url")
    if url:
        url = str(url)
        if url.lower().startswith(("https://", "http://")):
            line.append(f'<a class="cf-url" href="{escape(url)}" rel="noopener noreferrer nofollow" '
                        f'target="_blank" style="color:#0b5394">{escape(url)}</a>')
        else:  # javascript:, data: and friends are shown, never linked
            line.append(f'<span class="cf-url">{escape(url)}</span>')
    if line:
        parts.append(f'<div class="cf-byline">{" · ".join(line)}</div>')
    for cited in meta.get("cites") or []:
        bits = [cited.get("outlet"), cited.get("published")]
        authors = cited.get("authors")
        if authors:
            bits.append(", ".join(str(a) for a in authors) if isinstance(authors, list) else authors)
        desc = ", ".join(escape(b) for b in bits if b not in (None, ""))
        parts.append(f'<div class="cf-cites">cites: “{escape(cited.get("title", ""))}”'
                     f'{" (" + desc + ")" if desc else ""}</div>')
    if not parts:
        return ""
    return (f'<div class="cf-meta" style="font-size:0.8em;color:{MUTED};margin-bottom:1em;'
            f'border-bottom:1px solid #dddddd;padding-bottom:0.5em">{"".join(parts)}</div>')


def legend_html(claims: "pd.DataFrame | None" = None, places: bool = True) -> str:
    """A legend of the claim kinds' colours (with counts when ``claims`` is given) and of the place
    underline; kinds absent from ``claims`` are listed greyed so the key never changes."""
    counts: dict[str, int] = {}
    if claims is not None and len(claims) and "kind" in claims.columns:
        counts = {str(k): int(n) for k, n in claims["kind"].astype("string").value_counts().items()}
    items = []
    for kind in CLAIM_KINDS:
        colour = KIND_COLOURS.get(kind, GREY)
        n = counts.get(kind)
        label = kind if claims is None else f"{kind} ({n or 0})"
        dim = "" if claims is None or n else ";opacity:0.45"
        items.append(
            f'<mark class="cf-legend-kind cf-kind-{kind}" style="background-color:{_tint(colour)};'
            f'border-bottom:2px solid {colour};color:{INK};padding:0 4px;margin-right:6px;'
            f'border-radius:2px;white-space:nowrap{dim}">{escape(label)}</mark>'
        )
    if places:
        items.append(
            f'<span class="cf-legend-place" style="text-decoration:underline dotted {PLACE_COLOUR};'
            'text-decoration-thickness:2px;text-underline-offset:3px;margin-right:6px;white-space:nowrap">'
            'place mention</span>'
        )
    hint = (f'<span style="color:{MUTED};font-size:0.9em">hover a highlight for its value or range, '
            "hedge, unit and source</span>")
    return (f'<div class="cf-legend" style="font-family:sans-serif;font-size:0.85em;line-height:2;'
            f'color:{INK};background:{PAPER};padding:4px 8px">'
            f'<strong style="margin-right:8px;white-space:nowrap">Claims by kind:</strong>'
            f'{" ".join(items)} {hint}</div>')


def article_html(
    article: "Article",
    claims: "pd.DataFrame | None" = None,
    places: "pd.DataFrame | None" = None,
    *,
    meta: bool = True,
    legend: bool = True,
) -> str:
    """The article as an HTML fragment: paragraphs by role, claims highlighted, places underlined.

    ``claims`` defaults to ``article.claims`` (pass a filtered table to highlight fewer);
    ``places`` is a table of place mentions (``start``, ``end``, ``text``, ``place_id``, ``name``,
    ``resolution``, e.g. ``article.places``) or None to mark none. Where a place overlaps a claim,
    the claim wins. ``meta`` adds the metadata header, ``legend`` the colour key. Display it with
    ``IPython.display.HTML(article_html(article))``.

    Raises :class:`HighlightError` when a span lies outside the text or its ``text`` differs from
    the article's (rows from another article).
    """
    text = article.text
    if claims is None:
        claims = article.claims
    claim_spans = _non_overlapping(_spans(claims, text, "claims"))
    place_spans = _non_overlapping(_spans(places, text, "places"), taken=[(s, e) for s, e, _ in claim_spans])
    marks = sorted(
        [(s, e, _claim_open(r), "</mark>") for s, e, r in claim_spans]
        + [(s, e, _place_open(r), "</span>") for s, e, r in place_spans]
    )

    paragraphs = article.paragraphs.sort_values("start")
    headline = None
    body, pos = [], 0
    for _, p in paragraphs.iterrows():
        start, end, role = int(p["start"]), int(p["end"]), str(p["role"])
        if start < pos:  # never emit a character twice
            start = pos
        if end <= start:
            continue
        if role == "headline" and headline is None:
            headline = text[start:end]
        body.append(escape(text[pos:start]))  # the whitespace between paragraphs, kept verbatim
        tag, style = _ROLE_TAGS.get(role, _ROLE_TAGS["body"])
        inner = _inline(text, start, end, [m for m in marks if m[0] >= start and m[1] <= end])
        body.append(f'<{tag} class="cf-p cf-{escape(role)}" data-paragraph-id="{int(p["paragraph_id"])}" '
                    f'style="white-space:pre-wrap;{style}">{inner}</{tag}>')
        pos = end
    body.append(escape(text[pos:]))

    head = _meta_html(article, headline) if meta else ""
    key = legend_html(claims, places=places is not None) if legend else ""
    return (f'<div class="cf-article" style="font-family:Georgia,serif;font-size:15px;line-height:1.55;'
            f'color:{INK};background:{PAPER};padding:12px 16px;max-width:48em">'
            f'{head}{key}<div class="cf-body">{"".join(body)}</div></div>')


def place_mentions(article: "Article") -> "pd.DataFrame":
    """The article's place mentions for :func:`article_html` (``article.places``)."""
    return article.places


def article_view(article: "Article"):
    """The highlighted article as a displayable HTML object (for a notebook or a widget view)."""
    from IPython.display import HTML

    return HTML(article_html(article, places=article.places))


def metadata_table(article: "Article") -> "pd.DataFrame":
    """The article's metadata as a two-column table (field, value) for a notebook to show.

    Missing fields read "(unknown)"; cited articles are one row each ("cites").
    """
    import pandas as pd

    meta = article.meta or {}
    rows = [("slug", article.slug)]
    for key in ("title", "outlet", "published", "author", "url", "language"):
        rows.append((key, meta.get(key)))
    for alias_of, aliases in (meta.get("source_aliases") or {}).items():
        rows.append(("source alias", f"{', '.join(map(str, aliases))} → {alias_of}"))
    for cited in meta.get("cites") or []:
        authors = cited.get("authors")
        authors = ", ".join(map(str, authors)) if isinstance(authors, list) else authors
        bits = ", ".join(str(b) for b in (cited.get("outlet"), cited.get("published"), authors) if b)
        rows.append(("cites", f"“{cited.get('title', '')}” ({bits})" if bits else f"“{cited.get('title', '')}”"))
    rows.append(("characters", f"{len(article.text):,}"))
    values = ["(unknown)" if v is None or v == "" else str(v) for _, v in rows]
    return pd.DataFrame({"field": [k for k, _ in rows], "value": values}).astype("string")
