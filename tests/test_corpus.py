"""Corpus mode: many articles in process and on a two-worker Dask LocalCluster, row for row."""
import pandas as pd
import pytest

from claimframe.corpus import corpus, expand

from .conftest import FIXTURE_ARTICLES, SEED

ITEMS = [str(SEED), *map(str, FIXTURE_ARTICLES), "/no/such/article",
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
    assert in_process.errors["article_id"].tolist() == ["article"]
    assert "no such file" in in_process.errors["error"].iloc[0]


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
