"""The table contract: from_records builds exactly the declared columns and dtypes, and agrees
with the general conversion (typed) that user-supplied tables go through."""
import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

import claimframe
from claimframe import schema

from .conftest import FIXTURE_ARTICLES, SEED


@pytest.mark.parametrize("table", sorted(schema.TABLES))
def test_empty_table_has_every_column_typed_and_validates(table):
    df = schema.empty(table)
    assert list(df.columns) == list(schema.TABLES[table])
    assert len(df) == 0 and isinstance(df.index, pd.RangeIndex)
    for col, spec in schema.TABLES[table].items():
        assert df[col].dtype == schema._dtype(spec), col
    schema.validate(table, df)


ROWS = [
    # every kind of missing value a record can carry: an absent key, None, pd.NA, NaN
    {"claim_id": "c-1", "sentence_id": 3, "paragraph_id": 1, "start": 10, "end": 25, "text": "500 of the recruits",
     "kind": "count", "value": 500.0, "low": 500, "high": None, "unit": None, "hedge": "exact",
     "entity": "recruits", "date": None, "source": "Col. John Dorrian", "quoted": False},
    {"claim_id": "c-2", "sentence_id": 4, "paragraph_id": 2, "start": 30, "end": 37, "text": "Dec. 4",
     "kind": "date", "value": math.nan, "low": pd.NA, "hedge": "exact", "date": dt.date(2016, 12, 4),
     "date_precision": "day", "source": "the outlet", "quoted": True, "entity": pd.NA},
    {"claim_id": "c-3", "sentence_id": 5, "paragraph_id": 2, "start": 40, "end": 55, "text": "13 kilometers",
     "kind": "distance", "value": 13.0, "low": 13.0, "high": 13.0, "unit": "km", "unit_stated": "kilometers",
     "conversion_value": 8, "conversion_unit": "miles", "hedge": "approx", "source": "AP", "quoted": None},
]


def test_from_records_matches_the_general_conversion():
    fast = schema.from_records("claims", ROWS)
    general = schema.typed("claims", pd.DataFrame(ROWS))
    pd.testing.assert_frame_equal(fast, general)


def test_pandas_2_constructor_gives_the_same_table(monkeypatch):
    """Before pandas 3 there is no create_dataframe_from_blocks; pd.DataFrame builds the table."""
    fast = schema.from_records("claims", ROWS)
    monkeypatch.setattr(schema, "_create_from_blocks", lambda: None)
    pd.testing.assert_frame_equal(schema.from_records("claims", ROWS), fast)
    pd.testing.assert_frame_equal(schema.empty("claims"), schema.typed("claims", pd.DataFrame()))


def test_tables_built_from_records_are_independent_and_editable():
    """The block constructor takes arrays as they are: check the tables behave like any other."""
    a, b = schema.from_records("claims", ROWS), schema.from_records("claims", ROWS)
    a.columns.name = "renamed"
    a.loc[0, "value"] = 7.0
    a.loc[1, "date"] = pd.Timestamp("2016-11-26")
    a.loc[2, "source"] = "Reuters"
    assert b.columns.name is None and schema.from_records("claims", ROWS).columns.name is None
    assert (b.loc[0, "value"], b.loc[1, "date"], b.loc[2, "source"]) == (500.0, pd.Timestamp("2016-12-04"), "AP")
    assert (a.loc[0, "value"], a.loc[1, "date"], a.loc[2, "source"]) == (7.0, pd.Timestamp("2016-11-26"), "Reuters")
    both = pd.concat([a, b], ignore_index=True)
    assert len(both) == 6 and both.dtypes.equals(b.dtypes)
    assert a[a["kind"] == "distance"]["low"].tolist() == [13.0]


def test_from_records_values_and_missing():
    df = schema.from_records("claims", ROWS)
    assert df["value"].tolist()[0] == 500.0 and df["value"].isna().tolist() == [False, True, False]
    assert df["high"].isna().tolist() == [True, True, False]
    assert df["conversion_value"].tolist()[2] == 8.0
    assert df["date"].tolist()[1] == pd.Timestamp("2016-12-04") and df["date"].isna().tolist() == [True, False, True]
    assert df["quoted"].isna().tolist() == [False, False, True] and df["quoted"].tolist()[:2] == [False, True]
    assert df["entity"].isna().tolist() == [False, True, True]
    assert df["kind"].tolist() == ["count", "date", "distance"]
    assert df["date_precision"].isna().tolist() == [True, False, True]


def test_a_value_outside_a_category_raises_naming_table_and_column():
    row = {"paragraph_id": 0, "start": 0, "end": 4, "text": "Body", "role": "sidebar"}
    with pytest.raises(ValueError, match=r"paragraphs\.role: 'sidebar' is not one of the column's categories"):
        schema.from_records("paragraphs", [row])
    with pytest.raises(ValueError, match=r"paragraphs\.role: 'sidebar'"):
        schema.typed("paragraphs", pd.DataFrame([row]))
    missing = schema.from_records("paragraphs", [dict(row, role=None)])  # missing stays missing
    assert missing["role"].isna().all()


