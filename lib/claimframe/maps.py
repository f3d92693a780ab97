"""Maps of the places an article names and the distances it states, drawn offline.

Why: "some 50 kilometers south of Mosul" is a claim a reader can see. The map puts every place
the article names on a small basemap (``data/geo/iraq-region.geojson``: no tile server, no
cartopy download), marker area by how often it is named, and for each relative position draws
what the article says (the anchor, the distance ring, the point the stated distance and
direction give) against where the gazetteer puts the place, with the error written beside it.

Pure functions and one widget class, as the conventions ask:

* :func:`place_counts` — one row per resolved place: coordinates and how often it is named;
* :func:`locate_relations` — the relations table plus anchor and subject coordinates;
* :func:`relation_table` — the numbers of one relation (or all), tidy, for display;
* :func:`plot_map` — the map on plain lon/lat axes (aspect set by cos(latitude)), returns the Axes;
* :func:`places_geojson` — places and relations as a GeoJSON FeatureCollection;
* :func:`map_explorer` — ipywidgets controls wired to the above (``update()`` redraws).

Filtering is :func:`claimframe.places.filter_places` (re-exported here).

    >>> import claimframe
    >>> a = claimframe.load_article("iraq-shiite-militias-2016")
    >>> place_counts(a.places).head(2)[["place_id", "mentions"]].values.tolist()   # doctest: +SKIP
    [['gn-6252001', 20], ['mosul', 11]]

Every drawn artist of interest carries a ``gid`` ("place:<place_id>", "ring:<relation_id>",
"stated:<relation_id>", "miss:<relation_id>", "error:<relation_id>", "scalebar", "inset",
"no-places", ...) so tests and tooltips can find it.
"""
from __future__ import annotations

import math
import re
import textwrap
from typing import TYPE_CHECKING, Any, Iterable

from .errors import ClaimframeError
from .places import (destination, distance_bearing, filter_places, load_basemap, load_gazetteer,
                     outlying_places, ring)
from .schema import PLACE_COUNTS, PLACE_KINDS, RELATION_NUMBERS, from_records, is_missing, typed
from .style import FIGSIZE_MAP, GREY, chart_text
from .widgets import WidgetView

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes

    from .article import Article

__all__ = [
    "AREA_KINDS",
    "EXTENTS",
    "MAP_BOX",
    "POINT_KINDS",
    "RELATION_COLOURS",
    "MapExplorer",
    "describe_relation",
    "filter_places",
    "locate_relations",
    "map_explorer",
    "nice_scale_km",
    "place_counts",
    "places_geojson",
    "plot_map",
    "relation_label",
    "relation_table",
    "relations_for",
    "resolve_extent",
]

#: Named views, (lon0, lon1, lat0, lat1) in WGS84 degrees; widened to the axes' shape when drawn.
EXTENTS: dict[str, tuple[float, float, float, float]] = {
    "mosul-area": (42.35, 44.05, 35.45, 36.95),
    "iraq": (38.6, 48.9, 28.9, 37.5),
}
#: Kinds drawn as markers; the others (areas) are drawn as labels with their mention count.
POINT_KINDS = ("city", "town", "village", "base")
AREA_KINDS = ("region", "country")
#: Relations take these colours in reading order (Okabe-Ito, yellow left out).
RELATION_COLOURS = ("#D55E00", "#0072B2", "#CC79A7", "#E69F00", "#009E73", "#56B4E9")
#: Where the map axes sit in a figure plot_map makes (left, bottom, width, height).
MAP_BOX = (0.03, 0.15, 0.94, 0.75)

_PLACE_COLOUR = "#222222"
_SEA = "#dde9f2"
_NO_DATA = "#f6f6f4"
_LAND = {"Iraq": "#fdfdfa"}
_LAND_FOCUS, _LAND_CONTEXT = "#eeeeea", "#f1f1ee"
_BORDER = "#8c8c8c"
_RIVER = "#4a9fd8"
_LAKE = "#c4dbec"
_TEXT = "#333333"
_MARKERS = {"city": "o", "town": "o", "village": "o", "base": "s"}
_COMPASS16 = ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
              "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")
_ARROWS8 = ("↑", "↗", "→", "↘", "↓", "↙", "←", "↖")
_MINUS = "\u2212"

_QUANTITIES = ("distance", "bearing", "latitude", "longitude", "position")


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

def _isna(v: Any) -> bool:
    return not isinstance(v, str) and is_missing(v)


def _f(v: Any) -> float | None:
    return None if _isna(v) else float(v)


def place_counts(places: "pd.DataFrame") -> "pd.DataFrame":
    """One row per resolved place (a mention with a ``place_id``) of :func:`find_places` output:
    ``place_id``, ``name`` (gazetteer or GeoNames), ``label`` (what a map writes: the curated
    name, or for a GeoNames fallback the article's own spelling, since GeoNames names carry
    transliteration marks: "Sāmarrā’"), ``kind``, ``lat``/``lon`` (empty for a country GeoNames
    gives no point for), ``mentions``, ``spellings`` (the article's spellings, "; "-separated,
    in reading order), ``first_start`` and ``resolution``. Most-named first, ties in reading
    order. Unresolved mentions have no place to count and are left out. A table that already
    has a ``mentions`` column is returned typed, unchanged.
    """
    if "mentions" in places.columns:
        return typed(PLACE_COUNTS, places)
    if not len(places):
        return from_records(PLACE_COUNTS, [])
    df = places[places["place_id"].notna().to_numpy(dtype=bool)]
    df = df.sort_values(["start", "end"], kind="stable")
    rows = []
    for pid, g in df.groupby("place_id", sort=False):
        texts = [str(t) for t in g["text"]]
        spellings = list(dict.fromkeys(texts))
        first = g.iloc[0]
        resolution = str(first["resolution"])
        name = None if _isna(first["name"]) else str(first["name"])
        common = max(spellings, key=lambda s: (texts.count(s), -spellings.index(s)))
        rows.append({
            "place_id": str(pid),
            "name": name,
            "label": name if (resolution == "curated" and name) else common,
            "kind": None if _isna(first["kind"]) else str(first["kind"]),
            "lat": _f(first["lat"]),
            "lon": _f(first["lon"]),
            "mentions": len(g),
            "spellings": "; ".join(spellings),
            "first_start": int(first["start"]),
            "resolution": resolution,
        })
    rows.sort(key=lambda r: (-r["mentions"], r["first_start"]))
    return from_records(PLACE_COUNTS, rows)


_GAZETTEER_CACHE: dict[tuple, dict[str, tuple[float, float]]] = {}


def _gazetteer_positions() -> dict[str, tuple[float, float]]:
    """place_id -> (lat, lon) of the curated gazetteer, read again when the file changes."""
    from .paths import data_dir

    path = data_dir() / "gazetteer.csv"
    key = (str(path), path.stat().st_mtime_ns if path.is_file() else None)
    if key not in _GAZETTEER_CACHE:
        gaz = load_gazetteer()
        _GAZETTEER_CACHE.clear()
        _GAZETTEER_CACHE[key] = {str(p): (float(la), float(lo))
                                 for p, la, lo in zip(gaz["place_id"], gaz["lat"], gaz["lon"])}
    return _GAZETTEER_CACHE[key]


def _positions(places: "pd.DataFrame | None") -> dict[str, tuple[float, float]]:
    """place_id -> (lat, lon): the places table's first, then the curated gazetteer's."""
    out: dict[str, tuple[float, float]] = {}
    if places is not None and len(places):
        for pid, lat, lon in zip(places["place_id"], places["lat"], places["lon"]):
            if not _isna(pid) and not _isna(lat) and not _isna(lon) and str(pid) not in out:
                out[str(pid)] = (float(lat), float(lon))
    for pid, latlon in _gazetteer_positions().items():
        out.setdefault(pid, latlon)
    return out


def locate_relations(relations: "pd.DataFrame | None",
                     places: "pd.DataFrame | None" = None) -> "pd.DataFrame":
    """The relations table (:func:`claimframe.places.find_relations`) with ``anchor_lat``,
    ``anchor_lon``, ``subject_lat``, ``subject_lon`` added, looked up by place_id in ``places``
    (mentions or :func:`place_counts` output) and then in the curated gazetteer. Empty when a
    place has no coordinates (an unresolved subject such as "Taji"): never guessed.
    Already-located tables pass through."""
    import pandas as pd

    from .schema import empty

    rel = empty("relations") if relations is None else relations
    if {"anchor_lat", "subject_lat"} <= set(rel.columns):
        return rel
    pos = _positions(places)
    out = rel.copy()
    for role in ("anchor", "subject"):
        ids = out[f"{role}_place_id"] if f"{role}_place_id" in out else pd.Series([None] * len(out))
        got = [pos.get(str(p)) if not _isna(p) else None for p in ids]
        out[f"{role}_lat"] = pd.array([g[0] if g else None for g in got], dtype="Float64")
        out[f"{role}_lon"] = pd.array([g[1] if g else None for g in got], dtype="Float64")
    return out.reset_index(drop=True)


