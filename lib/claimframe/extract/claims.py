"""Quantities and dates become claims: what is counted, who says it, and whether it is quoted.

One row per claim (columns in data/README.md). Claim IDs hash the sentence's text with the
claim's, so a verdict attached to a claim survives re-extraction and edits elsewhere.
"""
from __future__ import annotations

import hashlib
import re
from itertools import chain, islice
from typing import TYPE_CHECKING

from claimframe import lexicon
from claimframe.extract.attribution import sentence_finder, source_of
from claimframe.extract.numbers import find_quantities
from claimframe.schema import CLAIMS, RATE_PERIODS, from_records

if TYPE_CHECKING:
    import pandas as pd

    from claimframe.document import Document

#: Paragraph roles whose numbers are not claims: photo credits and site furniture.
SILENT_ROLES = frozenset({"credit", "boilerplate"})
#: Kinds whose rows name what they count in `entity`.
ENTITY_KINDS = frozenset({"count", "rank"})

# An editor's insertion, an abbreviation with stops ("U.S.", "U.N."), a word, or anything else.
_ENTITY_TOKENS = re.compile(r"\[[^\]\n]{0,60}\]|[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z][\w’'-]*|\d[\d.,]*\d|\S")
_ENTITY_STOP = frozenset(
    """in on at to for with from by into over under during after before since across near outside inside
    and or but nor who whom which that were was are is be been being have has had will would could should
    can may might must do does did as than per each while when where if because said told says according
    many most some all both including among within without""".split()
)
_ENTITY_LEAD = frozenset("of the a an their its his her our these those them such".split())
_IRREGULAR_PLURALS = frozenset(
    "people children men women police personnel troops staff cattle sheep fish aircraft militia "
    "civilians".split()
)


_BY_PARTICIPLES = frozenset(lexicon.ESTIMATE_PARTICIPLES)
_RATE_PERIODS = frozenset(RATE_PERIODS)
_RATE_WORDS = frozenset("a an per each every".split())
_TIME_AGO = frozenset("ago earlier before later".split())
# A number in brackets or after a currency word is a conversion or an amount: it takes no noun
# from the count before it ("549,000 marks (dlrs 305,000)"); "times" is a multiplier, not a thing.
_NO_RECOVERY_BEFORE = re.compile(r"(?:\(|\b(?:dlrs?|dollars|US|marks|francs|yen|pounds|pence|cents))\s*$")
_NOT_RECOVERED = frozenset(("times",))


_SCALE_WORDS = frozenset(lexicon.MAGNITUDE_WORDS)
# hedge words between "of its" and a number: "275 to 350 of its more than 21,000 jobs"
_HEDGE_WORDS = frozenset(w for phrases in lexicon.HEDGES.values() for p in phrases for w in p.split())
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")  # "GIs", "MPs"


def _plural(word: str, capitalised: bool = False) -> bool:
    """Whether a lower-cased word reads as a plural noun. Words in -us and -is are singular in lower
    case ("census", "crisis") but plural as names of peoples ("Hutus", "Tutsis", "Israelis")."""
    return word in _IRREGULAR_PLURALS or (
        len(word) > 3 and word.endswith("s")
        and not word.endswith(("ss", "'s", "’s") if capitalised else ("ss", "us", "is", "'s", "’s")))


# "a seven-member panel", "a 700-room hotel": the noun joined to the number is what is counted
_COMPOUND_NOUN = re.compile(r"-([a-z]{3,})(?=[\s,.;:!?)]|$)")


def rate_period(text: str, end: int) -> str | None:
    """The period of a rate after a quantity or its counted noun: "358,000 a month" and
    "358,000 jobs a month" -> "month", "$15 an hour", "40 miles per day", "3 times every week";
    None otherwise, and for "seven a year ago" (a time, not a rate) and "3 per cent"."""
    window = text[end:end + 60].lower()
    if not any(w in window for w in _RATE_WORDS):
        return None  # most quantities: no rate word near, no tokens to make
    # the loop below reads at most six tokens: make no more
    tokens = [m.group(0).lower() for m in islice(_ENTITY_TOKENS.finditer(text, end, min(len(text), end + 60)), 6)]
    # the rate words come first, or after the counted noun ("358,000 jobs a month"): up to three words
    for i in range(min(4, len(tokens) - 1)):
        word = tokens[i]
        if word in _RATE_WORDS:
            if tokens[i + 1] in _RATE_PERIODS and not (i + 2 < len(tokens) and tokens[i + 2] in _TIME_AGO):
                return tokens[i + 1]
            return None
        if not word.isalpha():
            return None  # a comma, a number: the phrase ended
    return None


