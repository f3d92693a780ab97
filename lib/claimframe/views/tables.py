"""Tables for people: what a notebook shows of a DataFrame, formatted with pandas' Styler.

The DataFrames keep full precision and nullable dtypes; what a reader sees is formatted:
thousands separators, money with its currency, a measure in the unit the article stated ("13
years", not 4748.1525 days), dates as dates, blanks where a value is missing (never ``<NA>``
or ``NaT``), text left-aligned and numbers right-aligned, IDs last, every cell escaped. The
result is plain HTML in the notebook's saved output, so it reads the same without a kernel
(on a code host, in nbviewer, in an exported page).

>>> readable(article.claims)              # doctest: +SKIP
>>> readable(claims_display(article.claims))  # doctest: +SKIP
"""
from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING, Any, Iterable

from claimframe.lexicon import UNITS

if TYPE_CHECKING:
    import pandas as pd
    from pandas.io.formats.style import Styler

__all__ = ["amount_text", "claims_display", "number_text", "readable"]

#: Factor from the canonical unit for each unit as stated ("mi" -> 1.609344 km).
STATED_FACTORS: dict[str, float] = {stated: factor for _, (_, _, factor, stated) in UNITS}
#: Signs written before an amount of money, by ISO code; other codes are written after it.
CURRENCY_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€"}
#: Plural forms of the stated units a reader expects written out.
UNIT_WORDS = {"year": "years", "month": "months", "week": "weeks", "day": "days", "acre": "acres",
              "percentage points": "percentage points"}
#: Claim columns a reader scans, in order; IDs last.
CLAIM_COLUMNS = ["text", "kind", "amount", "hedge", "entity", "date", "source", "quoted", "verdict", "claim_id"]
#: Dates written at the precision the article gave them.
_DATE_FORMATS = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def number_text(x: Any) -> str:
    """A number as a reader writes it: "300,000,000", "21.3", "0.0012"; blank when missing."""
    if x is None or x is _NA() or (isinstance(x, float) and math.isnan(x)):
        return ""
    x = float(x)
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    if abs(x) >= 1:
        return f"{x:,.2f}".rstrip("0").rstrip(".")
    return f"{x:.2g}"


def _NA():
    import pandas as pd

    return pd.NA


def _missing(x: Any) -> bool:
    import pandas as pd

    return x is None or (not isinstance(x, (list, tuple, dict)) and bool(pd.isna(x)))


def amount_text(kind: Any, value: Any, low: Any, high: Any, unit: Any, unit_stated: Any) -> str:
    """A claim's amount in the unit the article stated, with its currency: "$12,000,000",
    "41,000 acres", "13 years", "2,000–9,999", "≥ 1,200"; blank for dates and ranks."""
    if str(kind) in ("date", "rank") and _missing(value) and _missing(low) and _missing(high):
        return ""
    stated = None if _missing(unit_stated) else str(unit_stated)
    canonical = None if _missing(unit) else str(unit)
    factor = STATED_FACTORS.get(stated, 1.0) if stated and stated != canonical else 1.0

    def num(x: Any) -> str | None:
        return None if _missing(x) else number_text(float(x) / factor)

    v, lo, hi = num(value), num(low), num(high)
    if v is not None:
        text = v
    elif lo is not None and hi is not None:
        text = f"{lo}–{hi}"
    elif lo is not None:
        text = f"≥ {lo}"
    elif hi is not None:
        text = f"≤ {hi}"
    else:
        return ""
    shown = stated or canonical
    if str(kind) == "money" and shown:
        sign = CURRENCY_SIGNS.get(shown)
        return f"{sign}{text}" if sign else f"{text} {shown}"
    if shown == "percent":
        return f"{text}%"
    if shown:
        plural = UNIT_WORDS.get(shown, shown) if text not in ("1", "≥ 1", "≤ 1") else shown
        return f"{text} {plural}"
    return text


def claims_display(claims: "pd.DataFrame") -> "pd.DataFrame":
    """The claims table as a reader scans it: the words as written, the kind, the amount in the
    stated unit (:func:`amount_text`, and a rate's period: "$15 per hour"), hedge, entity, the
    date at its precision, source, quoted, the analyst's verdict, and the claim ID last.
    Everything else stays in ``claims``."""
    import pandas as pd

    out = pd.DataFrame(index=claims.index)
    out["text"] = claims["text"]
    out["kind"] = claims["kind"]
    cols = [claims[c] if c in claims else pd.Series(pd.NA, index=claims.index)
            for c in ("kind", "value", "low", "high", "unit", "unit_stated")]
    per = claims["per"].tolist() if "per" in claims else [None] * len(claims)
    out["amount"] = [amount_text(*row) + ("" if _missing(p) or not amount_text(*row) else f" per {p}")
                     for row, p in zip(zip(*(c.tolist() for c in cols)), per)]
    out["hedge"] = claims["hedge"].astype("string").str.replace("_", " ")
    out["entity"] = claims["entity"]
    precision = claims["date_precision"] if "date_precision" in claims else pd.Series("day", index=claims.index)
    out["date"] = [("" if _missing(d) else d.strftime(_DATE_FORMATS.get(str(p), "%Y-%m-%d")))
                   for d, p in zip(claims["date"].tolist(), precision.tolist())]
    out["source"] = claims["source"]
    out["quoted"] = claims["quoted"]
    if "verdict" in claims and claims["verdict"].notna().any():
        out["verdict"] = claims["verdict"]
    out["claim_id"] = claims["claim_id"]
    return out.reset_index(drop=True)


