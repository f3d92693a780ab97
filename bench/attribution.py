"""Who says it, and what is counted, on real news: source and entity accuracy against hand-made gold.

    .venv/bin/python bench/attribution.py                              # this tree
    .venv/bin/python bench/attribution.py --baseline /tmp/base/lib     # a baseline side by side
    .venv/bin/python bench/attribution.py --misses                     # list every wrong row
    .venv/bin/python bench/attribution.py --gold tests/real/attribution/heldout
    .venv/bin/python bench/attribution.py --all --baseline /tmp/base/lib        # every gold set, in turn
    .venv/bin/python bench/attribution.py --claims --misses             # claim misses only

Gold: ``tests/real/attribution/*.json``, one file per article of ``../shared/corpora/timebank-dev``
(TimeBank 1.2 as released for TempEval-3: WSJ 1989, AP, NYT, ABC, CNN, PRI, VOA 1998). Each names
the corpus file, the outlet and the publication date, the SHA-1 of the text the offsets refer to,
and per claim its character span, the source the article gives it to (the outlet when the reporter
asserts it) and, for counts, the thing counted. Alternatives are separated by "|" where two
readings are defensible. The gold was written by reading the articles; it holds no article text.

The text is the TimeML file's ``<TEXT>`` element with every tag removed and the words kept exactly.
Each side runs in its own Python process with its own ``PYTHONPATH`` (this tree's ``lib``, or the
``--baseline`` one), so old and new code are scored in one run on the same texts.

Scores, over the gold claims an extracted claim overlaps (the rest are counted as not found):
- source, named: gold claims whose source is someone other than the outlet;
- source, reporter: gold claims the reporter asserts (the outlet is the first reading);
- entity: gold claims with an entity ("" when the text does not say what is counted).
A source matches when, case and a leading article aside, it equals a reading or ends with it
after a space ("Sgt. Derek Glenn" matches "Derek Glenn", "Ms. Atimadi" matches "Atimadi"; "Glenn"
alone does not match "Derek Glenn").

Claims, on gold files whose every claim carries a ``kind`` (the development set; see the gold's
README): ``kind``, ``value`` (or ``low``/``high`` for ranges and vague magnitudes) in the canonical
unit, ``unit`` (empty for counts, ranks and dates) and, for dates, ``date`` (ISO, the period's first
day); any field may hold readings separated by "|". An extracted claim matches a gold claim when the
spans overlap, the kinds agree and the value agrees (within 0.01%, the stated conversion counted as
the value: "#89.7 million ($141.9 million)" meets both "89.7 million" GBP and "$141.9 million"
USD) with the unit, or the date for a date. Reported: claim precision, recall and F1 (precision
over the extracted claims of those articles: one is right when it matches a gold claim), span-only
F1 (overlap alone) and, over the gold claims an extracted claim overlaps, the accuracy of each
field (kind; value with unit; unit; date).

A benchmark, not a test: it prints figures and asserts nothing; without the corpora it says so and
exits 0.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "real" / "attribution"
CORPORA = ROOT.parent / "shared" / "corpora"
_TAG = re.compile(r"<[^>]+>")


def timeml_text(path: Path) -> str:
    """The words of a TimeML file's <TEXT> element, every tag removed and nothing else changed."""
    raw = path.read_text(encoding="utf-8")
    start, end = raw.find("<TEXT>"), raw.find("</TEXT>")
    if start < 0 or end < 0:
        raise ValueError(f"{path}: no <TEXT> element; is it a TimeML file?")
    return _TAG.sub("", raw[start + len("<TEXT>"):end])


def load_gold(folder: Path, corpora: Path) -> list[tuple[dict, str]]:
    """(gold, text) per gold file of ``folder``, the text read from ``corpora`` and checked against
    the SHA-1 the gold was written for."""
    return load_gold_files(sorted(folder.glob("*.json")), corpora)


def load_gold_files(paths: list[Path], corpora: Path) -> list[tuple[dict, str]]:
    out = []
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = timeml_text(corpora / gold["corpus"] / gold["file"])
        if hashlib.sha1(text.encode()).hexdigest() != gold["text_sha1"]:
            raise ValueError(f"{path.name}: {gold['file']} is not the text this gold was written for")
        out.append((gold, text))
    return out


def _norm(name: str | None) -> str:
    name = re.sub(r"[\s.,;:’'\"]+", " ", (name or "").casefold()).strip()
    return re.sub(r"^(?:the|a|an) ", "", name)


def source_matches(predicted: str | None, readings: str) -> bool:
    p = _norm(predicted)
    for reading in readings.split("|"):
        r = _norm(reading)
        if p == r or p.endswith(" " + r):
            return True
    return False


def entity_matches(predicted: str | None, readings: str) -> bool:
    return any(_norm(predicted) == _norm(r) for r in readings.split("|"))


def _readings(value) -> list[str]:
    """A gold field's readings: "a|b" -> ["a", "b"]; a number -> [its text]; absent -> [""]."""
    return [r.strip() for r in str("" if value is None else value).split("|")]


