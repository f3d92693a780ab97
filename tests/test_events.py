"""Events: dated statements, publication, cited articles and curated context, one row each.

Every expected value was worked out by reading the text with a calendar at hand (the seed's dates
against its published date 2016-12-15; the fixture's against 2017-03-02, a Thursday), never
copied from the extractor's output.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys

import pandas as pd
import pytest

import claimframe
from claimframe import pipeline, schema
from claimframe.extract.events import ContextEventsError, event_label, events_table, find_actors, load_context_events

from .conftest import FIXTURES, SEED

BBC = FIXTURES / "timeline" / "bbc-style"
T = pd.Timestamp


def check_table(article, events):
    """The contract: schema, unique IDs, offsets that point at the date text."""
    schema.validate("events", events)
    assert events["event_id"].is_unique
    spans = events[events["start"].notna()]
    for row in spans.itertuples():
        assert article.text[int(row.start):int(row.end)] == row.date_text
    assert (events["date_end"] >= events["date"]).all()
    assert events["date"].is_monotonic_increasing


def by_text(events, text):
    rows = events[events["date_text"] == text]
    assert len(rows) == 1, (text, events["date_text"].tolist())
    return rows.iloc[0]


@pytest.fixture(scope="module")
def seed_events(seed):
    return seed.events


@pytest.fixture(scope="module")
def bbc():
    return claimframe.load_article(BBC)


# --- the seed ----------------------------------------------------------------------------------
def test_seed_events_meet_the_contract(seed, seed_events):
    check_table(seed, seed_events)
    assert seed_events["kind"].value_counts().to_dict() == {"reported": 5, "context": 8, "published": 1,
                                                             "cited": 1}


@pytest.mark.parametrize("date_text, date, date_end, precision, source, words", [
    # the AP photo caption: "..., Iraq, Wednesday, Nov. 9, 2016."
    ("Wednesday, Nov. 9, 2016", "2016-11-09", "2016-11-09", "day", "AP Photo/Marko Drobnjakovic",
     ["soldiers", "Qayara West"]),
    # "the defense official told Breitbart News in October that ...": the date is in the frame
    ("October", "2016-10-01", "2016-10-31", "month", "Breitbart News", ["official", "told Breitbart News"]),
    # "Soon after the offensive started on October 17, ..."
    ("October 17", "2016-10-17", "2016-10-17", "day", "Breitbart News", ["Offensive started"]),
    # "Nevertheless, the Iraqi parliament passed a law in November that made the Shiite militias ..."
    ("November", "2016-11-01", "2016-11-30", "month", "Breitbart News", ["Iraqi parliament passed a law"]),
    # The LA Times learned from Col. Dorrian that "..., U.S. and coalition special forces began
    # training 500 of the new recruits, ... on Dec. 4."
    ("Dec. 4", "2016-12-04", "2016-12-04", "day", "Col. John Dorrian", ["special forces began training"]),
])
def test_seed_reported_events(seed_events, date_text, date, date_end, precision, source, words):
    row = by_text(seed_events, date_text)
    assert row["kind"] == "reported"
    assert (row["date"], row["date_end"]) == (T(date), T(date_end))
    assert row["date_precision"] == precision
    assert row["source"] == source
    for w in words:
        assert w in row["label"]
    assert len(row["label"]) <= 61
    assert date_text not in row["label"]


def test_seed_labels_read_as_the_sentence_says(seed_events):
    labels = dict(zip(seed_events["date_text"], seed_events["label"]))
    assert labels["October 17"] == "Offensive started"
    assert labels["October"] == "Defense official told Breitbart News"
    assert labels["Dec. 4"] == "U.S. and coalition special forces began training 500…"
    assert labels["Wednesday, Nov. 9, 2016"] == "U.S. Army soldiers move through Qayara West Coalition base…"


def test_seed_actors_places_and_claims(seed, seed_events):
    nov = by_text(seed_events, "November")
    assert nov["actors"].split("; ")[:2] == ["Iraqi parliament", "PMF"]
    assert any(a.endswith("Prime Minister Haider al-Abadi") for a in nov["actors"].split("; "))
    assert nov["places"] == "Mosul; Iraq"  # "Sunni-dominated Mosul", "the second-largest city in Iraq"
    oct17 = by_text(seed_events, "October 17")
    actors = oct17["actors"].split("; ")
    assert actors[0].endswith("Maj. Gen. Gary Volesky") and "101st Airborne Division" in actors
    photo = by_text(seed_events, "Wednesday, Nov. 9, 2016")
    assert photo["places"].split("; ")[:3] == ["Qayyarah Airfield West", "Qayyarah", "Mosul"]
    dec4 = by_text(seed_events, "Dec. 4")
    assert "Col. John Dorrian" in dec4["actors"].split("; ")
    # claim_ids: every claim of the sentence, the date claim among them
    claims = seed.claims.set_index("claim_id")
    ids = dec4["claim_ids"].split("; ")
    assert set(claims.loc[ids, "text"]) == {"500", "Dec. 4"}
    assert (claims.loc[ids, "sentence_id"] == dec4["sentence_id"]).all()


def test_seed_meta_events(seed_events):
    pub = seed_events[seed_events["kind"] == "published"].iloc[0]
    assert pub["date"] == T("2016-12-15") and pub["date_precision"] == "day"
    assert pub["source"] == "Breitbart News" and pd.isna(pub["start"]) and pd.isna(pub["sentence_id"])
    cited = seed_events[seed_events["kind"] == "cited"].iloc[0]
    assert cited["date"] == T("2016-12-12")
    assert cited["label"].startswith("Los Angeles Times: “The U.S. is helping train")
    assert "Molly Hennessy-Fiske" in cited["actors"] and "2016-12-14" in cited["note"]


def test_seed_context_events_against_the_article(seed_events):
    ctx = seed_events[seed_events["kind"] == "context"].set_index("date")
    assert len(ctx) == 8 and ctx["source"].notna().all() and ctx["note"].notna().all()
    law = ctx.loc[T("2016-11-26")]
    assert "PMF law" in law["label"] and "Library of Congress" in law["source"]
    assert "in November" in law["note"]
    # "in November" (the article) spans the record's 2016-11-26
    nov = by_text(seed_events, "November")
    assert nov["date"] <= T("2016-11-26") <= nov["date_end"]
    assert ctx.loc[T("2016-10-19"), "source"].startswith("defense.gov transcript 979478")
    assert ctx.loc[T("2017-07-10"), "label"] == "Mosul victory declared"
    assert ctx["start"].isna().all() and (ctx.index == ctx["date_end"]).all()


def test_ids_are_stable_and_survive_edits_elsewhere(seed):
    again = claimframe.load_article(SEED).events
    assert again["event_id"].tolist() == seed.events["event_id"].tolist()
    edited = claimframe.read_text(seed.text.replace("Please let us know", "Do let us know"), **{
        k: seed.meta[k] for k in ("title", "published", "outlet", "url")},
        source_aliases=seed.meta["source_aliases"])
    ids = dict(zip(seed.events["date_text"], seed.events["event_id"]))
    new = dict(zip(edited.events["date_text"], edited.events["event_id"]))
    for text in ("Wednesday, Nov. 9, 2016", "October", "October 17", "November", "Dec. 4"):
        assert new[text] == ids[text]


# --- a fixture in another house style -----------------------------------------------------------
@pytest.mark.parametrize("date_text, date, date_end, precision", [
    ("Tuesday", "2017-02-28", "2017-02-28", "day"),  # latest Tuesday on or before Thu 2017-03-02
    ("12 September 2016", "2016-09-12", "2016-09-12", "day"),
    ("August", "2016-08-01", "2016-08-31", "month"),
    ("October", "2016-10-01", "2016-10-31", "month"),
    ("mid-November", "2016-11-01", "2016-11-30", "month"),
    ("5 December", "2016-12-05", "2016-12-05", "day"),
    ("last week", "2017-02-20", "2017-02-26", "week"),
    ("20 September", "2016-09-20", "2016-09-20", "day"),
    ("next month", "2017-04-01", "2017-04-30", "month"),
    ("1958", "1958-01-01", "1958-12-31", "year"),
])
def test_fixture_dates(bbc, date_text, date, date_end, precision):
    row = by_text(bbc.events, date_text)
    assert (row["date"], row["date_end"], row["date_precision"]) == (T(date), T(date_end), precision)


def test_fixture_contract_and_traps(bbc):
    events = bbc.events
    check_table(bbc, events)
    reported = events[events["kind"] == "reported"]
    assert len(reported) == 10
    # 2016-17 (a budget year), 2000 homes (a count), on Fridays, Councillor Jo May, the last week,
    # and the copyright line's 2017 are not events
    for text in ("2016-17", "2000", "Fridays", "May", "the last week", "2017"):
        assert text not in reported["date_text"].tolist()
    assert not any("Copyright" in bbc.text[int(s):int(s) + 20] for s in reported["start"])
    assert events[events["kind"] == "published"]["date"].tolist() == [T("2017-03-02")]


def test_fixture_labels_sources_and_notes(bbc):
    ev = bbc.events
    assert by_text(ev, "Tuesday")["label"] == "Repairs to the Kelby reservoir dam were completed"
    assert by_text(ev, "Tuesday")["source"] == "officials"  # "..., officials said."
    assert by_text(ev, "12 September 2016")["label"] == "Work began"
    assert by_text(ev, "12 September 2016")["source"] == "Kelby Water Board"  # alias of "The board"
    assert by_text(ev, "mid-November")["label"] == "Heavy rain flooded the site"
    assert by_text(ev, "October")["label"] == "Engineers had expected to finish"
    assert by_text(ev, "1958")["label"] == "Dam built"
    assert by_text(ev, "next month")["label"] == "Second meeting is planned"
    # inside the quotation after "she said": the previous speaker's
    assert by_text(ev, "5 December")["source"] == "Chief Engineer Sarah Oduya"
    assert by_text(ev, "5 December")["label"].startswith("Crews went back in")
    assert by_text(ev, "last week")["note"] == "relative to the published date"
    assert pd.isna(by_text(ev, "5 December")["note"])
    assert "Chief Engineer Sarah Oduya" in by_text(ev, "October")["actors"]


def test_fixture_context_file(bbc):
    ctx = bbc.events[bbc.events["kind"] == "context"]
    assert ctx["date"].tolist() == [T("2016-11-19"), T("2016-12-01")]
    assert ctx["date_end"].tolist() == [T("2016-11-21"), T("2016-12-31")]  # stated; end of the month
    assert ctx["date_text"].tolist() == ["2016-11-19", "2016-12"]


# --- labels ------------------------------------------------------------------------------------
def label_at(sentence, date_text, covers=()):
    i = sentence.index(date_text)
    return event_label(sentence, i, i + len(date_text), covers)


@pytest.mark.parametrize("sentence, date_text, expected", [
    ("Soon after the offensive started on October 17, the general spoke.", "October 17", "Offensive started"),
    ("Nevertheless, the Iraqi parliament passed a law in November.", "November", "Iraqi parliament passed a law"),
    # a caption: the date stands alone at the end; the first clause describes the picture
    ("Soldiers rest at a base near the river, Iraq, Tuesday, March 7, 2017.", "Tuesday, March 7, 2017",
     "Soldiers rest at a base near the river"),
    # one word left: joined with its short subject
    ("The bridge, opened in 1932, carries 40,000 cars a day.", "1932", "Bridge opened"),
    # a prepositional phrase gives way to the main clause before it (skipping "many of them ...")
    ("Troops began training 500 recruits, many of them Sunni, at sites outside Mosul on Dec. 4.", "Dec. 4",
     "Troops began training 500 recruits"),
    ("The vote was held on Monday and the count began on Tuesday.", "Monday",
     "Vote was held and the count began on Tuesday"),
    ("The bank cut rates by the end of June, analysts noted.", "June", "Bank cut rates"),
])
def test_labels(sentence, date_text, expected):
    assert label_at(sentence, date_text) == expected


def test_label_trims_the_reporting_frame():
    s = "The ministry told reporters that the new bridge opened on 4 May to traffic."
    covers = [(s.index("that") + 4, len(s))]  # the attributed content, as attribution gives it
    assert label_at(s, "4 May", covers) == "New bridge opened to traffic"
    s = "The minister said on Tuesday that the bridge would stay shut."
    covers = [(s.index("that") + 4, len(s))]
    assert label_at(s, "Tuesday", covers) == "Minister said"  # the date is in the frame


def test_label_is_capped_at_a_word_boundary():
    s = ("On Friday the regional council approved a sweeping and much-debated plan to rebuild every "
         "flood-damaged school in the valley.")
    label = label_at(s, "Friday")
    assert len(label) <= 60 and label.endswith("…")
    assert label.startswith("Regional council approved a sweeping")
    assert label[:-1] == label[:-1].rstrip() and label[:-1].split()[-1] not in {"a", "the", "to", "of"}
    assert s.replace("On Friday the r", "R").startswith(label[:-1])


def test_actors():
    assert find_actors("Col. John Dorrian told the Los Angeles Times that ISIS had fled.") == [
        "Col. John Dorrian", "Los Angeles Times", "ISIS"]
    assert find_actors("The Times spoke to Gen. Volesky.", people={"Volesky": "Maj. Gen. Gary Volesky"},
                       aliases={"times": "Los Angeles Times"}) == ["Los Angeles Times", "Maj. Gen. Gary Volesky"]
    assert find_actors("The Iraqi parliament met with the Badr Organization and the 101st Airborne Division.") == [
        "Iraqi parliament", "Badr Organization", "101st Airborne Division"]
    assert find_actors("Rain fell on the town all week.") == []


# --- text in memory, missing dates, empty articles ----------------------------------------------
def test_text_in_memory_has_no_context_events():
    a = claimframe.read_text("Officials said 500 recruits began training on Dec. 4.", published="2016-12-15",
                             outlet="Example News")
    ev = a.events
    check_table(a, ev)
    assert ev["kind"].tolist() == ["reported", "published"]
    assert ev["date"].tolist() == [T("2016-12-04"), T("2016-12-15")]
    assert ev["label"].iloc[0] == "500 recruits began training"
    assert ev["source"].iloc[0] == "officials"  # "Officials said 500 ...": reported speech


def test_without_a_published_date_only_dates_with_a_year_are_events():
    a = claimframe.read_text("Work began on Dec. 4. The plant opened in 2014 and closed on 3 May 2016.")
    ev = a.events
    check_table(a, ev)
    assert ev["date_text"].tolist() == ["2014", "3 May 2016"]
    assert set(ev["kind"]) == {"reported"} and (ev["source"] == "unattributed").all()


def test_an_article_without_dates_gives_a_typed_empty_table():
    a = claimframe.read_text("Nothing here is dated at all.")
    ev = a.events
    assert len(ev) == 0 and list(ev.columns) == list(schema.TABLES["events"])
    schema.validate("events", ev)


def test_context_argument(seed):
    assert (events_with(seed, context=False)["kind"] != "context").all()
    other = events_with(seed, context=BBC / "context_events.csv")
    assert other[other["kind"] == "context"]["label"].tolist() == ["Storm floods the Kelby valley",
                                                                   "Spillway contractor hired"]


# --- context file errors ------------------------------------------------------------------------
HEADER = "date,date_end,date_precision,label,actors,places,source,note\n"


@pytest.mark.parametrize("body, message", [
    ("2016-11-26,,day,Law passed,,,Reuters,\n2016-13-01,,day,Bad,,,Reuters,\n", "row 3"),
    ("2016-11-26,,fortnight,Law passed,,,Reuters,\n", "fortnight"),
    ("2016-11-26,,day,,,,Reuters,\n", "label is empty"),
    ("2016-11-26,2016-11-01,day,Law passed,,,Reuters,\n", "before date"),
    ("2016-11,,day,Month as day,,,Reuters,\n", "not a date"),
])
def test_context_errors_say_where(tmp_path, body, message):
    path = tmp_path / "context_events.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(ContextEventsError, match=message) as info:
        load_context_events(path)
    assert isinstance(info.value, claimframe.ClaimframeError) and str(path) in str(info.value)


def test_context_missing_column(tmp_path):
    path = tmp_path / "context_events.csv"
    path.write_text("date,label\n2016-11-26,Law passed\n", encoding="utf-8")
    with pytest.raises(ContextEventsError, match="missing column.*date_precision"):
        load_context_events(path)


def test_context_year_precision(tmp_path):
    path = tmp_path / "context_events.csv"
    path.write_text(HEADER + "2014,,year,War began,,,Encyclopedia,\n", encoding="utf-8")
    row = load_context_events(path).iloc[0]
    assert (row["date"], row["date_end"], row["kind"]) == (T("2014-01-01"), T("2014-12-31"), "context")


# --- command line -------------------------------------------------------------------------------
def run(*args):
    return subprocess.run([sys.executable, "-m", "claimframe", *args], capture_output=True)


def test_cli_events_json_and_csv():
    r = run("events", "iraq-shiite-militias-2016", "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert len(rows) == 15
    dec4 = next(x for x in rows if x["date_text"] == "Dec. 4")
    assert (dec4["date"], dec4["date_precision"], dec4["kind"]) == ("2016-12-04", "day", "reported")
    r = run("events", str(BBC))
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(io.BytesIO(r.stdout))
    assert list(df.columns) == list(schema.TABLES["events"])
    assert df.loc[df["date_text"] == "last week", "date_end"].tolist() == ["2017-02-26"]


def test_dates_are_days_not_times(seed_events):
    assert all(isinstance(d, pd.Timestamp) and d == d.normalize() for d in seed_events["date"])
    assert seed_events["date"].min().date() == dt.date(2016, 7, 9)


def test_label_looks_only_as_far_as_the_clause_it_takes(monkeypatch):
    # the date's own segment ("on Dec. 4") is no clause, so the label is the nearest main clause
    # before it; the 200 segments after it are not cleaned up for every date (they were: all of
    # them, for each date in such a list)
    from claimframe.extract import events

    s = ("The army closed the bridge, on Dec. 4, "
         + ", ".join(f"the {i}th shop reopened" for i in range(200)) + ".")
    calls = []
    real = events._clean

    def counting(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(events, "_clean", counting)
    assert label_at(s, "Dec. 4") == "Army closed the bridge"
    assert len(calls) <= 5, len(calls)


def test_places_and_claims_of_a_sentence_with_several_dates():
    # each date's event takes its own sentence's places and claims, whichever sentence comes first
    text = ("Troops reached Mosul on Oct. 17 and Bashiqa on Nov. 7, officials said. "
            "Some 500 recruits began training in Baghdad on Dec. 4 and 300 more on Dec. 11.")
    a = claimframe.read_text(text, published="2016-12-15")
    ev = a.events
    claims = a.claims.set_index("claim_id")
    for date_text, places, texts in (("Oct. 17", "Mosul; Bashiqa", {"Oct. 17", "Nov. 7"}),
                                     ("Nov. 7", "Mosul; Bashiqa", {"Oct. 17", "Nov. 7"}),
                                     ("Dec. 4", "Baghdad", {"Some 500", "Dec. 4", "300", "Dec. 11"}),
                                     ("Dec. 11", "Baghdad", {"Some 500", "Dec. 4", "300", "Dec. 11"})):
        row = by_text(ev, date_text)
        assert row["places"] == places, date_text
        assert set(claims.loc[row["claim_ids"].split("; "), "text"]) == texts, date_text


def events_with(article, context):
    """The events stage on an article's own products, with another context file (or none)."""
    inputs = {name: article.get(name) for name in pipeline.STAGES["events"].requires}
    return events_table(article.document, **inputs, context=context)


