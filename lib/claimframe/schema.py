"""The column contract of every table claimframe returns, in one place.

Each table is a mapping column -> dtype (pandas' nullable dtypes) plus the allowed values of its
categories. :func:`typed` gives a DataFrame exactly those columns in that order;
:func:`pandera_schema` turns the same contract into a pandera schema for validation (tests
validate every table). pandas and pandera are imported lazily: ``import claimframe`` stays fast.
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pandas as pd

PARAGRAPH_ROLES = ("headline", "caption", "credit", "body", "boilerplate")
CLAIM_KINDS = ("count", "distance", "date", "duration", "money", "percent", "measure", "rank")
#: The period of a rate ("358,000 a month", "$15 an hour", "40 miles per day"): claims.per.
RATE_PERIODS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year")
HEDGES = ("exact", "approx", "at_least", "at_most", "range", "vague")
DATE_PRECISIONS = ("day", "week", "month", "year", "quarter", "half", "season", "decade", "century")

#: table name -> {column: dtype}; a tuple dtype is a category with those values.
TABLES: dict[str, dict[str, object]] = {}
#: table name -> columns that may never be missing.
REQUIRED: dict[str, set[str]] = {}
#: table name -> the column that identifies a row.
UNIQUE: dict[str, str] = {}


def define_table(name: str, columns: dict[str, object], required: set[str], unique: str | None = None) -> str:
    """Register a table's contract; returns its name (modules keep it as a constant)."""
    TABLES[name], REQUIRED[name] = columns, set(required)
    if unique:
        UNIQUE[name] = unique
    return name


PARAGRAPHS = define_table(
    "paragraphs",
    {"paragraph_id": "Int64", "start": "Int64", "end": "Int64", "text": "string", "role": PARAGRAPH_ROLES},
    required={"paragraph_id", "start", "end", "text", "role"},
    unique="paragraph_id",
)
SENTENCES = define_table(
    "sentences",
    {
        "sentence_id": "Int64",
        "paragraph_id": "Int64",
        "start": "Int64",
        "end": "Int64",
        "text": "string",
        "role": PARAGRAPH_ROLES,
        "quoted": "boolean",
        "speaker": "string",
    },
    required={"sentence_id", "paragraph_id", "start", "end", "text", "role", "quoted"},
    unique="sentence_id",
)
CLAIMS = define_table(
    "claims",
    {
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
        "per": RATE_PERIODS,
        "date": "datetime64[ns]",
        "date_precision": DATE_PRECISIONS,
        "source": "string",
        "quoted": "boolean",
        "verdict": "string",
        "review_note": "string",
        "review_source": "string",
    },
    required={"claim_id", "sentence_id", "paragraph_id", "start", "end", "text", "kind", "hedge", "source",
              "quoted"},
    unique="claim_id",
)
PLACE_KINDS = ("city", "town", "village", "base", "region", "country", "state", "county", "continent")
RESOLUTIONS = ("curated", "fallback", "unresolved")
GAZETTEER = define_table(
    "gazetteer",
    {
        "place_id": "string",
        "name": "string",
        "aliases": "string",
        "kind": PLACE_KINDS,
        "country": "string",
        "lat": "Float64",
        "lon": "Float64",
        "geonames_id": "Int64",
        "source": "string",
        "note": "string",
    },
    required={"place_id", "name", "kind", "lat", "lon", "source"},
    unique="place_id",
)
PLACES = define_table(
    "places",
    {
        "sentence_id": "Int64",
        "start": "Int64",
        "end": "Int64",
        "text": "string",
        "place_id": "string",
        "name": "string",
        "lat": "Float64",
        "lon": "Float64",
        "kind": PLACE_KINDS,
        "geonames_id": "Int64",
        "resolution": RESOLUTIONS,
        "country": "string",
        "candidates": "string",
        # True: a demonym ("Russian officials", "Kenyans") resolved to the place it refers to; the
        # text names its people, not the place (maps' counts, relations and outliers leave it out).
        "demonym": "boolean",
    },
    required={"start", "end", "text", "resolution"},
)
RELATIONS = define_table(
    "relations",
    {
        "relation_id": "string",
        "claim_id": "string",
        "sentence_id": "Int64",
        "start": "Int64",
        "end": "Int64",
        "text": "string",
        "subject": "string",
        "subject_place_id": "string",
        "anchor": "string",
        "anchor_place_id": "string",
        "direction": "string",
        "distance_km": "Float64",
        "bearing_deg": "Float64",
        "hedge": HEDGES,
        "implied_lat": "Float64",
        "implied_lon": "Float64",
        "gazetteer_km": "Float64",
        "gazetteer_bearing_deg": "Float64",
        "error_km": "Float64",
        "error_deg": "Float64",
    },
    required={"relation_id", "claim_id", "start", "end", "text", "anchor", "direction", "bearing_deg"},
    unique="relation_id",
)
# views/map.py: one row per place on a map, and the numbers of one relation for its table.
PLACE_COUNTS = define_table(
    "place_counts",
    {
        "place_id": "string",
        "name": "string",
        "label": "string",
        "kind": PLACE_KINDS,
        "lat": "Float64",
        "lon": "Float64",
        "mentions": "Int64",
        "spellings": "string",
        "first_start": "Int64",
        "resolution": RESOLUTIONS,
    },
    required={"place_id", "label", "mentions", "spellings", "first_start", "resolution"},
    unique="place_id",
)
RELATION_NUMBERS = define_table(
    "relation_numbers",
    {
        "relation_id": "string",
        "subject": "string",
        "anchor": "string",
        "quantity": ("distance", "bearing", "latitude", "longitude", "position"),
        "stated": "Float64",
        "gazetteer": "Float64",
        "error": "Float64",
        "unit": "string",
        "note": "string",
    },
    required={"relation_id", "anchor", "quantity", "unit"},
)
EVENT_KINDS = ("reported", "published", "cited", "context")
EVENTS = define_table(
    "events",
    {
        "event_id": "string",
        "kind": EVENT_KINDS,
        "date": "datetime64[ns]",
        "date_end": "datetime64[ns]",
        "date_precision": DATE_PRECISIONS,
        "date_text": "string",
        "start": "Int64",
        "end": "Int64",
        "sentence_id": "Int64",
        "label": "string",
        "actors": "string",
        "places": "string",
        "claim_ids": "string",
        "source": "string",
        "note": "string",
    },
    required={"event_id", "kind", "date", "date_end", "date_precision", "label", "source"},
    unique="event_id",
)
CHECK_STATUSES = ("ok", "warn", "fail", "info")
CHECKS = define_table(
    "checks",
    {
        "check_id": "string",
        "kind": "string",
        "status": CHECK_STATUSES,
        "claim_ids": "string",
        "message": "string",
        "detail": "string",
    },
    required={"check_id", "kind", "status", "message"},
    unique="check_id",
)




