"""Loading articles and cutting them into paragraphs and sentences."""
import datetime as dt
import re

import pytest

import claimframe
from claimframe.schema import validate

from .conftest import SEED


def test_seed_is_the_shared_article_verbatim(seed):
    shared = SEED.parents[3] / "shared" / "seed-article.txt"
    if shared.exists():
        assert seed.text == shared.read_text(encoding="utf-8")
    assert seed.text.startswith("Report: U.S. Arming, Training Iran-Allied Shiite Militias")


def test_metadata(seed):
    assert seed.published == dt.date(2016, 12, 15)
    assert seed.outlet == "Breitbart News"
    assert seed.meta["cites"][0]["outlet"] == "Los Angeles Times"
    assert seed.meta["cites"][0]["published"] == dt.date(2016, 12, 12)
    assert seed.meta["author"] == ""


def test_paragraph_roles(seed):
    p = seed.paragraphs
    validate("paragraphs", p)
    roles = p["role"].tolist()
    assert roles[:3] == ["headline", "caption", "credit"]
    assert p["text"].iloc[2] == "AP Photo/Marko Drobnjakovic"
    assert roles[-1] == "boilerplate"
    assert p["text"].iloc[-1] == "Please let us know if you're having issues with commenting."
    assert set(roles[3:-1]) == {"body"}
    for row in p.itertuples():
        assert seed.text[row.start:row.end] == row.text


def test_sentences_respect_abbreviations(seed):
    s = seed.sentences
    validate("sentences", s)
    texts = s["text"].tolist()
    assert "U.S. Army soldiers move through Qayara West Coalition base in Qayara, some 50 kilometers south of " \
           "Mosul, Iraq, Wednesday, Nov. 9, 2016." in texts
    assert any(t.startswith("Echoing what Col. John Dorrian, a U.S. military spokesman") for t in texts)
    for row in s.itertuples():
        assert seed.text[row.start:row.end] == row.text


def test_speakers(seed):
    s = seed.sentences.set_index("text")["speaker"]
    assert s["“We only train forces we can vet,” Dorrian said."] == "Col. John Dorrian"
    assert s["“We don’t support them,” declared Gen. Volesky, adding, “The Shiite PMF are not going into Mosul.”"] \
        == "Maj. Gen. Gary Volesky"
    asked = next(t for t in s.index if t.startswith("Asked whether"))
    assert s[asked] == "a U.S. defense official"


