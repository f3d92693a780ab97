"""Consistency checks: does the article agree with itself, with geography, the calendar and others?

``run_checks(article)`` runs every function in :data:`REGISTRY` and returns one row per check
(the ``checks`` table of :mod:`claimframe.schema`): ``check_id``, ``kind``, ``status`` (ok, warn,
fail, info), ``claim_ids`` ("; "-joined, reading order), ``message`` (one plain sentence) and
``detail`` (the numbers behind the verdict). Each check is a small function that takes an
:class:`~claimframe.article.Article` and returns row dicts; to add one, write it and decorate it
with :func:`register`. ``check_id`` is ``k-`` + 10 hex digits of a hash of the kind, the sorted
claim IDs and (where one claim meets several references) the reference's ID, so a note attached
to a check survives re-extraction.

    >>> a = read_text("The town is some 13 kilometers (8 miles) from the river.")  # doctest: +SKIP
    >>> run_checks(a)[["kind", "status"]].values.tolist()                          # doctest: +SKIP
    [['unit_conversion', 'ok']]

The checks (``kind``):

==================== ===================================================================
unit_conversion      a conversion the text states ("13 kilometers (8 miles)") holds within
                     the rounding of both numbers (:data:`claimframe.numbers.UNITS` factors)
relative_distance    "N km <direction> of X" against the gazetteer's distance (article.relations)
relative_bearing     the compass word against the gazetteer's bearing
same_entity          the counts of one thing (naive singular/plural folding), one row for all of
                     them: some cannot both be true, or can only if an "at least" understates
                     badly (warn), differ only across dates (info), or agree (ok)
derived_average      "N <things> with a combined M <members>": M / N on average, and the same
                     with the other counts of the N things elsewhere in the article
weekday              a stated weekday ("Wednesday, Nov. 9, 2016") against the calendar
date_plausibility    nothing reported after the published date; nothing cited from after it
date_order           "after <X>" / "before <X>": the date of X elsewhere in the article
reference_date       a dated statement against a curated context event (article.events)
reference_estimate   a count against data/articles/<slug>/reference_estimates.csv
place_outlier        a place GeoNames chose by name alone (fallback), far from all the others
==================== ===================================================================

Tolerances
----------
A claim allows an interval, which grows with its hedge (:data:`TOLERANCE`):

- ``exact`` ("50 kilometers"): the value +/- 5 % (a reporter's round number);
- ``approx`` ("some", "about", "nearly"): +/- 25 %;
- ``at_least`` / ``at_most``: the bound as stated, open on the other side;
- ``range`` and ``vague``: the range itself ("hundreds" is 200-999, see data/README.md).

A measured value inside the interval is ``ok``. Outside it, a distance is ``warn`` when it lies
within the wider :data:`NEAR` band (exact 10 %, approx 50 %, 10 % beyond a bound or range) or
when the shortfall is what measuring from the edge of a place rather than its centre could
explain (:data:`EDGE_ALLOWANCE_KM`: city 10 km, town 3 km, base 2 km, village 1 km; a rough
built-up radius by kind, an assumption, not a measurement); otherwise ``fail``. The edge
allowance can only turn a ``fail`` into a ``warn``, never into ``ok``.

A compass word covers the bearings nearest to it: a cardinal point ("south") +/- 45 degrees, an
intercardinal ("northeast") +/- 22.5, a secondary point ("north-northeast") +/- 11.25; twice
that is ``warn``, beyond it ``fail``.

Unit conversions: each number stands for the interval it rounds from (13 is 12.5-13.5; 50 is
45-55; 8.5 is 8.45-8.55); the two intervals overlapping is ``ok``; a gap of at most 10 % of the
stated value is ``warn``; more is ``fail``.

Two claims (same entity, or a claim against a reference estimate) agree when their intervals
overlap (``ok``) and disagree when they do not (``warn``). An "at least N" is how a tally is
reported, so another claim whose lowest reading is :data:`OPEN_BOUND_FACTOR` (3) times N or more
is also ``warn``: both can hold only if the "at least" understates badly. Ceilings ("up to",
"fewer than") are often far above the count and are not flagged. Counts in sentences that carry
different dates are ``info``: they may count at different times. Reference estimates dated more
than :data:`REFERENCE_WINDOW_DAYS` from the article's publication are ``info`` (context, not a
test).

``same_entity`` gives one row per thing counted, not one per pair: ``warn`` when any two of its
counts that are comparable (same date, or one undated) disagree, else ``info`` when two dated
apart do, else ``ok``. Its ``claim_ids`` are all the counts; its message quotes their distinct
readings, at most :data:`LIST_LIMIT` ("... and 190 more"), the two that disagree among them. It
is found from each comparable set's extremes (highest floor, lowest ceiling, smallest "at
least"), so a casualty list of 200 counts costs 200 steps, not 19,900 pairs.

Checks that need ``article.relations`` (places.py) or ``article.events`` (events.py) produce
nothing when those tables are unavailable.
"""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import math
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimframe.errors import ClaimframeError
from claimframe.schema import CHECKS, empty, typed

if TYPE_CHECKING:
    import pandas as pd

    from claimframe.article import Article

__all__ = [
    "REGISTRY",
    "REFERENCE_COLUMNS",
    "ReferenceEstimatesError",
    "check_id",
    "claim_interval",
    "fold_entity",
    "load_reference_estimates",
    "read_reference_estimates",
    "register",
    "run_checks",
]

#: Relative half-width of the interval a claim allows, by hedge (see the module docstring).
TOLERANCE = {"exact": 0.05, "approx": 0.25, "at_least": 0.0, "at_most": 0.0, "range": 0.0, "vague": 0.0}
#: The wider band (relative) within which a measured distance is a warning rather than a failure.
NEAR = {"exact": 0.10, "approx": 0.50, "at_least": 0.10, "at_most": 0.10, "range": 0.10, "vague": 0.10}
#: How far a place's edge may be from its gazetteer point, by place kind (km; an assumption).
EDGE_ALLOWANCE_KM = {"city": 10.0, "town": 3.0, "village": 1.0, "base": 2.0}
#: "at least N" against another claim whose lowest reading is this many times N: a warning.
OPEN_BOUND_FACTOR = 3.0
#: A conversion off by more than rounding but at most this (relative) is a warning.
CONVERSION_WARN = 0.10
#: Reference estimates dated further than this from the published date are context (info).
REFERENCE_WINDOW_DAYS = 366
#: Columns of reference_estimates.csv (see data/REFERENCE_ESTIMATES.md).
REFERENCE_COLUMNS = ("estimate_id", "entity", "date", "date_end", "value", "low", "high", "hedge", "what",
                     "source", "url_or_citation", "confidence", "note")
