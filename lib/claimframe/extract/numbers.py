"""Numbers as articles write them: numerals, number words, vague magnitudes, ranges, hedges, units.

``find_quantities(text)`` returns every quantity phrase with its span and what it says, keeping
the article's own precision: "hundreds" is a vague range of 200 to 999, never 100; "up to 900"
is a bound, not a value. Pure standard library and compiled regexes, so it is fast and
imports in no time. The conventions are documented in data/README.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from claimframe import lexicon

SMALL = lexicon.SMALL_NUMBERS
TENS = lexicon.TENS
SCALES = lexicon.SCALES
ORDINALS = lexicon.ORDINALS
VAGUE = lexicon.VAGUE_MAGNITUDES
VAGUE_MULTIPLIERS = lexicon.VAGUE_MULTIPLIERS
MAGNITUDE_WORDS = lexicon.MAGNITUDE_WORDS
HEDGES = lexicon.HEDGES
#: unit word -> (kind, canonical unit, factor to canonical, stated unit)
UNITS: dict[str, tuple[str, str, float, str]] = {w: spec for words, spec in lexicon.UNITS for w in words}
CURRENCIES = lexicon.CURRENCIES
_ATTACHED = lexicon.ATTACHED_UNITS


def _alts(words) -> str:
    """The words as a regex alternation (a space in a word matches any run of whitespace).

    Built for speed, with the same matches as "longest|...|shortest": the regex engine tries a
    group's alternatives one by one, so the words go in a prefix tree, "t(?:en|wo|h(?:ree|irty))",
    which drops a place after a letter or two instead of after trying every word, behind a
    lookahead for the first letters, "(?=[t])", which drops most places at once. Where words match
    the same text, one a prefix of the other ("seven", "seventeen"), the longer is tried first.
    """
    tree: dict[str, dict] = {}
    for word in sorted(words):
        node = tree
        for ch in word:
            node = node.setdefault(r"\s+" if ch == " " else re.escape(ch), {})
        node[""] = {}  # a word ends here
    first = "".join(r"\s" if key == r"\s+" else key for key in tree)
    return f"(?=[{first}]){_tree_regex(tree)}"


def _tree_regex(node: dict[str, dict]) -> str:
    branches = [key + _tree_regex(child) for key, child in node.items() if key]
    if not branches:
        return ""
    alternation = "|".join(branches)
    if "" in node:
        return f"(?:{alternation})?"
    return alternation if len(branches) == 1 else f"(?:{alternation})"


# Thousands separators: comma, Arabic "٬", and the no-break or thin spaces of "12 000";
# decimal point "." or Arabic "٫". Any Unicode digits (Arabic-Indic included).
_DIGITS = r"\d{1,3}(?:[,٬\u00a0\u202f\u2009]\d{3})+(?:[.٫]\d+)?|\d+(?:[.٫]\d+)?|\.\d+"
#: Longer digit runs are identifiers (phone numbers, IDs, hashes), not quantities.
MAX_DIGITS = 15
_WORD_NUM = (
    rf"(?:{_alts(TENS)})(?:[- ](?:{_alts(k for k in SMALL if SMALL[k] < 10)}))?"
    rf"|{_alts(SMALL)}"
)
_WORDS = (rf"(?:(?:{_WORD_NUM}|a(?=[- ](?:{_alts(MAGNITUDE_WORDS)})\b))"
          rf"(?:[- ](?:and[- ])?(?:{_WORD_NUM}|{_alts(MAGNITUDE_WORDS)}))*)")
_VAGUE = rf"(?:{_alts(VAGUE)}|(?:{_alts(VAGUE_MULTIPLIERS)})\s+(?:{_alts(MAGNITUDE_WORDS)}))"
_RANK = (rf"(?:{_alts(ORDINALS)}|\d+(?:nd|rd|th))[- ]"
         rf"(?:{_alts(lexicon.RANK_SUPERLATIVES)}|most\s+\w+|least\s+\w+)")
_SCALE = rf"(?:\s*(?P<scale>{_alts(SCALES)})\b)?"

# The core of a quantity; hedges, ranges and units around it are looked for after a match.
_CORE = re.compile(
    rf"(?P<vague>\b{_VAGUE}\b)"
    rf"|(?P<rank>\b{_RANK}\b)"
    rf"|(?<![\w./,:-])(?P<num>{_DIGITS}){_SCALE}"
    rf"|(?P<words>\b{_WORDS}\b)",
    re.IGNORECASE,
)

# _CORE.finditer over a whole text is slow: with re.IGNORECASE the regex engine tries each number
# word in turn at every word. But a core match can only start after a non-word character (\W), and
# there only at a digit, a "." before a digit, or a whole word from the list below. _CAN_START finds
# those places in the lowercased text, case-sensitively, which the engine does quickly (it skips
# straight to the next space or punctuation), and _core_matches tries _CORE only there.
_FIRST_WORDS = [*{w.split()[0] for w in [*VAGUE, *VAGUE_MULTIPLIERS, *ORDINALS, *TENS, *SMALL]} - {"a"},
                # "a" is everywhere, but starts a quantity only as "a few", "a couple of", "a dozen"...
                *(f"a{sep}{w}" for w in [*(m.split()[1] for m in VAGUE_MULTIPLIERS if m.startswith("a ")),
                                         *MAGNITUDE_WORDS] for sep in " -")]
_CAN_START = re.compile(rf"\W(?=\d|\.\d|(?:{_alts(_FIRST_WORDS)})(?!\w))")
_PLAIN_NUMBER = re.compile(rf"(?P<num>{_DIGITS}){_SCALE}|(?P<words>{_WORDS})\b", re.IGNORECASE)
_RANGE_UNIT = rf"(?P<unit1>\s*(?:{_alts(UNITS)})\b)?"
_RANGE_AND = re.compile(rf"{_RANGE_UNIT}\s+and\s+(?P<cur>US\$|\$|£|€)?", re.IGNORECASE)
_RANGE_TO = re.compile(rf"{_RANGE_UNIT}\s*(?:-|–|—|to)\s*(?P<cur>US\$|\$|£|€)?", re.IGNORECASE)
_HEDGE_BEFORE = re.compile(
    rf"(?<![\w])(?P<hedge>{_alts(w for ws in HEDGES.values() for w in ws)})\s+(?P<cur>US\$|\$|£|€)?$",
    re.IGNORECASE,
)
_RANGE_OPEN = re.compile(r"(?:^|(?<=\W))(?P<open>between|from)\s+(?P<cur>US\$|\$|£|€)?$", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?P<cur>US\$|\$|£|€|(?<![A-Za-z])(?:USD|EUR|GBP)\s?)$")
_UNIT_AFTER = re.compile(rf"\s*-?(?P<unit>{_alts(UNITS)})(?![\w²])", re.IGNORECASE)
_UNIT_ATTACHED = re.compile(rf"(?P<unit>{_alts(_ATTACHED)})(?![\w²])")
_TRAILING_HEDGE = re.compile(rf"\s+(?P<t>{_alts(lexicon.TRAILING_HEDGES)})\b", re.IGNORECASE)
_CONVERSION = re.compile(
    rf"\s*\(\s*(?:about|some|around|roughly|approximately|nearly|almost|over|more than)?\s*"
    rf"(?P<num>{_DIGITS})\s*-?\s*(?P<unit>{_alts(UNITS)})\s*\)",
    re.IGNORECASE,
)
# URLs and e-mail addresses; every alternative starts at a fixed prefix or a token's start,
# so scanning stays linear on long runs without spaces.
_URL = re.compile(r"https?://\S+|www\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CAPITALISED_BEFORE = re.compile(r"(?P<word>[A-Z][\w.’'-]*)\s+$")
_IDENTIFIER_BEFORE = re.compile(rf"(?<![\w])(?:{_alts(lexicon.IDENTIFIER_WORDS)})\s*#?$", re.IGNORECASE)
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:;“\"(\[—–]\s*|\n\s*)$")
_MONTHS = frozenset(w.lower() for w in (*lexicon.MONTHS, *lexicon.MONTH_ABBREVIATIONS))
_NOT_NAMES = frozenset("some about around nearly almost roughly only just over under up at than".split())
_SPACES = re.compile(r"\s+")
_WORD_SEPARATORS = re.compile(r"[\s-]+")
_LEADING_DIGITS = re.compile(r"\d+")
#: Right after the digits: more of a version, time or fraction ("3.2.1", "6:30", "24/7").
_NOT_A_NUMBER_AFTER = re.compile(r"[.,:/]\d|/")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
#: After a year-like number: "2016 votes" or "2016 percent" is a count, not a year.
_COUNTED_AFTER = re.compile(r"\s+[a-z]+s\b|\s*(?:%|percent|per cent)")


@dataclass(frozen=True)
class Quantity:
    """A quantity phrase: where it is and what it says (value/low/high in the canonical unit)."""

    start: int
    end: int
    kind: str
    hedge: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    unit_stated: str | None = None
    conversion_value: float | None = None
    conversion_unit: str | None = None


def parse_digits(s: str) -> float:
    """'80,000' -> 80000.0; accepts any Unicode digits (Arabic-Indic included)."""
    for sep in (",", "٬", "\u00a0", "\u202f", "\u2009"):
        s = s.replace(sep, "")
    return float(s.replace("٫", "."))


def parse_words(s: str) -> float | None:
    """'four hundred' -> 400, 'two dozen' -> 24, 'twenty-five thousand' -> 25000; None if not a number."""
    words = [w for w in _WORD_SEPARATORS.split(s.lower()) if w and w != "and"]
    if not words or words == ["a"]:
        return None
    total, current = 0, 0
    for i, w in enumerate(words):
        if w == "a":
            if i + 1 >= len(words) or words[i + 1] not in MAGNITUDE_WORDS:
                return None
            current = 1
        elif w in SMALL:
            current += SMALL[w]
        elif w in TENS:
            current += TENS[w]
        elif w in ("dozen", "hundred"):
            current = (current or 1) * MAGNITUDE_WORDS[w]
        elif w in MAGNITUDE_WORDS:
            total += (current or 1) * MAGNITUDE_WORDS[w]
            current = 0
        else:
            return None
    return float(total + current)


def _number_at(text: str, pos: int):
    """A plain number (digits with optional scale, or number words) starting at pos, or None."""
    m = _PLAIN_NUMBER.match(text, pos)
    if not m:
        return None
    if m.group("num"):
        value = parse_digits(m.group("num"))
        if m.group("scale"):
            value *= SCALES[m.group("scale").lower()]
        return value, m.end()
    value = parse_words(m.group("words"))
    return (value, m.end()) if value is not None else None


def _is_name_number(text: str, start: int) -> bool:
    """Numbers that are part of a name: 'Route 66', 'Interstate 95', 'No. 5', 'version 4.2'."""
    if _IDENTIFIER_BEFORE.search(text, max(0, start - 20), start):
        return True
    m = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return False
    word = m.group("word").rstrip(".").lower()
    if word in _MONTHS or word in _NOT_NAMES or word in HEDGE_WORDS:
        return False
    return not _SENTENCE_START_BEFORE.search(text, max(0, m.start() - 5), m.start())


HEDGE_WORDS = frozenset(w.split()[0] for ws in HEDGES.values() for w in ws)
_HEDGE_OF = {w.lower(): h for h, ws in HEDGES.items() for w in ws}


def _unit_after(text: str, pos: int, attached: bool = True):
    if attached:
        m = _UNIT_ATTACHED.match(text, pos)
        if m:
            return m.group("unit"), m.end()
    m = _UNIT_AFTER.match(text, pos)
    return (m.group("unit"), m.end()) if m else (None, pos)


def find_quantities(text: str, start: int = 0, end: int | None = None,
                    exclude: list[tuple[int, int]] = ()) -> list[Quantity]:
    """Every quantity phrase in text[start:end], in order, skipping the ``exclude`` spans (dates)."""
    end = len(text) if end is None else end
    lo, hi = max(start, 0), max(end, 0)  # the bounds as finditer(text, start, end) reads them
    blocked = sorted(list(exclude) + _url_spans(text, lo, hi))
    out: list[Quantity] = []
    consumed = start
    for m in _core_matches(text, lo, hi):
        s = m.start()
        if s < consumed or blocked and any(a < m.end() and s < b for a, b in blocked):
            continue
        q = _quantity(text, m, end)
        if q is None:
            continue
        if blocked and any(a < q.end and q.start < b for a, b in blocked) or q.start < consumed:
            continue
        out.append(q)
        consumed = q.end
    return out


def _url_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses; text without "://", "www." or "@" has none: no scan."""
    segment = text[start:end]
    if "://" not in segment and "www." not in segment and "@" not in segment:
        return []
    return [m.span() for m in _URL.finditer(text, start, end)]