def _compass(deg: float) -> str:
    return _COMPASS16[int(math.floor((deg % 360.0) / 22.5 + 0.5)) % 16]


def _num(x: float) -> str:
    """Kilometres as a map writes them: whole above 10, one decimal below."""
    x = abs(x)
    return f"{x:.0f}" if x >= 9.95 else f"{x:.1f}".rstrip("0").rstrip(".")


def _signed(x: float) -> str:
    s = _num(x)
    return "0" if s == "0" else (_MINUS if x < 0 else "+") + s


def _stated_distance(r: dict) -> str:
    """'50 km', or '50 mi (80 km)' when the article gave miles (read from the phrase itself)."""
    km = _f(r.get("distance_km"))
    if km is None:
        return "?"
    text = str(r.get("text") or "")
    direction = str(r.get("direction") or "")
    cut = text.lower().rfind(direction.lower()) if direction else -1
    claim = text[:cut] if cut > 0 else text
    if re.search(r"\bmi(?:les?)?\b", claim, re.I) and not re.search(r"kilomet|\bkm\b", claim, re.I):
        return f"{_num(km / 1.609344)} mi ({_num(km)} km)"
    return f"{_num(km)} km"


def describe_relation(r: "dict | pd.Series") -> str:
    """What the map writes beside a relation, e.g.::

        stated 50 km S of Mosul
        measured 63 km, error −13 km

    A third line gives the bearing when it is 10 degrees or more off; a subject the gazetteer
    cannot place says so instead of the measurement.
    """
    r = dict(r)
    anchor = str(r.get("anchor") or "?")
    lines = [f"stated {_stated_distance(r)} {_compass(float(r['bearing_deg']))} of {anchor}"]
    gkm, err = _f(r.get("gazetteer_km")), _f(r.get("error_km"))
    subject = None if _isna(r.get("subject")) else str(r["subject"])
    if gkm is not None:
        line = f"measured {_num(gkm)} km"
        if err is not None:
            # the error to the precision of the numbers it is the difference of
            whole = gkm >= 9.95 and (_f(r.get("distance_km")) or 0) >= 9.95
            line += f", error {_signed(round(err) if whole else err)} km"
        lines.append(line)
        edeg = _f(r.get("error_deg"))
        gaz = _f(r.get("gazetteer_bearing_deg"))
        if edeg is not None and gaz is not None and abs(edeg) >= 10:
            lines.append(f"bearing {gaz:.0f}° ({_compass(gaz)}), {abs(edeg):.0f}° off")
    elif subject is None:
        lines.append("no place named for it to locate")
    else:
        lines.append(f"no coordinates found for “{subject}”")
    return "\n".join(lines)


def relation_label(r: "dict | pd.Series") -> str:
    """'Bashiqa: “some 13 kilometers (8 miles) northeast of Mosul”' (dropdowns, titles)."""
    r = dict(r)
    subject = "(no subject)" if _isna(r.get("subject")) else str(r["subject"])
    return f"{subject}: “{r['text']}”"


def relation_table(relations: "pd.DataFrame", relation_id: str | None = None,
                   places: "pd.DataFrame | None" = None) -> "pd.DataFrame":
    """The numbers of one relation (or of all, ``relation_id=None``), tidy: one row per
    ``quantity`` (distance, bearing, latitude, longitude, position) with what the article
    states, what the gazetteer gives, the error (stated - gazetteer) and the unit.

    ``stated`` latitude/longitude are where the stated distance and direction put the subject;
    the ``position`` row's error is the geodesic distance from there to the gazetteer's point.
    Kilometres and degrees are rounded to 0.1, coordinates to 0.0001 (about 10 m): this is a
    display table; the relations table keeps full precision. ``places`` gives the subject's
    coordinates (default: the curated gazetteer).

        >>> relation_table(article.relations, "r-890306fbbc")   # doctest: +SKIP
          relation_id                     subject anchor   quantity  stated  gazetteer  error     unit
        0 r-890306fbbc  Qayara West Coalition base  Mosul   distance    50.0       63.2  -13.2       km
        ...
    """
    rel = locate_relations(relations, places)
    if relation_id is not None:
        if relation_id not in set(rel["relation_id"].astype(object)):
            known = ", ".join(str(x) for x in rel["relation_id"]) or "none"
            raise ClaimframeError(f"relation_table: no relation {relation_id!r}; the relations "
                                  f"are {known}")
        rel = rel[(rel["relation_id"] == relation_id).to_numpy(dtype=bool)]
    rows = []
    for r in rel.to_dict("records"):
        ilat, ilon = _f(r.get("implied_lat")), _f(r.get("implied_lon"))
        slat, slon = _f(r.get("subject_lat")), _f(r.get("subject_lon"))
        miss = None
        if None not in (ilat, ilon, slat, slon):
            miss = float(distance_bearing(ilat, ilon, slat, slon)[0])
        hedge = None if _isna(r.get("hedge")) else str(r["hedge"])
        base = {"relation_id": r["relation_id"], "subject": r.get("subject"), "anchor": r["anchor"]}

        def rnd(v, nd):
            return None if v is None else round(float(v), nd)

        rows += [
            dict(base, quantity="distance", stated=rnd(_f(r.get("distance_km")), 1),
                 gazetteer=rnd(_f(r.get("gazetteer_km")), 1), error=rnd(_f(r.get("error_km")), 1),
                 unit="km", note=f"“{r['text']}”" + (f" ({hedge})" if hedge else "")),
            dict(base, quantity="bearing", stated=rnd(_f(r.get("bearing_deg")), 1),
                 gazetteer=rnd(_f(r.get("gazetteer_bearing_deg")), 1),
                 error=rnd(_f(r.get("error_deg")), 1), unit="degrees",
                 note=f"{r.get('direction')}; clockwise from north"),
            dict(base, quantity="latitude", stated=rnd(ilat, 4), gazetteer=rnd(slat, 4),
                 unit="degrees N", note="stated: the anchor moved by the stated distance"),
            dict(base, quantity="longitude", stated=rnd(ilon, 4), gazetteer=rnd(slon, 4),
                 unit="degrees E", note="gazetteer: data/gazetteer.csv or GeoNames"),
            dict(base, quantity="position", error=rnd(miss, 1), unit="km",
                 note="how far the stated point is from the gazetteer's"),
        ]
    return from_records(RELATION_NUMBERS, rows)


# --------------------------------------------------------------------------------------------
# GeoJSON
# --------------------------------------------------------------------------------------------

def _json_value(v: Any) -> Any:
    import numpy as np

    if _isna(v):
        return None
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return float(v)
    if isinstance(v, (np.bool_,)):
        return bool(v)
    return v if isinstance(v, (int, bool, str)) else str(v)


def _pt(lat: float, lon: float) -> list[float]:
    return [round(float(lon), 6), round(float(lat), 6)]


def places_geojson(places: "pd.DataFrame", relations: "pd.DataFrame | None" = None, *,
                   include_places: bool = True) -> dict:
    """Places and relative positions as a GeoJSON FeatureCollection (RFC 7946, lon/lat WGS84).

    - one Point per resolved place (``role`` "place": place_id, name, kind, mentions,
      spellings, resolution); a place without coordinates (a country GeoNames gives no point
      for) keeps its feature with a null geometry, as RFC 7946 allows;
    - per relation with a drawable anchor: a LineString anchor → stated point (``role``
      "stated", with the relation's numbers), a Point at the stated point (``role``
      "stated_position") and, when the gazetteer places the subject, a LineString anchor →
      subject (``role`` "measured").

    ``places`` is :func:`find_places` or :func:`place_counts` output; ``include_places=False``
    gives the relation features only (the CLI's ``relations --format geojson``).
    """
    features: list[dict] = []
    counts = place_counts(places)
    if include_places:
        for r in counts.to_dict("records"):
            lat, lon = _f(r["lat"]), _f(r["lon"])
            features.append({
                "type": "Feature",
                "id": str(r["place_id"]),
                "geometry": None if lat is None or lon is None else {"type": "Point",
                                                                     "coordinates": _pt(lat, lon)},
                "properties": {
                    "role": "place",
                    "place_id": str(r["place_id"]),
                    "name": _json_value(r["name"]),
                    "label": _json_value(r["label"]),
                    "kind": _json_value(r["kind"]),
                    "mentions": int(r["mentions"]),
                    "spellings": str(r["spellings"]).split("; "),
                    "resolution": _json_value(r["resolution"]),
                },
            })
    rel = locate_relations(relations, places)
    keys = ["relation_id", "claim_id", "text", "subject", "subject_place_id", "anchor",
            "anchor_place_id", "direction", "distance_km", "bearing_deg", "hedge",
            "gazetteer_km", "gazetteer_bearing_deg", "error_km", "error_deg"]
    for r in rel.to_dict("records"):
        props = {k: _json_value(r.get(k)) for k in keys}
        alat, alon = _f(r.get("anchor_lat")), _f(r.get("anchor_lon"))
        ilat, ilon = _f(r.get("implied_lat")), _f(r.get("implied_lon"))
        slat, slon = _f(r.get("subject_lat")), _f(r.get("subject_lon"))
        rid = str(r["relation_id"])
        if None in (alat, alon):
            continue
        if None not in (ilat, ilon):
            features.append({"type": "Feature", "id": f"{rid}:stated",
                             "geometry": {"type": "LineString",
                                          "coordinates": [_pt(alat, alon), _pt(ilat, ilon)]},
                             "properties": dict(props, role="stated")})
            features.append({"type": "Feature", "id": f"{rid}:stated_position",
                             "geometry": {"type": "Point", "coordinates": _pt(ilat, ilon)},
                             "properties": dict(props, role="stated_position")})
        if None not in (slat, slon):
            features.append({"type": "Feature", "id": f"{rid}:measured",
                             "geometry": {"type": "LineString",
                                          "coordinates": [_pt(alat, alon), _pt(slat, slon)]},
                             "properties": dict(props, role="measured")})
    return {"type": "FeatureCollection", "features": features}


