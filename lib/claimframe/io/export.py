"""Writing tables out safely: CSV that a spreadsheet will not execute, JSON with ISO dates.

Article text is untrusted: a claim's sentence could begin with "=HYPERLINK(...)". Spreadsheets run
cells that start with =, +, -, @, a tab or a carriage return as formulas, so text cells that do
are prefixed with a single quote (OWASP's advice). Numeric columns are left alone (-5 stays -5).
"""
from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(df: "pd.DataFrame") -> "pd.DataFrame":
    """A copy of df whose text cells cannot be read as spreadsheet formulas."""
    import pandas as pd

    out = df.copy()
    for col in out.columns:
        series = out[col]
        if pd.api.types.is_string_dtype(series) or series.dtype == object:
            out[col] = series.map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v
            )
    return out


def to_csv(df: "pd.DataFrame", path_or_buf=None) -> str | None:
    """CSV (RFC 4180: CRLF line ends, so a cell holding a bare CR or LF is quoted) with
    formula-looking cells neutralised; returns the text when no path is given."""
    safe = neutralise_formulas(df)
    options = {"index": False, "date_format": "%Y-%m-%d", "lineterminator": "\r\n"}
    if path_or_buf is None:
        buf = io.StringIO()
        safe.to_csv(buf, **options)
        return buf.getvalue()
    safe.to_csv(path_or_buf, **options)
    return None


def to_json(df: "pd.DataFrame") -> str:
    """Records as JSON, dates as ISO strings, missing values as null, non-ASCII kept."""
    import pandas as pd

    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d").astype("string")
    return out.to_json(orient="records", force_ascii=False, indent=1)


#: Tables written by :func:`export_article`, as CSV and Parquet.
EXPORTED_TABLES = ("claims", "events", "places", "relations", "checks")


def timelinejs(events: "pd.DataFrame", title: str = "") -> dict:
    """Events as a TimelineJS 3 JSON document: one slide per event, grouped by kind; a month or
    year precision leaves out the day (or month) so the timeline does not invent precision."""
    import pandas as pd

    slides = []
    for e in events.itertuples(index=False):
        if pd.isna(e.date):
            continue
        precision = e.date_precision if isinstance(e.date_precision, str) else "day"

        def point(ts):
            d = {"year": int(ts.year)}
            if precision in ("day", "week", "month"):
                d["month"] = int(ts.month)
            if precision in ("day", "week"):
                d["day"] = int(ts.day)
            return d

        slide = {
            "start_date": point(e.date),
            "text": {"headline": str(e.label), "text": f"{e.date_text or ''} ({e.source})".strip()},
            "group": str(e.kind),
            "unique_id": str(e.event_id),
        }
        if not pd.isna(e.date_end) and e.date_end != e.date and precision != "day":
            slide["end_date"] = point(e.date_end)
        slides.append(slide)
    return {"title": {"text": {"headline": title, "text": "claimframe timeline"}}, "events": slides}


def export_article(article, out_dir) -> list:
    """Write an article's tables to ``out_dir``: CSV and Parquet for each table, GeoJSON for
    places and relations, and a TimelineJS JSON file for events. Returns the paths written."""
    import json
    from pathlib import Path

    from claimframe.io.geojson import places_geojson

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in EXPORTED_TABLES:
        table = getattr(article, name)
        to_csv(table, out / f"{name}.csv")
        table.to_parquet(out / f"{name}.parquet", index=False)
        written += [out / f"{name}.csv", out / f"{name}.parquet"]
    geo = places_geojson(article.places, article.relations)
    (out / "places.geojson").write_text(json.dumps(geo, ensure_ascii=False, indent=1), encoding="utf-8")
    timeline = timelinejs(article.events, title=article.meta.get("title") or article.slug or "")
    (out / "timeline.json").write_text(json.dumps(timeline, ensure_ascii=False, indent=1), encoding="utf-8")
    return written + [out / "places.geojson", out / "timeline.json"]
