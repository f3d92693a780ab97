"""Date finding measured on TimeBank (TempEval-3), old code and new side by side in one run.

    .venv/bin/python bench/timebank.py                       # this tree, plus dateparser if installed
    .venv/bin/python bench/timebank.py --baseline main       # also the code of a git ref (its lib/)
    .venv/bin/python bench/timebank.py --baseline main --errors 40   # and list value errors

Reads the TimeML articles in ``../shared/corpora/timebank-dev`` (relative to the repository root;
says so and exits 0 when the folder is absent). Each article's tags are stripped keeping the words
exactly, so gold offsets are offsets into the plain text; its creation time (the ``CREATION_TIME``
TIMEX3) is the published date. Every side runs in its own fresh interpreter: ``--baseline REF``
copies ``lib/`` of that git ref into a temporary folder and runs it there, so the figures of the old
and the new code come from the same run, the same texts and the same scorer.

Measures, over gold DATE timexes (TempEval-3's: a predicted span counts once, matched one-to-one
to a gold span it overlaps):

- relaxed P/R/F1: spans overlap; strict P/R/F1: spans equal;
- value F1: a relaxed match whose value, written at gold's precision, equals gold's value
  (e.g. a day 1989-10-27 against gold ``1989-10`` is right; against ``1989-Q4`` it is written
  ``1989-Q4``). Precision counts the side's dated mentions, recall the gold timexes.

Three gold sets: calendar values of a day, week, month or year (``1989-10-27``, ``1998-W05``,
``1989-10``, ``1989``: the set of the reference figures in the corpora's README), all
calendar values (also ``1989-Q3``, ``1989-SU``, ``198``, ...) and all DATE values (``PRESENT_REF``,
``XXXX-..`` too, which no side can write, so their value counts as wrong). A prediction
overlapping a gold timex outside the set (a TIME, a DURATION, a SET, or for the calendar set a
non-calendar DATE) is left out of precision: it is neither right nor wrong there. Then recall
rows for families of expressions (quarters and halves, seasons, decades and centuries, anchored
"ago/earlier/later/before", weeks), and the gold dates after the creation time that a side put
in the past ("payable Dec. 7" read as last December).

dateparser's ``search_dates`` returns strings without offsets; each is found in the text after the
previous one. Its values are datetimes, written at gold's precision like every other side's.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "timebank-dev"

_TAG = re.compile(r"<(/?)([A-Z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CALENDAR = re.compile(
    r"^(?:[0-9]{4}(?:-(?:[0-9]{2}(?:-[0-9]{2})?|W[0-9]{2}(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?|[0-9]{2,3})$"
)
_ANCHORED = re.compile(r"\b(?:ago|earlier|later|before|previous|following|year-ago|year-earlier)\b", re.I)


def read_timeml(path: Path) -> dict:
    """{"text", "dct", "timexes": [(start, end, type, value, text)]} of one TimeML file."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    dct_value = _ATTR.findall(dct.group())
    dct_value = dict(dct_value)["value"][:10]
    body = raw[raw.index("<TEXT>") + len("<TEXT>"): raw.index("</TEXT>")]
    out, pos, size = [], 0, 0
    timexes, open_timex = [], None
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos: m.start()])
        out.append(chunk)
        size += len(chunk)
        pos = m.end()
        if m[2] == "TIMEX3":
            if m[1]:
                attrs = open_timex[1]
                timexes.append([open_timex[0], size, attrs.get("type"), attrs.get("value", ""), None])
                open_timex = None
            else:
                open_timex = (size, dict(_ATTR.findall(m[3])))
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for t in timexes:
        t[4] = text[t[0]: t[1]]
    return {"text": text, "dct": dct_value, "timexes": [tuple(t) for t in timexes]}


def corpus(folder: Path) -> dict[str, dict]:
    return {p.stem: read_timeml(p) for p in sorted(folder.glob("*.tml"))}


# --- workers: one side in its own interpreter, predictions as JSON on stdout ------------------
def _worker_claimframe(docs: dict) -> dict:
    import datetime

    from claimframe.extract.dates import find_dates

    preds = {}
    for name, doc in docs.items():
        published = datetime.date.fromisoformat(doc["dct"])
        rows = []
        for m in find_dates(doc["text"], published):
            if m.date is None or getattr(m, "recurring", False) or getattr(m, "generic", False):
                continue
            rows.append([m.start, m.end, m.date.isoformat(), m.precision])
        preds[name] = rows
    return preds


def _worker_dateparser(docs: dict) -> dict:
    import datetime

    from dateparser.search import search_dates

    preds = {}
    for name, doc in docs.items():
        published = datetime.datetime.fromisoformat(doc["dct"])
        settings = {"RELATIVE_BASE": published, "PREFER_DATES_FROM": "past"}
        found = search_dates(doc["text"], languages=["en"], settings=settings) or []
        rows, pos = [], 0
        for s, value in found:
            i = doc["text"].find(s, pos)
            if i < 0:
                continue
            pos = i + len(s)
            rows.append([i, pos, value.date().isoformat(), "day"])
        preds[name] = rows
    return preds


