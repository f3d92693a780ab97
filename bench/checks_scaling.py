"""How every table's time grows with the size of one claim-dense article (checks, events, places...).

    .venv/bin/python bench/checks_scaling.py                       # 10 KB, 100 KB, 1 MB
    .venv/bin/python bench/checks_scaling.py --kb 10 30 100        # other sizes (KB = 1,000 bytes)
    git worktree add /tmp/old HEAD~1                                # an older checkout, then
    .venv/bin/python bench/checks_scaling.py --compare /tmp/old/lib # both, the same sizes, one run
    .venv/bin/python bench/checks_scaling.py --lib /tmp/new/lib --compare /tmp/old/lib  # two checkouts

Text: one article (not many: the point is a single long text) written from varied sentence
templates (casualty lists, "at least"/"about"/"hundreds of" counts, ranges, number words,
stated conversions, "N km south of Mosul", weekdays, "after <X>" clauses, "with a combined"
totals, quotes and attributions), paragraphs of three to five sentences under a headline. A
fixed seed makes it the same text on every run; a larger size starts with the smaller one's text.

Each side and size runs in its own fresh Python process (``--compare PATH`` runs the library
found at PATH, e.g. an older checkout's ``lib``, beside this one; ``--lib PATH`` pins this one
too) under ``--timeout`` seconds.
It builds ``claimframe.read_text(text, published="2016-12-15")`` and asks for paragraphs,
sentences, claims, events, places, relations and checks in that order, timing each with
``time.perf_counter``; as each table is cached once built, each time is that table's own work
(checks' time excludes the events, places and relations it reads). A side that runs out of time
shows the tables it finished and "timeout". Nothing here asserts on time.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("paragraphs", "sentences", "claims", "events", "places", "relations", "checks")
PUBLISHED = "2016-12-15"

TOWNS = ("Mosul", "Qayyarah", "Bashiqa", "Baghdad", "Tal Afar", "Hamdaniya", "Bartella", "Karamles",
         "Gogjali", "Shura", "Hammam al-Alil", "Nimrud", "Tel Keppe", "Zummar", "Sinjar", "Rabia",
         "Makhmour", "Gwer", "Khazir", "Bakhdida", "Topzawa", "Fadiliya", "Naweran", "Bazwaya")
SOURCES = ("officials said", "the ministry said", "police said", "residents told Reuters",
           "according to the army", "a local official said", "the United Nations said",
           "aid workers said", "a spokesman for the Joint Operations Command said")
WHAT = ("people", "civilians", "fighters", "soldiers", "families", "militants", "children", "police officers")
VERBS = ("were killed", "were wounded", "died", "were displaced", "were arrested", "fled")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty")
DIRECTIONS = ("north", "south", "east", "west", "northeast", "southeast", "southwest", "northwest")
MONTHS = ("Oct.", "Nov.", "Dec.")
WEEKDAY_DATES = ("Wednesday, Nov. 9, 2016", "Monday, Oct. 17, 2016", "Friday, Dec. 2, 2016",
                 "Tuesday, Nov. 1, 2016", "Sunday, Dec. 4, 2016")
EVENTS = ("the attack on the market", "the offensive started", "the bridge was destroyed",
          "the checkpoint was seized", "the curfew was lifted", "the shelling began")

TEMPLATES = (
    "In {town}, {n} {what} {verb}.",
    "At least {n} {what} {verb} in {town}, {source}.",
    "About {n} {what} {verb} near {town} on {mon} {day}.",
    "{Word} {what} {verb} in {town}, {source}.",
    "Hundreds of {what} fled {town} after {event} on {mon} {day}.",
    "The {n} clinics in {town}, with a combined {beds} beds, stayed open.",
    "{town} is some {km} kilometers ({mi} miles) {dir} of Mosul.",
    "Since {month}, {n} {what} {verb} in {town}, {source}.",
    "On {weekday}, {n} {what} entered {town}.",
    "Nearly {big} families left {town} after {event} on {mon} {day}, {source}.",
    "Up to {big} fighters remain in {town}, {source}.",
    "Between {n} and {n2} {what} {verb} in {town} in November.",
    "“We counted {n} bodies in {town},” a doctor told the Associated Press.",
    "More than {big} {what} have registered at the camp near {town}, {source}.",
    "The number of {what} killed in {town} rose to {n} on {mon} {day}, {source}.",
    "{Event} in {town} on {mon} {day}, {source}.",
    "Aid convoys reached {town} on {mon} {day}, after {event}.",
)


def sentence(rng: random.Random) -> str:
    km = rng.choice((5, 8, 12, 13, 20, 30, 45, 50, 60, 80, 120))
    n = rng.randint(2, 60)
    event = rng.choice(EVENTS)
    return rng.choice(TEMPLATES).format(
        town=rng.choice(TOWNS), n=n, n2=n + rng.randint(3, 40), big=f"{rng.randrange(100, 20_000, 50):,}",
        what=rng.choice(WHAT), verb=rng.choice(VERBS), source=rng.choice(SOURCES),
        Word=rng.choice(NUMBER_WORDS).capitalize(), mon=rng.choice(MONTHS), day=rng.randint(1, 28),
        month=rng.choice(("October", "November", "early December")), event=event,
        Event=event[0].upper() + event[1:],
        beds=rng.randrange(40, 900, 10), km=km, mi=round(km / 1.609344 + rng.choice((0, 0, 0, 2))),
        dir=rng.choice(DIRECTIONS), weekday=rng.choice(WEEKDAY_DATES),
    )


def claim_dense_text(nbytes: int, seed: int = 2016) -> str:
    """A headline and paragraphs of 3-5 template sentences, cut at a paragraph once ``nbytes``
    (UTF-8) is reached. The same seed gives the same text; a larger size extends a smaller one."""
    rng = random.Random(seed)
    parts = ["Casualties mount as the offensive on Mosul enters its eighth week"]
    size = len(parts[0].encode("utf-8"))
    while size < nbytes:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(3, 5)))
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


def measure(nbytes: int) -> dict:
    """Time every table of one article of ``nbytes`` (run in a child process)."""
    import claimframe

    text = claim_dense_text(nbytes)
    out = {"bytes": len(text.encode("utf-8")), "lib": str(Path(claimframe.__file__).parent), "tables": {}}
    article = claimframe.read_text(text, published=PUBLISHED)
    for name in TABLES:
        t0 = time.perf_counter()
        table = getattr(article, name)
        out["tables"][name] = {"seconds": time.perf_counter() - t0, "rows": len(table)}
        print(json.dumps({"table": name, **out["tables"][name]}), flush=True)  # partial results
    return out


def run_child(nbytes: int, lib: Path | None, timeout: float) -> dict:
    env = dict(os.environ)
    if lib is not None:
        env["PYTHONPATH"] = str(lib) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    cmd = [sys.executable, __file__, "--child", str(nbytes)]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
        stdout, timed_out = proc.stdout, False
        if proc.returncode != 0:
            raise SystemExit(f"child failed ({nbytes} bytes, lib {lib}):\n{proc.stderr[-3000:]}")
    except subprocess.TimeoutExpired as exc:
        stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        timed_out = True
    tables, result = {}, None
    for line in stdout.splitlines():
        rec = json.loads(line)
        if "table" in rec:
            tables[rec["table"]] = rec
        else:
            result = rec
    return {"tables": tables, "timed_out": timed_out, "wall": time.perf_counter() - t0,
            "lib": (result or {}).get("lib", str(lib))}


def report(label: str, nbytes: int, res: dict) -> None:
    cells = []
    for name in TABLES:
        t = res["tables"].get(name)
        cells.append(f"{t['seconds']:8.2f}" if t else f"{'timeout' if res['timed_out'] else '-':>8}")
    checks = res["tables"].get("checks")
    total = sum(t["seconds"] for t in res["tables"].values())
    print(f"{label:<6}{nbytes / 1000:>8,.0f} " + " ".join(cells)
          + f" {total:8.2f} {checks['rows'] if checks else '-':>8}"
          + (f"  (stopped at {res['wall']:.0f} s)" if res["timed_out"] else ""), flush=True)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kb", type=float, nargs="+", default=[10, 100, 1000], help="sizes in KB (1,000 bytes)")
    p.add_argument("--compare", type=Path, help="another library directory (e.g. /tmp/old/lib) to time too")
    p.add_argument("--lib", type=Path, help="the library directory to time as 'new' (default: the installed one)")
    p.add_argument("--timeout", type=float, default=180, help="seconds per side and size (default 180)")
    p.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child is not None:
        print(json.dumps(measure(args.child)), flush=True)
        return
    sides = [("new", args.lib.resolve() if args.lib else None)] + (
        [("old", args.compare.resolve())] if args.compare else [])
    print("seconds per table (each table's own work; checks excludes the tables it reads); "
          "last column: rows of checks")
    print(f"{'side':<6}{'KB':>8} " + " ".join(f"{n[:8]:>8}" for n in TABLES) + f" {'total':>8} {'checks':>8}")
    libs = {}
    for kb in args.kb:
        nbytes = int(kb * 1000)
        for label, lib in sides:
            res = run_child(nbytes, lib, args.timeout)
            libs[label] = res["lib"]
            report(label, nbytes, res)
    for label, lib in libs.items():
        print(f"{label}: {lib}")


if __name__ == "__main__":
    main()
