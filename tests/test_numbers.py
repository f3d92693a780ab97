"""The number parser on phrases written for these tests (not the seed), including non-matches."""
import pandas as pd
import pytest

import claimframe
from claimframe.extract.numbers import find_quantities, parse_words


def one(text):
    qs = find_quantities(text)
    assert len(qs) == 1, [(text[q.start:q.end], q) for q in qs]
    q = qs[0]
    return text[q.start:q.end], q


def assert_one(sentence, span, kind, hedge, value, low, high, unit):
    """The sentence holds exactly one quantity: this span, kind, hedge, unit and values."""
    text, q = one(sentence)
    assert text == span
    assert (q.kind, q.hedge, q.unit) == (kind, hedge, unit)
    for got, want in ((q.value, value), (q.low, low), (q.high, high)):
        assert got == pytest.approx(want) if want is not None else got is None
    return q


def assert_none(sentence):
    """The sentence holds no quantity at all."""
    assert [sentence[q.start:q.end] for q in find_quantities(sentence)] == []


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
    assert_one(sentence, span, kind, hedge, value, low, high, unit)


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
    assert_none(sentence)


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
    assert_one(sentence, span, kind, hedge, value, low, high, unit)


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


# --- numbers as news writes them (money in words, fractions, scales, signs, units, bounds) ----------