# --- recurring and generic dates are no events; new precisions are -----------------------------------
EARNINGS = (
    "Acme Corp. said its third-quarter profit rose 12% to $40 million from $35.7 million a year earlier.\n\n"
    "The company, which holds its board meeting each July and publishes figures every Monday, said "
    "today's investors want steadier returns. Its chairman told ABC's This Week that growth in the late "
    "1980s had been faster.\n\n"
    "The dividend is payable Dec. 7."
)


@pytest.fixture(scope="module")
def earnings():
    return claimframe.read_text(EARNINGS, title="Acme profit up", published="1989-10-27", outlet="Wire")


def test_recurring_and_generic_dates_make_no_events(earnings):
    texts = earnings.events["date_text"].dropna().tolist()
    for word in ("July", "Monday", "today", "This Week"):
        assert not any(word in t for t in texts), (word, texts)


def test_quarters_decades_and_future_dates_are_events(earnings):
    events = earnings.events
    check_table(earnings, events)
    # an article of Oct. 27, 1989: its third quarter ended on Sept. 30; "a year earlier" is 1988's
    for text, date, date_end, precision in [
        ("third-quarter", "1989-07-01", "1989-09-30", "quarter"),
        ("a year earlier", "1988-07-01", "1988-09-30", "quarter"),
        ("late 1980s", "1987-01-01", "1989-12-31", "decade"),
        ("Dec. 7", "1989-12-07", "1989-12-07", "day"),  # payable: ahead, not 1988
    ]:
        row = by_text(events, text)
        assert (row["date"], row["date_end"], row["date_precision"]) == (T(date), T(date_end), precision)


def test_context_events_take_the_new_precisions(tmp_path):
    path = tmp_path / "context_events.csv"
    path.write_text("date,date_end,date_precision,label,source\n"
                    "1989-07-01,,quarter,Third quarter,filing\n"
                    "1980-01-01,,decade,The 1980s,history\n", encoding="utf-8")
    rows = load_context_events(path)
    assert rows["date_end"].tolist() == [T("1989-09-30"), T("1989-12-31")]


def test_labels_are_capped_at_the_limit_on_a_word_boundary():
    s = "Officials said the long awaited northern bridge over the wide river opened on Monday"
    at = s.index("Monday")
    # "Long awaited northern bridge" is 28 characters: with the ellipsis it fits a limit of 29
    assert event_label(s, at, at + 6, limit=29) == "Long awaited northern bridge…"
    assert event_label(s, at, at + 6, limit=28) == "Long awaited northern…"
    assert event_label(s, at, at + 6, limit=60) == "Long awaited northern bridge over the wide river opened"
