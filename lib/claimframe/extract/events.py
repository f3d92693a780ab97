"""Events: the dated statements of an article, set on a calendar beside the public record.

Why: "the Iraqi parliament passed a law in November" is a checkable statement about time. A
timeline puts each such statement at its period (a month is a span, not a day), next to the
article's own publication, the articles it cites, and curated *context* events from public
sources (``data/articles/<slug>/context_events.csv``), so a reader sees "in November" (the
article) against 2016-11-26 (the record).

One row per event; the columns are the ``events`` contract of :mod:`claimframe.schema`:

- ``reported``: a date expression in a sentence of the article (:func:`claimframe.extract.dates.find_dates`,
  resolved against the published date), with its ``start``/``end`` offsets, a ``label`` taken from
  the sentence's own words (:func:`event_label`), the people and organisations it names
  (:func:`find_actors`), its places (:func:`claimframe.extract.places.find_places`), the claims of the
  same sentence and who says it (the same attribution as the claims table);
- ``published`` and ``cited``: from ``meta.toml`` (``published``, ``[[cites]]``), without offsets;
- ``context``: rows of ``context_events.csv`` (see ``data/CONTEXT_EVENTS.md``), without offsets.

    >>> from claimframe import read_text
    >>> a = read_text("Soon after the offensive started on October 17, the general spoke.",
    ...               published="2016-12-15", outlet="Example News")
    >>> a.events[["kind", "date", "date_precision", "label"]].values.tolist()[0][2:]
    ['day', 'Offensive started']
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import hashlib
import itertools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from claimframe.errors import ClaimframeError
from claimframe.extract.attribution import find_people, source_of
from claimframe.extract.dates import period
from claimframe.schema import DATE_PRECISIONS, EVENT_KINDS, EVENTS, empty, from_records, is_missing, records, typed

if TYPE_CHECKING:
    import pandas as pd

    from claimframe.document import Document

__all__ = [
    "CONTEXT_FILE",
    "ContextEventsError",
    "event_id",
    "event_label",
    "events_table",
    "find_actors",
    "load_context_events",
]

CONTEXT_FILE = "context_events.csv"
#: Columns of context_events.csv: (name, required).
CONTEXT_COLUMNS = (
    ("date", True), ("date_end", False), ("date_precision", True), ("label", True),
    ("actors", False), ("places", False), ("source", True), ("note", False),
)
#: Paragraph roles whose dates are not statements (photo credits, site furniture).
SILENT_ROLES = frozenset({"credit", "boilerplate"})
LABEL_LIMIT = 60
JOIN = "; "


class ContextEventsError(ClaimframeError, ValueError):
    """context_events.csv is malformed: a missing column, a bad date or precision, an empty label."""


def event_id(*parts: object) -> str:
    """A stable ID: ``e-`` + 10 hex digits of a hash of the parts (kind, sentence, date text...)."""
    digest = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode()).hexdigest()
    return f"e-{digest[:10]}"


def _id_hash(*first: object):
    """The hash of :func:`event_id`'s first parts, to finish with :func:`_event_id_from` (a long
    sentence is hashed once, not once for each of its dates)."""
    return hashlib.sha1("\x1f".join("" if p is None else str(p) for p in first).encode())


def _event_id_from(started, *rest: object) -> str:
    """``event_id(*first, *rest)`` from ``started = _id_hash(*first)``."""
    h = started.copy()
    h.update("".join("\x1f" + ("" if p is None else str(p)) for p in rest).encode())
    return f"e-{h.hexdigest()[:10]}"


# --- labels ----------------------------------------------------------------------------------
# Clause boundaries: ", " (not "80,000"), ";", ":", brackets, dashes, and double quotation marks.
_BOUNDARY = re.compile(r",(?=\s)|;|:(?=\s)|[()]|\s[—–-]\s|—|[“”\"]")
_PREPOSITIONS = frozenset(
    """on in at by since until till through from during of for to into onto upon near outside inside
    across over under within without about around after before between among toward towards""".split()
)
# A date's own preposition, removed with it ("passed a law in November" -> "passed a law").
_DATE_PREP = re.compile(
    r"(?:\b(?:(?:by|at|until|till|before|after|from|since|towards?)\s+)?the\s+(?:end|start|beginning|middle"
    r"|close)\s+of\s+|\b(?:on|in|at|by|since|until|till|through|from|during|of|as of)\s+)?$",
    re.I,
)
# Words that open a subordinate clause or merely link it; stripped from the front of a label.
_LEADING = re.compile(
    r"^(?:(?:soon|shortly|just|only|even|days|weeks|months|years|hours|long|right)\s+)?"
    r"(?:after|before|since|when|whenever|until|till|as|once|while|although|though|because|if|then"
    r"|and|but|so|nevertheless|nonetheless|however|meanwhile|also|still|yet|that|which|where|later"
    r"|earlier|finally|first|instead)\b[\s,]*",
    re.I,
)
# A leading reporting frame the attribution module left uncovered: "Officials said (that) ...".
_FRAME = re.compile(
    r"^(?:[\w.’'-]+\s+){1,6}?(?:said|says|told\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+)+|reported|reports"
    r"|announced|announces|added|noted|confirmed|stated|wrote|writes)\s*(?:(?:on|in|last)\s+\w+\s+)?"
    r"(?:that\s+)?"
)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+(?=\S)", re.I)
# Segments that cannot carry an event on their own: quantified appositions ("many of them Sunni"),
# relative and prepositional phrases.
_NOT_CLAUSE = frozenset(
    """many some most all both each none several few including such like which who whom whose where
    what whether""".split()
) | _PREPOSITIONS
_TRAILING_WORDS = frozenset(
    """a an the and or but of to in on at by for from with that which who as than its their his her
    our is are was were be been has have had will would""".split()
)


def _clean(text: str) -> str:
    """A phrase tidied into a label: spaces collapsed, linking words and a leading article off."""
    text = " ".join(text.split()).strip(" ,.;:!?“”\"'‘’")  # split() and \s agree on what a space is
    previous = None
    while text != previous:
        previous = text
        text = _LEADING.sub("", text).strip(" ,")
    text = _ARTICLE.sub("", text)
    words = text.split()
    while words and words[-1].lower().strip(",") in _TRAILING_WORDS:
        words.pop()
    return " ".join(words).strip(" ,.;:")


def _capped(text: str, limit: int = LABEL_LIMIT) -> str:
    """Cut at a word boundary to at most ``limit`` characters, dropping dangling function words."""
    if len(text) <= limit:
        return text
    words, out = text.split(), []
    length = -1  # of " ".join(out), counting the space before the next word
    for w in words:
        length += 1 + len(w)
        if length > limit - 1:
            break
        out.append(w)
    while len(out) > 1 and out[-1].lower().strip(",;:") in _TRAILING_WORDS:
        out.pop()
    return " ".join(out).rstrip(" ,;:") + "…"


def _region(length: int, date: tuple[int, int], covers: Iterable[tuple[int, int]]) -> tuple[int, int]:
    """The part of a sentence the date belongs to: the attributed content it sits in, or else the
    reporting frame around it (everything outside the attributed content)."""
    covers = sorted(covers)
    for a, b in covers:
        if a <= date[0] and date[1] <= b:
            return a, b
    lo, hi = 0, length
    for a, b in covers:
        if b <= date[0]:
            lo = max(lo, b)
        elif a >= date[1]:
            hi = min(hi, a)
    return lo, hi


class _Clauses:
    """The segments of ``sentence[lo:hi]`` between clause boundaries, blank ones left out, found
    from the date outward.

    ``marks`` are the region's boundaries (``_BOUNDARY`` matches, found once per region and shared
    by every date in it); those that start inside the date are not boundaries for it. A label
    needs the date's own segment and the nearest few around it, so each date costs a few steps,
    not a pass over every clause of a long sentence (a casualty list written as one sentence has
    hundreds).
    """

    def __init__(self, sentence: str, lo: int, hi: int, marks: list[tuple[int, int]], starts: list[int],
                 date: tuple[int, int]):
        self.sentence, self.lo, self.hi, self.marks = sentence, lo, hi, marks
        self.p = bisect.bisect_left(starts, date[0])  # marks before the date
        self.skip = bisect.bisect_left(starts, date[1]) - self.p  # marks inside it
        self.n = len(marks) - self.skip

    def _raw(self, k: int) -> tuple[int, int]:
        """The k-th cut-out segment (0..n), blank or not."""
        a = self.lo if k == 0 else self.marks[k - 1 if k - 1 < self.p else k - 1 + self.skip][1]
        b = self.hi if k == self.n else self.marks[k if k < self.p else k + self.skip][0]
        return a, b

    def _blank(self, seg: tuple[int, int]) -> bool:
        return not self.sentence[seg[0]:seg[1]].strip()

    def home(self, start: int) -> tuple[int, int] | None:
        """The segment the date starts in (the p-th: the marks before the date come before it)."""
        a, b = self._raw(self.p)
        return (a, b) if a <= start < b and not self._blank((a, b)) else None

    def before(self):
        """The segments before the date's, nearest first."""
        return (seg for seg in map(self._raw, range(self.p - 1, -1, -1)) if not self._blank(seg))

    def after(self):
        """The segments after the date's, nearest first."""
        return (seg for seg in map(self._raw, range(self.p + 1, self.n + 1)) if not self._blank(seg))


