"""Claims against hand-verified gold: the seed and the fixture articles written in other styles."""
import pytest

import claimframe
from claimframe.io.gold import compare_claims, read_gold
from claimframe.schema import validate

from .conftest import DATA_ARTICLES, FIXTURE_ARTICLES, SEED


@pytest.mark.parametrize("folder", [*DATA_ARTICLES, *FIXTURE_ARTICLES], ids=lambda p: p.name)
def test_claims_match_gold_exactly(folder):
    article = claimframe.load_article(folder)
    gold = read_gold(folder / "claims.gold.csv", article.text)
    differences = compare_claims(article.claims, gold)
    assert differences.empty, "\n" + differences.to_string()


@pytest.mark.parametrize("folder", [*DATA_ARTICLES, *FIXTURE_ARTICLES], ids=lambda p: p.name)
def test_every_table_validates_and_spans_match(folder):
    article = claimframe.load_article(folder)
    for name in ("paragraphs", "sentences", "claims"):
        table = getattr(article, name)
        validate(name, table)
        for row in table.itertuples():
            assert article.text[row.start:row.end] == row.text


def test_seed_key_claims(seed_claims):
    c = seed_claims.set_index("text")
    guns = seed_claims[seed_claims["entity"] == "guns"].iloc[0]
    assert (guns["hedge"], guns["low"], guns["high"]) == ("vague", 200, 999)
    assert guns["value"] is claimframe.read_text("x 1").claims["low"].iloc[0]  # both NA
    assert c.loc["some 13 kilometers (8 miles)", "value"] == 13
    assert c.loc["some 13 kilometers (8 miles)", "conversion_value"] == 8
    assert c.loc["up to 900", "hedge"] == "at_most"
    assert c.loc["80,000 to 100,000", "source"] == "experts"
    assert str(c.loc["Dec. 4", "date"].date()) == "2016-12-04"
    assert not (seed_claims["text"] == "101").any()


def test_boilerplate_and_credit_yield_no_claims(seed, seed_claims):
    silent = seed.paragraphs[seed.paragraphs["role"].isin(["boilerplate", "credit"])]["paragraph_id"]
    assert not seed_claims["paragraph_id"].isin(silent).any()


def test_claim_ids_are_stable_and_survive_edits_elsewhere(seed):
    again = claimframe.load_article(SEED).claims
    assert again["claim_id"].tolist() == seed.claims["claim_id"].tolist()
    edited = claimframe.read_text("A new first paragraph with 7 words.\n\n" + seed.text,
                                  published=seed.published, outlet=seed.outlet)
    assert set(seed.claims["claim_id"]) <= set(edited.claims["claim_id"])


def test_month_day_after_published_belongs_to_previous_year():
    a = claimframe.read_text("Officials said training began on Dec. 20.", published="2017-01-12")
    assert str(a.claims["date"].iloc[0].date()) == "2016-12-20"


def test_no_published_date_leaves_yearless_dates_unresolved():
    a = claimframe.read_text("Officials said training began on Dec. 20.")
    assert a.claims["kind"].tolist() == ["date"]
    assert a.claims["date"].isna().all()


def test_an_article_with_nothing_to_report():
    a = claimframe.read_text("Nothing here is numeric at all.")
    assert a.claims.empty
    validate("claims", a.claims)


def test_a_sentence_printed_twice_gives_distinct_ids():
    a = claimframe.read_text("Police said 50 people came.\n\nPolice said 50 people came.")
    assert len(a.claims) == 2 and a.claims["claim_id"].is_unique


# --- numbers as news writes them, in the claims table ------------------------------------------

WIRE = """NAIROBI (Reuters) - Kenya's central bank said on Tuesday it sold 323 million euros of bonds and \
C$16.4 million of notes, while a Hong Kong unit raised HK$10.05 billion.

The bear weighed more than 1,300 pounds (600 kgs), wildlife officials said. Temperatures hit 100 degrees \
Fahrenheit (38 degrees Celsius) and winds reached 188 miles an hour.

For details call (254-2) 751-613 or visit the office at 285 Toure Drive before 2 p.m. on Friday.
"""


def test_news_numbers_in_the_claims_table():
    a = claimframe.read_text(WIRE, outlet="Reuters")
    validate("claims", a.claims)
    rows = {r.text: r for r in a.claims[a.claims["kind"] != "date"].itertuples()}
    assert set(rows) == {"323 million euros", "C$16.4 million", "HK$10.05 billion",
                         "more than 1,300 pounds (600 kgs)", "100 degrees Fahrenheit (38 degrees Celsius)",
                         "188 miles an hour"}
    assert [rows[t].unit for t in ("323 million euros", "C$16.4 million", "HK$10.05 billion")] == [
        "EUR", "CAD", "HKD"]
    bear = rows["more than 1,300 pounds (600 kgs)"]
    assert (bear.kind, bear.unit, bear.unit_stated, bear.hedge) == ("measure", "kg", "lb", "at_least")
    assert bear.value == pytest.approx(589.670081) and (bear.conversion_value, bear.conversion_unit) == (600, "kg")
    heat = rows["100 degrees Fahrenheit (38 degrees Celsius)"]
    assert (heat.unit, heat.unit_stated, heat.conversion_unit) == ("degC", "degF", "degC")
    assert heat.value == pytest.approx(37.7777778)
    wind = rows["188 miles an hour"]
    assert (wind.kind, wind.unit, wind.unit_stated) == ("measure", "km/h", "mph")


def test_stated_conversions_of_new_units_are_checked():
    a = claimframe.read_text(WIRE, outlet="Reuters")
    checks = a.checks[a.checks["kind"] == "unit_conversion"]
    assert checks["status"].tolist() == ["ok", "ok"]  # 600 kg = 1,323 lb; 38 °C = 100.4 °F
    bad = claimframe.read_text("The lake covers 40 square miles (200 square kilometres), officials said.")
    status = bad.checks[bad.checks["kind"] == "unit_conversion"]["status"].tolist()
    assert status == ["fail"]  # 40 sq mi is 104 km2


def test_transcript_years_and_names_are_no_claims():
    a = claimframe.read_text("BROWN: Back in nineteen ninety-eight, the FBI's Ten Most Wanted list had "
                             "a five-star general on it, and 30-year Treasury bond yields fell, he said.")
    assert a.claims[a.claims["kind"] != "date"].empty
