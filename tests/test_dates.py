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


# --- the future: tense and cue words, distance, weekdays ---------------------------------------------
# Every expected date below was worked out with a calendar from the text and its published date.
@pytest.mark.parametrize(
    "text, published, span, start",
    [
        # WSJ: a dividend is paid after the article; the record date in the same clause too
        ("The dividend is payable Dec. 7 to holders of record Nov. 20.", date(1989, 10, 27), "Dec. 7",
         date(1989, 12, 7)),
        ("The dividend is payable Dec. 7 to holders of record Nov. 20.", date(1989, 10, 27), "Nov. 20",
         date(1989, 11, 20)),
        # Reuters: "will ... until" six days ahead, not 359 days back
        ("Schools will stay closed until April 10, the ministry said.", date(2020, 4, 4), "April 10",
         date(2020, 4, 10)),
        ("Banks must repay the loans by Jan. 14.", date(2000, 1, 5), "Jan. 14", date(2000, 1, 14)),
        ("The offer, extended to Nov. 20, was raised again.", date(1989, 11, 2), "Nov. 20", date(1989, 11, 20)),
        # a reporting verb dates the report, not what it reports
        ("Conseco said it will redeem the notes on Dec. 7.", date(1989, 10, 30), "Dec. 7", date(1989, 12, 7)),
        ("The talks are supposed to conclude by May.", date(2016, 12, 15), "May", date(2017, 5, 1)),
        ("They will march in May, organisers say.", date(2016, 12, 15), "May", date(2017, 5, 1)),
        # no cue: a day three days ahead is nearer than 362 days back
        ("The summit opens Jan. 8 in Geneva.", date(2017, 1, 5), "Jan. 8", date(2017, 1, 8)),
        # past cues keep the past
        ("The company was founded on Dec. 20.", date(2016, 12, 15), "Dec. 20", date(2015, 12, 20)),
        ("It began on Dec. 4.", date(1989, 10, 27), "Dec. 4", date(1988, 12, 4)),
        ("Prices had fallen by March.", date(2016, 12, 15), "March", date(2016, 3, 1)),
        ("Engineers had expected to finish by the end of October.", date(2017, 3, 2), "October",
         date(2016, 10, 1)),
        ("Sales fell in the quarter ended Sept. 30.", date(1989, 10, 27), "Sept. 30", date(1989, 9, 30)),
        # "Q." is an initial, not a sentence end; "succeed" is no past tense
        ("Ms. Ortiz, 48 years old, will succeed John Q. Public Feb. 1.", date(1989, 10, 26), "Feb. 1",
         date(1990, 2, 1)),
        # after "will", an "-ed" word is a participle
        ("The utility will redeem its preferred shares on March 31.", date(1989, 10, 27), "March 31",
         date(1990, 3, 31)),
        ("The utility redeemed its preferred shares on March 31.", date(1989, 10, 27), "March 31",
         date(1989, 3, 31)),
        ("The split would be paid in January, the company said.", date(1989, 10, 26), "January", date(1990, 1, 1)),
        # a stated weekday picks the year, whatever the tense
        ("The Times said in an editorial on Saturday, April 25, that it was wrong.", date(1998, 4, 24),
         "Saturday, April 25", date(1998, 4, 25)),
        # weekdays: a future cue takes the next one
        ("The minister is set to resume talks Monday.", date(2016, 12, 15), "Monday", date(2016, 12, 19)),
        ("He planned to leave Nairobi on Thursday.", date(1998, 2, 18), "Thursday", date(1998, 2, 19)),
        ("The minister resumed talks Monday.", date(2016, 12, 15), "Monday", date(2016, 12, 12)),
        ("Officials said Monday that the road was open.", date(2016, 12, 15), "Monday", date(2016, 12, 12)),
    ],
)
def test_future_and_past(text, published, span, start):
    found = {m.text: m.date for m in find_dates(text, published)}
    assert found[span] == start