def _is_clause(label: str, min_words: int) -> bool:
    words = label.split()
    return len(words) >= min_words and words[0].lower() not in _NOT_CLAUSE


def event_label(sentence: str, start: int, end: int, covers: Iterable[tuple[int, int]] = (),
                limit: int = LABEL_LIMIT) -> str:
    """A short description of what happened at the date ``sentence[start:end]``, in the sentence's
    own words.

    The clause around the date is kept, with the reporting frame trimmed: when the date sits in
    attributed content (``covers``, offsets into the sentence, as in the attribution module) the
    frame ("The LA Times learned from Col. Dorrian that") is dropped; when it sits in the frame
    ("the official told Breitbart News in October that ..."), the frame is the event. The date and
    its preposition, linking words ("Soon after", "Nevertheless") and a leading article go. A clause
    left with one word joins a short subject before it ("The dam, built in 1958" -> "Dam built"); a
    clause that is only a date or a prepositional phrase ("at sites outside Mosul on Dec. 4") gives
    way to the nearest main clause before it (or else after it). Capped at ``limit`` characters on
    a word boundary with "…".

        >>> s = "Nevertheless, the Iraqi parliament passed a law in November."
        >>> event_label(s, s.index("November"), s.index("November") + 8)
        'Iraqi parliament passed a law'
    """
    return _event_label(sentence, start, end, covers, limit, {})