@pytest.mark.parametrize("sentence, span, kind, hedge, value, low, high, unit, stated", [
    # money: currency words and signs, by ISO code (Reuters, Bloomberg, Canadian and Hong Kong styles)
    ("Telefonica agreed to pay 323 million euros for the stake.", "323 million euros", "money", "exact",
     323e6, None, None, "EUR", "EUR"),
    ("The simulator costs C$16.4 million, the company said.", "C$16.4 million", "money", "exact",
     16.4e6, None, None, "CAD", "CAD"),
    ("Exports fell to HK$10.05 billion last year.", "HK$10.05 billion", "money", "exact",
     10.05e9, None, None, "HKD", "HKD"),
    ("Tickets are offered for USD 200 each.", "USD 200", "money", "exact", 200, None, None, "USD", "USD"),
    ("A fare of EUR125 applies.", "EUR125", "money", "exact", 125, None, None, "EUR", "EUR"),
    ("Shares closed down 4 cents.", "4 cents", "money", "exact", 0.04, None, None, "USD", "cent"),
    ("The stock rose 12.5 pence in London.", "12.5 pence", "money", "exact", 0.125, None, None, "GBP", "penny"),
    ("Three thousand dollar pearls were stolen.", "Three thousand dollar", "money", "exact", 3000, None, None,
     "USD", "USD"),
    ("Aid of up to 2 million U.S. dollars was pledged.", "up to 2 million U.S. dollars", "money", "at_most",
     2e6, None, 2e6, "USD", "USD"),
    ("The group lost 361 million pounds in the quarter.", "361 million pounds", "money", "exact", 361e6, None,
     None, "GBP", "GBP"),
    ("It only cost 3 dollars 50 cents.", "3 dollars 50 cents", "money", "exact", 3.5, None, None, "USD", "USD"),
    ("The yen traded at 143.80 yen to the dollar.", "143.80 yen", "money", "exact", 143.8, None, None, "JPY", "JPY"),
    ("Tokyo spent 450,000 yen on the study.", "450,000 yen", "money", "exact", 450_000, None, None, "JPY", "JPY"),
    ("Each note is worth 50 €.", "50 €", "money", "exact", 50, None, None, "EUR", "EUR"),
    ("GDP reached $2.174T last year.", "$2.174T", "money", "exact", 2.174e12, None, None, "USD", "USD"),
    # fractions
    ("Half a million people fled the city.", "Half a million", "count", "exact", 500_000, None, None, None, None),
    ("A quarter of a million tickets sold.", "A quarter of a million", "count", "exact", 250_000, None, None,
     None, None),
    ("There are five and a half million sheep.", "five and a half million", "count", "exact", 5_500_000, None,
     None, None, None),
    ("The town has 3 million and a half residents.", "3 million and a half", "count", "exact", 3_500_000, None,
     None, None, None),
    ("The trail is 1 1/2 miles long.", "1 1/2 miles", "distance", "exact", 1.5 * 1.609344, None, None, "km", "mi"),
    ("Two thirds of the voters stayed home.", "Two thirds", "percent", "exact", 200 / 3, None, None, "percent",
     "fraction"),
    ("More than half of the wells are dry.", "More than half", "percent", "at_least", 50, 50, None, "percent",
     "fraction"),
    ("Nearly a third of the staff left.", "Nearly a third", "percent", "approx", 100 / 3, None, None, "percent",
     "fraction"),
    ("They waited half an hour.", "half an hour", "duration", "exact", 0.5 / 24, None, None, "day", "h"),
    ("Between five and seven people were hurt.", "Between five and seven", "count", "range", None, 5, 7, None,
     None),
    # scale words
    ("The app has 1.2m people signed up.", "1.2m", "count", "exact", 1_200_000, None, None, None, None),
    ("Some 10K protesters marched.", "Some 10K", "count", "approx", 10_000, None, None, None, None),
    ("The deal is worth 2.5bn rupees.", "2.5bn rupees", "money", "exact", 2.5e9, None, None, "INR", "INR"),
    ("The debt is twenty-one trillion.", "twenty-one trillion", "count", "exact", 21e12, None, None, None, None),
    ("The budget is one point six billion.", "one point six billion", "count", "exact", 1.6e9, None, None, None,
     None),
    ("China's population is 1 414 021 100.", "1 414 021 100", "count", "exact", 1_414_021_100, None, None, None,
     None),
    # signs
    ("The index stood at -5 on Friday.", "-5", "count", "exact", -5, None, None, None, None),
    ("Output changed by −12% in March.", "−12%", "percent", "exact", -12, None, None, "percent", "percent"),
    ("Growth was minus five percent.", "minus five percent", "percent", "exact", -5, None, None, "percent",
     "percent"),
    # units: weights, volumes, areas, speeds, temperatures
    ("The bear weighed more than 1,300 pounds (600 kgs).", "more than 1,300 pounds (600 kgs)", "measure",
     "at_least", 1300 * 0.45359237, 1300 * 0.45359237, None, "kg", "lb"),
    ("The car can run at over 188 miles an hour.", "over 188 miles an hour", "measure", "at_least",
     188 * 1.609344, 188 * 1.609344, None, "km/h", "mph"),
    ("Output fell by 500,000 barrels a day.", "500,000 barrels", "measure", "exact", 500_000 * 158.987294928,
     None, None, "L", "bbl"),
    ("The truck spilled 2,000 gallons of fuel.", "2,000 gallons", "measure", "exact", 2000 * 3.785411784, None,
     None, "L", "gal"),
    ("Each family gets 20 litres of water.", "20 litres", "measure", "exact", 20, None, None, "L", "L"),
    ("The fire burned 5 square km of forest.", "5 square km", "measure", "exact", 5, None, None, "km2", "km2"),
    ("The farm covers 40 hectares.", "40 hectares", "measure", "exact", 0.4, None, None, "km2", "ha"),
    ("It was 100 degrees Fahrenheit in Phoenix.", "100 degrees Fahrenheit", "measure", "exact", (100 - 32) * 5 / 9,
     None, None, "degC", "degF"),
    ("Nights fell to -40 °C.", "-40 °C", "measure", "exact", -40, None, None, "degC", "degC"),
    ("Winds reached 120 km/h on the coast.", "120 km/h", "measure", "exact", 120, None, None, "km/h", "km/h"),
    ("He is 5 feet 2 inches tall.", "5 feet 2 inches", "distance", "exact", (5 + 2 / 12) * 0.0003048, None,
     None, "km", "ft"),
    ("A 10-gallon water cooler fell over.", "10-gallon", "measure", "exact", 37.85411784, None, None, "L", "gal"),
    # bound words
    ("Shares traded above 170 apiece.", "above 170", "count", "at_least", 170, 170, None, None, None),
    ("Turnout was below 40 percent.", "below 40 percent", "percent", "at_most", 40, None, 40, "percent",
     "percent"),
    ("Losses exceeding 3,000 jobs are feared.", "exceeding 3,000", "count", "at_least", 3000, 3000, None, None,
     None),
    ("Rates greater than 5 percent hurt.", "greater than 5 percent", "percent", "at_least", 5, 5, None, "percent",
     "percent"),
    ("A verdict is due within the next two weeks.", "within the next two weeks", "duration", "at_most", 14, None,
     14, "day", "week"),
    ("Crowds of 40 or more gathered.", "40 or more", "count", "at_least", 40, 40, None, None, None),
    ("Upwards of 500 homes lost power.", "Upwards of 500", "count", "at_least", 500, 500, None, None, None),
    ("The tally was just shy of 1,000 votes.", "just shy of 1,000", "count", "at_most", 1000, None, 1000, None,
     None),
    ("Bids came in at more than 10 and less than 40 dollars.", "more than 10 and less than 40 dollars", "money",
     "range", None, 10, 40, "USD", "USD"),
])
def test_news_numbers(sentence, span, kind, hedge, value, low, high, unit, stated):
    q = assert_one(sentence, span, kind, hedge, value, low, high, unit)
    assert q.unit_stated == stated