def _is_id(column: Any) -> bool:
    name = str(column)
    return name == "id" or name.endswith("_id")


@functools.lru_cache(maxsize=1)
def _table_class():
    from pandas.io.formats.style import Styler

    class ReadableTable(Styler):
        """A Styler whose plain-text form is the formatted table (for terminals, logs and the
        text a notebook saves beside the HTML), never ``<Styler at 0x...>``."""

        plain = ""
        note = ""

        def __repr__(self) -> str:
            return self.plain or super().__repr__()

        def _repr_html_(self) -> str:
            # the note above the table as a paragraph: a <caption> is only as wide as the table
            import html

            note = (f'<p style="margin:0.2em 0;color:#444;text-align:left">{html.escape(self.note)}</p>'
                    if self.note else "")
            return note + super()._repr_html_()

    return ReadableTable


def readable(df: "pd.DataFrame", *, ids_last: bool = True, max_rows: int | None = None,
             caption: str | None = None, wrap: Iterable[str] = (), right: Iterable[str] = ("amount",)) -> "Styler":
    """``df`` formatted for reading (see the module docstring): a pandas Styler, no index.

    Numbers get thousands separators and no trailing zeros; dates are written YYYY-MM-DD;
    booleans "yes"/"no"; missing values are blank. ID columns (``*_id``) go last unless
    ``ids_last=False``. ``max_rows`` shows the first rows only (the note above the table says
    how many are left out); ``caption`` is a note shown above the table. Cells are
    HTML-escaped. Columns named in ``wrap`` get room to wrap (long messages); text columns
    named in ``right`` are right-aligned as numbers are (amounts).
    """
    import pandas as pd
    from pandas.api import types

    shown = df
    if ids_last:
        shown = shown[[c for c in shown.columns if not _is_id(c)] + [c for c in shown.columns if _is_id(c)]]
    note = caption
    if max_rows is not None and len(shown) > max_rows:
        note = f"{caption + ': ' if caption else ''}first {max_rows:,} of {len(shown):,} rows"
        shown = shown.head(max_rows)
    shown = shown.reset_index(drop=True)
    if not len(shown):  # headers alone read as a rendering fault
        note = f"{note}: none" if note else "None."
    formats: dict[Any, Any] = {}
    numeric = []
    for col in shown.columns:
        dtype = shown[col].dtype
        if col in set(right):
            numeric.append(col)
        if types.is_bool_dtype(dtype):
            formats[col] = lambda v: "" if _missing(v) else ("yes" if v else "no")
        elif types.is_numeric_dtype(dtype):
            formats[col] = number_text
            numeric.append(col)
        elif types.is_datetime64_any_dtype(dtype):
            formats[col] = lambda v: "" if _missing(v) else (
                v.strftime("%Y-%m-%d") if v == v.normalize() else v.strftime("%Y-%m-%d %H:%M"))
        else:
            formats[col] = lambda v: "" if _missing(v) else str(v)
    numeric = list(dict.fromkeys(numeric))
    # a Styler of an object copy: "<NA>" can never come back through pandas' own NA formatting;
    # the table's id is a hash of its content, so a notebook re-run writes the same HTML
    import hashlib

    uuid = hashlib.sha1(pd.util.hash_pandas_object(shown.astype(str), index=True).values.tobytes()
                        + "|".join(map(str, shown.columns)).encode()).hexdigest()[:8]
    ReadableTable = _table_class()
    plain = pd.DataFrame({col: [formats[col](v) for v in shown[col].tolist()] for col in shown.columns})
    styler = ReadableTable(pd.DataFrame(shown.astype(object)), uuid=uuid, cell_ids=False)
    styler.plain = (f"{note}\n" if note else "") + plain.to_string(index=False)
    styler.note = note or ""
    styler = styler.format(formats, escape="html", na_rep="").hide(axis="index")
    rules = [{"selector": "td", "props": [("vertical-align", "top"), ("padding", "2px 8px"), ("text-align", "left")]},
             {"selector": "th", "props": [("padding", "2px 8px"), ("text-align", "left")]}]
    position = {col: i for i, col in enumerate(shown.columns)}
    for col in numeric:  # one rule per column, not a style per cell
        rules.append({"selector": f"td.col{position[col]}, th.col_heading.col{position[col]}",
                      "props": [("text-align", "right"), ("font-variant-numeric", "tabular-nums")]})
    for col in wrap:
        if col in position:
            rules.append({"selector": f"td.col{position[col]}",
                          "props": [("min-width", "24em"), ("max-width", "48em")]})
    styler = styler.set_table_styles(rules)
    return styler
