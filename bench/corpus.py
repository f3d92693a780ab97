"""Corpus memory and throughput: many articles through claimframe.corpus / iter_corpus.

Memory (the default): ``claimframe.corpus`` in process (or on Dask with ``--engine dask``) over
``--n`` articles (default 10,000), every table by default. The articles are the texts of
data/articles/* and tests/fixtures/articles/* (with their meta.toml), repeated round-robin as
separate items with their own ids. Prints the resident memory (RSS) after a warm-up ("start"),
every ``--every`` articles, and after corpus() has returned with every table held ("end"), the
growth from start to end, and the size of the tables themselves: memory that stays flat apart
from the result means corpus() holds nothing per article but its rows.

    .venv/bin/python bench/corpus.py                          # 10,000 articles, all tables
    .venv/bin/python bench/corpus.py --n 2000 --tables claims events
    .venv/bin/python bench/corpus.py --engines                # throughput: in process, Dask x1, x2

Engines (``--engines``): generated article-sized texts (real paragraphs shuffled,
deterministic) streamed through ``iter_corpus`` in process and on a Dask LocalCluster with 1 and
2 workers, each in its own fresh process; characters per second and RSS at 10 %, 50 % and 100 %.
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
ALL_TABLES = ("paragraphs", "sentences", "claims", "events", "places", "relations", "checks")


def rss_mib() -> float:
    """This process's resident memory now (Linux /proc), or its peak (getrusage) elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def peak_rss_mib() -> float | None:
    """The process's peak resident memory so far (Linux VmHWM), or None."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


# --- memory: corpus() over repeated real articles -------------------------------------------------
def article_sources() -> list[tuple]:
    """(name, text, meta) of every article in data/articles and tests/fixtures/articles."""
    import claimframe

    folders = [*sorted((ROOT / "data" / "articles").glob("*/")),
               *sorted((ROOT / "tests" / "fixtures" / "articles").glob("*/"))]
    out = []
    for folder in folders:
        if (folder / "article.txt").is_file():
            article = claimframe.load_article(folder)
            out.append((folder.name, article.text, dict(article.meta)))
    return out


def repeated(sources: list[tuple], n: int, every: int, marks: list):
    """n items (article_id, text, meta), the sources round-robin; every ``every`` items taken
    (that is, once that many articles are done in process) the RSS is noted in ``marks``."""
    for i in range(n):
        if i and i % every == 0:
            marks.append((i, rss_mib()))
            print(f"  {i:>7,} articles  RSS {marks[-1][1]:8.1f} MiB", flush=True)
        name, text, meta = sources[i % len(sources)]
        yield (f"{name}-{i:06d}", text, meta)


def memory(n: int, tables: tuple, every: int, engine: str, workers: int) -> dict:
    import claimframe

    client = cluster = None
    if engine == "dask":
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    sources = article_sources()
    claimframe.corpus(sources, tables=tables, client=client)  # warm-up: imports, regexes, the gazetteer
    marks = [(0, rss_mib())]
    print(f"claimframe.corpus memory: {n:,} articles ({len(sources)} texts repeated), engine {engine}"
          f"{f' x{workers}' if client else ''}, tables: {', '.join(tables)}")
    print(f"  {'start':>7}           RSS {marks[0][1]:8.1f} MiB", flush=True)
    start = time.perf_counter()
    result = claimframe.corpus(repeated(sources, n, every, marks), tables=tables, client=client)
    seconds = time.perf_counter() - start
    marks.append((n, rss_mib()))
    rows = {name: len(df) for name, df in result.tables.items()}
    table_mib = sum(df.memory_usage(deep=True).sum() for df in result.tables.values()) / 2**20
    growth, peak = marks[-1][1] - marks[0][1], peak_rss_mib()
    print(f"  {'end':>7}           RSS {marks[-1][1]:8.1f} MiB   ({n:,} articles, {sum(rows.values()):,} rows,"
          f" {len(result.errors)} errors, {seconds:.0f} s, {n / seconds:.1f} articles/s)")
    print(f"RSS growth over the run: {growth:+.1f} MiB ({growth / n * 1000:+.1f} MiB per 1,000 articles); "
          f"the tables themselves: {table_mib:.1f} MiB")
    if peak is not None:
        print(f"peak RSS {peak:.1f} MiB: {peak - marks[0][1]:+.1f} MiB above the start")
    if client is not None:
        client.close()
        cluster.close()
    return {"articles": n, "tables": list(tables), "engine": engine, "seconds": round(seconds, 1),
            "rows": rows, "rss_mib": [(i, round(m, 1)) for i, m in marks], "growth_mib": round(growth, 1),
            "peak_rss_mib": peak and round(peak, 1), "tables_mib": round(table_mib, 1)}


# --- engines: iter_corpus throughput in process and on Dask ----------------------------------------
def generate(n: int, seed: int = 2016):
    """n article-sized texts made by shuffling real paragraphs (deterministic), one at a time."""
    paragraphs = [p for src in SOURCES for p in src.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(seed)
    for i in range(n):
        body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(8, 16)))
        yield (f"generated-{i:05d}", f"Generated story {i}\n\n" + "\n\n".join(body), {"published": "2016-12-15"})


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


def engines(n: int, tables: tuple) -> None:
    results = []
    for spec in ("pandas:0", "dask:1", "dask:2"):
        out = subprocess.run([sys.executable, __file__, "--n", str(n), "--tables", *tables, "--one", spec],
                             capture_output=True, text=True, cwd=ROOT)
        if out.returncode:
            sys.exit(f"{spec} failed:\n{out.stderr[-2000:]}")
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = results[0]["chars_per_s"]
    print(f"claimframe corpus benchmark: {n:,} generated articles, tables: {', '.join(tables)}")
    print(f"{'engine':<10} {'chars':>12} {'seconds':>9} {'chars/s':>10} {'vs pandas':>9}   RSS MiB at 10% / 50% / 100%")
    for r in results:
        m = r["rss_mib"]
        print(f"{r['engine']:<10} {r['chars']:>12,} {r['seconds']:>9.1f} {r['chars_per_s']:>10,} "
              f"{r['chars_per_s'] / base:>8.2f}x   {m.get('10%')} / {m.get('50%')} / {m.get('100%')}")
    print("RSS for dask is the client plus every worker; flat across the run means streaming works.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles (default 10,000)")
    parser.add_argument("--tables", nargs="+", help="tables to extract (default: all seven; claims with --engines)")
    parser.add_argument("--every", type=int, default=1_000, help="print RSS every this many articles (default 1,000)")
    parser.add_argument("--engine", choices=("pandas", "dask"), default="pandas", help="memory run's engine")
    parser.add_argument("--workers", type=int, default=2, help="Dask workers for --engine dask (default 2)")
    parser.add_argument("--json", help="also write the memory run's figures to this file")
    parser.add_argument("--engines", action="store_true", help="throughput of iter_corpus in process and on Dask")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one engine, print JSON
    args = parser.parse_args()
    if args.one or args.engines:
        tables = tuple(args.tables or ["claims"])
        if args.one:
            engine, workers = args.one.split(":")
            print(json.dumps(run(engine, args.n, int(workers), tables)))
        else:
            engines(args.n, tables)
        return
    figures = memory(args.n, tuple(args.tables or ALL_TABLES), args.every, args.engine, args.workers)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
