"""The curated gazetteer (data/gazetteer.csv) and the offline basemap, read and validated.

Both are read once per process and kept while the file is unchanged (cached on its path and
modification time), however many articles or tables ask for them.
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from claimframe.errors import ClaimframeError, GazetteerError
from claimframe.paths import data_dir
from claimframe.schema import PLACE_KINDS, REQUIRED, TABLES, from_records, selection, typed

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def _typed(table: str, rows: "list[dict] | pd.DataFrame") -> "pd.DataFrame":
    """The table's columns with their dtypes (contracts in schema.py)."""
    return from_records(table, rows) if isinstance(rows, list) else typed(table, rows)


# --------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------

def _file_key(path: Path) -> tuple:
    """What says a file is the one read before: its path, modification time and size. Asked for
    every article, so ``os`` directly: Path.resolve() is realpath plus a stat this has made."""
    st = os.stat(path)
    return (os.path.realpath(path), st.st_mtime_ns, st.st_size)


def gazetteer_version(path: str | Path | None = None) -> tuple:
    """What identifies the gazetteer file as read (path, modification time, size): indexes built
    from it are kept under this key."""
    return _file_key(Path(path) if path is not None else data_dir() / "gazetteer.csv")


_GAZETTEERS: dict[tuple, "pd.DataFrame"] = {}


def load_gazetteer(path: str | Path | None = None) -> "pd.DataFrame":
    """Read the curated gazetteer (default ``data/gazetteer.csv``), typed and checked.

    Read once per process: the table is kept while the file's modification time and size stay
    the same, and each call gets its own copy (a caller may add columns). Raises
    :class:`GazetteerError` when the file is missing, a column is missing, a ``place_id``
    repeats, or a coordinate is out of range.

        >>> load_gazetteer().set_index("place_id").loc["mosul", ["lat", "lon"]].tolist()
        [36.335, 43.11889]
    """
    path = Path(path) if path is not None else data_dir() / "gazetteer.csv"
    if not path.is_file():
        raise GazetteerError(f"gazetteer not found: {path}; pass the path of a gazetteer CSV "
                             "(see data/README.md for its columns)")
    key = _file_key(path)
    if key not in _GAZETTEERS:
        gazetteer = _read_gazetteer(path)  # raises on a damaged file: nothing is kept then
        _GAZETTEERS.clear()  # one gazetteer at a time is what any run uses
        _GAZETTEERS[key] = gazetteer
    return _GAZETTEERS[key].copy()


#: Views of the curated gazetteer made from it (positions, kinds), each kept under the key of the
#: file it was made from, like the table itself.
_VIEWS: dict[tuple[str, tuple], dict] = {}


def _view(what: str, path: str | Path | None, make) -> dict:
    """``make(gazetteer)``, made once per version of the file: the places and checks ask for every
    article, and copying and converting the table each time cost more than their work."""
    path = Path(path) if path is not None else data_dir() / "gazetteer.csv"
    if not path.is_file():
        return make(load_gazetteer(path))  # raises its clear GazetteerError
    key = (what, _file_key(path))
    if key not in _VIEWS:
        view = make(load_gazetteer(path))  # raises on a missing or damaged file: nothing is kept then
        for old in [k for k in _VIEWS if k[0] == what]:
            del _VIEWS[old]  # one gazetteer at a time is what any run uses
        _VIEWS[key] = view
    return _VIEWS[key]


def gazetteer_positions(path: str | Path | None = None) -> dict[str, tuple[float, float]]:
    """place_id -> (lat, lon) of the curated gazetteer (a copy: the caller may change it)."""
    return dict(_view("positions", path, lambda g: {str(p): (float(la), float(lo))
                                                    for p, la, lo in zip(g["place_id"], g["lat"], g["lon"])}))