def _close(gold: str, predicted) -> bool:
    if gold == "":
        return predicted is None
    return predicted is not None and abs(float(gold) - predicted) <= 1e-4 * max(1.0, abs(float(gold)))


def _number(value) -> float | None:
    try:
        return None if value is None or value != value else float(value)  # NA and NaN are absent
    except TypeError:  # pandas' NA
        return None


def claim_fields(gold: dict, pred: dict) -> dict[str, bool]:
    """Which of a gold claim's fields an extracted claim gets right: ``kind``, ``value`` (with the
    unit; the date for a date), ``unit`` and ``date`` (present only when the gold claim has a date).
    ``pred`` holds kind, value, low, high, unit, conversion_value, conversion_unit and date (ISO)."""
    kind = (pred.get("kind") or "") in _readings(gold["kind"])
    unit = (pred.get("unit") or "") in _readings(gold.get("unit"))
    out = {"kind": kind, "unit": unit}
    if "date" in gold:
        out["date"] = (pred.get("date") or "") in _readings(gold["date"])
    if "value" in gold:
        stated = [(pred.get("value"), pred.get("unit") or ""),
                  (pred.get("conversion_value"), pred.get("conversion_unit") or "")]
        out["value"] = any(v is not None and _close(g, v) and u in _readings(gold.get("unit"))
                           for g in _readings(gold["value"]) for v, u in stated)
    elif "low" in gold or "high" in gold:
        out["value"] = (any(_close(g, pred.get("low")) for g in _readings(gold.get("low")))
                        and any(_close(g, pred.get("high")) for g in _readings(gold.get("high")))
                        and unit)
    else:
        out["value"] = out.get("date", True)
    return out


def claim_matches(gold: dict, pred: dict) -> bool:
    """Kind and value (or date) agree; the spans' overlap is the caller's."""
    fields = claim_fields(gold, pred)
    return fields["kind"] and fields["value"]


def _text(value) -> str | None:
    return value if isinstance(value, str) else None  # pandas' NA for an empty cell


def score(folder: Path, corpora: Path) -> dict:
    """Runs claimframe (whichever is on sys.path) on every gold article and scores it."""
    import claimframe

    tally = {"named": [0, 0], "reporter": [0, 0], "entity": [0, 0], "gold": 0, "found": 0,
             # claims, on the articles whose gold has kinds: gold claims matched / all, extracted
             # claims matched / all, the same on spans alone, and per field right / judged
             "claim_gold": [0, 0], "claim_pred": [0, 0], "span_gold": [0, 0], "span_pred": [0, 0],
             "kind": [0, 0], "value": [0, 0], "unit": [0, 0], "date": [0, 0]}
    misses = []
    for gold, text in load_gold(folder, corpora):
        claims = claimframe.read_text(text, outlet=gold["outlet"], published=gold["published"]).claims
        rows = [(int(r["start"]), int(r["end"]), _text(r["source"]), _text(r["entity"]), {
                    "kind": _text(r["kind"]), "unit": _text(r["unit"]),
                    "conversion_unit": _text(r["conversion_unit"]),
                    "date": None if r["date"] is None or r["date"] != r["date"] else str(r["date"].date()),
                    **{k: _number(r[k]) for k in ("value", "low", "high", "conversion_value")}})
                for r in claims[["start", "end", "source", "entity", "kind", "value", "low", "high", "unit",
                                 "conversion_value", "conversion_unit", "date"]].to_dict("records")]
        outlet = _norm(gold["outlet"])
        typed = all("kind" in g for g in gold["claims"])
        if typed:
            _score_claims(gold, text, rows, tally, misses)
        for g in gold["claims"]:
            tally["gold"] += 1
            hit = next((r for r in rows if r[0] < g["end"] and g["start"] < r[1]), None)
            where = f"{gold['file']}:{g['start']} {text[g['start']:g['end']]!r}"
            if hit is None:
                misses.append(f"not found   {where}")
                continue
            tally["found"] += 1
            group = "reporter" if _norm(g["source"].split("|")[0]) == outlet else "named"
            ok = source_matches(hit[2], g["source"])
            tally[group][0] += ok
            tally[group][1] += 1
            if not ok:
                misses.append(f"source {group:<8} {where}: {hit[2]!r}, gold {g['source']!r}")
            if "entity" in g:
                predicted = hit[3]
                ok = entity_matches(predicted, g["entity"])
                tally["entity"][0] += ok
                tally["entity"][1] += 1
                if not ok:
                    misses.append(f"entity          {where}: {predicted!r}, gold {g['entity']!r}")
    return {"tally": tally, "misses": misses}


def _overlap(g: dict, row: tuple) -> bool:
    return row[0] < g["end"] and g["start"] < row[1]


