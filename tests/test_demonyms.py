"""Demonyms as flagged place rows: "Russian officials" is a row of Russia with ``demonym`` true.
Texts written for these tests in several outlets' styles; gold read from the text."""
from __future__ import annotations

import pandas as pd
import pytest

from claimframe.extract.places import demonym_places, find_places, named_places, place_counts, place_mentions
from claimframe.extract.relations import find_relations
from claimframe.schema import validate


def demonyms(text: str) -> list[tuple[str, str | None, str | None]]:
    """[(text, country code, kind)] of the demonym rows, in text order."""
    return [(r["text"], r.get("country"), r.get("kind")) for r in place_mentions(text) if r["demonym"]]


@pytest.mark.parametrize("text,expected", [
    # Reuters
    ("MOSCOW (Reuters) - Russian officials said on Tuesday that talks with Turkish diplomats would "
     "resume.", [("Russian", "RU", "country"), ("Turkish", "TR", "country")]),
    # AP
    ("NAIROBI, Kenya (AP) — The Kenyan government said Iraqi forces were not involved.",
     [("Kenyan", "KE", "country"), ("Iraqi", "IQ", "country")]),
    # BBC: plurals and nouns for people
    ("Thousands of Saudis and Britons travelled, as did many Filipinos and Frenchmen.",
     [("Saudis", "SA", "country"), ("Britons", "GB", "country"), ("Filipinos", "PH", "country"),
      ("Frenchmen", "FR", "country")]),
    # Guardian: multi-word demonyms
    ("South African and North Korean delegations met Sri Lankan ministers.",
     [("South African", "ZA", "country"), ("North Korean", "KP", "country"), ("Sri Lankan", "LK", "country")]),
    # a demonym before a title or a person's name: still the country it refers to
    ("Russian President Vladimir Putin met Kenyan runner Eliud Kipchoge.",
     [("Russian", "RU", "country"), ("Kenyan", "KE", "country")]),
    # local US news: a state's people, a continent's
    ("Texans and European visitors packed the fair.", [("Texans", "US", "state"), ("European", None, "continent")]),
    # an adjective before a noun is the country even after "in"
    ("Jets flew in Russian airspace.", [("Russian", "RU", "country")]),
    # a capitalised word opening the sentence is no first name before an adjective (Guardian)
    ("Former British intelligence officials disagreed.", [("British", "GB", "country")]),
    # hyphened peoples (AP): one row each
    ("Turkish-Russian relations thawed.", [("Turkish", "TR", "country"), ("Russian", "RU", "country")]),
])
def test_demonyms_refer_to_their_place(text, expected):
    assert demonyms(text) == expected


@pytest.mark.parametrize("text", [
    "Mark Cuban said the deal was done. Cuban added that he was pleased.",  # a surname, twice
    "Rep. Phil English voted no, and Mr. English said why.",                 # a surname after a title
    "African American voters and Native Americans turned out; Irish Americans marched.",  # ethnic compounds
    "She ordered French fries, Swiss cheese and Turkish delight.",           # foods
    "The Spanish flu killed millions; a German shepherd barked.",
    "He answered in Russian. She speaks Spanish and French fluently.",       # languages
    "The Russian-language channel hired Spanish speakers.",
    "Kurdish and Arab fighters, Shiite militias and Latino voters.",         # no one place
])
def test_near_misses_are_not_demonym_rows(text):
    assert demonyms(text) == []


def test_a_longer_place_name_wins():
    rows = place_mentions("Flights to American Samoa, British Columbia and the Indian Ocean.")
    assert [(r["text"], r["demonym"]) for r in rows] == [
        ("American Samoa", False), ("British Columbia", False), ("Indian Ocean", False)]


def test_demonym_rows_resolve_in_context_and_keep_candidates():
    # Georgian: the country or the US state, settled by the article's places like any mention
    caucasus = place_mentions("Georgian troops left Tbilisi for the border.")
    assert [(r["text"], r["country"], r["kind"]) for r in caucasus if r["demonym"]] == [("Georgian", "GE", "country")]
    us = place_mentions("Georgian voters in Atlanta and Savannah lined up early.")
    assert [(r["text"], r["country"], r["kind"]) for r in us if r["demonym"]] == [("Georgian", "US", "state")]
    assert "Georgia (" in us[0]["candidates"]


def test_table_contract_and_counts_leave_demonyms_out():
    text = "Russian officials met in Moscow. Russia said Russian troops would stay."
    df = find_places(text)
    validate("places", df)
    assert df["demonym"].tolist() == [True, False, False, True]
    assert df["place_id"].nunique() == 2  # Russia (demonyms and the name) and Moscow
    counts = place_counts(df).set_index("label")
    assert counts.loc["Russia", "mentions"] == 1  # named once; the two "Russian" are not counted
    assert counts.loc["Russia", "spellings"] == "Russia"
    assert len(named_places(df)) == 2 and demonym_places(df)["text"].tolist() == ["Russian", "Russian"]
    # a table without the column (older output) is taken as it is
    plain = df.drop(columns="demonym")
    assert named_places(plain) is plain and demonym_places(plain).empty


def test_a_demonym_is_never_a_relation_anchor_or_subject():
    text = "The village lies 40 km north of Syrian positions, officials said."
    places = find_places(text)
    assert places["demonym"].tolist() == [True]
    claims = pd.DataFrame([{"claim_id": "c1", "kind": "distance", "start": 17, "end": 22, "sentence_id": 0,
                            "value": 40.0, "hedge": None}])
    assert text[17:22] == "40 km"
    assert find_relations(text, None, claims, places).empty


@pytest.mark.parametrize("text", [
    "Passengers on British Airways flights were delayed.",                  # a company
    "She is certified by the American Board of Radiology.",                 # a board
    "The European Centre for Disease Prevention and Control said so.",     # an agency's name
    "He teaches English and speaks fluent French which helps at work.",   # languages
    "Their French bulldog ran off.",                                         # a breed
])
def test_names_and_languages_opened_by_a_demonym(text):
    assert demonyms(text) == []
    assert all(r["text"] != "Centre" for r in place_mentions(text))
