"""The article as HTML: claims highlighted, places underlined, everything escaped, text intact.

Expected values come from reading data/articles/iraq-shiite-militias-2016/article.txt and the
invented tests/fixtures/hostile/ article; none is copied from the library's output.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import claimframe
from claimframe import Article, read_text
from claimframe.document import Document
from claimframe.views.highlight import HighlightError, article_html, claim_title, format_number, legend_html
from claimframe.views.style import KIND_COLOURS

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
SAFE_TAGS = {"div", "span", "mark", "h2", "p", "strong", "a"}
SAFE_ATTRS = {"class", "style", "title", "href", "rel", "target", "data-kind", "data-claim-id",
              "data-place-id", "data-paragraph-id"}


class Elements(HTMLParser):
    """Every start tag with its (unescaped) attributes, and the text, as a browser would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[dict] = []
        self.text: list[str] = []
        self.marks: list[dict] = []  # {"attrs": ..., "text": ...} for each <mark> / place span

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        self.stack.append({"tag": tag, "attrs": attrs, "text": ""})

    def handle_endtag(self, tag):
        item = self.stack.pop()
        assert item["tag"] == tag, f"</{tag}> closes <{item['tag']}>: tags are not nested properly"
        if tag == "mark" or "cf-place" in (item["attrs"].get("class") or ""):
            self.marks.append(item)

    def handle_data(self, data):
        self.text.append(data)
        for item in self.stack:
            item["text"] += data


def parse(fragment: str) -> Elements:
    parser = Elements()
    parser.feed(fragment)
    parser.close()
    assert not parser.stack, "unclosed tags"
    return parser