def _score_claims(gold: dict, text: str, rows: list[tuple], tally: dict, misses: list[str]) -> None:
    """Claim precision/recall counts, span-only counts and per-field accuracy for one article."""
    matched_rows, span_rows = set(), set()
    for g in gold["claims"]:
        where = f"{gold['file']}:{g['start']} {text[g['start']:g['end']]!r}"
        overlapping = [i for i, r in enumerate(rows) if _overlap(g, r)]
        right = [i for i in overlapping if claim_matches(g, rows[i][4])]
        tally["claim_gold"][0] += bool(right)
        tally["claim_gold"][1] += 1
        tally["span_gold"][0] += bool(overlapping)
        tally["span_gold"][1] += 1
        matched_rows.update(right)
        span_rows.update(overlapping)
        if not overlapping:
            continue
        pred = rows[(right or overlapping)[0]][4]
        for field, ok in claim_fields(g, pred).items():
            tally[field][0] += ok
            tally[field][1] += 1
        if not right:
            got = {k: v for k, v in pred.items() if v is not None}
            want = {k: g[k] for k in ("kind", "value", "low", "high", "unit", "date") if k in g}
            misses.append(f"claim           {where}: {got}, gold {want}")
    tally["claim_pred"][0] += len(matched_rows)
    tally["claim_pred"][1] += len(rows)
    tally["span_pred"][0] += len(span_rows)
    tally["span_pred"][1] += len(rows)
    for i, r in enumerate(rows):
        if i not in span_rows:
            misses.append(f"claim extra     {gold['file']}:{r[0]} {text[r[0]:r[1]]!r}")


def f1(gold_pair: list[int], pred_pair: list[int]) -> str:
    """ "P 0.97 R 0.95 F1 0.96" from (matched, total) over the gold and over the extracted claims."""
    if not gold_pair[1]:
        return "-"
    recall = gold_pair[0] / gold_pair[1]
    precision = pred_pair[0] / pred_pair[1] if pred_pair[1] else 0.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"P{precision:.2f} R{recall:.2f} F{f:.2f}"


def run_side(lib: Path, folder: Path, corpora: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(lib)}
    cmd = [sys.executable, __file__, "--side", "--gold", str(folder), "--corpora", str(corpora)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"the side with {lib} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def _fraction(pair: list[int]) -> str:
    right, total = pair
    return f"{right / total:.2f} ({right}/{total})" if total else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", type=Path, help="a lib/ folder of older code to score beside this tree's")
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of gold .json files")
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="the shared corpora folder")
    parser.add_argument("--all", action="store_true", help="the development gold and every set beside it")
    parser.add_argument("--misses", action="store_true", help="list every wrong or missing row")
    parser.add_argument("--claims", action="store_true", help="with --misses, list only the claim rows")
    parser.add_argument("--side", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.side:
        print(json.dumps(score(args.gold, args.corpora)))
        return 0
    if not (args.corpora / "timebank-dev").is_dir():
        print(f"{args.corpora / 'timebank-dev'} is absent: this bench reads the articles from there "
              "(--corpora DIR points elsewhere); nothing scored")
        return 0
    folders = [args.gold, *sorted(p for p in args.gold.iterdir() if p.is_dir())] if args.all else [args.gold]
    for i, folder in enumerate(folders):
        if i:
            print()
        report(folder, args)
    return 0


def report(folder: Path, args: argparse.Namespace) -> None:
    """Scores one gold folder with each side and prints them side by side."""
    args = argparse.Namespace(**{**vars(args), "gold": folder})
    sides = {}
    if args.baseline:
        sides["baseline"] = run_side(args.baseline, args.gold, args.corpora)
    sides["this tree"] = run_side(ROOT / "lib", args.gold, args.corpora)
    articles = len(list(args.gold.glob("*.json")))
    shown = args.gold.relative_to(ROOT) if args.gold.is_relative_to(ROOT) else args.gold
    print(f"{articles} articles, gold in {shown}")
    print(f"{'':<28}" + "".join(f"{name:>22}" for name in sides))
    for label, key in (("source, named source", "named"), ("source, reporter (outlet)", "reporter"),
                       ("entity (counts)", "entity")):
        print(f"{label:<28}" + "".join(f"{_fraction(s['tally'][key]):>22}" for s in sides.values()))
    print(f"{'gold claims found':<28}" + "".join(
        f"{_fraction([s['tally']['found'], s['tally']['gold']]):>22}" for s in sides.values()))
    t = next(iter(sides.values()))["tally"]
    if t["claim_gold"][1]:
        typed = t["claim_gold"][1]
        print(f"claims ({typed} gold claims with kind, value, unit and date)")
        print(f"{'claim (kind and value)':<28}" + "".join(
            f"{f1(s['tally']['claim_gold'], s['tally']['claim_pred']):>22}" for s in sides.values()))
        print(f"{'claim span only':<28}" + "".join(
            f"{f1(s['tally']['span_gold'], s['tally']['span_pred']):>22}" for s in sides.values()))
        for label, key in (("kind", "kind"), ("value (with unit)", "value"), ("unit", "unit"), ("date", "date")):
            print(f"{'  ' + label:<28}" + "".join(f"{_fraction(s['tally'][key]):>22}" for s in sides.values()))
    if args.misses:
        for name, side in sides.items():
            shown = [m for m in side["misses"] if m.startswith("claim")] if args.claims else side["misses"]
            print(f"\n{name}: {len(shown)} rows wrong or not found")
            print("\n".join(shown))


if __name__ == "__main__":
    sys.exit(main())
