"""Temporal expressions in news text, resolved to calendar periods.

News copy rarely writes a full date: "Dec. 4", "in October", "last week" and "on Friday" all lean
on the day the article was published. ``find_dates`` finds such expressions and resolves them
against ``published``; ``infer_year`` holds the one rule for missing years (past bias, as in
``data/README.md``: the latest such date not after the published date).

    >>> [(m.text, str(m.date), m.precision)
    ...  for m in find_dates("It began on Dec. 4.", datetime.date(2016, 12, 15))]
    [('Dec. 4', '2016-12-04', 'day')]

Rules for ambiguous cases (tests/test_dates.py pins each one):

- Spans leave out a leading preposition ("in November" -> "November", "from June to August" ->
  "June to August") but keep words that change the period: "early", "late", "mid-", "last",
  "next", "this" and the "between" of "between May and July".
- "May", "March", "August" and abbreviations ("Nov.") are ordinary words or names, so they count
  only after in/since/by/until/till/through/from/during/of or a modifier, or with a day or year;
  an abbreviation without its dot ("Jan", "Sep") needs a day or year. Other month names count
  anywhere. Month names are case-sensitive. A month followed by an impossible day ("April 31")
  is skipped, not read as the month.
- A year alone needs a preposition (in/since/by/until/till/through/from/during/of/before/after)
  or early/late/mid-, lies in 1800..2100, and is not followed by a lower-case plural word
  ("between 1990 and 2000 fighters" is a count). "2016-17" (seasons, fiscal years) is never a
  date; "2014-2017" is a year range.
- A bare weekday ("on Friday") is the latest such day on or before the published date (the
  published day itself if it is that weekday); "last Friday" is strictly before, "next Friday"
  strictly after, "this Friday" in the published date's Monday-to-Sunday week.
  "last October" is the latest October before the published month; "next October" the first after.
- A stated weekday is reported in ``weekday`` but not used to pick a year or checked; that is a
  job for the checks module. "the last week/month/year" (the past N days) and "recent weeks" are
  too vague to date and are skipped; so are frequencies ("weekly", "on Fridays") and seasons.
- Impossible dates ("Feb. 30", "2016-13-01") are skipped rather than guessed.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from claimframe import lexicon

__all__ = ["DateMention", "document_dates", "find_dates", "infer_year"]


@dataclass(frozen=True)
class DateMention:
    """One temporal expression: where it is, what it says and the period it names."""

    start: int
    end: int
    text: str
    date: datetime.date | None
    date_end: datetime.date | None
    precision: str
    relative: bool
    year_stated: bool
    weekday: int | None


def infer_year(month: int, day: int | None, published: datetime.date) -> int:
    """The year of a month (and day) written without one, with a past bias.

    News reports what has happened, so the year is the latest one in which the date (the first
    of the month when ``day`` is None) is not after ``published``. Feb. 29 goes back to the
    latest leap year.

    >>> infer_year(12, 1, datetime.date(2017, 1, 12))
    2016
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    day = day or 1
    if not 1 <= day <= _days_in(month):
        raise ValueError(f"{_MONTH_NAMES[month - 1]} has no day {day}")
    year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
    if (month, day) == (2, 29):
        while not calendar.isleap(year):
            year -= 1
    return year


# --- building blocks --------------------------------------------------------------------------
# Digits are [0-9], not \d (which also matches Arabic-Indic digits); case-insensitive words use
# (?ai:...) so that Unicode case folding ("ſ" ~ "s") cannot produce words the lookups don't know.
_MONTH = (
    rf"(?:(?:{'|'.join(lexicon.MONTHS)})\b"
    rf"|(?:{'|'.join(a for a in lexicon.MONTH_ABBREVIATIONS if a not in lexicon.MONTHS)})\b\.?)"
)
_WEEKDAY = rf"(?:{'|'.join(lexicon.WEEKDAYS)})\b"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)(?![0-9])(?![.,][0-9])"
_MONTH_GATE = r"(?ai:in|since|by|until|till|through|from|during|of)"
_YEAR_GATE = r"(?ai:in|since|by|until|till|through|from|during|of|before|after)"
_MODIFIER = r"(?ai:early|late|mid|last|next|this)"
_DASH = r"\s*[-–]\s*"