def strip(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", fragment))


@pytest.fixture(scope="module")
def seed():
    return claimframe.load_article("iraq-shiite-militias-2016")


@pytest.fixture(scope="module")
def hostile():
    return claimframe.load_article(HOSTILE)


def claim_marks(parsed: Elements) -> dict[str, dict]:
    return {m["text"]: m["attrs"] for m in parsed.marks
            if m["tag"] == "mark" and "cf-claim" in m["attrs"]["class"]}


# --- the text is never broken ---------------------------------------------------------------

def test_seed_round_trip_with_claims_and_places(seed):
    places = pd.DataFrame({  # Mosul and Qayara as they stand in the caption (offsets by reading)
        "start": [151, 187], "end": [157, 192], "text": ["Qayara", "Mosul"],
        "place_id": ["qayyarah", "mosul"], "name": ["Qayyarah", "Mosul"], "resolution": ["curated", "curated"],
    })
    assert seed.text[151:157] == "Qayara" and seed.text[187:192] == "Mosul"
    body = article_html(seed, places=places, meta=False, legend=False)
    assert strip(body) == seed.text
    assert "".join(parse(body).text) == seed.text


def test_hostile_round_trip(hostile):
    body = article_html(hostile, meta=False, legend=False)
    assert strip(body) == hostile.text
    assert "".join(parse(body).text) == hostile.text


# --- escaping ---------------------------------------------------------------------------------

def assert_only_our_markup(fragment: str):
    parsed = parse(fragment)
    for tag, attrs in parsed.tags:
        assert tag in SAFE_TAGS, f"unexpected <{tag}>"
        assert set(attrs) <= SAFE_ATTRS, f"unexpected attributes {set(attrs) - SAFE_ATTRS} on <{tag}>"
        href = attrs.get("href")
        assert href is None or href.startswith(("https://", "http://"))
    lowered = fragment.lower()
    for raw in ("<script", "</script", "<img", "<svg", "<iframe", "<b>", "<i>", "<x>"):
        assert raw not in lowered, f"{raw} reached the HTML unescaped"
    return parsed


def test_hostile_text_and_meta_are_shown_as_text(hostile):
    page = article_html(hostile)
    parsed = assert_only_our_markup(page)
    shown = "".join(parsed.text)
    # What the reader sees is the text as written, markup and entities included.
    assert "Council &amp; <img src=x onerror=alert(1)> approve “safe” budget" in shown
    assert "<svg onload=alert(1)>" in shown and "</script>" in shown and "&lt;b&gt;" in shown
    assert "\u202ereversed\u202c" in shown and "cafe\u0301" in shown and "\U0001F9EE" in shown
    # Metadata: title (differs from the headline, so shown), outlet, author, url, cites.
    assert "Council &amp; <script>alert(1)</script> approve \"safe\" budget" in shown
    assert "The <b>Ledger</b> & 'Co'" in shown
    assert "Zoë \"Zed\" O'Neil <img src=x onerror=alert(1)>" in shown
    assert "javascript:alert(1)" in shown  # shown, never linked
    assert not any(a.get("href") for _, a in parsed.tags)
    assert "<script>alert(2)</script> & \"more\"" in shown
    # Escaped in the source: the article's "&amp;" becomes "&amp;amp;".
    # (the extractor reads the "1" of "alert(1)" as a count, so the escaped text stops at "(")
    assert "Council &amp;amp; &lt;img src=x onerror=alert(" in page


def test_hostile_sources_are_escaped_in_hover_text(hostile):
    marks = claim_marks(parse(article_html(hostile)))
    # "12 bridges": a count the outlet states, hover text carries the outlet's hostile name.
    assert marks["12"]["title"].splitlines() == [
        "count: 12 bridges", "hedge: exact", "source: The <b>Ledger</b> & 'Co'"]
    # The caption's distance goes to the credit line, quotes and angle brackets included.
    assert marks["some 13 kilometers"]["title"].endswith('source: Photo: J. "Doe" <x>/Reuters')


def test_script_in_text_of_an_article_built_directly():
    # check_text refuses "<script" in loaded text, so build the Article without it.
    text = ("Hello <script>alert(1)</script>\n\n"
            "Officials said 500 recruits <img src=x onerror=alert(1)> trained & \"rested\".")
    article = Article(Document(text, {"title": "<script>x</script>", "outlet": "A & B", "published": None}))
    page = article_html(article)
    assert_only_our_markup(page)
    assert strip(article_html(article, meta=False, legend=False)) == text
    assert "Hello &lt;script&gt;alert(" in page and "&lt;/script&gt;" in page


def test_read_text_with_hostile_markup_that_passes_check_text():
    text = 'The <b>board</b> & "staff" said 500 <img src=x onerror=alert(1)> recruits trained.'
    article = read_text(text, title="<img src=x onerror=alert(1)>", outlet="O'Reilly & <Sons>",
                        url="data:text/html,<script>alert(1)</script>")
    page = article_html(article)
    parsed = assert_only_our_markup(page)
    assert "O'Reilly & <Sons>" in "".join(parsed.text)
    assert claim_marks(parsed)["500"]["title"].splitlines()[-1] == "source: O'Reilly & <Sons>"


# --- highlights, hover text, roles ----------------------------------------------------------

def test_seed_claims_highlighted_by_kind(seed):
    parsed = parse(article_html(seed))
    marks = claim_marks(parsed)
    kinds = [m["attrs"]["data-kind"] for m in parsed.marks if m["tag"] == "mark"
             and "cf-claim" in m["attrs"]["class"]]
    # 14 claims by reading: 6 counts, 2 distances, 5 dates, 1 rank.
    assert sorted(kinds) == sorted(["count"] * 6 + ["distance"] * 2 + ["date"] * 5 + ["rank"])
    assert KIND_COLOURS["count"] in marks["up to 900"]["style"]
    assert KIND_COLOURS["date"] in marks["Wednesday, Nov. 9, 2016"]["style"]
    assert marks["up to 900"]["title"].splitlines() == [
        "count: ≤ 900 fighters", "hedge: at most (upper bound)", "source: Haitham Mayahi (quoted)"]
    assert marks["80,000 to 100,000"]["title"].splitlines() == [
        "count: 80,000–100,000 members", "hedge: range", "source: experts (quoted)"]
    assert marks["some 13 kilometers (8 miles)"]["title"].splitlines() == [
        "distance: ≈ 13 km", "hedge: approximate", "unit: km", "conversion stated: 8 mi",
        "source: AP Photo/Marko Drobnjakovic"]
    assert marks["Wednesday, Nov. 9, 2016"]["title"].splitlines()[0] == "date: 2016-11-09 (day)"
    assert marks["October"]["title"].splitlines()[0] == "date: 2016-10 (month)"
    assert marks["second-largest"]["title"].splitlines()[0] == "rank: 2 city"


def test_seed_paragraph_roles(seed):
    parsed = parse(article_html(seed))
    by_class = {}
    for item in parsed.tags:
        cls = item[1].get("class") or ""
        by_class.setdefault(cls, []).append(item[0])
    assert by_class["cf-p cf-headline"] == ["h2"]
    assert len(by_class["cf-p cf-caption"]) == 1 and len(by_class["cf-p cf-credit"]) == 1
    assert len(by_class["cf-p cf-boilerplate"]) == 1
    page = article_html(seed)
    assert re.search(r'<h2 [^>]*>Report: U\.S\. Arming, Training Iran-Allied Shiite Militias in Iraq, '
                     r'Including Terrorists</h2>', page)
    assert re.search(r'class="cf-p cf-credit"[^>]*>AP Photo/Marko Drobnjakovic</p>', page)
    assert re.search(r"class=\"cf-p cf-boilerplate\"[^>]*>Please let us know if you&#x27;re having "
                     r"issues with commenting\.</p>", page)
    # The seed's title is its headline: shown once, as the heading.
    assert page.count("Report: U.S. Arming") == 1
    assert 'href="https://www.breitbart.com/national-security/2016/12/15/' in page


def test_filtered_claims_and_no_places(seed):
    only = seed.claims[seed.claims["kind"] == "distance"]
    parsed = parse(article_html(seed, claims=only))
    assert sorted(claim_marks(parsed)) == ["some 13 kilometers (8 miles)", "some 50 kilometers"]
    assert "cf-place" not in article_html(seed, claims=only)  # places=None: none marked, no key
    none = article_html(seed, claims=seed.claims.iloc[0:0], meta=False, legend=False)
    assert "<mark" not in none and strip(none) == seed.text


def test_places_underlined_and_claims_win_overlaps(seed):
    # "Mosul" (187:192) stands alone; a bogus place over "50 kilometers" (164:177) overlaps a claim.
    assert seed.text[164:177] == "50 kilometers"
    places = pd.DataFrame({"start": [187, 164], "end": [192, 177], "text": ["Mosul", "50 kilometers"],
                           "place_id": ["mosul", pd.NA], "name": ["Mosul", pd.NA],
                           "resolution": ["curated", "unresolved"]})
    body = article_html(seed, places=places, meta=False, legend=False)
    parsed = parse(body)
    spans = [m for m in parsed.marks if m["tag"] == "span"]
    assert [s["text"] for s in spans] == ["Mosul"]
    assert spans[0]["attrs"]["title"].splitlines() == ["place: Mosul", "resolution: curated (mosul)"]
    assert claim_marks(parsed)["some 50 kilometers"]["data-kind"] == "distance"
    assert strip(body) == seed.text
    assert "place mention" in article_html(seed, places=places)


def test_overlapping_claims_keep_the_first_and_the_text():
    article = read_text("Officials said 500 recruits trained.")
    claims = pd.DataFrame({"start": [15, 16], "end": [18, 27], "text": ["500", "00 recruits"],
                           "kind": ["count", "count"], "hedge": ["exact", "exact"], "value": [500.0, 0.0]})
    body = article_html(article, claims=claims, meta=False, legend=False)
    assert list(claim_marks(parse(body))) == ["500"]
    assert strip(body) == article.text


def test_spans_from_another_article_raise(seed):
    other = read_text("Officials said 500 recruits trained.")
    with pytest.raises(HighlightError, match="another article"):
        article_html(other, claims=seed.claims)
    bad = pd.DataFrame({"start": [0], "end": [5], "text": ["Nope!"]})
    with pytest.raises(HighlightError, match="not the article's text"):
        article_html(other, claims=other.claims, places=bad)


def test_missing_offsets_are_skipped():
    article = read_text("Officials said 500 recruits trained.")
    claims = pd.DataFrame({"start": pd.array([pd.NA, 15], dtype="Int64"),
                           "end": pd.array([pd.NA, 18], dtype="Int64"), "kind": ["count", "count"]})
    assert list(claim_marks(parse(article_html(article, claims=claims)))) == ["500"]


# --- small pieces -------------------------------------------------------------------------------

def test_legend_lists_every_kind_with_counts(seed):
    key = legend_html(seed.claims)
    for label in ("count (6)", "distance (2)", "date (5)", "rank (1)", "money (0)", "percent (0)",
                  "duration (0)", "measure (0)"):
        assert label in key
    plain = legend_html()
    assert all(f">{kind}</mark>" in plain for kind in KIND_COLOURS)
    assert "place mention" in plain and "place mention" not in legend_html(places=False)


def test_claim_title_and_numbers():
    assert claim_title({"kind": "count", "hedge": "at_least", "low": 40.0, "entity": "militias",
                        "source": "experts", "quoted": True}).splitlines() == [
        "count: ≥ 40 militias", "hedge: at least (lower bound)", "source: experts (quoted)"]
    assert claim_title({"kind": "money", "hedge": "exact", "value": 4.2e6, "unit": "USD",
                        "unit_stated": "USD"}).splitlines()[0] == "money: 4,200,000 USD"
    assert claim_title({"kind": "percent", "hedge": "approx", "value": 40.0, "unit": "percent"}
                       ).splitlines()[0] == "percent: ≈ 40%"
    assert claim_title({"kind": "distance", "hedge": "approx", "value": 40.2336, "unit": "km",
                        "unit_stated": "mi"}).splitlines()[2] == "unit: km (stated in mi)"
    assert format_number(80000.0) == "80,000" and format_number(40.2336) == "40.23"
    assert format_number(pd.NA) == "" and format_number(None) == ""


def test_metadata_table_and_place_mentions(seed):
    from claimframe.views.highlight import metadata_table, place_mentions

    table = metadata_table(seed).set_index("field")["value"]
    assert table["outlet"] == "Breitbart News" and table["published"] == "2016-12-15"
    assert table["author"] == "(unknown)"  # data/README.md: the author is not confirmed
    assert table["cites"].startswith("“The U.S. is helping train Iraqi militias historically tied to Iran”")
    places = place_mentions(seed)
    first_mosul = places[places["text"] == "Mosul"].iloc[0]
    assert (first_mosul["start"], first_mosul["end"]) == (187, 192)  # "... south of Mosul, Iraq"
