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
