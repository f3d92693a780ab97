"""The map of an article's places and the distances it states, drawn offline.

"some 50 kilometers south of Mosul" is a claim a reader can see. :func:`plot_map` puts every
place the article names on a small basemap (``data/geo/``: no tile server, no download), marker
area by how often it is named, and for each relative position draws what the article says (the
anchor, the distance ring, the point the stated distance and direction give) against where the
gazetteer puts the place, with the error written beside it.

Every drawn artist of interest carries a ``gid`` ("place:<place_id>", "ring:<relation_id>",
"stated:<relation_id>", "miss:<relation_id>", "error:<relation_id>", "scalebar", "inset",
"no-places", ...) so tests and tooltips can find it.

A widget redraws the map at every click, so a map drawn again on the same Axes keeps what does
not depend on what is shown (the basemap's artists, the inset, the legend, the label sizes
measured), and :func:`highlight_map` changes only which relation is highlighted, in place, with
no basemap or label layout recomputed. A fresh map is drawn exactly as before either existed.
"""
from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING

from claimframe.errors import ClaimframeError
from claimframe.extract.places import demonym_places, outlying_places, place_counts
from claimframe.extract.relations import locate_relations
from claimframe.geo import destination, distance_bearing, ring
from claimframe.io.gazetteer import load_basemap, load_world_basemap
from claimframe.schema import PLACE_COUNTS, as_float, from_records, is_missing, records
from claimframe.views.map_labels import Placer, _renderer
from claimframe.views.map_tables import ARROWS8, describe_relation, km_text, relation_label
from claimframe.views.style import FIGSIZE_MAP, GREY, TEXT, chart_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes


#: Named views, (lon0, lon1, lat0, lat1) in WGS84 degrees; widened to the axes' shape when drawn.
EXTENTS: dict[str, tuple[float, float, float, float]] = {
    "mosul-area": (42.35, 44.05, 35.45, 36.95),
    "iraq": (38.6, 48.9, 28.9, 37.5),
    "world": (-180.0, 180.0, -58.0, 84.0),
}
#: Kinds drawn as markers; the others (areas) are drawn as labels with their mention count.
POINT_KINDS = ("city", "town", "village", "base")
AREA_KINDS = ("region", "country", "state", "county", "continent")
#: Relations take these colours in reading order (Okabe-Ito, yellow left out).
RELATION_COLOURS = ("#D55E00", "#0072B2", "#CC79A7", "#E69F00", "#009E73", "#56B4E9")
#: Where the map axes sit in a figure plot_map makes (left, bottom, width, height).
MAP_BOX = (0.03, 0.15, 0.94, 0.75)

_PLACE_COLOUR = "#222222"
_SEA = "#dde9f2"
_NO_DATA = "#f6f6f4"
_LAND = {"Iraq": "#fdfdfa"}
_LAND_FOCUS, _LAND_CONTEXT = "#eeeeea", "#f1f1ee"
_LAND_NAMED = "#ece3cc"  # a country the article names, on the world basemap
_SUBUNIT_BORDER = "#b4b4b4"
#: "auto" extents: the article's towns within this many times the relations' half-diagonal of
#: their middle are fitted with them.
RELATED_PLACES_FACTOR = 3.0
#: Kinds of area that have a point to fit a view to when an article names no town.
FIT_AREA_KINDS = ("country", "state", "county", "continent")
_BORDER = "#8c8c8c"
_RIVER = "#4a9fd8"
_LAKE = "#c4dbec"
_MARKERS = {"city": "o", "town": "o", "village": "o", "base": "s"}

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

    "auto" fits what the relations draw (anchors, stated points, rings, subjects) and the
    article's towns near them (see ``RELATED_PLACES_FACTOR``) when there are relations, else the
    point places (cities, towns, villages, bases) but for a GeoNames namesake
    far from all the others (:func:`claimframe.extract.places.outlying_places`), padded by ``pad`` of
    the span on each side and at least 0.6 degrees across; with no point place, the points of
    the countries, states and continents it names (at least 12 degrees across); with nothing,
    "world". Places left outside are pointed to from the frame's edge.
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
    least = 0.6  # degrees across, at the least
    rel = locate_relations(relations, places) if relations is not None else None
    if rel is not None:
        for r in rel.to_dict("records"):
            alat, alon = as_float(r.get("anchor_lat")), as_float(r.get("anchor_lon"))
            for la, lo in ((alat, alon), (as_float(r.get("implied_lat")), as_float(r.get("implied_lon"))),
                           (as_float(r.get("subject_lat")), as_float(r.get("subject_lon")))):
                if la is not None and lo is not None and alat is not None:
                    lats.append(la)
                    lons.append(lo)
            km = as_float(r.get("distance_km"))
            if rings and km and alat is not None and alon is not None:
                rl, ro = ring(alat, alon, km, n=36)
                lats += list(rl)
                lons += list(ro)
    if lats and places is not None and len(places):
        # the article's towns near the relations join them: within RELATED_PLACES_FACTOR times the
        # relations' own half-diagonal of their middle (a capital 350 km off stays pointed to)
        counts = place_counts(places)
        pts = counts[counts["kind"].isin(POINT_KINDS).to_numpy(dtype=bool)
                     & counts["lat"].notna().to_numpy(dtype=bool)]
        clat, clon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
        half = float(distance_bearing(min(lats), min(lons), max(lats), max(lons))[0]) / 2
        far = {r["place_id"] for r in outlying_places(places)}
        for r in pts.to_dict("records"):
            la, lo = float(r["lat"]), float(r["lon"])
            near = float(distance_bearing(clat, clon, la, lo)[0]) <= RELATED_PLACES_FACTOR * half
            if near and r["place_id"] not in far:
                lats.append(la)
                lons.append(lo)
    if not lats and places is not None and len(places):
        counts = place_counts(places)
        pts = counts[counts["kind"].isin(POINT_KINDS).to_numpy(dtype=bool)
                     & counts["lat"].notna().to_numpy(dtype=bool)]
        far = {r["place_id"] for r in outlying_places(places)}
        if far and len(pts) > len(far):  # a namesake an ocean away is pointed to, not fitted
            pts = pts[~pts["place_id"].isin(far).to_numpy(dtype=bool)]
        lats = [float(v) for v in pts["lat"]]
        lons = [float(v) for v in pts["lon"]]
        if not lats:  # only countries, states, continents: fit their points, widely
            areas = counts[counts["kind"].isin(FIT_AREA_KINDS).to_numpy(dtype=bool)
                           & counts["lat"].notna().to_numpy(dtype=bool)]
            lats = [float(v) for v in areas["lat"]]
            lons = [float(v) for v in areas["lon"]]
            least = 12.0
    if not lats:
        return EXTENTS["world"]
    lat0, lat1, lon0, lon1 = min(lats), max(lats), min(lons), max(lons)
    k = math.cos(math.radians((lat0 + lat1) / 2))
    span_lat, span_lon = lat1 - lat0, (lon1 - lon0) * k  # in degrees of latitude
    margin = pad * max(span_lat, span_lon, least)
    dlat = margin + max(0.0, (least - span_lat) / 2)
    dlon = (margin + max(0.0, (least - span_lon) / 2)) / k
    out = (lon0 - dlon, lon1 + dlon, lat0 - dlat, lat1 + dlat)
    return tuple(float(np.round(v, 4)) for v in out)