def test_stated_conversion_of_a_weight_is_kept():
    _, q = one("The bear weighed more than 1,300 pounds (600 kgs).")
    assert (q.conversion_value, q.conversion_unit) == (600, "kg")


@pytest.mark.parametrize("sentence", [
    # phone numbers, street addresses, times of day (Kenyan, US local, transcript styles)
    "For details call (254-2) 751-613 in Nairobi.",
    "Information: call police at 519-661-5670.",
    "Readers can reach the desk on +44 20 7946 0958.",
    "The embassy is at 285 Toure Drive in Dakar.",
    "The store at 469 Vermont St. was robbed.",
    "The meeting begins at 2 p.m. on Monday.",
    "The blast occurred at 12.45 a.m. local time.",
    "We left at four o'clock in the morning.",
    # names and adjectives that are no quantities
    "The hotel is a five-star resort.",
    "He is a two-time world champion.",
    "He was put on the FBI's Ten Most Wanted list.",
    "Yields on the 30-year Treasury bond rose.",
    "Rates on 10-year notes fell.",
    # spelled years and flights in transcripts; flight and route numbers
    "Back in nineteen ninety-eight, the plant closed.",
    "TWA eight hundred, climb and maintain one five thousand.",
    "Passengers on Flight 93 fought back.",
    "The crash of flight 5390 was studied.",
    "Take Route 9 north.",
    # a fraction that is no share
    "A minute and a half later, the pilot called.",
    "He kept his half of the family home.",
    "The embargo lasted more than half a century.",
])
def test_news_non_claims(sentence):
    assert_none(sentence)


@pytest.mark.parametrize("sentence, expected", [
    # near misses: each has a quantity, just not the tempting reading
    ("Runners did the 400m in record time.", [("400m", "distance", 0.4)]),           # metres, no counted noun
    ("The wall is 1.2m high.", [("1.2m", "distance", 0.0012)]),                       # metres
    ("He lifted 2 pounds of flour.", [("2 pounds", "measure", 2 * 0.45359237)]),      # a weight, not GBP
    ("Scores of 3-5 were common.", [("3-5", "count", None)]),                         # a range, not -5
    ("A dollar bought 3 francs.", [("3 francs", "money", 3)]),
    ("Over the next six weeks, talks go on.", [("six weeks", "duration", 42)]),      # "over the next" is no bound
    ("Five people died, the Three Gorges Dam authority said.", [("Five", "count", 5)]),
    ("They earn 15 dollars and 20 people applied.", [("15 dollars", "money", 15), ("20", "count", 20)]),
    ("Aged nine, she moved to a town of 4,000.", [("nine", "count", 9), ("4,000", "count", 4000)]),
    ("The firm earned three quarters of its revenue abroad.", [("three quarters", "percent", 75)]),
    ("Profits rose in three quarters last year.", []),                                # fiscal quarters
    ("From 44 ml to 50 mg were given.", [("44 ml", "measure", 0.044), ("50 mg", "measure", 5e-05)]),
])
def test_news_near_misses(sentence, expected):
    got = [(sentence[q.start:q.end], q.kind, q.value) for q in find_quantities(sentence)]
    assert [(t, k) for t, k, _ in got] == [(t, k) for t, k, _ in expected]
    for (_, _, v), (_, _, want) in zip(got, expected):
        assert v == pytest.approx(want) if want is not None else v is None


@pytest.mark.parametrize("words, value", [
    ("half a million", 500_000), ("a quarter of a million", 250_000), ("five and a half million", 5_500_000),
    ("two thirds", 2 / 3), ("one million and a half", 1_500_000), ("forty two and a third", 42 + 1 / 3),
    ("twenty-one trillion", 21e12), ("two point five", 2.5), ("one hundred and six", 106),
    ("nineteen ninety-eight", None), ("twenty nineteen", None), ("five seven", None),
])
def test_number_words_with_fractions(words, value):
    got = parse_words(words)
    assert got == pytest.approx(value) if value is not None else got is None