REFERENCE_FILE = "reference_estimates.csv"

Row = dict[str, Any]
Check = Callable[["Article"], list[Row]]
#: The checks run_checks runs, in order. Add one with @register.
REGISTRY: list[Check] = []


class ReferenceEstimatesError(ClaimframeError, ValueError):
    """reference_estimates.csv is malformed: a missing column, a bad number, date or hedge."""


def register(fn: Check) -> Check:
    """Add a check function to :data:`REGISTRY` (used as a decorator)."""
    REGISTRY.append(fn)
    return fn


def check_id(kind: str, claim_ids: Iterable[str], key: str | None = None) -> str:
    """Stable ID: a hash of the kind, the sorted claim IDs and an optional reference key."""
    parts = [kind, *sorted(claim_ids)] + ([key] if key else [])
    return "k-" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def run_checks(article: "Article", checks: Iterable[Check] | None = None) -> "pd.DataFrame":
    """The checks table of an article: every registered check (or ``checks``), in order."""
    import pandas as pd

    rows: list[Row] = []
    seen: dict[str, int] = {}
    for fn in REGISTRY if checks is None else checks:
        for row in fn(article):
            ids = [i for i in row.get("claim_ids", []) if i]
            cid = check_id(row["kind"], ids, row.get("key"))
            seen[cid] = seen.get(cid, 0) + 1
            if seen[cid] > 1:  # two verdicts on the same claims: keep both, IDs stay stable
                cid = check_id(row["kind"], ids, f"{row.get('key') or ''}#{seen[cid]}")
            rows.append({
                "check_id": cid,
                "kind": row["kind"],
                "status": row["status"],
                "claim_ids": "; ".join(ids) or None,
                "message": row["message"],
                "detail": row.get("detail") or None,
            })
    if not rows:
        return empty(CHECKS)
    return typed(CHECKS, pd.DataFrame(rows))


# ---------------------------------------------------------------------------------------------
# Helpers: numbers, intervals, words
# ---------------------------------------------------------------------------------------------

def _f(x: Any) -> float | None:
    """A float, or None for missing values (pd.NA, NaN, None)."""
    if x is None:
        return None
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


def _s(x: Any) -> str | None:
    """A non-empty string, or None for missing values."""
    if x is None:
        return None
    if isinstance(x, str):
        return x or None
    try:
        import pandas as pd

        if pd.isna(x):
            return None
    except (TypeError, ValueError):
        pass
    return str(x)


def claim_interval(value, low, high, hedge, tolerance: dict[str, float] | None = None
                   ) -> tuple[float, float] | None:
    """The interval (lo, hi) a claim allows, widened by its hedge's tolerance; None if unknown.

    >>> claim_interval(50, None, None, "approx")
    (37.5, 62.5)
    >>> claim_interval(40, 40, None, "at_least")
    (40.0, inf)
    """
    t = (TOLERANCE if tolerance is None else tolerance).get(str(hedge), 0.0)
    value, low, high = _f(value), _f(low), _f(high)
    if hedge in ("exact", "approx"):
        if value is None:
            return None
        a, b = value * (1 - t), value * (1 + t)
        return (min(a, b), max(a, b))
    if hedge == "at_least":
        bound = low if low is not None else value
        return None if bound is None else (bound * (1 - t), math.inf)
    if hedge == "at_most":
        bound = high if high is not None else value
        return None if bound is None else (min(0.0, bound), bound * (1 + t))
    if low is None or high is None:
        return None
    return (low * (1 - t), high * (1 + t))


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float] | None:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


def fmt(x: float | None, unit: str = "") -> str:
    """A number for a message: thousands separated, precision that suits its size."""
    if x is None:
        return "?"
    if math.isinf(x):
        return "∞"
    if abs(x) >= 100 or float(x).is_integer():
        s = f"{x:,.0f}"
    elif abs(x) >= 1:
        s = f"{x:.1f}".removesuffix(".0")
    else:
        s = f"{x:.2g}"
    return f"{s} {unit}".strip() if unit else s


def fmt_interval(iv: tuple[float, float] | None, unit: str = "") -> str:
    """'200–999', '40 or more', 'up to 900'."""
    if iv is None:
        return "unknown"
    lo, hi = iv
    u = f" {unit}" if unit else ""
    if math.isinf(hi):
        return f"{fmt(lo)} or more{u}"
    if lo <= 0 < hi:
        return f"up to {fmt(hi)}{u}"
    if fmt(lo) == fmt(hi):
        return f"{fmt(lo)}{u}"
    return f"{fmt(lo)}–{fmt(hi)}{u}"


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


def fold_entity(entity: str | None) -> str | None:
    """Naive singular form for matching: 'militias' -> 'militia', 'bodies' -> 'body'."""
    if entity is None:
        return None
    w = str(entity).strip().lower()
    if not w:
        return None
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


_STOP = frozenset(
    """the a an and or of to in on at by for with from into over under after before since until that
    this these those their its his her our they them it is was were are be been being has have had
    not no but as than then also which who whom what when where while about some many more most other
    such only very said says told would could should will can may might must do does did there here
    new all any both each few own same so too just one two three""".split()
)


def _stem(word: str) -> str:
    w = word.lower().strip("’'")
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def content_words(text: str | None) -> set[str]:
    """Lower-case, crudely stemmed words of three or more letters, function words removed."""
    return {_stem(w) for w in re.findall(r"[A-Za-z][A-Za-z’'-]+", text or "")
            if len(w) >= 3 and w.lower() not in _STOP}


def _quote(text: Any) -> str:
    return f"“{text}”"


def _records(df: "pd.DataFrame | None") -> list[dict]:
    return [] if df is None or len(df) == 0 else df.to_dict("records")


def _claims(article: "Article") -> "pd.DataFrame":
    return article.claims


