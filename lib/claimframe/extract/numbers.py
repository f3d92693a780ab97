"""Numbers as articles write them: numerals, number words, vague magnitudes, ranges, hedges, units.

``find_quantities(text)`` returns every quantity phrase with its span and what it says, keeping
the article's own precision: "hundreds" is a vague range of 200 to 999, never 100; "up to 900"
is a bound, not a value. Money carries its currency's ISO code ("C$16.4 million" CAD, "4 cents"
0.04 USD); fractions, scale words ("1.2m people"), signs and units (weights, volumes, areas,
speeds, temperatures) are read as written; phone numbers, street addresses, times of day and
names ("five-star", "30-year Treasury bond") are no quantities. Pure standard library and
compiled regexes, so it is fast and imports in no time. The conventions are documented in
data/README.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import chain

from claimframe import lexicon

SMALL = lexicon.SMALL_NUMBERS
TENS = lexicon.TENS
SCALES = lexicon.SCALES
ORDINALS = lexicon.ORDINALS
VAGUE = lexicon.VAGUE_MAGNITUDES
VAGUE_MULTIPLIERS = lexicon.VAGUE_MULTIPLIERS
MAGNITUDE_WORDS = lexicon.MAGNITUDE_WORDS
HEDGES = lexicon.HEDGES
#: unit word (lower case) -> (kind, canonical unit, factor to canonical, stated unit); currency
#: codes after a number ("500 USD") are units too.
UNITS: dict[str, tuple[str, str, float, str]] = {
    **{code.lower(): ("money", lexicon.CURRENCIES[code], 1.0, lexicon.CURRENCIES[code])
       for code in lexicon.CURRENCY_CODES_AFTER},
    **{w.lower(): spec for words, spec in lexicon.UNITS for w in words},
}
#: stated unit -> (canonical unit, factor, offset): canonical = (stated + offset) x factor.
STATED_UNITS: dict[str, tuple[str, float, float]] = {
    spec[3]: (spec[1], spec[2], lexicon.UNIT_OFFSETS.get(spec[3], 0.0)) for spec in UNITS.values()}
#: A fraction with no whole part ("two thirds of voters") is a share: kind percent, stated "fraction".
STATED_UNITS["fraction"] = ("percent", 100.0, 0.0)
CURRENCIES = lexicon.CURRENCIES
_CURRENCY_KEYS = {k.upper(): v for k, v in CURRENCIES.items()}
_ATTACHED = lexicon.ATTACHED_UNITS
FRACTIONS = lexicon.FRACTION_WORDS
VULGAR = lexicon.VULGAR_FRACTIONS


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
_DIGITS = (r"\d{1,3}(?:[,٬\u00a0\u202f\u2009]\d{3})+(?:[.٫]\d+)?|\d{1,3}(?: \d{3})+(?![\d,-]|\.\d| \d)(?:[.٫]\d+)?"
           r"|\d+(?:[.٫]\d+)?|\.\d+")
#: Longer digit runs are identifiers (phone numbers, IDs, hashes), not quantities.
MAX_DIGITS = 15
_WORD_NUM = (
    rf"(?:{_alts(TENS)})(?:[- ](?:{_alts(k for k in SMALL if SMALL[k] < 10)}))?"
    rf"|{_alts(SMALL)}"
)
_MAG = _alts(MAGNITUDE_WORDS)
_FRAC = _alts(FRACTIONS)
_SEP = r"(?:\s?-\s?|\s+)"
# A spelled number: number words, magnitudes and fractions ("five and a half million", "half a
# million", "a quarter of a million", "two thirds", "one hundred and six", "two point five").
_WORDS = (rf"(?:(?:{_WORD_NUM}|an?(?={_SEP}(?:{_MAG}|{_FRAC})\b)|(?:half|quarter)(?={_SEP}(?:an?{_SEP})?{_MAG}\b))"
          rf"(?:{_SEP}(?:and{_SEP}(?:an?{_SEP}(?={_FRAC}))?|an?{_SEP}(?={_MAG}|{_FRAC})|of{_SEP}an?{_SEP}(?={_MAG}))?"
          rf"(?:{_WORD_NUM}|{_MAG}|{_FRAC}\b(?!-))"
          rf"|{_SEP}point(?:{_SEP}(?:{_WORD_NUM}))+)*)")
#: A fraction on its own ("half", "a quarter", "a third"): a share only where news writes one
#: ("more than half", "half of", "nearly a third of"); see _quantity.
_LONE_FRACTION = r"(?:an?[- ])?(?:half|quarter|third)"
_DIGIT_FRACTION = r"(?:\d{1,3}(?:\s+|-))?[1-9]\d?/(?:2|3|4|8|16)(?![\d/])"
_VULGAR = "[" + "".join(VULGAR) + "]"
#: Three-letter currency codes written against the digits ("EUR125", "USD115").
_CODES_BEFORE = "|".join(c for c in lexicon.CURRENCY_CODES_AFTER if len(c) == 3)
_VAGUE = rf"(?:{_alts(VAGUE)}|(?:{_alts(VAGUE_MULTIPLIERS)})\s+(?:{_alts(MAGNITUDE_WORDS)}))"
_RANK = (rf"(?:{_alts(ORDINALS)}|\d+(?:nd|rd|th))[- ]"
         rf"(?:{_alts(lexicon.RANK_SUPERLATIVES)}|most\s+\w+|least\s+\w+)")
_SCALE = rf"(?:\s*(?P<scale>{_alts(SCALES)})\b)?"

# The core of a quantity; hedges, ranges and units around it are looked for after a match.
_CORE = re.compile(
    rf"(?P<vague>\b{_VAGUE}\b)"
    rf"|(?P<rank>\b{_RANK}\b)"
    rf"|(?:(?<![\w./,:)-])|(?<={_CODES_BEFORE}))(?P<sign>[-−](?=\d))?(?:(?P<dfrac>{_DIGIT_FRACTION})"
    rf"|(?P<num>{_DIGITS})(?P<vulgar>{_VULGAR})?{_SCALE})"
    rf"|(?P<vulgaronly>(?<![\w/]){_VULGAR})"
    rf"|(?P<words>\b{_WORDS}\b)"
    rf"|(?P<lone>\b{_LONE_FRACTION}\b(?!-))",
    re.IGNORECASE,
)

# _CORE.finditer over a whole text is slow: with re.IGNORECASE the regex engine tries each number
# word in turn at every word. But a core match can only start after a non-word character (\W), and
# there only at a digit, a "." before a digit, or a whole word from the list below. _CAN_START finds
# those places in the lowercased text, case-sensitively, which the engine does quickly (it skips
# straight to the next space or punctuation), and _core_matches tries _CORE only there.
_FIRST_WORDS = [*{w.split()[0] for w in [*VAGUE, *VAGUE_MULTIPLIERS, *ORDINALS, *TENS, *SMALL]} - {"a"},
                "half", "quarter", "third",
                # "a" is everywhere, but starts a quantity only as "a few", "a couple of", "a dozen"...
                *(f"{a}{sep}{w}" for w in [*(m.split()[1] for m in VAGUE_MULTIPLIERS if m.startswith("a ")),
                                           *MAGNITUDE_WORDS, "half", "quarter", "third"]
                  for sep in " -" for a in ("a", "an"))]
_CODE_DIGITS = re.compile(rf"(?:{_CODES_BEFORE})\d")  # "EUR125": the plain scan
_CAN_START = re.compile(rf"\W(?=[-−]?\d|\.\d|{_VULGAR}|(?:{_alts(_FIRST_WORDS)})(?!\w))")
_PLAIN_NUMBER = re.compile(rf"(?P<sign>[-−](?=\d))?(?P<num>{_DIGITS}){_SCALE}|(?P<words>{_WORDS})\b",
                           re.IGNORECASE)
_RANGE_UNIT = rf"(?P<unit1>\s*(?:{_alts(UNITS)})\b)?"
_SIGNS = sorted((k for k in CURRENCIES if not k.isalpha()), key=len, reverse=True)
_CODES = sorted((k for k in CURRENCIES if k.isalpha()), key=len, reverse=True)
#: A currency sign or code before a number: "$", "C$", "HK$" (any case: "hk$"), "USD 200", "EUR125".
_CUR = (rf"(?:(?<![A-Za-z.])(?:{lexicon.alternation(k for k in _SIGNS if k[0].isalpha() and len(k) == 2)})"
        rf"|(?<![A-Za-z])(?i:{lexicon.alternation(k for k in _SIGNS if k[0].isalpha() and len(k) > 2)})\s?"
        rf"|{lexicon.alternation(k for k in _SIGNS if not k[0].isalpha())}"
        rf"|(?<![A-Za-z])(?:{'|'.join(_CODES)})\s?)")
_RANGE_WORD = _alts(w for w in lexicon.RANGE_WORDS if w.isalpha())
_RANGE_AND = re.compile(rf"{_RANGE_UNIT}\s+and\s+(?P<cur>{_CUR})?", re.IGNORECASE)
_RANGE_TO = re.compile(rf"{_RANGE_UNIT}\s*(?:-?\s*\b(?:{_RANGE_WORD})\b|-|–|—|~)\s*(?P<cur>{_CUR})?",
                       re.IGNORECASE)
_HEDGE_WORDS = [w for ws in HEDGES.values() for w in ws if w[0].isalpha()]
_HEDGE_SIGNS = sorted((w for ws in HEDGES.values() for w in ws if not w[0].isalpha()), key=len, reverse=True)
_HEDGE_BEFORE = re.compile(
    rf"(?:(?<![\w])(?P<hedge>{_alts(_HEDGE_WORDS)}|within\s+the\s+(?:next|last|past|first|coming))\s+"
    rf"|(?P<sign>{lexicon.alternation(_HEDGE_SIGNS)})\s*)(?P<cur>{_CUR})?$",
    re.IGNORECASE,
)
_RANGE_OPEN = re.compile(rf"(?:^|(?<=\W))(?P<open>between|from)\s+(?P<neg>(?:minus|negative)\s+)?(?P<cur>{_CUR})?$",
                         re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(rf"(?P<cur>{_CUR})$")
_NEGATIVE_BEFORE = re.compile(rf"(?<![\w-])(?<!or )(?:{'|'.join(lexicon.NEGATIVE_WORDS)})\s+$", re.IGNORECASE)
_UNIT_AFTER = re.compile(rf"\s*-?(?P<unit>{_alts(UNITS)})(?![\w²])"
                         rf"|\s*(?P<b>[(\[{{<])\s*(?P<bunit>{_alts(UNITS)})\s*[)\]}}>]", re.IGNORECASE)
_UNIT_ATTACHED = re.compile(rf"(?P<unit>{_alts([*_ATTACHED, *lexicon.CURRENCY_CODES_AFTER])})(?![\w²/])")
_TRAILING_HEDGE = re.compile(rf"\s+(?P<t>{_alts(lexicon.TRAILING_HEDGES)})\b(?:\s+than\b(?!\s+[\w$£€]))?"
                             rf"(?!\s+than\b)", re.IGNORECASE)
_CONVERSION = re.compile(
    rf"\s*\(\s*(?:about|some|around|roughly|approximately|nearly|almost|over|more than)?\s*"
    rf"(?P<sign>[-−])?(?P<num>{_DIGITS})\s*-?\s*(?P<unit>{_alts(UNITS)})\s*\)",
    re.IGNORECASE,
)
#: Things that are no claim: times of day after a number ("at 2 p.m."), adjectives made with a
#: hyphen ("five-star"), products named by their term ("30-year Treasury bond").
_TIME_OF_DAY_AFTER = re.compile(rf"(?::\d\d)?\s*(?:{lexicon.alternation(lexicon.TIME_OF_DAY_AFTER)})"
                                r"(?![A-Za-z])", re.IGNORECASE)
_COMPOUND_AFTER = re.compile(rf"-(?:{'|'.join(lexicon.NOT_QUANTITY_COMPOUNDS)})\b")
_TERM_PRODUCT_AFTER = re.compile(rf"-?\s*(?:years?|months?|weeks?|days?)\s+(?:[A-Z]\w*\s+)?"
                                 rf"(?:{lexicon.alternation(lexicon.TERM_PRODUCTS)})\b")
_NAME_AFTER = re.compile(rf"\s+(?:{'|'.join(lexicon.NAME_AFTER_NUMBER)})\b")
_CAPITALISED_AFTER = re.compile(r"[ -][A-Z][a-z]")
_MILLION_M_BEFORE = re.compile(rf"\s+(?:{'|'.join(lexicon.MILLION_M_BEFORE)})\b", re.IGNORECASE)
_POUND_MONEY_AFTER = re.compile(rf"\s*(?:{lexicon.alternation(lexicon.POUND_MONEY_AFTER)})",
                                re.IGNORECASE)
# Phone numbers: an area code in brackets or after "+", or groups of 3-3-4 digits; and the 3-4
# form ("555-1234") after a word that announces one. Street addresses: a number, one to three
# capitalised words, a street word ("285 Toure Drive").
_PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?(?:\(\d{1,5}\)[\s.-]?)?|\(\d{2,5}(?:-\d{1,4})?\)\s?)\d{2,4}(?:[\s.-]\d{2,5}){1,3}(?:/\d+)?"
    r"|(?<![\w,.-])\d{3}[.-]\d{3}[.-]\d{4}(?![\w-])"
    r"|(?P<short>(?<![\w,.-])\d{3}[- ]\d{3,4}(?![\w-]))"
)
#: A short number ("555-1234", "131 564") is a phone number only after one of these words.
_PHONE_CUE = re.compile(r"(?:phone|telephone|tel\.?|fax|call|hotline|number|line)(?:\s+(?:on|at|is))?\W{1,4}$",
                        re.IGNORECASE)
#: Phone numbers have a digit, a bracket, space, dot or dash, and three digits: no such place, no scan.
_PHONE_HINT = re.compile(r"\d(?:\)\s?|[\s.-])\d\d\d")
_ADDRESS_HINT = re.compile(rf"\b(?:{lexicon.alternation(lexicon.STREET_WORDS)})\b")
_ADDRESS = re.compile(rf"(?<![\w,.])\d{{1,5}}(?:-\d{{1,5}})?\s+(?:[A-Z][\w'’.-]*\s+){{1,3}}"
                      rf"(?:{lexicon.alternation(lexicon.STREET_WORDS)})\b")
# URLs and e-mail addresses; every alternative starts at a fixed prefix or a token's start,
# so scanning stays linear on long runs without spaces.
_URL = re.compile(r"https?://\S+|www\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CAPITALISED_BEFORE = re.compile(r"(?P<word>[A-Z][\w.’'-]*)\s+$")
_IDENTIFIER_BEFORE = re.compile(rf"(?<![\w])(?:{_alts(lexicon.IDENTIFIER_WORDS)})\s*#?$", re.IGNORECASE)
_MODEL_NUMBER = re.compile(r"\d{4,}(?![\d,.])")
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
    for sep in (",", "٬", "\u00a0", "\u202f", "\u2009", " "):
        s = s.replace(sep, "")
    return float(s.replace("٫", "."))


def _parse_integer(words: list[str]) -> tuple[float, float] | None:
    """Number words without fractions -> (value, the last magnitude word's size or 0)."""
    total, current, last_mag, previous = 0, 0, 0, None
    for w in words:
        if w in ("a", "an"):
            current = 1
        elif w in SMALL:
            if previous in TENS and SMALL[w] >= 10 or previous in SMALL:
                return None  # "twenty nineteen", "three four": a year or a list, not one number
            current += SMALL[w]
        elif w in TENS:
            if previous in TENS or previous in SMALL:
                return None  # "nineteen ninety-eight" is a year spoken
            current += TENS[w]
        elif w in ("dozen", "hundred"):
            current = (current or 1) * MAGNITUDE_WORDS[w]
            last_mag = MAGNITUDE_WORDS[w] if not total else last_mag
        elif w in MAGNITUDE_WORDS:
            total += (current or 1) * MAGNITUDE_WORDS[w]
            current, last_mag = 0, MAGNITUDE_WORDS[w]
        else:
            return None
        previous = w if w not in ("dozen", "hundred") and w not in MAGNITUDE_WORDS else None
    return float(total + current), float(last_mag if not current else 0)


def _parse_fraction(words: list[str]) -> float | None:
    """'a half' 0.5, 'two thirds' 0.667, 'half a million' 500,000, 'a quarter of a million' 250,000."""
    i = next(k for k, w in enumerate(words) if w in FRACTIONS)
    head, frac, tail = words[:i], FRACTIONS[words[i]], [w for w in words[i + 1:] if w not in ("of", "a", "an")]
    if head:
        parsed = _parse_integer(head)
        if parsed is None or parsed[1]:
            return None
        numerator = parsed[0]
    else:
        numerator = 1.0
    value = numerator * frac
    if tail:
        if len(tail) != 1 or tail[0] not in MAGNITUDE_WORDS:
            return None
        value *= MAGNITUDE_WORDS[tail[0]]
    return value


def parse_words(s: str) -> float | None:
    """'four hundred' -> 400, 'two dozen' -> 24, 'twenty-five thousand' -> 25000, 'five and a half
    million' -> 5,500,000, 'two thirds' -> 0.667, 'two point five' -> 2.5; None if not a number."""
    words = [w for w in _WORD_SEPARATORS.split(s.lower()) if w]
    if "point" in words:
        i = words.index("point")
        whole = parse_words(" ".join(words[:i]))
        digits, scale = [], 1
        rest = words[i + 1:]
        if len(rest) > 1 and rest[-1] in MAGNITUDE_WORDS and rest[-1] not in ("dozen", "hundred"):
            rest, scale = rest[:-1], MAGNITUDE_WORDS[rest[-1]]  # "one point six billion"
        for w in rest:
            if w in SMALL and SMALL[w] < 10:
                digits.append(str(SMALL[w]))
            elif w in TENS and not digits:
                digits.append(str(TENS[w] // 10) + "0")
            elif digits and digits[-1].endswith("0") and w in SMALL and SMALL[w] < 10 and len(digits) == 1:
                digits[-1] = digits[-1][0] + str(SMALL[w])
            else:
                return None
        return None if whole is None or not digits else (whole + float("0." + "".join(digits))) * scale
    # split at "and" where a fraction follows: "five and a half million", "one million and a half"
    parts, cur = [], []
    for k, w in enumerate(words):
        if w == "and" and any(x in FRACTIONS for x in words[k + 1:]) and cur:
            parts.append(cur)
            cur = []
        elif w != "and":
            cur.append(w)
    parts.append(cur)
    if not parts[-1] or parts[-1] in (["a"], ["an"]):
        return None
    fraction_part = parts[-1] if any(w in FRACTIONS for w in parts[-1]) else None
    integer_words = [w for p in (parts[:-1] if fraction_part else parts) for w in p]
    if fraction_part is None:
        parsed = _parse_integer(integer_words)
        return None if parsed is None else parsed[0]
    if any(w in FRACTIONS for w in integer_words):
        return None
    frac = _parse_fraction(fraction_part)
    if frac is None:
        return None
    if not integer_words:
        return frac
    parsed = _parse_integer(integer_words)
    if parsed is None:
        return None
    whole, last_mag = parsed
    tail_mag = next((MAGNITUDE_WORDS[w] for w in reversed(fraction_part) if w in MAGNITUDE_WORDS), 0)
    if tail_mag and not last_mag:
        return (whole + frac / tail_mag) * tail_mag  # "five and a half million"
    if last_mag and not tail_mag:
        return whole + frac * last_mag  # "three million and a half"
    return whole + frac  # "forty two and a third", "one billion and a half million"


def is_bare_fraction(s: str) -> bool:
    """'two thirds', 'a half', '3/4': a fraction with no whole part and no magnitude word."""
    words = [w for w in _WORD_SEPARATORS.split(s.lower()) if w]
    if any(w in FRACTIONS for w in words):
        return not any(w in MAGNITUDE_WORDS or w == "and" for w in words)
    return False


def _number_at(text: str, pos: int):
    """A plain number (digits with optional scale, or number words) starting at pos, or None."""
    m = _PLAIN_NUMBER.match(text, pos)
    if not m:
        return None
    if m.group("num"):
        value = parse_digits(m.group("num"))
        scale = m.group("scale")
        if scale and (scale.lower() == "m" and not _MILLION_M_BEFORE.match(text, m.end())
                      or scale.lower() in ("b", "t")):
            return value * (-1 if m.group("sign") else 1), m.end("num")
        if scale:
            value *= _scale(scale)
        return value * (-1 if m.group("sign") else 1), m.end()
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
    if word.endswith(("'s", "’s")):
        # a possessive owns a quantity ("Nestle's 7% share", "Britain's 65 million people"), and
        # names a model with a long bare number ("Intel's 80486 chip")
        return bool(_MODEL_NUMBER.match(text, start))
    return not _SENTENCE_START_BEFORE.search(text, max(0, m.start() - 5), m.start())


HEDGE_WORDS = frozenset(w.split()[0] for ws in HEDGES.values() for w in ws)
_HEDGE_OF = {w.lower(): h for h, ws in HEDGES.items() for w in ws}


def _unit_after(text: str, pos: int, attached: bool = True):
    if attached:
        m = _UNIT_ATTACHED.match(text, pos)
        if m:
            return m.group("unit"), m.end()
    m = _UNIT_AFTER.match(text, pos)
    if m and m.group("unit") and not m.group("unit")[-1].isalpha() and _DIGIT_NEXT.match(text, m.end()):
        return None, pos  # the "$" of "10 $30" is the next number's
    return (m.group("unit") or m.group("bunit"), m.end()) if m else (None, pos)


_DIGIT_NEXT = re.compile(r"\s?\d")
#: Minor units after a whole amount: "3 dollars 50 cents", "15 dollars and 50.", "C$100 and fifty."
_MINOR_AFTER = re.compile(r"\s+(?:and\s+)?(?P<n>\d{1,2}|[a-z]+(?:[- ][a-z]+)?)(?:\s+cents?\b|(?=\s*(?:[.,;!?]|$)))",
                          re.IGNORECASE)
_SCALE_AFTER_CODE = re.compile(r"\s+(million|billion|trillion)\b", re.IGNORECASE)


def find_quantities(text: str, start: int = 0, end: int | None = None,
                    exclude: list[tuple[int, int]] = ()) -> list[Quantity]:
    """Every quantity phrase in text[start:end], in order, skipping the ``exclude`` spans (dates),
    URLs, e-mail addresses, phone numbers and street addresses."""
    end = len(text) if end is None else end
    lo, hi = max(start, 0), max(end, 0)  # the bounds as finditer(text, start, end) reads them
    if text.find("#", lo, hi) >= 0:
        text = _HASH_POUND.sub("£", text)  # one character for one: every offset stays
    ones = _hedged_ones(text, lo, hi, exclude)
    matches = _core_matches(text, lo, hi)
    first = next(matches, None)
    if first is None:
        return ones  # no number can start here (half the sentences): no URL, phone or address scan
    blocked = sorted(list(exclude) + _url_spans(text, lo, hi) + _non_claim_spans(text, lo, hi))
    out: list[Quantity] = []
    consumed = start
    for m in chain((first,), matches):
        s = m.start()
        if s < consumed or blocked and any(a < m.end() and s < b for a, b in blocked):
            continue
        q = _quantity(text, m, end)
        if q is None:
            continue
        if blocked and any(a < q.end and q.start < b for a, b in blocked) or q.start < consumed:
            continue
        if out and (merged := _bounds_to_range(text, out[-1], q)):
            out[-1] = merged
        elif out and (shared := _shared_unit(text, out[-1], q)):
            out[-1] = shared
            out.append(q)
        else:
            out.append(q)
        consumed = q.end
        if q.kind == "count" and q.hedge == "exact" and (tally := _TALLY.match(text, s, hi)) and tally.end(1) == q.end \
                and int(tally.group(1)) > int(tally.group(2)) and not any(a < tally.end() and tally.start(2) < b
                                                                         for a, b in blocked):
            # "voted 89-52", "won 3-1": a tally is two counts (an ascending pair is a range)
            out.append(replace(q, start=tally.start(2), end=tally.end(2), value=float(tally.group(2))))
            consumed = tally.end()
        if m.group("words") and q.end < m.end():
            # the words were cut ("nine and ten" is two numbers): read the rest too
            rest = find_quantities(text, q.end, min(m.end(), hi), exclude)
            out.extend(rest)
            consumed = rest[-1].end if rest else consumed
    if ones:  # each where no other quantity is, in text order
        out = sorted(out + [q for q in ones if not any(o.start < q.end and q.start < o.end for o in out)],
                     key=lambda q: q.start)
    return out


#: "within a year", "more than a week", "about an hour": a hedge, "a" or "an" and a time unit are
#: a duration of one unit (not "a year ago", "a week earlier": dates).
_ONE_UNIT = re.compile(rf"(?<![\w'’])an?\s+(?P<unit>{_alts(lexicon.ONE_UNIT_WORDS)})\b"
                       r"(?!\s+(?:ago|earlier|later|before|after|from\s+now)\b)", re.IGNORECASE)
_HEDGE_JUST_BEFORE = re.compile(rf"(?<![\w'’])(?P<hedge>{_alts(_HEDGE_WORDS)})\s+$", re.IGNORECASE)


def _hedged_ones(text: str, lo: int, hi: int, exclude) -> list[Quantity]:
    """The durations of one unit a hedge states ("within a year": at most 365.2425 days) in
    text[lo:hi]; none inside the ``exclude`` spans."""
    out = []
    if text.find(" a", lo, hi) < 0:
        return out
    for m in _ONE_UNIT.finditer(text, lo, hi):
        h = _HEDGE_JUST_BEFORE.search(text, max(lo, m.start() - 30), m.start())
        if h is None or any(a < m.end() and h.start() < b for a, b in exclude):
            continue
        hedge = _HEDGE_OF[_SPACES.sub(" ", h.group("hedge").lower())]
        kind, canonical, factor, stated = UNITS[m.group("unit").lower()]
        value = float(f"{factor:.12g}")
        out.append(Quantity(h.start(), m.end(), kind, hedge, value=value,
                            low=value if hedge == "at_least" else None, high=value if hedge == "at_most" else None,
                            unit=canonical, unit_stated=stated))
    return out


#: Two counts joined by a hyphen, the first the larger, each of one to three digits: a vote or a score.
_TIME_UNITS = _alts(unit + "s" for unit in lexicon.ONE_UNIT_WORDS)
_TALLY = re.compile(r"(?<![\d.,-])(\d{1,3})[-–](\d{1,3})"
                    rf"(?![\d%]|[.,]\d|[-–]\d|\w|\s+(?:[a-z]+\s+)?(?:{_TIME_UNITS}))")

_BOUNDS_JOIN = re.compile(r",?\s+(?:and|but)\s+|,\s+", re.IGNORECASE)


def _bounds_to_range(text: str, first: Quantity, second: Quantity) -> Quantity | None:
    """'more than 10 and less than 40', 'above 1000 and below 1500': one range between two bounds."""
    if {first.hedge, second.hedge} != {"at_least", "at_most"}:
        return None
    if not _BOUNDS_JOIN.fullmatch(text, first.end, second.start):
        return None
    if (first.kind, first.unit) != (second.kind, second.unit):
        if first.kind != "count" or second.unit_stated not in STATED_UNITS:
            return None
        _, factor, offset = STATED_UNITS[second.unit_stated]  # "more than 10 and less than 40 dollars"

        def scaled(x):
            return None if x is None else float(f"{(x + offset) * factor:.12g}")

        first = replace(first, kind=second.kind, unit=second.unit, low=scaled(first.low), high=scaled(first.high))
    low = first.low if first.hedge == "at_least" else second.low
    high = first.high if first.hedge == "at_most" else second.high
    if low is None or high is None or not low < high:
        return None
    return replace(first, end=second.end, hedge="range", value=None, low=low, high=high,
                   unit_stated=first.unit_stated or second.unit_stated)


_CODE_BEFORE_WORDS = re.compile(r"(?<![\w.])[A-Z]{2,4}\s+$")
_LIST_BEFORE = re.compile(r"\d,\s*$")
_AND_OR = re.compile(r"\s+(?:and|or)\s+", re.IGNORECASE)


def _shared_unit(text: str, first: Quantity, second: Quantity) -> Quantity | None:
    """'45 and 50 mg', '5 or 10 percent': the first number takes the second's unit."""
    if first.kind != "count" or first.hedge != "exact" or first.value is None or second.kind in ("count", "rank"):
        return None
    if second.unit_stated not in STATED_UNITS or second.unit_stated == "fraction":
        return None
    if not _AND_OR.fullmatch(text, first.end, second.start) or _LIST_BEFORE.search(text, max(0, first.start - 8),
                                                                                       first.start):
        return None  # "aged 9, 8, 4 and 8 months": a list, not one unit
    _, factor, offset = STATED_UNITS[second.unit_stated]
    return replace(first, kind=second.kind, unit=second.unit, unit_stated=second.unit_stated,
                   value=float(f"{(first.value + offset) * factor:.12g}"))


_CHANGE_BEFORE = re.compile(rf"(?<![\w'])(?:{_alts(lexicon.CHANGE_VERBS)})(?:\s+by)?\s+$", re.IGNORECASE)
_SOMEDAY = re.compile(rf"(?:(?<![\w'])|(?<=\w)(?='))(?:{_alts(lexicon.SOMEDAY_MODALS)})\s+(?P<span>one\s+day)\b",
                      re.IGNORECASE)
#: "#" for "£" (ISO 646-GB): only before digits and a scale word, never "#1", "ranked #3", "#MeToo".
_HASH_POUND = re.compile(rf"#(?=\d[\d,]*(?:\.\d+)?\s+(?:{_alts(lexicon.HASH_POUND_SCALES)})\b)")


def _non_claim_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of phone numbers, street addresses and "will one day"; text with no digit run of 3 has
    no phone number or address: no scan."""
    spans = []
    if text.find(" day", start, end) >= 0:  # no copy of the text when it has no " day"
        spans += [m.span("span") for m in _SOMEDAY.finditer(text, start, end)]
    if _PHONE_HINT.search(text, start, end):
        spans += [m.span() for m in _PHONE.finditer(text, start, end)
                  if not m.group("short") or _PHONE_CUE.search(text, max(0, m.start() - 24), m.start())]
    if _ADDRESS_HINT.search(text, start, end):
        spans += [m.span() for m in _ADDRESS.finditer(text, start, end)]
    return spans


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
    if "ı" in scanned or "ſ" in scanned or "İ" in scanned or _CODE_DIGITS.search(text, start, end):
        # re.IGNORECASE reads these as "i", "s" and "i", str.lower() does not (and makes "İ" two
        # characters); a currency code against the digits ("EUR125") starts after no non-word
        # character: scan the plain way.
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
    if _TIME_OF_DAY_AFTER.match(text, e) or _COMPOUND_AFTER.match(text, e) or _TERM_PRODUCT_AFTER.match(text, e):
        return None  # "at 2 p.m.", "five-star", "30-year Treasury bond"
    negative = bool(m.group("sign"))
    if m.group("vulgaronly") or m.group("dfrac"):
        raw = m.group("vulgaronly") or m.group("dfrac")
        if m.group("vulgaronly"):
            value = VULGAR[raw]
        else:
            whole, _, frac = raw.replace("-", " ").rpartition(" ")
            numerator, denominator = frac.split("/")
            value = (float(whole) if whole.strip() else 0.0) + int(numerator) / int(denominator)
        if _is_name_number(text, s):
            return None
        return _finish(text, s, e, limit, "exact", -value if negative else value, None, None, currency=None,
                       bare_fraction=not raw.strip().count(" ") and "/" in raw or bool(m.group("vulgaronly")))
    if m.group("lone"):
        # "more than half", "half of them", "nearly a third of": a share only beside such words
        if _POSSESSIVE_BEFORE.search(text, max(0, s - 8), s):
            return None  # "his half of the home"
        if a_unit := _A_BEFORE_NOUN.match(text, e):
            unit = _UNIT_AFTER.match(text, a_unit.end())
            if not unit or not unit.group("unit"):
                return None  # "more than half a century": no share
            return _finish(text, s, a_unit.end(), limit, "exact", parse_words(m.group("lone")), None, None,
                           currency=None)  # "half an hour"
        if not (_HEDGE_BEFORE.search(text, max(0, s - 30), s) or _ONLY_BEFORE.search(text, max(0, s - 8), s)
                or _OF_AFTER.match(text, e)):
            return None
        value = parse_words(m.group("lone"))
        return _finish(text, s, e, limit, "exact", value, None, None, currency=None, bare_fraction=True)
    if m.group("num"):
        raw = m.group("num")
        if len(raw) > MAX_DIGITS and sum(ch.isdigit() for ch in raw) > MAX_DIGITS:
            return None
        after = text[m.end("num"):m.end("num") + 2]
        if not m.group("vulgar") and (_NOT_A_NUMBER_AFTER.match(after) or (
                after[:1].isalpha() and not m.group("scale") and not _UNIT_ATTACHED.match(text, m.end("num")))):
            return None  # versions "3.2.1", times "6:30", "24/7", ordinals "101st", "3D"
        scale = m.group("scale")
        currency = _CURRENCY_BEFORE.search(text, max(0, s - 6), s)
        if scale and scale.lower() == "k" and m.start("scale") > m.end("num"):
            e, scale = m.end("num"), None  # "5 k" is no number style; "38k" and "$38k" are thousands
        if scale and scale.lower() in ("b", "t") and (scale not in ("B", "T") or not currency
                                                      or m.start("scale") > m.end("num")):
            e, scale = m.end("num"), None  # "€10B", "$2.174T" only after a currency
        if scale and scale.lower() == "m" and (m.start("scale") > m.end("num")
                                               or not (currency or _MILLION_M_BEFORE.match(text, e))):
            e, scale = m.end("num"), None  # "5 m" and "500m" are metres; "£2m" and "1.2m people" millions
        value = parse_digits(raw) * (_scale(scale) if scale else 1)
        if m.group("vulgar"):
            value = (parse_digits(raw) + VULGAR[m.group("vulgar")]) * (_scale(scale) if scale else 1)
        if (not scale and not currency and not negative and _YEAR.fullmatch(raw)
                and not _COUNTED_AFTER.match(text[e:e + 20])):
            return None  # a bare year ("the 2016 election"); dates.py reads years in context
        if raw.startswith("0") and len(raw) > 1 and raw[1].isdigit():
            return None  # codes and phone numbers ("0800")
        if not currency and _is_name_number(text, s):
            return None
        if _TIME_OF_DAY_AFTER.match(text, e):
            return None
        if scale and _scale(scale) >= 1000 and (half := _AND_A_FRACTION.match(text, e)):
            value += FRACTIONS[half.group(1).lower()] * _scale(scale)  # "3 million and a half"
            e = half.end()
        if not scale and (mag := _MAGNITUDE_AFTER.match(text, e)):
            value *= MAGNITUDE_WORDS[mag.group(1).lower()]  # "3 hundred", "322 hundred"
            e = mag.end()
        return _finish(text, s, e, limit, "exact", -value if negative else value, None, None,
                       currency=_currency_code(currency.group("cur")) if currency else None)
    words = m.group("words")
    value = parse_words(words)
    while value is None and (cut := _LAST_AND.search(words)):
        words = words[:cut.start()]  # "five and seven" is two numbers (a range's bounds)
        e = s + len(words)
        value = parse_words(words)
    if value is None:
        return None
    if words.lower() == "one" and not _UNIT_AFTER.match(text, e) and not _NEGATIVE_BEFORE.search(
            text, max(0, s - 10), s):
        return None  # "one of them", "no one": a pronoun far more often than a count
    if (words[0].isupper() or _IDENTIFIER_BEFORE.search(text, max(0, s - 20), s)) and _is_name_number(text, s):
        return None  # "Big Three", "Group of Seven", "Flight eight hundred"
    if _CODE_BEFORE_WORDS.search(text, max(0, s - 8), s) and not _CURRENCY_BEFORE.search(text, max(0, s - 6), s):
        return None  # a flight spoken in a transcript: "TWA eight hundred"
    if words[0].isupper() and (_NAME_AFTER.match(text, e) or (
            _CAPITALISED_AFTER.match(text, e) and not _SENTENCE_START_BEFORE.search(text, max(0, s - 5), s))):
        return None  # "Ten Most Wanted", "the Three Gorges Dam"
    bare = is_bare_fraction(words)
    if bare and _WEAK_FRACTION.search(words) and not (
            _HEDGE_BEFORE.search(text, max(0, s - 30), s) or _ONLY_BEFORE.search(text, max(0, s - 8), s)
            or _OF_AFTER.match(text, e) or _UNIT_AFTER.match(text, e)):
        return None  # "a minute and a half later": no share of anything
    return _finish(text, s, e, limit, "exact", value, None, None, currency=None, bare_fraction=bare)


_LAST_AND = re.compile(r"(?:\s+and|\s-)\s+(?!.*(?:\sand|\s-)\s)", re.IGNORECASE | re.DOTALL)
#: Bare fractions that need a share's context ("a half", "three quarters" can be fiscal quarters).
_WEAK_FRACTION = re.compile(r"^an?\b|quarters?$|halves$", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"(?<![\w])(?:his|her|their|its|my|our|your|the|a)\s+$", re.IGNORECASE)
_A_BEFORE_NOUN = re.compile(r"\s+an?(?=\s)", re.IGNORECASE)
_ONLY_BEFORE = re.compile(r"(?<![\w])(?:only|just|fully|roughly|than)\s+$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\s+(?:the|a|an|all|their|its|his|her|our|those|these|them|us|\w+s\b)", re.IGNORECASE)
_AND_A_FRACTION = re.compile(r"\s+and\s+(?:a|one)\s+(half|quarter|third)\b(?!\s+(?:of|an?)\b)", re.IGNORECASE)
_INCHES_AFTER = re.compile(r"\s*(?:and\s+)?(?P<n>\d{1,2}(?:\.\d+)?)\s*(?:inches|inch|in\b|\"|”)")
_MAGNITUDE_AFTER = re.compile(r"\s+(hundred|dozen)\b(?![- ]\w+th)", re.IGNORECASE)


def _scale(word: str) -> int:
    return SCALES.get(word) or SCALES[word.lower()]


def _currency_code(sign: str) -> str:
    return _CURRENCY_KEYS.get(sign.strip().upper(), "USD")


def _finish(text, s, e, limit, hedge, value, low, high, currency, bare_fraction=False) -> Quantity | None:
    """Grow a core number into the full phrase: range, hedge, sign, currency, unit, stated conversion."""
    scaled_by_word = value is not None and text[max(s, e - 9):e].lower().endswith(_SCALE_WORD_ENDS)
    if value is not None:
        before = text[max(0, s - 30):s]
        # _RANGE_OPEN needs "between" or "from" (str.lower() and re.IGNORECASE agree on these
        # letters); testing for them first is much quicker than the search.
        lowered = before.lower()
        opened = _RANGE_OPEN.search(before) if "between" in lowered or "from" in lowered else None
        between = bool(opened and opened.group("open").lower() == "between")
        if opened and opened.group("neg") and value > 0:
            value = -value  # "between negative ten and fifteen"
        r = (_RANGE_AND if between else _RANGE_TO).match(text, e) or (between and _RANGE_TO.match(text, e))
        if r and r.end() < limit and r.group("unit1") and not between and "-" in r.group(0) and not (
                r.group(0).rstrip().endswith(("to", "through"))):
            r = None  # "50 km-long" is not a range
        if r and r.end() < limit and r.group("unit1") and not between and not opened \
                and r.group(0).rstrip().lower().endswith("to") and _CHANGE_BEFORE.search(text, max(0, s - 30), s):
            after_second = _number_at(text, r.end())
            if after_second and _unit_after(text, after_second[1])[0]:
                r = None  # "rose 6 pence to 388 pence": the change, then the level
        if r and r.end() < limit and r.group("unit1"):
            after_second = _number_at(text, r.end())
            unit2 = _unit_after(text, after_second[1])[0] if after_second else None
            spec1 = UNITS.get(r.group("unit1").strip().lower())
            spec2 = UNITS.get(unit2.lower()) if unit2 else None
            if spec2 and spec1 and spec2[1] != spec1[1]:
                r = None  # "from 44 ml to 50 mg": two quantities, not one range
            elif spec2 and spec1 and spec2[2] != spec1[2]:
                value = value * spec1[2] / spec2[2]  # "six months and 18 years": the low bound in years
        if r and r.end() < limit:
            second = _number_at(text, r.end())
            descending = second and value < 0 and second[0] < value  # "from -18 °C to -34 °C"
            if second and (second[0] > value or descending) and second[1] <= limit \
                    and not _TIME_OF_DAY_AFTER.match(text, second[1]):
                low, high, value, hedge = min(value, second[0]), max(value, second[0]), None, "range"
                e = second[1]
                bare_fraction = False
                if opened:
                    s = s - len(before) + opened.start()
                    currency = currency or (_currency_code(opened.group("cur")) if opened.group("cur") else None)
    if currency:
        c = _CURRENCY_BEFORE.search(text, max(0, s - 6), s)
        s = c.start() if c else s
    if value is not None and value > 0 and _may_be_negative(text, s) and (
            neg := _NEGATIVE_BEFORE.search(text, max(0, s - 10), s)):
        value, s = -value, neg.start()  # "minus five percent"
    if hedge == "exact":
        h = _HEDGE_BEFORE.search(text, max(0, s - 40), s)
        if h and value is not None:
            phrase = h.group("hedge") or h.group("sign")
            key = _SPACES.sub(" ", phrase.lower())
            hedge = _HEDGE_OF.get(key) or _HEDGE_OF[key.split()[0]]  # "within the next" is "within"
            s = h.start("hedge") if h.group("hedge") else h.start("sign")
            if h.group("cur") and not currency:
                currency = _currency_code(h.group("cur"))
            if hedge == "at_least":
                low = value
            elif hedge == "at_most":
                high = value
    unit, unit_end = _unit_after(text, e, attached=True)
    kind, canonical, factor, stated = "count", None, 1.0, None
    offset = 0.0
    if currency:
        kind, canonical, stated = "money", currency, currency
        if unit and UNITS.get(unit.lower(), ("",))[0] == "money" and unit_end <= limit:
            e = unit_end  # "$5 million dollars"
    elif unit and unit_end <= limit and UNITS[unit.lower()][0] == "money":
        kind, canonical, factor, stated = UNITS[unit.lower()]
        e = unit_end
        if unit.isupper() and value is not None and (sc := _SCALE_AFTER_CODE.match(text, e)):
            value *= SCALES[sc.group(1).lower()]  # "75 USD million"
            e = sc.end()
    if kind == "money" and factor == 1.0 and value is not None and hedge == "exact" and value == int(value) \
            and not scaled_by_word and (minor := _MINOR_AFTER.match(text, e)) and minor.end() <= limit:
        n = minor.group("n")
        cents = float(n) if n.isdigit() else parse_words(n)
        if cents is not None and 0 < cents < 100 and cents == int(cents):
            value += cents / 100  # "3 dollars 50 cents", "C$100 and fifty"
            e = minor.end()
    elif kind == "money":
        pass
    elif unit and unit_end <= limit:
        kind, canonical, factor, stated = UNITS[unit.lower()]
        if stated == "lb" and (scaled_by_word or _POUND_MONEY_AFTER.match(text, unit_end)):
            kind, canonical, factor, stated = "money", "GBP", 1.0, "GBP"  # "361 million pounds"
        offset = lexicon.UNIT_OFFSETS.get(stated, 0.0)
        e = unit_end
        if stated == "ft" and value is not None and (inches := _INCHES_AFTER.match(text, e)):
            value += float(inches.group("n")) / 12  # "5 feet 2 inches", "12 ft 2 in"
            e = inches.end()
    elif (value is not None or high is not None) and (abbrev := _ABBREVIATED_UNIT.match(text, e)) \
            and abbrev.end() <= limit:
        kind, canonical, factor, stated = UNITS["litres" if abbrev.group("u") == "L" else "inch"]
        e = abbrev.end()
    elif bare_fraction:
        kind, canonical, factor, stated = "percent", "percent", 100.0, "fraction"  # "two thirds of voters"
    conversion_value = conversion_unit = None
    if kind in ("distance", "measure"):
        c = _CONVERSION.match(text, e)
        if c and c.end() <= limit and c.group("unit").lower() in UNITS:
            conversion_value = parse_digits(c.group("num")) * (-1 if c.group("sign") else 1)
            conversion_unit = UNITS[c.group("unit").lower()][3]
            e = c.end()
    t = _TRAILING_HEDGE.match(text, e) if hedge in ("exact", "approx") and value is not None else None
    if t and t.end() <= limit:
        hedge = lexicon.TRAILING_HEDGES[_SPACES.sub(" ", t.group("t").lower())]
        low, high = (value, None) if hedge == "at_least" else (None, value) if hedge == "at_most" else (None, None)
        e = t.end()

    def scaled(x):
        # no float noise, no lost precision
        return None if x is None else float(f"{(x + offset) * factor:.12g}")

    return Quantity(s, e, kind, hedge, value=scaled(value), low=scaled(low), high=scaled(high),
                    unit=canonical, unit_stated=stated, conversion_value=conversion_value,
                    conversion_unit=conversion_unit)


#: "2 in thick", '10" long', "a pen 2 in." (inches) and "3 to 4 L of wine" (litres): the short forms only
#: before a dimension word, "of" or the sentence's end, where no other reading is open.
_ABBREVIATED_UNIT = re.compile(r"\s?(?P<u>in|L|\"|”)(?=\s+(?:thick|long|wide|tall|high|deep|across|in diameter)\b"
                               r"|\.?\s*$|(?<=L)\s+of\b)")
_SCALE_WORD_ENDS = ("million", "billion", "trillion", "bn", "m", "mln", "bln")


def _may_be_negative(text: str, s: int) -> bool:
    """Quick test before _NEGATIVE_BEFORE: a negative word ends right before s."""
    before = text[max(0, s - 10):s].lower()
    return "minus" in before or "negative" in before
