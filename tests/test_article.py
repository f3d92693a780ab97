"""Loading articles and cutting them into paragraphs and sentences."""
import datetime as dt

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