# --- scoring ------------------------------------------------------------------------------------
_SEASON = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
           9: "FA", 10: "FA", 11: "FA"}


def own_value(date: str, precision: str) -> str:
    """A mention's value written at its own precision, TimeML style."""
    return at_granularity(date, {"day": "day", "week": "week", "month": "month", "year": "year",
                                 "quarter": "quarter", "half": "half", "season": "season",
                                 "decade": "decade", "century": "century"}.get(precision, "day"))


def granularity(value: str) -> str:
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return "day"
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}", value):
        return "month"
    if "-W" in value:
        return "week"
    if "-Q" in value:
        return "quarter"
    if "-H" in value:
        return "half"
    if value[-2:] in ("SP", "SU", "FA", "WI"):
        return "season"
    return {4: "year", 3: "decade", 2: "century"}.get(len(value), "other")


def at_granularity(date: str, gran: str) -> str:
    import datetime

    d = datetime.date.fromisoformat(date)
    if gran == "day":
        return d.isoformat()
    if gran == "month":
        return d.isoformat()[:7]
    if gran == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if gran == "quarter":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{d.year}-H{1 if d.month <= 6 else 2}"
    if gran == "season":
        return f"{d.year - (d.month <= 2)}-{_SEASON[d.month]}"
    if gran == "decade":
        return str(d.year)[:3]
    if gran == "century":
        return str(d.year)[:2]
    return str(d.year)


def value_right(pred, gold_value: str) -> bool:
    """A prediction's value written at gold's precision equals gold's (a weekend, ``1989-W43-WE``, is
    its Saturday's ISO week)."""
    gran = granularity(gold_value)
    if gran == "other":
        return False
    value = at_granularity(pred[2], gran)
    return value + "-WE" == gold_value if gold_value.endswith("-WE") else value == gold_value