def _event_label(sentence: str, start: int, end: int, covers: Iterable[tuple[int, int]], limit: int,
                 marks: dict[tuple[int, int], tuple[list, list]]) -> str:
    """:func:`event_label`, with ``marks``: the clause boundaries of each region of this sentence
    already found (region -> (marks, their starts)), filled as needed and kept for its next date."""
    lo, hi = _region(len(sentence), (start, end), covers)
    frame = _FRAME.match(sentence, lo) if lo == 0 else None
    if frame and frame.end() <= start:
        lo = frame.end()
    if (lo, hi) not in marks:
        found = [(m.start(), m.end()) for m in _BOUNDARY.finditer(sentence, lo, hi)]
        marks[(lo, hi)] = (found, [a for a, _ in found])
    clauses = _Clauses(sentence, lo, hi, *marks[(lo, hi)], (start, end))
    home = clauses.home(start)

    def cleaned(segment: tuple[int, int]) -> str:
        a, b = segment
        if a <= start < b:
            before = _DATE_PREP.sub("", sentence[a:start])
            return _clean(before + " " + sentence[end:b])
        return _clean(sentence[a:b])

    label = ""
    if home is not None:
        label = cleaned(home)
        if not _is_clause(label, 2):
            before = clauses.before()
            previous = next(before, None)
            subject = cleaned(previous) if previous is not None else ""
            if label and subject and _is_clause(subject, 1) and len(subject.split()) <= 4:
                label = _clean(subject + " " + label)  # "The dam, built in 1958"
            else:
                # the nearest main clause before the date, or else after it: stop at the first
                # (a long list of clauses is not cleaned whole for every date in it)
                order = itertools.chain([previous] if previous is not None else [], before, clauses.after())
                label = next((c for c in map(cleaned, order) if _is_clause(c, 3)), label)
    if not label:
        label = _clean(sentence[lo:hi].replace(sentence[start:end], " ")) or _clean(sentence)
    if label[:1].islower():
        label = label[0].upper() + label[1:]
    return _capped(label, limit)


