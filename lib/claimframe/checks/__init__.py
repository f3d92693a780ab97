"""Consistency checks: does the article agree with itself, with geography, the calendar and others?

The checks table (``article.checks``; columns in :mod:`claimframe.schema`) has one row per
verdict: ``check_id``, ``kind``, ``status`` (ok, warn, fail, info), ``claim_ids`` ("; "-joined,
reading order), ``message`` (one plain sentence) and ``detail`` (the numbers behind it). Each
check is a small function in the module of its family, marked with
:func:`~claimframe.checks.registry.check` and the tables it requires, that returns row dicts; to
add one, write it there and add it to :data:`CHECKS`. ``check_id`` is ``k-`` + 10 hex digits
of a hash of the kind, the sorted claim IDs and (where one claim meets several references) the
reference's ID, so a note attached to a check survives re-extraction.

    >>> import claimframe
    >>> a = claimframe.read_text("The town is some 13 kilometers (8 miles) from the river.")
    >>> a.checks[["kind", "status"]].values.tolist()
    [['unit_conversion', 'ok']]

The checks (``kind``):

==================== ===================================================================
unit_conversion      a conversion the text states ("13 kilometers (8 miles)") holds within
                     the rounding of both numbers (:data:`claimframe.extract.numbers.UNITS` factors)
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

"""
from __future__ import annotations

from typing import TYPE_CHECKING

from claimframe.checks import counts, dates, geography, references, units
from claimframe.checks.common import TOLERANCE, claim_interval, fold_entity
from claimframe.checks.references import (
    REFERENCE_COLUMNS,
    ReferenceEstimatesError,
    load_reference_estimates,
    read_reference_estimates,
)
from claimframe.checks.registry import Check, CheckInputs, check, check_id, run_checks

if TYPE_CHECKING:
    import pandas as pd

    from claimframe.document import Document

__all__ = [
    "CHECKS",
    "REFERENCE_COLUMNS",
    "TOLERANCE",
    "Check",
    "CheckInputs",
    "ReferenceEstimatesError",
    "check",
    "check_id",
    "checks_table",
    "claim_interval",
    "fold_entity",
    "load_reference_estimates",
    "read_reference_estimates",
    "run_checks",
]

#: Every check, in the order its rows appear in the checks table.
CHECKS: tuple[Check, ...] = (
    units.check_unit_conversions,
    geography.check_relative_distances,
    geography.check_relative_bearings,
    counts.check_same_entity,
    counts.check_derived_averages,
    dates.check_weekdays,
    dates.check_date_plausibility,
    dates.check_date_order,
    references.check_reference_dates,
    references.check_reference_estimates,
    geography.check_place_outliers,
)


def checks_table(document: "Document", **tables: "pd.DataFrame") -> "pd.DataFrame":
    """Stage: every check of :data:`CHECKS` on the document and the tables each requires."""
    return run_checks(document, tables, CHECKS)
