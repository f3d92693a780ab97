"""CSV export neutralises spreadsheet formulas in text cells, through export.to_csv and the CLI.

The fixture tests/fixtures/checks/formula-injection starts every paragraph with a formula
character (=, +, -, @); numbers in numeric columns (-5) must come out untouched.
"""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import claimframe
from claimframe.io import export

REPO = Path(__file__).resolve().parent.parent
HOSTILE = REPO / "tests" / "fixtures" / "checks" / "formula-injection"
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def parse(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def assert_no_formula(records: list[dict]) -> None:
    for row in records:
        for col, cell in row.items():
            assert not cell.startswith(FORMULA), f"{col}: {cell!r} would run as a formula"


@pytest.fixture(scope="module")
def hostile():
    return claimframe.load_article(HOSTILE)


def test_fixture_is_hostile(hostile):
    starts = {s[0] for s in hostile.sentences["text"]}
    assert starts == {"=", "+", "-", "@"}


def test_to_csv_prefixes_formula_cells(hostile):
    records = parse(export.to_csv(hostile.sentences))
    assert_no_formula(records)
    texts = list(hostile.sentences["text"])
    assert [r["text"] for r in records] == ["'" + t for t in texts]  # the quote only; nothing else changes
    assert records[0]["text"].startswith("'=HYPERLINK(")


def test_to_csv_leaves_numbers_alone():
    df = pd.DataFrame({
        "n": pd.array([-5, 3], dtype="Int64"),
        "x": pd.array([-2.5, None], dtype="Float64"),
        "f": [-5.0, 1e-3],
        "s": pd.array(["-5", "+1"], dtype="string"),
        "o": ["=1+1", "plain"],
        "ws": ["\tTAB", "@at"],
    })
    records = parse(export.to_csv(df))
    assert [r["n"] for r in records] == ["-5", "3"]
    assert [r["x"] for r in records] == ["-2.5", ""]
    assert [r["f"] for r in records] == ["-5.0", "0.001"]
    assert [r["s"] for r in records] == ["'-5", "'+1"]  # text that looks like a number is still text
    assert [r["o"] for r in records] == ["'=1+1", "plain"]
    assert [r["ws"] for r in records] == ["'\tTAB", "'@at"]
    assert df["o"].tolist() == ["=1+1", "plain"]  # the input is not modified


def test_to_csv_to_a_file(tmp_path, hostile):
    path = tmp_path / "sentences.csv"
    assert export.to_csv(hostile.paragraphs, path) is None
    records = parse(path.read_text(encoding="utf-8"))
    assert_no_formula(records)
    assert len(records) == 4


@pytest.mark.parametrize("command", ["sentences", "paragraphs", "claims", "checks", "events"])
def test_cli_csv_is_safe(command):
    out = subprocess.run([sys.executable, "-m", "claimframe", command, str(HOSTILE)], capture_output=True,
                         text=True, cwd=REPO, check=False)
    assert out.returncode == 0, out.stderr
    records = parse(out.stdout)
    assert_no_formula(records)
    if command in ("sentences", "paragraphs"):
        assert records[0]["text"].startswith("'=HYPERLINK(")
        assert {r["text"][:2] for r in records} == {"'=", "'+", "'-", "'@"}
    if command == "claims":
        assert all(float(r["start"]) >= 0 for r in records)  # numeric columns are plain numbers


def test_to_csv_carriage_return_cell_is_prefixed():
    text = export.to_csv(pd.DataFrame({"s": ["\rCR"]}))
    assert text == 's\r\n"\'\rCR"\r\n'  # neutralised (the apostrophe first) and quoted (it holds a CR)


def test_to_csv_carriage_return_cell_round_trips():
    records = parse(export.to_csv(pd.DataFrame({"s": ["\rCR", "x"], "n": [1, 2]})))
    assert [r["s"] for r in records] == ["'\rCR", "x"]


def test_export_writes_every_format(tmp_path):
    import json
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "claimframe", "export", "iraq-shiite-militias-2016", "--to",
                        str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    for name in ("claims", "events", "places", "relations", "checks"):
        csv_rows = pd.read_csv(tmp_path / f"{name}.csv")
        parquet = pd.read_parquet(tmp_path / f"{name}.parquet")
        assert len(csv_rows) == len(parquet) > 0, name
    assert pd.read_parquet(tmp_path / "claims.parquet")["text"].tolist()[:1] == ["some 50 kilometers"]
    geo = json.loads((tmp_path / "places.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection"
    mosul = [f for f in geo["features"] if f["properties"].get("place_id") == "mosul"]
    assert mosul and mosul[0]["geometry"]["coordinates"] == pytest.approx([43.11889, 36.335])  # lon first
    timeline = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    dec4 = [e for e in timeline["events"] if e["start_date"] == {"year": 2016, "month": 12, "day": 4}]
    assert dec4, "training on Dec. 4 is on the TimelineJS timeline"
    november = [e for e in timeline["events"] if e["start_date"] == {"year": 2016, "month": 11}]
    assert november, "'in November' keeps month precision: no invented day"