def _claim_index(article: "Article") -> dict[str, dict]:
    return {str(r["claim_id"]): r for r in _records(_claims(article))}


def _sentence_texts(article: "Article") -> dict[int, str]:
    """sentence_id -> text, built once per check (not one table scan per event)."""
    s = article.sentences
    return dict(zip(s["sentence_id"].astype(int), s["text"].astype(str))) if len(s) else {}


def _date_claims_by_start(article: "Article") -> dict[float, list[str]]:
    """Start offset -> IDs of the date claims starting there (reading order), built once per check."""
    out: dict[float, list[str]] = {}
    for c in _records(_claims(article)):
        start = _f(c.get("start"))
        if str(c.get("kind")) == "date" and start is not None:
            out.setdefault(start, []).append(c["claim_id"])
    return out


def _relations(article: "Article") -> "pd.DataFrame | None":
    """article.relations, or None while places.py cannot provide it."""
    try:
        return article.relations
    except (ImportError, AttributeError):
        return None


def _events(article: "Article") -> "pd.DataFrame | None":
    """article.events, or None while events.py cannot provide it."""
    try:
        return article.events
    except (ImportError, AttributeError):
        return None


def _period_end(date: dt.date, precision: str | None) -> dt.date:
    if precision == "month":
        return date.replace(day=calendar.monthrange(date.year, date.month)[1])
    if precision == "year":
        return date.replace(month=12, day=31)
    if precision == "week":
        return date + dt.timedelta(days=6)
    return date


def _as_date(x: Any) -> dt.date | None:
    if x is None:
        return None
    try:
        import pandas as pd

        if pd.isna(x):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(x, dt.datetime) or hasattr(x, "to_pydatetime"):
        return x.date()
    if isinstance(x, dt.date):
        return x
    try:
        return dt.date.fromisoformat(str(x)[:10])
    except ValueError:
        return None


def _fmt_date(d: dt.date, precision: str | None = "day") -> str:
    if precision == "year":
        return str(d.year)
    if precision == "month":
        return f"{calendar.month_name[d.month]} {d.year}"
    return d.isoformat()


# ---------------------------------------------------------------------------------------------
# unit_conversion
# ---------------------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")


def rounding_half_width(number_text: str | None, value: float) -> float:
    """Half the rounding step a written number implies: '13' 0.5, '50' 5, '8.5' 0.05, '190' 5."""
    if number_text:
        s = number_text.replace(",", "")
        if "." in s:
            return 0.5 * 10 ** -len(s.split(".")[1])
        stripped = s.rstrip("0")
        zeros = len(s) - len(stripped) if stripped else 0
        return 0.5 * 10 ** zeros
    s = f"{abs(value):.0f}"
    return 0.5 * 10 ** (len(s) - len(s.rstrip("0"))) if value and float(value).is_integer() else 0.5


def _unit_factors() -> dict[str, tuple[str, float]]:
    from claimframe.extract.numbers import UNITS

    return {spec[3]: (spec[1], spec[2]) for spec in UNITS.values()}


@register
def check_unit_conversions(article: "Article") -> list[Row]:
    """A conversion stated in parentheses holds within the rounding of both numbers."""
    rows = []
    factors = _unit_factors()
    for c in _records(_claims(article)):
        conv, unit_c, unit_s = _f(c.get("conversion_value")), _s(c.get("conversion_unit")), _s(c.get("unit_stated"))
        value = _f(c.get("value"))
        if conv is None or value is None or not unit_c or not unit_s:
            continue
        if unit_s not in factors or unit_c not in factors or factors[unit_s][0] != factors[unit_c][0]:
            rows.append({"kind": "unit_conversion", "status": "info", "claim_ids": [c["claim_id"]],
                         "message": f"{_quote(c['text'])} states a conversion between units claimframe "
                                    "cannot compare.",
                         "detail": f"stated unit {unit_s!r}, conversion unit {unit_c!r}"})
            continue
        canon, f_s = factors[unit_s]
        _, f_c = factors[unit_c]
        text = str(c["text"])
        paren = text.find("(")
        main_nums = _DIGITS.findall(text[:paren] if paren >= 0 else text)
        conv_nums = _DIGITS.findall(text[paren:]) if paren >= 0 else []
        v_s = value / f_s  # the value in the stated unit
        h_s = rounding_half_width(main_nums[0] if main_nums else None, v_s)
        h_c = rounding_half_width(conv_nums[-1] if conv_nums else None, conv)
        stated = ((v_s - h_s) * f_s, (v_s + h_s) * f_s)
        converted = ((conv - h_c) * f_c, (conv + h_c) * f_c)
        conv_in_stated = conv * f_c / f_s
        gap = abs(conv * f_c - value) / abs(value) if value else math.inf
        if _overlap(stated, converted):
            status = "ok"
            message = (f"{_quote(text)}: {fmt(conv)} {unit_c} is {conv_in_stated:.2f} {unit_s}, which agrees "
                       f"with {fmt(v_s)} {unit_s} within rounding.")
        else:
            status = "warn" if gap <= CONVERSION_WARN else "fail"
            message = (f"{_quote(text)}: {fmt(conv)} {unit_c} is {conv_in_stated:.2f} {unit_s}, not "
                       f"{fmt(v_s)} {unit_s}; the conversion is off by {gap:.0%}.")
        detail = (f"{fmt(v_s)} {unit_s} stands for {fmt_interval((v_s - h_s, v_s + h_s), unit_s)} "
                  f"(rounded to ±{h_s:g}); {fmt(conv)} {unit_c} for "
                  f"{fmt_interval((conv - h_c, conv + h_c), unit_c)} (±{h_c:g}) = "
                  f"{converted[0]:.2f}–{converted[1]:.2f} {canon}; factor 1 {unit_c} = {f_c:g} {canon} "
                  f"(claimframe.numbers.UNITS)")
        rows.append({"kind": "unit_conversion", "status": status, "claim_ids": [c["claim_id"]],
                     "message": message, "detail": detail})
    return rows


# ---------------------------------------------------------------------------------------------
# relative_distance, relative_bearing
# ---------------------------------------------------------------------------------------------