# --- actors ----------------------------------------------------------------------------------
_SPACES = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_PARTICLE_NAME = re.compile(r"(?:\s+(?:al|el|bin|ibn|abu|de|van|von|da|di|du|le|la)[- ][A-Z][\w’'-]+)+")
# Generic head words of organisations' names ("Los Angeles Times", "Badr Organization").
_ORG_HEADS = (
    "Times|Post|News|Journal|Herald|Tribune|Telegraph|Press|Agency|Reuters|Organization|Organisation"
    "|Division|Brigades?|Battalion|Regiment|Army|Navy|Forces|Force|Corps|Units?|Party|Council|Committee"
    "|Ministry|Department|Pentagon|Congress|Parliament|Senate|Assembly|Government|University|College"
    "|Institute|Foundation|International|Group|Company|Bank|Association|Union|Movement|Front|State"
    "|Watch|Network|Service|Services|Command|Office|Court|Commission|Administration|Authority|Guard"
    "|Coalition|Police|Cabinet|Kremlin|Nations"
)
_CAP = r"(?:[A-Z](?:\.[A-Z])+\.?(?:-[a-z]+)?|[A-Z][\w’'&-]*|[0-9]+(?:st|nd|rd|th))"
_ORG = re.compile(
    rf"(?<![\w.])(?:{_CAP}\s+(?:(?:of|for|de)\s+(?:the\s+)?)?)*(?:{_ORG_HEADS})\b(?!-)"
    r"|(?<![\w.])[A-Z]{2,}s?\b(?![.-]\w)"  # acronyms: ISIS, PMF, PMUs
)
# What every _ORG match holds, an acronym's two capitals or a head word: two quick scans (each
# pattern starts with a character class the regex engine skips ahead to) say whether to run _ORG.
_ACRONYM_START = re.compile(r"[A-Z][A-Z]")
_ORG_HEAD = re.compile(_ORG_HEADS)
_DEMONYM_BODY = re.compile(
    r"\b[A-Z][a-z]+(?:i|an|ese|ish)\s+(?:parliament|government|army|military|police|forces|troops|navy"
    r"|cabinet|ministry|judiciary|legislature|courts?|coalition|authorities|officials)\b"
)
_LEAD_WORDS = frozenset(
    """The A An In On At By For From After Before Soon Although Nevertheless However Asked Echoing Citing
    According When While Some Many Most Other Both""".split()
)


@functools.lru_cache(maxsize=1024)
def _name_pattern(full: str) -> "re.Pattern":
    """A name's words with any spaces between them: made once per name, not once per mention."""
    return re.compile(r"\s+".join(map(re.escape, full.split())))


def _person_names(text: str) -> list[tuple[int, int, str]]:
    """Titled names with a trailing particle name kept ("Prime Minister Haider al-Abadi")."""
    out = []
    for p in find_people(text):
        m = _name_pattern(p.full).match(text, p.start)
        end = m.end() if m else p.start + len(p.full)
        particle = _PARTICLE_NAME.match(text, end)
        full = p.full + (_SPACES.sub(" ", particle.group(0)) if particle else "")
        out.append((p.start, particle.end() if particle else end, full))
    return out


def _alias_key(name: str) -> str:
    return _LEADING_ARTICLE.sub("", name.strip()).casefold()


def find_actors(sentence: str, people: dict[str, str] | None = None,
                aliases: dict[str, str] | None = None,
                exclude: Iterable[tuple[int, int]] = ()) -> list[str]:
    """People and organisations named in ``sentence``, in order, without repeats.

    People are titled names (:func:`claimframe.extract.attribution.find_people`), each given its fullest
    form in ``people`` (surname -> name, from the whole article). Organisations are runs of
    capitalised words ending in a generic head word ("Los Angeles Times", "101st Airborne Division",
    "Badr Organization"), acronyms ("ISIS", "PMF") and a demonym with an institution ("Iraqi
    parliament"); ``aliases`` (lower-case name -> canonical, from ``meta.toml``) names them as the
    claims table does ("the Times" -> "Los Angeles Times"). Spans in ``exclude`` (places, dates)
    are skipped.

        >>> find_actors("Col. John Dorrian told the Los Angeles Times that ISIS had fled.")
        ['Col. John Dorrian', 'Los Angeles Times', 'ISIS']
    """
    return _actors(sentence, people, aliases, exclude)[0]