@pytest.mark.parametrize("sentence, expected", [
    ("Patients got 45 and 50 mg doses.", [("45", "measure", 45e-6, "mg"), ("50 mg", "measure", 50e-6, "mg")]),
    ("Rates rose 3 and 5 percent, respectively.", [("3", "percent", 3, "percent"),
                                                   ("5 percent", "percent", 5, "percent")]),
    ("Police said 5 and 10 people were hurt.", [("5", "count", 5, None), ("10", "count", 10, None)]),
    ("The door is 2 1/2 in thick.", [("2 1/2 in", "distance", 2.5 * 0.0000254, "in")]),
    ("He scored 2 in the final.", [("2", "count", 2, None)]),                       # "in" is no inch here
    ("Pour 3 to 4 L of water.", [("3 to 4 L", "measure", None, "L")]),
    ("Scores ranged between negative ten and fifteen.", [("between negative ten and fifteen", "count", None,
                                                         None)]),
    ("His score is 200 or greater than 190.", [("200", "count", 200, None),
                                               ("greater than 190", "count", 190, None)]),
])
def test_units_shared_and_short(sentence, expected):
    got = [(sentence[q.start:q.end], q.kind, q.value, q.unit_stated) for q in find_quantities(sentence)]
    assert [(t, k, s) for t, k, _, s in got] == [(t, k, s) for t, k, _, s in expected]
    for (_, _, v, _), (_, _, want, _) in zip(got, expected):
        assert v == pytest.approx(want) if want is not None else v is None


@pytest.mark.parametrize("sentence, expected", [
    ("The pupils, aged nine and ten, sang.", [("nine", 9), ("ten", 10)]),               # two numbers, not 19
    ("The boys are aged 9, 8, 4 and 8 months.", [("9", 9), ("8", 8), ("4", 4), ("8 months", 8 * 30.436875)]),
    ("Kidnappers demanded a ransom of dlrs 1 million, police said.", [("dlrs 1 million", 1e6)]),  # AP style
])
def test_lists_and_wire_abbreviations(sentence, expected):
    got = [(sentence[q.start:q.end], q.value) for q in find_quantities(sentence)]
    assert [t for t, _ in got] == [t for t, _ in expected]
    assert [v for _, v in got] == pytest.approx([v for _, v in expected])


@pytest.mark.parametrize("sentence, expected", [
    # a verb of movement, the unit after each number: the change, then the level
    ("Shares rose 6 pence to 388 pence in early trading.", [("6 pence", None, None, 0.06),
                                                           ("388 pence", None, None, 3.88)]),
    ("The stock fell 2 cents to 97 cents on the Big Board.", [("2 cents", None, None, 0.02),
                                                             ("97 cents", None, None, 0.97)]),
    ("Crude oil was down 30 cents to 21 dollars a barrel, Reuters said.",
     [("30 cents", None, None, 0.3), ("21 dollars", None, None, 21.0)]),
    ("Gold climbed by 3 dollars to 380 dollars an ounce.", [("3 dollars", None, None, 3.0),
                                                           ("380 dollars", None, None, 380.0)]),
    # near misses: still ranges
    ("Prices rose 5 to 10 percent last year, the BBC reported.", [("5 to 10 percent", 5.0, 10.0, None)]),
    ("Fares went from 6 pence to 8 pence.", [("from 6 pence to 8 pence", 0.06, 0.08, None)]),
    ("Tickets cost 6 dollars to 8 dollars.", [("6 dollars to 8 dollars", 6.0, 8.0, None)]),
    ("Salaries range between 40 dollars and 60 dollars.", [("between 40 dollars and 60 dollars", 40.0, 60.0, None)]),
])
def test_change_then_level_is_not_a_range(sentence, expected):
    got = [(sentence[q.start:q.end], q.low, q.high, q.value) for q in find_quantities(sentence)]
    got = [(t, lo, hi, None if lo is not None else v) for t, lo, hi, v in got]
    assert [(t, lo, hi, v if v is None else pytest.approx(v)) for t, lo, hi, v in expected] == got