def extent_presets(places: "pd.DataFrame | None") -> list[tuple[str, "str | tuple"]]:
    """The views worth a button for an article: (label, extent) pairs for :func:`plot_map`.

    "fit the places" (``"auto"``), the whole of the country most of its towns are in (else the
    country it names most), from that country's largest part on the world basemap, and the world.

        >>> [label for label, _ in extent_presets(None)]
        ['fit the places', 'the world']
    """
    import numpy as np

    presets: list[tuple[str, "str | tuple"]] = [("fit the places", "auto")]
    if places is not None and len(places):
        counts = place_counts(places)
        by_country: dict[str, float] = {}
        for r in counts.to_dict("records"):
            if r["kind"] == "country" and not is_missing(r["name"]):
                by_country[str(r["name"])] = by_country.get(str(r["name"]), 0) + 0.001 * int(r["mentions"])
        iso_of = {}
        world = load_world_basemap()
        for f in world["features"]:
            p = f["properties"]
            if p.get("layer") == "country" and p.get("name"):
                iso_of[p["iso_a2"]] = p["name"]
        if "country" in places.columns:
            pts = places[places["kind"].isin(POINT_KINDS).to_numpy(dtype=bool)]
            for iso in pts["country"].dropna().astype(str):
                if iso in iso_of:
                    by_country[iso_of[iso]] = by_country.get(iso_of[iso], 0) + 1
        if by_country:
            name = max(by_country, key=lambda n: (by_country[n], n))
            feature = next((f for f in world["features"] if f["properties"].get("layer") == "country"
                            and f["properties"].get("name") == name), None)
            if feature is not None:
                parts = _polygons(feature["geometry"])
                ring_ = max((np.asarray(poly[0], dtype=float) for poly in parts), key=len)
                (x0, y0), (x1, y1) = ring_.min(axis=0), ring_.max(axis=0)
                pad_x, pad_y = 0.05 * (x1 - x0) + 0.2, 0.05 * (y1 - y0) + 0.2
                presets.append((f"all of {name}", (float(round(x0 - pad_x, 2)), float(round(x1 + pad_x, 2)),
                                                    float(round(y0 - pad_y, 2)), float(round(y1 + pad_y, 2)))))
    presets.append(("the world", "world"))
    return presets


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
    if lat0 < -85 or lat1 > 88:  # a world view: no more than the world (the axes box shrinks)
        lat0, lat1 = max(lat0, -85.0), min(lat1, 88.0)
    return (lon0, lon1, lat0, lat1)


_DEFAULT_BASEMAPS: dict[str, dict] = {}


def default_basemap(view) -> dict:
    """The basemap for a view: the detailed regional one (Iraq and its neighbours, with named
    rivers) when the view lies inside it, else the world one. The same dict each time (a map
    drawn again on its Axes keeps its basemap's artists)."""
    if "regional" not in _DEFAULT_BASEMAPS:
        _DEFAULT_BASEMAPS["regional"] = load_basemap()
    regional = _DEFAULT_BASEMAPS["regional"]
    frame = _basemap_frame(regional)
    if frame is not None and frame[0] <= view[0] and view[1] <= frame[2] \
            and frame[1] <= view[2] and view[3] <= frame[3]:
        return regional
    if "world" not in _DEFAULT_BASEMAPS:
        _DEFAULT_BASEMAPS["world"] = load_world_basemap()
    return _DEFAULT_BASEMAPS["world"]


def _shade_named(artists: list, named: set[str]) -> None:
    """Countries the article names in a warmer land colour; the others plain (in place)."""
    for a in artists:
        gid = a.get_gid() or ""
        if gid.startswith("country:"):
            a.set_facecolor(_LAND_NAMED if gid[len("country:"):] in named else _LAND_CONTEXT)


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


#: id(geometry) -> (geometry, Path or None): each basemap polygon is made into a Path once. The
#: geometry is kept with its Path so its id cannot be reused by another object.
_PATHS: dict[int, tuple] = {}


def _area_path(geometry: dict):
    """:func:`_path` of a GeoJSON (multi)polygon, made once per geometry object."""
    hit = _PATHS.get(id(geometry))
    if hit is None or hit[0] is not geometry:
        if len(_PATHS) > 2000:  # another basemap file: forget the last one's
            _PATHS.clear()
        hit = _PATHS[id(geometry)] = (geometry, _path(_polygons(geometry)))
    return hit[1]


_OUTLINES: dict[int, tuple] = {}


