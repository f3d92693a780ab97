"""Corpus throughput and memory: 10,000 generated article-sized texts, streamed through
claimframe in process and on a Dask LocalCluster with 1 and 2 workers.

Prints, per engine: articles, characters, seconds, characters per second, and the resident memory
(RSS) after 10 %, 50 % and 100 % of the corpus; flat figures mean the run streams (no text or
result is held once consumed). Each engine runs in its own fresh process so memory does not mix.

    .venv/bin/python bench/corpus.py                 # 10,000 articles, claims only
    .venv/bin/python bench/corpus.py --n 2000 --tables claims events places checks
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "data" / "articles" / "iraq-shiite-militias-2016" / "article.txt",
           *sorted((ROOT / "tests" / "fixtures" / "articles").glob("*/article.txt"))]


def generate(n: int, seed: int = 2016):
    """n article-sized texts made by shuffling real paragraphs (deterministic), one at a time."""
    paragraphs = [p for src in SOURCES for p in src.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(seed)
    for i in range(n):
        body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(8, 16)))
        yield (f"generated-{i:05d}", f"Generated story {i}\n\n" + "\n\n".join(body), {"published": "2016-12-15"})


def rss_mib() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def run(engine: str, n: int, workers: int, tables: tuple) -> dict:
    """One engine over n articles; results are consumed and dropped as they stream."""
    from claimframe import iter_corpus

    client = cluster = None
    if engine == "dask":
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
        client.run(lambda: __import__("claimframe").read_text("warm up 5 km", published="2016-12-15").claims)
    for _ in iter_corpus(generate(20, seed=1), engine=engine, client=client, tables=tables):
        pass  # warm-up: imports, regex compilation, the gazetteer
    checkpoints = {int(n * f): f for f in (0.1, 0.5, 1.0)}
    memory, chars, rows = {}, 0, 0
    start = time.perf_counter()
    texts = generate(n)

    def counted():
        nonlocal chars
        for item in texts:
            chars += len(item[1])
            yield item

    for i, result in enumerate(iter_corpus(counted(), engine=engine, client=client, tables=tables), 1):
        rows += sum(len(t) for t in result.get("tables", {}).values())
        if i in checkpoints:
            here = rss_mib()
            if client is not None:
                here += sum(client.run(rss_mib).values())
            memory[f"{int(checkpoints[i] * 100)}%"] = round(here, 1)
    seconds = time.perf_counter() - start
    if client is not None:
        client.close()
        cluster.close()
    return {"engine": engine if engine == "pandas" else f"dask x{workers}", "articles": n, "chars": chars,
            "rows": rows, "seconds": round(seconds, 2), "chars_per_s": round(chars / seconds), "rss_mib": memory}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles (default 10,000)")
    parser.add_argument("--tables", nargs="+", default=["claims"], help="tables to extract")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one engine, print JSON
    args = parser.parse_args()
    tables = tuple(args.tables)
    if args.one:
        engine, workers = args.one.split(":")
        print(json.dumps(run(engine, args.n, int(workers), tables)))
        return
    results = []
    for spec in ("pandas:0", "dask:1", "dask:2"):
        out = subprocess.run([sys.executable, __file__, "--n", str(args.n), "--tables", *tables, "--one", spec],
                             capture_output=True, text=True, cwd=ROOT)
        if out.returncode:
            sys.exit(f"{spec} failed:\n{out.stderr[-2000:]}")
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = results[0]["chars_per_s"]
    print(f"claimframe corpus benchmark: {args.n:,} generated articles, tables: {', '.join(tables)}")
    print(f"{'engine':<10} {'chars':>12} {'seconds':>9} {'chars/s':>10} {'vs pandas':>9}   RSS MiB at 10% / 50% / 100%")
    for r in results:
        m = r["rss_mib"]
        print(f"{r['engine']:<10} {r['chars']:>12,} {r['seconds']:>9.1f} {r['chars_per_s']:>10,} "
              f"{r['chars_per_s'] / base:>8.2f}x   {m.get('10%')} / {m.get('50%')} / {m.get('100%')}")
    print("RSS for dask is the client plus every worker; flat across the run means streaming works.")


if __name__ == "__main__":
    main()
