"""Relations: "<distance claim> <direction> of <anchor>" ("some 50 kilometers south of Mosul")
as a row that sets the stated distance and bearing against the gazetteer's."""
from __future__ import annotations

import bisect
import hashlib
import re
from typing import TYPE_CHECKING

from claimframe.geo import compass_bearing, destination, distance_bearing
from claimframe.io.gazetteer import gazetteer_positions
from claimframe.schema import from_records, is_missing, records, typed

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from claimframe.document import Document


def _typed(table: str, rows: "list[dict] | pd.DataFrame") -> "pd.DataFrame":
    """The table's columns with their dtypes (contracts in schema.py)."""
    return from_records(table, rows) if isinstance(rows, list) else typed(table, rows)


# --------------------------------------------------------------------------------------------
# Relations: "<distance claim> <direction> of <anchor>"
# --------------------------------------------------------------------------------------------

_POINT = r"(?:north|south|east|west)"
_REL = re.compile(
    rf"(?:\s*\([^()]*\))?\s+(?:due\s+)?(?P<dir>{_POINT}(?:[- ]?{_POINT}){{0,2}})\s+of\s+"
    r"(?:the\s+(?:(?:city|town|village|base|capital|province|governorate|region|district)\s+of\s+)?)?",
    re.IGNORECASE,
)
_CHAIN = re.compile(r"\s*,?\s*(?:(?:in|at|inside|near|outside|on)\s+)?(?:the\s+)?")
_POINT_KINDS = {"city", "town", "village", "base"}
_CLAIM_COLUMNS = ("claim_id", "start", "sentence_id", "value", "hedge")  # read for a stated relation
_PLACE_COLUMNS = ("start", "end", "text", "place_id", "kind", "resolution", "lat", "lon")


def _relation_id(claim_id: str, phrase: str) -> str:
    return "r-" + hashlib.sha1(f"{claim_id}\x1f{phrase}".encode("utf-8")).hexdigest()[:10]


def find_relations(text: str, sentences: "pd.DataFrame | None", claims: "pd.DataFrame",
                   places: "pd.DataFrame") -> "pd.DataFrame":
    """One row per "<distance> <direction> of <anchor>" statement, with what the gazetteer says.

    For each claim of kind ``distance`` whose text is followed directly (after an optional
    parenthetical such as "(8 miles)") by "<direction> of [the city of] <place mention>":

    - ``start``/``end``/``text``: the whole phrase, claim through anchor ("some 50 kilometers
      south of Mosul");
    - ``anchor``/``anchor_place_id``: the place mention after "of";
    - ``subject``/``subject_place_id``: what the sentence locates. Rule: take the place mention
      nearest before the claim in the same sentence; walk back over mentions chained to it by
      only ",", "in", "at", "inside", "near", "outside" or "on" ("Qayara West Coalition base in
      Qayara"); the subject is the first one of that chain that is a point (city, town, village,
      base: not a country or region). So a base named before the town it is in wins, and so does
      a town before its country ("Erbil, Iraq"). No such mention: empty, never guessed;
    - ``distance_km`` (the claim's ``value``: empty for ranges), ``bearing_deg`` (16-point
      compass), ``hedge``; ``implied_lat``/``implied_lon``: where the claim puts the subject,
      from the anchor (geodesic forward);
    - ``gazetteer_km``/``gazetteer_bearing_deg``: anchor to subject from their coordinates;
      ``error_km`` = claimed - gazetteer; ``error_deg`` = claimed - gazetteer in -180..180.

    ``sentences`` (sentence_id, start, end) bounds the search for a subject; ``None`` treats the
    whole text as one sentence. ``places`` is :func:`find_places` output for the same text.
    """
    if claims is None or len(claims) == 0 or not len(places):
        return _typed("relations", [])
    distances = _rows_of_kind(claims["kind"], "distance")
    if not distances:  # most articles: no distance, nothing to read
        return _typed("relations", [])
    # the words after each distance first: most are no "<direction> of ...", and then no table
    # needs converting; after that only the columns read here, once
    ends = records(claims, ("end",))
    stated = _stated(text, [(i, ends[i]["end"]) for i in distances])
    if not stated:
        return _typed("relations", [])
    claim_rows = records(claims, _CLAIM_COLUMNS)
    return _relations(text, sentences, [(claim_rows[i], m, bearing) for i, m, bearing in stated], places)