def _core_matches(text: str, start: int, end: int):
    """The matches of ``_CORE.finditer(text, start, end)``, trying _CORE only where one can start."""
    # The character before start tells whether a match can start at start (lookbehinds see it).
    scanned = (text[start - 1] if 0 < start <= len(text) else " ") + text[start:end]
    if "ı" in scanned or "ſ" in scanned or "İ" in scanned:
        # re.IGNORECASE reads these as "i", "s" and "i", str.lower() does not (and makes "İ" two
        # characters): scan the plain way.
        yield from _CORE.finditer(text, start, end)
        return
    resume = start
    for c in _CAN_START.finditer(scanned.lower()):
        pos = start + c.start()  # the place after the non-word character c
        if pos >= resume:
            m = _CORE.match(text, pos, end)
            if m:
                yield m
                resume = m.end()


def _quantity(text: str, m: re.Match, limit: int) -> Quantity | None:
    s, e = m.start(), m.end()
    if m.group("rank"):
        word = m.group("rank").split("-")[0].split()[0].lower()
        value = ORDINALS.get(word) or float(_LEADING_DIGITS.match(word).group(0))
        return Quantity(s, e, "rank", "exact", value=float(value))
    if m.group("vague"):
        phrase = _SPACES.sub(" ", m.group("vague").lower())
        if phrase in VAGUE:
            low, high = VAGUE[phrase]
        else:
            mult, mag = next((k, v) for k, v in VAGUE_MULTIPLIERS.items() if phrase.startswith(k))
            size = MAGNITUDE_WORDS[phrase[len(mult):].strip()]
            low, high = mag[0] * size, mag[1] * size
        if m.group("vague")[0].isupper() and _is_name_number(text, s):
            return None
        return _finish(text, s, e, limit, "vague", None, float(low), float(high), currency=None)
    if m.group("num"):
        raw = m.group("num")
        if len(raw) > MAX_DIGITS and sum(ch.isdigit() for ch in raw) > MAX_DIGITS:
            return None
        after = text[m.end("num"):m.end("num") + 2]
        if _NOT_A_NUMBER_AFTER.match(after) or (after[:1].isalpha() and not m.group("scale")
                                                and not _UNIT_ATTACHED.match(text, m.end("num"))):
            return None  # versions "3.2.1", times "6:30", "24/7", ordinals "101st", "3D"
        scale = m.group("scale")
        currency = _CURRENCY_BEFORE.search(text, max(0, s - 4), s)
        if scale and scale.lower() == "k" and m.start("scale") > m.end("num"):
            e, scale = m.end("num"), None  # "5 k" is no number style; "38k" and "$38k" are thousands
        if scale and scale.lower() == "m" and (m.start("scale") > m.end("num") or not currency):
            e, scale = m.end("num"), None  # "5 m" and "500m" are metres; only "£2m" is two million
        value = parse_digits(raw) * (SCALES[scale.lower()] if scale else 1)
        if (not scale and not currency and _YEAR.fullmatch(raw)
                and not _COUNTED_AFTER.match(text[e:e + 20])):
            return None  # a bare year ("the 2016 election"); dates.py reads years in context
        if raw.startswith("0") and len(raw) > 1 and raw[1].isdigit():
            return None  # codes and phone numbers ("0800")
        if _is_name_number(text, s):
            return None
        return _finish(text, s, e, limit, "exact", value, None, None,
                       currency=currency.group("cur").strip() if currency else None)
    words = m.group("words")
    value = parse_words(words)
    if value is None:
        return None
    if words.lower() == "one" and not _UNIT_AFTER.match(text, e):
        return None  # "one of them", "no one": a pronoun far more often than a count
    if words[0].isupper() and _is_name_number(text, s):
        return None  # "Big Three", "Group of Seven"
    return _finish(text, s, e, limit, "exact", value, None, None, currency=None)


