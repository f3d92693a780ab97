"""The tables behind the map: places with how often each is named, relations with their
anchor and subject located, and one relation's numbers laid out for reading."""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from claimframe.errors import ClaimframeError
from claimframe.extract.relations import locate_relations
from claimframe.geo import distance_bearing
from claimframe.schema import RELATION_NUMBERS, as_float, from_records, is_missing

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


_COMPASS16 = ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
              "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")
ARROWS8 = ("↑", "↗", "→", "↘", "↓", "↙", "←", "↖")
_MINUS = "\u2212"

_QUANTITIES = ("distance", "bearing", "latitude", "longitude", "position")


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

def _compass(deg: float) -> str:
    return _COMPASS16[int(math.floor((deg % 360.0) / 22.5 + 0.5)) % 16]


def km_text(x: float) -> str:
    """Kilometres as a map writes them: whole above 10, one decimal below."""
    x = abs(x)
    return f"{x:.0f}" if x >= 9.95 else f"{x:.1f}".rstrip("0").rstrip(".")


def _signed(x: float) -> str:
    s = km_text(x)
    return "0" if s == "0" else (_MINUS if x < 0 else "+") + s


def _stated_distance(r: dict) -> str:
    """'50 km', or '50 mi (80 km)' when the article gave miles (read from the phrase itself)."""
    km = as_float(r.get("distance_km"))
    if km is None:
        return "?"
    text = str(r.get("text") or "")
    direction = str(r.get("direction") or "")
    cut = text.lower().rfind(direction.lower()) if direction else -1
    claim = text[:cut] if cut > 0 else text
    if re.search(r"\bmi(?:les?)?\b", claim, re.I) and not re.search(r"kilomet|\bkm\b", claim, re.I):
        return f"{km_text(km / 1.609344)} mi ({km_text(km)} km)"
    return f"{km_text(km)} km"


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
    gkm, err = as_float(r.get("gazetteer_km")), as_float(r.get("error_km"))
    subject = None if is_missing(r.get("subject")) else str(r["subject"])
    if gkm is not None:
        line = f"measured {km_text(gkm)} km"
        if err is not None:
            # the error to the precision of the numbers it is the difference of
            whole = gkm >= 9.95 and (as_float(r.get("distance_km")) or 0) >= 9.95
            line += f", error {_signed(round(err) if whole else err)} km"
        lines.append(line)
        edeg = as_float(r.get("error_deg"))
        gaz = as_float(r.get("gazetteer_bearing_deg"))
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
    subject = "(no subject)" if is_missing(r.get("subject")) else str(r["subject"])
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
        ilat, ilon = as_float(r.get("implied_lat")), as_float(r.get("implied_lon"))
        slat, slon = as_float(r.get("subject_lat")), as_float(r.get("subject_lon"))
        miss = None
        if None not in (ilat, ilon, slat, slon):
            miss = float(distance_bearing(ilat, ilon, slat, slon)[0])
        hedge = None if is_missing(r.get("hedge")) else str(r["hedge"])
        base = {"relation_id": r["relation_id"], "subject": r.get("subject"), "anchor": r["anchor"]}

        def rnd(v, nd):
            return None if v is None else round(float(v), nd)

        rows += [
            dict(base, quantity="distance", stated=rnd(as_float(r.get("distance_km")), 1),
                 gazetteer=rnd(as_float(r.get("gazetteer_km")), 1), error=rnd(as_float(r.get("error_km")), 1),
                 unit="km", note=f"“{r['text']}”" + (f" ({hedge})" if hedge else "")),
            dict(base, quantity="bearing", stated=rnd(as_float(r.get("bearing_deg")), 1),
                 gazetteer=rnd(as_float(r.get("gazetteer_bearing_deg")), 1),
                 error=rnd(as_float(r.get("error_deg")), 1), unit="degrees",
                 note=f"{r.get('direction')}; clockwise from north"),
            dict(base, quantity="latitude", stated=rnd(ilat, 4), gazetteer=rnd(slat, 4),
                 unit="degrees N", note="stated: the anchor moved by the stated distance"),
            dict(base, quantity="longitude", stated=rnd(ilon, 4), gazetteer=rnd(slon, 4),
                 unit="degrees E", note="gazetteer: data/gazetteer.csv or GeoNames"),
            dict(base, quantity="position", error=rnd(miss, 1), unit="km",
                 note="how far the stated point is from the gazetteer's"),
        ]
    return from_records(RELATION_NUMBERS, rows)