def is_missing(value) -> bool:
    """None, pandas' NA/NaT or a float NaN: a cell with nothing in it."""
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or an array is not "missing"
        return False


def selection(values) -> list | None:
    """The one argument convention of every filter function (filter_claims, filter_events,
    filter_checks, filter_places, ...): ``None`` or an empty collection selects everything, as an
    empty multi-select does; a string or any other scalar is one value ("warn" is one status, not
    four letters); any other iterable is its values. Returns None for "everything"."""
    if values is None:
        return None
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        return [values]
    values = list(values)
    return values or None


def records(df: "pd.DataFrame", columns: "Iterable[str] | None" = None) -> list[dict]:
    """The rows of a table as dicts, equal to ``df.to_dict("records")`` (missing strings and
    numbers None, missing categories NaN, dates Timestamp or NaT) but made column by column,
    several times faster: pandas builds those dicts row by row, which was the largest single cost
    of the checks. ``columns`` limits the dicts to those columns (each column read costs as much
    as a short table's rows), like ``df[columns].to_dict("records")`` without the copy."""
    names = list(df.columns if columns is None else columns)
    arrays = _column_arrays(df, names)
    return [dict(zip(names, row)) for row in zip(*(_python_values(a) for a in arrays))]


def _column_arrays(df: "pd.DataFrame", names: list) -> list:
    """The arrays behind the columns ``names``. Making a Series per column cost more than the
    conversion itself on short tables, so the whole table's arrays are taken in one pass where
    pandas offers it (``DataFrame._iter_column_arrays``, present in pandas 2 and 3; tests check
    the result against ``to_dict``), and column by column otherwise."""
    iter_arrays = getattr(df, "_iter_column_arrays", None)
    if iter_arrays is not None and df.columns.is_unique:
        by_name = dict(zip(df.columns, iter_arrays()))
        return [by_name[name] for name in names]
    return [df[name].array for name in names]