def _country_outlines(basemap: dict) -> tuple[dict, dict]:
    """{country name: Path} and {country name: (x0, y0, x1, y1)} of a basemap, made once per
    basemap (load_basemap keeps one per process): every map update reads them for its labels,
    and making them again from the GeoJSON was a third of an update on the world basemap."""
    hit = _OUTLINES.get(id(basemap))
    if hit is not None and hit[0] is basemap:
        return hit[1], hit[2]
    paths, boxes = {}, {}
    for f in basemap.get("features", []):
        p = f.get("properties") or {}
        if p.get("layer") == "country":
            path = _area_path(f.get("geometry"))
            if path is not None:
                name = p.get("name") or ""
                paths[name] = path
                e = path.get_extents()
                boxes[name] = (e.x0, e.y0, e.x1, e.y1)
    if len(_OUTLINES) >= 8:  # a few basemaps per process at most; never grow without bound
        _OUTLINES.clear()
    _OUTLINES[id(basemap)] = (basemap, paths, boxes)  # the basemap is kept, so its id stays its own
    return paths, boxes


def _draw_basemap(ax, basemap: dict, view, *, light: bool = False, zorder: float = 0,
                  drawn: list | None = None) -> dict:
    """Countries, lakes and rivers; returns {country name: Path} for labelling.

    With ``drawn`` (the artists an earlier call made for the same basemap and style on this
    Axes), nothing is drawn again: the basemap is in data coordinates, so only the view changes.
    Otherwise the new artists are appended to ``drawn`` when it is a list."""
    from matplotlib.patches import PathPatch

    lon0, lon1, lat0, lat1 = view
    frame = _basemap_frame(basemap)
    paths = {}
    made: list = []
    if drawn:
        paths = dict(_country_outlines(basemap)[0])
    else:
        if frame is None:
            ax.set_facecolor(_SEA)
        else:  # sea inside the extract's frame; beyond it the basemap knows nothing: neutral
            from matplotlib.patches import Rectangle

            ax.set_facecolor(_NO_DATA)
            made.append(ax.add_artist(Rectangle((frame[0], frame[1]), frame[2] - frame[0],
                                                frame[3] - frame[1], facecolor=_SEA, edgecolor="none",
                                                zorder=zorder, gid="sea")))
        for f in basemap.get("features", []):
            p = f.get("properties") or {}
            if p.get("layer") != "country":
                continue
            path = _area_path(f.get("geometry"))
            if path is None:
                continue
            name = p.get("name") or ""
            colour = _LAND.get(name, _LAND_FOCUS if p.get("role") == "focus" else _LAND_CONTEXT)
            # add_artist, not add_patch: the limits are set below, and add_patch's data-limit
            # update walks every vertex of every country (most of the time of a map)
            made.append(ax.add_artist(PathPatch(path, facecolor=colour, edgecolor=_BORDER,
                                                linewidth=0.5 if light else 0.8, zorder=zorder + 0.1,
                                                gid=f"country:{name}")))
            paths[name] = path
        unnamed_rivers: list = []
        for f in basemap.get("features", []):
            p = f.get("properties") or {}
            if p.get("layer") == "subunit" and light:
                continue  # too fine for an inset
            if p.get("layer") == "subunit":  # states and provinces: thin borders
                path = _area_path(f.get("geometry"))
                if path is not None:
                    made.append(ax.add_artist(PathPatch(path, facecolor="none", edgecolor=_SUBUNIT_BORDER,
                                                        linewidth=0.35 if light else 0.5, zorder=zorder + 0.15,
                                                        gid=f"subunit:{p.get('name') or p.get('code') or ''}")))
            elif p.get("layer") == "lake":
                path = _area_path(f.get("geometry"))
                if path is not None:
                    made.append(ax.add_artist(PathPatch(path, facecolor=_LAKE, edgecolor="none",
                                                        zorder=zorder + 0.2, gid="lake")))
            elif p.get("layer") == "river" and not p.get("name") and frame is None:
                # the world's rivers: one collection, not a thousand lines (and none in an inset)
                if not light:
                    unnamed_rivers += _lines(f.get("geometry"))
            elif p.get("layer") == "river":
                named = bool(p.get("name"))
                for line in _lines(f.get("geometry")):
                    xs = [c[0] for c in line]
                    ys = [c[1] for c in line]
                    made += ax.plot(xs, ys, color=_RIVER, linewidth=(1.3 if named else 0.7) * (0.6 if light else 1),
                                    alpha=1.0 if named else 0.7, zorder=zorder + 0.3, solid_capstyle="round",
                                    gid=f"river:{p.get('name') or ''}")
        if unnamed_rivers:
            from matplotlib.collections import LineCollection

            made.append(ax.add_collection(LineCollection(unnamed_rivers, colors=_RIVER, linewidths=0.6, alpha=0.6,
                                                         zorder=zorder + 0.3, gid="river:"), autolim=False))
        if drawn is not None:
            drawn += made
        paths = dict(_country_outlines(basemap)[0])  # the same outlines, with their boxes known
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


def _densify(line, step: float):
    """A line's vertices with points added so that none is more than ``step`` from the next
    (two numpy arrays: x and y)."""
    import numpy as np

    xs, ys = [], []
    for (x0, y0), (x1, y1) in zip(line[:-1], line[1:]):
        n = max(1, int(math.hypot(x1 - x0, y1 - y0) / step))
        i = np.arange(n)
        xs.append(x0 + (x1 - x0) * i / n)
        ys.append(y0 + (y1 - y0) * i / n)
    if line:
        xs.append(np.array([float(line[-1][0])]))
        ys.append(np.array([float(line[-1][1])]))
    if not xs:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(xs), np.concatenate(ys)


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




def _relation_style(rid: str, highlight: str | None) -> dict:
    """How a relation's artists look with ``highlight`` (a relation_id or None): all in full
    colour with none; the highlighted one bold and the others faded with one."""
    on = highlight is None or highlight == rid
    bold = highlight == rid
    alpha = 1.0 if on else 0.3
    lw = 2.0 if bold else 1.4
    return {"state": "bold" if bold else "plain" if on else "faded", "on": on, "alpha": alpha, "lw": lw,
            "stated_ms": 9 if on else 7, "stated_mew": 2.2 if on else 1.5,
            "label": {"fontsize": 8.5 if on else 7.5, "fontweight": "bold" if bold else "normal",
                      "zorder": 9 if on else 8.5}}


