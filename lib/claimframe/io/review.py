"""An analyst's verdicts on claims, kept beside the article in ``review.csv``.

One row per claim: ``claim_id``, ``claim_text`` (the claim as it read when reviewed, so a verdict
stays recognisable if its claim disappears), ``verdict`` (verified, disputed, unverifiable),
``note`` and ``source_url``. Claim IDs are stable across runs, so verdicts survive re-extraction.
A verdict whose claim no longer exists is kept in the file and reported by
:func:`orphan_reviews`, never dropped.

Saves are safe across processes (two kernels, two analysts on a shared folder): each one takes
``review.csv.lock`` beside the file, re-reads the file under it, changes its one row and writes
atomically (a temporary file in the same folder, fsync, rename over the old one), so an
interrupted save leaves the previous file whole and no save overwrites another's verdict.
A damaged file (a git conflict, a stray comma, a duplicate claim) is never overwritten: reading
it raises one :class:`ReviewError` naming the file, the line and what to do.
"""
from __future__ import annotations

import csv
import io
import os
import re
import stat
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from claimframe.errors import ClaimframeError

if TYPE_CHECKING:
    import pandas as pd

REVIEW_FILE = "review.csv"
LOCK_FILE = "review.csv.lock"
VERDICTS = ("verified", "disputed", "unverifiable")
COLUMNS = ("claim_id", "claim_text", "verdict", "note", "source_url")
HEADER = ",".join(COLUMNS)
#: Columns the claims table gains from the review file.
MERGED = {"verdict": "verdict", "note": "review_note", "source_url": "review_source"}
#: Seconds a save waits for another save to finish; a save takes milliseconds.
LOCK_TIMEOUT = 10.0
#: A save's temporary file older than this is an abandoned one (see _remove_stale_temps).
STALE_TEMP_SECONDS = 60.0
TEMP_PREFIX, TEMP_SUFFIX = ".review-", ".csv.tmp"
_CONFLICT = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what csv and editors count as a line


class ReviewError(ClaimframeError, ValueError):
    """review.csv is malformed or cannot be locked, or a verdict is not one of VERDICTS.

    ``path`` and ``lines`` (1-based, as an editor numbers them) say where, when known.
    """

    def __init__(self, message: str, path: Path | None = None, lines: tuple[int, ...] = ()):
        super().__init__(message)
        self.path, self.lines = path, lines


class ReviewWarning(UserWarning):
    """review.csv is damaged: claims are shown without verdicts until it is fixed."""


def review_path(folder: str | Path) -> Path:
    return Path(folder) / REVIEW_FILE


def has_reviews(folder: str | Path | None) -> bool:
    """Whether the article folder has a review.csv at all (a cheap check before reading it)."""
    return folder is not None and review_path(folder).is_file()


def _fail(path: Path, line: int, what: str, todo: str | None = None) -> ReviewError:
    return ReviewError(f"{path}, line {line}: {what}; {todo or f'fix or remove line {line}'}", path, (line,))