def _python_values(array) -> list:
    """One column's values as Python objects, as ``to_dict`` gives them."""
    import math

    import numpy as np
    import pandas as pd

    dtype = array.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        categories = array.categories.tolist()
        return [categories[k] if k >= 0 else math.nan for k in array.codes.tolist()]
    if isinstance(dtype, pd.StringDtype) and hasattr(array, "__arrow_array__"):
        return array.__arrow_array__().to_pylist()
    if isinstance(dtype, (pd.StringDtype, pd.Int64Dtype, pd.Float64Dtype, pd.BooleanDtype)):
        return array.to_numpy(dtype=object, na_value=None).tolist()
    if isinstance(array, np.ndarray) and array.dtype.kind not in "mM":
        return array.tolist()
    return list(pd.Series(array, copy=False))  # dates and anything else: pandas' own boxing


def as_float(value) -> float | None:
    """A cell as a float, or None when it is missing."""
    return None if is_missing(value) else float(value)


@functools.cache
def _dtype(spec: object):
    """The pandas dtype for a spec; a category dtype is made once and reused."""
    if not isinstance(spec, tuple):
        return spec
    import pandas as pd

    return pd.CategoricalDtype(list(spec))


def empty(table: str) -> "pd.DataFrame":
    """A table with no rows but every column, typed: what an article with nothing to report gives."""
    return from_records(table, [])


def from_records(table: str, rows: list[dict]) -> "pd.DataFrame":
    """A typed table straight from a list of dicts (missing keys are NA).

    Every table the library extracts is built here, once per article, so each column goes
    straight to the array pandas keeps (codes for categories, values plus a mask for the
    nullable numbers, Arrow arrays for strings) instead of through pandas' per-value type
    inference: that inference was a third of the extraction time."""
    if not rows:  # many articles have no relation, no check of a kind: a copy of one kept empty table
        return _empty_table(table).copy()
    columns, builders = _layout(table)
    return _frame([_column(table, col, build, [row.get(col) for row in rows]) for col, build in builders],
                  columns, len(rows))


@functools.cache
def _empty_table(table: str) -> "pd.DataFrame":
    """The table with no rows, made once: callers get copies (a third of the time to build it)."""
    columns, builders = _layout(table)
    return _frame([_column(table, col, build, []) for col, build in builders], columns, 0)


def _column(table: str, col: str, build, values: list):
    """One column's typed array; a value outside its contract (an unknown category) raises,
    naming the table and the column, instead of silently becoming missing."""
    try:
        return build(values)
    except ValueError as exc:
        raise ValueError(f"{table}.{col}: {exc}") from None


@functools.cache
def _layout(table: str) -> tuple:
    """The table's column Index and its (column, function values -> typed array) pairs, made once
    per table (and per process: a change of pandas' string storage option later is not seen)."""
    import pandas as pd

    return pd.Index(list(TABLES[table])), tuple((col, _builder(spec)) for col, spec in TABLES[table].items())


def _frame(arrays: list, columns: "pd.Index", length: int) -> "pd.DataFrame":
    """A DataFrame of one typed 1-D array per column.

    pandas >= 3 has a public constructor for arrays already typed and sized,
    ``pandas.api.internals.create_dataframe_from_blocks``: it skips the per-column checks of
    ``pd.DataFrame`` (0.1 ms instead of 0.35 ms for the 23 claim columns, a tenth of a short
    article's extraction). pandas calls it advanced and low-level: it trusts its input. Our
    builders meet its conditions by construction (each array has ``length`` values; numpy ones
    are reshaped to the (1, length) block it wants), and tests/test_schema.py checks the result
    against pd.DataFrame's."""
    import numpy as np
    import pandas as pd

    create = _create_from_blocks()
    if create is None:
        return pd.DataFrame(dict(zip(columns, arrays)), index=pd.RangeIndex(length), columns=columns.copy(),
                            copy=False)
    blocks = [(a.reshape(1, -1) if isinstance(a, np.ndarray) else a, np.array([i])) for i, a in enumerate(arrays)]
    return create(blocks, index=pd.RangeIndex(length), columns=columns.copy())


@functools.cache
def _create_from_blocks():
    """pandas' create_dataframe_from_blocks, or None before pandas 3 (then pd.DataFrame is used)."""
    try:
        from pandas.api.internals import create_dataframe_from_blocks
    except ImportError:
        return None
    return create_dataframe_from_blocks


