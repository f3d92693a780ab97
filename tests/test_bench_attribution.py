"""bench/attribution.py: its scoring rules and TimeML reading on cases written here, a clean exit
without the corpora, and every gold file of tests/real/attribution checked against the corpus text
(skipped, saying why, when ../shared/corpora is absent; CLAIMFRAME_CORPORA points elsewhere)."""
import json
import os
from pathlib import Path

import pytest

from .conftest import bench_module

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("CLAIMFRAME_CORPORA", ROOT.parent / "shared" / "corpora"))
GOLD_FILES = sorted((ROOT / "tests" / "real" / "attribution").rglob("*.json"))


@pytest.fixture(scope="module")
def bench():
    with bench_module("attribution") as module:
        yield module


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


def _pred(**fields):
    return {"kind": None, "value": None, "low": None, "high": None, "unit": None, "conversion_value": None,
            "conversion_unit": None, "date": None, **fields}


@pytest.mark.parametrize("gold, pred, ok", [
    ({"kind": "money", "value": 89.7e6, "unit": "GBP"}, _pred(kind="money", value=89.7e6, unit="GBP"), True),
    ({"kind": "money", "value": 89.7e6, "unit": "GBP"}, _pred(kind="count", value=89.7e6), False),  # kind
    ({"kind": "money", "value": 89.7e6, "unit": "GBP"}, _pred(kind="money", value=89.7e6, unit="USD"), False),
    ({"kind": "money", "value": 0.16, "unit": "GBP"}, _pred(kind="money", value=16.0, unit="GBP"), False),
    # the stated conversion meets the gold claim of the amount in parentheses
    ({"kind": "money", "value": 141.9e6, "unit": "USD"},
     _pred(kind="money", value=89.7e6, unit="GBP", conversion_value=141.9e6, conversion_unit="USD"), True),
    ({"kind": "money", "low": 130e6, "high": 135e6, "unit": "GBP"},
     _pred(kind="money", low=130e6, high=135e6, unit="GBP"), True),
    ({"kind": "money", "low": 130e6, "high": 135e6, "unit": "GBP"}, _pred(kind="money", value=130e6, unit="GBP"),
     False),
    ({"kind": "date", "date": "1988-04-01|1988-10-01"}, _pred(kind="date", date="1988-10-01"), True),
    ({"kind": "date", "date": "1988-04-01|1988-10-01"}, _pred(kind="date", date="1988-01-01"), False),
    ({"kind": "count|duration", "value": "49|17896.8825", "unit": "|day"}, _pred(kind="count", value=49.0), True),
    ({"kind": "count|duration", "value": "49|17896.8825", "unit": "|day"},
     _pred(kind="duration", value=17896.8825, unit="day"), True),
    ({"kind": "duration", "value": 182.62125, "unit": "day"}, _pred(kind="duration", value=182.6213, unit="day"),
     True),  # within 0.01%
    ({"kind": "count", "value": 3}, _pred(kind="count", value=4.0), False),
])
def test_claim_matching(bench, gold, pred, ok):
    assert bench.claim_matches(gold, pred) is ok


def test_claim_fields_say_which_field_is_wrong(bench):
    fields = bench.claim_fields({"kind": "date", "date": "1989-10-31"}, _pred(kind="date", date="1989-10-24"))
    assert fields == {"kind": True, "unit": True, "date": False, "value": False}
    fields = bench.claim_fields({"kind": "money", "value": 0.06, "unit": "GBP"},
                                _pred(kind="money", low=0.06, high=3.88, unit="GBP"))
    assert fields == {"kind": True, "unit": True, "value": False}


def test_f1_from_gold_and_extracted_counts(bench):
    assert bench.f1([9, 10], [9, 9]) == "P1.00 R0.90 F0.95"
    assert bench.f1([0, 10], [0, 0]) == "P0.00 R0.00 F0.00"
    assert bench.f1([0, 0], [3, 5]) == "-"


KINDS = {"count", "distance", "date", "duration", "money", "percent", "measure", "rank"}


@pytest.mark.parametrize("path", [p for p in GOLD_FILES if "kind" in p.read_text(encoding="utf-8")],
                         ids=lambda p: str(p.relative_to(ROOT / "tests" / "real")))
def test_typed_gold_fields_are_well_formed(path):
    """Every claim of a gold file with kinds has one; values are numbers, dates ISO days, units as
    data/README.md's claim conventions write them (no text read: runs without the corpora)."""
    import datetime

    for claim in json.loads(path.read_text(encoding="utf-8"))["claims"]:
        kinds = claim["kind"].split("|")
        assert set(kinds) <= KINDS, claim
        for key in ("value", "low", "high"):
            for reading in str(claim.get(key, "")).split("|") if key in claim else []:
                float(reading)
        assert ("low" in claim) == ("high" in claim) and not ("value" in claim and "low" in claim), claim
        if "date" in kinds:
            for reading in claim["date"].split("|"):
                datetime.date.fromisoformat(reading)
        else:
            assert "date" not in claim, claim
            assert "value" in claim or "low" in claim, claim
        units = claim.get("unit", "").split("|")
        if kinds == ["count"] or kinds == ["rank"] or kinds == ["date"]:
            assert units == [""], claim
        else:
            assert all(u in {"", "km", "day", "percent", "km2", "kg", "L", "km/h", "degC"} or u.isupper()
                       for u in units), claim