def gazetteer_kinds(path: str | Path | None = None) -> dict[str, str]:
    """place_id -> kind of the curated gazetteer (a copy: the caller may change it)."""
    return dict(_view("kinds", path, lambda g: {str(p): str(k) for p, k in zip(g["place_id"], g["kind"])}))


def _read_gazetteer(path: Path) -> "pd.DataFrame":
    import pandas as pd

    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    missing = [c for c in TABLES["gazetteer"] if c not in raw.columns and c in REQUIRED["gazetteer"]]
    if missing:
        raise GazetteerError(f"{path}: missing column(s) {', '.join(missing)}; "
                             f"expected {', '.join(TABLES['gazetteer'])} (all but "
                             f"{', '.join(c for c in TABLES['gazetteer'] if c not in REQUIRED['gazetteer'])} required)")
    for col in TABLES["gazetteer"]:
        if col not in raw.columns:
            raw[col] = None  # an optional column left out
    for col in ("lat", "lon", "geonames_id"):
        bad = raw[col].notna() & pd.to_numeric(raw[col], errors="coerce").isna()
        if bad.any():
            row = raw.index[bad][0]
            raise GazetteerError(f"{path}, row {row + 2}: {col} {raw.at[row, col]!r} is not a number")
        raw[col] = pd.to_numeric(raw[col])
    bad_kind = raw["kind"].notna() & ~raw["kind"].isin(PLACE_KINDS)
    if bad_kind.any():
        row = raw.index[bad_kind][0]
        raise GazetteerError(f"{path}, row {row + 2}: kind {raw.at[row, 'kind']!r} is not one of "
                             f"{', '.join(PLACE_KINDS)}")
    gaz = _typed("gazetteer", raw)
    for col in REQUIRED["gazetteer"]:
        if gaz[col].isna().any():
            row = int(gaz.index[gaz[col].isna()][0])
            raise GazetteerError(f"{path}, row {row + 2}: {col} is empty; it is required")
    dup = gaz["place_id"][gaz["place_id"].duplicated()]
    if len(dup):
        raise GazetteerError(f"{path}: place_id {dup.iloc[0]!r} appears more than once")
    if not (gaz["lat"].between(-90, 90).all() and gaz["lon"].between(-180, 180).all()):
        raise GazetteerError(f"{path}: a lat is outside -90..90 or a lon outside -180..180 "
                             "(columns are lat, lon in WGS84 degrees)")
    return gaz


_WORLD: dict[tuple, list[dict]] = {}


def world_gazetteer_path() -> Path:
    """``gazetteer-world.csv`` of the data directory, else the one shipped beside the code (a data
    directory set through $CLAIMFRAME_DATA need not carry its own copy)."""
    path = data_dir() / "gazetteer-world.csv"
    if path.is_file():
        return path
    return Path(__file__).resolve().parents[3] / "data" / "gazetteer-world.csv"


def load_world_gazetteer(path: str | Path | None = None) -> list[dict]:
    """The world gazetteer (``data/gazetteer-world.csv``, built by ``data/build_gazetteer.py``):
    countries, continents, states/provinces and counties with a point and a population, as a list
    of dicts (read once per file version; the place finder indexes it once).

    Plain ``csv``, no pandas: the place finder reads it on its first article, and 20,000 rows must
    not cost a DataFrame. Raises :class:`GazetteerError` when the file is missing or a row is damaged.

        >>> [r["name"] for r in load_world_gazetteer() if r["place_id"] == "gn-5332921"]
        ['California']
    """
    import csv

    path = Path(path) if path is not None else world_gazetteer_path()
    if not path.is_file():
        raise GazetteerError(f"world gazetteer not found: {path}; regenerate it with "
                             "bash data/geo/make_world.sh (see data/README.md)")
    key = _file_key(path)
    if key not in _WORLD:
        rows = []
        with path.open(encoding="utf-8", newline="") as f:
            for i, r in enumerate(csv.DictReader(f), start=2):
                try:
                    r["lat"], r["lon"] = float(r["lat"]), float(r["lon"])
                    r["population"] = int(r["population"] or 0)
                    r["geonames_id"] = int(r["geonames_id"]) if r["geonames_id"] else None
                except (KeyError, TypeError, ValueError) as e:
                    raise GazetteerError(f"{path}, row {i}: {e}") from None
                if r["kind"] not in PLACE_KINDS or not (-90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180):
                    raise GazetteerError(f"{path}, row {i}: kind {r['kind']!r} or lat/lon out of range")
                rows.append(r)
        _WORLD.clear()
        _WORLD[key] = rows
    return _WORLD[key]