def _place_kinds(article: "Article") -> dict[str, str]:
    """place_id -> kind, from the article's place mentions or else the curated gazetteer."""
    kinds: dict[str, str] = {}
    try:
        from claimframe.io.gazetteer import load_gazetteer

        for r in _records(load_gazetteer()):
            kinds[str(r["place_id"])] = str(r["kind"])
    except (ImportError, ClaimframeError):
        pass
    try:
        for r in _records(article.places):
            if _s(r.get("place_id")) and _s(r.get("kind")):
                kinds.setdefault(str(r["place_id"]), str(r["kind"]))
    except (ImportError, AttributeError):
        pass
    return kinds


def _compass_name(bearing: float) -> str:
    from claimframe.geo import COMPASS

    best = min(COMPASS, key=lambda k: abs((COMPASS[k] - bearing + 180) % 360 - 180))
    return best


def compass_half_sector(bearing_deg: float) -> float:
    """How many degrees either side a compass word covers: 45 (south), 22.5 (northeast), 11.25."""
    b = float(bearing_deg) % 360
    if b % 90 == 0:
        return 45.0
    if b % 45 == 0:
        return 22.5
    return 11.25


@register
def check_relative_distances(article: "Article") -> list[Row]:
    """Each "N km <direction> of X" against the gazetteer's centre-to-centre distance."""
    relations = _relations(article)
    if relations is None or len(relations) == 0:
        return []
    claims = _claim_index(article)
    kinds = _place_kinds(article)
    rows = []
    for r in _records(relations):
        cid = str(r["claim_id"])
        c = claims.get(cid, {})
        hedge = _s(r.get("hedge")) or _s(c.get("hedge")) or "exact"
        value = _f(r.get("distance_km"))
        value = value if value is not None else _f(c.get("value"))
        iv = claim_interval(value, c.get("low"), c.get("high"), hedge)
        measured = _f(r.get("gazetteer_km"))
        subject, anchor = _s(r.get("subject")), _s(r.get("anchor")) or "the anchor"
        phrase = _quote(r["text"])
        if iv is None or measured is None:
            missing = ("the place it locates" if subject is None else f"{subject} or {anchor}")
            rows.append({"kind": "relative_distance", "status": "info", "claim_ids": [cid],
                         "message": f"{phrase} cannot be measured: the gazetteer has no coordinates "
                                    f"for {missing}.",
                         "detail": f"subject {subject!r}, anchor {anchor!r}, stated {fmt_interval(iv, 'km')}"})
            continue
        near = claim_interval(value, c.get("low"), c.get("high"), hedge, NEAR)
        a_kind = kinds.get(_s(r.get("anchor_place_id")) or "")
        s_kind = kinds.get(_s(r.get("subject_place_id")) or "")
        allowance = EDGE_ALLOWANCE_KM.get(a_kind or "", 0.0) + EDGE_ALLOWANCE_KM.get(s_kind or "", 0.0)
        edge_fits = measured > iv[1] and measured - allowance <= iv[1]
        error = (value - measured) if value is not None else None
        allowed = f"{hedge} allows {fmt_interval(iv, 'km')}"
        if iv[0] <= measured <= iv[1]:
            status = "ok"
            message = (f"{phrase} agrees with the gazetteer, which puts {subject} {fmt(measured, 'km')} "
                       f"from {anchor} ({allowed}).")
        else:
            shorter = measured > iv[1]
            status = "warn" if (near and near[0] <= measured <= near[1]) or edge_fits else "fail"
            message = (f"{phrase} is {'shorter' if shorter else 'longer'} than the {fmt(measured, 'km')} "
                       f"the gazetteer gives from {anchor} to {subject}, centre to centre ({allowed}).")
        detail = [f"stated {fmt(value, 'km') if value is not None else fmt_interval(iv, 'km')} ({hedge}, "
                  f"tolerance ±{TOLERANCE.get(hedge, 0):.0%}: {fmt_interval(iv, 'km')})",
                  f"gazetteer {measured:.1f} km centre to centre"
                  + (f", error {error:+.1f} km ({error / measured:+.0%})" if error is not None else "")]
        if status != "ok" and measured > iv[1]:
            detail.append(
                f"edge versus centre: a distance from a place is often measured from its edge, the "
                f"gazetteer's from its centre point; allowing up to {fmt(allowance, 'km')} "
                f"({anchor}: {a_kind or 'unknown kind'}, {subject}: {s_kind or 'unknown kind'}) the "
                f"statement {'is' if edge_fits else 'is still not'} plausible")
        rows.append({"kind": "relative_distance", "status": status, "claim_ids": [cid],
                     "message": message, "detail": "; ".join(detail)})
    return rows


@register
def check_relative_bearings(article: "Article") -> list[Row]:
    """Each compass word ("northeast of X") against the gazetteer's bearing."""
    relations = _relations(article)
    if relations is None or len(relations) == 0:
        return []
    rows = []
    for r in _records(relations):
        stated, measured = _f(r.get("bearing_deg")), _f(r.get("gazetteer_bearing_deg"))
        if stated is None or measured is None:
            continue
        half = compass_half_sector(stated)
        err = (stated - measured + 180) % 360 - 180
        direction, anchor, subject = _s(r.get("direction")), _s(r.get("anchor")), _s(r.get("subject"))
        status = "ok" if abs(err) <= half else "warn" if abs(err) <= 2 * half else "fail"
        where = f"{subject} lies at {measured:.0f}° ({_compass_name(measured)}) from {anchor}"
        if status == "ok":
            phrase = _quote(f"{direction} of {anchor}")
            message = f"{phrase} fits: {where}, within the ±{half:g}° the word covers."
        else:
            phrase = _quote(f"{direction} of {anchor}")
            message = f"{phrase} does not fit: {where}, {abs(err):.0f}° off."
        rows.append({"kind": "relative_bearing", "status": status, "claim_ids": [str(r["claim_id"])],
                     "message": message,
                     "detail": f"stated {direction} = {stated:g}° (±{half:g}°); gazetteer {measured:.1f}°; "
                               f"difference {err:+.1f}°"})
    return rows


# ---------------------------------------------------------------------------------------------
# same_entity, derived_average
# ---------------------------------------------------------------------------------------------

def _counts(article: "Article", records: list[dict] | None = None) -> list[dict]:
    """The claims of kind count with an entity (``records``: the claims' records, if at hand)."""
    return [c for c in (_records(_claims(article)) if records is None else records)
            if str(c.get("kind")) == "count" and fold_entity(_s(c.get("entity")))]


