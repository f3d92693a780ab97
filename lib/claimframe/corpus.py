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
#: corpus() gathers each table column by column (see _TableParts): claim records are built into a
#: table every RECORDS_PER_TABLE rows; strings are joined into one Arrow array every
#: FRAMES_PER_BATCH articles (or RECORDS_PER_TABLE rows).
RECORDS_PER_TABLE = 20_000
FRAMES_PER_BATCH = 64


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
    """One table of a corpus, gathered column by column as the articles arrive, in input order.

    Each article's rows arrive as a small DataFrame (or, for claims alone, as records). Keeping
    those DataFrames until the end cost far more than their rows (every column is its own arrays
    and objects), and concatenating them at the end copied every number once more. Instead each
    DataFrame is taken apart on arrival and dropped: its numbers, booleans, dates and category
    codes are appended to one growing array per column (:class:`_Growing`), its Arrow strings
    are kept and copied into one Arrow array per FRAMES_PER_BATCH articles. Memory thus follows
    the rows, not the number of articles, and the result is built from those arrays without a
    final copy.

    A run of DataFrames with the same columns and dtypes is gathered this way (normally the whole
    corpus); one with other columns or dtypes starts a new run, and runs are joined with
    pd.concat at the end. So the rows, order and dtypes are those of one pd.concat of every
    article's table."""

    def __init__(self, name: str):
        self.name = name
        self.runs = []      # finished runs, as DataFrames (normally none)
        self.signature = None  # the current run's columns and dtypes
        self.columns = {}   # the current run's columns: name -> _Column
        self.records = []   # the current run of records, each with its article_id
        self.rows = 0       # rows in the current run

    def add(self, part) -> None:
        if isinstance(part, list):
            self.records.extend(part)
            if len(self.records) >= RECORDS_PER_TABLE:
                self._build_records()
        elif len(part):
            self._build_records()  # the records so far come first
            self._append(part)

    def _build_records(self) -> None:
        if self.records:
            df = from_records(self.name, self.records)
            df.insert(0, "article_id", [row["article_id"] for row in self.records])
            self.records = []
            self._append(df)

    def _append(self, df: "pd.DataFrame") -> None:
        signature = (tuple(df.columns), tuple(df.dtypes))
        if signature != self.signature:
            self._finish_run()
            self.signature = signature
            self.columns = {col: _Column(df[col].array) for col in df.columns}
        for col, column in self.columns.items():
            column.append(df[col].array)
        self.rows += len(df)

    def _finish_run(self) -> None:
        import pandas as pd

        if self.columns:
            self.runs.append(pd.DataFrame({col: c.array() for col, c in self.columns.items()},
                                          index=pd.RangeIndex(self.rows), copy=False))
        self.signature, self.columns, self.rows = None, {}, 0

    def table(self) -> "pd.DataFrame":
        """Every row gathered; an empty table (with article_id) when there is none."""
        import pandas as pd

        self._build_records()
        self._finish_run()
        if self.runs:
            out = pd.concat(self.runs, ignore_index=True) if len(self.runs) > 1 else self.runs[0]
            self.runs = []
        else:
            out = empty(self.name) if self.name in TABLES else pd.DataFrame()
            out.insert(0, "article_id", pd.Series(dtype="string"))
        out["article_id"] = out["article_id"].astype("string")
        return out


