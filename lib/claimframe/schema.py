"""The column contract of every table claimframe returns, in one place.

Each table is a mapping column -> dtype (pandas' nullable dtypes) plus the allowed values of its
categories. :func:`typed` gives a DataFrame exactly those columns in that order;
:func:`pandera_schema` turns the same contract into a pandera schema for validation (tests
validate every table). pandas and pandera are imported lazily: ``import claimframe`` stays fast.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

PARAGRAPH_ROLES = ("headline", "caption", "credit", "body", "boilerplate")
CLAIM_KINDS = ("count", "distance", "date", "duration", "money", "percent", "measure", "rank")
HEDGES = ("exact", "approx", "at_least", "at_most", "range", "vague")
DATE_PRECISIONS = ("day", "week", "month", "year")

#: table name -> {column: dtype}; a tuple dtype is a category with those values.
TABLES: dict[str, dict[str, object]] = {
    "paragraphs": {
        "paragraph_id": "Int64",
        "start": "Int64",
        "end": "Int64",
        "text": "string",
        "role": PARAGRAPH_ROLES,
    },
    "sentences": {
        "sentence_id": "Int64",
        "paragraph_id": "Int64",
        "start": "Int64",
        "end": "Int64",
        "text": "string",
        "role": PARAGRAPH_ROLES,
        "quoted": "boolean",
        "speaker": "string",
    },
    "claims": {
        "claim_id": "string",
        "sentence_id": "Int64",
        "paragraph_id": "Int64",
        "start": "Int64",
        "end": "Int64",
        "text": "string",
        "kind": CLAIM_KINDS,
        "value": "Float64",
        "low": "Float64",
        "high": "Float64",
        "unit": "string",
        "unit_stated": "string",
        "conversion_value": "Float64",
        "conversion_unit": "string",
        "hedge": HEDGES,
        "entity": "string",
        "date": "datetime64[ns]",
        "date_precision": DATE_PRECISIONS,
        "source": "string",
        "quoted": "boolean",
    },
}

# Columns that may never be missing.
REQUIRED = {
    "paragraphs": {"paragraph_id", "start", "end", "text", "role"},
    "sentences": {"sentence_id", "paragraph_id", "start", "end", "text", "role", "quoted"},
    "claims": {"claim_id", "sentence_id", "paragraph_id", "start", "end", "text", "kind", "hedge",
               "source", "quoted"},
}
UNIQUE = {"paragraphs": "paragraph_id", "sentences": "sentence_id", "claims": "claim_id"}

PARAGRAPHS, SENTENCES, CLAIMS = "paragraphs", "sentences", "claims"


def _dtype(spec: object):
    import pandas as pd

    return pd.CategoricalDtype(list(spec)) if isinstance(spec, tuple) else spec


def empty(table: str) -> "pd.DataFrame":
    """A table with no rows but every column, typed: what an article with nothing to report gives."""
    import pandas as pd

    return pd.DataFrame({c: pd.Series(dtype=_dtype(t)) for c, t in TABLES[table].items()})


def typed(table: str, df: "pd.DataFrame") -> "pd.DataFrame":
    """Exactly the table's columns, in order, with its dtypes (missing columns are all-NA)."""
    import pandas as pd

    out = {}
    for col, spec in TABLES[table].items():
        values = df[col] if col in df else pd.Series([pd.NA] * len(df), index=df.index)
        dtype = _dtype(spec)
        if spec == "datetime64[ns]":
            out[col] = pd.to_datetime(values).astype("datetime64[ns]")
        elif spec in ("Int64", "Float64", "boolean", "string"):
            out[col] = values.astype("object").where(values.notna(), None).astype(dtype)
        else:
            out[col] = values.astype(dtype)
    return pd.DataFrame(out, index=pd.RangeIndex(len(df)))


def pandera_schema(table: str):
    """The pandera schema for one table: dtypes, allowed categories, required and unique columns."""
    import pandera.pandas as pa

    columns = {}
    for col, spec in TABLES[table].items():
        checks = []
        if col in ("start", "end"):
            checks.append(pa.Check.ge(0))
        columns[col] = pa.Column(
            _dtype(spec),
            checks=checks,
            nullable=col not in REQUIRED[table],
            unique=col == UNIQUE.get(table),
        )
    return pa.DataFrameSchema(
        columns,
        strict=True,
        ordered=True,
        checks=[pa.Check(lambda d: (d["end"] > d["start"]).all(), error="end must be after start")],
    )


def validate(table: str, df: "pd.DataFrame") -> "pd.DataFrame":
    """Validate a table against its schema (raises pandera's SchemaError with the failing rows)."""
    return pandera_schema(table).validate(df)