def _parse(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the (line, fields) rows of review.csv, or the first problem as a ReviewError.

    Parsed with :mod:`csv` rather than pandas so that every problem has its line number.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReviewError(f"{path}: cannot be read ({exc.strerror or exc}); check its permissions",
                          path) from None
    try:
        text = data.decode("utf-8-sig")  # a spreadsheet's byte-order mark is fine
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise _fail(path, line, f"bytes that are not UTF-8 ({data[exc.start:exc.start + 4]!r})",
                    f"fix line {line} or save the file again as UTF-8") from None
    if not text.strip():
        raise _fail(path, 1, "the file is empty" if not text else "the file holds only whitespace",
                    f"delete it (it holds no verdicts) or write the header line {HEADER}")
    lines = _LINE_BREAK.split(text)
    if any(line.startswith(("<<<<<<<", ">>>>>>>")) for line in lines):
        markers = [n for n, line in enumerate(lines, 1) if line.startswith(_CONFLICT)]
        raise ReviewError(f"{path}, line {markers[0]}: an unresolved git merge conflict ({lines[markers[0] - 1]!r}); "
                          f"resolve it: keep the verdict lines you want and remove the marker line(s) "
                          f"{', '.join(map(str, markers))}", path, tuple(markers))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records, end = [], 0
    try:
        for fields in reader:
            start, end = end + 1, reader.line_num
            if any(f.strip() for f in fields):  # blank lines are skipped, as pandas does
                records.append((start, fields))
    except csv.Error as exc:
        raise _fail(path, end + 1, f"not valid CSV ({exc}): a stray or unclosed double quote?") from None
    if not records:  # only commas and quotes
        raise _fail(path, 1, "the file holds no header and no verdicts",
                    f"delete it or write the header line {HEADER}")
    (hline, header), rows = records[0], records[1:]
    if not set(COLUMNS) & set(header):
        raise _fail(path, hline, f"no header line (it reads {','.join(header)!r})",
                    f"add the header line {HEADER} above line {hline}")
    missing = [c for c in COLUMNS if c not in header]
    twice = sorted({c for c in header if header.count(c) > 1})
    if missing or twice:
        what = f"the header lacks {', '.join(missing)}" if missing else f"the header repeats {', '.join(twice)}"
        raise _fail(path, hline, what, f"fix line {hline}: it should read {HEADER}")
    seen: dict[str, int] = {}
    for line, fields in rows:
        if len(fields) > len(header):
            raise _fail(path, line, f"{len(fields)} fields where the header has {len(header)} "
                                    f"(a comma inside a note needs the note in double quotes)")
        row = dict(zip(header, fields))
        cid, verdict = row["claim_id"], row.get("verdict", "")
        if not cid.strip():
            raise _fail(path, line, "no claim_id")
        if verdict not in VERDICTS:
            raise _fail(path, line, f"verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
        if cid in seen:
            first = seen[cid]
            raise ReviewError(f"{path}, lines {first} and {line}: both hold claim_id {cid!r} (a merge kept "
                              f"both sides?); keep one verdict: remove line {first} or line {line}",
                              path, (first, line))
        seen[cid] = line
    return header, rows


def _read_table(path: Path) -> "pd.DataFrame":
    """Every column of review.csv as strings, "" where empty (extra columns kept for the next save)."""
    import pandas as pd

    header, rows = _parse(path)
    columns = {name: [fields[i] if i < len(fields) else "" for _, fields in rows] for i, name in enumerate(header)}
    return pd.DataFrame(columns, columns=header, dtype="string")


def _empty() -> "pd.DataFrame":
    import pandas as pd

    return pd.DataFrame({c: pd.Series(dtype="string") for c in COLUMNS})


def read_reviews(folder: str | Path | None) -> "pd.DataFrame":
    """The verdicts of an article folder (no file: an empty table with the columns).

    A damaged file raises one ReviewError naming the file, the line and what to do.
    """
    import pandas as pd

    if not has_reviews(folder):
        return _empty()
    return _read_table(review_path(folder))[list(COLUMNS)].replace("", pd.NA)


def review_problem(folder: str | Path | None) -> str | None:
    """What is wrong with the folder's review.csv (line and what to do), or None when it reads fine."""
    try:
        read_reviews(folder)
    except ReviewError as exc:
        return str(exc)
    return None


@contextmanager
def _locked(folder: str | Path) -> Iterator[None]:
    """Hold review.csv.lock: one save at a time per folder, across processes and machines sharing it."""
    from filelock import FileLock, Timeout

    lock = Path(folder) / LOCK_FILE
    if not lock.parent.is_dir():  # filelock would create the folder: a mistyped path would "save"
        raise ReviewError(f"{lock.parent}: no such article folder; verdicts are saved beside article.txt",
                          lock.parent)
    try:
        with FileLock(str(lock), timeout=LOCK_TIMEOUT):
            yield
    except Timeout:
        raise ReviewError(f"{lock}: could not be taken within {LOCK_TIMEOUT:g} s: another kernel or analyst is "
                          f"saving verdicts to this article; try again in a moment, and if it keeps failing "
                          f"stop whichever process is stuck saving (a lock file no process holds can be "
                          f"deleted)", lock) from None


def _remove_stale_temps(folder: Path) -> list[str]:
    """Delete temporary files that killed saves left behind; returns their names.

    Called under the lock, so no save of this version is writing one. A temporary file is removed
    only if it is also older than STALE_TEMP_SECONDS: a process that does not take the lock (an
    older claimframe still running in some kernel) may be writing one right now, and a live save
    finishes in milliseconds, so a minute-old one is certainly abandoned. Younger ones wait for the
    next save.
    """
    removed, now = [], time.time()
    for tmp in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        try:
            if now - tmp.stat().st_mtime > STALE_TEMP_SECONDS:
                tmp.unlink()
                removed.append(tmp.name)
        except FileNotFoundError:
            continue
    return removed


def _file_mode(path: Path) -> int:
    """The permissions the new file gets: the old file's, or the folder's without execute bits.

    mkstemp makes 0600 files: renamed over review.csv, they would lock other analysts sharing
    the folder out of its verdicts.
    """
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return stat.S_IMODE(path.parent.stat().st_mode) & 0o666


def _write(path: Path, table: "pd.DataFrame") -> None:
    """Replace path atomically: a temporary file in the same folder, fsync, then rename it."""
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            table.sort_values("claim_id").to_csv(f, index=False)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_reviews(folder: str | Path, reviews: "pd.DataFrame") -> Path:
    """Replace every verdict of the folder (under the lock, atomically).

    To change one verdict use :func:`save_review`, which re-reads the file under the lock so it
    never overwrites another process's save.
    """
    path = review_path(folder)
    with _locked(folder):
        _remove_stale_temps(path.parent)
        _write(path, reviews[list(COLUMNS)])
    return path


def _save_unlocked(folder: str | Path, claim_id: str, verdict: str, note: str = "", source_url: str = "",
                   claim_text: str = "") -> "pd.DataFrame":
    """Re-read, change one row, write. Only safe under :func:`_locked` (bench/ calls it bare to
    show what the lock prevents)."""
    import pandas as pd

    path = review_path(folder)
    table = _read_table(path) if path.is_file() else _empty()  # a damaged file raises: nothing is written
    values = {"claim_id": claim_id, "claim_text": claim_text, "verdict": verdict, "note": note,
              "source_url": source_url}
    hit = table["claim_id"] == claim_id
    if hit.any():  # replace in place: columns someone added by hand keep their values
        for column, value in values.items():
            table.loc[hit, column] = value
    else:
        row = pd.DataFrame([{c: values.get(c, "") for c in table.columns}], dtype="string")
        table = pd.concat([table, row], ignore_index=True) if len(table) else row
    _write(path, table)
    return table[list(COLUMNS)].replace("", pd.NA)


def save_review(folder: str | Path, claim_id: str, verdict: str, note: str = "", source_url: str = "",
                claim_text: str = "") -> "pd.DataFrame":
    """Record (or replace) the verdict on one claim; returns every verdict of the folder.

    Safe when other processes save to the same folder; refuses (ReviewError) if review.csv is
    damaged, leaving it untouched.
    """
    if verdict not in VERDICTS:
        raise ReviewError(f"verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
    if not claim_id:
        raise ReviewError("a verdict needs the claim_id it is about")
    with _locked(folder):
        _remove_stale_temps(Path(folder))
        return _save_unlocked(folder, claim_id, verdict, note or "", source_url or "", claim_text or "")


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