def _heading(title: str | None, nothing: bool, highlight: str | None, rel_rows: list[dict],
             source: str | None) -> str:
    heading = title or ("Places the article names, and the distances it states" if not nothing
                        else "Places the article names")
    if highlight is not None and title is None:
        hl = next(r for r in rel_rows if r["relation_id"] == highlight)
        heading += "\nHighlighted: " + relation_label(hl)
    if source:
        heading += f"\nSource: {source}"
    return chart_text(heading)


class _MapState:
    """What :func:`plot_map` drew on an Axes, kept on it (``ax._claimframe_map``) so that the next
    call reuses what does not depend on what is shown, and :func:`highlight_map` can restyle."""

    def __init__(self):
        self.layout = 0  # counts the layouts drawn on this Axes
        self.basemap = None  # the basemap dict drawn, and its artists
        self.basemap_artists: list = []
        self.sizes: dict = {}  # label sizes, shared by every layout's Placer
        self.inset = None  # (inset Axes, frame kind) or None
        self.legend_key = None
        self.legends: dict = {}  # legend entries -> the legend drawn with them
        self.notes = None
        self.notes_at: dict = {}  # (frame bounds, legend entries) -> y of the notes below the legend
        self.clear_view()

    def clear_view(self) -> None:
        self.relations: dict[str, dict] = {}  # relation_id -> role -> artist
        self.colours: dict[str, str] = {}
        self.rel_rows: list[dict] = []
        self.highlight = None
        self.title = (None, True, None)  # title, nothing, source
        self.boxes: list = []  # the placer's boxes (labels, markers) and the label each is
        self.owners: list = []
        self.frame = None
        self.dpi = 72.0

    @staticmethod
    def on(ax) -> "_MapState | None":
        state = getattr(ax, "_claimframe_map", None)
        return state if isinstance(state, _MapState) else None

    def begin(self, ax, basemap: dict) -> None:
        """Remove what the last call drew, but the basemap (if it is the same) and the notes."""
        if self.basemap is not basemap:
            self.basemap, self.basemap_artists = basemap, []
        keep = {id(a) for a in self.basemap_artists}
        if self.notes is not None:
            keep.add(id(self.notes))
        for artist in [*ax.lines, *ax.patches, *ax.texts, *ax.collections, *ax.artists, *ax.images]:
            if id(artist) not in keep:
                artist.remove()
        self.clear_view()
        self.layout += 1

    def end(self, ax, inset=None, legend: bool = False) -> None:
        """Remove the inset and the legend and notes of the last call if this one has none."""
        if self.inset is not None and (inset is None or self.inset[0] is not inset):
            self.inset[0].remove()
            self.inset = None
        if not legend:
            if ax.get_legend() is not None:
                ax.get_legend().remove()
            if self.notes is not None and self.notes.axes is not None:
                self.notes.remove()
            self.legend_key, self.notes = None, None

    def tokens(self, ax) -> tuple[dict, dict]:
        """(dynamic, lasting): artist -> what its look depends on. Dynamic artists change with the
        highlight; lasting ones (titles, legend, notes, inset) may outlive a layout."""
        dynamic = {}
        for rid, artists in self.relations.items():
            state = _relation_style(rid, self.highlight)["state"]
            for artist in artists.values():
                dynamic[artist] = (rid, state)
        lasting = {}
        for title in (ax.title, getattr(ax, "_left_title", None), getattr(ax, "_right_title", None)):
            if title is not None:  # the title changes with the highlight, but not with a layout
                lasting[title] = ("title", title.get_text())
        if ax.get_legend() is not None and self.legend_key is not None:
            lasting[ax.get_legend()] = ("legend", self.legend_key)
        if self.notes is not None and self.notes.axes is ax:
            lasting[self.notes] = ("notes", self.notes.get_text(), self.notes.get_position())
        if self.inset is not None:
            lasting[self.inset[0]] = ("inset", *self.inset[1:])
        return dynamic, lasting


