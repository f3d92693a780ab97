"""Counts: claims about the same thing that cannot both be true, and averages derived from a
total ("12 clinics with a combined 480 beds")."""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from claimframe.checks.common import (
    _as_date,
    _counts,
    _f,
    _label,
    _quote,
    _s,
    claim_interval,
    fmt,
    fmt_interval,
    fold_entity,
)
from claimframe.checks.registry import Row, check

if TYPE_CHECKING:

    from claimframe.checks.registry import CheckInputs


#: "at least N" against another claim whose lowest reading is this many times N: a warning.
OPEN_BOUND_FACTOR = 3.0


def _sentence_dates(inputs: "CheckInputs", records: list[dict] | None = None) -> dict[int, set[tuple[dt.date, str]]]:
    out: dict[int, set] = {}
    for c in inputs.records("claims") if records is None else records:
        if str(c.get("kind")) != "date":
            continue
        d = _as_date(c.get("date"))
        if d is not None:
            out.setdefault(int(c["sentence_id"]), set()).add((d, _s(c.get("date_precision")) or "day"))
    return out


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


@check("claims")
def check_same_entity(inputs: "CheckInputs") -> list[Row]:
    """Counts of the same thing that cannot all be true (or only if an 'at least' understates):
    one row per thing counted, however many counts it has.

    Two counts are compared unless their sentences carry different dates. Instead of every pair,
    each set of comparable counts (those of one date, with the undated ones) is summed up by its
    extremes (:class:`_Spread`): the cost grows with the number of counts, not its square.
    """
    records = inputs.records("claims")
    dates = _sentence_dates(inputs, records)
    groups: dict[str, list[tuple[dict, tuple[float, float]]]] = {}
    for c in _counts(inputs, records):
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


@check("claims")
def check_derived_averages(inputs: "CheckInputs") -> list[Row]:
    """"N things with a combined M members": the average M / N, also for other counts of the things.

    The other counts are taken by distinct reading (one row per total, quoting at most
    :data:`LIST_LIMIT` readings), not one row per other count: an article that repeats both the
    totals and the counts would otherwise give a row per pair of them.
    """
    rows = []
    text = inputs.text
    counts = _counts(inputs)
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
