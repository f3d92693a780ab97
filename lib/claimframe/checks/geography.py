"""Geography: stated distances and bearings against the gazetteer's geodesy, and places that
GeoNames chose by name alone far from all the others."""
from __future__ import annotations

from typing import TYPE_CHECKING

from claimframe.checks.common import TOLERANCE, _f, _quote, _s, claim_interval, fmt, fmt_interval
from claimframe.checks.registry import Row, check
from claimframe.errors import ClaimframeError
from claimframe.schema import records

if TYPE_CHECKING:

    from claimframe.checks.registry import CheckInputs


#: The wider band (relative) within which a measured distance is a warning rather than a failure.
NEAR = {"exact": 0.10, "approx": 0.50, "at_least": 0.10, "at_most": 0.10, "range": 0.10, "vague": 0.10}


#: How far a place's edge may be from its gazetteer point, by place kind (km; an assumption).
EDGE_ALLOWANCE_KM = {"city": 10.0, "town": 3.0, "village": 1.0, "base": 2.0}


def _claim_index(inputs: "CheckInputs") -> dict[str, dict]:
    return {str(r["claim_id"]): r for r in inputs.records("claims")}


def _gazetteer_kinds() -> dict[str, str]:
    """place_id -> kind of the curated gazetteer; empty without one."""
    try:
        from claimframe.io.gazetteer import gazetteer_kinds

        return gazetteer_kinds()
    except (ImportError, OSError, ClaimframeError):
        return {}


def _place_kinds(inputs: "CheckInputs", place_ids: set[str]) -> dict[str, str]:
    """place_id -> kind of each of ``place_ids`` that has one: the curated gazetteer's, or else
    that of the article's first mention of the place with a kind."""
    gazetteer = _gazetteer_kinds()
    kinds = {pid: gazetteer[pid] for pid in place_ids if pid in gazetteer}
    places = inputs.places
    if len(kinds) < len(place_ids) and "place_id" in places.columns and "kind" in places.columns:
        for r in records(places, ("place_id", "kind")):
            pid = _s(r["place_id"])
            if pid in place_ids and pid not in kinds and _s(r["kind"]):
                kinds[pid] = _s(r["kind"])
    return kinds


def _compass_name(bearing: float) -> str:
    from claimframe.geo import COMPASS

    best = min(COMPASS, key=lambda k: abs((COMPASS[k] - bearing + 180) % 360 - 180))
    return best


def compass_half_sector(bearing_deg: float) -> float:
    """How many degrees either side a compass word covers: 45 (south), 22.5 (northeast), 11.25."""
    b = float(bearing_deg) % 360
    if b % 90 == 0:
        return 45.0
    if b % 45 == 0:
        return 22.5
    return 11.25


@check("claims", "places", "relations")
def check_relative_distances(inputs: "CheckInputs") -> list[Row]:
    """Each "N km <direction> of X" against the gazetteer's centre-to-centre distance."""
    if inputs.relations is None or len(inputs.relations) == 0:
        return []
    claims = _claim_index(inputs)
    relations = inputs.records("relations")
    kinds = None  # made for the first relation that can be measured
    rows = []
    for r in relations:
        cid = str(r["claim_id"])
        c = claims.get(cid, {})
        hedge = _s(r.get("hedge")) or _s(c.get("hedge")) or "exact"
        value = _f(r.get("distance_km"))
        value = value if value is not None else _f(c.get("value"))
        iv = claim_interval(value, c.get("low"), c.get("high"), hedge)
        measured = _f(r.get("gazetteer_km"))
        subject, anchor = _s(r.get("subject")), _s(r.get("anchor")) or "the anchor"
        phrase = _quote(r["text"])
        if iv is None or measured is None:
            missing = ("the place it locates" if subject is None else f"{subject} or {anchor}")
            rows.append({"kind": "relative_distance", "status": "info", "claim_ids": [cid],
                         "message": f"{phrase} cannot be measured: the gazetteer has no coordinates "
                                    f"for {missing}.",
                         "detail": f"subject {subject!r}, anchor {anchor!r}, stated {fmt_interval(iv, 'km')}"})
            continue
        near = claim_interval(value, c.get("low"), c.get("high"), hedge, NEAR)
        if kinds is None:
            kinds = _place_kinds(inputs, {_s(x.get(role)) for x in relations for role in
                                          ("anchor_place_id", "subject_place_id")} - {None})
        a_kind = kinds.get(_s(r.get("anchor_place_id")) or "")
        s_kind = kinds.get(_s(r.get("subject_place_id")) or "")
        allowance = EDGE_ALLOWANCE_KM.get(a_kind or "", 0.0) + EDGE_ALLOWANCE_KM.get(s_kind or "", 0.0)
        edge_fits = measured > iv[1] and measured - allowance <= iv[1]
        error = (value - measured) if value is not None else None
        allowed = f"{hedge} allows {fmt_interval(iv, 'km')}"
        if iv[0] <= measured <= iv[1]:
            status = "ok"
            message = (f"{phrase} agrees with the gazetteer, which puts {subject} {fmt(measured, 'km')} "
                       f"from {anchor} ({allowed}).")
        else:
            shorter = measured > iv[1]
            status = "warn" if (near and near[0] <= measured <= near[1]) or edge_fits else "fail"
            message = (f"{phrase} is {'shorter' if shorter else 'longer'} than the {fmt(measured, 'km')} "
                       f"the gazetteer gives from {anchor} to {subject}, centre to centre ({allowed}).")
        detail = [f"stated {fmt(value, 'km') if value is not None else fmt_interval(iv, 'km')} ({hedge}, "
                  f"tolerance ±{TOLERANCE.get(hedge, 0):.0%}: {fmt_interval(iv, 'km')})",
                  f"gazetteer {measured:.1f} km centre to centre"
                  + (f", error {error:+.1f} km ({error / measured:+.0%})" if error is not None else "")]
        if status != "ok" and measured > iv[1]:
            detail.append(
                f"edge versus centre: a distance from a place is often measured from its edge, the "
                f"gazetteer's from its centre point; allowing up to {fmt(allowance, 'km')} "
                f"({anchor}: {a_kind or 'unknown kind'}, {subject}: {s_kind or 'unknown kind'}) the "
                f"statement {'is' if edge_fits else 'is still not'} plausible")
        rows.append({"kind": "relative_distance", "status": status, "claim_ids": [cid],
                     "message": message, "detail": "; ".join(detail)})
    return rows


