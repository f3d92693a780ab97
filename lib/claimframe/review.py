"""An analyst's verdicts on claims, kept beside the article in ``review.csv``.

One row per claim: ``claim_id``, ``claim_text`` (the claim as it read when reviewed, so a verdict
stays recognisable if its claim disappears), ``verdict`` (verified, disputed, unverifiable),
``note`` and ``source_url``. Claim IDs are stable across runs, so verdicts survive re-extraction.
A verdict whose claim no longer exists is kept in the file and reported by
:func:`orphan_reviews`, never dropped. Saving is atomic: the new file is written beside the old
one and renamed over it, so an interrupted save leaves the previous file whole.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ClaimframeError

if TYPE_CHECKING:
    import pandas as pd

REVIEW_FILE = "review.csv"
VERDICTS = ("verified", "disputed", "unverifiable")
COLUMNS = ("claim_id", "claim_text", "verdict", "note", "source_url")
#: Columns the claims table gains from the review file.
MERGED = {"verdict": "verdict", "note": "review_note", "source_url": "review_source"}


class ReviewError(ClaimframeError, ValueError):
    """review.csv is malformed, or a verdict is not one of VERDICTS."""


def review_path(folder: str | Path) -> Path:
    return Path(folder) / REVIEW_FILE


def has_reviews(folder: str | Path | None) -> bool:
    """Whether the article folder has a review.csv at all (a cheap check before reading it)."""
    return folder is not None and review_path(folder).is_file()


def read_reviews(folder: str | Path | None) -> "pd.DataFrame":
    """The verdicts of an article folder (no file: an empty table with the columns)."""
    import pandas as pd

    if not has_reviews(folder):
        return pd.DataFrame({c: pd.Series(dtype="string") for c in COLUMNS})
    path = review_path(folder)
    try:
        df = pd.read_csv(path, dtype="string", keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise ReviewError(f"{path}: not a readable CSV ({exc})") from None
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise ReviewError(f"{path}: missing column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}")
    bad = df[~df["verdict"].isin(VERDICTS)]
    if len(bad):
        raise ReviewError(f"{path}: row {bad.index[0] + 2}: verdict {bad['verdict'].iloc[0]!r} is not one of "
                          f"{', '.join(VERDICTS)}")
    return df[list(COLUMNS)].replace("", pd.NA)


def write_reviews(folder: str | Path, reviews: "pd.DataFrame") -> Path:
    """Replace review.csv atomically: write a temporary file in the same folder, then rename it."""
    path = review_path(folder)
    fd, tmp = tempfile.mkstemp(prefix=".review-", suffix=".csv.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            reviews[list(COLUMNS)].sort_values("claim_id").to_csv(f, index=False)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def save_review(folder: str | Path, claim_id: str, verdict: str, note: str = "", source_url: str = "",
                claim_text: str = "") -> "pd.DataFrame":
    """Record (or replace) the verdict on one claim; returns every verdict of the folder."""
    import pandas as pd

    if verdict not in VERDICTS:
        raise ReviewError(f"verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
    if not claim_id:
        raise ReviewError("a verdict needs the claim_id it is about")
    reviews = read_reviews(folder)
    row = pd.DataFrame([{"claim_id": claim_id, "claim_text": claim_text or None, "verdict": verdict,
                         "note": note or None, "source_url": source_url or None}], dtype="string")
    kept = reviews[reviews["claim_id"] != claim_id]
    reviews = pd.concat([kept, row], ignore_index=True) if len(kept) else row
    write_reviews(folder, reviews)
    return reviews


def merge_reviews(claims: "pd.DataFrame", reviews: "pd.DataFrame") -> "pd.DataFrame":
    """Claims with their verdict, review_note and review_source (missing where not reviewed)."""
    lookup = reviews.set_index("claim_id")
    out = claims.copy()
    for column, merged in MERGED.items():
        out[merged] = out["claim_id"].map(lookup[column]).astype("string")
    return out


def orphan_reviews(claims: "pd.DataFrame", reviews: "pd.DataFrame") -> "pd.DataFrame":
    """Verdicts whose claim is no longer extracted: kept in the file, shown here to re-attach."""
    return reviews[~reviews["claim_id"].isin(claims["claim_id"])].reset_index(drop=True)