# --------------------------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------------------------

def nice_scale_km(width_km: float, fraction: float = 0.2) -> float:
    """A round length for a scale bar about ``fraction`` of a map ``width_km`` wide
    (1, 2, 2.5 or 5 times a power of ten).

        >>> nice_scale_km(240), nice_scale_km(1100)
        (50.0, 200.0)
    """
    target = max(width_km * fraction, 1e-6)
    power = 10 ** math.floor(math.log10(target))
    best = power
    for m in (1, 2, 2.5, 5, 10):
        if m * power <= target:
            best = m * power
    return float(best)


def resolve_extent(extent: "str | tuple" = "auto", places: "pd.DataFrame | None" = None,
                   relations: "pd.DataFrame | None" = None, rings: bool = True,
                   pad: float = 0.18) -> tuple[float, float, float, float]:
    """(lon0, lon1, lat0, lat1) for a named extent, a 4-tuple, or "auto".

    "auto" fits what the relations draw (anchors, stated points, rings, subjects) when there
    are any, else the point places (cities, towns, villages, bases) but for a GeoNames namesake
    far from all the others (:func:`claimframe.places.outlying_places`), padded by ``pad`` of
    the span on each side and at least 0.6 degrees across; with neither it is "iraq". Places
    left outside are pointed to from the frame's edge.
    """
    import numpy as np

    if isinstance(extent, str):
        if extent in EXTENTS:
            return EXTENTS[extent]
        if extent != "auto":
            raise ClaimframeError(f"plot_map: extent {extent!r} is not one of "
                                  f"{', '.join(['auto', *EXTENTS])} or (lon0, lon1, lat0, lat1)")
    else:
        try:
            lon0, lon1, lat0, lat1 = (float(v) for v in extent)
        except (TypeError, ValueError):
            raise ClaimframeError(f"plot_map: extent {extent!r} is not (lon0, lon1, lat0, lat1) "
                                  "in degrees") from None
        if not (lon0 < lon1 and lat0 < lat1 and -90 <= lat0 and lat1 <= 90):
            raise ClaimframeError(f"plot_map: extent {extent!r} must have lon0 < lon1 and "
                                  "lat0 < lat1, latitudes within -90..90")
        return (lon0, lon1, lat0, lat1)
    lats: list[float] = []
    lons: list[float] = []
    rel = locate_relations(relations, places) if relations is not None else None
    if rel is not None:
        for r in rel.to_dict("records"):
            alat, alon = _f(r.get("anchor_lat")), _f(r.get("anchor_lon"))
            for la, lo in ((alat, alon), (_f(r.get("implied_lat")), _f(r.get("implied_lon"))),
                           (_f(r.get("subject_lat")), _f(r.get("subject_lon")))):
                if la is not None and lo is not None and alat is not None:
                    lats.append(la)
                    lons.append(lo)
            km = _f(r.get("distance_km"))
            if rings and km and alat is not None and alon is not None:
                rl, ro = ring(alat, alon, km, n=36)
                lats += list(rl)
                lons += list(ro)
    if not lats and places is not None and len(places):
        counts = place_counts(places)
        pts = counts[counts["kind"].isin(POINT_KINDS).to_numpy(dtype=bool)
                     & counts["lat"].notna().to_numpy(dtype=bool)]
        far = {r["place_id"] for r in outlying_places(places)}
        if far and len(pts) > len(far):  # a namesake an ocean away is pointed to, not fitted
            pts = pts[~pts["place_id"].isin(far).to_numpy(dtype=bool)]
        lats = [float(v) for v in pts["lat"]]
        lons = [float(v) for v in pts["lon"]]
    if not lats:
        return EXTENTS["iraq"]
    lat0, lat1, lon0, lon1 = min(lats), max(lats), min(lons), max(lons)
    k = math.cos(math.radians((lat0 + lat1) / 2))
    span_lat, span_lon = lat1 - lat0, (lon1 - lon0) * k  # in degrees of latitude
    least = 0.6
    margin = pad * max(span_lat, span_lon, least)
    dlat = margin + max(0.0, (least - span_lat) / 2)
    dlon = (margin + max(0.0, (least - span_lon) / 2)) / k
    out = (lon0 - dlon, lon1 + dlon, lat0 - dlat, lat1 + dlat)
    return tuple(float(np.round(v, 4)) for v in out)


def _fit_view(view, ax) -> tuple[float, float, float, float]:
    """Widen view so that, at cos(latitude) aspect, it fills the axes box."""
    lon0, lon1, lat0, lat1 = view
    fig = ax.figure
    pos = ax.get_position(original=True)
    w_in, h_in = pos.width * fig.get_figwidth(), pos.height * fig.get_figheight()
    k = math.cos(math.radians((lat0 + lat1) / 2))
    data_ratio = (lon1 - lon0) * k / (lat1 - lat0)
    box_ratio = w_in / h_in
    if data_ratio < box_ratio:
        half = (lat1 - lat0) * box_ratio / k / 2
        mid = (lon0 + lon1) / 2
        lon0, lon1 = mid - half, mid + half
    else:
        half = (lon1 - lon0) * k / box_ratio / 2
        mid = (lat0 + lat1) / 2
        lat0, lat1 = mid - half, mid + half
    return (lon0, lon1, lat0, lat1)


def _basemap_frame(basemap: dict) -> tuple[float, float, float, float] | None:
    """(lon0, lat0, lon1, lat1) the basemap extract covers (its metadata), or None."""
    frame = (basemap.get("metadata") or {}).get("frame_lon_lat")
    return tuple(float(v) for v in frame) if frame and len(frame) == 4 else None


def _polygons(geometry: dict) -> list[list]:
    if geometry is None:
        return []
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    return []


def _lines(geometry: dict) -> list[list]:
    if geometry is None:
        return []
    if geometry["type"] == "LineString":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiLineString":
        return list(geometry["coordinates"])
    return []


def _path(polygons: list[list]):
    """A compound matplotlib Path (holes included) for a list of GeoJSON polygons."""
    import numpy as np
    from matplotlib.path import Path

    verts, codes = [], []
    for poly in polygons:
        for ring_ in poly:
            pts = np.asarray(ring_, dtype=float)
            if len(pts) < 3:
                continue
            verts.append(pts)
            verts.append(pts[:1])
            codes += [Path.MOVETO] + [Path.LINETO] * (len(pts) - 1) + [Path.CLOSEPOLY]
    if not verts:
        return None
    return Path(np.concatenate(verts), codes)


