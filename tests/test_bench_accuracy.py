"""bench/accuracy.py: its scoring rules on cases written here, and a clean exit without corpora."""
from pathlib import Path

import pytest

from .conftest import bench_module

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def acc():
    with bench_module("accuracy") as module:
        yield module


def test_detokenise_undoes_the_spaces_around_numbers_and_signs(acc):
    assert acc.detokenise("about $ 14 million , he said .") == "about $14 million, he said."
    assert acc.detokenise("rose to c $ 16.4 million") == "rose to C$16.4 million"
    assert acc.detokenise("won a $ 48 million contract") == "won a $48 million contract"


def test_units_are_compared_after_conversion(acc):
    assert acc.to_base(200, "pound-mass") == ("mass", pytest.approx(90.718474))
    assert acc.to_base(212, "degree fahrenheit") == ("temperature", pytest.approx(100))
    assert acc.to_base(5, "furlong") is None


def test_score_counts_found_wrong_missed_and_extra(acc):
    cases = [{"input": "It weighs 200 lbs and costs 5 dollars, 7 ways.",
              "expected": [{"start": 10, "end": 17, "text": "200 lbs", "dim": "mass", "value": 90.718474,
                            "low": None, "high": None, "scope": None},
                           {"start": 28, "end": 37, "text": "5 dollars", "dim": "money:USD", "value": 5.0,
                            "low": None, "high": None, "scope": None}]}]
    preds = [[{"start": 10, "end": 17, "kind": "measure", "hedge": "exact", "value": 90.718474, "low": None,
               "high": None, "unit": "kg"},
              {"start": 28, "end": 37, "kind": "count", "hedge": "exact", "value": 5.0, "low": None,
               "high": None, "unit": None},
              {"start": 39, "end": 40, "kind": "count", "hedge": "exact", "value": 7.0, "low": None,
               "high": None, "unit": None}]]
    t = acc.score(cases, preds, "claimframe", "dimension")
    assert (t["found"], t["wrong"], t["missed"]) == (1, 1, 0)
    assert t["extra"] == 0  # a count is no extra on the dimension suite
    assert acc.score(cases, preds, "claimframe", "q3")["extra"] == 1


def test_no_corpora_is_said_and_exits_0(acc, tmp_path, capsys):
    assert acc.main(["--corpora", str(tmp_path)]) == 0
    assert "not found" in capsys.readouterr().out
