"""The number parser on phrases written for these tests (not the seed), including non-matches."""
import pytest

from claimframe.extract.numbers import find_quantities, parse_words


def one(text):
    qs = find_quantities(text)
    assert len(qs) == 1, [(text[q.start:q.end], q) for q in qs]
    q = qs[0]
    return text[q.start:q.end], q


@pytest.mark.parametrize("words, value", [
    ("seven", 7), ("two dozen", 24), ("four hundred", 400), ("twenty-five", 25),
    ("a hundred", 100), ("three thousand five hundred", 3500), ("ninety nine", 99), ("a dozen", 12),
])
def test_number_words(words, value):
    assert parse_words(words) == value


@pytest.mark.parametrize("sentence, span, kind, hedge, value, low, high, unit", [
    ("Rescuers found seven survivors.", "seven", "count", "exact", 7, None, None, None),
    ("Police detained two dozen protesters.", "two dozen", "count", "exact", 24, None, None, None),
    ("The camp holds four hundred families.", "four hundred", "count", "exact", 400, None, None, None),
    ("Tens of thousands of people marched.", "Tens of thousands", "count", "vague", None, 20_000, 99_999, None),
    ("Several hundred troops arrived.", "Several hundred", "count", "vague", None, 300, 900, None),
    ("Dozens of homes were flooded.", "Dozens", "count", "vague", None, 24, 99, None),
    ("The city has 1.5 million residents.", "1.5 million", "count", "exact", 1_500_000, None, None, None),
    ("The plan costs $1.5 billion.", "$1.5 billion", "money", "exact", 1.5e9, None, None, "USD"),
    ("Turnout was 40 percent.", "40 percent", "percent", "exact", 40, None, None, "percent"),
    ("Turnout was 40% this year.", "40%", "percent", "exact", 40, None, None, "percent"),
    ("Between 300 and 400 buses ran.", "Between 300 and 400", "count", "range", None, 300, 400, None),
    ("They counted 3,000-4,000 tents.", "3,000-4,000", "count", "range", None, 3000, 4000, None),
    ("They counted 3,000 to 4,000 tents.", "3,000 to 4,000", "count", "range", None, 3000, 4000, None),
    ("More than 200 shops closed.", "More than 200", "count", "at_least", 200, 200, None, None),
    ("Fewer than 50 voters came.", "Fewer than 50", "count", "at_most", 50, None, 50, None),
    ("Nearly 90 homes burned.", "Nearly 90", "count", "approx", 90, None, None, None),
    ("Roughly 600 officers patrol.", "Roughly 600", "count", "approx", 600, None, None, None),
    ("As many as 80 boats sank.", "As many as 80", "count", "at_most", 80, None, 80, None),
    ("An estimated 12,000 fled.", "An estimated 12,000", "count", "approx", 12_000, None, None, None),
    ("The toll is closer to 70 dead.", "closer to 70", "count", "approx", 70, None, None, None),
    ("The road runs 12 km north.", "12 km", "distance", "exact", 12, None, None, "km"),
    ("The town lies 30 kilometres away.", "30 kilometres", "distance", "exact", 30, None, None, "km"),
    ("The fire spread 10 miles.", "10 miles", "distance", "exact", 16.09344, None, None, "km"),
    ("The wall is 500 meters long.", "500 meters", "distance", "exact", 0.5, None, None, "km"),
    ("They had 48 hours to leave.", "48 hours", "duration", "exact", 2, None, None, "day"),
    ("It cost £2m to fix.", "£2m", "money", "exact", 2e6, None, None, "GBP"),
    ("A 40 or more strong crowd.", "40 or more", "count", "at_least", 40, 40, None, None),
])
def test_phrases(sentence, span, kind, hedge, value, low, high, unit):
    text, q = one(sentence)
    assert text == span
    assert (q.kind, q.hedge, q.unit) == (kind, hedge, unit)
    for got, want in ((q.value, value), (q.low, low), (q.high, high)):
        assert got == pytest.approx(want) if want is not None else got is None


def test_stated_conversion_is_one_claim():
    text, q = one("The village is about 8 kilometers (5 miles) east of the river.")
    assert text == "about 8 kilometers (5 miles)"
    assert (q.value, q.conversion_value, q.conversion_unit, q.unit_stated) == (8, 5, "mi", "km")


def test_miles_keep_their_stated_unit():
    text, q = one("The camp is nearly 25 miles east.")
    assert q.unit_stated == "mi" and q.value == pytest.approx(40.2336)