def _actors(sentence: str, people: dict[str, str] | None, aliases: dict[str, str] | None,
            exclude: Iterable[tuple[int, int]]) -> tuple[list[str], list[tuple[int, int]]]:
    """:func:`find_actors`, and the spans of the organisations it took (sorted; they never overlap).

    People are found whatever ``exclude`` says; an organisation only where nothing found or
    excluded before it lies. So adding a span to ``exclude`` changes the answer only if one of
    those organisation spans overlaps it: one search per sentence serves all of its dates."""
    people, aliases = people or {}, aliases or {}
    found: list[tuple[int, int, str]] = []
    orgs: list[tuple[int, int]] = []
    taken = list(exclude)

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for a, b, full in _person_names(sentence):
        surname = full.split()[-1]
        found.append((a, b, people.get(surname, full)))
        taken.append((a, b))
    for pattern in (_DEMONYM_BODY, _ORG):
        if pattern is _ORG and not (_ACRONYM_START.search(sentence) or _ORG_HEAD.search(sentence)):
            continue  # half of the dated sentences: no acronym and no head word, so no _ORG match
        for m in pattern.finditer(sentence):
            a, b, name = m.start(), m.end(), m.group(0)
            words = name.split()
            while len(words) > 1 and words[0] in _LEAD_WORDS:  # "The LA Times" -> "LA Times"
                a += sentence[a:b].index(words[1], len(words[0]))
                words = words[1:]
            name = " ".join(words)
            if not free(a, b) or name in _LEAD_WORDS:
                continue
            found.append((a, b, aliases.get(_alias_key(name), name)))
            taken.append((a, b))
            orgs.append((a, b))
    out: list[str] = []
    for _, _, name in sorted(found):
        if name not in out:
            out.append(name)
    return out, sorted(orgs)


def _article_people(text: str) -> dict[str, str]:
    """surname -> the fullest titled form of that name in the article."""
    best: dict[str, str] = {}
    for _, _, full in _person_names(text):
        surname = full.split()[-1]
        if len(full) > len(best.get(surname, "")):
            best[surname] = full
    return best


class _ArticlePeople:
    """:func:`_article_people` of a text, read from the text when a sentence first names someone
    (most dated sentences name nobody). Only ``get``, which is all :func:`_actors` asks."""

    def __init__(self, text: str):
        self.text, self.best = text, None

    def get(self, surname: str, default: str) -> str:
        if self.best is None:
            self.best = _article_people(self.text)
        return self.best.get(surname, default)


def _aliases(meta: dict) -> dict[str, str]:
    out = {}
    for canonical, names in (meta.get("source_aliases") or {}).items():
        for name in [canonical, *names]:
            out[_alias_key(name)] = canonical
    if meta.get("outlet"):
        out.setdefault(_alias_key(meta["outlet"]), meta["outlet"])
    return out


# --- context events --------------------------------------------------------------------------
def _period_end(date: dt.date, precision: str) -> dt.date:
    if precision == "day":
        return date
    if precision == "week":
        return date + dt.timedelta(days=6)
    if precision == "month":
        return date.replace(day=calendar.monthrange(date.year, date.month)[1])
    if precision == "year":
        return date.replace(month=12, day=31)
    return period(date, precision)[1]  # quarter, half, season, decade, century: from their start


def _parse_context_date(value: str, precision: str, where: str) -> dt.date:
    value = value.strip()
    try:
        if precision == "year" and re.fullmatch(r"[0-9]{4}", value):
            return dt.date(int(value), 1, 1)
        if precision == "month" and re.fullmatch(r"[0-9]{4}-[0-9]{2}", value):
            return dt.date.fromisoformat(value + "-01")
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ContextEventsError(
            f"{where}: {value!r} is not a date; write YYYY-MM-DD (or YYYY-MM for a month, YYYY for a year)"
        ) from None


