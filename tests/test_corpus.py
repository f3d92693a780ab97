"""Corpus mode: many articles in process and on a two-worker Dask LocalCluster, row for row."""
import pandas as pd
import pytest

from claimframe.corpus import corpus, expand
from claimframe.pipeline import TABLES

from .conftest import DATA_ARTICLES, FIXTURE_ARTICLES, SEED

# "/no/such/article" cannot be read; ("malformed",) has no text, which fails inside extraction
# with an IndexError, not a ClaimframeError: both must be error rows, on Dask too.
ITEMS = [str(SEED), *map(str, FIXTURE_ARTICLES), "/no/such/article", ("malformed",),
         ("in-memory", "Officials said 500 recruits began training on Dec. 4.")]


@pytest.fixture(scope="module")
def in_process():
    return corpus(ITEMS, tables=TABLES, published="2016-12-15")


def test_tables_have_article_ids_in_input_order(in_process):
    claims = in_process.claims
    assert claims.columns[0] == "article_id"
    order = list(dict.fromkeys(claims["article_id"]))
    assert order[0] == "iraq-shiite-militias-2016" and order[-1] == "in-memory"
    assert (claims["article_id"] == "iraq-shiite-militias-2016").sum() == 14
    assert claims[claims["article_id"] == "in-memory"]["text"].tolist() == ["500", "Dec. 4"]


def test_a_bad_article_is_an_error_row_not_a_crash(in_process):
    assert in_process.errors["article_id"].tolist() == ["article", "malformed"]
    assert "no such file" in in_process.errors["error"].iloc[0]
    assert in_process.errors["error"].iloc[1].startswith("IndexError: ")


def test_an_unexpected_failure_costs_only_its_own_article(monkeypatch):
    """A bug hit by one article (any exception, not only bad input) is that article's error row."""
    import sys

    corpus_module = sys.modules["claimframe.corpus"]  # the package exports the function under this name
    real = corpus_module.read_text

    def read_text(text, **kwargs):
        if kwargs.get("slug") == "explodes":
            raise RuntimeError("something no one expected")
        return real(text, **kwargs)

    monkeypatch.setattr(corpus_module, "read_text", read_text)
    items = [("a", "Officials said 500 recruits came."), ("explodes", "40 more."), ("b", "Some 38k people came.")]
    for tables in (("claims",), ("claims", "events", "checks")):
        result = corpus(items, tables=tables)
        assert result.claims["article_id"].tolist() == ["a", "b"]
        assert result.claims["value"].tolist() == [500, 38_000]
        assert result.errors.to_dict("records") == [
            {"article_id": "explodes", "error": "RuntimeError: something no one expected"}]


def test_an_article_txt_that_is_a_folder_is_an_error_row(tmp_path):
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "article.txt").write_text("Officials said 500 recruits came.\n", encoding="utf-8")
    (tmp_path / "odd" / "article.txt").mkdir(parents=True)
    (tmp_path / "notes").mkdir()  # no article.txt at all: not an article, skipped
    for source in (tmp_path, str(tmp_path / "*")):
        result = corpus(source, tables=("claims",))
        assert result.claims["article_id"].tolist() == ["good"]
        assert result.errors["article_id"].tolist() == ["odd"]
        assert "article.txt" in result.errors["error"].iloc[0]


def test_expand_a_glob_and_a_folder_of_articles():
    by_glob = expand(str(SEED.parent / "*"))
    assert str(SEED) in by_glob
    assert expand(SEED.parent) == sorted(by_glob)