def test_load_a_txt_file_and_a_slug(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("Police said 12 people were hurt.", encoding="utf-8")
    a = claimframe.load_article(f, published="2020-05-01")
    assert a.slug == "story" and a.published == dt.date(2020, 5, 1)
    assert claimframe.load_article("iraq-shiite-militias-2016").slug == "iraq-shiite-militias-2016"
    assert "iraq-shiite-militias-2016" in claimframe.list_articles()


def test_read_text_metadata():
    a = claimframe.read_text("Some 40 people came.", title="T", published="2019-01-02", outlet="The Post")
    assert a.published == dt.date(2019, 1, 2) and a.outlet == "The Post"
    assert a.claims["source"].tolist() == ["The Post"]


def test_crlf_is_normalised(tmp_path):
    f = tmp_path / "article.txt"
    f.write_bytes(b"Headline\r\n\r\nOfficials said 300 people fled.\r\n")
    a = claimframe.load_article(tmp_path)
    assert "\r" not in a.text
    assert a.claims["text"].tolist() == ["300"]


def test_utf8_bom_is_dropped(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("\ufeffOfficials said 300 people fled.".encode("utf-8"))
    assert claimframe.load_article(f).text.startswith("Officials")


@pytest.mark.parametrize("bad, message", [
    ('title = "x"\npublished = "not a date"\n', "not a date"),
    ('title = \n', "not valid TOML"),
    ('title = 3\n', "title must be a string"),
    ('[source_aliases]\nX = "not a list"\n', "source_aliases"),
])
def test_malformed_meta_is_a_clear_error(tmp_path, bad, message):
    (tmp_path / "article.txt").write_text("Some 40 people came.", encoding="utf-8")
    (tmp_path / "meta.toml").write_text(bad, encoding="utf-8")
    with pytest.raises(claimframe.MetadataError, match=message):
        claimframe.load_article(tmp_path)


LF_STORY = ("Flood hits Harlow\n\nOfficials said 300 homes flooded on Monday.\n\n"
            "“We moved 40 families,” said Jane Roe.\nPolice said 4 roads closed.\n")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_give_the_same_tables_from_a_file_read_text_and_a_corpus(tmp_path, newline):
    other = LF_STORY.replace("\n", newline)
    lf = claimframe.read_text(LF_STORY, published="2020-03-04")
    expected_ids = lf.claims["claim_id"].tolist()
    assert len(lf.paragraphs) == 3 and len(expected_ids) == 4
    (tmp_path / "article.txt").write_bytes(other.encode("utf-8"))
    for article in (claimframe.load_article(tmp_path, published="2020-03-04"),
                    claimframe.read_text(other, published="2020-03-04"),
                    claimframe.read_text("\ufeff" + other, published="2020-03-04")):
        assert article.text == LF_STORY
        assert article.paragraphs["text"].tolist() == lf.paragraphs["text"].tolist()
        assert article.sentences["text"].tolist() == lf.sentences["text"].tolist()
        assert article.claims["claim_id"].tolist() == expected_ids
    many = claimframe.corpus([("crlf", other, {"published": "2020-03-04"})], tables=("claims", "paragraphs"))
    assert many.errors.empty
    assert many.claims["claim_id"].tolist() == expected_ids
    assert len(many.paragraphs) == 3


@pytest.mark.parametrize("bad, field, message", [
    ("published = 0001-01-01\n", "published", r"0001-01-01 is outside .*\(1800-01-01 to 2200-12-31\)"),
    ("published = 9999-12-31\n", "published", r"9999-12-31 is outside .*\(1800-01-01 to 2200-12-31\)"),
    ('published = "1677-01-01"\n', "published", "1677-01-01 is outside"),
    ("published = [2016]\n", "published", r"must be a date \(YYYY-MM-DD\), not an array"),
    ('[[cites]]\ntitle = "T"\noutlet = 3\n', "cites[0].outlet",
     r'must be a string \(in quotes: outlet = "..."\), not an integer \(3\)'),
    ('[[cites]]\ntitle = "A"\n[[cites]]\ntitle = {text = "B"}\n', "cites[1].title", "must be a string .*, not a table"),
    ('[[cites]]\npublished = 9999-12-31\n', "cites[0].published", "9999-12-31 is outside"),
    ('[[cites]]\nauthors = [1, 2]\n', "cites[0].authors", "must be an array of strings"),
    ("[title]\ntext = 'T'\n", "title", "must be a string .*, not a table"),
])
def test_meta_that_would_fail_later_is_refused_naming_file_and_field(tmp_path, bad, field, message):
    (tmp_path / "article.txt").write_text("Some 40 people came.", encoding="utf-8")
    (tmp_path / "meta.toml").write_text(bad, encoding="utf-8")
    with pytest.raises(claimframe.MetadataError) as info:
        claimframe.load_article(tmp_path)
    text = str(info.value)
    assert text.startswith(f"{tmp_path / 'meta.toml'}: {field}")
    assert re.search(message, text), text


def test_published_range_bounds_and_overrides(tmp_path):
    for day in ("1800-01-01", "2200-12-31"):
        a = claimframe.read_text("Officials said 300 homes flooded on Monday.", published=day)
        assert str(a.events.loc[a.events["kind"] == "published", "date"].iloc[0].date()) == day
    with pytest.raises(claimframe.MetadataError, match="published: 0001-01-01 is outside"):
        claimframe.read_text("Some 40 people came.", published="0001-01-01")
    (tmp_path / "a.txt").write_text("Some 40 people came.", encoding="utf-8")
    with pytest.raises(claimframe.MetadataError, match="published: 2262-04-12 is outside"):
        claimframe.load_article(tmp_path / "a.txt", published="2262-04-12")


def test_cited_authors_may_be_one_string(tmp_path):
    (tmp_path / "article.txt").write_text("Some 40 people came.", encoding="utf-8")
    (tmp_path / "meta.toml").write_text(
        '[[cites]]\ntitle = "T"\noutlet = "The Post"\nauthors = "Jane Doe"\npublished = 2016-12-12\n', encoding="utf-8")
    a = claimframe.load_article(tmp_path)
    assert a.meta["cites"][0]["authors"] == ["Jane Doe"]
    assert a.events.loc[a.events["kind"] == "cited", "actors"].tolist() == ["The Post; Jane Doe"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_meta_toml_with_a_byte_order_mark_is_read(tmp_path, encoding):
    (tmp_path / "article.txt").write_text("Some 40 people came.", encoding="utf-8")
    (tmp_path / "meta.toml").write_bytes('title = "Łódź floods"\r\npublished = 2016-12-15\r\n'.encode(encoding))
    a = claimframe.load_article(tmp_path)
    assert (a.meta["title"], a.published) == ("Łódź floods", dt.date(2016, 12, 15))