def load_context_events(path: str | Path) -> "pd.DataFrame":
    """Curated context events (a ``context_events.csv``) as rows of the events table, kind ``context``.

    Columns are described in data/CONTEXT_EVENTS.md. ``date_end`` may be left empty: it is then
    the end of the period (the day itself, the last day of the month...). Raises
    :class:`ContextEventsError` with the row number for a missing column, a bad date, an unknown
    precision or an empty required cell.
    """
    import pandas as pd

    path = Path(path)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise ContextEventsError(f"{path}: cannot be read as UTF-8 CSV ({exc})") from None
    missing = [c for c, required in CONTEXT_COLUMNS if required and c not in raw.columns]
    if missing:
        raise ContextEventsError(f"{path}: missing column(s) {', '.join(missing)}; "
                                 f"expected {', '.join(c for c, _ in CONTEXT_COLUMNS)}")
    rows = []
    for i, rec in enumerate(raw.to_dict("records")):
        where = f"{path}, row {i + 2}"
        for col, required in CONTEXT_COLUMNS:
            value = rec.get(col)
            rec[col] = None if value is None or pd.isna(value) or not str(value).strip() else str(value).strip()
            if required and rec[col] is None:
                raise ContextEventsError(f"{where}: {col} is empty; it is required")
        precision = rec["date_precision"]
        if precision not in DATE_PRECISIONS:
            raise ContextEventsError(f"{where}: date_precision {precision!r} is not one of "
                                     f"{', '.join(DATE_PRECISIONS)}")
        date = _parse_context_date(rec["date"], precision, where)
        date_end = (_parse_context_date(rec["date_end"], "day", where) if rec["date_end"]
                    else _period_end(date, precision))
        if date_end < date:
            raise ContextEventsError(f"{where}: date_end {date_end} is before date {date}")
        rows.append({
            "event_id": event_id("context", date, rec["label"]),
            "kind": "context",
            "date": date,
            "date_end": date_end,
            "date_precision": precision,
            "date_text": rec["date"],
            "label": rec["label"],
            "actors": rec["actors"],
            "places": rec["places"],
            "source": rec["source"],
            "note": rec["note"],
        })
    if not rows:
        return empty(EVENTS)
    return typed(EVENTS, pd.DataFrame(rows))


# --- the events table -------------------------------------------------------------------------
def _meta_rows(document: "Document") -> list[dict]:
    meta, rows = document.meta, []
    outlet = document.outlet or "unattributed"
    if document.published:
        rows.append({
            "event_id": event_id("published", meta.get("url") or meta.get("title"), document.published),
            "kind": "published",
            "date": document.published,
            "date_end": document.published,
            "date_precision": "day",
            "date_text": document.published.isoformat(),
            "label": _capped(f"{outlet} publishes this article"),
            "actors": outlet if document.outlet else None,
            "source": outlet,
            "note": "meta.toml: published",
        })
    for i, cite in enumerate(meta.get("cites") or []):
        if not cite.get("published"):
            continue
        cited_outlet = cite.get("outlet") or "unknown outlet"
        title = cite.get("title")
        actors = [cited_outlet, *(cite.get("authors") or [])]
        rows.append({
            "event_id": event_id("cited", cited_outlet, title, cite["published"]),
            "kind": "cited",
            "date": cite["published"],
            "date_end": cite["published"],
            "date_precision": "day",
            "date_text": cite["published"].isoformat(),
            "label": _capped(f"{cited_outlet}: “{title}”" if title else f"{cited_outlet} article (cited)"),
            "actors": JOIN.join(actors),
            "source": outlet,
            "note": cite.get("date_note") or f"meta.toml: cites[{i}].published",
        })
    return rows


