"""Hand-verified gold claims, and how the extractor's output differs from them.

A gold file names each claim by its ``text`` and ``occurrence`` (1 = the first place that exact
text appears in the article) rather than by offsets, so it can be written by reading the article.
``compare_claims`` lists every difference: missing claims, extra claims, and fields that disagree.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from claimframe.errors import ClaimframeError
from claimframe.schema import is_missing

if TYPE_CHECKING:
    import pandas as pd

GOLD_FILE = "claims.gold.csv"
#: Fields compared between gold and extracted claims (everything the gold file states).
COMPARED = ("kind", "value", "low", "high", "unit", "unit_stated", "conversion_value", "conversion_unit",
            "hedge", "entity", "date", "date_precision", "source", "quoted")
FLOATS = frozenset({"value", "low", "high", "conversion_value"})


def read_gold(path: str | Path, text: str) -> "pd.DataFrame":
    """A gold file with ``start``/``end`` located in ``text``; raises if a row's text is not there."""
    import pandas as pd

    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    starts = []
    for row in gold.itertuples():
        pos = -1
        for _ in range(int(row.occurrence)):
            pos = text.find(row.text, pos + 1)
            if pos < 0:
                raise ClaimframeError(f"{path}: {row.text!r} does not occur {row.occurrence} time(s) in the article")
        starts.append(pos)
    gold["start"] = starts
    gold["end"] = gold["start"] + gold["text"].str.len()
    return gold




def _same(field: str, got, want: str) -> bool:
    missing = is_missing(got)
    if want == "":
        return missing
    if missing:
        return False
    if field in FLOATS:
        return math.isclose(float(got), float(want), rel_tol=1e-4, abs_tol=1e-6)
    if field == "date":
        return str(got)[:10] == want
    if field == "quoted":
        return bool(got) == (want.strip().lower() == "true")
    return str(got) == want


def compare_claims(claims: "pd.DataFrame", gold: "pd.DataFrame") -> "pd.DataFrame":
    """Differences between extracted claims and gold, one row each: problem, text, start, field, got, want.

    An empty result means the extractor reproduces the gold file exactly and reports nothing else.
    """
    import pandas as pd

    rows = []
    by_span = {(int(r.start), int(r.end)): r for r in claims.itertuples(index=False)}
    gold_spans = set()
    for g in gold.to_dict("records"):
        span = (int(g["start"]), int(g["end"]))
        gold_spans.add(span)
        got = by_span.get(span)
        if got is None:
            rows.append({"problem": "missing", "text": g["text"], "start": span[0], "field": None,
                         "got": None, "want": None})
            continue
        for field in COMPARED:
            value = getattr(got, field)
            if not _same(field, value, g[field]):
                rows.append({"problem": "differs", "text": g["text"], "start": span[0], "field": field,
                             "got": None if value is pd.NA else str(value), "want": g[field]})
    for span, got in by_span.items():
        if span not in gold_spans:
            rows.append({"problem": "extra", "text": got.text, "start": span[0], "field": None,
                         "got": got.kind, "want": None})
    return pd.DataFrame(rows, columns=["problem", "text", "start", "field", "got", "want"])