def test_infer_year_with_cues():
    assert infer_year(12, 7, date(1989, 10, 27), future=True) == 1989
    assert infer_year(12, 7, date(1989, 10, 27), future=False) == 1988
    assert infer_year(12, 4, date(2016, 12, 15), future=True) == 2016  # 11 days back, 354 ahead: too far
    assert infer_year(4, None, date(2020, 4, 4), future=True) == 2020  # April has not ended
    assert infer_year(3, None, date(2016, 12, 15), future=True) == 2017


# --- anchored expressions -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, published, span, start, end, precision",
    [
        # AP: two weeks back from Thu Dec. 15 is Thu Dec. 1, in the week of Mon Nov. 28
        ("The plant closed two weeks ago.", PUB, "two weeks ago", date(2016, 11, 28), date(2016, 12, 4), "week"),
        ("The festival began 50 years ago.", PUB, "50 years ago", date(1966, 1, 1), date(1966, 12, 31), "year"),
        ("Three days ago, the rebels left.", PUB, "Three days ago", date(2016, 12, 12), date(2016, 12, 12), "day"),
        ("The talks opened on Oct. 3. Three days later they collapsed.", PUB, "Three days later",
         date(2016, 10, 6), date(2016, 10, 6), "day"),
        ("The vote was on Tuesday, Nov. 8. The previous Friday, polls had narrowed.", PUB,
         "The previous Friday", date(2016, 11, 4), date(2016, 11, 4), "day"),
        ("He arrived on Nov. 8, 2016; the rebels had left the day before.", PUB, "the day before",
         date(2016, 11, 7), date(2016, 11, 7), "day"),
        ("The dam broke on March 3. The next day, crews arrived.", PUB, "The next day",
         date(2016, 3, 4), date(2016, 3, 4), "day"),
        ("Unemployment fell in 1995 and rose again two years later.", PUB, "two years later",
         date(1997, 1, 1), date(1997, 12, 31), "year"),
        # WSJ earnings: "a year earlier" after a quarter is that quarter a year before
        ("Net rose to $5 million in the third quarter from $4 million a year earlier.", date(1989, 10, 27),
         "a year earlier", date(1988, 7, 1), date(1988, 9, 30), "quarter"),
        ("Hadson posted a third-quarter loss. In the year-ago quarter, it earned $2 million.",
         date(1989, 11, 2), "the year-ago quarter", date(1988, 7, 1), date(1988, 9, 30), "quarter"),
        ("Profit fell in the second quarter. Sales in the latest quarter were flat.", date(2016, 8, 1),
         "the latest quarter", date(2016, 4, 1), date(2016, 6, 30), "quarter"),
        # "that year" is the previous date's; "the current fiscal year" the published one
        ("The mill opened in 1988. Imports doubled that year.", PUB, "that year", date(1988, 1, 1),
         date(1988, 12, 31), "year"),
        ("Sales in the current fiscal year will be flat.", date(1989, 11, 2), "the current fiscal year",
         date(1989, 1, 1), date(1989, 12, 31), "year"),
        ("It forecast higher earnings for the full year.", date(1989, 10, 30), "the full year",
         date(1989, 1, 1), date(1989, 12, 31), "year"),
    ],
)
def test_anchored(text, published, span, start, end, precision):
    found = {m.text: (m.date, m.date_end, m.precision) for m in find_dates(text, published)}
    assert found[span] == (start, end, precision)


@pytest.mark.parametrize(
    "text",
    [
        "The vote comes two days before the deadline.",  # counted from an event, not a date
        "Several years ago, things were different.",  # too vague
        "The siege lasted two weeks.",  # a duration
        "The bridge opened a year earlier than planned.",  # a comparison, no date
        "the quarter-point cut",
        "She won a quarter of the vote.",
        "The period of mourning ended.",
        "He said that days were long.",
        "The army sent the 2000 troops home.",  # a count after a determiner
    ],
)
def test_anchored_near_misses(text):
    assert find_dates(text, PUB) == []


