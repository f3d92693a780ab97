"""Claims against hand-verified gold: the seed and the fixture articles written in other styles."""
import pandas as pd
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


def _entities(text):
    claims = claimframe.read_text(text, outlet="The Ledger", published="2021-08-16").claims
    return dict(zip(claims["text"], claims["entity"].astype(object).where(claims["entity"].notna(), None)))


@pytest.mark.parametrize("text, expected", [
    # the head of the noun phrase comes last, before a participle or a possessive
    ("They toured three suspected weapons sites classified as sensitive.", {"three": "sites"}),
    ("The 38,000 U.S. troops in the Gulf will stay.", {"38,000": "troops"}),
    ("Iraq opened eight of Saddam Hussein's presidential palaces.", {"eight": "palaces"}),
    ("It is to offer three Paribas shares for each one.", {"three": "shares"}),
    # a partitive: "eight of the 14 killings"
    ("Eight of the 14 killings since 1993 were investigated.", {"Eight": "killings", "14": "killings"}),
    # elided nouns, recovered from the same sentence
    ("Of the eight victims, three were stabbed and two were strangled.",
     {"eight": "victims", "three": "victims", "two": "victims"}),
    ("The academy has 1,200 students but would take 3,500 if it had the room.",
     {"1,200": "students", "3,500": "students"}),
    ("He ordered 10 of his men from a force of 500.", {"10": "men", "500": "men"}),
    ("The number of visitors to the park has fallen to fewer than 100,000.", {"fewer than 100,000": "visitors"}),
    # near misses: an age between commas, a number with nothing counted before it
    ("Prakash Shah, 58, a former ambassador, met 40 delegates.", {"58": None, "40": "delegates"}),
    ("The vote was 89 to 52.", {"89": None, "52": None}),
])
def test_entity_is_what_is_counted(text, expected):
    got = _entities(text)
    assert {k: got[k] for k in expected} == expected


def test_a_rate_counts_the_thing_not_the_period():
    text = "Employers added 250,000 jobs in October. Over the year, payrolls grew by 200,000 a month."
    got = _entities(text)
    assert got["250,000"] == "jobs" and got["200,000"] == "jobs"
    # without a count before it the text does not say what is counted
    assert _entities("Payrolls grew by 200,000 a month.")["200,000"] is None


def test_the_n_forecast_by_economists_counts_no_forecast():
    got = _entities("Employers added 180,000 jobs, short of the 235,000 forecast by economists.")
    assert got == {"180,000": "jobs", "235,000": "jobs"}


@pytest.mark.parametrize("text, expected", [
    ("In all, an estimated 20,000 American GIs have massed.", {"an estimated 20,000": "GIs"}),
    ("It plans to double the two nations' trade turnover.", {"two": "nations"}),
    ("It will buy 4 million of its 4.9 million shares.", {"4 million": "shares", "4.9 million": "shares"}),
    ("The two Slavic neighbors see themselves as partners.", {"two": "neighbors"}),
])
def test_entity_head_in_wire_copy(text, expected):
    got = _entities(text)
    assert {k: got[k] for k in expected} == expected


def test_a_noun_said_once_for_two_numbers():
    got = _entities("There were four or five people inside, and between 300 and 400 cars outside.")
    assert got["four"] == got["five"] == "people"


def test_a_total_before_of_which_counts_what_the_sentence_counts():
    got = _entities("Selling 1.8 million shares will bring the total to 28.7 million, of which 72% is held "
                    "by insiders.")
    assert got["1.8 million"] == got["28.7 million"] == "shares"


def test_a_hedge_inside_a_partitive():
    got = _entities("Upjohn will trim only about 275 to 350 of its more than 21,000 jobs world-wide.")
    assert got["275 to 350"] == got["more than 21,000"] == "jobs"


@pytest.mark.parametrize("text, expected", [
    # "a year ago" is no rate: the noun comes from the count before it
    ("It has 13 facilities in operation, up from seven a year ago.", {"13": "facilities", "seven": "facilities"}),
    # a conversion in brackets takes no noun; nor does a number after a multiplier
    ("The party will pay 549,000 marks (dlrs 305,000) to 4 donors.", {"dlrs 305,000": None, "4": "donors"}),
    ("The chip holds four times as many parts as its earlier chip, 80386.", {"80386": None}),
])
def test_elided_nouns_are_not_taken_where_the_text_does_not_say(text, expected):
    got = _entities(text)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    # the period of a rate is kept apart from what is counted
    ("Employers added 358,000 jobs a month last year, the Labor Department said.", ("358,000", "jobs", "month")),
    ("Payrolls grew by an average of 200,000 a month.", ("200,000", None, "month")),
    ("Care workers earn $15 an hour, the union said.", ("$15", None, "hour")),
    ("Some 1,200 migrants arrive each day, officials say.", ("Some 1,200", "migrants", "day")),
    ("The convoy covered 40 miles per day.", ("40 miles", None, "day")),
    # near misses: a time, a price per share, a percent, a clause after a comma
    ("Seven protesters a year ago were fined.", ("Seven", "protesters", None)),
    ("The fund paid $4 a share.", ("$4", None, None)),
    ("Inflation was 3 per cent in May.", ("3 per cent", None, None)),
    ("About 40 people, a day after the storm, returned.", ("About 40", "people", None)),
])
def test_rate_period_is_its_own_column(text, expected):
    claims = claimframe.read_text(text, published="2021-08-16").claims
    row = claims[claims["text"] == expected[0]].iloc[0]
    got = tuple(None if pd.isna(v) else v for v in (row["text"], row["entity"], row["per"]))
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # a people's name in -is or -us is a plural at the end of the noun phrase
    ("Extremists killed more than 500,000 minority Tutsis in 1994.", "tutsis"),
    ("About 2 million Rwanda Hutus fled.", "hutus"),
    ("About 200,000 Israelis marched.", "israelis"),
    # near misses: in lower case those endings are singular, and a name before the noun is no head
    ("Some 40 Marcus Garvey fans came.", "fans"),
    ("The census counted 300 people.", "people"),
    # a noun joined to the number by a hyphen is what is counted
    ("A seven-member panel will lead the inquiry.", "member"),
    ("They built a 700-room hotel.", "room"),
    # near miss: a participle after the hyphen counts nothing
    ("It sold 486-based computers.", None),
])
def test_what_is_counted_in_names_of_peoples_and_compounds(text, expected):
    claims = claimframe.read_text(text).claims
    entity = claims.loc[claims["kind"] == "count", "entity"].iloc[0]
    assert (None if pd.isna(entity) else entity) == expected