def _sentence_dates(article: "Article", records: list[dict] | None = None) -> dict[int, set[tuple[dt.date, str]]]:
    out: dict[int, set] = {}
    for c in _records(_claims(article)) if records is None else records:
        d = _as_date(c.get("date"))
        if str(c.get("kind")) == "date" and d is not None:
            out.setdefault(int(c["sentence_id"]), set()).add((d, _s(c.get("date_precision")) or "day"))
    return out


def _label(c: dict) -> str:
    return f"{_quote(c['text'])} {c.get('entity') or ''}".strip()


#: A check over many claims quotes at most this many distinct readings in its message and counts
#: the rest ("... and 190 more"), so that one row stays short however many claims it covers.
LIST_LIMIT = 6


def _listed(parts: list[str], rest: int = 0) -> str:
    """'A', 'A and B', 'A, B and C', 'A, B and 190 more'."""
    parts = parts + ([f"{rest:,} more"] if rest else [])
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _capped_list(items: list, limit: int = LIST_LIMIT) -> str:
    """Items as '1, 2, 3 and 4', or the first ``limit`` and '... and N more'."""
    shown = [str(i) for i in items[:limit]]
    return _listed(shown, len(items) - len(shown))


class _Spread:
    """The extremes of a set of counts of one thing: enough to tell whether two of them disagree,
    and which two, without comparing every pair.

    Intervals that overlap two by two share a point, so two of them fail to overlap exactly when
    the highest floor lies above the lowest ceiling. An "at least N" understates another count
    badly exactly when the smallest such N times :data:`OPEN_BOUND_FACTOR` is at most the highest
    floor of a count with a ceiling. Each extreme is (value, member index); ties go to the earlier
    member, in reading order.
    """

    __slots__ = ("floor", "ceiling", "bound", "capped_floor")

    def __init__(self) -> None:
        self.floor = self.ceiling = self.bound = self.capped_floor = None

    @staticmethod
    def _higher(a, b):
        return b if a is None or (b is not None and (b[0], -b[1]) > (a[0], -a[1])) else a

    @staticmethod
    def _lower(a, b):
        return b if a is None or (b is not None and (b[0], b[1]) < (a[0], a[1])) else a

    def add(self, i: int, iv: tuple[float, float], hedge: str) -> None:
        lo, hi = iv
        self.floor = self._higher(self.floor, (lo, i))
        self.ceiling = self._lower(self.ceiling, (hi, i))
        if hedge == "at_least" and lo > 0:
            self.bound = self._lower(self.bound, (lo, i))
        if not math.isinf(hi):
            self.capped_floor = self._higher(self.capped_floor, (lo, i))

    def merged(self, other: "_Spread") -> "_Spread":
        out = _Spread()
        out.floor, out.ceiling = self._higher(self.floor, other.floor), self._lower(self.ceiling, other.ceiling)
        out.bound = self._lower(self.bound, other.bound)
        out.capped_floor = self._higher(self.capped_floor, other.capped_floor)
        return out

    def conflict(self) -> tuple[str, int, int, float] | None:
        """("apart", lowest ceiling's member, highest floor's member, gap) when two intervals do not
        overlap; else ("understates", the "at least" member, the other member, ratio); else None."""
        if self.floor is not None and self.floor[0] > self.ceiling[0]:
            return "apart", self.ceiling[1], self.floor[1], self.floor[0] - self.ceiling[0]
        if (self.bound is not None and self.capped_floor is not None
                and self.capped_floor[0] >= OPEN_BOUND_FACTOR * self.bound[0]):
            return "understates", self.bound[1], self.capped_floor[1], self.capped_floor[0] / self.bound[0]
        return None


def _worst(conflicts: Iterable[tuple[str, int, int, float] | None]) -> tuple[str, int, int, float] | None:
    """Counts that do not overlap before an understating "at least"; then the widest gap or ratio."""
    found = [c for c in conflicts if c is not None]
    return max(found, key=lambda c: (c[0] == "apart", c[3])) if found else None


def _readings(members: list[tuple[dict, tuple[float, float]]], must: Iterable[int] = ()) -> str:
    """The members' distinct readings ('“300” nurses (285–315, union)'), in reading order, each
    with how often it occurs; at most :data:`LIST_LIMIT` of them (those of ``must`` first)."""
    groups: dict[str, list[int]] = {}
    for i, (c, iv) in enumerate(members):
        groups.setdefault(f"{_label(c)} ({fmt_interval(iv)}, {c['source']})", []).append(i)
    items = list(groups.items())
    if len(items) > LIST_LIMIT:
        must = set(must)
        keep = {k for k, idx in items if must.intersection(idx)}
        for k, _ in items:
            if len(keep) >= LIST_LIMIT:
                break
            keep.add(k)
        items = [(k, idx) for k, idx in items if k in keep]
    parts = [k + (f" ×{len(idx):,}" if len(idx) > 1 else "") for k, idx in items]
    return _listed(parts, len(members) - sum(len(idx) for _, idx in items))


@register
def check_same_entity(article: "Article") -> list[Row]:
    """Counts of the same thing that cannot all be true (or only if an 'at least' understates):
    one row per thing counted, however many counts it has.

    Two counts are compared unless their sentences carry different dates. Instead of every pair,
    each set of comparable counts (those of one date, with the undated ones) is summed up by its
    extremes (:class:`_Spread`): the cost grows with the number of counts, not its square.
    """
    records = _records(_claims(article))
    dates = _sentence_dates(article, records)
    groups: dict[str, list[tuple[dict, tuple[float, float]]]] = {}
    for c in _counts(article, records):
        iv = claim_interval(c["value"], c["low"], c["high"], c["hedge"])
        if iv is not None:
            groups.setdefault(fold_entity(c["entity"]), []).append((c, iv))
    rows = []
    for members in groups.values():
        if len(members) > 1:
            rows.append(_same_entity_row(members, dates))
    return rows


