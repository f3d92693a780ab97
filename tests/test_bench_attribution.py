"""bench/attribution.py: its scoring rules and TimeML reading on cases written here, a clean exit
without the corpora, and every gold file of tests/real/attribution checked against the corpus text
(skipped, saying why, when ../shared/corpora is absent; CLAIMFRAME_CORPORA points elsewhere)."""
import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("CLAIMFRAME_CORPORA", ROOT.parent / "shared" / "corpora"))
GOLD_FILES = sorted((ROOT / "tests" / "real" / "attribution").rglob("*.json"))


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_attribution", ROOT / "bench" / "attribution.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


@pytest.mark.parametrize("predicted, readings, ok", [
    ("Sgt. Derek Glenn", "Derek Glenn|Glenn", True),     # a title before the name
    ("Ms. Atimadi", "Homira Atimadi|Atimadi", True),     # the surname after a title
    ("Glenn", "Derek Glenn", False),                     # the surname alone is not the full name
    ("the Pentagon", "Pentagon", True),                  # a leading article
    ("Kenya's national newspapers", "kenya's national newspapers", True),  # case
    ("The Ledger", "Reed International PLC|Reed", False),
    (None, "The Ledger", False),
])
def test_source_matching(bench, predicted, readings, ok):
    assert bench.source_matches(predicted, readings) is ok


def test_entity_matching(bench):
    assert bench.entity_matches("GIs", "GIs|American GIs")
    assert not bench.entity_matches(None, "troops")
    assert not bench.entity_matches("weapons", "sites|weapons sites")


def test_timeml_text_keeps_the_words_and_drops_the_tags(bench, tmp_path):
    path = tmp_path / "x.tml"
    path.write_text('<TimeML><DOCID>x</DOCID><TEXT>\nPolice said <TIMEX3 tid="t1">Friday</TIMEX3> that '
                    '<EVENT eid="e1">12</EVENT> died.\n</TEXT></TimeML>', encoding="utf-8")
    assert bench.timeml_text(path) == "\nPolice said Friday that 12 died.\n"
    (tmp_path / "y.tml").write_text("<html></html>", encoding="utf-8")
    with pytest.raises(ValueError, match="no <TEXT>"):
        bench.timeml_text(tmp_path / "y.tml")


def test_no_corpora_is_said_and_exits_0(bench, tmp_path, capsys):
    assert bench.main(["--corpora", str(tmp_path)]) == 0
    assert "is absent" in capsys.readouterr().out


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: str(p.relative_to(ROOT / "tests" / "real")))
def test_gold_file_fits_its_corpus_text(bench, path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    source = CORPORA / gold["corpus"] / gold["file"]
    if not source.exists():
        pytest.skip(f"{source} is absent: the gold refers to ../shared/corpora (or CLAIMFRAME_CORPORA)")
    [(checked, text)] = bench.load_gold_files([path], CORPORA)  # also checks the text's SHA-1
    assert checked["claims"], "a gold file with no claims"
    for claim in gold["claims"]:
        span = text[claim["start"]:claim["end"]]
        assert 0 <= claim["start"] < claim["end"] <= len(text) and span.strip() == span and span
        assert claim["source"].strip() and all(r.strip() for r in claim["source"].split("|"))