def test_anchored_without_published_are_left_out():
    assert find_dates("The plant closed two weeks ago.", None) == []


# --- quarters, halves, fiscal years -------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, published, span, start, end, precision",
    [
        ("It reported a third-quarter loss of $2 million.", date(1989, 11, 2), "third-quarter",
         date(1989, 7, 1), date(1989, 9, 30), "quarter"),
        # "expects to report" is about a quarter that has ended, not next year's
        ("It expects to report a third-quarter loss.", date(1989, 11, 2), "third-quarter",
         date(1989, 7, 1), date(1989, 9, 30), "quarter"),
        ("Orders should pick up in the first quarter, the company said.", date(1989, 11, 2),
         "the first quarter", date(1989, 1, 1), date(1989, 3, 31), "quarter"),
        ("Orders will pick up in the first quarter, the company said.", date(1989, 11, 2),
         "the first quarter", date(1990, 1, 1), date(1990, 3, 31), "quarter"),
        ("Sales in the fourth quarter of 1990 doubled.", PUB, "the fourth quarter of 1990",
         date(1990, 10, 1), date(1990, 12, 31), "quarter"),
        ("Apple's Q3 2016 revenue beat forecasts.", PUB, "Q3 2016", date(2016, 7, 1), date(2016, 9, 30),
         "quarter"),
        ("Margins narrowed in this year's first half.", PUB, "this year's first half", date(2016, 1, 1),
         date(2016, 6, 30), "half"),
        ("It earned $7.8 million in fiscal 1989.", PUB, "fiscal 1989", date(1989, 1, 1), date(1989, 12, 31),
         "year"),
        ('Sales will be "slightly above" fiscal 1989 sales.', PUB, "fiscal 1989", date(1989, 1, 1),
         date(1989, 12, 31), "year"),
        ("Sanctions imposed after its 1990 invasion of Kuwait remain.", PUB, "1990", date(1990, 1, 1),
         date(1990, 12, 31), "year"),
    ],
)
def test_quarters(text, published, span, start, end, precision):
    found = {m.text: (m.date, m.date_end, m.precision) for m in find_dates(text, published)}
    assert found[span] == (start, end, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Smith scored twice in the second half.",  # a game's half
        "The Lakers led by 10 in the fourth quarter of the game.",
        "They toured the French Quarter.",
        "Sales rose by a quarter.",
    ],
)
def test_quarter_near_misses(text):
    assert find_dates(text, PUB) == []


