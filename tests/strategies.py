"""Hypothesis strategies shared by the tests: news-like text built from the pieces that numbers,
dates, attribution and places are made of, so a fuzz run reaches the rules rather than noise."""
from hypothesis import strategies as st

DIGITS = st.one_of(
    st.integers(0, 10**7).map(str),
    st.integers(0, 10**6).map("{:,}".format),
    st.decimals(0, 1000, places=2, allow_nan=False).map(str),
    st.sampled_from(["0", "00", "007", "1.2", ".5", "3,000-4,000", "5k-20k", "12 000", "٣٤", "-5", "−12"]),
)
NUMBER_WORDS = st.sampled_from([
    "one", "two", "five", "twenty-one", "hundred", "a hundred", "thousand", "million", "billion", "trillion",
    "half", "a quarter", "dozens", "hundreds", "thousands", "tens of thousands", "several", "a few", "a dozen",
])
SCALES = st.sampled_from(["k", "K", "m", "bn", "M", "million", "billion", "thousand"])
MONTHS = st.sampled_from(["Dec.", "December", "Jan.", "Sept.", "May", "March", "Nov. 9", "Oct. 17, 2016",
                          "Monday", "Wednesday", "last week", "2016", "1988", "the 1990s"])
UNITS = st.sampled_from(["km", "kilometers", "miles", "(8 miles)", "%", "percent", "kg", "pounds", "tons",
                         "hours", "years", "days", "dollars", "euros", "m", "ft", "hectares"])
MONEY = st.sampled_from(["$", "£", "€", "US$", "C$", "USD ", "EUR"])
HEDGES = st.sampled_from(["some", "about", "up to", "at least", "more than", "nearly", "between", "and",
                          "to", "or more", "from", "as many as", "fewer than"])
QUOTES = st.sampled_from(["“", "”", '"', "'", "‘", "’", "«", "»"])
BREAKS = st.sampled_from(["\n", "\n\n", "\r\n", "\r", " \n \n", "\t", "\u00a0", "\u2029"])
WORDS = st.sampled_from([
    "said", "told", "according to", "officials", "Col.", "Dorrian", "the", "Times", "people", "troops",
    "of", "in", "Mosul", "north", "of", "Iraq", "Paris", "Texas", ",", ".", ";", ":", "(", ")", "-", "—",
    "He", "She", "they", "will", "by", "ago", "on", "Reuters", "AP", "killed", "fighters", "guns",
])
TOKEN = st.one_of(DIGITS, NUMBER_WORDS, SCALES, MONTHS, UNITS, MONEY, HEDGES, QUOTES, BREAKS, WORDS,
                  st.tuples(DIGITS, SCALES).map("".join), st.tuples(MONEY, DIGITS).map("".join),
                  st.tuples(DIGITS, UNITS).map("".join))
#: Token soup a news article is made of, joined by single spaces or nothing.
NEWSY_TEXT = st.lists(st.tuples(TOKEN, st.sampled_from([" ", " ", " ", ""])), min_size=1, max_size=50).map(
    lambda parts: "".join(token + sep for token, sep in parts))