def _stated(text: str, distances: list[tuple]) -> list[tuple]:
    """(claim, match, bearing) for each (claim, end) of ``distances`` that "<direction> of" follows."""
    stated = []
    for claim, end in distances:
        m = _REL.match(text, int(end))
        bearing = compass_bearing(m.group("dir")) if m else None
        if bearing is not None:
            stated.append((claim, m, bearing))
    return stated


def _relations(text: str, sentences: "pd.DataFrame | None", stated: list[tuple],
               places: "pd.DataFrame") -> "pd.DataFrame":
    """The relations table of :func:`find_relations` from the distance claims that "<direction>
    of" follows: (claim as a dict, the match of the words after it, the bearing they name)."""
    import pandas as pd

    rows = []
    columns = _PLACE_COLUMNS + (("demonym",) if "demonym" in places.columns else ())
    pl = records(places, columns)
    starts = [r["start"] for r in pl]
    if None in starts or not all(a <= b for a, b in zip(starts, starts[1:])):  # the places table is
        pl = records(places.sort_values(["start", "end"]), columns)  # in text order; other input may not be
    pl = [r for r in pl if not r.get("demonym")]  # a demonym ("Syrian forces") is never an anchor or subject
    if not pl:
        return _typed("relations", rows)
    by_start = {int(r["start"]): r for r in pl}
    starts = [int(r["start"]) for r in pl]
    sentence_start = {}  # the subject comes before the claim: only where its sentence starts is read
    if sentences is not None and len(sentences):
        for s in records(sentences, ("sentence_id", "start")):
            if s["sentence_id"] is not None:
                sentence_start[s["sentence_id"]] = int(s["start"])

    for c, m, bearing in stated:
        cstart = int(c["start"])
        anchor = by_start.get(m.end())
        if anchor is None:
            continue
        sid = c.get("sentence_id")
        sid = None if sid is None or pd.isna(sid) else int(sid)
        subject = _subject(text, pl, starts, sentence_start.get(sid, 0), cstart, anchor)
        value = c.get("value")
        dist = None if value is None or pd.isna(value) else float(value)
        row = {
            "claim_id": c["claim_id"],
            "sentence_id": sid,
            "start": cstart,
            "end": int(anchor["end"]),
            "text": text[cstart:int(anchor["end"])],
            "anchor": anchor["text"],
            "anchor_place_id": anchor["place_id"],
            "direction": m.group("dir"),
            "distance_km": dist,
            "bearing_deg": bearing,
            "hedge": c.get("hedge"),
        }
        row["relation_id"] = _relation_id(str(c["claim_id"]), row["text"])
        a_ok = not (pd.isna(anchor["lat"]) or pd.isna(anchor["lon"]))
        if a_ok and dist is not None:
            row["implied_lat"], row["implied_lon"] = destination(anchor["lat"], anchor["lon"],
                                                                 bearing, dist)
        if subject is not None:
            row["subject"] = subject["text"]
            row["subject_place_id"] = subject["place_id"]
            if a_ok and not (pd.isna(subject["lat"]) or pd.isna(subject["lon"])):
                km, az = distance_bearing(anchor["lat"], anchor["lon"], subject["lat"],
                                          subject["lon"])
                row["gazetteer_km"], row["gazetteer_bearing_deg"] = km, az
                if dist is not None:
                    row["error_km"] = dist - km
                row["error_deg"] = float((bearing - az + 180.0) % 360.0 - 180.0)
        rows.append(row)
    return _typed("relations", rows)