# --- seasons, decades, centuries, holidays, spoken years, ordinal days, weekends -----------------------
@pytest.mark.parametrize(
    "text, published, span, start, end, precision",
    [
        # Independent: a November article's "last winter" is the one that ended in February
        ("Clinics shut for weeks last winter.", date(2019, 11, 13), "last winter", date(2018, 12, 1),
         date(2019, 2, 28), "season"),
        # "would have" is a past that did not happen, not a future
        ("Patients who would have been seen over the winter went to hospital.", date(2019, 11, 13), "the winter",
         date(2018, 12, 1), date(2019, 2, 28), "season"),
        ("The plant closed last fall.", date(1989, 10, 27), "last fall", date(1988, 9, 1), date(1988, 11, 30),
         "season"),
        ("Work starts in the spring of 1990.", PUB, "the spring of 1990", date(1990, 3, 1), date(1990, 5, 31),
         "season"),
        ("Ticket sales are up this summer.", date(2016, 7, 20), "this summer", date(2016, 6, 1),
         date(2016, 8, 31), "season"),
        ("Costs were running high this past spring.", date(1989, 10, 30), "this past spring", date(1989, 3, 1),
         date(1989, 5, 31), "season"),
        ("Prices soared in the late 1980s.", PUB, "late 1980s", date(1987, 1, 1), date(1989, 12, 31), "decade"),
        ("Prices soared in the 1980s.", PUB, "1980s", date(1980, 1, 1), date(1989, 12, 31), "decade"),
        ("Prices soared in 1980.", PUB, "1980", date(1980, 1, 1), date(1980, 12, 31), "year"),
        ("the music of the '60s", PUB, "'60s", date(1960, 1, 1), date(1969, 12, 31), "decade"),
        ("Growth will slow in the nineties.", date(1989, 10, 27), "the nineties", date(1990, 1, 1),
         date(1999, 12, 31), "decade"),
        ("a house built in the 19th century", PUB, "the 19th century", date(1800, 1, 1), date(1899, 12, 31),
         "century"),
        # US holidays: Thanksgiving 2016 was the fourth Thursday of November, Labor Day the first Monday
        ("Shops opened on Thanksgiving Day.", PUB, "Thanksgiving Day", date(2016, 11, 24), date(2016, 11, 24),
         "day"),
        ("The bridge will reopen by Christmas.", PUB, "Christmas", date(2016, 12, 25), date(2016, 12, 25), "day"),
        ("Strikes began last Labor Day.", PUB, "last Labor Day", date(2016, 9, 5), date(2016, 9, 5), "day"),
        # CNN transcript: spoken years
        ("Prices last hit that level in nineteen ninety-six.", PUB, "nineteen ninety-six", date(1996, 1, 1),
         date(1996, 12, 31), "year"),
        ("January nineteen ninety-seven. Atlanta again.", date(1998, 2, 27), "January nineteen ninety-seven",
         date(1997, 1, 1), date(1997, 1, 31), "month"),
        ("computers in the year two thousand", PUB, "the year two thousand", date(2000, 1, 1),
         date(2000, 12, 31), "year"),
        ("a reunion of the class of '89", PUB, "'89", date(1989, 1, 1), date(1989, 12, 31), "year"),
        # local news: an ordinal day is in the published month (or the one before, or after with "by")
        ("Rent is due by the 15th.", date(2016, 12, 10), "the 15th", date(2016, 12, 15), date(2016, 12, 15), "day"),
        ("The store opened on the 3rd.", date(2016, 12, 10), "the 3rd", date(2016, 12, 3), date(2016, 12, 3), "day"),
        ("The store opened on the 20th.", date(2016, 12, 10), "the 20th", date(2016, 11, 20), date(2016, 11, 20),
         "day"),
        # WSJ: a Monday article's weekend is the one just past
        ("The ambassador said over the weekend that talks would go on.", date(1990, 8, 13), "the weekend",
         date(1990, 8, 11), date(1990, 8, 12), "day"),
        ("Traders squared positions ahead of the weekend.", date(1989, 10, 26), "the weekend",
         date(1989, 10, 28), date(1989, 10, 29), "day"),
        ("They hope to complete the deal by year-end.", date(1989, 11, 2), "year-end", date(1989, 12, 31),
         date(1989, 12, 31), "day"),
        ("The index has risen 12% since year-end.", date(1989, 10, 30), "year-end", date(1988, 12, 31),
         date(1988, 12, 31), "day"),
    ],
)
def test_periods_and_named_days(text, published, span, start, end, precision):
    found = {m.text: (m.date, m.date_end, m.precision) for m in find_dates(text, published)}
    assert found[span] == (start, end, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Prices fall when demand weakens.",
        "the fall of Mosul",  # an event, not the season
        "She won gold at the Summer Olympics.",
        "Christmas shopping was slow.",
        "They celebrated on the 15th anniversary.",
        "They live on the 3rd floor.",
        "He scored in the 15th minute.",
        "nineteen soldiers",
        "I may march.",
        "He will March on.",  # a verb, capitalised in a headline style
        "The market opens each July.",  # recurring
        "Volunteers meet every Monday.",
        "Flights leave on Monday and Tuesday nights.",
        "Today's youth read less.",  # generic
        "What worries today's parents?",
        "Rice said on ABC's This Week that talks would go on.",  # a programme
        "He told NBC's Today that he would run.",
        "the leaders of tomorrow",
    ],
)
def test_not_dated_events(text):
    assert [m.text for m in find_dates(text, PUB)] == []