_MONTH_NAMES = lexicon.MONTHS
_MONTH_NUMBER = {name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
_WEEKDAY_NUMBER = {name: i for i, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))}
_WORD_MONTHS = frozenset(lexicon.WORD_MONTHS)  # also ordinary words or names

# A lower-case plural right after a year-like number makes it a count ("2000 fighters").
_COUNT_NOUN_AFTER = re.compile(
    r"\s+(?!(?:is|was|has|as|its|his|this|thus|whereas|always|perhaps|unless|plus)\b)[a-z]+s\b"
)


def _month(text: str) -> int:
    return _MONTH_NUMBER[text[:3].lower()]


def _needs_gate(month_text: str) -> bool:
    """True for month words that are not dates on their own: May, March, August, "Nov.", "Jan"."""
    return month_text in _WORD_MONTHS or month_text not in _MONTH_NAMES


def _bare_abbreviation(month_text: str) -> bool:
    """ "Jan", "Aug" without a dot are names or words too often; they need a day or year."""
    return month_text not in _MONTH_NAMES and not month_text.endswith(".")


def _day(text: str) -> int:
    return int(text.rstrip("stndrh"))  # "9th" -> 9


def _days_in(month: int) -> int:
    return calendar.monthrange(2000, month)[1]  # a leap year: Feb. 29 exists in some year


