"""Dates: stated weekdays against the calendar, nothing reported after publication, and the
order "after X" / "before X" implies."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from claimframe import lexicon
from claimframe.checks.common import (
    _as_date,
    _date_claims_by_start,
    _event_claim_ids,
    _event_span,
    _event_words,
    _f,
    _fmt_date,
    _place_words,
    _quote,
    _s,
    _WordIndex,
    content_words,
)
from claimframe.checks.registry import Row, check
from claimframe.schema import records

if TYPE_CHECKING:

    from claimframe.checks.registry import CheckInputs


def _sentence_starts(inputs: "CheckInputs") -> dict[int, tuple[int, str]]:
    """sentence_id -> (start, text), built once per check (not one table scan per event) from
    the three columns read, not the whole table converted."""
    s = inputs.sentences
    rows = records(s, ("sentence_id", "start", "text")) if len(s) else []
    return {int(r["sentence_id"]): (int(r["start"]), str(r["text"])) for r in rows}


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: A weekday's name, in full (as find_dates reads them) or abbreviated, in any case.
_WEEKDAY_NAME = re.compile(rf"\b(?:{lexicon.alternation(lexicon.WEEKDAYS + lexicon.WEEKDAY_ABBREVIATIONS)})\b",
                           re.IGNORECASE)


def _may_state_a_weekday(text: str) -> bool:
    """Whether find_dates could read a stated weekday in a date claim's text: only where it names
    a weekday, and not where the text is the weekday alone ("Tuesday"), which find_dates reads
    relative to the published date. Any other date claim has no weekday to check and is not
    parsed again."""
    name = _WEEKDAY_NAME.search(text)
    return name is not None and text.strip().rstrip(".") != name.group()


@check("claims")
def check_weekdays(inputs: "CheckInputs") -> list[Row]:
    """A weekday stated with a full date ("Wednesday, Nov. 9, 2016") is that date's weekday."""
    from claimframe.extract.dates import find_dates

    rows = []
    for c in inputs.records("claims"):
        if (str(c.get("kind")) != "date" or not _may_state_a_weekday(str(c["text"]))
                or _as_date(c.get("date")) is None):
            continue
        for m in find_dates(str(c["text"]), inputs.published):
            if m.weekday is None or m.relative or m.date is None or m.precision != "day":
                continue
            actual = m.date.weekday()
            ok = actual == m.weekday
            rows.append({
                "kind": "weekday", "status": "ok" if ok else "fail", "claim_ids": [c["claim_id"]],
                "message": (f"{_quote(c['text'])}: {m.date:%-d %B %Y} was a {_WEEKDAYS[actual]}"
                            + ("." if ok else f", not a {_WEEKDAYS[m.weekday]}.")),
                "detail": f"stated {_WEEKDAYS[m.weekday]}; calendar {_WEEKDAYS[actual]} ({m.date.isoformat()})"
                          + ("" if m.year_stated else "; the year was inferred from the published date"),
            })
    return rows


_FUTURE = re.compile(r"\b(?:will|would|plans?|planned|scheduled|expected|due to|next|upcoming|is to|are to)\b",
                     re.IGNORECASE)


@check("claims", "events", "sentences")
def check_date_plausibility(inputs: "CheckInputs") -> list[Row]:
    """Nothing the article reports is dated after it was published; nothing it cites either."""
    published = inputs.published
    events = inputs.events
    if published is None or events is None or len(events) == 0:
        return []
    rows, fine, n = [], [], 0
    by_start, sentences, future_tense = _date_claims_by_start(inputs), None, {}
    for e in inputs.records("events"):
        kind = _s(e.get("kind"))
        span = _event_span(e)
        if span is None or kind not in ("reported", "cited"):
            continue
        n += 1
        ids = _event_claim_ids(e, by_start)
        if span[0] <= published:
            fine.extend(ids)
            continue
        words = _quote(_event_words(e))
        if kind == "cited":
            rows.append({"kind": "date_plausibility", "status": "fail", "claim_ids": ids,
                         "key": _s(e.get("event_id")),
                         "message": (f"The article cites {_s(e.get('label')) or 'a source'} dated "
                                     f"{span[0].isoformat()}, after its own publication on {published.isoformat()}."),
                         "detail": f"event {e.get('event_id')}; source {e.get('source')}"})
            continue
        future = False
        if _f(e.get("sentence_id")) is not None:
            sid = int(e["sentence_id"])
            if sid not in future_tense:  # once per sentence, however many of its dates are late
                sentences = _sentence_starts(inputs) if sentences is None else sentences
                future_tense[sid] = bool(_FUTURE.search(sentences.get(sid, (0, ""))[1]))
            future = future_tense[sid]
        rows.append({
            "kind": "date_plausibility", "status": "info" if future else "warn", "claim_ids": ids,
            "key": _s(e.get("event_id")),
            "message": (f"{words} ({_fmt_date(span[0], span[2])}) is after the published date "
                        f"{published.isoformat()}" + (", as a plan or expectation." if future
                                                      else ", for something the article reports as done.")),
            "detail": (f"event {e.get('event_id')} ({e.get('label')}); the sentence "
                       + ("speaks of the future" if future else "has no future tense") + "; a year "
                       "inferred for a date without one is the latest not after publication"),
        })
    if not any(r["status"] in ("warn", "fail") for r in rows):
        if n:
            rows.insert(0, {
                "kind": "date_plausibility", "status": "ok", "claim_ids": list(dict.fromkeys(fine)),
                "message": ("The one dated statement is" if n == 1 else f"All {n} dated statements and citations are")
                           + f" on or before the published date {published.isoformat()}.",
                "detail": "reported and cited events in article.events compared with meta.toml's published",
            })
    return rows


