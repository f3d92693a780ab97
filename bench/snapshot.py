"""Snapshot every table of many texts, and compare two snapshots: proof that a refactoring
changed no output (or exactly the outputs it names).

    python bench/snapshot.py write DIR          # every table of every text, pickled into DIR
    python bench/snapshot.py compare OLD NEW    # which tables differ, and how

The texts: every article in data/articles/, every fixture in tests/fixtures/articles/, and
300 mixes of their sentences (seeded, so both sides get the same texts). Sentences are cut with
a plain regex here, not with claimframe, so the texts do not depend on the code under test.
Run `write` with the old code (e.g. PYTHONPATH=<old checkout>/lib) and with the new.
"""
from __future__ import annotations

import argparse
import pickle
import random
import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("paragraphs", "sentences", "claims", "events", "places", "relations", "checks")
MIXES = 300


def texts() -> dict[str, tuple[str, dict]]:
    """id -> (text, meta) for every text of the snapshot."""
    out = {}
    folders = [*sorted((ROOT / "data" / "articles").iterdir()),
               *sorted((ROOT / "tests" / "fixtures" / "articles").iterdir())]
    sentences = []
    for folder in folders:
        if not (folder / "article.txt").is_file():
            continue
        text = (folder / "article.txt").read_text(encoding="utf-8")
        out[f"{folder.parent.name}/{folder.name}"] = (str(folder), {})  # loaded with its meta.toml
        sentences += [s for s in re.split(r"(?<=[.!?”])\s+", text) if s.strip()]
    rng = random.Random(20161215)
    for i in range(MIXES):
        picked = rng.sample(sentences, k=min(len(sentences), rng.randint(1, 12)))
        joiner = rng.choice([" ", "\n\n", "\n"])
        out[f"mix/{i:03d}"] = (joiner.join(picked), {"published": "2016-12-15"})
    return out


def write(folder: Path) -> None:
    import claimframe

    folder.mkdir(parents=True, exist_ok=True)
    snapshot = {}
    for key, (text, meta) in texts().items():
        article = (claimframe.load_article(text) if not meta else
                   claimframe.read_text(text, published=meta["published"]))
        snapshot[key] = {name: getattr(article, name) for name in TABLES}
    with open(folder / "tables.pickle", "wb") as f:
        pickle.dump(snapshot, f)
    print(f"{len(snapshot)} texts x {len(TABLES)} tables -> {folder / 'tables.pickle'}")


def compare(old: Path, new: Path) -> int:
    a = pickle.loads((old / "tables.pickle").read_bytes())
    b = pickle.loads((new / "tables.pickle").read_bytes())
    differ = 0
    for key in sorted(set(a) | set(b)):
        for name in TABLES:
            x, y = a.get(key, {}).get(name), b.get(key, {}).get(name)
            try:
                pd.testing.assert_frame_equal(x, y)
            except (AssertionError, TypeError) as exc:
                differ += 1
                first = str(exc).strip().splitlines()
                print(f"{key} {name}: {' | '.join(first[:4])}")
    total = len(set(a) | set(b)) * len(TABLES)
    print(f"{differ} of {total} tables differ")
    return 1 if differ else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("folder", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.command == "write":
        write(args.folder)
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