def plot_map(places: "pd.DataFrame | None", relations: "pd.DataFrame | None" = None,
             basemap: dict | None = None, ax: "Axes | None" = None, *,
             extent: "str | tuple" = "auto", highlight: str | None = None, rings: bool = True,
             inset: bool = True, title: str | None = None, source: str | None = None) -> "Axes":
    """A map of the places an article names and the relative positions it states.

    ``places`` is :func:`find_places` output (or :func:`place_counts`); cities, towns,
    villages and bases are dots (bases squares) whose area grows with mentions, labelled
    "name (mentions)" with the article's other spellings below; countries and regions are named
    on the map with their count. Demonyms ("Russian officials") are not counted as mentions; on
    the world basemap their countries are shaded like the countries the article names.
    ``relations`` (:func:`find_relations` output, or :func:`locate_relations`) each draw, in
    their own colour: the distance ring around the anchor (every point at the stated distance;
    ``rings=False`` hides it), a dashed line from the anchor to the stated point (hollow dot),
    an arrow from there to the gazetteer's point, and :func:`describe_relation`'s text.
    ``highlight`` (a relation_id) draws that one bold and fades the rest.

    ``extent``: "auto" (see :func:`resolve_extent`), "mosul-area", "iraq", or (lon0, lon1,
    lat0, lat1); widened to fill the axes at cos(latitude) aspect. Places outside are pointed to
    from the edge. A scale bar (geodesic km), an inset locating the view (``inset=False`` leaves
    it out) and a legend and notes below the map complete it. With nothing to map the axes say
    so. ``title`` replaces the default; ``source`` (:func:`claimframe.views.explorer.article_label`)
    is added to either. Returns the axes.

    Drawn again on an Axes it drew before (as the map explorer does), it replaces what it drew
    but keeps what does not depend on what is shown: the basemap's artists (in data
    coordinates, so only the view changes), the inset when it frames the same region, the
    legend when its entries are the same, and the label sizes it measured. To change only the
    highlight, :func:`highlight_map` restyles the last drawing in place.
    """
    import matplotlib.pyplot as plt
    import pandas as pd

    from claimframe.schema import empty

    given = basemap
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
    drawable = [r for r in rel_rows if None not in (as_float(r["anchor_lat"]), as_float(r["anchor_lon"]),
                                                    as_float(r["implied_lat"]), as_float(r["implied_lon"]))]
    colours = {r["relation_id"]: RELATION_COLOURS[i % len(RELATION_COLOURS)]
               for i, r in enumerate(rel_rows)}
    count_rows = counts.to_dict("records")
    points = [r for r in count_rows
              if r["kind"] in POINT_KINDS and not is_missing(r["lat"]) and not is_missing(r["lon"])]
    areas = [r for r in count_rows if r["kind"] in AREA_KINDS]
    nothing = not points and not areas and not drawable

    view = resolve_extent("world" if nothing else extent, counts,
                          pd.DataFrame(drawable) if drawable else None, rings=rings)
    view = _fit_view(view, ax)
    basemap = given if given is not None else default_basemap(view)
    state = _MapState.on(ax)
    if state is None:
        state = ax._claimframe_map = _MapState()
    else:
        state.begin(ax, basemap)
    state.rel_rows, state.colours, state.highlight = rel_rows, colours, highlight
    state.title = (title, nothing, source)
    if state.basemap is not basemap:
        state.basemap, state.basemap_artists = basemap, []
    country_paths = _draw_basemap(ax, basemap, view, drawn=state.basemap_artists)
    if _basemap_frame(basemap) is None:  # the world basemap: shade the countries the article names
        # or whose people it names ("Russian officials": demonym rows, not counted as mentions)
        shaded = [*areas, *records(demonym_places(places))] if places is not None else areas
        _shade_named(state.basemap_artists, {str(r["name"]) for r in shaded
                                             if r["kind"] == "country" and not is_missing(r["name"])})
    frame = _basemap_frame(basemap)
    outside = frame is not None and (view[1] <= frame[0] or view[0] >= frame[2]
                                     or view[3] <= frame[1] or view[2] >= frame[3])
    if outside:  # e.g. an article about California: no borders to draw, so give degrees
        _degree_ticks(ax, view)
    placer = Placer(ax, sizes=state.sizes)
    for f in basemap.get("features", []):
        if (f.get("properties") or {}).get("layer") == "river":
            for line in _lines(f.get("geometry")):
                if not any(view[0] <= x <= view[1] and view[2] <= y <= view[3] for x, y in line[::4] + line[-1:]):
                    continue  # nowhere in the view (the world basemap has hundreds of rivers)
                xs, ys = _densify(line, (view[1] - view[0]) / 80)
                keep = (xs >= view[0]) & (xs <= view[1]) & (ys >= view[2]) & (ys <= view[3])  # _in_view
                placer.add_path_points(xs[keep], ys[keep], background=True)
    notes: list[str] = []

    ax.set_title(_heading(title, nothing, highlight, rel_rows, source), loc="left", fontsize=11,
                 color="#111111")

    if nothing:
        ax.text(0.5, 0.5, "No places to map\nthe article names no place with coordinates",
                transform=ax.transAxes, ha="center", va="center", fontsize=13, color=TEXT,
                gid="no-places", zorder=10,
                bbox=dict(boxstyle="round,pad=0.6", facecolor="white", edgecolor=GREY, alpha=0.95))
        _country_labels(ax, placer, country_paths, view, {}, basemap)
        state.end(ax)
        return ax

    # --- relation geometry (drawn first, below the places) ------------------------------
    point_ids = {str(r["place_id"]) for r in points}
    loose_subjects: list[tuple[float, float, str, str]] = []
    for r in drawable:
        rid = r["relation_id"]
        c = colours[rid]
        style = _relation_style(rid, highlight)
        alpha, lw = style["alpha"], style["lw"]
        drawn = state.relations[rid] = {}
        alat, alon = float(r["anchor_lat"]), float(r["anchor_lon"])
        ilat, ilon = float(r["implied_lat"]), float(r["implied_lon"])
        km = float(r["distance_km"])
        if rings:
            rl, ro = ring(alat, alon, km, n=180)
            drawn["ring"], = ax.plot(ro, rl, color=c, linewidth=lw * 0.7, linestyle=(0, (5, 3)),
                                     alpha=alpha * 0.85, zorder=3, gid=f"ring:{rid}")
            placer.add_path_points(ro, rl)
        steps = [i / 24 for i in range(25)]
        gl, go = destination([alat] * 25, [alon] * 25, [float(r["bearing_deg"])] * 25,
                             [km * s for s in steps])
        drawn["line"], = ax.plot(go, gl, color=c, linewidth=lw, linestyle=(0, (3, 2)), alpha=alpha,
                                 zorder=4, gid=f"stated-line:{rid}")
        placer.add_path_points(go, gl)
        drawn["stated"], = ax.plot([ilon], [ilat], marker="o", markersize=style["stated_ms"],
                                   markerfacecolor="white", markeredgecolor=c,
                                   markeredgewidth=style["stated_mew"], linestyle="none", alpha=alpha,
                                   zorder=7, gid=f"stated:{rid}")
        placer.add_point(ilon, ilat, 5.5)
        if str(r.get("anchor_place_id")) not in point_ids:
            ax.plot([alon], [alat], marker="+", markersize=10, color=c, markeredgewidth=2,
                    linestyle="none", zorder=7, gid=f"anchor:{rid}")
            placer.add_point(alon, alat, 5)
        slat, slon = as_float(r.get("subject_lat")), as_float(r.get("subject_lon"))
        if slat is not None and slon is not None:
            drawn["miss"] = ax.annotate("", xy=(slon, slat), xytext=(ilon, ilat), zorder=6,
                                        gid=f"miss:{rid}", annotation_clip=False,
                                        arrowprops=dict(arrowstyle="-|>", color=c, lw=lw, alpha=alpha,
                                                        shrinkA=6, shrinkB=7, mutation_scale=12))
            placer.add_path_points([ilon + (slon - ilon) * t / 8 for t in range(9)],
                                   [ilat + (slat - ilat) * t / 8 for t in range(9)])
            if str(r.get("subject_place_id")) not in point_ids:
                # the subject is not among the places shown (filtered out): mark its position
                drawn["subject"], = ax.plot([slon], [slat], marker="o", markersize=6, color=c,
                                            markeredgecolor="white", linestyle="none", alpha=alpha,
                                            zorder=7, gid=f"subject:{rid}")
                placer.add_point(slon, slat, 4)
                loose_subjects.append((slon, slat, str(r.get("subject")), rid))
    for r in rel_rows:
        if r in drawable:
            continue
        why = ("a range or vague distance: no single point" if is_missing(r.get("distance_km"))
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
        style = _relation_style(rid, highlight)
        ilat, ilon = float(r["implied_lat"]), float(r["implied_lon"])
        slat, slon = as_float(r.get("subject_lat")), as_float(r.get("subject_lon"))
        text = describe_relation(r)
        if slat is None or slon is None:
            subject = None if is_missing(r.get("subject")) else str(r["subject"])
            text = (f"{subject} (as stated)\n" if subject else "") + text
        at = (ilon, ilat)  # beside the stated point
        if not _in_view(at[0], at[1], view, 0.02):
            notes.append(f"Outside this view: “{r['text']}”: "
                         f"{describe_relation(r).replace(chr(10), ', ')}.")
            continue
        label = placer.text(at[0], at[1], chart_text(text), radius=9, leader=c, gid=f"error:{rid}",
                            color=c if style["on"] else "#777777", **style["label"],
                            linespacing=1.15, avoid_lines=True, scales=(1.0, 2.2, 3.6, 5.5, 8.0))
        if label is not None:
            state.relations[rid]["label"] = label

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
        arrow = ARROWS8[int((angle + 22.5) // 45) % 8]
        label = f"{arrow} {r['label']} ({int(r['mentions'])})"
        if ref is not None:
            km = float(distance_bearing(float(ref["lat"]), float(ref["lon"]), lat, lon)[0])
            label += f"\noff the map, {km_text(km)} km from {ref['label']}"
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
    inset_ax = None
    if outside:
        placer.text((view[0] + view[1]) / 2, view[3], "Outside the basemap (Iraq and its "
                    "neighbours): no borders or rivers here", radius=4, dirs=[(0, -1)],
                    scales=(1.0, 3.0, 6.0), gid="no-basemap", fontsize=8.5, color="#666666",
                    fontstyle="italic")
    elif inset and (view[1] - view[0]) < 150:  # a world view needs no inset to locate it
        _, inset_ax = _inset(ax, placer, basemap, view, bar_corner, state)

    # --- background labels: countries (with mentions), regions, rivers ----------------------
    named = {str(r["name"]): r for r in areas if not is_missing(r["name"]) and r["kind"] == "country"}
    labelled = _country_labels(ax, placer, country_paths, view, named, basemap)
    for r in areas:
        if r["kind"] == "country" or is_missing(r["lat"]):
            continue
        lon, lat = float(r["lon"]), float(r["lat"])
        if _in_view(lon, lat, view) and placer.text(
                lon, lat, chart_text(f"{r['label']} ({int(r['mentions'])})"), radius=0,
                dirs=[(0, 0), (0, 1), (0, -1)], scales=(1.0, 2.0), force=False,
                gid=f"region:{r['place_id']}", fontsize=9.5, fontstyle="italic",
                color="#555555", avoid_lines="all") is not None:
            labelled.add(str(r["name"]))
    _river_labels(ax, placer, basemap, view)

    unmapped = [r for r in count_rows
                if (r["kind"] in AREA_KINDS and str(r["name"]) not in labelled)
                or (r["kind"] not in AREA_KINDS and (is_missing(r["lat"]) or is_missing(r["lon"])))]
    if unmapped:
        notes.insert(0, "Named, not on this view: " + ", ".join(
            f"{r['label']} ({int(r['mentions'])})" for r in unmapped) + ".")
    notes.append("(n): times the article names the place. Stated: where the article's distance "
                 "and direction put it; measured: geodesic distance between gazetteer points "
                 "(WGS84); error = stated − measured. Basemap: Natural Earth 1:50m (rivers "
                 "approximate at this scale).")
    _legend_and_notes(ax, placer, bool(drawable), rings, points, notes, state)
    state.boxes, state.owners, state.frame = list(placer.boxes), list(placer.owners), placer.frame
    state.dpi = ax.figure.dpi
    state.end(ax, inset_ax, legend=True)
    return ax


def map_layers(ax: "Axes") -> tuple[dict, dict, object]:
    """(dynamic, lasting, layout) of the map :func:`plot_map` last drew on ``ax``, for drawing it
    from bitmaps (:class:`claimframe.views.map_widget.Layers`): the artists whose look changes
    with the highlight and the legend, notes and inset, each with a token of its look, and a
    token of the layout (it changes at each :func:`plot_map`)."""
    state = _MapState.on(ax)
    if state is None:
        return {}, {}, None
    dynamic, lasting = state.tokens(ax)
    return dynamic, lasting, (id(state), state.layout)


def highlight_map(ax: "Axes", highlight: str | None) -> bool:
    """Change which relation a map drawn by :func:`plot_map` highlights, in place: colours,
    widths and the labels' weight and size change; the basemap, the layout of every label and
    the figure stay. Returns False (changing nothing the next :func:`plot_map` would not redo)
    when the Axes holds no such map or a relation's text, restyled, would run into another label
    or out of the frame where it sits: draw the map again then.

        >>> ax = plot_map(places, relations)                 # doctest: +SKIP
        >>> highlight_map(ax, relations["relation_id"][0])  # doctest: +SKIP
        True
    """
    from matplotlib.text import Text

    state = _MapState.on(ax)
    if state is None or state.frame is None:
        return False
    if highlight is not None and highlight not in {r["relation_id"] for r in state.rel_rows}:
        known = ", ".join(str(r["relation_id"]) for r in state.rel_rows) or "none"
        raise ClaimframeError(f"highlight_map: highlight {highlight!r} is not a relation_id of the "
                              f"relations drawn ({known})")
    renderer = _renderer(ax.figure)
    styles = {rid: _relation_style(rid, highlight) for rid in state.relations}
    # the labels first: if one would not fit where it is, change nothing
    old, new = {}, {}
    for rid, artists in state.relations.items():
        label = artists.get("label")
        if label is None:
            continue
        label.update_positions(renderer)
        old[rid] = Text.get_window_extent(label, renderer)
        props = (label.get_fontsize(), label.get_fontweight())
        label.set(fontsize=styles[rid]["label"]["fontsize"], fontweight=styles[rid]["label"]["fontweight"])
        new[rid] = Text.get_window_extent(label, renderer)
        label.set(fontsize=props[0], fontweight=props[1])
    if not _labels_fit(state, old, new):
        return False
    for rid, artists in state.relations.items():
        style, c = styles[rid], state.colours[rid]
        alpha, lw = style["alpha"], style["lw"]
        if "ring" in artists:
            artists["ring"].set(linewidth=lw * 0.7, alpha=alpha * 0.85)
        artists["line"].set(linewidth=lw, alpha=alpha)
        artists["stated"].set(markersize=style["stated_ms"], markeredgewidth=style["stated_mew"], alpha=alpha)
        if "miss" in artists:
            artists["miss"].arrow_patch.set(linewidth=lw, alpha=alpha)
        if "subject" in artists:
            artists["subject"].set(alpha=alpha)
        if "label" in artists:
            artists["label"].set(color=c if style["on"] else "#777777", **style["label"])
    for rid, box in new.items():  # later restyles compare with where the labels are now
        state.boxes[state.owners.index(f"error:{rid}")] = box
    title, nothing, source = state.title
    ax.set_title(_heading(title, nothing, highlight, state.rel_rows, source), loc="left", fontsize=11,
                 color="#111111")
    state.highlight = highlight
    return True


def _labels_fit(state: _MapState, old: dict, new: dict) -> bool:
    """Whether each relation text's new box (``new``, by relation_id) stays in the frame and runs
    into no more of the other labels and markers than its box did before (``old``)."""
    pad = 1.5 * state.dpi / 72.0  # 1.5 points, as the placer pads
    boxes = list(state.boxes)
    index = {rid: state.owners.index(f"error:{rid}") for rid in new if f"error:{rid}" in state.owners}

    def overlap(bb, skip: int, others: list) -> float:
        total = 0.0
        for i, b in enumerate(others):
            if i == skip:
                continue
            w = min(bb.x1 + pad, b.x1) - max(bb.x0 - pad, b.x0)
            h = min(bb.y1 + pad, b.y1) - max(bb.y0 - pad, b.y0)
            if w > 0 and h > 0:
                total += w * h
        return total

    after = list(boxes)
    for rid, i in index.items():
        after[i] = new[rid]
    f = state.frame
    for rid, i in index.items():
        bb, was = new[rid], old[rid]
        if bb.x0 >= was.x0 and bb.x1 <= was.x1 and bb.y0 >= was.y0 and bb.y1 <= was.y1:
            continue  # smaller, where it was
        if bb.x0 < f.x0 or bb.x1 > f.x1 or bb.y0 < f.y0 or bb.y1 > f.y1:
            return False
        if overlap(bb, i, after) > overlap(was, i, boxes) + 1e-6:
            return False
    return True


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


def _country_labels(ax, placer, paths: dict, view, named: dict, basemap: dict | None = None) -> set[str]:
    """Country names where there is room, away from lines; the countries the article names in
    dark with their mention count. Returns the names labelled."""
    import numpy as np

    lon0, lon1, lat0, lat1 = view
    n = 30
    xs, ys = np.meshgrid(np.linspace(lon0, lon1, n + 2)[1:-1], np.linspace(lat0, lat1, n + 2)[1:-1])
    grid = np.column_stack([xs.ravel(), ys.ravel()])
    labelled: set[str] = set()
    known, boxes = _country_outlines(basemap) if basemap is not None else ({}, {})
    for name in sorted(paths, key=lambda nm: (nm not in named, nm)):
        if known.get(name) is paths[name]:
            x0, y0, x1, y1 = boxes[name]
        else:
            e = paths[name].get_extents()
            x0, y0, x1, y1 = e.x0, e.y0, e.x1, e.y1
        if x1 < grid[0, 0] or x0 > grid[-1, 0] or y1 < grid[0, 1] or y0 > grid[-1, 1]:
            continue  # nowhere near the view: no grid point can be inside it
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
        # the first candidate, nearest the middle, where the name fits
        if placer.first_clear(cands[:, 0], cands[:, 1], chart_text(label), gid=f"country-label:{name}",
                              **kw) is not None:
            labelled.add(name)
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
    # The half-way figure only where there is room for it between "0" and the end's figure; on a
    # view many degrees tall the bar is true at its own latitude only, and says so.
    unit = "km" if (lat1 - lat0) < 15 else f"km at {abs(y0):.0f}°{'N' if y0 >= 0 else 'S'}"
    half_px = abs(placer.display(x_half, y0)[0] - placer.display(x0, y0)[0])
    marks = [(x0, "0", "center")]
    if half_px >= 12 + 4 * len(f"{length / 2:g}"):
        marks.append((x_half, f"{length / 2:g}", "center"))
    marks.append((x_end, f"{length:g} {unit}", "left"))
    for x, s, ha in marks:
        ax.text(x, y0 + h * 1.6, s, ha=ha, va="bottom",
                fontsize=8, color="#222222", zorder=9, gid="scalebar-label", path_effects=halo)
    placer.add_box(placer.axes_box(rect))
    ax._claimframe_scale_km = length  # for tests: the bar's length in km


def _locator_frame(view) -> tuple[float, float, float, float]:
    """The part of the world an inset shows around a view: about eight times its size, at least
    a continent's (60 by 40 degrees), the whole world when that is nearly as large."""
    lon0, lon1, lat0, lat1 = view
    w = min(max(8 * (lon1 - lon0), 60.0), 360.0)
    h = min(max(8 * (lat1 - lat0), 40.0), 142.0)
    if w >= 200:
        return EXTENTS["world"]
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    x0 = min(max(cx - w / 2, -180.0), 180.0 - w)
    y0 = min(max(cy - h / 2, -58.0), 84.0 - h)
    return (round(x0, 2), round(x0 + w, 2), round(y0, 2), round(y0 + h, 2))


class _InsetLocator:
    """Where the inset sits: ``bounds`` in the parent Axes' fractions (what ``inset_axes`` does,
    for an inset moved to another corner)."""

    def __init__(self, bounds, transform):
        self.bounds, self.transform = bounds, transform

    def __call__(self, ax, renderer):
        from matplotlib.transforms import Bbox, TransformedBbox

        return TransformedBbox(Bbox.from_bounds(*self.bounds), self.transform - ax.figure.transSubfigure)


def _inset(ax, placer, basemap: dict, view, bar_corner: str, state: "_MapState | None" = None):
    """An inset locating the view: Iraq (or the whole region, when the view is Iraq-sized).
    Returns (its rect in axes fractions, the inset Axes); ``state``'s inset is moved and reused
    when it frames the same region."""
    from matplotlib.patches import Rectangle

    lon0, lon1, lat0, lat1 = view
    regional = _basemap_frame(basemap) is not None
    if regional:
        iraq = EXTENTS["iraq"]
        big = bool((lon1 - lon0) > 0.6 * (iraq[1] - iraq[0]))  # a plain bool: numpy's would compare elementwise
        frame = (33.0, 53.5, 26.0, 42.5) if big else (38.2, 49.2, 28.6, 37.9)
    else:
        frame = tuple(float(v) for v in _locator_frame(view))
        big = ("world", id(basemap), frame)  # plain values: numpy's == would compare elementwise
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
    old = state.inset if state is not None else None
    # the world basemap in an inset covers every frame: when only the frame changed, the inset's
    # window moves (drawing a thousand country outlines again was most of an update)
    moved = (not regional and old is not None and isinstance(old[1], tuple) and old[1][:2] == big[:2]
             and old[1] != big)
    if old is not None and (old[1] == big or moved) and old[0] in ax.child_axes:
        iax = old[0]
        if moved:
            iax.set_xlim(frame[0], frame[1])
            iax.set_ylim(frame[2], frame[3])
        iax.set_axes_locator(_InsetLocator(rect, ax.transAxes))
        iax.apply_aspect(iax.get_axes_locator()(iax, None))
        view_box = next(p for p in iax.patches if p.get_gid() == "inset-view")
        view_box.set_bounds(lon0, lat0, lon1 - lon0, lat1 - lat0)
    else:
        iax = ax.inset_axes(rect)
        iax.set_gid("inset")
        _draw_basemap(iax, basemap, frame, light=True)
        iax.set_xlim(frame[0], frame[1])
        iax.set_ylim(frame[2], frame[3])
        iax.set_aspect("auto")
        iax.add_patch(Rectangle((lon0, lat0), lon1 - lon0, lat1 - lat0, facecolor="#D55E00",
                                alpha=0.25, edgecolor="#D55E00", linewidth=1.6, zorder=5,
                                gid="inset-view"))
        if not regional:
            pass  # the world basemap: the view's box on its part of the world says enough
        elif big:
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
        if state is not None and old is not None:
            old[0].remove()
    if state is not None:
        state.inset = (iax, big, rect, (lon0, lat0, lon1 - lon0, lat1 - lat0))
    placer.add_box(placer.axes_box(rect))
    return rect, iax


def _legend_and_notes(ax, placer, with_relations: bool, rings: bool, points: list,
                      notes: list[str], state: "_MapState | None" = None) -> None:
    """The key below the map, and the notes below the key. ``state``'s legend stays when its
    entries are the same, and its notes Text takes the new notes."""
    from matplotlib.lines import Line2D

    has_base = any(str(r["kind"]) == "base" for r in points)
    key = (with_relations, rings, has_base)
    legend = ax.get_legend()
    kept = state.legends.get(key) if state is not None else None
    if legend is not None and legend is kept:
        pass  # the same entries as the last map's
    elif kept is not None and kept.axes is ax:  # as an earlier map's: put that legend back
        ax.legend_ = legend = kept
    else:
        sizes = [Line2D([], [], marker="o", linestyle="none", color=_PLACE_COLOUR,
                        markeredgecolor="white", markersize=math.sqrt(_size(n)), label=f"place named {n}×")
                 for n in (1, 5, 10)]
        if has_base:
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
        if state is not None:
            state.legends[key] = legend
    frame = placer.frame
    where = (tuple(frame.bounds), key)
    y = state.notes_at.get(where) if state is not None else None
    if y is None:  # else the same legend in the same place: no need to lay it out again
        box = legend.get_window_extent(placer.renderer)
        y = (box.y0 - frame.y0) / frame.height - 0.008
    text = chart_text(_wrap(" ".join(notes), 160))
    if state is not None and state.notes is not None and state.notes.axes is ax:
        state.notes.set(text=text, y=y)
    else:
        notes_text = ax.text(0.0, y, text, transform=ax.transAxes, ha="left", va="top", fontsize=7.5,
                             color="#555555", gid="notes", linespacing=1.3)
        if state is not None:
            state.notes = notes_text
    if state is not None:
        state.legend_key = key
        state.notes_at[where] = y