def entity_after(text: str, end: int, kind: str) -> str | None:
    """What a quantity counts: the head of the noun phrase after it ("hundreds of Shiite militias",
    "three suspected weapons sites classified as ...", "eight of the 14 killings"). A rate after
    the number is skipped ("358,000 a month" counts no months); None when nothing follows that
    names what is counted (see :func:`elided_entities`)."""
    if kind == "count" and text.startswith("-", end) and (compound := _COMPOUND_NOUN.match(text, end)) \
            and not compound.group(1).endswith(("ed", "ing", "ly")):  # not "486-based"
        return compound.group(1)
    words: list[str] = []
    capitalised: set[str] = set()  # the words written with a capital ("Tutsis")
    # tokens are made as the loop reads them (it stops within a few words), three up front
    rest = _ENTITY_TOKENS.finditer(text, end, min(len(text), end + 120))
    tokens = list(islice(rest, 3))
    i = 0
    if (len(tokens) > 1 and tokens[0].group(0).lower() in _RATE_WORDS and tokens[1].group(0).lower() in _RATE_PERIODS
            and not (len(tokens) > 2 and tokens[2].group(0).lower() in _TIME_AGO)):
        i = 2  # "358,000 a month": a rate, not what is counted; "seven a year ago" is no rate
    lead = False  # "of the" read: a number may follow ("eight of the 14 killings")
    for m in chain(tokens[i:], rest):
        token = m.group(0)
        if token.startswith("["):
            continue  # an editor's insertion: "40 of the [Shiite] militias"
        if not token[0].isalpha():
            if lead and not words and token[0].isdigit():
                continue
            break
        low = token.lower()
        if _ACRONYM_PLURAL.fullmatch(token):
            low = token  # "20,000 American GIs" keeps its capitals: "gis" is no word
        elif low.endswith("s'"):
            low = low[:-1]  # "the two nations' trade"
        if (low in _ENTITY_LEAD or (lead and (low in _SCALE_WORDS or low in _HEDGE_WORDS))) and not words:
            lead = True  # "of the", and a number after it: "4 million of its 4.9 million shares"
            continue
        if low in _ENTITY_STOP or len(words) == 4:
            break
        if low in _BY_PARTICIPLES and text.startswith(" by ", m.end()):
            break  # "the 235,000 forecast by economists": a maker, not what is counted
        if words and low.endswith(("ed", "ing")) and any(_plural(w, w in capitalised) for w in words):
            break  # a participle after the noun: "sites classified as ..."
        if token[0].isupper():
            capitalised.add(low)
        words.append(low)
    if not words:
        return None
    if kind == "rank":
        return words[-1]
    # a people's name in -us/-is is the head only at the end ("minority Tutsis"; not "Marcus Garvey fans")
    last = len(words) - 1
    first = next((i for i, w in enumerate(words)
                  if _plural(w, w in capitalised and i == last) or _ACRONYM_PLURAL.fullmatch(w)), None)
    if first is not None:
        while first + 1 < len(words) and _plural(words[first + 1], first + 1 == last and words[last] in capitalised):
            first += 1  # the head ends a run of nouns: "weapons sites", "Paribas shares"
        return words[first]
    return words[-1] if len(words) == 1 and not words[0].endswith(("ed", "ing", "ly", "'s", "’s")) else None


_NUMBER_OF = re.compile(r"\b[Tt]he\s+(?:total\s+)?number\s+of\s+(?:[a-z]+\s+){0,2}?([a-z]+s)\b")
# What may follow a number whose noun is left out: a verb, a preposition, a clause's end; not a
# comma (an age: "Prakash Shah, 58, a former ...") and not a noun.
_ELIDED_AFTER = re.compile(r"\s*(?:[.;:!?)]|$|(?:a|an|per)\s+(?:" + "|".join(_RATE_PERIODS) + r")\b|"
                           r"(?:were|was|are|is|had|have|has|if|in|on|at|from|to|than|and|or|but|of|"
                           r"who|that|which|last|this|each|apiece|more|fewer|less|so\s+far)\b|"
                           r"(?:" + "|".join(lexicon.ESTIMATE_PARTICIPLES) + r")\s+by\b)")


_ALTERNATIVE = re.compile(r"\s+(?:or|to|and)\s+")


