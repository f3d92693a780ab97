"""Many articles at once: the same tables, concatenated, with an ``article_id`` column.

Articles are read one at a time and dropped once their tables are made, so memory holds the
results, never every text. In process is the default; the same per-article work runs on a Dask
cluster when given a ``dask.distributed.Client`` (or ``engine="dask"`` with a default client),
and gives the same rows in the same order. An article that cannot be read does not stop the run:
it becomes a row of ``errors``.

>>> result = corpus("data/articles/*")                # doctest: +SKIP
>>> result.claims.groupby("article_id").size()        # doctest: +SKIP
"""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Union

from claimframe.article import load_article, read_text
from claimframe.document import ARTICLE_FILE
from claimframe.errors import ClaimframeError
from claimframe.schema import TABLES, empty, from_records

if TYPE_CHECKING:
    import pandas as pd

#: Tables a corpus run collects by default (each an Article attribute).
DEFAULT_TABLES = ("claims", "events", "places", "checks")
#: An item of a corpus: a path (folder or .txt), or (article_id, text) for text in memory.
Item = Union[str, os.PathLike, tuple]
#: corpus() builds a table from gathered records once this many rows are waiting (bounds memory).
RECORDS_PER_TABLE = 20_000


@dataclass
class CorpusResult:
    """Concatenated tables of many articles; ``errors`` lists the articles that failed."""

    tables: dict
    errors: "pd.DataFrame"

    def __getattr__(self, name):
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}: {len(v):,} rows" for k, v in self.tables.items())
        return f"<CorpusResult {sizes}; {len(self.errors)} errors>"


def expand(paths_or_glob) -> Iterable[Item]:
    """Article folders and .txt files named by a glob or a folder of article folders (a sorted
    list); any other iterable (a list, a generator of (article_id, text)) is passed through lazily."""
    if isinstance(paths_or_glob, (str, os.PathLike)):
        p = Path(paths_or_glob)
        if p.is_dir() and not (p / ARTICLE_FILE).exists():
            # An article.txt that is not a readable file (a folder, a broken link) is still an
            # article: it is kept so that it becomes an error row rather than vanishing.
            return sorted(str(c) for c in p.iterdir() if _is_article(c))
        if p.exists():
            return [str(p)]
        matches = sorted(glob.glob(str(paths_or_glob)))
        if not matches:
            raise ClaimframeError(f"{paths_or_glob}: no article folder or .txt file matches")
        return [m for m in matches if _is_article(Path(m))]
    return paths_or_glob


def _is_article(path: Path) -> bool:
    """An article folder (it has an article.txt entry, readable or not) or a .txt file."""
    return (path / ARTICLE_FILE).exists() or (path / ARTICLE_FILE).is_symlink() or path.suffix == ".txt"


def _article_id(item: Item) -> str:
    if isinstance(item, tuple):
        return str(item[0])
    p = Path(item)
    return p.parent.name if p.name == ARTICLE_FILE else (p.name if p.is_dir() else p.stem)


def process_one(item: Item, tables: tuple = DEFAULT_TABLES, published=None, records: bool = False) -> dict:
    """One article's tables, each with ``article_id`` first; or ``{"error": message}``.

    With ``records``, claims come as a list of dicts (each with ``article_id``) when nothing else
    needed the article's claims table and it has no verdicts: :func:`corpus` builds one table
    from many articles' records. Runs in a worker process on Dask, so it takes and returns only
    picklable values.
    """
    from claimframe.io.review import has_reviews

    article_id = repr(item)[:80]  # until the item says its own id
    try:
        article_id = _article_id(item)
        if isinstance(item, tuple):
            meta = dict(item[2]) if len(item) > 2 else {}
            if published is not None:
                meta["published"] = published  # the argument overrides, as --published does
            article = read_text(item[1], slug=article_id, **meta)
        else:
            article = load_article(item, published=published)
        out = {}
        for name in sorted(tables, key=lambda n: n == "claims"):  # claims last: see below
            if records and name == "claims" and "claims" not in article.memo and not has_reviews(article.folder):
                # no other table built the claims table: the records alone are cheaper
                out[name] = [{"article_id": article_id, **row} for row in article.get("claim_records")]
            else:
                out[name] = getattr(article, name)
        for df in out.values():  # every table made first: a stage may have read one of them
            if not isinstance(df, list):
                df.insert(0, "article_id", article_id)  # this Article is ours alone: in place is safe
        return {"article_id": article_id, "tables": {name: out[name] for name in tables}}
    except Exception as exc:  # noqa: BLE001 - any failure of one article is that article's error row
        # An unexpected error (a bug, not bad input) is recorded the same way, so one article
        # never costs the rows of the others; its type name tells the two apart.
        return {"article_id": article_id, "error": f"{type(exc).__name__}: {exc}"}


def _local(items: Iterable[Item], tables, published, progress: bool, records: bool) -> Iterator[dict]:
    iterator = items
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(items, desc="articles", unit="article", total=len(items) if hasattr(items, "__len__") else None)
    for item in iterator:
        yield process_one(item, tables, published, records)