def _rows_of_kind(kinds: "pd.Series", kind: str) -> list[int]:
    """Positions of the rows of ``kind``; in a category column found from its codes, without the
    column of strings that comparing it would make."""
    import numpy as np
    import pandas as pd

    if isinstance(kinds.dtype, pd.CategoricalDtype):
        categories = kinds.array.categories
        if kind not in categories:
            return []
        return np.flatnonzero(kinds.array.codes == categories.get_loc(kind)).tolist()
    return np.flatnonzero(kinds.to_numpy() == kind).tolist()


def _subject(text, places: list[dict], starts: list[int], lo, cstart, anchor):
    """The place a "<distance> of <anchor>" sentence locates (see find_relations' rule);
    ``places`` are the mentions in text order, ``starts`` their offsets."""
    import pandas as pd

    window = places[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, cstart)]
    before = [r for r in window if int(r["end"]) <= cstart]
    if not before:
        return None
    chain = [before[-1]]
    for r in reversed(before[:-1]):
        if _CHAIN.fullmatch(text[int(r["end"]):int(chain[0]["start"])]):
            chain.insert(0, r)
        else:
            break
    for r in chain:
        kind = None if pd.isna(r["kind"]) else r["kind"]
        if r["resolution"] == "unresolved" or kind in _POINT_KINDS:
            if pd.isna(r["place_id"]) or r["place_id"] != anchor["place_id"]:
                return r
    return None


def relations_table(document: "Document", sentences: "pd.DataFrame", claim_records: list[dict],
                    places: "pd.DataFrame") -> "pd.DataFrame":
    """Stage: relative positions stated in a Document (see :func:`find_relations`), found from the
    claims' records, the rows the claims table is made of: no claim column is converted back."""
    distances = [(c, c["end"]) for c in claim_records if c.get("kind") == "distance"] if len(places) else []
    stated = _stated(document.text, distances)
    if not stated:
        return _typed("relations", [])
    return _relations(document.text, sentences, stated, places)


def _positions(places: "pd.DataFrame | None") -> dict[str, tuple[float, float]]:
    """place_id -> (lat, lon): the places table's first, then the curated gazetteer's."""
    out: dict[str, tuple[float, float]] = {}
    if places is not None and len(places):
        for pid, lat, lon in zip(places["place_id"], places["lat"], places["lon"]):
            if not is_missing(pid) and not is_missing(lat) and not is_missing(lon) and str(pid) not in out:
                out[str(pid)] = (float(lat), float(lon))
    for pid, latlon in gazetteer_positions().items():
        out.setdefault(pid, latlon)
    return out


def locate_relations(relations: "pd.DataFrame | None",
                     places: "pd.DataFrame | None" = None) -> "pd.DataFrame":
    """The relations table (:func:`claimframe.extract.relations.find_relations`) with ``anchor_lat``,
    ``anchor_lon``, ``subject_lat``, ``subject_lon`` added, looked up by place_id in ``places``
    (mentions or :func:`place_counts` output) and then in the curated gazetteer. Empty when a
    place has no coordinates (an unresolved subject such as "Taji"): never guessed.
    Already-located tables pass through."""
    import pandas as pd

    rel = from_records("relations", []) if relations is None else relations
    if {"anchor_lat", "subject_lat"} <= set(rel.columns):
        return rel
    pos = _positions(places)
    out = rel.copy()
    for role in ("anchor", "subject"):
        ids = out[f"{role}_place_id"] if f"{role}_place_id" in out else pd.Series([None] * len(out))
        got = [pos.get(str(p)) if not is_missing(p) else None for p in ids]
        out[f"{role}_lat"] = pd.array([g[0] if g else None for g in got], dtype="Float64")
        out[f"{role}_lon"] = pd.array([g[1] if g else None for g in got], dtype="Float64")
    return out.reset_index(drop=True)