def test_dask_local_cluster_gives_the_same_rows(in_process, monkeypatch):
    import sys

    distributed = pytest.importorskip("distributed")
    corpus_module = sys.modules["claimframe.corpus"]
    monkeypatch.setattr(corpus_module, "RECORDS_PER_TABLE", 20)  # consolidated (in the client) as it arrives
    monkeypatch.setattr(corpus_module, "FRAMES_PER_BATCH", 2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        on_dask = corpus(ITEMS, client=client, tables=TABLES, published="2016-12-15", batch_size=3)
    for name, table in in_process.tables.items():
        pd.testing.assert_frame_equal(table, on_dask.tables[name], obj=name)
    pd.testing.assert_frame_equal(in_process.errors, on_dask.errors)


def test_unknown_engine_is_a_clear_error():
    from claimframe import ClaimframeError

    with pytest.raises(ClaimframeError, match="engine='spark'"):
        corpus([str(SEED)], engine="spark")


def _one_by_one(items, published, tables=("claims",)):
    """What corpus should give: each article's own tables, article_id first, concatenated."""
    import claimframe

    frames = {name: [] for name in tables}
    for item in items:
        a = claimframe.read_text(item[1], slug=item[0], published=published) if isinstance(item, tuple) \
            else claimframe.load_article(item, published=published)
        for name in tables:
            df = getattr(a, name).copy()
            df.insert(0, "article_id", item[0] if isinstance(item, tuple) else a.slug)
            frames[name].append(df)
    out = {}
    for name in tables:
        out[name] = pd.concat(frames[name], ignore_index=True)
        out[name]["article_id"] = out[name]["article_id"].astype("string")
    return out if len(tables) > 1 else out[tables[0]]


def test_every_table_is_consolidated_with_the_same_rows(monkeypatch):
    """All seven tables are gathered a few articles at a time into batches, and batches into tables of
    about RECORDS_PER_TABLE rows (not kept as one DataFrame per article): the rows, order and dtypes
    must be those of each article's own tables concatenated, and string columns must not keep one
    Arrow chunk per article."""
    import sys

    corpus_module = sys.modules["claimframe.corpus"]  # the name claimframe.corpus is the function
    monkeypatch.setattr(corpus_module, "RECORDS_PER_TABLE", 40)
    monkeypatch.setattr(corpus_module, "FRAMES_PER_BATCH", 3)  # strings joined every 3 articles
    texts = [(p.name, (p / "article.txt").read_text(encoding="utf-8")) for p in [*DATA_ARTICLES, *FIXTURE_ARTICLES]]
    items = [*map(str, DATA_ARTICLES), *map(str, FIXTURE_ARTICLES),
             *[(f"{name}-{i}", text) for i in range(2) for name, text in texts],
             ("in-memory", "Officials said 500 recruits began training on Dec. 4.")]
    result = corpus(items, tables=TABLES, published="2016-12-15")
    expected = _one_by_one(items, "2016-12-15", TABLES)
    assert list(result.tables) == list(TABLES)
    for name in TABLES:
        pd.testing.assert_frame_equal(result.tables[name], expected[name], obj=name)
    assert result.sentences["article_id"].nunique() == len(items)
    for name in ("paragraphs", "sentences", "claims"):
        table = result.tables[name]
        articles = table["article_id"].nunique()
        assert len(table) > 3 * 40 and articles > 3 * 3  # several batches and full tables
        for col in table.columns:
            values = table[col].array
            if isinstance(values, pd.arrays.ArrowStringArray):
                chunks = values.__arrow_array__().num_chunks  # one per batch, not one per article
                assert chunks < articles and chunks <= -(-articles // 3) + len(table) // 40 + 1, (name, col)


def test_table_parts_give_what_pd_concat_gives(monkeypatch):
    """Every kind of column (nullable numbers, categories, dates, numpy values, Arrow strings,
    objects) comes out as pd.concat gives it; a frame with other dtypes or columns starts a new
    run of frames, records come in their place in the order, and strings are joined in batches."""
    import sys

    import numpy as np

    corpus_module = sys.modules["claimframe.corpus"]
    monkeypatch.setattr(corpus_module, "FRAMES_PER_BATCH", 2)

    def frame(i, **changes):
        df = pd.DataFrame({
            "n": pd.array([i, None, 3], dtype="Int64"), "x": pd.array([0.5, None, i], dtype="Float64"),
            "flag": pd.array([True, None, False], dtype="boolean"),
            "status": pd.Categorical(["ok", None, "fail"], categories=["ok", "warn", "fail"]),
            "when": pd.to_datetime(["2016-12-15", None, f"2016-12-{i + 1:02d}"]).astype("datetime64[ns]"),
            "plain": np.array([i, 2, 3]), "text": pd.array([f"t{i}", None, "ü"], dtype="string"),
            "python_text": pd.array(["p", f"q{i}", None], dtype=pd.StringDtype("python")),
            "detail": pd.Series([{"i": i}, None, [i]], dtype=object)})
        for col, values in changes.items():
            df[col] = values
        df.insert(0, "article_id", f"a{i}")
        return df

    frames = [frame(i) for i in range(5)]
    frames += [frame(5, n=[1.5, 2.0, None]), frame(6), frame(7, extra=["e", "f", "g"]), frame(8)]
    parts = corpus_module._TableParts("not a schema table")
    for df in frames:
        parts.add(df)
    expected = pd.concat(frames, ignore_index=True)
    expected["article_id"] = expected["article_id"].astype("string")
    pd.testing.assert_frame_equal(parts.table(), expected)

    monkeypatch.setattr(corpus_module, "RECORDS_PER_TABLE", 4)
    claims = corpus(["/no/such/article", ("a", "Officials said 500 recruits came on Dec. 4 and 40 left.")],
                    tables=("claims",)).claims
    records = [{"article_id": f"r{i}", **row} for i in range(3) for row in claims.drop(columns="article_id")
               .to_dict("records")]
    parts = corpus_module._TableParts("claims")
    own = claims.copy()
    own["article_id"] = own["article_id"].astype(object).astype("str")
    for part in (records[:3], own, records[3:], own):
        parts.add(part)
    table = parts.table()
    assert table["article_id"].tolist() == ["r0", "r0", "r0", "a", "a", "a", "r1", "r1", "r1", "r2", "r2", "r2",
                                            "a", "a", "a"]
    assert table.drop(columns="article_id").dtypes.equals(claims.drop(columns="article_id").dtypes)


def test_claims_alone_are_built_in_batches_with_the_same_rows(tmp_path, monkeypatch):
    """Claims-only runs gather records and build one table per RECORDS_PER_TABLE rows; an article
    with verdicts keeps its merged table. The rows, order and dtypes must not change."""
    import shutil
    import sys

    from claimframe.schema import validate

    corpus_module = sys.modules["claimframe.corpus"]  # the name claimframe.corpus is the function

    import claimframe

    reviewed = tmp_path / "reviewed"
    shutil.copytree(SEED, reviewed)
    seed = claimframe.load_article(reviewed)
    seed.save_review(seed.claims.set_index("text").loc["up to 900", "claim_id"], "unverifiable")
    items = [*map(str, FIXTURE_ARTICLES), str(reviewed), str(SEED),
             ("in-memory", "Officials said 500 recruits began training on Dec. 4.")]
    monkeypatch.setattr(corpus_module, "RECORDS_PER_TABLE", 7)  # several builds
    batched = corpus(items, tables=("claims",), published="2016-12-15").claims
    expected = _one_by_one(items, "2016-12-15")
    pd.testing.assert_frame_equal(batched, expected)
    assert batched.loc[batched["article_id"] == "reviewed", "verdict"].notna().sum() == 1
    for _, rows in batched.groupby("article_id"):  # claim IDs are unique within an article
        validate("claims", rows.drop(columns="article_id").reset_index(drop=True))


def test_claims_with_other_tables_match_claims_alone(in_process):
    alone = corpus(ITEMS, tables=("claims",), published="2016-12-15").claims
    pd.testing.assert_frame_equal(alone, in_process.claims)


def test_process_one_records_only_when_no_other_table_built_the_claims():
    from claimframe.corpus import process_one

    item = ("x", "Officials said 500 recruits began training on Dec. 4.")
    assert isinstance(process_one(item, ("claims",), records=True)["tables"]["claims"], list)
    both = process_one(item, ("claims", "events"), records=True)["tables"]
    assert isinstance(both["claims"], pd.DataFrame) and list(both) == ["claims", "events"]
    assert isinstance(process_one(item, ("claims",))["tables"]["claims"], pd.DataFrame)
