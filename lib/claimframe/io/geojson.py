"""Places and relations as a GeoJSON FeatureCollection, for GIS tools and web maps."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimframe.extract.places import place_counts
from claimframe.extract.relations import locate_relations
from claimframe.schema import as_float, is_missing

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


# --------------------------------------------------------------------------------------------
# GeoJSON
# --------------------------------------------------------------------------------------------

def _json_value(v: Any) -> Any:
    import numpy as np

    if is_missing(v):
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
            lat, lon = as_float(r["lat"]), as_float(r["lon"])
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
        alat, alon = as_float(r.get("anchor_lat")), as_float(r.get("anchor_lon"))
        ilat, ilon = as_float(r.get("implied_lat")), as_float(r.get("implied_lon"))
        slat, slon = as_float(r.get("subject_lat")), as_float(r.get("subject_lon"))
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