def test_programme_name_is_not_this_week_but_this_week_is():
    assert [m.text for m in find_dates("Talks resume this week.", PUB)] == ["this week"]
    assert [(m.text, m.date) for m in find_dates("Today, the talks resume.", PUB)] == [("Today", PUB)]


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
    rules = [(pattern, handler) for pattern, handler, *_ in dates._RULES + dates._EXTRA_RULES]
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
                          "until ", "November", "x", "Mark", "Mayor", "  ", "   ", "    ", "\n\n\n\n\n", "\t", "\xa0",
                          "quarter", "third-", "half ", "ago", "earlier", "two ", "weeks ", "a year ", "fall", "last ",
                          "the previous ", "1980s", "'89", "nineteen ", "ninety-six", "Christmas", "weekend",
                          "year-end", "the 15th", "on ", "each ", "'s ", "Q3 ", "century", "later", "period"]


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


@pytest.mark.parametrize("text, span, precision", [
    # without a published date there is no "this year" to count from: found, left undated, no crash
    ("Sales rose in last year's first half, the company said.", "last year's first half", "half"),
    ("Profit fell in this year's third quarter.", "this year's third quarter", "quarter"),
    ("Analysts expect a weak next year's second quarter.", "next year's second quarter", "quarter"),
])
def test_possessive_quarters_without_a_published_date(text, span, precision):
    found = [(m.text, m.date, m.precision) for m in find_dates(text, None)]
    assert (span, None, precision) in found


# --- the shortcuts of the anchor-and-window scan give what the plain code gives -----------------------
SHORTCUT_TEXTS = [
    *WINDOW_TOKENS,
    "From June to August 2016, between May and July, Oct. 17 through Nov. 2, 2014-2017 and 1990–1991.",
    "The 1988 fiscal third quarter, this year's first half, its 1990 invasion, for 1988, due 1993, Q3 '16.",
    "Two and a half years ago, 50 years ago, a year earlier, the year-ago quarter, the day before the vote.",
    "Last fall, in the spring of 1990, the late 1980s, the '60s, the nineties, the 19th century, mid-2016.",
    "On Christmas, Thanksgiving Day, Halloween, July Fourth, New Year's Eve; on the 15th; by year-end.",
    "Nineteen ninety-six, the year two thousand, in '89; Wednesday, 17th - 19th November, 2016; 5 May.",
    "MONDAY, TODAY, Yesterday, next WEEK, this Month, the PREVIOUS Friday, that year, the same day.",
    "Mayear todayear monThursday Octoday 12019 data 1990 the 2000 troops, 'tis 'll’ve\u3000\u00a0\t\n",
]


def test_first_character_look_aheads_change_no_match():
    """A pattern that begins with a look-ahead for its first characters finds what it finds without it."""
    import re

    from claimframe.extract import dates

    patterns = [rule[0] for rule in dates._RULES + dates._EXTRA_RULES]
    texts = SHORTCUT_TEXTS + [SEED.read_text(encoding="utf-8")]
    checked = 0
    for pattern in patterns:
        if not pattern.pattern.startswith("(?=["):
            continue
        plain = re.compile(pattern.pattern[pattern.pattern.index("])(?:") + 5: -1], pattern.flags)
        for text in texts:
            for pos, endpos in ((0, len(text)), (3, len(text) - 2)):
                got = [(m.span(), m.groupdict()) for m in pattern.finditer(text, pos, endpos)]
                assert got == [(m.span(), m.groupdict()) for m in plain.finditer(text, pos, endpos)]
        checked += 1
    assert checked >= 10


