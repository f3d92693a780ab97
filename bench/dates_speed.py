"""Speed of date finding, old code and new side by side in one run, and whether they find the same.

    .venv/bin/python bench/dates_speed.py --baseline main            # lib/ of a git ref against this tree
    .venv/bin/python bench/dates_speed.py --old-lib /tmp/base/lib     # or any folder holding the package
    .venv/bin/python bench/dates_speed.py --baseline main --repeats 15 --check

Texts: the TimeML articles in ``../shared/corpora/timebank-dev`` (relative to the repository root),
tags stripped as bench/timebank.py does, each with its creation time as the published date. When
that folder is absent the bench says so and times nothing.

Each side runs in its own fresh interpreter with its own ``PYTHONPATH``, so the two versions of
``claimframe.extract.dates`` never share a process. A side first makes one untimed pass (imports,
regex compilation), then times ``find_dates`` over every text ``--repeats`` times with
``time.process_time`` (CPU time: the machine is shared, wall time measures the neighbours too) and
reports the best pass. The sides run in turn, ``--rounds`` times each, alternating which goes first;
the ratio printed is new/old within each round, and their median.

``--check`` also compares what both sides find: every mention's span, text, dates, precision and
flags, over the TimeBank texts and ``data/articles`` and ``tests/fixtures/articles`` (with their
published dates), each also with long and odd whitespace put in (after commas, around "the",
after full stops), each once with its published date and once without. It prints the first
differences and the count; 0 means the outputs are identical.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timebank import CORPUS, ROOT, _baseline_lib, corpus  # noqa: E402

_ARTICLE_DIRS = (ROOT / "data" / "articles", ROOT / "tests" / "fixtures" / "articles")


def texts(folder: Path) -> list[tuple[str, str, str | None]]:
    """(name, text, published ISO date) of every TimeBank article."""
    return [(name, doc["text"], doc["dct"]) for name, doc in corpus(folder).items()]


def article_texts() -> list[tuple[str, str, str | None]]:
    out = []
    for base in _ARTICLE_DIRS:
        for path in sorted(base.glob("*/article.txt")):
            meta_path = path.with_name("meta.toml")
            published = None
            if meta_path.exists():
                value = tomllib.loads(meta_path.read_text(encoding="utf-8")).get("published")
                published = value.isoformat() if isinstance(value, datetime.date) else value
            out.append((f"{base.name}/{path.parent.name}", path.read_text(encoding="utf-8"), published))
    return out


_RESPACED = {
    "respaced-comma": (", ", ",\n    \t"),
    "respaced-the": (" the ", " the \u3000\u00a0\t "),
    "respaced-dot": (". ", ".\u2009\u2009 \n\n"),
}


# --- workers: one side in its own interpreter, results as JSON on stdout ----------------------
def _worker_time(folder: Path, repeats: int) -> dict:
    from claimframe.extract.dates import find_dates

    docs = [(text, datetime.date.fromisoformat(dct)) for _, text, dct in texts(folder)]
    for text, published in docs:  # warm: imports, compiled patterns
        find_dates(text, published)
    best = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        for text, published in docs:
            find_dates(text, published)
        best = min(best, time.process_time() - t0)
    return {"best_s": best, "chars": sum(len(t) for t, _ in docs), "texts": len(docs)}


def _worker_snapshot(folder: Path) -> dict:
    from claimframe.extract.dates import find_dates

    items = texts(folder) if folder.is_dir() else []
    out = {}
    variants = []
    for name, text, dct in items + article_texts():
        variants.append((name, text, dct))
        for tag, (old, new) in _RESPACED.items():  # long and odd whitespace, which widens the rules' windows
            variants.append((f"{name} {tag}", text.replace(old, new), dct))
    for name, text, dct in variants:
        published = datetime.date.fromisoformat(dct) if dct else None
        for key, pub in ((f"{name} @{dct}", published), (f"{name} @none", None)):
            try:
                out[key] = [
                    [m.start, m.end, m.text, m.date and m.date.isoformat(), m.date_end and m.date_end.isoformat(),
                     m.precision, m.relative, m.year_stated, m.weekday]
                    for m in find_dates(text, pub)
                ]
            except Exception as exc:  # an error is an output too: both sides must raise the same
                out[key] = [[f"{type(exc).__name__}: {exc}"]]
    return out


def _run(lib: Path, args: list[str]) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    env = dict(os.environ, PYTHONPATH=str(lib))
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"worker {args} with PYTHONPATH={lib} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    old = ap.add_mutually_exclusive_group(required=False)
    old.add_argument("--baseline", metavar="REF", help="the old side: lib/ of this git ref (e.g. main)")
    old.add_argument("--old-lib", type=Path, metavar="DIR", help="the old side: this folder as PYTHONPATH")
    ap.add_argument("--new-lib", type=Path, default=ROOT / "lib", help="the new side (default: this tree's lib/)")
    ap.add_argument("--repeats", type=int, default=9, help="timed passes per side and round; the best counts")
    ap.add_argument("--rounds", type=int, default=2, help="each side runs this many times, alternating order")
    ap.add_argument("--check", action="store_true", help="also compare both sides' mentions")
    ap.add_argument("--worker", choices=("time", "snapshot"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker == "time":
        json.dump(_worker_time(args.corpus, args.repeats), sys.stdout)
        return 0
    if args.worker == "snapshot":
        json.dump(_worker_snapshot(args.corpus), sys.stdout)
        return 0
    if not args.corpus.is_dir():
        print(f"TimeBank not found at {args.corpus}: nothing to time.")
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        sides: dict[str, Path] = {}
        if args.baseline:
            sides[f"old ({args.baseline})"] = _baseline_lib(args.baseline, Path(tmp))
        elif args.old_lib:
            sides[f"old ({args.old_lib})"] = args.old_lib
        sides["new (this tree)" if args.new_lib == ROOT / "lib" else f"new ({args.new_lib})"] = args.new_lib
        names = list(sides)
        times: dict[str, list[float]] = {name: [] for name in names}
        info = {}
        worker = ["--worker", "time", "--corpus", str(args.corpus), "--repeats", str(args.repeats)]
        for r in range(args.rounds):
            order = names if r % 2 == 0 else names[::-1]
            for name in order:
                info = _run(sides[name], worker)
                times[name].append(info["best_s"])
        print(f"find_dates over {info['texts']} TimeBank texts, {info['chars'] / 1000:.0f} K characters; "
              f"CPU time, best of {args.repeats} passes, {args.rounds} rounds\n")
        rounds = "".join(f"{'round ' + str(r + 1):>12}" for r in range(args.rounds))
        print(f"{'side':<40}{rounds}{'K chars/s':>12}")
        for name in names:
            cells = "".join(f"{t * 1000:>9.1f} ms" for t in times[name])
            print(f"{name:<40}{cells}{info['chars'] / min(times[name]) / 1000:>12.0f}")
        if len(names) == 2:
            ratios = [n / o for o, n in zip(times[names[0]], times[names[1]])]
            print(f"\nnew / old per round: {', '.join(f'{r:.2f}' for r in ratios)}; "
                  f"median {statistics.median(ratios):.2f}")
        if args.check and len(names) == 2:
            snaps = [_run(sides[name], ["--worker", "snapshot", "--corpus", str(args.corpus)]) for name in names]
            diffs = []
            for key in sorted(set(snaps[0]) | set(snaps[1])):
                a, b = snaps[0].get(key), snaps[1].get(key)
                if a != b:
                    a, b = a or [], b or []
                    only_a = [x for x in a if x not in b]
                    only_b = [x for x in b if x not in a]
                    diffs += [(key, "old", x) for x in only_a] + [(key, "new", x) for x in only_b]
            n_mentions = sum(len(v) for v in snaps[0].values())
            print(f"\noutputs compared: {len(snaps[0])} text/date runs, {n_mentions} mentions of the old side; "
                  f"{len(diffs)} differ")
            for key, side, row in diffs[:20]:
                print(f"  {key}: only {side}: {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