def _same_entity_row(members: list[tuple[dict, tuple[float, float]]],
                     dates: dict[int, set[tuple[dt.date, str]]]) -> Row:
    whole, by_sentence = _Spread(), {}
    for i, (c, iv) in enumerate(members):
        whole.add(i, iv, str(c["hedge"]))
        by_sentence.setdefault(int(c["sentence_id"]), _Spread()).add(i, iv, str(c["hedge"]))
    # counts are comparable when they share a date or one has none (different dates: info); a
    # sentence's counts share its dates, so each sentence is added once to each of its dates
    undated, by_date = _Spread(), {}
    for sid, spread in by_sentence.items():
        if not dates.get(sid):
            undated = undated.merged(spread)
        for d in dates.get(sid) or ():
            by_date[d] = by_date[d].merged(spread) if d in by_date else spread
    comparable = [by_date[d].merged(undated) for d in sorted(by_date)] if by_date else [undated]
    conflict = _worst(s.conflict() for s in comparable)
    apart = whole.conflict() if conflict is None else None
    n, first = len(members), members[0][0]
    both = "both" if n == 2 else "all"
    witness = conflict or apart
    listing = _readings(members, witness[1:3] if witness else ())
    if witness is None:
        status, message = "ok", f"{listing} are compatible."
    elif conflict is None:
        status = "info"
        message = (f"{listing} differ, but their sentences carry different dates, so they may count "
                   f"at different times.")
    elif conflict[0] == "apart":
        status = "warn"
        message = f"{listing} cannot {both} be right if they count the same {first['entity']}"
        low, high = (members[i][0] for i in sorted(conflict[1:3]))
        message += "." if n == 2 else f": {_quote(low['text'])} and {_quote(high['text'])} do not overlap."
    else:
        status = "warn"
        bound = members[conflict[1]][0]
        message = (f"{listing} can {both} be right only if {_quote(bound['text'])} understates the count "
                   f"{conflict[3]:.0f}-fold or more.")
    if n == 2:
        (a, ia), (b, ib) = members
        detail = (f"intervals {fmt_interval(ia)} and {fmt_interval(ib)} (hedges {a['hedge']}, {b['hedge']}; "
                  f"tolerances in claimframe.checks.TOLERANCE); sentences {a['sentence_id']} and {b['sentence_id']}")
    else:
        sentences = list(dict.fromkeys(int(c["sentence_id"]) for c, _ in members))
        hedges: dict[str, int] = {}
        for c, _ in members:
            hedges[str(c["hedge"])] = hedges.get(str(c["hedge"]), 0) + 1
        detail = (f"{n:,} counts of {first['entity']} in sentences {_capped_list(sentences)}; hedges "
                  + ", ".join(f"{h} {k:,}" for h, k in hedges.items())
                  + " (tolerances in claimframe.checks.TOLERANCE)")
        if witness is not None:
            (x, ix), (y, iy) = (members[i] for i in sorted(witness[1:3]))
            where = f"; dated apart: sentences {x['sentence_id']} and {y['sentence_id']}" if conflict is None else ""
            detail += (f"; for example {_quote(x['text'])} ({fmt_interval(ix)}, sentence {x['sentence_id']}) "
                       f"against {_quote(y['text'])} ({fmt_interval(iy)}, sentence {y['sentence_id']}){where}")
    if conflict is not None and conflict[0] == "understates":
        detail += (f"; an 'at least' N against another claim's lowest reading of "
                   f"{OPEN_BOUND_FACTOR:g}×N or more is flagged (OPEN_BOUND_FACTOR)")
    return {"kind": "same_entity", "status": status, "claim_ids": [c["claim_id"] for c, _ in members],
            "message": message, "detail": detail}


#: Words between two counts of one sentence that make the second a total over the first
#: ("40 militias with a combined 80,000 members"), or the first a total over the second
#: ("80,000 members across 40 militias").
_TOTAL_AFTER = re.compile(r"\b(?:combined|total(?:ling|ing)?|collective(?:ly)?|altogether|in all|between them)\b",
                          re.IGNORECASE)
_TOTAL_BEFORE = re.compile(r"\b(?:across|among|spread (?:across|over|among)|divided (?:among|between))\b",
                           re.IGNORECASE)


def _per_unit(numerator: tuple[float, float], divisor: tuple[float, float]) -> tuple[float, float] | None:
    lo_d, hi_d = divisor
    if lo_d <= 0 and math.isinf(hi_d):
        return None
    lo = numerator[0] / hi_d if not math.isinf(hi_d) else 0.0
    hi = numerator[1] / lo_d if lo_d > 0 else math.inf
    return lo, hi


def _whole(x: float) -> float:
    """Averages of counts of ten or more read better as whole numbers (80.08 -> 80)."""
    return float(round(x)) if math.isfinite(x) and abs(x) >= 10 else x


def _average_phrase(num: dict, div: dict, iv_num, iv_div) -> str:
    """'at most 2,000 to 2,500 members per militia on average'."""
    per = fold_entity(div["entity"])
    what = num.get("entity") or "of them"
    if str(div["hedge"]) == "at_least":
        d = _f(div["low"]) if _f(div["low"]) is not None else _f(div["value"])
        return f"at most {fmt(_whole(iv_num[0] / d))} to {fmt(_whole(iv_num[1] / d))} {what} per {per} on average"
    avg = _per_unit(iv_num, iv_div)
    if avg is None:
        return f"an unknown number of {what} per {per}"
    return f"{fmt_interval((_whole(avg[0]), _whole(avg[1])))} {what} per {per} on average"


def _divisor_readings(counts: list[dict]) -> dict[str, list[tuple[tuple, dict, tuple[float, float], int]]]:
    """Entity -> its counts' distinct readings as divisors of an average, in reading order: (key,
    first claim, interval, how many claims). Two counts give the same averages when they have the
    same interval and the same kind of bound, so one of them stands for all."""
    out: dict[str, dict[tuple, list]] = {}
    for c in counts:
        iv = claim_interval(c["value"], c["low"], c["high"], c["hedge"], {})
        if iv is None or iv[0] <= 0 and math.isinf(iv[1]):
            continue
        key = (iv, str(c["hedge"]) == "at_least")
        group = out.setdefault(fold_entity(c["entity"]), {})
        if key in group:
            group[key][3] += 1
        else:
            group[key] = [key, c, iv, 1]
    return {entity: [tuple(r) for r in group.values()] for entity, group in out.items()}