def process_chunk(items: list, tables: tuple = DEFAULT_TABLES, published=None, records: bool = False) -> list[dict]:
    """:func:`process_one` for several articles: one Dask task per chunk keeps scheduling cheap."""
    return [process_one(item, tables, published, records) for item in items]


def _dask(items: Iterable[Item], tables, published, client, batch_size: int, records: bool,
          chunk_size: int = 16) -> Iterator[dict]:
    """Submit a batch of chunks at a time, so the scheduler never holds every article's text or
    result at once; the next batch is submitted before this one is gathered, so workers never wait."""
    import itertools

    iterator = iter(items)

    def submit():
        batch = list(itertools.islice(iterator, batch_size))
        chunks = [batch[i:i + chunk_size] for i in range(0, len(batch), chunk_size)]
        return (client.map(process_chunk, chunks, tables=tables, published=published, records=records, pure=False)
                if chunks else None)

    pending = submit()
    while pending:
        following = submit()
        for chunk in client.gather(pending):
            yield from chunk
        pending = following


def iter_corpus(paths_or_glob, *, engine: str | None = None, client=None, tables: tuple = DEFAULT_TABLES,
                published=None, progress: bool = False, batch_size: int = 256) -> Iterator[dict]:
    """Per-article results, in input order, as they are made: ``{"article_id", "tables"}`` or
    ``{"article_id", "error"}``. Streams: hand it a generator and nothing holds every text.
    Arguments as for :func:`corpus`."""
    return _results(paths_or_glob, engine, client, tables, published, progress, batch_size, records=False)


def _results(paths_or_glob, engine, client, tables, published, progress, batch_size, records) -> Iterator[dict]:
    """:func:`iter_corpus`; with ``records``, claims may come as records (see :func:`process_one`)."""
    items = expand(paths_or_glob)
    if client is not None:
        engine = "dask"
    engine = engine or "pandas"
    if engine == "dask":
        if client is None:
            from distributed import default_client

            try:
                client = default_client()
            except ValueError:
                raise ClaimframeError("engine='dask' needs a dask.distributed Client: start one "
                                      "(Client(LocalCluster())) or pass client=") from None
        return _dask(items, tables, published, client, batch_size, records)
    if engine == "pandas":
        return _local(items, tables, published, progress, records)
    raise ClaimframeError(f"engine={engine!r}: use 'pandas' or 'dask'")


def corpus(paths_or_glob, *, engine: str | None = None, client=None, tables: tuple = DEFAULT_TABLES,
           published=None, progress: bool = False, batch_size: int = 256) -> CorpusResult:
    """The tables of many articles, concatenated in input order, each with an ``article_id``.

    ``paths_or_glob``: a glob ("data/articles/*"), a folder of article folders, or an iterable of
    paths and ``(article_id, text)`` or ``(article_id, text, meta)`` tuples. ``engine``:
    ``"pandas"`` (in process, the default) or ``"dask"`` (on ``client``, or on the current default
    ``dask.distributed`` client). ``progress`` shows a tqdm bar in process.
    """
    import pandas as pd

    results = _results(paths_or_glob, engine, client, tables, published, progress, batch_size, records=True)
    parts = {name: _TableParts(name) for name in tables}
    errors = []
    for result in results:
        if "error" in result:
            errors.append({"article_id": result["article_id"], "error": result["error"]})
            continue
        for name, part in result["tables"].items():
            parts[name].add(part)
    out = {name: p.table() for name, p in parts.items()}
    return CorpusResult(out, pd.DataFrame(errors, columns=["article_id", "error"]))


class _TableParts:
    """One table's pieces, in input order: per-article DataFrames, and runs of records (each with
    its ``article_id``) built into one DataFrame per RECORDS_PER_TABLE rows."""

    def __init__(self, name: str):
        self.name, self.frames, self.rows = name, [], []

    def add(self, part) -> None:
        if isinstance(part, list):
            self.rows.extend(part)
            if len(self.rows) >= RECORDS_PER_TABLE:
                self._build()
        elif len(part):
            self._build()  # the records so far come first
            self.frames.append(part)

    def _build(self) -> None:
        if self.rows:
            df = from_records(self.name, self.rows)
            df.insert(0, "article_id", [row["article_id"] for row in self.rows])
            self.frames.append(df)
            self.rows = []

    def table(self) -> "pd.DataFrame":
        """Every piece concatenated; an empty table (with article_id) when there is none."""
        import pandas as pd

        self._build()
        if self.frames:
            out = pd.concat(self.frames, ignore_index=True) if len(self.frames) > 1 else self.frames[0]
        else:
            out = empty(self.name) if self.name in TABLES else pd.DataFrame()
            out.insert(0, "article_id", pd.Series(dtype="string"))
        out["article_id"] = out["article_id"].astype("string")
        return out