def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match(golds: list, preds: list) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs of overlapping spans, in text order."""
    pairs, used = [], set()
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if pi not in used and _overlaps(g, p):
                pairs.append((gi, pi))
                used.add(pi)
                break
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


def score(docs: dict, preds: dict, in_set) -> dict:
    """Counts and P/R/F1 over the gold timexes ``in_set`` accepts."""
    n_gold = n_pred = relaxed = strict = value = 0
    for name, doc in docs.items():
        golds = [t for t in doc["timexes"] if in_set(t)]
        others = [t for t in doc["timexes"] if not in_set(t)]
        ps = [p for p in preds.get(name, []) if not any(_overlaps(p, o) for o in others)
              or any(_overlaps(p, g) for g in golds)]
        n_gold += len(golds)
        n_pred += len(ps)
        for gi, pi in match(golds, ps):
            g, p = golds[gi], ps[pi]
            relaxed += 1
            strict += (g[0], g[1]) == (p[0], p[1])
            value += value_right(p, g[3])
    return {"gold": n_gold, "pred": n_pred, "relaxed": _prf(relaxed, n_pred, n_gold),
            "strict": _prf(strict, n_pred, n_gold), "value": _prf(value, n_pred, n_gold)}


def family_recall(docs: dict, preds: dict, in_family) -> tuple[int, int, int]:
    """(gold in the family, found (overlap), found with the right value)."""
    n = found = right = 0
    for name, doc in docs.items():
        golds = [t for t in doc["timexes"] if in_family(t)]
        ps = preds.get(name, [])
        n += len(golds)
        for g in golds:
            hit = [p for p in ps if _overlaps(g, p)]
            found += bool(hit)
            right += any(value_right(p, g[3]) for p in hit)
    return n, found, right


def future_in_past(docs: dict, preds: dict) -> set[tuple[str, int]]:
    """Gold calendar dates after the creation time (day, week or month) that a side put before it."""
    out = set()
    for name, doc in docs.items():
        dct = doc["dct"]
        for g in doc["timexes"]:
            gran = granularity(g[3])
            if g[2] != "DATE" or gran not in ("day", "month", "week"):
                continue
            if (gran == "day" and g[3] <= dct) or (gran == "month" and g[3] <= dct[:7]) or gran == "week":
                continue
            for p in preds.get(name, []):
                if _overlaps(g, p) and p[2] <= dct and at_granularity(p[2], gran) != g[3]:
                    out.add((name, g[0]))
    return out


def _is_date(t) -> bool:
    return t[2] == "DATE"


def _is_calendar(t) -> bool:
    return t[2] == "DATE" and bool(_CALENDAR.match(t[3]))


def _is_core_calendar(t) -> bool:
    return _is_calendar(t) and granularity(t[3]) in ("day", "week", "month", "year")


FAMILIES = [
    ("quarters, halves", lambda t: _is_calendar(t) and granularity(t[3]) in ("quarter", "half")),
    ("seasons", lambda t: _is_calendar(t) and granularity(t[3]) == "season"),
    ("decades, centuries", lambda t: _is_calendar(t) and granularity(t[3]) in ("decade", "century")),
    ("anchored (ago, earlier...)", lambda t: _is_calendar(t) and bool(_ANCHORED.search(t[4]))),
    ("weeks", lambda t: _is_calendar(t) and granularity(t[3]) == "week"),
]


def _run_worker(side: str, lib: Path | None, folder: Path) -> dict:
    env_path = str(lib) if lib else ""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", side, "--corpus", str(folder)]
    env = dict(__import__("os").environ)
    if lib:
        env["PYTHONPATH"] = env_path
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{side} worker failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def _baseline_lib(ref: str, tmp: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "lib"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive.stdout, check=True)
    return tmp / "lib"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--baseline", metavar="REF", help="also measure lib/ of this git ref (e.g. main)")
    ap.add_argument("--errors", type=int, default=0, help="list this many value errors of this tree")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"TimeBank not found at {args.corpus}: nothing to measure.")
        return 0
    docs = corpus(args.corpus)
    if args.worker:
        fn = _worker_claimframe if args.worker == "claimframe" else _worker_dateparser
        json.dump(fn(docs), sys.stdout)
        return 0

    sides: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        if args.baseline:
            sides[f"claimframe {args.baseline}"] = _run_worker("claimframe", _baseline_lib(args.baseline, Path(tmp)),
                                                               args.corpus)
        sides["claimframe (this tree)"] = _run_worker("claimframe", ROOT / "lib", args.corpus)
    try:
        import dateparser  # noqa: F401
        sides["dateparser search_dates"] = _run_worker("dateparser", None, args.corpus)
    except ImportError:
        print("dateparser not installed: its column is left out.")

    n_timex = sum(len(d["timexes"]) for d in docs.values())
    print(f"TimeBank dev: {len(docs)} articles, {n_timex} TIMEX3 in the texts ({args.corpus})\n")
    for title, in_set in (("calendar-valued DATE (day, week, month, year)", _is_core_calendar),
                          ("calendar-valued DATE (also quarters, seasons, decades)", _is_calendar),
                          ("all DATE", _is_date)):
        print(f"== {title} timexes ==")
        print(f"{'side':<28}{'gold':>6}{'pred':>6}   relaxed P/R/F1       strict P/R/F1        value P/R/F1")
        for side, preds in sides.items():
            s = score(docs, preds, in_set)
            cells = "  ".join("{:5.1f} {:5.1f} {:5.1f}".format(*s[k]) for k in ("relaxed", "strict", "value"))
            print(f"{side:<28}{s['gold']:>6}{s['pred']:>6}   {cells}")
        print()
    print("== families (recall: found / right value, of gold) ==")
    print(f"{'family':<28}" + "".join(f"{side[:26]:>28}" for side in sides))
    for fam, in_family in FAMILIES:
        cells = []
        for preds in sides.values():
            n, found, right = family_recall(docs, preds, in_family)
            cells.append(f"{found:>4}/{right:<4} of {n:<4}")
        print(f"{fam:<28}" + "".join(f"{c:>28}" for c in cells))
    print()
    wrong = {side: future_in_past(docs, preds) for side, preds in sides.items()}
    print("== gold dates after the creation time put in the past ==")
    for side, cases in wrong.items():
        print(f"{side:<28}{len(cases):>5}")
    names = list(sides)
    if args.baseline:
        old, new = wrong[names[0]], wrong[names[1]]
        print(f"fixed since {args.baseline}: {len(old - new)}; newly wrong: {len(new - old)}")
    if args.errors:
        preds = sides["claimframe (this tree)"]
        print("\n== value errors of this tree (gold value, text, predicted) ==")
        shown = 0
        for name, doc in docs.items():
            golds = [t for t in doc["timexes"] if _is_calendar(t)]
            ps = preds.get(name, [])
            for gi, pi in match(golds, ps):
                g, p = golds[gi], ps[pi]
                if not value_right(p, g[3]) and shown < args.errors:
                    shown += 1
                    ctx = doc["text"][max(0, g[0] - 60): g[1] + 30].replace("\n", " ")
                    print(f"{name} dct={doc['dct']} gold={g[3]} {g[4]!r} pred={p[2]} {p[3]} "
                          f"{doc['text'][p[0]:p[1]]!r}\n    ...{ctx}...")
        print("\n== calendar timexes this tree misses (gold value, text) ==")
        shown = 0
        for name, doc in docs.items():
            for g in doc["timexes"]:
                if _is_calendar(g) and not any(_overlaps(g, p) for p in preds.get(name, [])) and shown < args.errors:
                    shown += 1
                    ctx = doc["text"][max(0, g[0] - 60): g[1] + 30].replace("\n", " ")
                    print(f"{name} dct={doc['dct']} gold={g[3]} {g[4]!r}\n    ...{ctx}...")
        print("\n== this tree's mentions that overlap no gold timex ==")
        shown = 0
        for name, doc in docs.items():
            for p in preds.get(name, []):
                if not any(_overlaps(g, p) for g in doc["timexes"]) and shown < args.errors:
                    shown += 1
                    ctx = doc["text"][max(0, p[0] - 60): p[1] + 30].replace("\n", " ")
                    print(f"{name} dct={doc['dct']} pred={p[2]} {p[3]} {doc['text'][p[0]:p[1]]!r}\n    ...{ctx}...")
    return 0


if __name__ == "__main__":
    sys.exit(main())
