"""Corpus mode: many articles in process and on a two-worker Dask LocalCluster, row for row."""
import pandas as pd
import pytest

from claimframe.corpus import corpus, expand

from .conftest import FIXTURE_ARTICLES, SEED

# "/no/such/article" cannot be read; ("malformed",) has no text, which fails inside extraction
# with an IndexError, not a ClaimframeError: both must be error rows, on Dask too.
ITEMS = [str(SEED), *map(str, FIXTURE_ARTICLES), "/no/such/article", ("malformed",),
         ("in-memory", "Officials said 500 recruits began training on Dec. 4.")]


@pytest.fixture(scope="module")
def in_process():
    return corpus(ITEMS, published="2016-12-15")


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


def test_dask_local_cluster_gives_the_same_rows(in_process):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        on_dask = corpus(ITEMS, client=client, published="2016-12-15", batch_size=3)
    for name, table in in_process.tables.items():
        pd.testing.assert_frame_equal(table, on_dask.tables[name], obj=name)
    pd.testing.assert_frame_equal(in_process.errors, on_dask.errors)


def test_unknown_engine_is_a_clear_error():
    from claimframe import ClaimframeError

    with pytest.raises(ClaimframeError, match="engine='spark'"):
        corpus([str(SEED)], engine="spark")


def _one_by_one(items, published):
    """What corpus should give: each article's own claims table, article_id first, concatenated."""
    import claimframe

    frames = []
    for item in items:
        a = claimframe.read_text(item[1], slug=item[0], published=published) if isinstance(item, tuple) \
            else claimframe.load_article(item, published=published)
        df = a.claims.copy()
        df.insert(0, "article_id", item[0] if isinstance(item, tuple) else a.slug)
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    out["article_id"] = out["article_id"].astype("string")
    return out


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
