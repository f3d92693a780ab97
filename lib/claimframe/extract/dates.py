"""Temporal expressions in news text, resolved to calendar periods.

News copy rarely writes a full date: "Dec. 4", "in October", "last week", "on Friday", "two weeks
ago" and "the third quarter" all lean on the day the article was published. ``find_dates`` finds
such expressions and resolves them against ``published`` (and, for anchored ones, against the
previous date in the text); ``infer_year`` holds the rule for missing years.

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
- A year alone needs a preposition (in/since/by/until/till/through/from/during/of/before/after),
  a determiner or possessive before it ("the 1987 crash", "its 1990 invasion", "Navigation
  Mixte's 1989 profit", "for 1988", "due 1993"), "and"/"or" after another year, or
  early/late/mid-/fiscal; it lies in 1800..2100, and is not followed by a lower-case plural word
  ("between 1990 and 2000 fighters", "the 2000 troops" are counts) or an "s" ("the 1980s" is a
  decade). "2016-17" (seasons, fiscal years) is never a date; "2014-2017" is a year range.
- Missing years: the past by default (news reports what has happened), the future when the
  words before the date in its clause say so ("will", "is to", "set to", "scheduled", "payable",
  "expire", "due", "by", "until", ...: :func:`date_tense`) and the future date is not much further,
  or with no cue at all when the future date is more than six times nearer (see :func:`infer_year`).
- A bare weekday ("on Friday") is the latest such day on or before the published date (the
  published day itself if it is that weekday), or with a future cue the next one ("set to resume
  Monday"); "last Friday" is strictly before, "next Friday" strictly after, "this Friday" in the
  published date's Monday-to-Sunday week. "last October" is the latest October before the
  published month; "next October" the first after.
- A stated weekday is reported in ``weekday``; for a date without a year it picks the year when
  exactly one year within a year of the published date fits ("Saturday, April 25" in 1998 is
  1998-04-25, whatever the tense); otherwise checking it is a job for the checks module.
- Anchored expressions: "two weeks ago", "50 years ago" count back from the published date;
  "three days later", "a year earlier", "the next day", "the previous Friday", "the day before"
  from the previous date in the text (the published date when there is none). "a year ago" or "a
  year earlier" within a few sentences after a quarter or half is that period a year before
  ("net rose in the third quarter from $5 a year ago"), as are "the year-ago quarter" and "the
  year-earlier period"; "a year earlier" right after a month or season is that month or season;
  "the quarter", "the latest quarter" are the quarter last named.
  Vague counts ("several years ago") and counts from an event ("two days before the vote") are
  skipped.
- Quarters and halves ("the third quarter", "third-quarter", "Q3 2016", "this year's first half"),
  seasons ("last fall", "in the spring of 1990"; spring is March-May, winter December-February),
  decades ("the 1980s", "the late 1980s" = 1987-1989, "the '60s", "the nineties": the nearest),
  centuries ("the 19th century" = 1800-1899), named holidays (``lexicon.HOLIDAYS``), spoken and
  two-digit years ("nineteen ninety-six", "in '89"), ordinal days ("on the 15th": of the published
  month or the one before), weekends and year-end ("by year-end": Dec. 31) have precisions of their
  own (``quarter``, ``half``, ``season``, ``decade``, ``century``) or are days. "the second half"
  needs a year (it is a game's otherwise); "the fourth quarter of the game" is no date.
- Not dates: recurring uses ("each July", "every Monday", "on Monday and Tuesday nights",
  "weekly", "on Fridays"), generic ones ("today's youth", "the leaders of tomorrow") and titles
  ("ABC's This Week", "NBC's Today"). "the last week/month/year" (the past N days) and "recent
  weeks" are too vague to date and are skipped.
- Impossible dates ("Feb. 30", "2016-13-01") are skipped rather than guessed.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter

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


def infer_year(month: int, day: int | None, published: datetime.date, *, future: bool | None = None) -> int:
    """The year of a month (and day) written without one.

    News mostly reports what has happened, so the year is by default the latest one in which the
    date (the first of the month when ``day`` is None) is not after ``published``. ``future`` is what
    the sentence says (:func:`future_cue`: True for "will", "is to", "payable", "by ...", False for a
    past-tense verb, None for neither). The date moves forward, to the first such date on or after
    ``published``:

    - when ``future`` is True and the future date is no more than four times as far as the past
      one (a month: when it has not ended by ``published``, "until April" on April 4);
    - when ``future`` is None, for a day: when the future date is more than six times nearer
      ("Jan. 8" in an article of Jan. 5 is three days ahead, not 362 days back).

    Feb. 29 always goes back to the latest leap year.

    >>> infer_year(12, 1, datetime.date(2017, 1, 12))
    2016
    >>> infer_year(12, 7, datetime.date(1989, 10, 27), future=True)
    1989
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, got {month}")
    given_day = day
    day = day or 1
    if not 1 <= day <= _days_in(month):
        raise ValueError(f"{_MONTH_NAMES[month - 1]} has no day {day}")
    year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
    if (month, day) == (2, 29):
        while not calendar.isleap(year):
            year -= 1
        return year  # a leap day is too rare to move forward on distance
    if future is False or (given_day is None and not future):
        return year
    if given_day is None:  # a month: forward when it has not ended yet ("until April" on April 4)
        last = datetime.date(year, month, _days_in(month) if month != 2 else 28)
        return year if last >= published else year + 1
    past = datetime.date(year, month, day)
    ahead = past if past == published else datetime.date(year + 1, month, day)
    back, forth = (published - past).days, (ahead - published).days
    if (future and forth <= 4 * back) or (future is None and 6 * forth < back):
        return ahead.year
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
_MONTH_INITIALS = "".join(sorted({word[0] for word in (*lexicon.MONTHS, *lexicon.MONTH_ABBREVIATIONS)}))
_WEEKDAY_INITIALS = "".join(sorted({word[0] for word in lexicon.WEEKDAYS}))


def _first_letters(alternation: str) -> str:
    """Both cases of the first letter of each word of a "(?ai:word|word...)" alternation (a word
    with a group inside gives its group's words' letters too: more letters are safe)."""
    words = re.fullmatch(r"\(\?ai:(.*)\)", alternation, re.S)[1].split("|")
    return "".join(sorted({c for word in words for c in (word[0].lower(), word[0].upper())}))


def _starting(first: str, pattern: str) -> str:
    """``pattern``, tried only where the text has one of the characters ``first``, which must begin
    every match of it. The regex engine tries a pattern at each position of a window, and these
    begin with alternations of words tried one by one: the look-ahead fails at once on the
    others (spaces, punctuation, most letters), the same matches, in half the time."""
    return rf"(?=[{first}])(?:{pattern})"


def _next_match(pattern: re.Pattern, text: str, match: re.Match, endpos: int) -> re.Match | None:
    """The match pattern.finditer(text, pos, endpos) gives after ``match``. Most windows and texts hold
    one match or none, and a search costs a third of finditer's set-up; so loops search from the
    end of each match. After an empty match (no pattern here has one) finditer's rule applies."""
    if match.end() > match.start():
        return pattern.search(text, match.end(), endpos)
    rest = pattern.finditer(text, match.start(), endpos)
    next(rest)  # ``match`` itself
    return next(rest, None)

_MONTH_NAMES = lexicon.MONTHS
_MONTH_NUMBER = {name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
_WEEKDAY_NUMBER = {name: i for i, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))}
_WORD_MONTHS = frozenset(lexicon.WORD_MONTHS)  # also ordinary words or names

# A lower-case plural right after a year-like number makes it a count ("2000 fighters").
_COUNT_NOUN_AFTER = re.compile(
    r"\s+(?!(?:is|was|has|as|its|his|this|thus|whereas|always|perhaps|unless|plus)\b)[a-z]+s\b"
)


# Where a sentence (or a clause that can change tense) begins: ". The", "; ", a line break.
_CLAUSE_START = re.compile(
    r"[.!?](?<![A-Z][.!?])(?<!\b(?:Mr|Ms|Dr|Co|St|Jr|Sr)[.!?])(?<!\b(?:Mrs|Inc|Ltd|Gen|Sen|Rep|Gov|Col)[.!?])"
    r"(?<!\bCorp[.!?])['\"’”]?\s+(?=[A-Z\"“'‘])|;\s|\n|,\s+(?:but|while|although|though|whereas|yet)\s"
)  # a sentence end is no initial ("Daniel P. Davison") or title ("Mr. Davison", "Acme Corp. Chairman");
# the look-behinds come after the stop they check, so the engine skips to a stop, ";", "," or a line break
_CUE_REACH = 120  # characters back from the date
# A reporting verb dates the report, not what it reports: "said it will pay on Dec. 7".
_REPORTING = frozenset(lexicon.REPORTING_VERBS)
_PUNCTUATION = ".,;:!?\"()[]“”‘'’—–-"
_FUTURE_ONE = frozenset(c for c in lexicon.DATE_FUTURE_CUES if " " not in c and c != "'ll")
_FUTURE_MANY: dict[str, list[tuple[str, ...]]] = {}
for _cue in lexicon.DATE_FUTURE_CUES:
    if " " in _cue:
        _FUTURE_MANY.setdefault(_cue.split()[-1], []).append(tuple(_cue.split()))
_LL = ("'ll", "’ll")
_CUE_LAST_WORDS = _FUTURE_ONE | frozenset(_FUTURE_MANY)  # the words a future cue can end with, but "'ll"
_PAST_WORDS = frozenset("was were had did began came went took fell rose left met held became made won lost saw "
                        "paid sold bought gave got ago".split())
# a relative clause set off by commas says nothing of the main clause's tense
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who)\b[^,;]*,")
_PAST_REPORTING = frozenset(lexicon.PAST_REPORTING_VERBS)
_PASSIVE_BEFORE = frozenset(("be", "been", "to"))  # "to be completed", "will be paid": not past
# "was extended to Nov. 16" names a new date, ahead: the past auxiliary does not take it back.
_NEW_DATE_VERBS = frozenset(("extended", "postponed", "delayed", "deferred", "rescheduled"))
_PREPOSITIONS = frozenset(lexicon.DATE_FUTURE_PREPOSITIONS)
_PAST_AUXILIARY_WORDS = frozenset(("had", "was", "were", "did"))
_PAST_AUXILIARIES_BEFORE = frozenset(("had", "was", "were"))
# The words date_tense acts on (a future cue's last word, "have", a past word) and its word endings
# ("'ll", "-ed"): it skips every other word at once.
_TENSE_WORDS = _CUE_LAST_WORDS | _PAST_WORDS | {"have", "'ve", "’ve"}
_TENSE_ENDINGS = ("ed", *_LL)