@register
def check_derived_averages(article: "Article") -> list[Row]:
    """"N things with a combined M members": the average M / N, also for other counts of the things.

    The other counts are taken by distinct reading (one row per total, quoting at most
    :data:`LIST_LIMIT` readings), not one row per other count: an article that repeats both the
    totals and the counts would otherwise give a row per pair of them.
    """
    rows = []
    text = article.text
    counts = _counts(article)
    pos = {c["claim_id"]: int(c["start"]) for c in counts}
    readings = None
    by_sentence: dict[int, list[dict]] = {}
    for c in counts:
        by_sentence.setdefault(int(c["sentence_id"]), []).append(c)
    for group in by_sentence.values():
        group.sort(key=lambda c: int(c["start"]))
        for first, second in zip(group, group[1:]):
            if fold_entity(first["entity"]) == fold_entity(second["entity"]):
                continue
            between = text[int(first["end"]):int(second["start"])]
            if _TOTAL_AFTER.search(between):
                div, num = first, second
            elif _TOTAL_BEFORE.search(between) and len(between) <= 60:
                num, div = first, second
            else:
                continue
            iv_num = claim_interval(num["value"], num["low"], num["high"], num["hedge"], {})
            iv_div = claim_interval(div["value"], div["low"], div["high"], div["hedge"], {})
            if iv_num is None or iv_div is None or iv_div[0] <= 0 and math.isinf(iv_div[1]):
                continue
            phrase = _average_phrase(num, div, iv_num, iv_div)
            rows.append({
                "kind": "derived_average", "status": "info",
                "claim_ids": _in_order([num["claim_id"], div["claim_id"]], pos),
                "message": f"{_label(num)} across {_label(div)} is {phrase}.",
                "detail": (f"{fmt_interval(iv_num)} ÷ {fmt_interval(iv_div)}; a derived figure the article "
                           f"implies but does not state"),
            })
            # the same total over the other counts of the divisor's entity in the article
            readings = _divisor_readings(counts) if readings is None else readings
            div_key = (iv_div, str(div["hedge"]) == "at_least")
            others, rest = [], 0
            for key, other, iv_other, k in readings.get(fold_entity(div["entity"]), ()):
                if key == div_key:
                    continue
                if len(others) < LIST_LIMIT:
                    others.append((other, iv_other, k))
                else:
                    rest += k
            if not others:
                continue
            if len(others) == 1 and others[0][2] == 1:
                other, iv_other, _ = others[0]
                alt = _average_phrase(num, other, iv_num, iv_other)
                rows.append({
                    "kind": "derived_average", "status": "info",
                    "claim_ids": _in_order([num["claim_id"], other["claim_id"]], pos),
                    "message": (f"If there are {_label(other)} ({fmt_interval(iv_other)}), as another "
                                f"sentence says, {_label(num)} is {alt}."),
                    "detail": f"{fmt_interval(iv_num)} ÷ {fmt_interval(iv_other)}; derived, not stated",
                })
                continue
            parts = [f"{_average_phrase(num, other, iv_num, iv_other)} if there are {_label(other)} "
                     f"({fmt_interval(iv_other)}" + (f", in {k:,} sentences)" if k > 1 else ")")
                     for other, iv_other, k in others]
            rows.append({
                "kind": "derived_average", "status": "info",
                "claim_ids": _in_order([num["claim_id"], *(o["claim_id"] for o, _, _ in others)], pos),
                "message": (f"Other sentences count the {div['entity']} differently: {_label(num)} is "
                            + "; ".join(parts) + (f"; and {rest:,} more counts" if rest else "") + "."),
                "detail": (f"{fmt_interval(iv_num)} ÷ " + ", ".join(fmt_interval(iv) for _, iv, _ in others)
                           + "; derived, not stated; each reading quoted once, from the first sentence "
                           "that gives it"),
            })
    return rows


def _in_order(claim_ids: list[str], pos: dict[str, int]) -> list[str]:
    """Claim IDs in reading order (``pos``: claim_id -> start, built once)."""
    return sorted(claim_ids, key=lambda i: pos.get(i, 0))


# ---------------------------------------------------------------------------------------------
# weekday, date_plausibility, date_order, reference_date
# ---------------------------------------------------------------------------------------------

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@register
def check_weekdays(article: "Article") -> list[Row]:
    """A weekday stated with a full date ("Wednesday, Nov. 9, 2016") is that date's weekday."""
    from claimframe.extract.dates import find_dates

    rows = []
    for c in _records(_claims(article)):
        if str(c.get("kind")) != "date" or _as_date(c.get("date")) is None:
            continue
        for m in find_dates(str(c["text"]), article.published):
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


def _event_claim_ids(e: dict, by_start: dict[float, list[str]]) -> list[str]:
    """The date claim an event comes from (same start offset), else the event's own claim_ids.
    ``by_start``: :func:`_date_claims_by_start` of the article."""
    start = _f(e.get("start"))
    if start is not None:
        own = by_start.get(start)
        if own:
            return list(own)
    ids = _s(e.get("claim_ids"))
    return [i.strip() for i in ids.split(";") if i.strip()] if ids else []


def _event_span(e: dict) -> tuple[dt.date, dt.date, str] | None:
    d = _as_date(e.get("date"))
    if d is None:
        return None
    precision = _s(e.get("date_precision")) or "day"
    end = _as_date(e.get("date_end")) or _period_end(d, precision)
    return d, max(end, d), precision


def _event_words(e: dict) -> str:
    return _s(e.get("date_text")) or _fmt_date(_as_date(e["date"]), _s(e.get("date_precision")))


@register
def check_date_plausibility(article: "Article") -> list[Row]:
    """Nothing the article reports is dated after it was published; nothing it cites either."""
    published = article.published
    events = _events(article)
    if published is None or events is None or len(events) == 0:
        return []
    rows, fine, n = [], [], 0
    by_start, sentences, future_tense = _date_claims_by_start(article), None, {}
    for e in _records(events):
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
                sentences = _sentence_texts(article) if sentences is None else sentences
                future_tense[sid] = bool(_FUTURE.search(sentences.get(sid, "")))
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


_ORDER = re.compile(r"\b(?P<rel>after|before|following|prior to|since|until|ahead of)\s+(?P<clause>[^,.;:”\"]{8,200})",
                    re.IGNORECASE)
#: Two descriptions are taken as one event when they share at least this many content words,
#: at least half of the shorter description's words, and one word that is not a place name.
MATCH_MIN_SHARED = 2