def elided_entities(text: str, rows: list[dict], sentences: dict[int, tuple[int, int]]) -> None:
    """Counts whose noun the text leaves out get it back where the text makes it clear: from an
    earlier count in the same sentence ("Of the eight victims, three were stabbed", "has 1,200
    students but would take 3,500 if ..."), from "the number of visitors ... from fewer than
    100,000", or, for a rate ("358,000 a month"), from the last count of the sentence before; and
    "four or five people" counts people twice.
    ``rows`` are the claim rows in text order with their ``sentence_id``; ``sentences`` maps a
    sentence id to its span. Changes ``rows`` in place."""
    last_in: dict[int, str] = {}  # sentence id -> the entity of its last count so far
    for row in rows:
        if row["kind"] not in ENTITY_KINDS or row["kind"] == "rank":
            continue
        sid = row["sentence_id"]
        elided = _ELIDED_AFTER.match(text, row["end"]) or (
            text.startswith(",", row["end"]) and not text[:row["start"]].rstrip().endswith(","))
        if elided and _NO_RECOVERY_BEFORE.search(text, max(0, row["start"] - 12), row["start"]):
            elided = None
        if row.get("entity") is None and elided:
            start, _ = sentences[sid]
            number_of = _NUMBER_OF.search(text, start, row["start"])
            rate = text[row["end"]:row["end"] + 12].split()[:2]
            rate = len(rate) == 2 and rate[0] in _RATE_WORDS and rate[1].strip(".,;") in _RATE_PERIODS
            if sid in last_in:
                row["entity"] = last_in[sid]
            elif number_of:
                row["entity"] = number_of.group(1)
            elif rate and sid - 1 in last_in:
                row["entity"] = last_in[sid - 1]
        if row.get("entity") is not None and row["entity"] not in _NOT_RECOVERED:
            last_in[sid] = row["entity"]
    counts = [row for row in rows if row["kind"] in ENTITY_KINDS]
    for row, following in zip(counts[::-1][1:], counts[::-1]):
        # "four or five people", "between 300 and 400 substations": the noun comes once, at the end
        if row.get("entity") is None and following.get("entity") is not None and _ALTERNATIVE.fullmatch(
                text, row["end"], following["start"]):
            row["entity"] = following["entity"]


def claim_id(sentence_text: str, claim_text: str, occurrence: int, sentence_repeat: int = 1) -> str:
    """Stable ID: the sentence's words (and which repeat of them, for a sentence printed twice),
    the claim's words and their occurrence in the sentence. Offsets are left out on purpose, so
    an edit elsewhere in the article changes no ID."""
    repeat = f"\x1f{sentence_repeat}" if sentence_repeat > 1 else ""
    digest = hashlib.sha1(f"{sentence_text}\x1f{claim_text}\x1f{occurrence}{repeat}".encode()).hexdigest()
    return f"c-{digest[:10]}"


def _credit_after(paragraphs: list[dict], paragraph_id: int) -> str | None:
    """The photo credit below a caption: the source of the caption's claims."""
    nxt = paragraphs[paragraph_id + 1] if paragraph_id + 1 < len(paragraphs) else None
    return nxt["text"].strip() if nxt and nxt["role"] == "credit" else None


def claims_table(document: "Document", claim_records: list[dict]) -> "pd.DataFrame":
    """Stage: the claims table (see data/README.md, "Claim conventions"); verdicts are the
    Article's to merge, not extraction's."""
    return from_records(CLAIMS, claim_records)


def claim_records(document: "Document", paragraph_records: list[dict], attributions: list,
                  dates: list) -> list[dict]:
    """Stage: the rows of the claims table as plain dicts: a corpus run gathers many articles'
    rows and builds one table from them, because a typed DataFrame costs about as much to build
    for 20 rows as for 2,000. ``dates`` are the document's date mentions (its "dates" product)."""
    text = document.text
    paragraphs = paragraph_records
    speaking = [sa for sa in attributions if sa.role not in SILENT_ROLES]
    if not speaking:
        return []
    sentence_at = sentence_finder(speaking)
    rows = []

    dates = [d for d in dates if sentence_at(d.start)]
    for d in dates:
        rows.append({"start": d.start, "end": d.end, "kind": "date", "hedge": "exact",
                     "date": d.date, "date_precision": d.precision})
    dates_in: dict[int, list[tuple[int, int]]] = {}
    for d in dates:
        dates_in.setdefault(sentence_at(d.start).sentence_id, []).append((d.start, d.end))
    for sa in speaking:
        for q in find_quantities(text, sa.start, sa.end, exclude=dates_in.get(sa.sentence_id, ())):
            rows.append({**q.__dict__, "entity": entity_after(text, q.end, q.kind)
                         if q.kind in ENTITY_KINDS else None, "per": rate_period(text, q.end)})
    rows.sort(key=lambda r: r["start"])
    seen: dict[tuple[int, str], int] = {}
    repeats: dict[int, int] = {}  # sentence_id -> which repeat of its text it is
    texts_seen: dict[str, int] = {}
    for sa in speaking:
        sentence_text = text[sa.start:sa.end]
        texts_seen[sentence_text] = repeats[sa.sentence_id] = texts_seen.get(sentence_text, 0) + 1
    for row in rows:
        sa = sentence_at(row["start"])
        claim_text = text[row["start"]:row["end"]]
        default = _credit_after(paragraphs, sa.paragraph_id) if sa.role == "caption" else None
        source, quoted = source_of(sa, row["start"], row["end"], default or document.outlet or "unattributed")
        k = seen[(sa.sentence_id, claim_text)] = seen.get((sa.sentence_id, claim_text), 0) + 1
        row.update(
            claim_id=claim_id(text[sa.start:sa.end], claim_text, k, repeats[sa.sentence_id]),
            sentence_id=sa.sentence_id,
            paragraph_id=sa.paragraph_id,
            text=claim_text,
            source=source,
            quoted=quoted,
        )
    elided_entities(text, rows, {sa.sentence_id: (sa.start, sa.end) for sa in speaking})
    return rows
