"""References: claims against curated estimates published elsewhere
(data/articles/<slug>/reference_estimates.csv) and against curated context events."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from claimframe.checks.common import (
    _as_date,
    _counts,
    _date_claims_by_start,
    _event_claim_ids,
    _event_span,
    _event_words,
    _f,
    _fmt_date,
    _label,
    _overlap,
    _place_words,
    _quote,
    _records,
    _s,
    _WordIndex,
    claim_interval,
    content_words,
    fmt,
    fmt_interval,
    fold_entity,
)
from claimframe.checks.registry import Row, check
from claimframe.errors import ClaimframeError

if TYPE_CHECKING:
    import pandas as pd

    from claimframe.checks.registry import CheckInputs


#: Reference estimates dated further than this from the published date are context (info).
REFERENCE_WINDOW_DAYS = 366


#: Columns of reference_estimates.csv (see data/REFERENCE_ESTIMATES.md).
REFERENCE_COLUMNS = ("estimate_id", "entity", "date", "date_end", "value", "low", "high", "hedge", "what",
                     "source", "url_or_citation", "confidence", "note")


REFERENCE_FILE = "reference_estimates.csv"


class ReferenceEstimatesError(ClaimframeError, ValueError):
    """reference_estimates.csv is malformed: a missing column, a bad number, date or hedge."""


def describe(value, low, high, hedge) -> str:
    """How a number with a hedge reads: 'more than 110,000', '100,000 to 120,000', 'some 40'."""
    value, low, high = _f(value), _f(low), _f(high)
    if hedge == "at_least":
        return f"at least {fmt(low if low is not None else value)}"
    if hedge == "at_most":
        return f"up to {fmt(high if high is not None else value)}"
    if hedge in ("range", "vague"):
        return f"{fmt(low)} to {fmt(high)}"
    if hedge == "approx":
        return f"about {fmt(value)}"
    return fmt(value)


@check("claims", "events")
def check_reference_dates(inputs: "CheckInputs") -> list[Row]:
    """A dated statement against the curated context event it describes (matched on shared words)."""
    events = inputs.events
    if events is None or len(events) == 0:
        return []
    recs = inputs.records("events")
    context = [e for e in recs if _s(e.get("kind")) == "context" and _event_span(e) is not None]
    reported = [e for e in recs if _s(e.get("kind")) == "reported" and _event_span(e) is not None
                and _f(e.get("sentence_id")) is not None]
    if not context or not reported:
        return []
    rows = []
    index = _WordIndex([(e, content_words(_s(e.get("label"))) | _place_words(e)) for e in reported])
    reported_places = set().union(*(_place_words(e) for e in reported))
    by_start = _date_claims_by_start(inputs)
    for ctx in context:
        words = content_words(_s(ctx.get("label")))
        hit = index.best(words, _place_words(ctx) | reported_places)
        if hit is None:
            continue
        e, shared = hit
        e_lo, e_hi, e_prec = _event_span(e)
        c_lo, c_hi, c_prec = _event_span(ctx)
        inside = _overlap((e_lo.toordinal(), e_hi.toordinal()), (c_lo.toordinal(), c_hi.toordinal()))
        gap = min(abs((c_lo - e_hi).days), abs((e_lo - c_hi).days))
        status = "ok" if inside else "warn" if gap <= 31 else "fail"
        words_e = _quote(_event_words(e))
        record = f"{_s(ctx.get('label'))} on {_fmt_date(c_lo, c_prec)} ({_s(ctx.get('source')) or 'no source'})"
        message = (f"{words_e} agrees with the record: {record}." if status == "ok" else
                   f"{words_e} ({_fmt_date(e_lo, e_prec)}) does not match the record: {record}.")
        rows.append({
            "kind": "reference_date", "status": status, "claim_ids": _event_claim_ids(e, by_start),
            "key": _s(ctx.get("event_id")), "message": message,
            "detail": (f"the article's {_quote(_s(e.get('label')))} {e_lo.isoformat()}..{e_hi.isoformat()} "
                       f"against the record's {c_lo.isoformat()}..{c_hi.isoformat()}; matched on "
                       f"{', '.join(sorted(shared))}"
                       + (f"; note: {_s(ctx.get('note'))}" if _s(ctx.get("note")) else "")),
        })
    return rows


def read_reference_estimates(path: str | Path) -> "pd.DataFrame":
    """Read and check a reference_estimates.csv (columns: :data:`REFERENCE_COLUMNS`)."""
    import pandas as pd

    from claimframe.schema import HEDGES

    path = Path(path)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise ReferenceEstimatesError(f"{path}: cannot read it as UTF-8 CSV ({exc})") from None
    missing = [c for c in REFERENCE_COLUMNS if c not in raw.columns]
    if missing:
        raise ReferenceEstimatesError(f"{path}: missing column(s) {', '.join(missing)}; "
                                      "see data/REFERENCE_ESTIMATES.md")
    for col in ("value", "low", "high"):
        bad = raw[col].notna() & pd.to_numeric(raw[col], errors="coerce").isna()
        if bad.any():
            i = raw.index[bad][0]
            raise ReferenceEstimatesError(f"{path}, row {i + 2}: {col} {raw.at[i, col]!r} is not a number")
        raw[col] = pd.to_numeric(raw[col]).astype("Float64")
    for col in ("date", "date_end"):
        parsed = pd.to_datetime(raw[col], format="%Y-%m-%d", errors="coerce")
        bad = raw[col].notna() & parsed.isna()
        if bad.any():
            i = raw.index[bad][0]
            raise ReferenceEstimatesError(f"{path}, row {i + 2}: {col} {raw.at[i, col]!r} is not YYYY-MM-DD")
        raw[col] = parsed
    bad = ~raw["hedge"].isin(HEDGES)
    if bad.any():
        i = raw.index[bad][0]
        raise ReferenceEstimatesError(f"{path}, row {i + 2}: hedge {raw.at[i, 'hedge']!r} is not one of "
                                      f"{', '.join(HEDGES)}")
    for col in ("estimate_id", "entity", "date", "source"):
        if raw[col].isna().any():
            i = raw.index[raw[col].isna()][0]
            raise ReferenceEstimatesError(f"{path}, row {i + 2}: {col} is empty; it is required")
    dup = raw["estimate_id"][raw["estimate_id"].duplicated()]
    if len(dup):
        raise ReferenceEstimatesError(f"{path}: estimate_id {dup.iloc[0]!r} appears more than once")
    return raw[list(REFERENCE_COLUMNS)]


def load_reference_estimates(inputs: "CheckInputs") -> "pd.DataFrame | None":
    """The article's reference_estimates.csv (in its folder), or None when it has none."""
    folder = inputs.folder
    if folder is None or not (folder / REFERENCE_FILE).is_file():
        return None
    return read_reference_estimates(folder / REFERENCE_FILE)