def _draw_basemap(ax, basemap: dict, view, *, light: bool = False, zorder: float = 0) -> dict:
    """Countries, lakes and rivers; returns {country name: Path} for labelling."""
    from matplotlib.patches import PathPatch

    lon0, lon1, lat0, lat1 = view
    frame = _basemap_frame(basemap)
    if frame is None:
        ax.set_facecolor(_SEA)
    else:  # sea inside the extract's frame; beyond it the basemap knows nothing: neutral
        from matplotlib.patches import Rectangle

        ax.set_facecolor(_NO_DATA)
        ax.add_artist(Rectangle((frame[0], frame[1]), frame[2] - frame[0], frame[3] - frame[1],
                                facecolor=_SEA, edgecolor="none", zorder=zorder, gid="sea"))
    paths = {}
    for f in basemap.get("features", []):
        p = f.get("properties") or {}
        if p.get("layer") != "country":
            continue
        path = _path(_polygons(f.get("geometry")))
        if path is None:
            continue
        name = p.get("name") or ""
        colour = _LAND.get(name, _LAND_FOCUS if p.get("role") == "focus" else _LAND_CONTEXT)
        # add_artist, not add_patch: the limits are set below, and add_patch's data-limit
        # update walks every vertex of every country (most of the time of a map)
        ax.add_artist(PathPatch(path, facecolor=colour, edgecolor=_BORDER,
                                linewidth=0.5 if light else 0.8, zorder=zorder + 0.1,
                                gid=f"country:{name}"))
        paths[name] = path
    for f in basemap.get("features", []):
        p = f.get("properties") or {}
        if p.get("layer") == "lake":
            path = _path(_polygons(f.get("geometry")))
            if path is not None:
                ax.add_artist(PathPatch(path, facecolor=_LAKE, edgecolor="none", zorder=zorder + 0.2,
                                        gid="lake"))
        elif p.get("layer") == "river":
            named = bool(p.get("name"))
            for line in _lines(f.get("geometry")):
                xs = [c[0] for c in line]
                ys = [c[1] for c in line]
                ax.plot(xs, ys, color=_RIVER, linewidth=(1.3 if named else 0.7) * (0.6 if light else 1),
                        alpha=1.0 if named else 0.7, zorder=zorder + 0.3, solid_capstyle="round",
                        gid=f"river:{p.get('name') or ''}")
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    k = math.cos(math.radians((lat0 + lat1) / 2))
    ax.set_aspect(1 / k, adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#777777")
        spine.set_linewidth(0.8)
    return paths


class _Placer:
    """Greedy, deterministic label placement: each label tries offsets around its point, near
    first, and takes the first whose box overlaps nothing placed before and stays in the axes."""

    DIRS = ((1, 0), (0.75, 0.75), (0.75, -0.75), (-1, 0), (-0.75, 0.75), (-0.75, -0.75),
            (0, 1), (0, -1))

    def __init__(self, ax):
        from matplotlib.backends.backend_agg import RendererAgg

        fig = ax.figure
        self.ax = ax
        ax.apply_aspect()
        self.renderer = RendererAgg(max(int(fig.bbox.width), 1), max(int(fig.bbox.height), 1), fig.dpi)
        self.frame = ax.get_window_extent(self.renderer)
        self.boxes: list = []
        self.points: list[tuple[float, float]] = []  # relation geometry
        self.background: list[tuple[float, float]] = []  # rivers
        self.markers: list[tuple[float, float]] = []  # places and stated points

    def px(self, points: float) -> float:
        return points * self.ax.figure.dpi / 72.0

    def display(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.ax.transData.transform((lon, lat))
        return float(x), float(y)

    def add_point(self, lon: float, lat: float, radius_pt: float, marker: bool = True) -> None:
        """A marker to keep clear of; labels must also sit nearer their own marker than any
        other (so "Balad" cannot read as the label of the dot beside it)."""
        from matplotlib.transforms import Bbox

        x, y = self.display(lon, lat)
        r = self.px(radius_pt)
        self.boxes.append(Bbox.from_extents(x - r, y - r, x + r, y + r))
        if marker:
            self.markers.append((x, y))

    def _ambiguous(self, bb, lon: float, lat: float) -> bool:
        """Whether another marker is nearer the label's box than the point it labels."""
        def gap(x, y):
            dx = max(bb.x0 - x, 0.0, x - bb.x1)
            dy = max(bb.y0 - y, 0.0, y - bb.y1)
            return math.hypot(dx, dy)

        ox, oy = self.display(lon, lat)
        own = gap(ox, oy)
        return any(gap(x, y) < own - 1.0 for x, y in self.markers
                   if math.hypot(x - ox, y - oy) > 1.0)

    def add_box(self, bbox) -> None:
        self.boxes.append(bbox)

    def add_path_points(self, lons, lats, background: bool = False) -> None:
        """Points along lines (rings, stated lines; rivers with ``background``) that labels
        asked to avoid lines, and corner choices, keep clear of."""
        target = self.background if background else self.points
        for lo, la in zip(lons, lats):
            target.append(self.display(lo, la))

    def _inside(self, bb, margin: float) -> bool:
        f = self.frame
        return (bb.x0 >= f.x0 + margin and bb.x1 <= f.x1 - margin and bb.y0 >= f.y0 + margin
                and bb.y1 <= f.y1 - margin)

    def _hits(self, pts: list, bb, pad: float) -> int:
        import numpy as np

        if not pts:
            return 0
        a = np.asarray(pts, dtype=float)
        return int(((a[:, 0] >= bb.x0 - pad) & (a[:, 0] <= bb.x1 + pad)
                    & (a[:, 1] >= bb.y0 - pad) & (a[:, 1] <= bb.y1 + pad)).sum())

    def _overlap(self, bb, pad: float, points: str | bool = False) -> float:
        total = 0.0
        if points:
            total += 400.0 * self._hits(self.points, bb, pad)
            if points == "all":
                total += 400.0 * self._hits(self.background, bb, pad)
        for b in self.boxes:
            w = min(bb.x1 + pad, b.x1) - max(bb.x0 - pad, b.x0)
            h = min(bb.y1 + pad, b.y1) - max(bb.y0 - pad, b.y0)
            if w > 0 and h > 0:
                total += w * h
        return total

    def text(self, lon: float, lat: float, s: str, *, radius: float = 6.0,
             dirs: Iterable[tuple[float, float]] | None = None, scales=(1.0, 2.2, 3.6),
             leader: str | None = None, force: bool = True, gid: str | None = None,
             avoid_lines: str | bool = False, owned: bool = False, **kw):
        """Place text near (lon, lat); returns the artist, or None when there is no room and
        ``force`` is False."""
        from matplotlib import patheffects

        kw.setdefault("fontsize", 8.5)
        kw.setdefault("color", _TEXT)
        kw.setdefault("zorder", 8)
        kw.setdefault("path_effects", [patheffects.withStroke(linewidth=3, foreground="white")])
        dirs = list(dirs or self.DIRS)
        best = None
        margin = self.px(2)
        # Lines (rings, stated lines) are "soft" for labels that must be drawn: among the nearest
        # candidates clear of every box, take the one crossing fewest lines (the halo keeps it
        # readable) rather than push the label away. Background labels avoid lines strictly.
        soft = bool(avoid_lines) and avoid_lines != "all" and force
        first_clear = None
        for i, scale in enumerate(scales):
            clear = []
            for dx, dy in dirs:
                off = (dx * radius * scale, dy * radius * scale)
                ha = "left" if dx > 0.1 else "right" if dx < -0.1 else "center"
                va = "bottom" if dy > 0.1 else "top" if dy < -0.1 else "center"
                t = self.ax.annotate(s, xy=(lon, lat), xytext=off, textcoords="offset points",
                                     ha=ha, va=va, annotation_clip=False, **kw)
                bb = t.get_window_extent(self.renderer)
                t.remove()
                inside = self._inside(bb, margin)
                boxes = self._overlap(bb, self.px(1.5))
                lines = self._overlap(bb, self.px(1.5), points=avoid_lines) - boxes
                if owned and self._ambiguous(bb, lon, lat):
                    boxes += 5e4  # reads as another marker's label: only if nothing else fits
                if inside and boxes == 0 and lines == 0:
                    return self._keep(lon, lat, s, off, ha, va, bb, scale, leader, gid, kw)
                if inside and boxes == 0:
                    clear.append((lines, len(clear), off, ha, va, bb, scale))
                cost = boxes + lines + (0 if inside else 1e7) + scale * 10
                if best is None or cost < best[0]:
                    best = (cost, off, ha, va, bb, scale)
            if i == 0 and clear:
                first_clear = min(clear, key=lambda c: (c[0], c[1]))
            # nothing clear of lines near the point, nor a step further out: cross the fewest
            if soft and first_clear is not None and i == min(1, len(scales) - 1):
                _, _, off, ha, va, bb, scale = first_clear
                return self._keep(lon, lat, s, off, ha, va, bb, scale, leader, gid, kw)
        if not force or best is None or not self._inside(best[4], 0):
            return None
        _, off, ha, va, bb, scale = best
        return self._keep(lon, lat, s, off, ha, va, bb, scale, leader, gid, kw)

    def _keep(self, lon, lat, s, off, ha, va, bb, scale, leader, gid, kw):
        arrow = None
        if leader and scale > 1.0:
            arrow = dict(arrowstyle="-", color=leader, lw=0.7, shrinkA=1, shrinkB=4)
        t = self.ax.annotate(s, xy=(lon, lat), xytext=off, textcoords="offset points", ha=ha,
                             va=va, arrowprops=arrow, annotation_clip=False, **kw)
        if gid:
            t.set_gid(gid)
        self.boxes.append(bb)
        return t

    def corner_score(self, rect_axes) -> float:
        """How much drawn content sits in a rectangle given in axes fractions."""
        f = self.frame
        x0, y0, w, h = rect_axes
        X0, Y0 = f.x0 + x0 * f.width, f.y0 + y0 * f.height
        X1, Y1 = X0 + w * f.width, Y0 + h * f.height
        score = 0.0
        for b in self.boxes:
            ww = min(X1, b.x1) - max(X0, b.x0)
            hh = min(Y1, b.y1) - max(Y0, b.y0)
            if ww > 0 and hh > 0:
                score += 100 + ww * hh
        score += 30 * sum(1 for x, y in self.points if X0 <= x <= X1 and Y0 <= y <= Y1)
        return score

    def axes_box(self, rect_axes):
        from matplotlib.transforms import Bbox

        f = self.frame
        x0, y0, w, h = rect_axes
        return Bbox.from_extents(f.x0 + x0 * f.width, f.y0 + y0 * f.height,
                                 f.x0 + (x0 + w) * f.width, f.y0 + (y0 + h) * f.height)


# --------------------------------------------------------------------------------------------
# The map
# --------------------------------------------------------------------------------------------

def _size(mentions: int) -> float:
    """Marker area in points² for a number of mentions (area grows with mentions, capped)."""
    return 26.0 + 22.0 * min(max(int(mentions), 1), 40)


def _in_view(lon, lat, view, margin=0.0) -> bool:
    lon0, lon1, lat0, lat1 = view
    mx, my = (lon1 - lon0) * margin, (lat1 - lat0) * margin
    return lon0 + mx <= lon <= lon1 - mx and lat0 + my <= lat <= lat1 - my


def _edge_point(lon, lat, view, margin=0.035):
    """Where the segment from the view's centre to (lon, lat) leaves the (inset) view."""
    lon0, lon1, lat0, lat1 = view
    k = math.cos(math.radians((lat0 + lat1) / 2))
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    hx, hy = (lon1 - lon0) / 2 * (1 - 2 * margin), (lat1 - lat0) / 2 * (1 - 2 * margin)
    dx, dy = lon - cx, lat - cy
    t = min(hx / abs(dx) if dx else math.inf, hy / abs(dy) if dy else math.inf)
    angle = math.degrees(math.atan2(dx * k, dy)) % 360  # screen bearing, clockwise from up
    return cx + dx * t, cy + dy * t, angle


def _densify(line, step: float) -> tuple[list[float], list[float]]:
    """A line's vertices with points added so that none is more than ``step`` from the next."""
    xs, ys = [], []
    for (x0, y0), (x1, y1) in zip(line[:-1], line[1:]):
        n = max(1, int(math.hypot(x1 - x0, y1 - y0) / step))
        for i in range(n):
            xs.append(x0 + (x1 - x0) * i / n)
            ys.append(y0 + (y1 - y0) * i / n)
    if line:
        xs.append(float(line[-1][0]))
        ys.append(float(line[-1][1]))
    return xs, ys


def _place_label(r: dict) -> str:
    label = str(r["label"])
    n = int(r["mentions"])
    spellings = [s for s in str(r["spellings"]).split("; ") if s]
    text = f"{label} ({n})"
    other = [s for s in spellings if s != label]
    if other and str(r.get("resolution")) == "curated":
        text += "\n" + ", ".join(f"“{s}”" for s in other[:2])
    return text


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.fill(p, width) for p in text.split("\n"))




def plot_map(places: "pd.DataFrame | None", relations: "pd.DataFrame | None" = None,
             basemap: dict | None = None, ax: "Axes | None" = None, *,
             extent: "str | tuple" = "auto", highlight: str | None = None, rings: bool = True,
             inset: bool = True, title: str | None = None, source: str | None = None) -> "Axes":
    """A map of the places an article names and the relative positions it states.

    ``places`` is :func:`find_places` output (or :func:`place_counts`); cities, towns,
    villages and bases are dots (bases squares) whose area grows with mentions, labelled
    "name (mentions)" with the article's other spellings below; countries and regions are named
    on the map with their count. ``relations`` (:func:`find_relations` output, or
    :func:`locate_relations`) each draw, in their own colour: the distance ring around the
    anchor (every point at the stated distance; ``rings=False`` hides it), a dashed line from
    the anchor to the stated point (hollow dot), an arrow from there to the gazetteer's point,
    and :func:`describe_relation`'s text. ``highlight`` (a relation_id) draws that one bold and
    fades the rest.

    ``extent``: "auto" (see :func:`resolve_extent`), "mosul-area", "iraq", or (lon0, lon1,
    lat0, lat1); widened to fill the axes at cos(latitude) aspect. Places outside are pointed to
    from the edge. A scale bar (geodesic km), an inset locating the view (``inset=False`` leaves
    it out) and a legend and notes below the map complete it. With nothing to map the axes say
    so. ``title`` replaces the default; ``source`` (:func:`claimframe.explorer.article_label`)
    is added to either. Returns the axes.
    """
    import matplotlib.pyplot as plt
    import pandas as pd
    from .schema import empty

    if basemap is None:
        basemap = load_basemap()
    if ax is None:
        fig = plt.figure(figsize=FIGSIZE_MAP)
        ax = fig.add_axes(MAP_BOX)
    counts = place_counts(places) if places is not None else from_records(PLACE_COUNTS, [])
    rel = locate_relations(relations if relations is not None else empty("relations"), counts)
    if highlight is not None and highlight not in set(rel["relation_id"].astype(object)):
        known = ", ".join(str(x) for x in rel["relation_id"]) or "none"
        raise ClaimframeError(f"plot_map: highlight {highlight!r} is not a relation_id of the "
                              f"relations given ({known})")
    rel_rows = rel.sort_values("start", kind="stable").to_dict("records") if len(rel) else []
    drawable = [r for r in rel_rows if None not in (_f(r["anchor_lat"]), _f(r["anchor_lon"]),
                                                    _f(r["implied_lat"]), _f(r["implied_lon"]))]
    colours = {r["relation_id"]: RELATION_COLOURS[i % len(RELATION_COLOURS)]
               for i, r in enumerate(rel_rows)}
    points = [r for r in counts.to_dict("records")
              if r["kind"] in POINT_KINDS and not _isna(r["lat"]) and not _isna(r["lon"])]
    areas = [r for r in counts.to_dict("records") if r["kind"] in AREA_KINDS]
    nothing = not points and not areas and not drawable

    view = resolve_extent("iraq" if nothing else extent, counts,
                          pd.DataFrame(drawable) if drawable else None, rings=rings)
    view = _fit_view(view, ax)
    country_paths = _draw_basemap(ax, basemap, view)
    frame = _basemap_frame(basemap)
    outside = frame is not None and (view[1] <= frame[0] or view[0] >= frame[2]
                                     or view[3] <= frame[1] or view[2] >= frame[3])
    if outside:  # e.g. an article about California: no borders to draw, so give degrees
        _degree_ticks(ax, view)
    placer = _Placer(ax)
    for f in basemap.get("features", []):
        if (f.get("properties") or {}).get("layer") == "river":
            for line in _lines(f.get("geometry")):
                xs, ys = _densify(line, (view[1] - view[0]) / 80)
                keep = [i for i in range(len(xs)) if _in_view(xs[i], ys[i], view)]
                placer.add_path_points([xs[i] for i in keep], [ys[i] for i in keep], background=True)
    notes: list[str] = []

    heading = title or ("Places the article names, and the distances it states" if not nothing
                        else "Places the article names")
    if highlight is not None and title is None:
        hl = next(r for r in rel_rows if r["relation_id"] == highlight)
        heading += "\nHighlighted: " + relation_label(hl)
    if source:
        heading += f"\nSource: {source}"
    ax.set_title(chart_text(heading), loc="left", fontsize=11, color="#111111")

    if nothing:
        ax.text(0.5, 0.5, "No places to map\nthe article names no place with coordinates",
                transform=ax.transAxes, ha="center", va="center", fontsize=13, color=_TEXT,
                gid="no-places", zorder=10,
                bbox=dict(boxstyle="round,pad=0.6", facecolor="white", edgecolor=GREY, alpha=0.95))
        _country_labels(ax, placer, country_paths, view, {})
        return ax

    # --- relation geometry (drawn first, below the places) ------------------------------
    point_ids = {str(r["place_id"]) for r in points}
    loose_subjects: list[tuple[float, float, str, str]] = []
    for r in drawable:
        rid = r["relation_id"]
        c = colours[rid]
        on = highlight is None or highlight == rid
        alpha = 1.0 if on else 0.3
        lw = 2.0 if highlight == rid else 1.4
        alat, alon = float(r["anchor_lat"]), float(r["anchor_lon"])
        ilat, ilon = float(r["implied_lat"]), float(r["implied_lon"])
        km = float(r["distance_km"])
        if rings:
            rl, ro = ring(alat, alon, km, n=180)
            ax.plot(ro, rl, color=c, linewidth=lw * 0.7, linestyle=(0, (5, 3)), alpha=alpha * 0.85,
                    zorder=3, gid=f"ring:{rid}")
            placer.add_path_points(ro, rl)
        steps = [i / 24 for i in range(25)]
        gl, go = destination([alat] * 25, [alon] * 25, [float(r["bearing_deg"])] * 25,
                             [km * s for s in steps])
        ax.plot(go, gl, color=c, linewidth=lw, linestyle=(0, (3, 2)), alpha=alpha, zorder=4,
                gid=f"stated-line:{rid}")
        placer.add_path_points(go, gl)
        ax.plot([ilon], [ilat], marker="o", markersize=9 if on else 7, markerfacecolor="white",
                markeredgecolor=c, markeredgewidth=2.2 if on else 1.5, linestyle="none",
                alpha=alpha, zorder=7, gid=f"stated:{rid}")
        placer.add_point(ilon, ilat, 5.5)
        if str(r.get("anchor_place_id")) not in point_ids:
            ax.plot([alon], [alat], marker="+", markersize=10, color=c, markeredgewidth=2,
                    linestyle="none", zorder=7, gid=f"anchor:{rid}")
            placer.add_point(alon, alat, 5)
        slat, slon = _f(r.get("subject_lat")), _f(r.get("subject_lon"))
        if slat is not None and slon is not None:
            ax.annotate("", xy=(slon, slat), xytext=(ilon, ilat), zorder=6, gid=f"miss:{rid}",
                        annotation_clip=False,
                        arrowprops=dict(arrowstyle="-|>", color=c, lw=lw, alpha=alpha,
                                        shrinkA=6, shrinkB=7, mutation_scale=12))
            placer.add_path_points([ilon + (slon - ilon) * t / 8 for t in range(9)],
                                   [ilat + (slat - ilat) * t / 8 for t in range(9)])
            if str(r.get("subject_place_id")) not in point_ids:
                # the subject is not among the places shown (filtered out): mark its position
                ax.plot([slon], [slat], marker="o", markersize=6, color=c, markeredgecolor="white",
                        linestyle="none", alpha=alpha, zorder=7, gid=f"subject:{rid}")
                placer.add_point(slon, slat, 4)
                loose_subjects.append((slon, slat, str(r.get("subject")), rid))
    for r in rel_rows:
        if r in drawable:
            continue
        why = ("a range or vague distance: no single point" if _isna(r.get("distance_km"))
               else f"no coordinates for {r['anchor']}")
        notes.append(f"Not drawn: “{r['text']}” ({why}).")

    # --- place markers ------------------------------------------------------------------
    shown, off = [], []
    for r in points:
        lon, lat = float(r["lon"]), float(r["lat"])
        (shown if _in_view(lon, lat, view) else off).append(r)
    for r in shown:
        lon, lat = float(r["lon"]), float(r["lat"])
        s = _size(r["mentions"])
        ax.scatter([lon], [lat], s=s, marker=_MARKERS.get(str(r["kind"]), "o"), color=_PLACE_COLOUR,
                   edgecolors="white", linewidths=1.2, zorder=6.5, gid=f"place:{r['place_id']}")
        placer.add_point(lon, lat, math.sqrt(s) / 2 + 1)

    # --- scale bar: the lower corner with least drawn there ------------------------------
    bar_w, bar_h = 0.3, 0.09
    bar_rects = {"lower left": (0.02, 0.02, bar_w, bar_h),
                 "lower right": (0.98 - bar_w, 0.02, bar_w, bar_h)}
    bar_corner = min(bar_rects, key=lambda k: placer.corner_score(bar_rects[k]))
    _scale_bar(ax, placer, view, bar_rects[bar_corner])

    # --- labels: relations' texts first (they carry the checks), then places ---------------
    order = sorted(drawable, key=lambda r: (highlight is not None and r["relation_id"] != highlight))
    for r in order:
        rid = r["relation_id"]
        c = colours[rid]
        on = highlight is None or highlight == rid
        ilat, ilon = float(r["implied_lat"]), float(r["implied_lon"])
        slat, slon = _f(r.get("subject_lat")), _f(r.get("subject_lon"))
        text = describe_relation(r)
        if slat is None or slon is None:
            subject = None if _isna(r.get("subject")) else str(r["subject"])
            text = (f"{subject} (as stated)\n" if subject else "") + text
        at = (ilon, ilat)  # beside the stated point
        if not _in_view(at[0], at[1], view, 0.02):
            notes.append(f"Outside this view: “{r['text']}”: "
                         f"{describe_relation(r).replace(chr(10), ', ')}.")
            continue
        placer.text(at[0], at[1], chart_text(text), radius=9, leader=c, gid=f"error:{rid}",
                    color=c if on else "#777777", fontsize=8.5 if on else 7.5,
                    fontweight="bold" if highlight == rid else "normal", zorder=9 if on else 8.5,
                    linespacing=1.15, avoid_lines=True, scales=(1.0, 2.2, 3.6, 5.5, 8.0))

    for lon, lat, subject, rid in loose_subjects:
        placer.text(lon, lat, chart_text(subject), radius=5, leader=colours[rid], owned=True,
                    gid=f"subject-label:{rid}", fontsize=8.5, color=colours[rid],
                    avoid_lines=True)
    for r in shown:
        lon, lat = float(r["lon"]), float(r["lat"])
        s = _size(r["mentions"])
        placer.text(lon, lat, chart_text(_place_label(r)), radius=math.sqrt(s) / 2 + 2.5,
                    leader="#555555", gid=f"label:{r['place_id']}", fontsize=9, owned=True,
                    fontweight="bold" if r["mentions"] >= 3 else "normal", linespacing=1.1,
                    avoid_lines=True)

    # places off the map: pointed to from the edge
    ref = shown[0] if shown else None
    for r in off:
        lon, lat = float(r["lon"]), float(r["lat"])
        ex, ey, angle = _edge_point(lon, lat, view)
        arrow = _ARROWS8[int((angle + 22.5) // 45) % 8]
        label = f"{arrow} {r['label']} ({int(r['mentions'])})"
        if ref is not None:
            km = float(distance_bearing(float(ref["lat"]), float(ref["lon"]), lat, lon)[0])
            label += f"\noff the map, {_num(km)} km from {ref['label']}"
        else:
            label += "\noff the map"
        dx, dy = math.sin(math.radians(angle)), math.cos(math.radians(angle))
        sx = 0 if abs(dx) < 0.38 else (1 if dx > 0 else -1)
        sy = 0 if abs(dy) < 0.38 else (1 if dy > 0 else -1)
        dirs = [(-sx, -sy)] + [d for d in ((-sx, 0), (0, -sy), (-1, 0), (1, 0), (0, -1), (0, 1))
                               if d != (0, 0) and d != (-sx, -sy)]
        placer.text(ex, ey, chart_text(label), radius=2, dirs=dirs,
                    scales=(1.0, 6.0, 14.0, 24.0, 40.0), gid=f"offmap:{r['place_id']}",
                    fontsize=8.5, color="#444444", fontstyle="italic", linespacing=1.1)

    # --- inset: the corner with least drawn there (after the labels, which need room more) -
    if outside:
        placer.text((view[0] + view[1]) / 2, view[3], "Outside the basemap (Iraq and its "
                    "neighbours): no borders or rivers here", radius=4, dirs=[(0, -1)],
                    scales=(1.0, 3.0, 6.0), gid="no-basemap", fontsize=8.5, color="#666666",
                    fontstyle="italic")
    elif inset:
        _inset(ax, placer, basemap, view, bar_corner)

    # --- background labels: countries (with mentions), regions, rivers ----------------------
    named = {str(r["name"]): r for r in areas if not _isna(r["name"]) and r["kind"] == "country"}
    labelled = _country_labels(ax, placer, country_paths, view, named)
    for r in areas:
        if r["kind"] != "region" or _isna(r["lat"]):
            continue
        lon, lat = float(r["lon"]), float(r["lat"])
        if _in_view(lon, lat, view) and placer.text(
                lon, lat, chart_text(f"{r['label']} ({int(r['mentions'])})"), radius=0,
                dirs=[(0, 0), (0, 1), (0, -1)], scales=(1.0, 2.0), force=False,
                gid=f"region:{r['place_id']}", fontsize=9.5, fontstyle="italic",
                color="#555555", avoid_lines="all") is not None:
            labelled.add(str(r["name"]))
    _river_labels(ax, placer, basemap, view)

    unmapped = [r for r in counts.to_dict("records")
                if (r["kind"] in AREA_KINDS and str(r["name"]) not in labelled)
                or (r["kind"] not in AREA_KINDS and (_isna(r["lat"]) or _isna(r["lon"])))]
    if unmapped:
        notes.insert(0, "Named, not on this view: " + ", ".join(
            f"{r['label']} ({int(r['mentions'])})" for r in unmapped) + ".")
    notes.append("(n): times the article names the place. Stated: where the article's distance "
                 "and direction put it; measured: geodesic distance between gazetteer points "
                 "(WGS84); error = stated − measured. Basemap: Natural Earth 1:50m (rivers "
                 "approximate at this scale).")
    _legend_and_notes(ax, placer, bool(drawable), rings, points, notes)
    return ax


def _degree_ticks(ax, view) -> None:
    """A light graticule labelled in degrees inside the frame, for a view with no basemap."""
    from matplotlib import patheffects
    from matplotlib.ticker import MaxNLocator

    lon0, lon1, lat0, lat1 = view
    halo = [patheffects.withStroke(linewidth=2.5, foreground=_NO_DATA)]
    for lon in MaxNLocator(5).tick_values(lon0, lon1):
        if lon0 < lon < lon1:
            ax.axvline(lon, color="#dddddd", linewidth=0.6, zorder=0.5, gid="graticule")
            ax.text(lon, lat0 + (lat1 - lat0) * 0.005, f" {abs(lon):g}°{'E' if lon >= 0 else 'W'}",
                    fontsize=7, color="#888888", ha="left", va="bottom", zorder=0.6,
                    gid="graticule-label", path_effects=halo)
    for lat in MaxNLocator(5).tick_values(lat0, lat1):
        if lat0 < lat < lat1:
            ax.axhline(lat, color="#dddddd", linewidth=0.6, zorder=0.5, gid="graticule")
            ax.text(lon0 + (lon1 - lon0) * 0.003, lat, f"{abs(lat):g}°{'N' if lat >= 0 else 'S'}",
                    fontsize=7, color="#888888", ha="left", va="bottom", zorder=0.6,
                    gid="graticule-label", path_effects=halo)


def _area_visible(path, view) -> bool:
    if path is None:
        return False
    import numpy as np

    lon0, lon1, lat0, lat1 = view
    xs, ys = np.meshgrid(np.linspace(lon0, lon1, 12), np.linspace(lat0, lat1, 12))
    return bool(path.contains_points(np.column_stack([xs.ravel(), ys.ravel()])).any())


def _country_labels(ax, placer, paths: dict, view, named: dict) -> set[str]:
    """Country names where there is room, away from lines; the countries the article names in
    dark with their mention count. Returns the names labelled."""
    import numpy as np

    lon0, lon1, lat0, lat1 = view
    n = 30
    xs, ys = np.meshgrid(np.linspace(lon0, lon1, n + 2)[1:-1], np.linspace(lat0, lat1, n + 2)[1:-1])
    grid = np.column_stack([xs.ravel(), ys.ravel()])
    labelled: set[str] = set()
    for name in sorted(paths, key=lambda nm: (nm not in named, nm)):
        inside = grid[paths[name].contains_points(grid)]
        if not len(inside) or (len(inside) < 0.03 * len(grid) and name not in named):
            continue
        cx, cy = inside.mean(axis=0)
        d = (inside[:, 0] - cx) ** 2 + ((inside[:, 1] - cy) * 1.3) ** 2
        cands = inside[np.argsort(d, kind="stable")][:120]
        r = named.get(name)
        label = name.upper() + (f" ({int(r['mentions'])})" if r is not None else "")
        kw = dict(fontsize=10.5 if r is not None else 9, color="#3a3a3a" if r is not None else "#8a8a8a",
                  fontweight="bold" if r is not None else "normal", zorder=2.5)
        for lon, lat in cands:
            t = placer.text(float(lon), float(lat), chart_text(label), radius=0, dirs=[(0, 0)],
                            scales=(1.0,), force=False, gid=f"country-label:{name}",
                            avoid_lines="all", **kw)
            if t is not None:
                labelled.add(name)
                break
    return labelled


def _river_labels(ax, placer, basemap: dict, view) -> None:
    """'Tigris', 'Euphrates' along their lines, where there is room."""
    done = set()
    for f in basemap.get("features", []):
        p = f.get("properties") or {}
        name = p.get("name")
        if p.get("layer") != "river" or not name or name in done:
            continue
        for line in _lines(f.get("geometry")):
            pts = [(float(x), float(y)) for x, y in line if _in_view(x, y, view, 0.06)]
            if len(pts) < 2:
                continue
            mid = len(pts) // 2
            cands = sorted(range(len(pts) - 1), key=lambda i: abs(i - mid))
            for i in cands:
                (x0, y0), (x1, y1) = pts[i], pts[i + 1]
                a = placer.display(x0, y0)
                b = placer.display(x1, y1)
                angle = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
                if angle > 90:
                    angle -= 180
                elif angle < -90:
                    angle += 180
                # beside the line, not on it: the midpoint moved 7 px along the normal
                rad = math.radians(angle)
                mx, my = (a[0] + b[0]) / 2 - math.sin(rad) * placer.px(8), \
                    (a[1] + b[1]) / 2 + math.cos(rad) * placer.px(8)
                lon, lat = ax.transData.inverted().transform((mx, my))
                t = placer.text(float(lon), float(lat), name, radius=0, dirs=[(0, 0)],
                                scales=(1.0,), force=False, gid=f"river-label:{name}",
                                avoid_lines=True,
                                fontsize=9, fontstyle="italic", color="#2a7ab8", rotation=angle,
                                rotation_mode="anchor", zorder=2.6)
                if t is not None:
                    done.add(name)
                    break
            if name in done:
                break


def _scale_bar(ax, placer, view, rect) -> None:
    """A scale bar in geodesic kilometres at the bar's latitude, two alternating halves."""
    from matplotlib import patheffects
    from matplotlib.patches import Rectangle

    lon0, lon1, lat0, lat1 = view
    x0 = lon0 + (rect[0] + 0.025) * (lon1 - lon0)
    y0 = lat0 + (rect[1] + 0.03) * (lat1 - lat0)
    width_km = float(distance_bearing(y0, lon0, y0, lon1)[0])
    length = nice_scale_km(width_km, 0.2)
    _, x_end = destination(y0, x0, 90.0, length)
    _, x_half = destination(y0, x0, 90.0, length / 2)
    h = (lat1 - lat0) * 0.008
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    for a, b, colour in ((x0, x_half, "#222222"), (x_half, x_end, "white")):
        ax.add_patch(Rectangle((a, y0), b - a, h, facecolor=colour, edgecolor="#222222",
                               linewidth=0.8, zorder=9, gid="scalebar"))
    for x, s in ((x0, "0"), (x_half, f"{length / 2:g}"), (x_end, f"{length:g} km")):
        ax.text(x, y0 + h * 1.6, s, ha="center" if s != f"{length:g} km" else "left", va="bottom",
                fontsize=8, color="#222222", zorder=9, gid="scalebar-label", path_effects=halo)
    placer.add_box(placer.axes_box(rect))
    ax._claimframe_scale_km = length  # for tests: the bar's length in km


def _inset(ax, placer, basemap: dict, view, bar_corner: str):
    """An inset locating the view: Iraq (or the whole region, when the view is Iraq-sized)."""
    from matplotlib.patches import Rectangle

    lon0, lon1, lat0, lat1 = view
    iraq = EXTENTS["iraq"]
    big = (lon1 - lon0) > 0.6 * (iraq[1] - iraq[0])
    frame = (33.0, 53.5, 26.0, 42.5) if big else (38.2, 49.2, 28.6, 37.9)
    k = math.cos(math.radians((frame[2] + frame[3]) / 2))
    f = placer.frame
    w = 0.25
    h = w * (f.width / f.height) * (frame[3] - frame[2]) / ((frame[1] - frame[0]) * k)
    rects = {
        "upper right": (0.985 - w, 0.985 - h, w, h),
        "upper left": (0.015, 0.985 - h, w, h),
        "lower right": (0.985 - w, 0.015, w, h),
        "lower left": (0.015, 0.015, w, h),
    }
    rects.pop(bar_corner, None)
    corner = min(rects, key=lambda c: placer.corner_score(rects[c]))
    rect = rects[corner]
    iax = ax.inset_axes(rect)
    iax.set_gid("inset")
    _draw_basemap(iax, basemap, frame, light=True)
    iax.set_xlim(frame[0], frame[1])
    iax.set_ylim(frame[2], frame[3])
    iax.set_aspect("auto")
    iax.add_patch(Rectangle((lon0, lat0), lon1 - lon0, lat1 - lat0, facecolor="#D55E00",
                            alpha=0.25, edgecolor="#D55E00", linewidth=1.6, zorder=5,
                            gid="inset-view"))
    if big:
        iax.text(44.0, 33.0, "IRAQ", ha="center", va="center", fontsize=6.5, color="#444444",
                 zorder=6)
    else:
        iax.text(43.6, 32.6, "IRAQ", ha="center", va="center", fontsize=7, color="#444444",
                 zorder=6)
        iax.plot([44.40088], [33.34058], marker="o", markersize=2.5, color="#333333", zorder=6)
        iax.text(44.55, 33.25, "Baghdad", fontsize=6, color="#444444", va="top", zorder=6)
    for spine in iax.spines.values():
        spine.set_edgecolor("#555555")
        spine.set_linewidth(0.9)
    placer.add_box(placer.axes_box(rect))
    return rect


def _legend_and_notes(ax, placer, with_relations: bool, rings: bool, points: list,
                      notes: list[str]) -> None:
    """The key below the map, and the notes below the key."""
    from matplotlib.lines import Line2D

    sizes = [Line2D([], [], marker="o", linestyle="none", color=_PLACE_COLOUR,
                    markeredgecolor="white", markersize=math.sqrt(_size(n)), label=f"place named {n}×")
             for n in (1, 5, 10)]
    if any(str(r["kind"]) == "base" for r in points):
        sizes.append(Line2D([], [], marker="s", linestyle="none", color=_PLACE_COLOUR,
                            markersize=7, label="military base"))
    lines = []
    if with_relations:
        c = "#555555"
        lines.append(Line2D([0, 1], [0, 0], linestyle=(0, (3, 2)), color=c, lw=1.4, marker="o",
                            markevery=[1], markerfacecolor="white", markeredgewidth=2,
                            label="stated point: distance and direction"))
        if rings:
            lines.append(Line2D([], [], linestyle=(0, (5, 3)), color=c, lw=1.0,
                                label="ring at the stated distance"))
        lines.append(Line2D([0, 1], [0, 0], linestyle="-", color=c, lw=1.4, marker=">",
                            markevery=[1], label="stated → gazetteer position"))
    ncol = max(len(sizes), len(lines))
    blank = Line2D([], [], linestyle="none", label=" ")
    rows = [sizes + [blank] * (ncol - len(sizes))]
    if lines:
        rows.append(lines + [blank] * (ncol - len(lines)))
    handles = [row[i] for i in range(ncol) for row in rows]  # legends fill by column
    legend = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.004),
                       ncol=ncol, frameon=False, fontsize=8, handlelength=2.6, columnspacing=1.6,
                       borderaxespad=0.2, labelspacing=0.9)
    legend.set_gid("legend")
    box = legend.get_window_extent(placer.renderer)
    frame = placer.frame
    y = (box.y0 - frame.y0) / frame.height - 0.008
    ax.text(0.0, y, chart_text(_wrap(" ".join(notes), 160)), transform=ax.transAxes, ha="left",
            va="top", fontsize=7.5, color="#555555", gid="notes", linespacing=1.3)


# --------------------------------------------------------------------------------------------
# Widgets
# --------------------------------------------------------------------------------------------

def _as_list(values: Any) -> list[str] | None:
    """Empty or None -> None (no filter, as an empty multi-select), else a list of strings."""
    if values is None:
        return None
    values = [values] if isinstance(values, str) else [str(v) for v in values]
    return values or None


def relations_for(relations: "pd.DataFrame", place_ids: Iterable[str] | None,
                  highlight: str | None = None) -> "pd.DataFrame":
    """The relations to draw when only ``place_ids`` are shown: those whose subject is shown,
    or, with no placed subject, whose anchor is; the highlighted one always. ``None`` keeps all."""
    if place_ids is None or not len(relations):
        return relations
    ids = set(place_ids)
    keep = []
    for r in relations.to_dict("records"):
        subject = None if _isna(r.get("subject_place_id")) else str(r["subject_place_id"])
        anchor = None if _isna(r.get("anchor_place_id")) else str(r["anchor_place_id"])
        keep.append(r["relation_id"] == highlight or (subject in ids if subject else anchor in ids))
    return relations[keep].reset_index(drop=True)


class MapExplorer(WidgetView):
    """Controls for one article's map, wired to :func:`filter_places`, :func:`plot_map` and
    :func:`relation_table`. Display it in a notebook; setting any control's ``value`` redraws,
    as does :meth:`update`.

    Attributes after each update: :attr:`shown` (the places drawn), :attr:`shown_relations`,
    :attr:`table_df` (the relation numbers shown), :attr:`figure` and :attr:`ax`.
    """

    EXTENT_OPTIONS = (("fit the claims", "auto"), ("Mosul area", "mosul-area"), ("all of Iraq", "iraq"))

    def __init__(self, article: "Article", places: "pd.DataFrame | None" = None,
                 relations: "pd.DataFrame | None" = None, basemap: dict | None = None):
        import ipywidgets as w

        from .explorer import article_label

        mentions = article.places if places is None else places
        self.article = article
        self.counts = place_counts(mentions)
        self.relations = locate_relations(article.relations if relations is None else relations,
                                          mentions)
        self.basemap = basemap if basemap is not None else load_basemap()
        self.source_label = article_label(article)
        c = self.counts
        self.places = w.SelectMultiple(
            options=[(f"{lab} ({n})", pid) for lab, n, pid in zip(c["label"], c["mentions"], c["place_id"])],
            description="places", rows=min(max(len(c), 2), 7), layout=w.Layout(width="34%"))
        kinds = [k for k in PLACE_KINDS if k in set(c["kind"].astype(object))]
        self.kinds = w.SelectMultiple(
            options=[(f"{k} ({int((c['kind'] == k).sum())})", k) for k in kinds],
            description="kinds", rows=min(max(len(kinds), 2), 7), layout=w.Layout(width="24%"))
        self.relation = w.Dropdown(
            options=[("none", "")] + [(relation_label(r), r["relation_id"])
                                        for r in self.relations.to_dict("records")],
            description="highlight", layout=w.Layout(width="60%"))
        self.rings = w.Checkbox(value=True, description="distance rings", indent=False)
        self.extent = w.ToggleButtons(options=list(self.EXTENT_OPTIONS), value="auto",
                                      description="extent")
        self.status = w.Label(value="")
        self.map = w.Output()
        self.table = w.Output()
        self.controls = [self.places, self.kinds, self.relation, self.rings, self.extent]
        self.widget = w.VBox([
            w.HBox([self.places, self.kinds, w.VBox([self.rings, self.status])]),
            w.HBox([self.relation]),
            self.extent,
            self.map,
            self.table,
        ])
        self.shown = c.iloc[0:0]
        self.shown_relations = self.relations.iloc[0:0]
        self.table_df = None
        self.figure = None
        self.ax = None
        self.watch(self.controls)
        self.update()

    def selection(self) -> dict[str, Any]:
        """The plot arguments the controls hold now."""
        return {
            "kinds": _as_list(self.kinds.value),
            "place_ids": _as_list(self.places.value),
            "highlight": self.relation.value or None,  # "" is "none" (a None option renders blank)
            "rings": bool(self.rings.value),
            "extent": self.extent.value,
        }

    def update(self) -> "pd.DataFrame":
        """Filter, redraw the map and the table; returns the relation numbers shown."""
        from IPython.display import display
        from matplotlib.figure import Figure

        sel = self.selection()
        self.shown = filter_places(self.counts, kinds=sel["kinds"], place_ids=sel["place_ids"])
        filtered = sel["kinds"] is not None or sel["place_ids"] is not None
        ids = [str(p) for p in self.shown["place_id"]] if filtered else None
        self.shown_relations = relations_for(self.relations, ids, sel["highlight"])
        figure = Figure(figsize=FIGSIZE_MAP)  # no pyplot: no global state
        self.ax = plot_map(self.shown, self.shown_relations, self.basemap, ax=figure.add_axes(MAP_BOX),
                           extent=sel["extent"], highlight=sel["highlight"], rings=sel["rings"],
                           source=self.source_label)
        self.figure = figure
        self.table_df = relation_table(self.relations, sel["highlight"], self.counts)
        n_rel = len(self.shown_relations)
        self.status.value = (f"{len(self.shown)} of {len(self.counts)} places; "
                             f"{n_rel} of {len(self.relations)} relative positions")
        with self.map:
            self.map.clear_output(wait=True)
            display(figure)
        with self.table:
            self.table.clear_output(wait=True)
            display(self.table_df)
        return self.table_df


def map_explorer(article: "Article", places: "pd.DataFrame | None" = None,
                 relations: "pd.DataFrame | None" = None, basemap: dict | None = None) -> MapExplorer:
    """Widgets to choose the places and kinds shown, highlight one relative position (its
    numbers in the table below), toggle distance rings and switch the extent."""
    return MapExplorer(article, places, relations, basemap)