def _day_or_none(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _month_period(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


def _mention(m: re.Match, date, date_end, precision, *, relative=False, year_stated=False, weekday=None):
    start, end = m.span("span")
    return DateMention(start, end, m["span"], date, date_end, precision, relative, year_stated, weekday)


# --- rules: a compiled pattern and a handler that resolves a match or rejects it ----------------
_ISO = re.compile(
    r"(?<![\w.-])(?P<span>(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2}))(?![\w-]|\.[0-9])"
)


def _iso(m: re.Match, published):
    date = _day_or_none(int(m["year"]), int(m["month"]), int(m["day"]))
    if date is None or not 1800 <= date.year <= 2100:
        return None
    return _mention(m, date, date, "day", year_stated=True)


def _day_date(m: re.Match, published):
    """Month-day ("Wednesday, Nov. 9, 2016", "Oct. 17-19") and day-month ("9 November 2016")."""
    month, day = _month(m["month"]), _day(m["day"])
    day2 = _day(m["day2"]) if m["day2"] else day
    if day2 > _days_in(month) or (m["day2"] and day2 <= day):
        return None
    weekday = _WEEKDAY_NUMBER[m["wd"][:3]] if m["wd"] else None
    if m["year"]:
        year = int(m["year"])
    elif published is not None:
        year = infer_year(month, day, published)
    else:
        return _mention(m, None, None, "day", weekday=weekday)
    date, date_end = _day_or_none(year, month, day), _day_or_none(year, month, day2)
    if date is None or date_end is None:
        return None
    return _mention(m, date, date_end, "day", year_stated=bool(m["year"]), weekday=weekday)


_MONTH_DAY = re.compile(
    rf"\b(?P<span>(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<month>{_MONTH})\s*(?P<day>{_DAY})"
    rf"(?:{_DASH}(?P<day2>{_DAY}))?(?:,?\s+(?P<year>{_YEAR}))?)"
)
_DAY_MONTH = re.compile(
    rf"(?P<span>(?:\b(?P<wd>{_WEEKDAY}),?\s+)?(?<![\w.,–-])(?P<day>{_DAY})(?:{_DASH}(?P<day2>{_DAY}))?"
    rf"\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?)"
)

_MONTH_ALONE = re.compile(
    rf"\b(?:(?P<prep>{_MONTH_GATE})\s+)?"
    rf"(?P<span>(?:(?P<mod>{_MODIFIER})(?:-|\s+))?(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR}))?)"
    rf"(?!\s*{_DAY})"  # "April 31" is a bad day, not the month of April
)


def _month_alone(m: re.Match, published):
    """ "in November", "last October", "mid-June", "November 2016"."""
    mod = (m["mod"] or "").lower()
    if _needs_gate(m["month"]) and not (m["prep"] or mod or m["year"]):
        return None
    if _bare_abbreviation(m["month"]) and not m["year"]:
        return None
    month = _month(m["month"])
    relative = not m["year"] and mod in ("last", "next", "this")
    if m["year"]:
        year = int(m["year"])
    elif published is None:
        return _mention(m, None, None, "month", relative=relative)
    elif mod == "last":
        year = published.year if month < published.month else published.year - 1
    elif mod == "next":
        year = published.year if month > published.month else published.year + 1
    elif mod == "this":
        year = published.year
    else:
        year = infer_year(month, None, published)
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return None
    return _mention(m, *_month_period(year, month), "month", relative=relative, year_stated=bool(m["year"]))


_YEAR_ALONE = re.compile(
    rf"\b(?:(?P<prep>{_YEAR_GATE})\s+)?(?P<span>(?:(?P<mod>(?ai:early|late|mid))(?:-|\s+))?(?P<year>{_YEAR}))"
    rf"(?!{_DASH}[0-9])"
)


def _year_alone(m: re.Match, published):
    """ "in 2015", "since 2014", "mid-2016"; never a bare number ("1500 troops", "Route 2016")."""
    if not (m["prep"] or m["mod"]) or _COUNT_NOUN_AFTER.match(m.string, m.end()):
        return None
    year = int(m["year"])
    return _mention(m, datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year", year_stated=True)


def _side(n: int) -> str:
    return (
        rf"(?:(?P<month{n}>{_MONTH})(?:\s*(?P<day{n}>{_DAY}))?(?:,?\s+(?P<year{n}>{_YEAR}))?"
        rf"|(?P<yonly{n}>{_YEAR}))"
    )


_RANGE = re.compile(
    rf"(?<![.,$–-])\b(?:(?P<from>(?ai:from))\s+)?(?P<span>(?:(?P<between>(?ai:between))\s+)?{_side(1)}"
    rf"(?:\s+(?P<conj>(?ai:to|through|until|till|and))\s+|{_DASH}){_side(2)})"
)


def _range(m: re.Match, published):
    """One mention for "from June to August", "between May and July", "Oct. 17 to Nov. 2", "2014-2017".

    Sides must have the same precision. A missing year comes from the other side, or (neither
    stated) the start year is inferred from the published date and the end follows it.
    """
    conj = (m["conj"] or "").lower()
    if (conj == "and") != bool(m["between"]):
        return None
    if m["yonly1"] or m["yonly2"]:
        if not (m["yonly1"] and m["yonly2"]) or conj and not (m["from"] or m["between"]):
            return None
        if _COUNT_NOUN_AFTER.match(m.string, m.end()):
            return None
        y1, y2 = int(m["yonly1"]), int(m["yonly2"])
        if y2 <= y1:
            return None
        return _mention(m, datetime.date(y1, 1, 1), datetime.date(y2, 12, 31), "year", year_stated=True)
    if bool(m["day1"]) != bool(m["day2"]):
        return None
    if _needs_gate(m["month1"]) and not (m["from"] or m["between"] or m["day1"] or m["year1"]):
        return None
    for n in "12":
        if _bare_abbreviation(m["month" + n]) and not (m["day" + n] or m["year" + n]):
            return None
    precision = "day" if m["day1"] else "month"
    m1, m2 = _month(m["month1"]), _month(m["month2"])
    d1 = _day(m["day1"]) if m["day1"] else 1
    d2 = _day(m["day2"]) if m["day2"] else 1
    if d1 > _days_in(m1) or d2 > _days_in(m2):
        return None
    y1 = int(m["year1"]) if m["year1"] else None
    y2 = int(m["year2"]) if m["year2"] else None
    if y1 is None and y2 is not None:
        y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
    elif y1 is None and published is not None:
        y1 = infer_year(m1, d1, published)
    if y1 is not None and y2 is None:
        y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1
    year_stated = bool(m["year1"] or m["year2"])
    if y1 is None:
        return _mention(m, None, None, precision)
    if not datetime.MINYEAR <= y1 <= y2 <= datetime.MAXYEAR:
        return None
    if precision == "month":
        start, end = _month_period(y1, m1)[0], _month_period(y2, m2)[1]
    else:
        start, end = _day_or_none(y1, m1, d1), _day_or_none(y2, m2, d2)
    if start is None or end is None or end <= start:
        return None
    return _mention(m, start, end, precision, year_stated=year_stated)


_RELATIVE_DAY = re.compile(r"(?<!USA\s)\b(?P<span>(?P<word>(?ai:yesterday|today|tomorrow)))\b")
_RELATIVE_PERIOD = re.compile(
    r"(?<!\b(?ai:the)\s)\b(?P<span>(?P<rel>(?ai:last|this|next))\s+(?P<unit>(?ai:week|month|year)))\b"
)
_RELATIVE_WEEKDAY = re.compile(rf"\b(?P<span>(?:(?P<rel>(?ai:last|this|next))\s+)?(?P<wd>{_WEEKDAY}))")
_OFFSET = {"last": -1, "this": 0, "next": 1, "yesterday": -1, "today": 0, "tomorrow": 1}


def _relative(m: re.Match, published):
    """ "yesterday", "last week", "this month", "next year", "Friday", "last Friday"."""
    groups = m.groupdict()
    weekday = _WEEKDAY_NUMBER[groups["wd"][:3]] if groups.get("wd") else None
    precision = groups["unit"].lower() if groups.get("unit") else "day"
    if published is None:
        return _mention(m, None, None, precision, relative=True, weekday=weekday)
    offset = _OFFSET.get((groups.get("rel") or groups.get("word") or "").lower())  # None: bare weekday
    day = datetime.timedelta(days=1)
    try:
        if weekday is not None:
            back = (published.weekday() - weekday) % 7  # days back to the latest such weekday
            if offset == -1:
                back = back or 7
            elif offset == 1:
                back = -((weekday - published.weekday()) % 7 or 7)
            elif offset == 0:
                back = published.weekday() - weekday
            date = end = published - back * day
        elif precision == "day":
            date = end = published + offset * day
        elif precision == "week":
            date = published - (published.weekday() - 7 * offset) * day
            end = date + 6 * day
        elif precision == "month":
            year, month0 = divmod(published.year * 12 + published.month - 1 + offset, 12)
            date, end = _month_period(year, month0 + 1)
        else:
            date, end = datetime.date(published.year + offset, 1, 1), datetime.date(published.year + offset, 12, 31)
    except (ValueError, OverflowError):  # published at the very edge of the calendar
        return None
    return _mention(m, date, end, precision, relative=True, weekday=weekday)


# --- where to look: anchors and windows --------------------------------------------------------
# Running every rule over the whole text costs nine full scans. But every match of every rule
# contains an *anchor* of a kind the rule names (a month name or abbreviation, a year, a weekday, a
# relative word), and reaches only a bounded distance before and after it, except across runs of
# whitespace, which \s+ lets grow without limit. So one cheap scan finds the anchors, and each rule
# runs only in windows around its own anchors, with pattern.finditer(text, pos, endpos): look-behinds
# still see the text before pos, and a window ends far enough past its last anchor that nothing a
# match (or a failed attempt at one) could read is cut off. A whitespace run of _LONG_WS or more
# characters within reach of a window counts as an anchor too, so the window grows past it.
#
# The anchor scan matches literal prefixes only, with no look-around, so a token read inside a
# window is always an anchor in the full text too; no token begins inside another (each needs a
# non-word character before it), so a scan that consumes what it finds misses none. Every
# alternative begins with a literal character, which lets the regex engine skip other characters fast.
_ANCHOR = re.compile(
    "|".join(
        [
            # years, as _YEAR (an ISO date with another year is rejected, and overlaps no other)
            "1[89][0-9][0-9]|20[0-9][0-9]|2100",
            "t(?ai:oday|omorrow)|y(?ai:ear|esterday)|m(?ai:onth)|w(?ai:eek)",
            "T(?:uesday|hursday|(?ai:oday|omorrow))|W(?:ednesday|(?ai:eek))|Y(?ai:ear|esterday)",
            "M(?:a[ry]|onday|(?ai:onth))|J(?:an|u[nl])|F(?:eb|riday)|A(?:pr|ug)|S(?:ep|aturday|unday)",
            "Oct|Nov|Dec",
        ]
    )
)
_WEEKDAYS = frozenset(lexicon.WEEKDAYS)
_UNITS = frozenset(("week", "month", "year"))
_LONG_WS = 4  # shorter whitespace runs (at most W = 3 characters) are within the margins below
_LONG_WS_RUN = re.compile(r"\s{%d}" % _LONG_WS)
_WS_TAIL = re.compile(r"\s*")

# Each rule: its pattern, its handler, the anchor kinds it needs ("m" month, "y" year, "i" year
# followed by "-", "u" week/month/year, "r" yesterday/today/tomorrow, "w" weekday), and its margins:
# how far a match reaches before its first anchor's start, and how far the engine reads (look-aheads
# and optional parts it tries included) after its last anchor's end. Between two anchors of one
# match, before + after must cover the gap (only ranges have two). The reaches, in the comments, are
# counted with whitespace runs of at most W = 3 characters; a month anchor is its first 3 letters,
# so the name can run 6 further. Each margin adds 4 to its reach.
_RULES: list[tuple[re.Pattern, Callable, str, int, int]] = [
    # before "from between " 11 + 2W; after "tember 17th, 2101" (not a year, so no anchor) 15 + 2W;
    # between anchors "tember 17th through " 20 + 3W
    (_RANGE, _range, "my", 21, 26),
    # after "-12-01" and the look-ahead, 8
    (_ISO, _iso, "i", 4, 12),
    # before "Wednesday, " 10 + W; after "tember 17th - 19th, 2016" and look-aheads, 24 + 4W
    (_MONTH_DAY, _day_date, "m", 17, 40),
    # before "Wednesday, 17th - 19th " 19 + 4W; after ", 2016" and look-aheads, 13 + W
    (_DAY_MONTH, _day_date, "m", 35, 20),
    # before "through early " 12 + 2W; after " 2016" and (?!\s*DAY), 17 + 2W
    (_MONTH_ALONE, _month_alone, "m", 22, 27),
    # before "through early " 12 + 2W; after the year's look-aheads, 4 + 2W
    (_YEAR_ALONE, _year_alone, "y", 22, 12),
    # before "last " 4 + W; after \b
    (_RELATIVE_PERIOD, _relative, "u", 11, 5),
    # the match is the anchor; after \b
    (_RELATIVE_DAY, _relative, "r", 4, 5),
    # before "last " 4 + W; after \b
    (_RELATIVE_WEEKDAY, _relative, "w", 11, 5),
]


def _run_start(text: str, i: int) -> int:
    """Start of the whitespace run that ends at ``i``."""
    while i > 0:
        lo = max(0, i - 64)
        kept = len(text[lo:i].rstrip())  # str.isspace() is exactly re's \s
        if kept:
            return lo + kept
        i = lo
    return 0


def _windows(text: str, anchors: list[tuple[int, int]], before: int, after: int) -> list[tuple[int, int]]:
    """Disjoint, ordered (start, end) windows: ``before`` characters before each anchor's start,
    ``after`` past its end, and the same around any long whitespace run within reach."""
    windows: list[list[int]] = []
    n, i, k = len(anchors), 0, _LONG_WS
    while i < n:
        s, e = anchors[i]
        i += 1
        a, b, first = s - before, e + after, s
        while True:  # long whitespace runs just before the window move its start back
            if windows and a <= windows[-1][1]:
                a, b = windows[-1][0], max(b, windows.pop()[1])
                break
            m = _LONG_WS_RUN.search(text, max(a - k, 0), first)
            if m is None:
                break
            first = _run_start(text, m.start())
            a = first - before
        checked = a
        while True:  # later anchors within reach, and long whitespace runs near the end, move it on
            while i < n and anchors[i][0] - before <= b:
                b = max(b, anchors[i][1] + after)
                i += 1
            m = _LONG_WS_RUN.search(text, max(checked, b - after - k, 0), b + k)
            if m is None:
                break
            checked = _WS_TAIL.match(text, m.end()).end()  # the run's real end, past the search's
            b = max(b, checked + after)
        windows.append([a, b])
    size = len(text)
    return [(max(a, 0), min(b, size)) for a, b in windows]


def _near_windows(anchors: list[tuple[int, int]], before: int, after: int) -> list[tuple[int, int]]:
    """``_windows`` for a text with no long whitespace run near any anchor."""
    windows = []
    a = b = -1 << 62
    for s, e in anchors:  # sorted and disjoint, so e + after only grows
        if s - before > b:
            windows.append((a, b))
            a = s - before
        b = e + after
    windows.append((a, b))
    return windows[1:]  # finditer clips pos and endpos to the text


_MAX_BEFORE = max(rule[3] for rule in _RULES) + _LONG_WS
_MAX_AFTER = max(rule[4] for rule in _RULES) + _LONG_WS


def document_dates(document) -> list[DateMention]:
    """Stage: every date expression of a Document, anchored on its publication date."""
    return find_dates(document.text, document.published)


def find_dates(text: str, published: datetime.date | None = None) -> list[DateMention]:
    """All temporal expressions in ``text``, in order and non-overlapping.

    Every rule proposes candidates; where they overlap, the one starting first wins unless a
    later one is longer ("Wednesday" gives way to "Wednesday, Nov. 9, 2016"). Without
    ``published``, expressions lacking a year are still found, with ``date`` None.
    """
    anchors: dict[str, list[tuple[int, int]]] = {"m": [], "y": [], "i": [], "u": [], "r": [], "w": [], "my": []}
    months, years, isos, weekdays, month_years = anchors["m"], anchors["y"], anchors["i"], anchors["w"], anchors["my"]
    long_ws = False  # a long whitespace run within reach of some anchor
    reach = -1
    for m in _ANCHOR.finditer(text):
        word = m.group()
        start, end = span = m.span()
        if word[0] <= "9":
            years.append(span)
            month_years.append(span)
            if text.startswith("-", end):
                isos.append(span)
        elif len(word) == 3:
            months.append(span)
            month_years.append(span)
        elif word in _WEEKDAYS:
            weekdays.append(span)
        else:
            anchors["u" if word.lower() in _UNITS else "r"].append(span)
        if not long_ws:
            lo = max(start - _MAX_BEFORE, reach - _LONG_WS, 0)  # overlap: no run slips between
            reach = end + _MAX_AFTER
            long_ws = _LONG_WS_RUN.search(text, lo, reach) is not None
    candidates = []
    for priority, (pattern, handler, kind, before, after) in enumerate(_RULES):
        if not anchors[kind]:
            continue
        if long_ws:
            windows = _windows(text, anchors[kind], before, after)
        else:
            windows = _near_windows(anchors[kind], before, after)
        for a, b in windows:
            for match in pattern.finditer(text, a, b):
                mention = handler(match, published)
                if mention is not None:
                    candidates.append((mention.start, mention.start - mention.end, priority, mention))
    candidates.sort(key=lambda c: c[:3])
    chosen: list[DateMention] = []
    for start, _, _, mention in candidates:
        if chosen and start < chosen[-1].end:
            if mention.end - start > chosen[-1].end - chosen[-1].start:
                chosen[-1] = mention
            continue
        chosen.append(mention)
    return chosen