@check("claims")
def check_reference_estimates(inputs: "CheckInputs") -> list[Row]:
    """Each count against the curated estimates of the same entity from other sources."""
    refs = load_reference_estimates(inputs)
    if refs is None or len(refs) == 0:
        return []
    published = inputs.published
    by_entity: dict[str | None, list[dict]] = {}  # the estimates, read once and grouped by entity
    for ref in _records(refs):
        by_entity.setdefault(fold_entity(ref["entity"]), []).append(ref)
    rows = []
    for c in _counts(inputs):
        ic = claim_interval(c["value"], c["low"], c["high"], c["hedge"])
        if ic is None:
            continue
        for ref in by_entity.get(fold_entity(c["entity"]), ()):
            ir = claim_interval(ref["value"], ref["low"], ref["high"], ref["hedge"])
            if ir is None:
                continue
            d0 = _as_date(ref["date"])
            d1 = _as_date(ref["date_end"]) or d0
            when = d0.isoformat() if d1 == d0 else f"{d0.isoformat()} to {d1.isoformat()}"
            stated = describe(ref["value"], ref["low"], ref["high"], ref["hedge"])
            who = f"{_s(ref['what']) or ref['entity']} ({ref['source']}, {when})"
            days = 0 if published is None or d0 <= published <= d1 else\
                min(abs((published - d0).days), abs((published - d1).days))
            meet = _overlap(ic, ir)
            if days > REFERENCE_WINDOW_DAYS:
                status = "info"
                message = (f"For context, {_label(c)} against {stated} {who}, "
                           f"{days // 30} months from publication.")
            elif meet:
                status = "ok"
                edge = f", meeting only at {fmt(meet[0])}" if meet[0] == meet[1] else ""
                message = f"{_label(c)} agrees with {stated} {who}{edge}."
            else:
                status = "warn"
                side = "below" if ic[1] < ir[0] else "above"
                message = f"{_label(c)} is {side} {stated} {who}."
            detail = (f"claim {fmt_interval(ic)} ({c['hedge']}, {c['source']}); reference {fmt_interval(ir)} "
                      f"({ref['hedge']}); confidence {_s(ref['confidence']) or 'not given'}; "
                      f"{_s(ref['url_or_citation']) or 'no citation'}"
                      + (f"; note: {_s(ref['note'])}" if _s(ref["note"]) else ""))
            rows.append({"kind": "reference_estimate", "status": status, "claim_ids": [c["claim_id"]],
                         "key": str(ref["estimate_id"]), "message": message, "detail": detail})
    return rows
