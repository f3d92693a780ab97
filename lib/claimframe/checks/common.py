"""What the check families share: intervals a hedge allows, tolerances, formatting of numbers
and dates, entity folding, and reading the tables a check declares."""
from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from typing import TYPE_CHECKING, Any

from claimframe.schema import records

if TYPE_CHECKING:
    import pandas as pd

    from claimframe.checks.registry import CheckInputs


#: Relative half-width of the interval a claim allows, by hedge (see the module docstring).
TOLERANCE = {"exact": 0.05, "approx": 0.25, "at_least": 0.0, "at_most": 0.0, "range": 0.0, "vague": 0.0}


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


_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]+")


def content_words(text: str | None) -> set[str]:
    """Lower-case, crudely stemmed words of three or more letters, function words removed."""
    words = set()
    for w in _WORD.findall(text or ""):
        if len(w) >= 3:
            lower = w.lower()  # once per word, for the function words and the stem
            if lower not in _STOP:
                words.add(_stem(lower))
    return words


def _quote(text: Any) -> str:
    return f"“{text}”"


def _records(df: "pd.DataFrame | None") -> list[dict]:
    return [] if df is None or len(df) == 0 else records(df)


def _date_claims_by_start(inputs: "CheckInputs") -> dict[float, list[str]]:
    """Start offset -> IDs of the date claims starting there (reading order), built once per check."""
    out: dict[float, list[str]] = {}
    for c in inputs.records("claims"):
        if str(c.get("kind")) != "date":
            continue
        start = _f(c.get("start"))
        if start is not None:
            out.setdefault(start, []).append(c["claim_id"])
    return out


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
    if isinstance(x, dt.datetime):  # a Timestamp, the tables' dates; NaT alone is not equal to itself
        return x.date() if x == x else None
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


def _counts(inputs: "CheckInputs", records: list[dict] | None = None) -> list[dict]:
    """The claims of kind count with an entity (``records``: the claims' records, if at hand)."""
    return [c for c in (inputs.records("claims") if records is None else records)
            if str(c.get("kind")) == "count" and fold_entity(_s(c.get("entity")))]


def _label(c: dict) -> str:
    return f"{_quote(c['text'])} {c.get('entity') or ''}".strip()


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