def date_tense(text: str, start: int) -> str | None:
    """"future", "past" or None: what the words before ``start`` in its clause say of a date there.

    The cue nearest the date wins: a future cue ("will", "is to", "payable", ``lexicon.DATE_FUTURE_CUES``)
    or a past-tense verb ("was", "had", "ended", any "-ed" verb that is no future cue, no reporting
    verb and not after "be", "been" or "to": "said it will pay on Dec. 7", "to be completed by Dec.
    15" are future; after a future cue an "-ed" word is a participle: "will redeem preferred
    shares on Oct. 31"; "succeed", "exceed" are no past). "would have" is a past. "by",
    "until" and "till" straight before the date are future ("must finish by Jan. 14") unless a
    past auxiliary ("had", "was", "were", "did") comes after the last future cue ("had slid until
    mid-October"). A future cue right after a past auxiliary ("had expected to", "was to") does
    not count, except a new date ("was extended to Nov. 16"). The clause starts after a sentence
    end, a semicolon, a line break or ", but"; only the ``_CUE_REACH`` characters
    before the date count.
    """
    lo = max(0, start - _CUE_REACH)
    before = text[lo:start]
    cut = 0
    m = _CLAUSE_START.search(before)  # the end of its last match
    while m is not None:
        cut = m.end()
        m = _next_match(_CLAUSE_START, before, m, len(before))
    clause = before[cut:]
    if ", wh" in clause:
        clause = _RELATIVE_CLAUSE.sub(" ", clause)  # "The sale, which had been expected, is part of ..."
    lower = [w.strip(_PUNCTUATION) for w in clause.lower().split()]  # lower() keeps words and punctuation
    if lower and lower[-1] in _PAST_REPORTING:
        return "past"  # "Mr. Gerstner said Friday": the frame's own date, whatever the quotation says
    words = None  # as written, split when a past word needs its case
    future_end = past_end = -1
    discounted = -9  # the last word of a future cue taken back by a past auxiliary
    taken: list[int] = []  # those auxiliaries: a plan made in the past says nothing of the date's side
    for i in [i for i, w in enumerate(lower) if w in _TENSE_WORDS or w.endswith(_TENSE_ENDINGS)]:
        w = lower[i]
        n = _future_cue_length(lower, i) if w in _CUE_LAST_WORDS or w.endswith(_LL) else 0
        if n:
            aux = lower[max(0, i - n - 1): i - n + 1]  # the one or two words before the cue
            if lower[i - n + 1] in _NEW_DATE_VERBS or not (
                _PAST_AUXILIARIES_BEFORE.intersection(aux) or aux == ["would", "have"] or i - n - discounted <= 2
            ):
                future_end = i  # "had expected to", "was to leave", "would have been due": no future now
            else:
                discounted = i  # and "had been due to expire" chains a second cue onto the first
                taken += range(max(0, i - n - 1), i - n + 1)
        elif w in ("have", "'ve", "’ve") and i and lower[i - 1] == "would":
            past_end = i  # "would have been seen over the winter": a past that did not happen
        elif ((w in _PAST_WORDS or (
                future_end < 0 and len(w) > 3 and w.endswith("ed") and (not w.endswith("eed") or w.endswith("reed"))
              )) and w not in _REPORTING and (i == 0 or lower[i - 1] not in _PASSIVE_BEFORE)):
            if words is None:
                words = clause.split()
            if words[i].strip(_PUNCTUATION).islower():
                past_end = i
    last = lower[-1] if lower else ""
    if (last in _PREPOSITIONS or (last in ("early", "late", "mid", "the") and _PREPOSITIONS & set(lower[-3:-1]))) and (
        not _PAST_AUXILIARY_WORDS & set(lower[future_end + 1:])
    ):
        return "future"
    if past_end in taken:  # "had been set to expire Nov. 6": the distance decides
        past_end = -1
    if future_end < 0 and past_end < 0:
        return None
    return "future" if future_end > past_end else "past"


def _future_cue_length(lower: list[str], i: int) -> int:
    """How many words a future cue ending at word ``i`` has (0: none)."""
    w = lower[i]
    if w in _FUTURE_ONE or w.endswith(_LL):
        if i + 1 < len(lower) and lower[i + 1] in ("have", "'ve", "’ve"):
            return 0  # "would have been seen over the winter": a past that did not happen
        return 1
    for cue in _FUTURE_MANY.get(w, ()):
        n = len(cue)
        if i + 1 >= n and tuple(lower[i + 1 - n: i + 1]) == cue:
            return n
    return 0


def future_cue(text: str, start: int) -> bool | None:
    """True (future), False (past) or None (no cue): :func:`date_tense` as ``infer_year`` takes it."""
    tense = date_tense(text, start)
    return None if tense is None else tense == "future"


def _tense_if_needed(m: re.Match, month: int, day: int | None, published: datetime.date) -> bool | None:
    """:func:`future_cue` for a date without a year, read only when it can change the year
    (:func:`infer_year` moves a day forward only when the day ahead is at most four times as far
    as the day behind, and never the published month)."""
    if day is None:
        if month == published.month:
            return None  # this month, whatever the tense
    elif (month, day) != (2, 29):
        this = datetime.date(published.year, month, day)
        past = this if this <= published else datetime.date(published.year - 1, month, day)
        ahead = this if this >= published else datetime.date(published.year + 1, month, day)
        if (ahead - published).days > 4 * (published - past).days:
            return None
    return future_cue(m.string, m.start("span"))


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


_DAYS_IN = (0, *(calendar.monthrange(2000, month)[1] for month in range(1, 13)))  # a leap year: Feb. 29 exists


def _days_in(month: int) -> int:
    return _DAYS_IN[month]


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
        year = infer_year(month, day, published, future=_tense_if_needed(m, month, day, published))
        if weekday is not None and _day_or_none(year, month, day) is not None:
            # a stated weekday picks between the year before and after, when only one fits
            fits = [y for y in sorted({year, published.year - 1, published.year, published.year + 1})
                    if (d := _day_or_none(y, month, day)) is not None and d.weekday() == weekday
                    and abs((d - published).days) <= 366]
            if len(fits) == 1:
                year = fits[0]
    else:
        return _mention(m, None, None, "day", weekday=weekday)
    date, date_end = _day_or_none(year, month, day), _day_or_none(year, month, day2)
    if date is None or date_end is None:
        return None
    return _mention(m, date, date_end, "day", year_stated=bool(m["year"]), weekday=weekday)


_MONTH_DAY = re.compile(_starting(
    _WEEKDAY_INITIALS + _MONTH_INITIALS,
    rf"\b(?P<span>(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<month>{_MONTH})\s*(?P<day>{_DAY})"
    rf"(?:{_DASH}(?P<day2>{_DAY}))?(?:,?\s+(?P<year>{_YEAR}))?)"
))
_DAY_MONTH = re.compile(_starting(
    _WEEKDAY_INITIALS + "0123456789",  # a weekday or a day
    rf"(?P<span>(?:\b(?P<wd>{_WEEKDAY}),?\s+)?(?<![\w.,–-])(?P<day>{_DAY})(?:{_DASH}(?P<day2>{_DAY}))?"
    rf"\s+(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?)"
))

_MONTH_ALONE = re.compile(_starting(
    _first_letters(_MONTH_GATE) + _first_letters(_MODIFIER) + _MONTH_INITIALS,
    rf"\b(?:(?P<prep>{_MONTH_GATE})\s+)?"
    rf"(?P<span>(?:(?P<mod>{_MODIFIER})(?:-|\s+))?(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR}))?)"
    rf"(?!\s*{_DAY})"  # "April 31" is a bad day, not the month of April
))


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
        year = infer_year(month, None, published, future=_tense_if_needed(m, month, None, published))
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        return None
    return _mention(m, *_month_period(year, month), "month", relative=relative, year_stated=bool(m["year"]))


_YEAR_MODIFIER = r"(?ai:early|late|mid|fiscal)"
_YEAR_DETERMINER_WORDS = r"(?ai:the|a|an|its|his|her|their|our|that|this|these|those|both|for|into|due)"
# one lower-case word may stand between a determiner and the year: "his unsuccessful 1996 campaign"
_YEAR_DETERMINER = rf"{_YEAR_DETERMINER_WORDS}\s+(?:[a-z][a-z-]{{1,14}}\s+)?|['’]s\s+|(?<=[0-9]\s)(?ai:and|or)\s+"
_YEAR_ALONE = re.compile(_starting(
    _first_letters(_YEAR_GATE) + _first_letters(_YEAR_DETERMINER_WORDS) + "'’" + _first_letters("(?ai:and|or)")
    + _first_letters(_YEAR_MODIFIER) + "12",  # a year is 1800..2100
    rf"(?:\b(?P<prep>{_YEAR_GATE})\s+|(?P<det>{_YEAR_DETERMINER}))?"
    rf"(?P<span>(?:(?P<mod>{_YEAR_MODIFIER})(?:-|\s+))?(?P<year>{_YEAR}))"
    rf"(?!{_DASH}[0-9]|['’]?s\b)"
))


