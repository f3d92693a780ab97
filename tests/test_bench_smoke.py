"""bench/extract.py runs: a smoke test on tiny inputs (about 10 s, mostly quantulum3's model load).

Nothing here asserts on speed or memory; the benchmark reports those, it does not test them.
"""
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import bench_module

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "extract.py"


@pytest.fixture(scope="module")
def bench():
    with bench_module("extract") as module:
        yield module


def test_corpus_is_deterministic_and_reaches_the_size(bench):
    sources = bench.load_sources()
    assert len(sources) >= 2 and all(s.text.strip() for s in sources)
    corpus = bench.build_corpus(20_000)
    assert corpus == bench.build_corpus(20_000)
    assert sum(s.nbytes for s in corpus) >= 20_000
    assert sum(s.nbytes for s in corpus[:-1]) < 20_000  # stops as soon as the size is reached
    assert [s.name for s in corpus[:len(sources)]] == [s.name for s in sources]  # round-robin


def test_claimframe_side_reports_every_figure(bench):
    result = bench.run_side("claimframe", bench.build_corpus(20_000))
    assert result["side"] == "claimframe"
    assert result["chars"] == sum(len(s.text) for s in bench.build_corpus(20_000))
    assert result["articles"] > result["distinct_articles"] >= 2
    assert result["outputs"] > 0 and result["seconds"] > 0 and result["chars_per_s"] > 0
    assert result["heap_peak_per_article_mib"] > 0


def test_report_states_ratio_targets_and_extrapolation(bench):
    def side(name, chars_per_s):
        return {"side": name, "articles": 3, "distinct_articles": 2, "chars": 9000, "bytes": 9000,
                "seconds": 9000 / chars_per_s, "chars_per_s": chars_per_s, "outputs": 5, "warmup_s": 0.1,
                "rss_after_warmup_mib": 50.0, "rss_peak_mib": None, "heap_peak_per_article_mib": 0.2}

    imports = [{"modules": "claimframe", "median_s": 0.05, "runs_s": [0.05], "heavy_loaded": []}]
    runs = {"claimframe": [side("claimframe", 1000.0), side("claimframe", 900.0), side("claimframe", 3000.0)],
            "corpus": [side("corpus", 6000.0), side("corpus", 5000.0), side("corpus", 5500.0)],
            "baseline": [side("baseline", 100.0), side("baseline", 50.0), side("baseline", 100.0)]}
    text = bench.report(runs, imports)
    # ratios are taken within a round: 10x, 18x, 30x for claimframe; 60x, 100x, 55x for corpus
    assert "ratio claimframe / baseline throughput: 18.0x median of 3 round(s) (10.0x 18.0x 30.0x" in text
    assert "ratio corpus / baseline throughput: 60.0x median of 3 round(s) (60.0x 100.0x 55.0x" in text
    assert "NOT MET" in text and "target >= 50x: MET" in text
    assert "EXTRAPOLATED" in text and "n/a" in text
    assert "1,000 900 3,000" in text  # every round's throughput is shown
    assert "import claimframe: median 50 ms" in text and "heavy modules loaded: none" in text


def test_quick_run_end_to_end():
    pytest.importorskip("quantulum3")
    pytest.importorskip("dateparser")
    proc = subprocess.run([sys.executable, str(SCRIPT), "--quick"], capture_output=True, text=True,
                          cwd=ROOT, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    for expected in ("claimframe ", "corpus ", "baseline ", "chars/s", "ratio claimframe / baseline throughput",
                     "ratio corpus / baseline throughput",
                     "import claimframe: median", "import pandas: median"):
        assert expected in out, out