def _builder(spec: object):
    """The function that turns a list of Python values into the typed array of ``spec``."""
    import numpy as np
    import pandas as pd

    if isinstance(spec, tuple):
        dtype, code = _dtype(spec), {v: i for i, v in enumerate(spec)}
        na = pd.NA

        def category(values: list):
            codes = [code.get(v, -1) for v in values]
            if -1 in codes:
                for v, c in zip(values, codes):
                    if c == -1 and not (v is None or v is na or v != v):
                        raise ValueError(f"{v!r} is not one of the column's categories: {', '.join(spec)}")
            return pd.Categorical.from_codes(np.array(codes, dtype=np.int8), dtype=dtype,
                                             validate=False)  # codes valid by construction
        return category
    if spec == "string":
        return _string_builder()
    na = pd.NA

    def missing(values: list):  # None, pd.NA and NaN (the only value with x != x) are missing
        return np.array([v is None or v is na or v != v for v in values], dtype=bool)

    if spec == "datetime64[ns]":
        nat = np.datetime64("NaT", "ns")

        def datetimes(values: list):
            return np.array([nat if m else np.datetime64(v, "ns") for v, m in zip(values, missing(values))],
                            dtype="datetime64[ns]")
        return datetimes
    from pandas.arrays import BooleanArray, FloatingArray, IntegerArray

    array_type, numpy_type = {"Int64": (IntegerArray, np.int64), "Float64": (FloatingArray, np.float64),
                              "boolean": (BooleanArray, np.bool_)}[spec]
    zero = numpy_type(0)

    def masked(values: list):
        mask = missing(values)
        return array_type(np.array([zero if m else v for v, m in zip(values, mask)], dtype=numpy_type), mask)

    if spec == "boolean":
        return masked  # numpy reads None as False: every value must be looked at

    def numbers(values: list):
        """Most columns have no missing value: one conversion for the values, none per value.
        numpy refuses None and pd.NA for integers and NaN for integers; for floats it reads None
        as NaN, so NaN marks the missing ones."""
        try:
            data = np.array(values, dtype=numpy_type)
        except (TypeError, ValueError):
            return masked(values)
        if numpy_type is np.int64:
            return array_type(data, np.zeros(len(data), dtype=bool))
        mask = np.isnan(data)
        data[mask] = zero
        return array_type(data, mask)
    return numbers


def _string_builder():
    """pandas' "string" column; when pandas keeps strings in pyarrow (pandas 3 with pyarrow
    installed) the Arrow array is made directly, about 3x faster than pandas' conversion."""
    import pandas as pd

    dtype = pd.StringDtype()
    if dtype.storage != "pyarrow":
        return lambda values: pd.array(values, dtype=dtype)
    import pyarrow as pa

    arrow_type = pa.large_string()

    def strings(values: list):
        try:
            return pd.arrays.ArrowStringArray(pa.array(values, type=arrow_type))
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            return pd.array(values, dtype=dtype)  # a value that is not a str or None: let pandas convert it
    return strings


def typed(table: str, df: "pd.DataFrame") -> "pd.DataFrame":
    """Exactly the table's columns, in order, with its dtypes (missing columns are all-NA): a
    DataFrame made elsewhere (a CSV, a concatenation) goes through the same builders as
    :func:`from_records`, column by column."""
    columns, builders = _layout(table)
    n = len(df)
    arrays = [_column(table, col, build, df[col].tolist() if col in df.columns else [None] * n)
              for col, build in builders]
    return _frame(arrays, columns, n)


def pandera_schema(table: str):
    """The pandera schema for one table: dtypes, allowed categories, required and unique columns."""
    import pandera.pandas as pa

    columns = {}
    for col, spec in TABLES[table].items():
        checks = []
        if col in ("start", "end"):
            checks.append(pa.Check.ge(0, ignore_na=True))
        columns[col] = pa.Column(
            _dtype(spec),
            checks=checks,
            nullable=col not in REQUIRED[table],
            unique=col == UNIQUE.get(table),
        )
    checks = []
    if "start" in columns and "end" in columns:
        checks.append(pa.Check(lambda d: ((d["end"] > d["start"]) | d["start"].isna()).all(),
                               error="end must be after start"))
    return pa.DataFrameSchema(columns, strict=True, ordered=True, checks=checks)


def validate(table: str, df: "pd.DataFrame") -> "pd.DataFrame":
    """Validate a table against its schema (raises pandera's SchemaError with the failing rows)."""
    return pandera_schema(table).validate(df)