def _year_alone(m: re.Match, published):
    """ "in 2015", "since 2014", "mid-2016", "fiscal 1989", "the 1987 crash", "its 1990 invasion", "in 1990
    and 1991"; never a bare number ("1500 troops", "Route 2016", "the 2000 fighters")."""
    if not (m["prep"] or m["det"] or m["mod"]):
        return None
    if (m["mod"] or "").lower() != "fiscal" and _COUNT_NOUN_AFTER.match(m.string, m.end()):
        return None  # "fiscal 1989 sales" is a year whatever follows
    year = int(m["year"])
    return _mention(m, datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year", year_stated=True)


def _side(n: int) -> str:
    return (
        rf"(?:(?P<month{n}>{_MONTH})(?:\s*(?P<day{n}>{_DAY}))?(?:,?\s+(?P<year{n}>{_YEAR}))?"
        rf"|(?P<yonly{n}>{_YEAR}))"
    )


_RANGE = re.compile(_starting(
    _first_letters("(?ai:from|between)") + _MONTH_INITIALS + "12",  # a year is 1800..2100
    rf"(?<![.,$–-])\b(?:(?P<from>(?ai:from))\s+)?(?P<span>(?:(?P<between>(?ai:between))\s+)?{_side(1)}"
    rf"(?:\s+(?P<conj>(?ai:to|through|until|till|and))\s+|{_DASH}){_side(2)})"
))


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
        y1 = infer_year(m1, d1 if m["day1"] else None, published, future=future_cue(m.string, m.start("span")))
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


_RELATIVE_DAY = re.compile(_starting(
    _first_letters("(?ai:yesterday|today|tomorrow)"),
    r"(?<!USA\s)\b(?P<span>(?P<word>(?ai:yesterday|today|tomorrow)))\b"
))
_RELATIVE_PERIOD = re.compile(_starting(
    _first_letters("(?ai:last|this|next)"),
    r"(?<!\b(?ai:the)\s)\b(?P<span>(?P<rel>(?ai:last|this|next))\s+(?P<unit>(?ai:week|month|year)))\b"
))
_RELATIVE_WEEKDAY = re.compile(_starting(
    _first_letters("(?ai:last|this|next)") + _WEEKDAY_INITIALS,
    rf"\b(?P<span>(?:(?P<rel>(?ai:last|this|next))\s+)?(?P<wd>{_WEEKDAY}))"
))
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
            if offset is None and back and date_tense(m.string, m.start("span")) == "future":
                back -= 7  # "set to resume Monday": the next one
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


# --- periods beyond day/week/month/year: quarters, halves, seasons, decades, centuries ------------
_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


_PERIOD_MONTHS = {"quarter": 3, "half": 6, "season": 3, "month": 1}


def period(date: datetime.date, precision: str) -> tuple[datetime.date, datetime.date]:
    """The (first day, last day) of the ``precision`` period that starts at ``date``.

    Quarters and halves start on their first month, seasons on theirs (spring March, summer June,
    fall September, winter December, to the end of February), decades and centuries on their first
    year ("the 1980s" 1980-1989, "the 19th century" 1800-1899).
    """
    months = _PERIOD_MONTHS.get(precision)
    if months is not None:
        y, m0 = divmod(date.year * 12 + date.month - 1 + months, 12)
        return date, datetime.date(y, m0 + 1, 1) - datetime.timedelta(days=1)
    if precision in ("decade", "century"):
        span = 10 if precision == "decade" else 100
        return date, datetime.date(min(date.year + span - 1, datetime.MAXYEAR), 12, 31)
    if precision == "year":
        return date, datetime.date(date.year, 12, 31)
    if precision == "week":
        return date, date + datetime.timedelta(days=6)
    return date, date


def _start_of(date: datetime.date, precision: str) -> datetime.date:
    """The first day of the ``precision`` period that holds ``date``."""
    if precision == "quarter":
        return datetime.date(date.year, 3 * ((date.month - 1) // 3) + 1, 1)
    if precision == "half":
        return datetime.date(date.year, 1 if date.month <= 6 else 7, 1)
    if precision == "season":
        m = date.month
        return datetime.date(date.year - (m <= 2), 12 if m in (12, 1, 2) else 3 * (m // 3), 1)
    if precision == "month":
        return date.replace(day=1)
    if precision == "year":
        return datetime.date(date.year, 1, 1)
    if precision == "week":
        return date - datetime.timedelta(days=date.weekday())
    return date


def _add_months(date: datetime.date, months: int) -> datetime.date:
    y, m0 = divmod(date.year * 12 + date.month - 1 + months, 12)
    return date.replace(year=y, month=m0 + 1, day=min(date.day, calendar.monthrange(y, m0 + 1)[1]))


_UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "season": 12, "year": 12, "decade": 120, "century": 1200}


def _shifted(m, start: datetime.date, precision: str, *, relative=True, year_stated=False, weekday=None):
    if not 1800 <= start.year <= 2200:
        return None
    return _mention(m, *period(start, precision), precision, relative=relative, year_stated=year_stated,
                    weekday=weekday)


def _pick_period(published: datetime.date, precision: str, starts, tense) -> datetime.date:
    """Of the candidate period ``starts`` (sorted), the latest that started on or before ``published``
    (the past bias), unless the next one is much nearer, as for days in :func:`infer_year` (four
    times as near with a future cue, six times without a cue): distances run from ``published``
    to the end of the past period and to the start of the future one, so "the third quarter" on
    Nov. 2 is the one that ended a month ago even after "expects to report". ``tense`` is
    :func:`date_tense`'s answer, or a function giving it (called only when the answer matters)."""
    past = max((s for s in starts if s <= published), default=starts[0])
    ahead = next((s for s in starts if s > published), None)
    if ahead is None:
        return past
    past_end = period(past, precision)[1]
    if past_end >= published:
        return past
    back, forth = (published - past_end).days, (ahead - published).days
    if forth > 4 * back:
        return past  # whatever the tense
    if callable(tense):
        tense = tense()
    if (tense == "future" and forth <= 4 * back) or (tense is None and 6 * forth < back):
        return ahead
    return past


_ORDINAL_NUMBER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_YEAR_WORD = r"(?P<poss>(?ai:this|last|next))\s+year['’]s"
_ORDINALS = r"(?ai:first|second|third|fourth|1st|2nd|3rd|4th)"
_QUARTER = re.compile(_starting(
    _first_letters(_ORDINALS) + "Q",
    rf"\b(?P<ord>{_ORDINALS})[-\s](?P<unit>(?ai:quarter|half))"
    rf"(?:\s+of\s+(?:(?ai:fiscal)\s+)?(?P<y1>{_YEAR})|,?\s+(?P<y2>{_YEAR}))?\b"
    rf"(?!\s+of\s+(?:the\s+)?(?:game|match|play|season|contest|century|a\b|an\b))"
    r"|\b(?P<qspan>Q(?P<qn>[1-4])(?:\s+(?P<y3>" + _YEAR + r")|\s*['’](?P<yy>[0-9]{2}))?)\b"
))
# What may come before "third quarter" in its span, read back from the ordinal: "the", "this year's",
# "the 1988", "fiscal".
_QUARTER_PREFIX = re.compile(
    rf"(?:(?P<the>(?ai:the|this|last|next))\s+)?(?:{_YEAR_WORD}\s+)?"
    rf"(?:(?P<y0>{_YEAR})\s+)?(?:(?P<fiscal>(?ai:fiscal))[-\s]+)?"
)
# _QUARTER_PREFIX as one search back from the ordinal, for the longest prefix: it starts a word (no word
# character or apostrophe before it) with a first letter of its words ("the", "this", "last", "next",
# "fiscal", a year) and ends at the search's end (\Z holds at endpos), so the leftmost match is the
# longest, with the groups a fullmatch there gives.
_QUARTER_PREFIX_BEFORE = re.compile(rf"(?<![\w'’])(?=[tTlLnNfF12])(?:{_QUARTER_PREFIX.pattern})\Z")
_PREFIX_REACH = 48  # characters back from the ordinal


def _quarter(m: re.Match, published):
    """ "the third quarter", "third-quarter", "fourth quarter of 1990", "this year's second half", "Q3 2016"."""
    if m["qspan"]:
        start, end = m.span("qspan")
        n, unit = int(m["qn"]), "quarter"
        year = int(m["y3"]) if m["y3"] else (_two_digit_year(int(m["yy"]), published) if m["yy"] else None)
        stated, poss = bool(m["y3"] or m["yy"]), None
    else:
        end = m.end()
        pre = _QUARTER_PREFIX_BEFORE.search(m.string, max(0, m.start() - _PREFIX_REACH), m.start())
        start = pre.start() if pre is not None else m.start()
        n, unit = _ORDINAL_NUMBER[m["ord"].lower()], m["unit"].lower()
        if n > (4 if unit == "quarter" else 2):
            return None
        y = (pre and pre["y0"]) or m["y1"] or m["y2"]
        year, stated, poss = (int(y) if y else None), bool(y), ((pre and pre["poss"]) or "").lower()
        if unit == "half" and not (y or poss or (pre and pre["fiscal"])):  # "the second half" of a game
            return None
    text = m.string[start:end]
    months = 3 if unit == "quarter" else 6
    if published is None and year is None:  # "the third quarter", "last year's first half": no anchor
        return DateMention(start, end, text, None, None, unit, False, False, None)
    if year is None and poss:
        year = published.year + {"this": 0, "last": -1, "next": 1}[poss]
    if year is None:
        starts = [datetime.date(y, 1 + months * (n - 1), 1) for y in (published.year - 1, published.year,
                                                                        published.year + 1)]
        first = _pick_period(published, unit, starts, lambda: date_tense(m.string, start))
    else:
        first = datetime.date(year, 1 + months * (n - 1), 1)
    if not 1800 <= first.year <= 2200:
        return None
    s, e = period(first, unit)
    return DateMention(start, end, text, s, e, unit, year is None or bool(poss), stated, None)


_UNIT_WORD = r"(?P<unit>(?ai:days?|weeks?|months?|years?|decades?|centuries|century))"
_COUNT_WORDS = (
    r"(?ai:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|a\s+couple\s+of|a\s+few|several)"
)
_COUNT_WORD = rf"(?P<n>{_COUNT_WORDS}|[0-9]{{1,3}})"
_AGO = re.compile(_starting(
    _first_letters(_COUNT_WORDS) + "0123456789" + _first_letters("(?ai:a|year|month|week|day)"),
    rf"\b(?P<span>{_COUNT_WORD}(?:[-\s]+and[-\s]+a[-\s]+half)?\s+{_UNIT_WORD}\s+"
    r"(?P<dir>(?ai:ago|earlier|later|before|after|previously|prior|back))(?!\s+(?ai:than)\b)"
    r"|(?P<adj>(?ai:(?:a\s+)?(?:year|month|week|day)-(?:ago|earlier|before))))\b"
    r"(?P<tail>(?!\s*(?:[a-z0-9(]|\bthat\b)))?"
))
_NUMBER = {**lexicon.SMALL_NUMBERS, **lexicon.TENS, "a": 1, "an": 1}
_PERIOD_PRECISIONS = ("quarter", "half", "month", "season")
_REPORTING_PERIODS = ("quarter", "half")  # what "a year ago" in an earnings report compares with
_PERIOD_REACH = 600  # characters: how far back "a year earlier" looks for the period it compares with


def _ago(m: re.Match, published):
    """ "two weeks ago", "50 years ago", "a year earlier", "three days later", "year-earlier", "year-ago"."""
    if m["adj"]:
        unit, n, direction = m["adj"].split("-")[0].split()[-1].lower(), 1, "earlier"
    else:
        word = " ".join(m["n"].lower().split())
        if word in ("several", "a few", "a couple of") or "half" in m.group(0):
            return None  # too vague to date
        n = int(word) if word.isdigit() else 100 if word == "a hundred" else _NUMBER[word]
        unit = m["unit"].lower().rstrip("s")
        unit = "century" if unit.startswith("centur") else unit
        direction = m["dir"].lower()
        if direction in ("before", "after", "prior", "back") and m["tail"] is None:
            return None  # "two days before the vote": counted from an event, not a date
    sign = 1 if direction in ("later", "after") else -1
    start, end = m.span("span")
    pending = DateMention(start, end, m["span"], None, None, "day" if unit == "day" else unit, True, False, None)
    anchored_on_previous = direction != "ago"

    def resolve(previous, primary, published):
        if published is None:
            return None
        # "ago" counts from the published day, "earlier" and "later" from the previous date; but "a
        # year ago/earlier" near a quarter or half is that period a year before: "net rose in the
        # third quarter from $5 a year ago"; "a year earlier" after a month is that month
        anchor = previous[-1] if previous and anchored_on_previous else None
        if unit == "year" and n == 1:
            anchor = next((p for p in reversed(primary) if p.precision in _REPORTING_PERIODS
                           and start - p.end < _PERIOD_REACH), anchor)
        if anchor is not None and unit == "year" and anchor.precision in _PERIOD_PRECISIONS:
            return _shifted(m, _add_months(anchor.date, sign * 12 * n), anchor.precision)
        base = anchor.date if anchor is not None else published
        if unit in ("day", "week"):
            date = base + datetime.timedelta(days=sign * n * (1 if unit == "day" else 7))
            return _shifted(m, _start_of(date, unit), unit)
        months = sign * n * _UNIT_MONTHS.get(unit, 12)
        date = _add_months(base.replace(day=1), months)
        precision = unit if unit in ("month", "year") else "year"
        return _shifted(m, _start_of(date, precision), precision)

    return pending, resolve


_ANCHORED_PERIOD = re.compile(_starting(
    "tT",  # "the ...", "that ...", "this year"
    rf"\b(?P<span>(?ai:the)\s+(?:(?P<rel>(?ai:previous|following|next|prior|preceding))\s+"
    rf"(?:(?P<unit>(?ai:day|week|month|year))|(?P<wd>{_WEEKDAY}))"
    r"|(?P<unit2>(?ai:day|week|month|year))\s+(?P<rel2>(?ai:before|after|earlier|later))(?!\s*[a-z0-9(]))"
    r"|(?P<same>(?ai:that|the\s+same))\s+(?P<unit3>(?ai:day|week|month|year))(?![-\w]))\b"
    r"|\b(?P<span2>(?P<current>(?ai:the\s+(?:current|full|present)|this))\s+(?:(?ai:fiscal)\s+)?(?ai:year))\b(?![-’'])"
))


def _anchored_period(m: re.Match, published):
    """ "the next day", "the previous Friday", "the following year", "the day before", "that year"
    (the previous date's); "the current year", "the full year", "this fiscal year" (the published one)."""
    if m["current"]:
        if published is None:
            return DateMention(*m.span("span2"), m["span2"], None, None, "year", True, False, None)
        y = published.year
        return DateMention(*m.span("span2"), m["span2"], datetime.date(y, 1, 1), datetime.date(y, 12, 31), "year",
                           True, False, None)
    rel = (m["rel"] or m["rel2"] or "").lower()
    sign = 1 if rel in ("following", "next", "after", "later") else 0 if m["same"] else -1
    unit = (m["unit"] or m["unit2"] or m["unit3"] or "").lower()
    weekday = _WEEKDAY_NUMBER[m["wd"][:3]] if m["wd"] else None
    start, end = m.span("span")
    pending = DateMention(start, end, m["span"], None, None, unit or "day", True, False, weekday)

    def resolve(previous, primary, published):
        if published is None:
            return None
        base = previous[-1].date if previous else published
        if weekday is not None:
            days = (weekday - base.weekday()) % 7 or 7 if sign >= 0 else -((base.weekday() - weekday) % 7 or 7)
            date = base + datetime.timedelta(days=days)
            return _shifted(m, date, "day", weekday=weekday)
        if unit in ("day", "week"):
            date = base + datetime.timedelta(days=sign * (1 if unit == "day" else 7))
            return _shifted(m, _start_of(date, unit), unit)
        date = _add_months(base.replace(day=1), sign * (1 if unit == "month" else 12))
        return _shifted(m, _start_of(date, unit), unit)

    return pending, resolve


_THE_QUARTER = re.compile(_starting(
    _first_letters("(?ai:the|that|this|its)"),
    rf"\b(?P<span>(?P<det>(?ai:the|that|this|its))\s+(?:(?P<adj>(?ai:latest|current|recent|most\s+recent|previous"
    r"|prior|preceding|same|comparable|(?:same\s+|comparable\s+)?(?:year-ago|year-earlier|year-before)))\s+)?"
    rf"(?:(?P<y>{_YEAR})\s+)?(?:(?ai:fiscal)\s+)?(?P<unit>(?ai:quarter|period)))\b(?!-\w)"
    r"(?P<lastyear>\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier)))?"
    r"(?!\s+(?:of|century|mile|point|percent|hour|inch)\b)"
))


_WHITESPACE_RUN = re.compile(r"\s+")


def _the_quarter(m: re.Match, published):
    """ "the quarter", "the latest quarter", "the year-ago quarter", "the year-earlier period", "the 1988 quarter":
    the period the article reports on (the previous quarter named), or that period a year before."""
    adj = _WHITESPACE_RUN.sub(" ", (m["adj"] or "").lower())
    unit, det = m["unit"].lower(), m["det"].lower()
    year_back = "year-" in adj or bool(m["lastyear"])
    if unit == "period" and not (year_back or m["y"] or adj in ("latest", "current", "most recent", "comparable",
                                                                  "same")):
        return None  # "the period" alone is any stretch of time
    start, end = m.span("lastyear") if m["lastyear"] else m.span("span")
    start = m.start("span")
    pending = DateMention(start, end, m.string[start:end], None, None, "quarter", True, bool(m["y"]), None)

    def resolve(previous, primary, published):
        if published is None:
            return None
        anchor = next((p for p in reversed(primary) if p.precision in _PERIOD_PRECISIONS), None)
        if anchor is None and m["y"]:  # "the 1988 period" with no period named before: that year
            y = int(m["y"])
            return DateMention(start, end, m.string[start:end], datetime.date(y, 1, 1), datetime.date(y, 12, 31),
                               "year", False, True, None)
        if anchor is None:
            if unit == "period" or not (adj or det == "this"):
                return None  # "the quarter" with no quarter named before: too vague
            latest = _start_of(published, "quarter")
            base = latest if adj == "current" or det == "this" else _add_months(latest, -3)
            precision = "quarter"
        else:
            base, precision = anchor.date, anchor.precision
        if adj in ("previous", "prior", "preceding"):
            base = _add_months(base, -_UNIT_MONTHS.get(precision, 3) if precision != "season" else -3)
        if m["y"]:
            base = base.replace(year=int(m["y"]))
        elif year_back:
            base = _add_months(base, -12)
        found = _shifted(m, base, precision, year_stated=bool(m["y"]))
        return found and DateMention(start, end, m.string[start:end], found.date, found.date_end, precision,
                                     True, bool(m["y"]), None)

    return pending, resolve


_SEASON = re.compile(_starting(
    _first_letters(_MONTH_GATE) + _first_letters("(?ai:over|for|at|into|throughout|this|last|next|early|late|mid)")
    + "tsfaw",  # "the", a season
    rf"\b(?:(?P<prep>{_MONTH_GATE}|(?ai:over|for|at|into|throughout))\s+)?"
    r"(?P<span>(?:(?P<mod>(?ai:this\s+past|this\s+coming|last|this|next|early|late|mid))(?:-|\s+))?(?:(?P<the>the)\s+)?(?:(?P<mod2>early|late|mid)(?:-|\s+))?"
    rf"(?P<season>spring|summer|fall|autumn|winter)(?:\s+of\s+(?P<y1>{_YEAR})|,?\s+(?P<y2>{_YEAR}))?)\b"
    r"(?!['’]s|-)"
))


def _season(m: re.Match, published):
    """ "last fall", "this summer", "in the spring of 1990", "winter 2015"; never "prices fall"."""
    mod = " ".join((m["mod"] or "").lower().split())
    mod = {"this past": "last", "this coming": "next"}.get(mod, mod)
    y = m["y1"] or m["y2"]
    if not (mod or y or (m["prep"] and (m["the"] or m["mod2"] or not m["prep"][0].isupper()))):
        return None
    if m["the"] and not (y or m["prep"] or mod in ("early", "late", "mid")):
        return None  # "the fall of the Berlin Wall"
    if m["the"] and mod in ("last", "this", "next"):
        return None
    if m["season"] == "fall" and m["y1"] is None and m["the"] and m.string.startswith(" of", m.end("span")):
        return None
    month = _SEASON_START[m["season"]]
    if y:
        first = datetime.date(int(y), month, 1)
    elif published is None:
        return _mention(m, None, None, "season", relative=True)
    else:
        now = _start_of(published, "season")
        starts = [datetime.date(published.year + k, month, 1) for k in (-2, -1, 0, 1)]
        if mod == "last":
            first = max(s for s in starts if s < now)
        elif mod == "next":
            first = min(s for s in starts if s > now)
        elif mod == "this":
            first = min(starts, key=lambda s: abs((s - now).days))
        else:
            first = _pick_period(published, "season", starts, lambda: date_tense(m.string, m.start("span")))
    return _shifted(m, first, "season", relative=not y, year_stated=bool(y))


_SPELLED_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                    "seventies": 70, "eighties": 80, "nineties": 90}
_DECADE = re.compile(_starting(
    "eEmMlL12'’t",  # early, mid, late; a decade or a century; "'60s"; "the"
    r"(?<![\w'’])(?P<span>(?:(?P<mod>(?ai:early|mid|late))(?:-|\s+))?(?:(?P<dec>(?:1[0-9]|20)[0-9]0)['’]?s"
    r"|['’](?P<dd>[0-9]0)['’]?s|(?P<the>the)\s+(?:(?P<mod2>early|mid|late)(?:-|\s+))?"
    rf"(?P<word>{'|'.join(_SPELLED_DECADES)})))\b"
    r"|\b(?P<cspan>(?:(?P<cmod>(?ai:early|mid|late))(?:-|\s+))?(?:the\s+)?(?P<cent>1[0-9]|2[01])(?:st|nd|rd|th)[-\s]century)\b"
))


def _decade(m: re.Match, published):
    """ "the 1980s", "the late 1980s" (1987-1989), "the '60s", "the nineties", "the 19th century"."""
    if m["cspan"]:
        start, end = m.span("cspan")
        first = (int(m["cent"]) - 1) * 100
        mod, precision, span = (m["cmod"] or "").lower(), "century", 100
    else:
        start, end = m.span("span")
        mod, precision, span = (m["mod"] or m["mod2"] or "").lower(), "decade", 10
        if m["dec"]:
            first = int(m["dec"])
        else:
            d = int(m["dd"]) if m["dd"] else _SPELLED_DECADES[m["word"].lower()]
            if published is None:
                return DateMention(start, end, m.string[start:end], None, None, precision, False, False, None)
            # the nearest such decade that starts at most ten years ahead: "the nineties" in 1989 is
            # ahead, "the '60s" in 2016 behind
            century = published.year // 100 * 100
            first = min((c + d for c in (century - 100, century, century + 100) if c + d <= published.year + 10),
                        key=lambda y: abs(y + 5 - published.year))
    if not 1000 <= first <= 2100:
        return None
    lo, hi = {"early": (0, 0.3), "mid": (0.4, 0.6), "late": (0.7, 0.9)}.get(mod, (0, 0.9))
    s = datetime.date(first + round(lo * span), 1, 1)
    e = datetime.date(first + round(hi * span) + (span // 10 - 1 if precision == "decade" else 9), 12, 31)
    return DateMention(start, end, m.string[start:end], s, e, precision, False, bool(m["dec"] or m["cent"]), None)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> datetime.date:
    days = calendar.monthrange(year, month)[1]
    if n < 0:
        last = datetime.date(year, month, days)
        return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _holiday_date(name: str, year: int) -> datetime.date:
    rule = lexicon.HOLIDAYS[name]
    if len(rule) == 2:
        return datetime.date(year, *rule)
    return _nth_weekday(year, rule[0], rule[1], rule[2])


_HOLIDAY_NAMES = sorted(lexicon.HOLIDAYS, key=len, reverse=True)
_HOLIDAY = re.compile(_starting(
    _first_letters(_YEAR_GATE) + _first_letters("(?ai:on|over|at|for|around|till|through|last|this|next)")
    + "".join(sorted({name[0] for name in _HOLIDAY_NAMES})),
    rf"\b(?:(?P<prep>{_YEAR_GATE}|(?ai:on|over|at|for|around|till|through))\s+)?"
    rf"(?P<span>(?:(?P<mod>(?ai:last|this|next))\s+)?"
    rf"(?P<name>{'|'.join(re.escape(h).replace(chr(39), '[’' + chr(39) + ']?') for h in _HOLIDAY_NAMES)})"
    rf"(?:,?\s+(?P<year>{_YEAR}))?)\b(?!['’]s|\s+(?:Eve|Day)\b)"
))


def _holiday(m: re.Match, published):
    """ "Thanksgiving Day", "on Christmas", "last Labor Day", "Memorial Day 2015"."""
    name = m["name"].replace("’", "'")
    name = next(h for h in lexicon.HOLIDAYS if h.replace("'", "") == name.replace("'", ""))
    if not name.endswith(("Day", "Eve")) and not (m["prep"] or m["mod"] or m["year"]):
        return None  # "Christmas shopping", "the Halloween costume"
    mod = (m["mod"] or "").lower()
    if m["year"]:
        date = _holiday_date(name, int(m["year"]))
    elif published is None:
        return _mention(m, None, None, "day")
    else:
        this = _holiday_date(name, published.year)
        past = this if this <= published else _holiday_date(name, published.year - 1)
        ahead = this if this >= published else _holiday_date(name, published.year + 1)
        if mod == "last":
            date = past if past < published else _holiday_date(name, published.year - 1)
        elif mod == "next":
            date = ahead if ahead > published else _holiday_date(name, published.year + 1)
        elif mod == "this":
            date = this
        else:
            tense = date_tense(m.string, m.start("span"))
            back, forth = (published - past).days, (ahead - published).days
            future = (tense == "future" and forth <= 4 * back) or (tense is None and 6 * forth < back)
            date = ahead if future else past
    return _mention(m, date, date, "day", relative=not m["year"], year_stated=bool(m["year"]))


def _two_digit_year(yy: int, published) -> int:
    """ "'89": the latest year ending so that is not more than ten years after ``published`` (or 2026)."""
    ref = published.year if published is not None else datetime.date.today().year
    year = ref // 100 * 100 + yy
    return year if year <= ref + 10 else year - 100


_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen")
_SPELLED_YEAR = re.compile(_starting(
    _first_letters(_YEAR_GATE) + "tTne'’",  # "the year", "twenty", "two", "nineteen", "eighteen"; "'89"
    rf"\b(?:(?P<prep>{_YEAR_GATE})\s+)?(?P<span>(?:(?P<theyear>(?ai:the\s+year))\s+)?(?:"
    rf"(?P<c>nineteen|eighteen|twenty)[-\s]+(?:(?P<hundred>hundred)|(?:oh[-\s]+)?(?P<one>{'|'.join(_ONES)})"
    rf"|(?P<teen>{'|'.join(_TEENS)})|(?P<ten>{'|'.join(lexicon.TENS)})(?:[-\s]+(?P<unit>{'|'.join(_ONES)}))?)"
    rf"|(?P<thousand>two\s+thousand)(?:[-\s]+(?:and[-\s]+)?(?P<tone>{'|'.join(_ONES)}|{'|'.join(_TEENS)}))?))\b"
    r"|(?<![\w'’])(?P<ospan>['’](?P<yy>[0-9]{2}))(?![0-9]|['’]?s\b|['’][a-z0-9])"
))


# What a shortened year ("'89") needs before it: a preposition, "class of", a season or a month.
_SHORT_YEAR_AFTER = re.compile(rf"(?:\b{_YEAR_GATE}|\b(?ai:class\s+of|summer|spring|fall|winter)|{_MONTH}\.?)\s*\Z")


def _spelled_year(m: re.Match, published):
    """ "nineteen ninety-six", "the year two thousand", "in '89": a year said or shortened."""
    if m["ospan"]:
        prev = m.string[max(0, m.start() - 12): m.start()]
        if not _SHORT_YEAR_AFTER.search(prev):
            return None
        year = _two_digit_year(int(m["yy"]), published)
        start, end = m.span("ospan")
        d1, d2 = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        return DateMention(start, end, m["ospan"], d1, d2, "year", False, True, None)
    if m["thousand"]:
        if not (m["theyear"] or m["prep"]):
            return None
        rest = m["tone"]
        year = 2000 + (_NUMBER[rest] if rest else 0)
    else:
        if not (m["theyear"] or m["prep"]) and (m["c"] == "twenty" or m["hundred"]):
            return None
        hi = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m["c"]] * 100
        if m["hundred"]:
            low = 0
        elif m["one"]:
            low = _NUMBER[m["one"]]
        elif m["teen"]:
            low = _NUMBER[m["teen"]]
        else:
            low = lexicon.TENS[m["ten"]] + (_NUMBER[m["unit"]] if m["unit"] else 0)
        year = hi + low
    if _COUNT_NOUN_AFTER.match(m.string, m.end()):
        return None
    return _mention(m, datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year", year_stated=True)


_ORDINAL_DAY = re.compile(
    r"\b(?P<prep>(?ai:on|by|until|till|since|before|after|from|through))\s+"
    r"(?P<span>the\s+(?P<d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th))(?![\w-])(?!\s+[a-zA-Z])"
)


def _ordinal_day(m: re.Match, published):
    """ "on the 15th", "by the 1st": a day of the published month (or the one before, or with a future
    cue the one after)."""
    day = int(m["d"])
    if published is None:
        return _mention(m, None, None, "day", relative=True)
    this = _day_or_none(published.year, published.month, day)
    prev_month = _add_months(published.replace(day=1), -1)
    next_month = _add_months(published.replace(day=1), 1)
    past = this if this is not None and this <= published else _day_or_none(prev_month.year, prev_month.month, day)
    ahead = this if this is not None and this >= published else _day_or_none(next_month.year, next_month.month, day)
    future = m["prep"].lower() in ("by", "until", "till", "through") or date_tense(m.string, m.start()) == "future"
    date = ahead if future and ahead is not None else past
    if date is None:
        return None
    return _mention(m, date, date, "day", relative=True)


_WEEKEND = re.compile(
    r"\b(?P<span>(?:(?P<mod>(?ai:this\s+past|this\s+coming|the|this|last|next|past|coming))\s+)?weekend)\b"
    r"(?!['’]s\s+(?:games|matches))"
)


_AHEAD_OF_BEFORE = re.compile(r"\b(?ai:ahead\s+of|before)\s+\Z")


def _weekend(m: re.Match, published):
    """ "over the weekend", "this weekend", "last weekend": a Saturday and Sunday."""
    if published is None:
        return _mention(m, None, None, "day", relative=True)
    mod = " ".join((m["mod"] or "the").lower().split())
    mod = {"this past": "last", "past": "last", "this coming": "this", "coming": "this"}.get(mod, mod)
    saturday = published - datetime.timedelta(days=(published.weekday() - 5) % 7)  # latest, on or before
    in_weekend = published.weekday() >= 5
    upcoming = saturday if in_weekend else saturday + datetime.timedelta(days=7)
    if mod == "last":
        date = saturday - datetime.timedelta(days=7) if in_weekend else saturday
    elif mod == "this":
        date = upcoming
    elif mod == "next":
        date = upcoming + datetime.timedelta(days=0 if in_weekend else 7)
    else:
        future = date_tense(m.string, m.start("span")) == "future" or _AHEAD_OF_BEFORE.search(
            m.string[max(0, m.start() - 12): m.start()])
        date = upcoming if future else saturday
    return _mention(m, date, date + datetime.timedelta(days=1), "day", relative=True)


_YEAR_END = re.compile(r"\b(?P<span>(?:(?ai:the)\s+)?(?:year[-\s]end|year['’]s\s+end|end\s+of\s+the\s+year))\b")


def _year_end(m: re.Match, published):
    """ "by year-end", "since year-end", "by the end of the year": Dec. 31, the one ahead with a future
    cue ("by", "expected to"), else the one behind."""
    if published is None:
        return _mention(m, None, None, "day", relative=True)
    year = infer_year(12, 31, published, future=future_cue(m.string, m.start("span")))
    date = datetime.date(year, 12, 31)
    return _mention(m, date, date, "day", relative=True)


# Rules for what has no month, year or weekday to anchor on. Each runs only in windows around its
# own anchors (_extra_anchors): words found with str.find in an ASCII-lower-cased copy of the text
# (the rules' words are ASCII and matched case-insensitively at most, so a lower-cased word is an
# anchor in any case; one alternation of them all would stop the regex engine at most letters),
# capitalised holiday words found in the text, marks ("Q3", "'89", "1980s", "15th"), and the main
# scan's "week", "month", "year" and weekdays. Common words anchor only with what a rule needs
# beside them ("days ago", "the year before", "year-end", "end of the year", "weekend", "that year",
# "the third quarter", "the nineties", "two thousand"). Dropping an anchor that no match of the rule
# can contain leaves the matches the same: every match still holds an anchor that is kept, and the
# window around it.
# Whitespace runs longer than a rule's margins allow for make _windows grow a window past them.
# Each rule: pattern, handler, and its margins: how far a match reaches before an anchor's start
# and how far the engine reads past its end (look-aheads included), counted with whitespace runs of
# at most 3 characters as for _RULES, with room to spare; the longest cases are in the comments.
_EXTRA_RULES: list[tuple[re.Pattern, Callable, int, int]] = [
    (_QUARTER, _quarter, 16, 48),  # "fourth-|quarter| of fiscal 1989" + " of the game" (the handler reads
    # "the next year's fiscal" before it)
    (_THE_QUARTER, _the_quarter, 64, 48),  # "the comparable year-earlier 1989 fiscal |quarter| of a year earlier"
    (_AGO, _ago, 32, 32),  # "two and a half |year|s previously" + " that"
    (_ANCHORED_PERIOD, _anchored_period, 32, 32),  # "the preceding |Wednesday|", "the |day| before" + " (x",
    # "the present |fiscal| year"
    (_SEASON, _season, 40, 32),  # "throughout this coming late |summer| of 1990" + "'s"
    (_DECADE, _decade, 32, 32),  # "late the |nine|ties", "early-19|80s|", "the 19th |centur|y"
    (_HOLIDAY, _holiday, 56, 32),  # "throughout next Presidents' |Day|, 2016" + " Eve"; "|Jul|y Fourth, 2016"
    (_SPELLED_YEAR, _spelled_year, 32, 32),  # "through the year nine|teen| ninety-seven" + " troops"
    (_ORDINAL_DAY, _ordinal_day, 24, 16),  # "through the 3|1st|" + " x"
    (_WEEKEND, _weekend, 24, 24),  # "this coming |week|end's matches"
    (_YEAR_END, _year_end, 24, 16),  # "the end of the |year|", "the |year|'s end"
]
# A copy of the text with ASCII letters lower-cased, ASCII digits made "0" and every whitespace
# character (what str.isspace() and re's \s accept; none lies above U+3000) made a space: the same
# length, the same words, the same whitespace runs, so a long run is one str.find away, and a digit
# is a literal the regex engine skips to fast.
_LOWER_AND_SPACE = str.maketrans(
    {**{c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, **{c: "0" for c in "123456789"},
     **{c: " " for c in map(chr, range(0x3001)) if c.isspace()}}
)
# The same table for ASCII bytes: bytes.translate is several times faster than str.translate.
_LOWER_AND_SPACE_ASCII = bytes(ord(chr(c).translate(_LOWER_AND_SPACE)) for c in range(128)) + bytes(range(128, 256))


def _lower_and_space(text: str) -> str:
    """``text`` through _LOWER_AND_SPACE."""
    if text.isascii():
        return text.encode("ascii").translate(_LOWER_AND_SPACE_ASCII).decode("ascii")
    return text.translate(_LOWER_AND_SPACE)


_RULE = {handler: k for k, (_, handler, _, _) in enumerate(_EXTRA_RULES)}
# Words (in the lower-cased text, at the start of a word) and the rules they anchor. str.find is far
# faster than one regex alternation of them all, whose many first letters stop the engine everywhere.
_EXTRA_WORDS: tuple[tuple[str, tuple[int, ...], bool], ...] = tuple(
    (w, tuple(_RULE[h] for h in handlers), start) for w, handlers, start in (
        ("quarter", (_quarter, _the_quarter), True), ("half", (_quarter,), True), ("period", (_the_quarter,), True),
        *((season, (_season,), True) for season in lexicon.SEASONS),
        ("centur", (_decade,), True), ("ties", (_decade,), False),  # "the nineties"
        ("teen", (_spelled_year,), False), ("twenty", (_spelled_year,), True),  # "nineteen ninety-six"
        ("thousand", (_spelled_year,), True),
    )
)
# Capitalised holiday words: "Christmas", "Thanksgiving" and "Halloween" come from the main scan (its "h"
# anchors), "Day" from the lower-case "day"s ("Labor Day"); "July Fourth" and "New Year's Eve" are anchored
# by the main scan's "Jul" and "Year".
_THE_QUARTER_BEFORE = ("the", "that", "this", "its", "latest", "current", "recent", "previous", "prior", "preceding",
                       "same", "comparable", "ago", "earlier", "before", "0", "fiscal")  # a year's digits are "0"
_ORDINALS_LOWER = ("first", "second", "third", "fourth", "0st", "0nd", "0rd", "0th")  # digits are "0" in the copy
_DECADE_STEMS = tuple(word[:-4] for word in _SPELLED_DECADES)  # "twen", ..., "nine" + "ties"
_HOLIDAY_MARKS = ("Christmas", "Thanksgiving", "Halloween")
_ANCHORED_RELATIONS = ("previous", "following", "next", "prior", "preceding", "same", "current", "full", "present",
                       "fiscal")  # "that" is too common to look for: "that year" is found from "year"
_RELATIONS_BY_END: dict[str, list[str]] = {}
for _word in _ANCHORED_RELATIONS:
    _RELATIONS_BY_END.setdefault(_word[-2:], []).append(_word)
_WEEKDAY_STEMS = tuple(w[:-3].lower() for w in lexicon.WEEKDAYS)  # "mon", "tues", ...
_WEEKDAY_STEM_ENDS = frozenset(stem[-1] for stem in _WEEKDAY_STEMS)
_UNIT_OR_WEEKDAY_AFTER = re.compile(rf"\s+(?:day|week|month|year|{'|'.join(w.lower() for w in lexicon.WEEKDAYS)})\b")
# A unit of time anchors "two years ago", "the day before", "year-ago" only with a direction after it,
# and "year-end", "the end of the year" only with "end" beside it. "week", "month" and "year" come
# from the main scan (find_dates passes them).
_UNIT_WORDS = ("day", "decade", "centur")
_DIRECTION_AFTER = re.compile(r"[a-z]*[\s-]+(?:ago|earlier|later|before|after|previously|prior|back)\b")
_END_AFTER = re.compile(r"(?:[\s-]+|['’]s\s+)end\b")


def _end_of_the_before(text: str, i: int) -> bool:
    """True when "end of the" (words apart by any whitespace) ends right before ``i``."""
    for word in ("the", "of", "end"):
        j = _run_start(text, i)
        if j == i or not text.startswith(word, j - len(word)):
            return False
        i = j - len(word)
    return True
_DIGIT_MARK = re.compile(r"[0-9](?:st|nd|rd|th|0['’]?s)")
_DIGIT_MARK_LOWER = re.compile(r"0(?=st|nd|rd|th|0['’]?s)")  # where one may start in _LOWER_AND_SPACE's copy
# A literal first: the engine skips fast (a class of both quotes would stop it at every character). The
# second runs only on a text that has a "’".
_QUOTE_DIGIT = (re.compile("'[0-9]"), re.compile("’[0-9]"))


_NOWHERE: list[int] = []  # never changed


def _finds(text: str, word: str, word_start: bool = True, i: int | None = None) -> list[int]:
    """Offsets of ``word`` in ``text`` (only where it starts a word, with ``word_start``); ``i`` is
    its first offset when the caller has it."""
    if i is None:
        i = text.find(word)
    if i < 0:
        return _NOWHERE  # most words are in no article: one scan, nothing built
    out = []
    while i >= 0:
        if not (word_start and i and text[i - 1].isalnum()):
            out.append(i)
        i = text.find(word, i + 1)
    return out


def _extra_anchors(text: str, lowered: str, main: dict[str, list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """Per rule of _EXTRA_RULES, its anchors in ``text``, sorted; ``lowered`` is ``text`` through
    _LOWER_AND_SPACE; ``main`` holds the main scan's anchors (its "u" spans of "week", "month",
    "year", its "w" weekdays, its "m" months, its "h" holiday names)."""
    out: list[list[tuple[int, int]]] = [[] for _ in _EXTRA_RULES]
    centuries = _NOWHERE
    for word, rules, start in _EXTRA_WORDS:
        i = lowered.find(word)
        if i < 0:
            continue  # most words are in no article: one scan, nothing built
        found = _finds(lowered, word, start, i)
        if word == "ties":  # "parties", "authorities": only a spelled decade is a match's
            found = [i for i in found if lowered.endswith(_DECADE_STEMS, 0, i)]
        elif word == "thousand":  # _SPELLED_YEAR's "thousand" is "two thousand"
            found = [i for i in found if lowered[i - 1] == " " and lowered.endswith("two", 0, _run_start(lowered, i))]
        elif word == "centur":
            centuries = found  # a unit word too (below): one scan for both
        if found:
            n = len(word)
            for k in rules:
                out[k] += [(i, i + n) for i in found]
    # a quarter or half is _QUARTER's only with an ordinal and one space or hyphen before it ("third
    # quarter", "4th-quarter"); "the quarter", "a half" are _THE_QUARTER's or none
    if out[_RULE[_quarter]]:
        out[_RULE[_quarter]] = [
            (i, e) for i, e in out[_RULE[_quarter]]
            if i > 1 and lowered[i - 1] in " -" and lowered.endswith(_ORDINALS_LOWER, 0, i - 1)
        ]
    # _THE_QUARTER's quarter or period has whitespace and a determiner, adjective, year or "fiscal"
    # before it and ends a word
    if out[_RULE[_the_quarter]]:
        out[_RULE[_the_quarter]] = [
            (i, e) for i, e in out[_RULE[_the_quarter]]
            if i > 1 and lowered[i - 1] == " " and lowered.endswith(_THE_QUARTER_BEFORE, 0, _run_start(lowered, i))
            and not lowered[e: e + 1].isalnum()
        ]
    holiday = out[_RULE[_holiday]]
    # Every "day" ("day", "Day", the weekdays): those starting a word are units of time (and "Day" a
    # holiday's); for "the next day", "the previous Friday" (below), those after whitespace and the
    # weekdays' starts after whitespace.
    days: list[int] = []
    units = [s for s, _ in main["u"] if s and lowered[s - 1] == " "]
    i = lowered.find("day")
    while i >= 0:
        before = lowered[i - 1] if i else " "
        if not before.isalnum():
            days.append(i)
            if i and before == " ":
                units.append(i)
            if text.startswith("Day", i):
                holiday.append((i, i + 3))
        elif before in _WEEKDAY_STEM_ENDS:
            units += [i - len(stem) for stem in _WEEKDAY_STEMS if lowered.endswith(stem, 0, i) and i > len(stem)
                      and lowered[i - len(stem) - 1] == " "]
        i = lowered.find("day", i + 1)
    if main["h"]:  # "Christmas", "Thanksgiving", "Halloween" starting a word
        holiday += [(s, e) for s, e in main["h"] if not (s and text[s - 1].isalnum())]
    if main["m"]:
        holiday += [(s, e) for s, e in main["m"] if text.startswith("Jul", s)]
    ago, anchored = out[_RULE[_ago]], out[_RULE[_anchored_period]]
    year_end, weekend = out[_RULE[_year_end]], out[_RULE[_weekend]]
    spans = list(main["u"])
    for word in _UNIT_WORDS:
        found = centuries if word == "centur" else days if word == "day" else _finds(lowered, word)
        if found:
            spans += [(i, i + len(word)) for i in found]
    for s, e in spans:
        if s >= 5 and lowered[s - 1] == " " and lowered.endswith(
            "that", 0, s - 1 if lowered[s - 2] != " " else _run_start(lowered, s)  # one space, the usual run
        ):
            anchored.append((s, e))  # "that year"
        if _DIRECTION_AFTER.match(lowered, e):
            ago.append((s, e))
            anchored.append((s, e))
        elif lowered.startswith("year", s):
            if _END_AFTER.match(lowered, s + 4) or (
                lowered.endswith("the", 0, _run_start(lowered, s)) and _end_of_the_before(lowered, s)
            ):
                year_end.append((s, e))
            if text.startswith("Year", s):
                holiday.append((s, e))
        elif lowered.startswith("weekend", s):
            weekend.append((s, e))
    # "the next day", "the following year", "the previous Friday": read back from every unit or
    # weekday after whitespace (week, month, year from the main scan, which finds them in any case;
    # day and the weekdays from "day") to the word before it
    for u in units:
        j = _run_start(lowered, u)
        for word in _RELATIONS_BY_END.get(lowered[j - 2: j], ()):
            i = j - len(word)
            if i >= 0 and lowered.startswith(word, i) and not (i and lowered[i - 1].isalnum()) and (
                _UNIT_OR_WEEKDAY_AFTER.match(lowered, j)
            ):
                anchored.append((i, j))
    for quote in _QUOTE_DIGIT if "’" in text else _QUOTE_DIGIT[:1]:  # "'89", "the '60s"
        m = quote.search(text)
        while m is not None:
            out[_RULE[_spelled_year]].append(m.span())
            out[_RULE[_decade]].append(m.span())
            m = _next_match(quote, text, m, len(text))
    for i in _finds(text, "Q", word_start=False):
        if "1" <= text[i + 1: i + 2] <= "4":
            out[_RULE[_quarter]].append((i, i + 2))
    end = 0
    m = _DIGIT_MARK_LOWER.search(lowered)  # "1980s", "15th"
    while m is not None:
        # every place a mark of the text can start; what _DIGIT_MARK.finditer finds in the text
        # are the ones that match there, left to right, none overlapping the one before
        mark = _DIGIT_MARK.match(text, m.start()) if m.start() >= end else None
        if mark is not None:
            end = mark.end()
            out[_RULE[_decade]].append(mark.span())
            out[_RULE[_ordinal_day]].append(mark.span())
        m = _next_match(_DIGIT_MARK_LOWER, lowered, m, len(lowered))
    for anchors in out:
        anchors.sort()
    return out




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
            "T(?:uesday|hursday|hanksgiving|(?ai:oday|omorrow))|W(?:ednesday|(?ai:eek))|Y(?ai:ear|esterday)",
            "M(?:a[ry]|onday|(?ai:onth))|J(?:an|u[nl])|F(?:eb|riday)|A(?:pr|ug)|S(?:ep|aturday|unday)",
            "Oct|Nov|Dec",
            "Christmas|Halloween",  # and "Thanksgiving": _HOLIDAY_MARKS (no token begins inside one)
        ]
    )
)
_HOLIDAY_MARK_SET = frozenset(_HOLIDAY_MARKS)
_WEEKDAYS = frozenset(lexicon.WEEKDAYS)
_UNITS = frozenset(("week", "month", "year"))
# A month begins every match of _MONTH_DAY and _DAY_MONTH, and its anchor is the month's first three
# letters. Only a month followed by its letters, a dot, maybe whitespace and a digit ("Oct. 17") can be
# one of _MONTH_DAY; only one with whitespace before it and a digit at most three characters before that
# ("17 October", "17th October") one of _DAY_MONTH: the others anchor no window of these rules (no match
# contains them, and every match contains an anchor that is kept, so the windows find the same).
# _year_alone keeps a year only after a preposition, determiner or modifier (whitespace between, or
# "-" after a modifier); a year after none of their words (as word endings: a superset) is matched
# only to be dropped, and no match of the rule holds two years, so it anchors no window.
_YEAR_WORDS_BEFORE = tuple(sorted(set(re.findall("[a-z]+", _YEAR_GATE + _YEAR_DETERMINER + _YEAR_MODIFIER))))
_DAY_AFTER_MONTH = re.compile(r"[a-z]*\.?\s*[0-9]")
_LONG_WS = 4  # shorter whitespace runs (at most W = 3 characters) are within the margins below
_LONG_WS_RUN = re.compile(r"\s{%d}" % _LONG_WS)
_LONG_SPACES = " " * _LONG_WS  # a long run in the text through _LOWER_AND_SPACE
_WS_TAIL = re.compile(r"\s*")

# Each rule: its pattern, its handler, the anchor kinds it needs ("m" month, "md" month with a day
# after it, "dm" month with a day before it, "y" year, "i" year followed by "-", "u" week/month/year,
# "ru" week/month/year after last/this/next, "r" yesterday/today/tomorrow, "w" weekday, "ya" year after a
# word _YEAR_ALONE needs), and its margins:
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
    (_MONTH_DAY, _day_date, "md", 17, 40),
    # before "Wednesday, 17th - 19th " 19 + 4W; after ", 2016" and look-aheads, 13 + W
    (_DAY_MONTH, _day_date, "dm", 35, 20),
    # before "through early " 12 + 2W; after " 2016" and (?!\s*DAY), 17 + 2W
    (_MONTH_ALONE, _month_alone, "m", 22, 27),
    # before "through early " 12 + 2W, or "their unprecedented " 20 + 2W; after the year's look-aheads, 4 + 2W
    (_YEAR_ALONE, _year_alone, "ya", 30, 12),
    # before "last " 4 + W; after \b
    (_RELATIVE_PERIOD, _relative, "ru", 11, 5),
    # the match is the anchor; after \b
    (_RELATIVE_DAY, _relative, "r", 4, 5),
    # before "last " 4 + W; after \b
    (_RELATIVE_WEEKDAY, _relative, "w", 11, 5),
]


_DETERMINERS_BEFORE = tuple(sorted(set(re.findall("[a-z]+", _YEAR_DETERMINER_WORDS))))


def _determiner_and_word_before(text: str, lowered: str, end: int) -> bool:
    """Whether a lower-case word of 2 to 15 letters ends at ``end`` with a determiner before it (as
    a word ending: a superset of what _YEAR_ALONE matches), the way to "his unsuccessful 1996"."""
    i = end
    while i > 0 and end - i <= 15 and (text[i - 1].isalpha() or text[i - 1] == "-"):
        i -= 1
    if not 2 <= end - i <= 15 or not text[i:end].islower():
        return False
    before = _run_start(lowered, i)
    return before < i and lowered.endswith(_DETERMINERS_BEFORE, 0, before)


def _run_start(text: str, i: int) -> int:
    """Start of the whitespace run that ends at ``i``."""
    if i and not text[i - 1].isspace():
        return i
    if i > 1 and not text[i - 2].isspace():
        return i - 1  # one space, the usual run
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
    return windows[1:]  # search clips pos and endpos to the text


# What joins the two sides of a range ("to", "through", "until", "till", "and", in any case, or a dash),
# as it reads in the lower-cased copy of the text.
_RANGE_JOIN = re.compile("to|and|through|til|[-–]")


def _range_windows(windows: list[tuple[int, int]], anchors: list[tuple[int, int]],
                   lowered: str) -> list[tuple[int, int]]:
    """The windows that can hold a _RANGE match. Each side of one holds an anchor (a month or a
    year) with the join between them, and a match lies in one window: so a window needs two anchors
    and a join between its first anchor and its last ("Nov. 9, 2016" has none)."""
    out, k, n = [], 0, len(anchors)
    for a, b in windows:
        first = k
        while k < n and anchors[k][0] < b:  # each anchor starts inside its own window
            k += 1
        if k - first >= 2 and _RANGE_JOIN.search(lowered, anchors[first][1], anchors[k - 1][0]):
            out.append((a, b))
    return out


def document_dates(document) -> list[DateMention]:
    """Stage: every date expression of a Document, anchored on its publication date."""
    return find_dates(document.text, document.published)


def find_dates(text: str, published: datetime.date | None = None) -> list[DateMention]:
    """All temporal expressions in ``text``, in order and non-overlapping.

    Every rule proposes candidates; where they overlap, the one starting first wins unless a
    later one is longer ("Wednesday" gives way to "Wednesday, Nov. 9, 2016"). Without
    ``published``, expressions lacking a year are still found, with ``date`` None; anchored ones
    ("two weeks ago", "a year earlier", "the next day") are then left out.
    """
    anchors: dict[str, list[tuple[int, int]]] = {"m": [], "y": [], "i": [], "u": [], "r": [], "w": [], "my": [],
                                                 "md": [], "dm": [], "ya": [], "ru": [], "h": []}
    months, years, isos, weekdays, month_years = anchors["m"], anchors["y"], anchors["i"], anchors["w"], anchors["my"]
    lowered = _lower_and_space(text)
    # A long whitespace run anywhere (a cheap test on the copy): _windows then grows windows past
    # the runs near anchors and gives _near_windows' windows where there is none.
    long_ws = _LONG_SPACES in lowered
    for m in _ANCHOR.finditer(text):
        word = m.group()
        span = m.span()
        if word[0] <= "9":
            years.append(span)
            month_years.append(span)
            start = span[0]
            before = _run_start(lowered, start)
            if (before < start and lowered.endswith(_YEAR_WORDS_BEFORE, 0, before)) or (
                lowered.startswith("-", start - 1) and lowered.endswith(_YEAR_WORDS_BEFORE, 0, start - 1)
            ) or (before < start and _determiner_and_word_before(text, lowered, before)):
                anchors["ya"].append(span)
            if text.startswith("-", span[1]):
                isos.append(span)
        elif len(word) == 3:
            months.append(span)
            month_years.append(span)
            start = span[0]
            if _DAY_AFTER_MONTH.match(text, span[1]):
                anchors["md"].append(span)
            before = _run_start(text, start)
            if before < start and ("0" <= text[before - 1: before] <= "9" or (
                before >= 3 and "0" <= text[before - 3] <= "9"
            )):
                anchors["dm"].append(span)
        elif word in _WEEKDAYS:
            weekdays.append(span)
        elif word in _HOLIDAY_MARK_SET:
            anchors["h"].append(span)  # _extra_anchors' only
        else:
            if word.lower() in _UNITS:
                anchors["u"].append(span)
                before = _run_start(lowered, span[0])
                if before < span[0] and lowered.endswith(("last", "this", "next"), 0, before):
                    anchors["ru"].append(span)  # "last week": _RELATIVE_PERIOD's only
            else:
                anchors["r"].append(span)
    candidates = []
    for priority, (pattern, handler, kind, before, after) in enumerate(_RULES):
        if not anchors[kind]:
            continue
        spans = anchors[kind]
        windows = _windows(text, spans, before, after) if long_ws else _near_windows(spans, before, after)
        if pattern is _RANGE:
            windows = _range_windows(windows, spans, lowered)
        _apply(pattern, handler, text, windows, published, candidates, priority)
    extra_anchors = _extra_anchors(text, lowered, anchors)
    for priority, ((pattern, handler, before, after), extra) in enumerate(zip(_EXTRA_RULES, extra_anchors),
                                                                         len(_RULES)):
        if extra:
            windows = _windows(text, extra, before, after) if long_ws else _near_windows(extra, before, after)
            _apply(pattern, handler, text, windows, published, candidates, priority)
    return _select(text, candidates, published)


def _apply(pattern: re.Pattern, handler: Callable, text: str, windows, published, candidates: list,
           priority: int) -> None:
    """One rule over its windows: ``pattern.finditer(text, a, b)`` for each, by searches, each
    match's mention proposed with the rule's priority."""
    for a, b in windows:
        match = pattern.search(text, a, b)
        while match is not None:
            found = handler(match, published)
            if found is not None:
                _propose(candidates, found, priority)
            match = _next_match(pattern, text, match, b)


def _propose(candidates: list, found, priority: int) -> None:
    """Add a handler's result (None, a mention, or an anchored mention and its resolver)."""
    if found is None:
        return
    mention, resolver = found if type(found) is tuple else (found, None)
    candidates.append((mention.start, mention.start - mention.end, priority, mention, resolver))


_RECURRING_BEFORE = re.compile(rf"\b(?ai:{'|'.join(lexicon.DATE_RECURRING_WORDS)})(?:\s+other)?\s+\Z")
_PART_OF_DAYS_AFTER = re.compile(
    rf"(?:\s+(?:and|or)\s+{_WEEKDAY})?\s+(?ai:nights|mornings|afternoons|evenings)\b"
)
_GENERIC_AFTER = re.compile(rf"['’]s\s+(?:{'|'.join(lexicon.DATE_GENERIC_NOUNS)})\b")
_TITLE_BEFORE = re.compile(r"(?:\w|['’]s)\s+\Z")
_GENERIC_OF = re.compile(r"(?<!\bas\s)\b(?ai:of)\s+\Z")


def _not_a_date(text: str, m: DateMention) -> bool:
    """Recurring ("each July", "every Monday", "on Monday nights"), generic ("today's youth") or a
    title ("ABC's This Week", "NBC's Today"): no dated event."""
    lo = max(0, m.start - 12)
    before = text[lo:m.start]
    if ("ach" in before or "ery" in before) and _RECURRING_BEFORE.search(text, lo, m.start):
        return True
    if m.weekday is not None and m.precision == "day" and _PART_OF_DAYS_AFTER.match(text, m.end):
        return True
    if m.relative:
        word = m.text.split()[-1]
        if word.istitle() and word.lower() in ("week", "month", "year"):
            return True  # "This Week", "Next Year": a programme or a title
    if len(m.text) > 9:  # none of the words below
        return False
    if m.text in ("Today", "Tomorrow", "Yesterday") and _TITLE_BEFORE.search(text, max(0, m.start - 4), m.start):
        return True
    lower = m.text.lower()
    if lower in ("today", "tomorrow") and _GENERIC_OF.search(text, max(0, m.start - 7), m.start):
        return not text.startswith("'", m.end)  # "the people of tomorrow", "the leaders of today"
    return lower == "today" and bool(_GENERIC_AFTER.match(text, m.end))


_BY_START_LENGTH_RULE = itemgetter(0, 1, 2)  # a candidate's start, minus its length, its rule's priority


def _select(text: str, candidates: list, published) -> list[DateMention]:
    """Resolve overlaps (the first wins unless a later one is longer), drop what is not a date,
    then resolve anchored expressions against the previous date or the published day."""
    candidates.sort(key=_BY_START_LENGTH_RULE)
    chosen: list[tuple[DateMention, Callable | None]] = []
    for start, _, _, mention, resolver in candidates:
        if chosen and start < chosen[-1][0].end:
            if mention.end - start > chosen[-1][0].end - chosen[-1][0].start:
                chosen[-1] = (mention, resolver)
            continue
        chosen.append((mention, resolver))
    out: list[DateMention] = []
    dated: list[DateMention] = []  # every dated mention so far
    primary: list[DateMention] = []  # those not themselves counted from another
    for mention, resolver in chosen:
        if _not_a_date(text, mention):
            continue
        if resolver is not None:
            mention = resolver(dated, primary, published)
            if mention is None:
                continue
        elif out and mention.precision == "year" and mention.year_stated:
            merged = _with_spoken_year(text, out[-1], mention)
            if merged is not None:
                out[-1] = merged
                if dated and dated[-1] is not merged:
                    dated[-1] = primary[-1] = merged
                continue
        out.append(mention)
        if mention.date is not None:
            dated.append(mention)
            if resolver is None:
                primary.append(mention)
    return out


_SPOKEN_YEAR_JOIN = re.compile(r",?\s+(?:of\s+)?")
_SPOKEN_YEAR_START = re.compile(r"(?:eighteen|nineteen|two\s+thousand|['’][0-9]{2}\Z)")


def _with_spoken_year(text: str, first: DateMention, year: DateMention) -> DateMention | None:
    """ "January nineteen ninety-seven", "the winter of nineteen ninety-four", "March eighth, '98": a
    month, day or season without a year followed by a spoken or shortened year is one mention."""
    if first.year_stated or first.precision not in ("day", "month", "season") or first.date is None and (
        first.precision != "day"
    ):
        return None
    if not _SPOKEN_YEAR_JOIN.fullmatch(text, first.end, year.start) or not _SPOKEN_YEAR_START.match(year.text):
        return None
    y = year.date.year
    if first.date is None:
        return None
    try:
        start = first.date.replace(year=y)
        end = first.date_end.replace(year=y + (first.date_end.year - first.date.year))
    except ValueError:
        return None
    return DateMention(first.start, year.end, text[first.start:year.end], start, end, first.precision, False, True,
                       first.weekday)
