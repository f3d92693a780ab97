"""How many verdicts survive when several processes save to one article folder at once.

    .venv/bin/python bench/review_concurrency.py                 # 4 writers x 50 claims, 5 rounds
    .venv/bin/python bench/review_concurrency.py --unlocked      # the same without the file lock
    .venv/bin/python bench/review_concurrency.py --writers 8 --per-writer 100 --json /tmp/rc.json

Each round starts ``--writers`` processes on a fresh empty folder, released together by a barrier.
Writer ``w`` saves a verdict on its own claims ``c-w<w>-000`` .. (``--per-writer`` of them) through
``claimframe.io.review.save_review``, and every ``--per-writer / --shared`` saves also a verdict on
the one claim all writers share (``c-shared``). Afterwards the folder's review.csv is read and the
distinct claims found are counted: every writer's own claims plus ``c-shared`` should be there.
A lost verdict is one a writer saved without error that is not in the file.

``--unlocked`` saves through ``review._save_unlocked`` (read, merge, atomic write, without the
lock), which is what every save did before the lock: the same read-modify-write races between
processes, and the last rename wins. On a claimframe without the lock (an older checkout on
``PYTHONPATH``) both modes are unlocked; the output says which review module was measured.

This is a benchmark, not a test: it asserts nothing (tests/test_review.py does).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import sys
import tempfile
import time
from pathlib import Path

VERDICTS = ("verified", "disputed", "unverifiable")


def _writer(folder: str, writer: int, per_writer: int, shared: int, unlocked: bool, barrier, errors) -> None:
    from claimframe.io import review

    save = review._save_unlocked if unlocked and hasattr(review, "_save_unlocked") else review.save_review
    every = max(1, per_writer // shared) if shared else 0
    barrier.wait()
    for i in range(per_writer):
        cid = f"c-w{writer}-{i:03d}"
        try:
            save(folder, cid, VERDICTS[i % 3], note=f"writer {writer}", claim_text=cid)
            if every and i % every == 0:
                save(folder, "c-shared", VERDICTS[writer % 3], note=f"writer {writer}", claim_text="shared")
        except Exception as exc:  # counted and reported: a failed save is not a lost one
            errors.put(f"writer {writer}, {cid}: {type(exc).__name__}: {exc}")


def run_round(writers: int, per_writer: int, shared: int, unlocked: bool) -> dict:
    """One round on a fresh folder: the figures of the table the script prints."""
    from claimframe.io import review

    ctx = multiprocessing.get_context("spawn")  # fresh interpreters, as separate kernels would be
    folder = tempfile.mkdtemp(prefix="review-concurrency-")
    try:
        barrier, errors = ctx.Barrier(writers + 1), ctx.Queue()
        procs = [ctx.Process(target=_writer, args=(folder, w, per_writer, shared, unlocked, barrier, errors))
                 for w in range(writers)]
        for p in procs:
            p.start()
        barrier.wait()  # every writer has imported claimframe: time the saves alone
        start = time.perf_counter()
        for p in procs:
            p.join()
        seconds = time.perf_counter() - start
        failed = []
        while not errors.empty():
            failed.append(errors.get())
        expected = {f"c-w{w}-{i:03d}" for w in range(writers) for i in range(per_writer)}
        if shared:
            expected.add("c-shared")
        found = set(review.read_reviews(folder)["claim_id"]) & expected
        leftovers = sorted(p.name for p in Path(folder).iterdir() if p.name.endswith(".tmp"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    shared_saves = len(range(0, per_writer, max(1, per_writer // shared))) if shared else 0
    saves = writers * (per_writer + shared_saves)
    return {"writers": writers, "saves": saves, "verdicts_expected": len(expected), "verdicts_found": len(found),
            "lost": len(expected) - len(found), "failed_saves": len(failed), "errors": failed[:5],
            "temp_files_left": leftovers, "seconds": round(seconds, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--per-writer", type=int, default=50, help="distinct claims each writer saves")
    parser.add_argument("--shared", type=int, default=10, help="saves per writer on the one shared claim")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--unlocked", action="store_true", help="save without the lock (the old path)")
    parser.add_argument("--json", type=Path, help="write every round's figures here")
    args = parser.parse_args(argv)

    from claimframe.io import review

    locked = hasattr(review, "_save_unlocked") and not args.unlocked
    print(f"review module: {review.__file__}")
    print(f"mode: {'locked (save_review)' if locked else 'UNLOCKED'}; {args.writers} writer processes x "
          f"{args.per_writer} claims + {args.shared} saves each on one shared claim; {args.rounds} round(s)")
    print(f"{'round':>5} {'writers':>7} {'saves':>6} {'verdicts':>8} {'found':>6} {'lost':>5} {'failed':>6} "
          f"{'seconds':>8}")
    rounds = []
    for n in range(1, args.rounds + 1):
        r = run_round(args.writers, args.per_writer, args.shared, args.unlocked)
        rounds.append(r)
        print(f"{n:>5} {r['writers']:>7} {r['saves']:>6} {r['verdicts_expected']:>8} {r['verdicts_found']:>6} "
              f"{r['lost']:>5} {r['failed_saves']:>6} {r['seconds']:>8.2f}")
        for line in r["errors"]:
            print(f"      {line}")
        if r["temp_files_left"]:
            print(f"      temporary files left: {', '.join(r['temp_files_left'])}")
    expected = sum(r["verdicts_expected"] for r in rounds)
    lost = sum(r["lost"] for r in rounds)
    print(f"total: {lost} of {expected} verdicts lost, {sum(r['failed_saves'] for r in rounds)} saves failed, "
          f"{sum(r['seconds'] for r in rounds):.2f} s of saving")
    if args.json:
        args.json.write_text(json.dumps({"locked": locked, "module": review.__file__, "rounds": rounds}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