def test_quarter_prefix_is_the_longest_full_match_at_a_word_start():
    import re

    from claimframe.extract import dates

    word_start = re.compile(r"\w(?<![\w'’]\w)")
    for text in SHORTCUT_TEXTS + ["the next year's fiscal-third quarter", "Q: the 1988 fiscal first half"]:
        for end in range(len(text) + 1):
            expected = None
            for w in word_start.finditer(text, max(0, end - dates._PREFIX_REACH), end):
                if w.group() in "tTlLnNfF12":
                    expected = dates._QUARTER_PREFIX.fullmatch(text, w.start(), end)
                    if expected is not None:
                        break
            got = dates._QUARTER_PREFIX_BEFORE.search(text, max(0, end - dates._PREFIX_REACH), end)
            assert (got and (got.span(), got.groupdict())) == (expected and (expected.span(), expected.groupdict()))


def test_lowered_copy_of_ascii_text_is_the_translated_one():
    from claimframe.extract import dates

    for text in ["".join(map(chr, range(128))), *SHORTCUT_TEXTS]:
        assert dates._lower_and_space(text) == text.translate(dates._LOWER_AND_SPACE)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SHORTCUT_TEXTS + [" ", "-", "–", " to ", " and ", "1999", "May"]), max_size=12)
       .map("".join), st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31))))
def test_shortcut_texts_equal_full_scan(text, published):
    # published dates of this era: "in '89" published in year 78 raises (a year -11), in both scans
    assert find_dates(text, published) == full_scan(text, published)


@pytest.mark.parametrize("pattern, text", [
    (r"x*", "axxbx"), (r"\b|a", "ab a"), (r"(?=a)|a", "aaa"), (r"", "abc"), (r"[0-9]+|(?=x)", "12x3 x"),
])
def test_searches_from_each_match_end_give_the_finditer_matches(pattern, text):
    """Also for empty matches, which no rule's pattern has."""
    import re

    from claimframe.extract.dates import _next_match

    compiled = re.compile(pattern)
    for pos, endpos in ((0, len(text)), (1, len(text) - 1)):
        got, match = [], compiled.search(text, pos, endpos)
        while match is not None:
            got.append(match.span())
            match = _next_match(compiled, text, match, endpos)
        assert got == [m.span() for m in compiled.finditer(text, pos, endpos)]


@pytest.mark.parametrize("text, expected", [
    # a plan made in the past ("had been set to expire") leaves the side to the distance
    ("The offer had been set to expire Nov. 6.", "1989-11-06"),
    ("It had been due to expire Friday evening.", "1989-10-27"),
    # the frame's own date is past whatever the quotation promises
    ("“We will concentrate on our core brands,” Mr. Gerstner said Friday.", "1989-10-27"),
    # a relative clause says nothing of the main clause's tense
    ("The sale, which had been expected, helps it pay down its loan by February.", "1990-02-01"),
    # near misses: the future stays the future, a past stays past
    ("The offer will expire Friday.", "1989-11-03"),
    ("It is due to expire Friday.", "1989-11-03"),
    ("The offer expired Friday.", "1989-10-27"),
])
def test_plans_made_in_the_past_and_reporting_dates(text, expected):
    found = find_dates(text, date(1989, 10, 30))  # a Monday
    assert [m.date.isoformat() for m in found] == [expected]


@pytest.mark.parametrize("text, expected", [
    # a determiner and one lower-case word before a year
    ("He lost his unsuccessful 1996 campaign.", ["1996"]),
    ("The rate reached new heights in the year 2006.", ["2006"]),
    ("a landmark 1973 ruling", ["1973"]),
    # near misses: counts stay counts
    ("the remaining 1500 shares", []),
    ("the first 2000 troops", []),
    ("He scored 1996 points.", []),
])
def test_a_year_after_a_determiner_and_an_adjective(text, expected):
    assert [text[m.start:m.end] for m in find_dates(text, date(1998, 2, 13))] == expected