def load_basemap(path: str | Path | None = None, layer: str | None = None) -> dict:
    """The offline regional basemap (``data/geo/iraq-region.geojson``) as a GeoJSON dict.

    ``layer`` keeps only the features of one layer: ``"country"``, ``"river"`` or ``"lake"``.
    See ``data/geo/README.md`` for where it comes from and how to regenerate it.
    """
    path = Path(path) if path is not None else data_dir() / "geo" / "iraq-region.geojson"
    if not path.is_file():
        raise ClaimframeError(f"basemap not found: {path}; regenerate it with "
                              "bash data/geo/make_basemap.sh")
    fc = _read_basemap(*_file_key(path))
    if layer is not None:
        layers = {f["properties"].get("layer") for f in fc["features"]}
        if layer not in layers:
            raise ClaimframeError(f"basemap {path} has no layer {layer!r}; "
                                  f"its layers are {', '.join(sorted(layers))}")
        fc = dict(fc, features=[f for f in fc["features"] if f["properties"].get("layer") == layer])
    return dict(fc, features=list(fc["features"]))


def load_world_basemap(path: str | Path | None = None) -> dict:
    """The offline world basemap (``data/geo/world.geojson``: every country, the states and
    provinces of the USA, Canada, Australia and Brazil, lakes and rivers, Natural Earth 1:50m) as a
    GeoJSON dict; see data/geo/README.md. Read once per file version."""
    if path is None:
        path = data_dir() / "geo" / "world.geojson"
        if not path.is_file():
            path = Path(__file__).resolve().parents[3] / "data" / "geo" / "world.geojson"
    path = Path(path)
    if not path.is_file():
        raise ClaimframeError(f"world basemap not found: {path}; regenerate it with "
                              "bash data/geo/make_world.sh")
    fc = _read_basemap(*_file_key(path))
    return dict(fc, features=list(fc["features"]))


@functools.lru_cache(maxsize=4)
def _read_basemap(path: str, mtime_ns: int, size: int) -> dict:
    """The parsed GeoJSON, kept per file version (callers get filtered copies of its feature
    list, never a changed dict)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def filter_places(df: "pd.DataFrame", kinds: str | Iterable[str] | None = None,
                  place_ids: str | Iterable[str] | None = None,
                  resolution: str | Iterable[str] | None = None) -> "pd.DataFrame":
    """Rows of a gazetteer or of :func:`find_places` output matching every filter given.

    Each filter takes one value or several; ``None`` or an empty list means no filter
    (:func:`claimframe.schema.selection`).

        >>> filter_places(load_gazetteer(), kinds=["town", "base"])["place_id"].tolist()
        ['qayyarah', 'qayyarah-airfield-west', 'bashiqa']
    """
    keep = None
    for col, want in (("kind", selection(kinds)), ("place_id", selection(place_ids)),
                      ("resolution", selection(resolution))):
        if want is None:
            continue
        if col not in df.columns:
            raise ClaimframeError(f"filter_places: the table has no {col!r} column to filter on "
                                  f"(columns: {', '.join(df.columns)})")
        mask = df[col].astype(object).isin(want)
        keep = mask if keep is None else keep & mask
    return df if keep is None else df[keep.to_numpy(dtype=bool)].reset_index(drop=True)