#: The lookahead on the first letters changes no match: it lets the scan skip most positions
#: without trying each word of the alternation there (a third faster).
_ORDER = re.compile(r"\b(?=[abfpsu])(?P<rel>after|before|following|prior to|since|until|ahead of)"
                    r"\s+(?P<clause>[^,.;:”\"]{8,200})", re.IGNORECASE)


@check("claims", "events", "sentences")
def check_date_order(inputs: "CheckInputs") -> list[Row]:
    """"<dated statement> after <X>": X, dated elsewhere in the article, comes first (or last, for before)."""
    events = inputs.events
    if events is None or len(events) == 0:
        return []
    reported = [e for e in inputs.records("events") if _s(e.get("kind")) == "reported"
                and _f(e.get("sentence_id")) is not None and _event_span(e) is not None]
    if not reported:
        return []
    sentences = _sentence_starts(inputs)
    # built once, for the first clause to match, not once per clause: the candidates' words,
    # their sentences, the place words; most articles have no such clause and never build them
    index, places, by_start = None, set(), None
    clauses: dict[int, list[tuple[re.Match, Any]]] = {}
    rows = []
    for e in reported:
        sid = int(e["sentence_id"])
        s_start, s_text = sentences.get(sid, (0, ""))
        e_start = _f(e.get("start"))
        if sid not in clauses:  # a sentence with several dates is searched and matched once
            clauses[sid] = [(m, None) for m in _ORDER.finditer(s_text)]
        for j, (m, hit) in enumerate(clauses[sid]):
            clause = m.group("clause")
            c_lo, c_hi = s_start + m.start("clause"), s_start + m.end("clause")
            if e_start is not None and c_lo <= e_start < c_hi:
                continue  # the date belongs to the clause itself ("after the offensive started on Oct. 17")
            if (_s(e.get("date_text")) or "\x00") in clause:
                continue
            if hit is None:
                if index is None:
                    index = _WordIndex([(o, content_words(_s(o.get("label")))) for o in reported],
                                       groups=[int(o["sentence_id"]) for o in reported])
                    places = set().union(*(_place_words(o) for o in reported))
                hit = index.best(content_words(clause), places, exclude=sid) or False
                clauses[sid][j] = (m, hit)
            if not hit:
                continue
            other, shared = hit
            e_lo, e_hi, e_prec = _event_span(e)
            o_lo, o_hi, o_prec = _event_span(other)
            rel = m.group("rel").lower()
            first = rel in ("after", "following", "since")
            before_lo, before_hi, after_lo, after_hi = (o_lo, o_hi, e_lo, e_hi) if first else (e_lo, e_hi, o_lo, o_hi)
            if before_hi <= after_lo:
                status = "ok"
            elif before_lo > after_hi:
                status = "fail"
            else:
                status = "info"
            what = _quote(f"{m.group('rel')} {clause.strip()}")
            verdict = {"ok": "consistent", "fail": "contradicted", "info": "possible but not certain"}[status]
            o_words, e_words = _quote(_event_words(other)), _quote(_event_words(e))
            message = (f"{what}, dated {e_words}, is {verdict}: the article dates that {o_words} "
                       f"({_fmt_date(o_lo, o_prec)}).")
            by_start = _date_claims_by_start(inputs) if by_start is None else by_start
            ids = list(dict.fromkeys(_event_claim_ids(other, by_start) + _event_claim_ids(e, by_start)))
            rows.append({
                "kind": "date_order", "status": status, "claim_ids": ids,
                "key": f"{e.get('event_id')}>{other.get('event_id')}",
                "message": message,
                "detail": (f"{o_words} = {o_lo.isoformat()}..{o_hi.isoformat()}; {e_words} = "
                           f"{e_lo.isoformat()}..{e_hi.isoformat()}; the clause matched the event "
                           f"{_quote(_s(other.get('label')))} on {', '.join(sorted(shared))}"),
            })
    return rows