@pytest.mark.parametrize("sentence", [
    "Soldiers of the 101st Airborne Division arrived.",
    "Traffic on Route 66 and Interstate 95 was light.",
    "The COVID-19 wards were full; G7 leaders met.",
    "Help is available 24/7 by phone.",
    "The app, version 4.2, was released.",
    "Troops from the 3rd Infantry came.",
    "One of them said no one knew.",
    "The meeting starts at 6:30 each day.",
    "The 2016 election changed things.",
    "See https://example.org/2016/12/story-500 for more.",
    "Write to press500@example.org today.",
    "Reference 12345678901234567890 was logged.",
])
def test_not_quantities(sentence):
    found = [sentence[q.start:q.end] for q in find_quantities(sentence)]
    assert found == []


def test_ranks():
    text, q = one("Mosul is the second-largest city in Iraq.")
    assert (text, q.kind, q.value) == ("second-largest", "rank", 2)
    text, q = one("It is the third largest port.")
    assert (q.kind, q.value) == ("rank", 3)


def test_exclude_spans():
    s = "On Dec. 4, 2016 some 500 recruits began."
    qs = find_quantities(s, exclude=[(3, 15)])
    assert [s[q.start:q.end] for q in qs] == ["some 500"]


def test_unicode_digits_and_separators():
    s = "The militia has ٥٠٠ fighters and ١٬٠٠٠ rifles; some 12\u202f000 people."
    got = [(s[q.start:q.end], q.value) for q in find_quantities(s)]
    assert got == [("٥٠٠", 500), ("١٬٠٠٠", 1000), ("some 12\u202f000", 12_000)]


def test_hyphenated_durations_and_areas():
    text, q = one("Families face a 40-minute drive to the hospital.")
    assert (text, q.kind, q.unit_stated) == ("40-minute", "duration", "min")
    assert q.value == pytest.approx(40 / 1440)
    text, q = one("The fire burned more than 41,000 acres (16,600 hectares) of brush.")
    assert text == "more than 41,000 acres (16,600 hectares)"
    assert (q.kind, q.hedge, q.unit, q.unit_stated) == ("measure", "at_least", "km2", "acre")
    assert q.value == pytest.approx(165.921113, rel=1e-6)
    assert (q.conversion_value, q.conversion_unit) == (16_600, "ha")


@pytest.mark.parametrize("sentence, span, kind, hedge, value, low, high, unit", [
    ("Some 38k people came.", "Some 38k", "count", "approx", 38_000, None, None, None),
    ("The race drew 10k runners.", "10k", "count", "exact", 10_000, None, None, None),
    ("Crowds of 10K protesters filled the square.", "10K", "count", "exact", 10_000, None, None, None),
    ("Estimates ran 5k-20k marchers.", "5k-20k", "count", "range", None, 5_000, 20_000, None),
    ("She earns $38k a year.", "$38k", "money", "exact", 38_000, None, None, "USD"),
    ("The score was 0k.", "0k", "count", "exact", 0, None, None, None),
])
def test_thousands_written_k(sentence, span, kind, hedge, value, low, high, unit):
    text, q = one(sentence)
    assert text == span
    assert (q.kind, q.hedge, q.unit) == (kind, hedge, unit)
    for got, want in ((q.value, value), (q.low, low), (q.high, high)):
        assert got == pytest.approx(want) if want is not None else got is None


@pytest.mark.parametrize("sentence, span, kind, value, unit", [
    ("The trail climbs 5km.", "5km", "distance", 5, "km"),       # "k" starting a unit is the unit
    ("Each bag holds 20kg of rice.", "20kg", "measure", 20, "kg"),
    ("They walked 5 k before dawn.", "5", "count", 5, None),      # a spaced "k" is no scale word
])
def test_k_near_misses(sentence, span, kind, value, unit):
    text, q = one(sentence)
    assert (text, q.kind, q.value, q.unit) == (span, kind, pytest.approx(value), unit)


def test_k_takes_down_no_table():
    import claimframe

    article = claimframe.read_text("Some 38k people came to the rally on Dec. 4, police said.", published="2016-12-15")
    counts = article.claims[article.claims["kind"] == "count"]
    assert counts["value"].tolist() == [38_000]
    for name in ("paragraphs", "sentences", "events", "places", "relations", "checks"):
        getattr(article, name)  # none raises