def _finish(text, s, e, limit, hedge, value, low, high, currency) -> Quantity | None:
    """Grow a core number into the full phrase: range, hedge, currency, unit, stated conversion."""
    if value is not None:
        before = text[max(0, s - 30):s]
        # _RANGE_OPEN needs "between" or "from" (str.lower() and re.IGNORECASE agree on these
        # letters); testing for them first is much quicker than the search.
        lowered = before.lower()
        opened = _RANGE_OPEN.search(before) if "between" in lowered or "from" in lowered else None
        between = bool(opened and opened.group("open").lower() == "between")
        r = (_RANGE_AND if between else _RANGE_TO).match(text, e)
        if r and r.end() < limit and r.group("unit1") and not between and "-" in r.group(0):
            r = None  # "50 km-long" is not a range
        if r and r.end() < limit:
            second = _number_at(text, r.end())
            if second and second[0] > value and second[1] <= limit:
                low, high, value, hedge = value, second[0], None, "range"
                e = second[1]
                if opened:
                    s = s - len(before) + opened.start()
                    currency = currency or opened.group("cur")
    if currency:
        c = _CURRENCY_BEFORE.search(text, max(0, s - 4), s)
        s = c.start() if c else s
    if hedge == "exact":
        h = _HEDGE_BEFORE.search(text, max(0, s - 30), s)
        if h and value is not None:
            hedge = _HEDGE_OF[_SPACES.sub(" ", h.group("hedge").lower())]
            s = h.start("hedge")
            currency = currency or h.group("cur")
            if hedge == "at_least":
                low = value
            elif hedge == "at_most":
                high = value
    unit, unit_end = _unit_after(text, e, attached=True)
    kind, canonical, factor, stated = "count", None, 1.0, None
    if currency:
        cur = CURRENCIES.get(currency.strip(), "USD")
        kind, canonical, stated = "money", cur, cur
        if unit and UNITS.get(unit.lower(), ("",))[0] == "money":
            e = unit_end
    elif unit and unit_end <= limit:
        kind, canonical, factor, stated = UNITS[unit.lower()]
        e = unit_end
    conversion_value = conversion_unit = None
    if kind in ("distance", "measure"):
        c = _CONVERSION.match(text, e)
        if c and c.end() <= limit and c.group("unit").lower() in UNITS:
            conversion_value = parse_digits(c.group("num"))
            conversion_unit = UNITS[c.group("unit").lower()][3]
            e = c.end()
    t = _TRAILING_HEDGE.match(text, e) if hedge == "exact" and value is not None else None
    if t and t.end() <= limit:
        hedge = lexicon.TRAILING_HEDGES[_SPACES.sub(" ", t.group("t").lower())]
        low, high = (value, None) if hedge == "at_least" else (None, value) if hedge == "at_most" else (None, None)
        e = t.end()

    def scaled(x):
        return None if x is None else float(f"{x * factor:.12g}")  # no float noise, no lost precision

    return Quantity(s, e, kind, hedge, value=scaled(value), low=scaled(low), high=scaled(high),
                    unit=canonical, unit_stated=stated, conversion_value=conversion_value,
                    conversion_unit=conversion_unit)
