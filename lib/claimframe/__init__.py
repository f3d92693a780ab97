"""claimframe: a news article's numeric claims as pandas DataFrames.

>>> import claimframe
>>> article = claimframe.load_article("data/articles/iraq-shiite-militias-2016")
>>> article.claims[["text", "kind", "hedge", "entity", "source"]]   # doctest: +SKIP

Tables: ``paragraphs``, ``sentences``, ``claims`` (columns in data/README.md). Heavy libraries
(pandas, pyproj, matplotlib) are imported on first use, so importing claimframe is quick.
"""
from claimframe.article import Article, load_article, read_text
from claimframe.corpus import corpus, iter_corpus
from claimframe.errors import ArticleFormatError, ArticleNotFoundError, ClaimframeError, MetadataError
from claimframe.paths import data_dir, list_articles

__all__ = [
    "Article",
    "ArticleFormatError",
    "ArticleNotFoundError",
    "ClaimframeError",
    "MetadataError",
    "corpus",
    "iter_corpus",
    "data_dir",
    "list_articles",
    "load_article",
    "read_text",
]
__version__ = "0.1.0"