class _Column:
    """One column of a run: its pieces gathered compactly, all of the dtype of the first."""

    def __init__(self, first):
        import numpy as np
        import pandas as pd

        self.dtype, self.type = first.dtype, type(first)
        self.pieces = []  # Arrow arrays or pandas arrays waiting to be joined (strings, other dtypes)
        self.joined = []  # what they were joined into, FRAMES_PER_BATCH pieces at a time
        self.waiting_rows = 0
        self.values = self.mask = None
        if isinstance(first, (pd.arrays.IntegerArray, pd.arrays.FloatingArray, pd.arrays.BooleanArray)):
            self.kind = "masked"
            self.values, self.mask = _Growing(self.dtype.numpy_dtype), _Growing(np.bool_)
        elif isinstance(first, pd.Categorical):
            self.kind = "categorical"
            self.values = _Growing(first.codes.dtype)
        elif isinstance(self.dtype, np.dtype) and self.dtype.kind in "biufcmM":
            self.kind = "numpy"
            self.values = _Growing(self.dtype)
        elif isinstance(first, pd.arrays.ArrowStringArray):
            self.kind = "arrow"
        else:
            self.kind = "other"

    def append(self, values) -> None:
        import numpy as np

        if self.kind == "masked":
            mask = values.isna()
            self.values.extend(values.to_numpy(dtype=self.dtype.numpy_dtype, na_value=self.dtype.numpy_dtype.type(0)))
            self.mask.extend(mask)
        elif self.kind == "categorical":
            self.values.extend(values.codes)
        elif self.kind == "numpy":
            self.values.extend(np.asarray(values))
        else:
            self.pieces.extend(values.__arrow_array__().chunks if self.kind == "arrow" else [values])
            self.waiting_rows += len(values)
            if len(self.pieces) >= FRAMES_PER_BATCH or self.waiting_rows >= RECORDS_PER_TABLE:
                self._join()

    def _join(self) -> None:
        """The waiting pieces as one array (for strings, one Arrow array: pd.concat alone would only
        list the small ones, and keep them all)."""
        if self.pieces:
            if self.kind == "arrow":
                import pyarrow as pa

                self.joined.append(pa.concat_arrays(self.pieces))
            else:
                self.joined.append(_concat_arrays(self.pieces))
            self.pieces, self.waiting_rows = [], 0

    def array(self):
        """The gathered column, as one array of its dtype."""
        import pandas as pd

        if self.kind == "masked":
            return self.type(self.values.array(), self.mask.array())
        if self.kind == "categorical":
            return pd.Categorical.from_codes(self.values.array(), dtype=self.dtype, validate=False)
        if self.kind == "numpy":
            return self.values.array()
        self._join()
        if self.kind == "arrow":
            import pyarrow as pa

            return pd.arrays.ArrowStringArray(pa.chunked_array(self.joined, type=pa.large_string()), dtype=self.dtype)
        return _concat_arrays(self.joined)


def _concat_arrays(arrays: list):
    """pandas arrays of one dtype as one, as pd.concat joins a column."""
    import pandas as pd

    if len(arrays) == 1:
        return arrays[0]
    return pd.concat([pd.Series(a, copy=False) for a in arrays], ignore_index=True).array


class _Growing:
    """A numpy array that grows as values are appended, doubling its room when full.

    Its memory is an anonymous memory map of its own rather than the heap: when the array moves
    to a bigger map, the old one goes back to the system at once (freed heap memory of that size
    mostly stays with the process), and the room not used yet is never touched, so it costs no
    resident memory. The final array is a view of the first ``n`` values."""

    def __init__(self, dtype):
        import numpy as np

        self.dtype, self.n, self.room = np.dtype(dtype), 0, None

    def extend(self, values) -> None:
        end = self.n + len(values)
        if self.room is None or end > len(self.room):
            room = _mapped(max(end, 2 * self.n, 4096 // self.dtype.itemsize), self.dtype)
            if self.n:
                room[:self.n] = self.room[:self.n]
            self.room = room
        self.room[self.n:end] = values
        self.n = end

    def array(self):
        import numpy as np

        return self.room[:self.n] if self.room is not None else np.empty(0, self.dtype)


def _mapped(length: int, dtype):
    """A writable numpy array of ``length`` values in a new anonymous memory map."""
    import mmap

    import numpy as np

    return np.frombuffer(mmap.mmap(-1, length * dtype.itemsize), dtype=dtype)