def events_table(document: "Document", attributions: list, paragraph_records: list[dict], claims: "pd.DataFrame",
                 dates: list, places: "pd.DataFrame", context: str | Path | bool | None = None) -> "pd.DataFrame":
    """Stage: the events table of a Document (columns: :data:`claimframe.schema.EVENTS`), sorted
    by date. ``places`` is the places table (each sentence's places come from it).

    ``context``: a path to a context_events.csv, ``False`` for none, or ``None`` (the default) for
    ``context_events.csv`` in the document's folder when it was loaded from one.
    """

    text = document.text
    attributions = [sa for sa in attributions if sa.role not in SILENT_ROLES]
    starts = [sa.start for sa in attributions]

    def sentence_at(pos: int):
        i = bisect.bisect_right(starts, pos) - 1
        return attributions[i] if i >= 0 and pos < attributions[i].end else None

    credit = {p["paragraph_id"]: p["text"] for p in paragraph_records}
    roles = {p["paragraph_id"]: p["role"] for p in paragraph_records}
    places = places if attributions else None
    people, aliases = _ArticlePeople(text), _aliases(document.meta)
    # each sentence's places and claims, found once (not a scan of both tables for every date)
    places_in: dict[int, list[tuple[int, int, str]]] = {}
    if places is not None and len(places):
        # demonym rows left out: "Iraqi parliament" is an actor; Iraq is not named there (a flag
        # read in the loop, not a filtered copy of the table)
        demonym = (places["demonym"].to_numpy(dtype=bool, na_value=False) if "demonym" in places.columns
                   else [False] * len(places))
        mentions = records(places, ("start", "end", "name", "text"))  # cheaper than a Series per column
        for mention, is_demonym in zip(mentions, demonym):
            start, end, name = mention["start"], mention["end"], mention["name"]
            if is_demonym:
                continue
            sa = sentence_at(int(start))
            if sa is not None and int(end) <= sa.end:
                places_in.setdefault(sa.sentence_id, []).append(
                    (int(start), int(end), name if isinstance(name, str) else mention["text"]))
    claims_in: dict[int, list[str]] = {}
    # claim IDs as one object array: the same values as the column's own iteration, made at once
    for sid, cid in zip(claims["sentence_id"], claims["claim_id"].to_numpy(dtype=object)):
        claims_in.setdefault(sid, []).append(cid)

    rows, seen = [], {}
    # per sentence, shared by its dates: its text, the hash its event IDs start from, its clause
    # boundaries and its actors (a sentence with many dates is not re-read for each)
    current: dict = {"id": None}
    for d in dates:
        sa = sentence_at(d.start)
        if sa is None or d.date is None or sentence_at(d.end - 1) is not sa:
            continue
        if current["id"] != sa.sentence_id:
            sentence = text[sa.start:sa.end]
            place_spans = [(a - sa.start, b - sa.start) for a, b, _ in places_in.get(sa.sentence_id, ())]
            actors, orgs = _actors(sentence, people, aliases, place_spans)
            names = dict.fromkeys(name for _, _, name in places_in.get(sa.sentence_id, ()))
            current = {"id": sa.sentence_id, "sentence": sentence, "id_hash": _id_hash("reported", sentence),
                       "marks": {}, "actors": actors, "orgs": orgs, "org_starts": [a for a, _ in orgs],
                       "place_spans": place_spans, "places": JOIN.join(names) or None,
                       "claim_ids": JOIN.join(claims_in.get(sa.sentence_id, ())) or None}
        sentence = current["sentence"]
        default = None
        if sa.role == "caption" and roles.get(sa.paragraph_id + 1) == "credit":
            default = credit[sa.paragraph_id + 1].strip()
        source, _ = source_of(sa, d.start, d.end, default or document.outlet or "unattributed")
        date_span = (d.start - sa.start, d.end - sa.start)
        actors = current["actors"]
        i = bisect.bisect_left(current["org_starts"], date_span[1]) - 1
        if i >= 0 and current["orgs"][i][1] > date_span[0]:  # an organisation's name overlaps the date
            actors = find_actors(sentence, people, aliases, exclude=[date_span, *current["place_spans"]])
        k = seen[(sentence, d.text)] = seen.get((sentence, d.text), 0) + 1
        rows.append({
            "event_id": _event_id_from(current["id_hash"], d.text, k),
            "kind": "reported",
            "date": d.date,
            "date_end": d.date_end,
            "date_precision": d.precision,
            "date_text": d.text,
            "start": d.start,
            "end": d.end,
            "sentence_id": sa.sentence_id,
            "label": _event_label(sentence, d.start - sa.start, d.end - sa.start, sa.covers, LABEL_LIMIT,
                                  current["marks"]),
            "actors": JOIN.join(actors) or None,
            "places": current["places"],
            "claim_ids": current["claim_ids"],
            "source": source,
            "note": "relative to the published date" if d.relative else None,
        })
    rows += _meta_rows(document)
    if context is None and document.folder is not None:
        context = document.folder / CONTEXT_FILE
        context = context if context.is_file() else False
    if context:
        rows += load_context_events(context).to_dict("records")
    rows.sort(key=_date_order)  # stable: rows of the same key keep the order they came in
    return from_records(EVENTS, rows)


def _date_order(row: dict) -> tuple:
    """Events by date, then kind (the article's own first, in schema.EVENT_KINDS' order), offset
    and end; a missing date, offset or end sorts last."""
    last = float("inf")

    def day(value):
        return last if is_missing(value) else value.toordinal()  # a date, a datetime or a Timestamp

    start = row.get("start")
    return (day(row.get("date")), EVENT_KINDS.index(row["kind"]), last if is_missing(start) else start,
            day(row.get("date_end")))