class _WordIndex:
    """Descriptions (event labels) indexed by their content words, built once per check.

    :meth:`best` gives what a scan of every candidate would (the one sharing the most words with
    a description, the first of equals, if the match is good enough), but it looks only at the
    candidates that share at least :data:`MATCH_MIN_SHARED` words with the description, found
    through the word lists: the cost follows the candidates that could match, not all of them.
    """

    def __init__(self, candidates: list[tuple[dict, set[str]]], groups: list | None = None):
        self.candidates = candidates
        self.groups = groups  # e.g. each candidate's sentence, for best(..., exclude=sentence)
        self.postings: dict[str, list[int]] = {}
        for i, (_, words) in enumerate(candidates):
            for w in words:
                self.postings.setdefault(w, []).append(i)

    def best(self, words: set[str], places: set[str] = frozenset(), exclude: Any = None
             ) -> tuple[dict, set[str]] | None:
        """The best match for ``words`` among the candidates not of group ``exclude``."""
        need = max(MATCH_MIN_SHARED, 1)
        lists = sorted((self.postings.get(w, ()) for w in words), key=len)
        # a candidate sharing `need` words is in `need` of the lists, so in one of all but the
        # longest need - 1 of them
        near: set[int] = set().union(*lists[:len(lists) - need + 1])
        best, best_shared = None, set()
        for i in sorted(near):
            if exclude is not None and self.groups is not None and self.groups[i] == exclude:
                continue
            e, w = self.candidates[i]
            shared = words & w
            if (len(shared) >= MATCH_MIN_SHARED and 2 * len(shared) >= min(len(words), len(w))
                    and shared - places and len(shared) > len(best_shared)):
                best, best_shared = e, shared
        return None if best is None else (best, best_shared)


def _place_words(e: dict) -> set[str]:
    return content_words((_s(e.get("places")) or "").replace(";", " "))


@register
def check_date_order(article: "Article") -> list[Row]:
    """"<dated statement> after <X>": X, dated elsewhere in the article, comes first (or last, for before)."""
    events = _events(article)
    if events is None or len(events) == 0:
        return []
    reported = [e for e in _records(events) if _s(e.get("kind")) == "reported"
                and _f(e.get("sentence_id")) is not None and _event_span(e) is not None]
    sentences = {int(s["sentence_id"]): (int(s["start"]), str(s["text"])) for s in _records(article.sentences)}
    # built once, not once per clause: the candidates' words, their sentences, the place words
    index = _WordIndex([(o, content_words(_s(o.get("label")))) for o in reported],
                       groups=[int(o["sentence_id"]) for o in reported])
    places = set().union(*(_place_words(o) for o in reported))
    by_start = _date_claims_by_start(article)
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


@register
def check_reference_dates(article: "Article") -> list[Row]:
    """A dated statement against the curated context event it describes (matched on shared words)."""
    events = _events(article)
    if events is None or len(events) == 0:
        return []
    recs = _records(events)
    context = [e for e in recs if _s(e.get("kind")) == "context" and _event_span(e) is not None]
    reported = [e for e in recs if _s(e.get("kind")) == "reported" and _event_span(e) is not None
                and _f(e.get("sentence_id")) is not None]
    if not context or not reported:
        return []
    rows = []
    index = _WordIndex([(e, content_words(_s(e.get("label"))) | _place_words(e)) for e in reported])
    reported_places = set().union(*(_place_words(e) for e in reported))
    by_start = _date_claims_by_start(article)
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


# ---------------------------------------------------------------------------------------------
# reference_estimate
# ---------------------------------------------------------------------------------------------

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


def load_reference_estimates(article: "Article") -> "pd.DataFrame | None":
    """The article's reference_estimates.csv (in its folder), or None when it has none."""
    folder = article.folder
    if folder is None or not (folder / REFERENCE_FILE).is_file():
        return None
    return read_reference_estimates(folder / REFERENCE_FILE)


@register
def check_reference_estimates(article: "Article") -> list[Row]:
    """Each count against the curated estimates of the same entity from other sources."""
    refs = load_reference_estimates(article)
    if refs is None or len(refs) == 0:
        return []
    published = article.published
    by_entity: dict[str | None, list[dict]] = {}  # the estimates, read once and grouped by entity
    for ref in _records(refs):
        by_entity.setdefault(fold_entity(ref["entity"]), []).append(ref)
    rows = []
    for c in _counts(article):
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
            days = 0 if published is None or d0 <= published <= d1 else \
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


@register
def check_place_outliers(article: "Article") -> list[Row]:
    """A place GeoNames chose by name alone, far from all the article's other places
    (:func:`claimframe.places.outlying_places`). The place stays resolved and this check says so:
    nothing is lost if it is right (a foreign city the article does mean)."""
    from claimframe.extract.places import outlying_places

    rows = []
    for r in outlying_places(article.places):
        lat, lon, nearest_km, spread = r["lat"], r["lon"], r["nearest_km"], r["spread_km"]
        rows.append({
            "kind": "place_outlier", "status": "warn", "claim_ids": [], "key": r["place_id"],
            "message": (f"{_quote(r['text'])} was placed by GeoNames, by name alone, at {r['name']} "
                        f"({_latlon(lat, lon)}), {nearest_km:,.0f} km from the nearest other place of the "
                        f"article ({r['nearest']}); it may be another place of that name."),
            "detail": (f"{r['place_id']} (fallback); the article's other {r['others']} places lie within "
                       f"{spread:,.0f} km of each other; add the place meant to data/gazetteer.csv to fix it"),
        })
    return rows


def _latlon(lat: float, lon: float) -> str:
    return f"{abs(lat):.2f}°{'N' if lat >= 0 else 'S'}, {abs(lon):.2f}°{'E' if lon >= 0 else 'W'}"


class _Inputs:
    """Temporary: the tables a check reads, by attribute."""

    def __init__(self, document, **tables):
        self.document = document
        self.__dict__.update(tables)
        self.text, self.meta, self.published, self.folder = (document.text, document.meta, document.published,
                                                             document.folder)


def checks_table(document, claims, events, places, relations, sentences):
    return run_checks(_Inputs(document, claims=claims, events=events, places=places, relations=relations,
                              sentences=sentences))
