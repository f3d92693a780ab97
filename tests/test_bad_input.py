"""Bad input gets a clear error or a correct result: never a traceback, never a hang."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimframe
from claimframe.errors import ArticleFormatError, ArticleNotFoundError


def test_missing_path():
    with pytest.raises(ArticleNotFoundError, match="no such file"):
        claimframe.load_article("/nonexistent/article")


def test_directory_without_article(tmp_path):
    with pytest.raises(ArticleNotFoundError, match="no article.txt"):
        claimframe.load_article(tmp_path)


@pytest.mark.parametrize("text", ["", "   \n\t  \n"])
def test_empty_text(text, tmp_path):
    with pytest.raises(ArticleFormatError, match="empty"):
        claimframe.read_text(text)
    (tmp_path / "a.txt").write_text(text)
    with pytest.raises(ArticleFormatError, match="empty"):
        claimframe.load_article(tmp_path / "a.txt")


def test_undecodable_bytes(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"Caf\xe9 owners said 40 people came.")
    with pytest.raises(ArticleFormatError, match=r"undecodable byte 0xe9 at offset 3"):
        claimframe.load_article(tmp_path / "b.txt")


@pytest.mark.parametrize("encoding, bom", [
    ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
    ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff"), ("utf-8", b"\xef\xbb\xbf"),
])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, encoding, bom):
    text = "Flood in Łódź\r\n\r\nOfficials said 300 homes flooded; “40 people” left.\r\n"
    (tmp_path / "a.txt").write_bytes(bom + text.encode(encoding))
    a = claimframe.load_article(tmp_path / "a.txt")
    assert a.text == text.replace("\r\n", "\n")
    assert a.claims["text"].tolist() == ["300", "40"]
    assert a.paragraphs["text"].tolist() == ["Flood in Łódź",
                                             "Officials said 300 homes flooded; “40 people” left."]


def test_utf16_without_a_byte_order_mark_is_named(tmp_path):
    (tmp_path / "a.txt").write_bytes("Officials said 300 homes flooded.".encode("utf-16-le"))
    with pytest.raises(ArticleFormatError,
                       match="looks like UTF-16 text without a byte-order mark; re-save it as UTF-8"):
        claimframe.load_article(tmp_path / "a.txt")


def test_broken_utf16_is_refused_with_the_offset(tmp_path):
    # a UTF-16 byte-order mark, "Some", then half of a surrogate pair
    (tmp_path / "a.txt").write_bytes(b"\xff\xfe" + "Some".encode("utf-16-le") + b"\x00\xd8")
    with pytest.raises(ArticleFormatError, match=r"a\.txt: not UTF-16 \(undecodable byte 0x00 at offset 10\)"):
        claimframe.load_article(tmp_path / "a.txt")


@pytest.mark.parametrize("text, where", [
    ("Some 40 people came.\nThen \ud800 left.", r"U\+D800 at character 26 \(line 2, column 6\)"),
    ("\udcff", r"U\+DCFF at character 0 \(line 1, column 1\)"),
    ("Say \ud83d\ude00 now", r"U\+D83D at character 4 \(line 1, column 5\)"),  # a pair, but as two code points
])
def test_lone_surrogates_are_refused_with_their_position(text, where):
    with pytest.raises(ArticleFormatError, match="lone surrogate " + where):
        claimframe.read_text(text)
    errors = claimframe.corpus([("s", text)], tables=("claims",)).errors
    assert errors["article_id"].tolist() == ["s"] and "lone surrogate" in errors["error"].iloc[0]


def test_binary_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ArticleFormatError, match="binary"):
        claimframe.load_article(tmp_path / "a.txt")


def test_html_page_is_refused_clearly():
    page = "<!DOCTYPE html><html><body><p>Some 40 people came.</p></body></html>"
    with pytest.raises(ArticleFormatError, match="HTML page.*plain text"):
        claimframe.read_text(page)


def test_huge_text_is_refused_quickly():
    with pytest.raises(ArticleFormatError, match="more than one article"):
        claimframe.read_text("Some 40 people came. " * 2_500_000)  # ~52 MB


@pytest.mark.parametrize("text, expected", [
    ("1,2,3,4,5,6,7,8,9,10,11,12,13 " * 200, []),
    ("The number " + "7" * 400 + " is an identifier.", []),
    ("The militia has ٥٠٠ fighters.", [("٥٠٠", 500.0)]),
    ("He said “500 troops came and the quote never closed. Then 40 more.", [("500", 500.0), ("40", 40.0)]),
    ("” stray ” closing “ marks and 12 km.", [("12 km", 12.0)]),
    ("\u202e\u200bSome\u00a0300 people\ufeff.", [("Some\u00a0300", 300.0)]),
])
def test_pathological_text_gives_a_correct_result(text, expected):
    c = claimframe.read_text(text).claims
    assert list(zip(c["text"], c["value"].astype(float))) == expected


def test_long_runs_finish():
    for text in ("Nov. " * 40_000, "x" * 200_000, "He said 5 troops, and 6 guns. " * 5_000, "“ " * 50_000):
        a = claimframe.read_text(text)
        for row in a.claims.itertuples():
            assert a.text[row.start:row.end] == row.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=400).filter(lambda t: t.strip()))
def test_any_text_extracts_with_matching_spans(text):
    try:
        a = claimframe.read_text(text, published="2016-12-15")
    except ArticleFormatError:
        return  # refused with a clear error (e.g. looks like HTML)
    for name in ("paragraphs", "sentences", "claims"):
        for row in getattr(a, name).itertuples():
            assert a.text[row.start:row.end] == row.text


NEWSY = st.lists(st.sampled_from([
    "some", "50", "kilometers", "north", "of", "Mosul", "“", "”", ",", ".", "hundreds", "of", "guns",
    "Dec.", "4", "up", "to", "900", "at", "least", "40", "said", "Col.", "Dorrian", "according", "to",
    "the", "Times", "$", "1.5", "billion", "(8 miles)", "\n\n", "between", "and", "3,000-4,000", "percent",
]), min_size=1, max_size=60).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(NEWSY)
def test_newsy_token_soup_extracts_with_matching_spans(text):
    if not text.strip():
        return
    a = claimframe.read_text(text, published="2016-12-15")
    c = a.claims
    for row in c.itertuples():
        assert a.text[row.start:row.end] == row.text
    assert c["claim_id"].is_unique