@pytest.mark.parametrize("sentence, expected", [
    ("Islam will one day be the second largest religion in the country.", ["second largest"]),
    ("Scientists say we could one day see the wreck from orbit.", []),
    ("We'll one day look back on this, the mayor told the Guardian.", []),
    # near misses: "one day" as a duration
    ("The strike will last one day, the union said.", ["one day"]),
    ("Police held him for one day before releasing him.", ["one day"]),
    ("One day later, AP reported, the dam broke.", ["One day"]),
])
def test_one_day_after_a_modal_is_some_day(sentence, expected):
    assert [sentence[q.start:q.end] for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    # 7-bit British copy: "#" where "£" was typed
    ("Net income slipped 5% to #89.7 million ($141.9 million).",
     [("5%", "percent", 5.0), ("#89.7 million", "GBP", 89.7e6), ("$141.9 million", "USD", 141.9e6)]),
    ("Pretax profit fell to #128 million from #133 million.",
     [("#128 million", "GBP", 128e6), ("#133 million", "GBP", 133e6)]),
    ("Analysts expected #1.2 billion.", [("#1.2 billion", "GBP", 1.2e9)]),
    # near misses: "#" is no pound sign without a scale word
    ("The song was #1 for 3 weeks.", [("1", None, 1.0), ("3 weeks", "day", 21.0)]),
    ("She is ranked #3 in the world with 2 titles.", [("3", None, 3.0), ("2", None, 2.0)]),
])
def test_hash_before_an_amount_is_a_pound_sign(sentence, expected):
    got = [(sentence[q.start:q.end], q.unit, q.value) for q in find_quantities(sentence)]
    assert got == [(t, u, pytest.approx(v)) for t, u, v in expected]


@pytest.mark.parametrize("text, expected", [
    ("TWA Flight eight hundred exploded over the sea.", []),
    ("Route sixty-six runs 2,400 miles.", ["2,400 miles"]),
    # near misses: the same words counting something
    ("Eight hundred flights were cancelled.", ["Eight hundred"]),
    ("The flight carried two hundred passengers.", ["two hundred"]),
])
def test_a_number_in_words_after_an_identifier_word_is_a_name(text, expected):
    assert claimframe.read_text(text).claims["text"].tolist() == expected


@pytest.mark.parametrize("text, expected", [
    # a vote or a score: two counts, the larger first
    ("Delegates voted 89-52 for a republic.", [89, 52]),
    ("The Senate voted 51-49.", [51, 49]),
    ("The court ruled in a 5-4 decision.", [5, 4]),
    # near misses: an ascending pair is a range, a season of years a date, a decimal no tally
    ("Pages 10-12 were torn.", ["10-12"]),
    ("Children 12-3 months old were tested.", [12]),
    ("Call 555-1234 now.", []),
])
def test_a_tally_is_two_counts(text, expected):
    claims = claimframe.read_text(text).claims
    got = [v if pd.notna(v) else t for v, t in zip(claims["value"], claims["text"])]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # a possessive owns the quantity after it
    ("The deal boosts Nestle's 7% share of the market.", ["7%"]),
    ("Dow Jones owns 64 million of Telerate's 95 million shares.", ["64 million", "95 million"]),
    # near misses: a model number after a possessive, a number after a name, stay names
    ("Flaws were found in Intel's 80486 chip.", []),
    ("They flew a Boeing 747 jet.", []),
])
def test_a_number_after_a_possessive_is_a_quantity(text, expected):
    assert claimframe.read_text(text).claims["text"].tolist() == expected


@pytest.mark.parametrize("text, expected", [
    # a hedge, "a" or "an" and a time unit: a duration of one unit
    ("The inquiry will finish within a year, it said.", [("within a year", "at_most", 365.2425)]),
    ("The tour is likely to last over a week.", [("over a week", "at_least", 7.0)]),
    ("Talks lasted about a week.", [("about a week", "approx", 7.0)]),
    ("He spoke for nearly an hour.", [("nearly an hour", "approx", 1 / 24)]),
    # near misses: no hedge, an anchored date, a rate, a unit the list does not hold
    ("He served a year in prison.", []),
    ("Prices rose 3% a year.", [("3%", "exact", 3.0)]),
    ("Nearly a decade of war followed.", []),
])
def test_a_hedged_unit_is_a_duration_of_one(text, expected):
    claims = claimframe.read_text(text).claims
    got = [(t, h, v) for t, h, v in zip(claims["text"], claims["hedge"], claims["value"])]
    assert got == [(t, h, pytest.approx(v)) for t, h, v in expected]


def test_an_anchored_date_is_not_a_duration():
    claims = claimframe.read_text("It rained about a week ago.", published="2021-08-16").claims
    assert claims[["text", "kind"]].values.tolist() == [["a week ago", "date"]]