def test_typed_builds_the_same_table_as_from_records(seed):
    for name in ("claims", "events", "places", "checks"):
        table = getattr(seed, name)
        pd.testing.assert_frame_equal(schema.typed(name, table.astype(object)), table)
        pd.testing.assert_frame_equal(schema.typed(name, table), table)


@pytest.mark.parametrize("given, expected", [
    (None, None), ([], None), ((), None), (set(), None),
    ("warn", ["warn"]),            # one status, not four letters
    (["warn", "fail"], ["warn", "fail"]), (("a",), ["a"]), (3, [3]),
])
def test_selection_is_the_one_filter_convention(given, expected):
    assert schema.selection(given) == expected


def test_every_filter_reads_a_string_as_one_value_and_empty_as_all(seed):
    from claimframe.io.gazetteer import filter_places, load_gazetteer
    from claimframe.views.report import filter_checks
    from claimframe.views.timeline import filter_events

    checks, events, gazetteer = seed.checks, seed.events, load_gazetteer()
    assert filter_checks(checks, statuses="warn")["status"].unique().tolist() == ["warn"]
    assert len(filter_checks(checks, statuses=[])) == len(checks)
    assert filter_events(events, kinds="context")["kind"].unique().tolist() == ["context"]
    assert len(filter_events(events, kinds=[])) == len(events)
    assert filter_places(gazetteer, kinds="town")["kind"].unique().tolist() == ["town"]
    assert len(filter_places(gazetteer, kinds=[])) == len(gazetteer)


def _same(a, b):
    """Equal, counting NaN equal to NaN (to_dict gives NaN for a missing category)."""
    return a == b or (a != a and b != b) or (a is pd.NaT and b is pd.NaT)


def test_records_equal_pandas_to_dict_for_every_table():
    # the fast conversion the checks and relations read tables through must give exactly what
    # DataFrame.to_dict("records") gives, value by value and type by type
    articles = [claimframe.load_article(SEED)] + [claimframe.load_article(p) for p in FIXTURE_ARTICLES]
    seen = set()
    for article in articles:
        for name in ("paragraphs", "sentences", "claims", "events", "places", "relations", "checks"):
            table = getattr(article, name)
            want, got = table.to_dict("records"), schema.records(table)
            assert len(got) == len(want)
            for w, g in zip(want, got):
                assert list(g) == list(w)
                for col in w:
                    assert _same(g[col], w[col]) and type(g[col]) is type(w[col]), (name, col, g[col], w[col])
            seen.update(name for _ in table.index[:1])
    assert seen == {"paragraphs", "sentences", "claims", "events", "places", "relations", "checks"}


def test_records_of_some_columns_and_of_an_empty_table():
    table = schema.from_records("claims", ROWS)
    assert schema.records(table, ["text", "value"]) == table[["text", "value"]].to_dict("records")
    assert schema.records(schema.empty("events")) == []
    odd = pd.DataFrame({"a": [1, 2], "when": pd.to_datetime(["2016-12-04", None]), "s": ["x", None]})
    got = schema.records(odd)
    assert got[0] == {"a": 1, "when": pd.Timestamp("2016-12-04"), "s": "x"} and got[1]["when"] is pd.NaT


@pytest.mark.parametrize("spec, values", [
    ("Int64", [1, 2, 3]), ("Int64", [1, None, 3]), ("Int64", [pd.NA, 1]), ("Int64", [math.nan, 4]),
    ("Int64", [np.int64(7), 8]), ("Int64", []), ("Int64", [None]),
    ("Float64", [1.5, 2.0]), ("Float64", [1.0, None, math.nan, pd.NA, 2]), ("Float64", [None]),
    ("Float64", [math.inf, -0.0]), ("Float64", [np.float64(0.25), 3]), ("Float64", []),
    ("boolean", [True, None, False]), ("boolean", [pd.NA]), ("boolean", []),
])
def test_number_columns_equal_pandas_own_conversion(spec, values):
    """The number builders take a shortcut when nothing is missing; both ways give pandas' array."""
    built = schema._builder(spec)(values)
    pd.testing.assert_extension_array_equal(built, pd.array(values, dtype=spec))
    assert not built.isna().any() or built.isna().tolist() == [schema.is_missing(v) for v in values]


def test_empty_tables_are_independent_copies():
    """An empty table is a copy of one kept table: changing one changes no other."""
    a, b = schema.from_records("claims", []), schema.empty("claims")
    a.loc[0, "text"] = "500"
    a["extra"] = 1
    a.columns.name = "renamed"
    c = schema.from_records("claims", [])
    for table in (b, c):
        assert len(table) == 0 and list(table.columns) == list(schema.TABLES["claims"])
        assert table.columns.name is None
    pd.testing.assert_frame_equal(c, schema.typed("claims", pd.DataFrame()))
