"""Tests for claimframe.extract.dates: every expected value below was worked out by hand from a calendar."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimframe.extract.dates import DateMention, find_dates, infer_year
from claimframe.schema import DATE_PRECISIONS

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "iraq-shiite-militias-2016" / "article.txt"
FIXTURES = Path(__file__).parent / "fixtures" / "dates"


def rows(text, published):
    """(text, date, date_end, precision) per mention, checking the offsets on the way."""
    found = find_dates(text, published)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.date, m.date_end, m.precision) for m in found]


def one(text, published=date(2016, 12, 15)) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


# --- the seed article (Breitbart, 2016-12-15) ------------------------------------------------------
def test_seed_has_exactly_five_dates():
    text = SEED.read_text(encoding="utf-8")
    assert rows(text, date(2016, 12, 15)) == [
        ("Wednesday, Nov. 9, 2016", date(2016, 11, 9), date(2016, 11, 9), "day"),
        ("October", date(2016, 10, 1), date(2016, 10, 31), "month"),  # "told Breitbart News in October"
        ("October 17", date(2016, 10, 17), date(2016, 10, 17), "day"),
        ("November", date(2016, 11, 1), date(2016, 11, 30), "month"),  # "passed a law in November"
        ("Dec. 4", date(2016, 12, 4), date(2016, 12, 4), "day"),
    ]


def test_seed_flags():
    text = SEED.read_text(encoding="utf-8")
    first, *rest = find_dates(text, date(2016, 12, 15))
    assert (first.weekday, first.year_stated, first.relative) == (2, True, False)
    assert text.index("Wednesday, Nov. 9, 2016") == first.start
    assert all(m.weekday is None and not m.year_stated and not m.relative for m in rest)


def test_seed_without_published_keeps_mentions_but_not_inferred_years():
    text = SEED.read_text(encoding="utf-8")
    found = find_dates(text)
    assert [m.text for m in found] == ["Wednesday, Nov. 9, 2016", "October", "October 17", "November", "Dec. 4"]
    assert [m.date for m in found] == [date(2016, 11, 9), None, None, None, None]


# --- infer_year -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "month, day, published, year",
    [
        (12, 4, date(2016, 12, 15), 2016),
        (12, 1, date(2017, 1, 12), 2016),  # a January article's "Dec. 1" is last December
        (12, 15, date(2016, 12, 15), 2016),  # the published day itself is not "after"
        (12, 16, date(2016, 12, 15), 2016),  # no cue: one day ahead is nearer than 364 days back
        (3, 1, date(2016, 12, 15), 2016),  # 76 days ahead is not six times nearer than 289 back
        (11, None, date(2016, 12, 15), 2016),  # "in November"
        (12, None, date(2016, 12, 15), 2016),  # "in December": Dec. 1 is not after Dec. 15
        (1, None, date(2017, 1, 1), 2017),
        (2, 29, date(2017, 3, 1), 2016),
        (2, 29, date(2016, 2, 29), 2016),
        (2, 29, date(2016, 2, 28), 2012),  # 2015 has no Feb. 29; the latest leap year before is 2012
        (2, 29, date(2016, 3, 1), 2016),
    ],
)
def test_infer_year(month, day, published, year):
    assert infer_year(month, day, published) == year


@pytest.mark.parametrize("month, day", [(13, 1), (0, None), (2, 30), (4, 31)])
def test_infer_year_rejects_impossible_dates(month, day):
    with pytest.raises(ValueError):
        infer_year(month, day, date(2016, 12, 15))


# --- other outlets' styles (fixtures written for these tests) ---------------------------------------
def test_reuters_style():
    text = (FIXTURES / "reuters-mosul-2016-11-24.txt").read_text(encoding="utf-8")  # a Thursday
    assert rows(text, date(2016, 11, 24)) == [
        ("Tuesday", date(2016, 11, 22), date(2016, 11, 22), "day"),
        ("Oct. 17", date(2016, 10, 17), date(2016, 10, 17), "day"),
        ("last month", date(2016, 10, 1), date(2016, 10, 31), "month"),
        ("2014", date(2014, 1, 1), date(2014, 12, 31), "year"),
        ("yesterday", date(2016, 11, 23), date(2016, 11, 23), "day"),
        ("the end of the year", date(2016, 12, 31), date(2016, 12, 31), "day"),  # "could go on until": ahead
        ("next week", date(2016, 11, 28), date(2016, 12, 4), "week"),  # Monday to Sunday
    ]
    assert [m.relative for m in find_dates(text, date(2016, 11, 24))] == [True, False, True, False, True, True, True]


def test_guardian_style():
    text = (FIXTURES / "guardian-election-2016-11-10.txt").read_text(encoding="utf-8")
    assert rows(text, date(2016, 11, 10)) == [
        ("Wednesday 9 November 2016", date(2016, 11, 9), date(2016, 11, 9), "day"),
        ("Sept 30", date(2016, 9, 30), date(2016, 9, 30), "day"),
        ("7 November", date(2016, 11, 7), date(2016, 11, 7), "day"),
        ("28 October", date(2016, 10, 28), date(2016, 10, 28), "day"),
        ("mid-October", date(2016, 10, 1), date(2016, 10, 31), "month"),
        ("early November", date(2016, 11, 1), date(2016, 11, 30), "month"),
        ("2015", date(2015, 1, 1), date(2015, 12, 31), "year"),
    ]  # and not "Theresa May", "Marchetti", "Augusta", "the march of populism"
    assert find_dates(text, date(2016, 11, 10))[0].weekday == 2


def test_wire_story_with_ranges():
    text = (FIXTURES / "wire-airstrikes-2017-01-12.txt").read_text(encoding="utf-8")  # a Thursday
    assert rows(text, date(2017, 1, 12)) == [
        ("Thursday", date(2017, 1, 12), date(2017, 1, 12), "day"),  # its own weekday: that day
        ("June to August", date(2016, 6, 1), date(2016, 8, 31), "month"),
        ("Oct. 17-19", date(2016, 10, 17), date(2016, 10, 19), "day"),
        ("Between 2014 and 2016", date(2014, 1, 1), date(2016, 12, 31), "year"),
        ("Dec. 1", date(2016, 12, 1), date(2016, 12, 1), "day"),
    ]  # and not "quarterly", "2016 members", "2016-17 budget", "Route 2016", "1,200", "$10 billion"


# --- single expressions -----------------------------------------------------------------------------
PUB = date(2016, 12, 15)  # a Thursday


@pytest.mark.parametrize(
    "text, span, start, end, precision",
    [
        ("on Nov. 9, 2016", "Nov. 9, 2016", date(2016, 11, 9), date(2016, 11, 9), "day"),
        ("November 9, 2016", "November 9, 2016", date(2016, 11, 9), date(2016, 11, 9), "day"),
        ("on 9 November 2016", "9 November 2016", date(2016, 11, 9), date(2016, 11, 9), "day"),
        ("on Sept. 30", "Sept. 30", date(2016, 9, 30), date(2016, 9, 30), "day"),
        ("on Sep 30", "Sep 30", date(2016, 9, 30), date(2016, 9, 30), "day"),
        ("by Jan. 5", "Jan. 5", date(2017, 1, 5), date(2017, 1, 5), "day"),  # a deadline: "by" with no past verb
        ("had left by Jan. 5", "Jan. 5", date(2016, 1, 5), date(2016, 1, 5), "day"),
        ("on Nov. 9th", "Nov. 9th", date(2016, 11, 9), date(2016, 11, 9), "day"),
        ("dated 2016-11-26.", "2016-11-26", date(2016, 11, 26), date(2016, 11, 26), "day"),
        ("in November 2016", "November 2016", date(2016, 11, 1), date(2016, 11, 30), "month"),
        ("in Nov. 2015", "Nov. 2015", date(2015, 11, 1), date(2015, 11, 30), "month"),
        ("the toll of May 2016", "May 2016", date(2016, 5, 1), date(2016, 5, 31), "month"),
        ("since October", "October", date(2016, 10, 1), date(2016, 10, 31), "month"),
        ("by March", "March", date(2017, 3, 1), date(2017, 3, 31), "month"),
        ("had fallen by March", "March", date(2016, 3, 1), date(2016, 3, 31), "month"),
        ("late May", "late May", date(2016, 5, 1), date(2016, 5, 31), "month"),
        ("in mid-June", "mid-June", date(2016, 6, 1), date(2016, 6, 30), "month"),
        ("in 2015", "2015", date(2015, 1, 1), date(2015, 12, 31), "year"),
        ("by 2030", "2030", date(2030, 1, 1), date(2030, 12, 31), "year"),
        ("in mid-2016", "mid-2016", date(2016, 1, 1), date(2016, 12, 31), "year"),
        ("from 2014 to 2017", "2014 to 2017", date(2014, 1, 1), date(2017, 12, 31), "year"),
        ("the 2014-2017 war", "2014-2017", date(2014, 1, 1), date(2017, 12, 31), "year"),
        ("between May and July", "between May and July", date(2016, 5, 1), date(2016, 7, 31), "month"),
        ("from Nov. 2015 to March", "Nov. 2015 to March", date(2015, 11, 1), date(2016, 3, 31), "month"),
        ("from June to August 2015", "June to August 2015", date(2015, 6, 1), date(2015, 8, 31), "month"),
        ("from Oct. 17 to Nov. 2", "Oct. 17 to Nov. 2", date(2016, 10, 17), date(2016, 11, 2), "day"),
        ("on 17-19 October", "17-19 October", date(2016, 10, 17), date(2016, 10, 19), "day"),
    ],
)
def test_expressions(text, span, start, end, precision):
    m = one(text)
    assert (m.text, m.date, m.date_end, m.precision) == (span, start, end, precision)
    assert text[m.start : m.end] == span


@pytest.mark.parametrize(
    "text, start, end, precision, weekday",
    [
        ("yesterday", date(2016, 12, 14), date(2016, 12, 14), "day", None),
        ("Today", date(2016, 12, 15), date(2016, 12, 15), "day", None),
        ("this week", date(2016, 12, 12), date(2016, 12, 18), "week", None),
        ("last week", date(2016, 12, 5), date(2016, 12, 11), "week", None),
        ("this month", date(2016, 12, 1), date(2016, 12, 31), "month", None),
        ("Last year", date(2015, 1, 1), date(2015, 12, 31), "year", None),
        ("on Monday", date(2016, 12, 12), date(2016, 12, 12), "day", 0),
        ("Friday", date(2016, 12, 9), date(2016, 12, 9), "day", 4),
        ("Thursday", date(2016, 12, 15), date(2016, 12, 15), "day", 3),  # the published weekday
        ("last Thursday", date(2016, 12, 8), date(2016, 12, 8), "day", 3),
        ("next Monday", date(2016, 12, 19), date(2016, 12, 19), "day", 0),
        ("last October", date(2016, 10, 1), date(2016, 10, 31), "month", None),
        ("next March", date(2017, 3, 1), date(2017, 3, 31), "month", None),
    ],
)
def test_relative(text, start, end, precision, weekday):
    m = one(text)
    assert (m.date, m.date_end, m.precision, m.weekday, m.relative, m.year_stated) == (
        start, end, precision, weekday, True, False,
    )


def test_last_month_name_in_that_month_is_a_year_back():
    assert one("last October", date(2016, 10, 20)).date == date(2015, 10, 1)
    assert one("in October", date(2016, 10, 20)).date == date(2016, 10, 1)


def test_relative_without_published_has_no_date():
    m = one("on Friday", None)
    assert (m.text, m.date, m.relative, m.weekday) == ("Friday", None, True, 4)


def test_stated_year_is_not_relative():
    m = one("on Dec. 4")
    assert (m.relative, m.year_stated) == (False, False)


@pytest.mark.parametrize(
    "text",
    [
        "Officials may say more later.",
        "They staged a march on the capital.",
        "Theresa May said no.",  # a name, no preposition
        "Hadi al-Mayahi, Marchetti and a man from Augusta spoke.",
        "He sent 1500 troops.",
        "They sent 2016 members.",
        "a total of 2016 members",  # a count, not a year
        "between 1990 and 2000 fighters",
        "The convoy took Route 2016.",
        "the 2016-17 season",  # seasons and fiscal years: never a date
        "in 2016-17",
        "2,016 votes",
        "in recent weeks and recent days",
        "the last week was hard",  # the past seven days: too vague
        "reported quarterly, weekly, on Fridays",
        "the 101st Airborne Division",
        "a note from Jan",  # a name: bare abbreviations need in/since/by/..., and "from" alone
    ],
)
def test_not_dates(text):
    assert find_dates(text, PUB) == []


def test_impossible_day_is_skipped_not_guessed():
    assert find_dates("on Feb. 30 and 2016-13-01", PUB) == []
    assert find_dates("on April 31", None) == []


# --- robustness -------------------------------------------------------------------------------------
def check_invariants(text, mentions):
    previous_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end and m.end > m.start
        previous_end = m.end
        assert m.precision in set(DATE_PRECISIONS)
        assert (m.date is None) == (m.date_end is None)
        if m.date is not None:
            assert m.date <= m.date_end


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates()))
def test_any_text(text, published):
    check_invariants(text, find_dates(text, published))


TOKENS = ["May", "March", "Nov.", "Sept", "9", "30", "2016", "2014", "-", "–", ",", " ", " to ", " and ",
          "from ", "between ", "in ", "last ", "mid-", "Friday", "week", "today", "1500", "th", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=30).map("".join), st.one_of(st.none(), st.dates()))
def test_date_like_text(text, published):
    check_invariants(text, find_dates(text, published))


def test_pathological_inputs_finish():
    """Linear-time patterns: each of these takes about a second or less (timed by hand, not asserted)."""
    assert find_dates("Nov. Nov. Nov." * 70_000, PUB) == []
    assert find_dates("7" * 10_000, PUB) == []
    assert len(find_dates("from 2014 " * 10_000, PUB)) == 10_000


# --- the anchor-and-window scan finds exactly what a full scan of every rule finds ------------------
def full_scan(text, published):
    """Reference: every rule over the whole text, then the same selection as find_dates."""
    from claimframe.extract import dates

    candidates = []
    rules = [(pattern, handler) for pattern, handler, *_ in dates._RULES] + dates._EXTRA_RULES
    for priority, (pattern, handler) in enumerate(rules):
        for match in pattern.finditer(text):
            dates._propose(candidates, handler(match, published), priority)
    return dates._select(text, candidates, published)


@pytest.mark.parametrize(
    "text",
    [
        "from    June    to    August",  # whitespace runs longer than the windows allow for
        "from\n\n\n\n\nbetween \t \t May\u3000\u3000\u3000\u3000and          July",
        "Wednesday,\n\n\n\n\nNov.      9,\n\n\n\n\n2016",
        "Wednesday,      17th     –     19th      November,      2016",
        "in" + " " * 500 + "early" + "\n" * 300 + "November" + " " * 200 + "2016" + " " * 100 + "31",
        "between 1990 and" + " " * 100 + "2000" + " " * 100 + "fighters",
        "2014" + " " * 50 + "-" + " " * 50 + "2017",
        "the" + " " * 40 + "last week, USA" + " " * 10 + "today, last" + " " * 60 + "Friday",
        "Nov. 9" + "x" * 200 + "2016-11-09" + " " * 7 + "in May",
        "Oct. 17" + " " * 9 + "through" + " " * 9 + "Nov. 2, 2016" + "." * 40 + "since 2015",
    ],
)
def test_long_whitespace_inside_expressions(text):
    for published in (PUB, None):
        assert find_dates(text, published) == full_scan(text, published)


WINDOW_TOKENS = TOKENS + ["through ", "early ", "Wednesday, ", "September ", "Sept. ", "31st", "17th", "19th", "2100",
                          "1800", "2016-11-09", "2014-2017", "the ", "USA ", "yesterday", "next ", "this ",
                          "month", "year",
                          "until ", "November", "x", "Mark", "Mayor", "  ", "   ", "    ", "\n\n\n\n\n", "\t", "\xa0"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(WINDOW_TOKENS), st.text(alphabet=" x,.-", max_size=60)),
             max_size=40).map("".join),
    st.one_of(st.none(), st.dates()),
)
def test_windowed_scan_equals_full_scan(text, published):
    assert find_dates(text, published) == full_scan(text, published)


def test_articles_equal_full_scan():
    for path in [SEED, *sorted(FIXTURES.glob("*.txt"))]:
        text = path.read_text(encoding="utf-8")
        for published in (PUB, None):
            assert find_dates(text, published) == full_scan(text, published)