@check("relations")
def check_relative_bearings(inputs: "CheckInputs") -> list[Row]:
    """Each compass word ("northeast of X") against the gazetteer's bearing."""
    relations = inputs.relations
    if relations is None or len(relations) == 0:
        return []
    rows = []
    for r in inputs.records("relations"):
        stated, measured = _f(r.get("bearing_deg")), _f(r.get("gazetteer_bearing_deg"))
        if stated is None or measured is None:
            continue
        half = compass_half_sector(stated)
        err = (stated - measured + 180) % 360 - 180
        direction, anchor, subject = _s(r.get("direction")), _s(r.get("anchor")), _s(r.get("subject"))
        status = "ok" if abs(err) <= half else "warn" if abs(err) <= 2 * half else "fail"
        where = f"{subject} lies at {measured:.0f}° ({_compass_name(measured)}) from {anchor}"
        if status == "ok":
            phrase = _quote(f"{direction} of {anchor}")
            message = f"{phrase} fits: {where}, within the ±{half:g}° the word covers."
        else:
            phrase = _quote(f"{direction} of {anchor}")
            message = f"{phrase} does not fit: {where}, {abs(err):.0f}° off."
        rows.append({"kind": "relative_bearing", "status": status, "claim_ids": [str(r["claim_id"])],
                     "message": message,
                     "detail": f"stated {direction} = {stated:g}° (±{half:g}°); gazetteer {measured:.1f}°; "
                               f"difference {err:+.1f}°"})
    return rows


@check("places")
def check_place_outliers(inputs: "CheckInputs") -> list[Row]:
    """A place GeoNames chose by name alone, far from all the article's other places
    (:func:`claimframe.extract.places.outlying_places`). The place stays resolved and this check says so:
    nothing is lost if it is right (a foreign city the article does mean)."""
    from claimframe.extract.places import outlying_places

    rows = []
    for r in outlying_places(inputs.places):
        lat, lon, nearest_km, spread = r["lat"], r["lon"], r["nearest_km"], r["spread_km"]
        rows.append({
            "kind": "place_outlier", "status": "warn", "claim_ids": [], "key": r["place_id"],
            "message": (f"{_quote(r['text'])} was placed by GeoNames, by name alone, at {r['name']} "
                        f"({_latlon(lat, lon)}), {nearest_km:,.0f} km from the nearest other place of the "
                        f"article ({r['nearest']}); it may be another place of that name"
                        + (f": likely {r['likely']}, {r['likely_km']:,.0f} km from the article's other places."
                           if r.get("likely") else ".")),
            "detail": (f"{r['place_id']} (fallback); the article's other {r['others']} places lie within "
                       f"{spread:,.0f} km of each other; add the place meant to data/gazetteer.csv to fix it"),
        })
    return rows


def _latlon(lat: float, lon: float) -> str:
    return f"{abs(lat):.2f}°{'N' if lat >= 0 else 'S'}, {abs(lon):.2f}°{'E' if lon >= 0 else 'W'}"
