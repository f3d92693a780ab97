"""The command line: tables to stdout, one clear line and exit code 2 on bad input."""
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from .conftest import SEED


def run(*args, stdin=b""):
    return subprocess.run([sys.executable, "-m", "claimframe", *args], input=stdin, capture_output=True)


def test_claims_csv():
    r = run("claims", str(SEED))
    assert r.returncode == 0, r.stderr
    df = pd.read_csv(io.BytesIO(r.stdout))
    assert len(df) == 14
    assert "up to 900" in df["text"].tolist()


def test_claims_json_from_stdin_with_published():
    r = run("claims", "-", "--published", "2017-01-12", "--format", "json",
            stdin="Officials said 500 recruits began training on Dec. 4.".encode())
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [(x["text"], x["kind"]) for x in rows] == [("500", "count"), ("Dec. 4", "date")]
    assert rows[1]["date"] == "2016-12-04"


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8")  # UTF-16 with half a surrogate pair
    for args, stdin in ((("claims", "/no/such/path"), b""), (("claims", "-"), b"  \n"),
                        (("claims", str(tmp_path / "bad.txt")), b""),
                        (("claims", str(SEED), "--published", "15/12/2016"), b"")):
        r = run(*args, stdin=stdin)
        assert r.returncode == 2, (args, r.stderr)
        lines = r.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("claimframe: "), r.stderr
        assert r.stdout == b""


def test_import_is_light():
    code = "import sys, claimframe; print(any(m in sys.modules for m in ('pandas', 'pyproj', 'matplotlib')))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.stdout.strip() == "False"


def test_add_files_an_article_and_refuses_to_overwrite(tmp_path):
    import os

    env = {**os.environ, "CLAIMFRAME_DATA": str(tmp_path)}
    story = tmp_path / "story.txt"
    story.write_text("Flood hits Harlow\n\nOfficials said 300 homes flooded on Monday.\n", encoding="utf-8")

    def add(*extra, stdin=b""):
        return subprocess.run([sys.executable, "-m", "claimframe", "add", *extra], input=stdin,
                              capture_output=True, env=env)

    r = add(str(story), "--slug", "harlow-flood", "--title", "Flood hits Harlow", "--published", "2020-03-04",
            "--outlet", "Harlow Herald")
    assert r.returncode == 0, r.stderr
    folder = tmp_path / "articles" / "harlow-flood"
    assert (folder / "article.txt").read_text(encoding="utf-8") == story.read_text(encoding="utf-8")
    import claimframe

    article = claimframe.load_article(folder)
    assert (article.meta["title"], str(article.published), article.outlet) == \
        ("Flood hits Harlow", "2020-03-04", "Harlow Herald")
    assert article.claims["text"].tolist() == ["300", "Monday"]
    again = add(str(story), "--slug", "harlow-flood")
    assert again.returncode == 2 and b"--force" in again.stderr
    assert add(str(story), "--slug", "harlow-flood", "--force", "--title", "New").returncode == 0
    assert claimframe.load_article(folder).meta["title"] == "New"
    for bad_args, stdin in ((("-", "--slug", "empty-one"), b"   "), ((str(story), "--slug", "Not A Slug"), b""),
                            (("-", "--slug", "page"), b"<html><body><nav><a href='/'>Home</a></nav></body></html>")):
        r = add(*bad_args, stdin=stdin)
        assert r.returncode == 2 and len(r.stderr.decode().strip().splitlines()) == 1, r.stderr
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == ["harlow-flood"]


def test_add_quotes_awkward_metadata(tmp_path):
    import claimframe
    from claimframe.io.load import add_article

    folder = add_article("Some 40 people came.", "odd-title", root=tmp_path, published="2020-01-02",
                         title='He said "40" \\ then\nleft', outlet="Ünïcode News")
    meta = claimframe.load_article(folder).meta
    assert meta["title"] == 'He said "40" \\ then\nleft' and meta["outlet"] == "Ünïcode News"


STORY = "Flood hits Harlow\n\nOfficials said 300 homes flooded on Monday.\n"


def add_in_process(capsys, *args):
    """``claimframe add ...`` in this process: (exit code, stdout, stderr)."""
    from claimframe.__main__ import main

    code = main(["add", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_refuses_slugs_that_are_not_a_safe_folder_name(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CLAIMFRAME_DATA", str(tmp_path))
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    for slug in ("harlow-flood\n", "../escape", ".hidden", "..", "a/b", "a b", "", "flood\u00e9", "-x", "_"):
        code, out, err = add_in_process(capsys, str(story), f"--slug={slug}")
        assert code == 2, (slug, err)
        assert err.startswith(f"claimframe: slug {slug!r}: a slug names a folder, so use only letters, digits"), err
        assert len(err.strip().splitlines()) == 1 and out == ""
    code, _, err = add_in_process(capsys, str(story), "--slug", "x" * 300)
    assert code == 2
    assert err.strip() == f"claimframe: slug {'x' * 30!r}... is 300 characters long; keep a slug to 100 at most"
    assert str(story) not in err
    assert add_in_process(capsys, str(story), "--slug", "Harlow_Flood.2020")[0] == 0
    assert add_in_process(capsys, str(story), "--slug", "y" * 100)[0] == 0
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == ["Harlow_Flood.2020", "y" * 100]


def test_add_force_keeps_the_meta_fields_it_is_not_given(tmp_path, monkeypatch, capsys):
    import claimframe

    monkeypatch.setenv("CLAIMFRAME_DATA", str(tmp_path))
    folder = tmp_path / "articles" / "harlow-flood"
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text("Old text: 12 homes.\n", encoding="utf-8")
    curated = ('# Curated by hand from the council\'s notice.\n'
               'title = """Old\nheadline"""\n'
               'outlet = "Harlow Herald"\n'
               'published = 2020-03-04  # from the print edition\n'
               'author = ""\n\n'
               '# names the text uses\n'
               '[source_aliases]\n"Harlow Council" = ["council"]\n\n'
               '[[cites]]\ntitle = "Rain warning"\noutlet = "Met Office"\npublished = 2020-03-01\n')
    (folder / "meta.toml").write_bytes(b"\xef\xbb\xbf" + curated.replace("\n", "\r\n").encode("utf-8"))
    before = claimframe.load_article(folder).meta
    story = tmp_path / "story.txt"
    story.write_text(STORY.replace("\n", "\r\n"), encoding="utf-8")
    code, _, err = add_in_process(capsys, str(story), "--slug", "harlow-flood", "--force",
                                  "--title", "Flood hits Harlow", "--url", "https://example.org/flood")
    assert code == 0, err
    assert (folder / "article.txt").read_text(encoding="utf-8") == STORY
    after = claimframe.load_article(folder).meta
    assert after == {**before, "title": "Flood hits Harlow", "url": "https://example.org/flood"}
    assert after["published"] == dt.date(2020, 3, 4)
    assert after["source_aliases"] == {"Harlow Council": ["council"]}
    assert [c["outlet"] for c in after["cites"]] == ["Met Office"]
    written = (folder / "meta.toml").read_text(encoding="utf-8")
    assert written.startswith("# Curated by hand from the council's notice.\ntitle = \"Flood hits Harlow\"\n")
    assert "published = 2020-03-04  # from the print edition\n" in written
    assert "# names the text uses\n[source_aliases]\n" in written
    code, _, err = add_in_process(capsys, str(story), "--slug", "harlow-flood", "--force",
                                  "--published", "2020-03-05")
    assert code == 0, err
    again = claimframe.load_article(folder).meta
    assert again == {**after, "published": dt.date(2020, 3, 5)}
    assert sorted(p.name for p in folder.iterdir()) == ["article.txt", "meta.toml"]  # no temporary files left


def test_add_force_refuses_a_broken_meta_toml_instead_of_dropping_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CLAIMFRAME_DATA", str(tmp_path))
    folder = tmp_path / "articles" / "harlow-flood"
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text("Old text: 12 homes.\n", encoding="utf-8")
    (folder / "meta.toml").write_text("published = 0001-01-01\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    code, _, err = add_in_process(capsys, str(story), "--slug", "harlow-flood", "--force", "--title", "T")
    assert code == 2
    assert err.startswith(f"claimframe: {folder / 'meta.toml'}: published: 0001-01-01 is outside"), err
    assert (folder / "article.txt").read_text(encoding="utf-8") == "Old text: 12 homes.\n"
    assert (folder / "meta.toml").read_text(encoding="utf-8") == "published = 0001-01-01\n"


def test_add_force_refuses_a_slug_folder_linked_outside_the_articles(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CLAIMFRAME_DATA", str(tmp_path / "data"))
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "article.txt").write_text("Mine: 7 cats.\n", encoding="utf-8")
    articles = tmp_path / "data" / "articles"
    articles.mkdir(parents=True)
    (articles / "linked").symlink_to(outside, target_is_directory=True)
    (articles / "dangling").symlink_to(tmp_path / "nowhere", target_is_directory=True)
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    for slug, target in (("linked", outside), ("dangling", tmp_path / "nowhere")):
        for extra in ((), ("--force",)):
            code, _, err = add_in_process(capsys, str(story), "--slug", slug, *extra)
            assert code == 2
            assert err.strip() == (f"claimframe: {articles / slug} leads to {target}, which is not a folder inside "
                                   f"{articles}; claimframe add writes only inside the articles folder: "
                                   "remove the link or choose another slug")
    assert sorted(p.name for p in outside.iterdir()) == ["article.txt"]
    assert (outside / "article.txt").read_text(encoding="utf-8") == "Mine: 7 cats.\n"
    assert not (tmp_path / "nowhere").exists()


def test_claims_of_a_utf16_file_in_process(tmp_path, capsys):
    from claimframe.__main__ import main

    (tmp_path / "a.txt").write_bytes(STORY.replace("\n", "\r\n").encode("utf-16"))
    assert main(["claims", str(tmp_path / "a.txt"), "--published", "2020-03-04"]) == 0
    df = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert df["text"].tolist() == ["300", "Monday"]
    assert main(["claims", str(tmp_path / "a.txt"), "--published", "9999-12-31"]) == 2
    assert capsys.readouterr().err.strip() == ("claimframe: published: 9999-12-31 is outside the dates claimframe "
                                               "accepts (1800-01-01 to 2200-12-31); write the real publication "
                                               "date, or leave it out when unknown")


PAGES = Path(__file__).parent / "fixtures" / "pages"


@pytest.mark.parametrize("page, meta, first_paragraph, absent", [
    # JSON-LD NewsArticle, Open Graph, canonical link; nav, related links, comments and footer around it
    ("courier-flood.html",
     {"title": "Flood waters force 2,300 from homes in river town", "outlet": "Valley Courier",
      "published": dt.date(2023, 4, 12), "author": "Maria Lopez",
      "url": "https://www.valleycourier.example/news/2023/04/12/flood-evacuations"},
     "About 2,300 residents of Millbrook", ("Related stories", "10,000 customers", "basement", "Subscribe", "55 Main")),
    # Open Graph and article:* properties only, a cookie banner, a figure, "most read" and comments
    ("wire-og-only.html",
     {"title": "Rail strike halts 4,000 trains", "outlet": "Northern Wire", "published": dt.date(2022, 6, 21),
      "author": "Priya Shah", "url": "https://northernwire.example/uk/rail-strike-halts-4000-trains"},
     "LONDON (Northern Wire) - About 40,000 rail workers", ("cookies", "Most read", "9.1%", "312 comments",
                                                           "01234567", "slots")),
    # a plain page: a <title> and <meta name="author">, no date, no site name, no canonical URL
    ("gazette-no-date.html", {"title": "Council weighs 8 percent fare rise", "author": "Sam Okafor"},
     "The borough council on Monday debated", ("Log in", "too much")),
])
def test_page_article_finds_the_text_and_the_metadata(page, meta, first_paragraph, absent):
    from claimframe.io.html import page_article

    found = page_article((PAGES / page).read_text(encoding="utf-8"))
    assert found.meta == meta
    assert found.missing == tuple(k for k in ("title", "outlet", "published", "author", "url") if k not in meta)
    paragraphs = found.text.split("\n\n")
    assert paragraphs[0] == meta["title"] and paragraphs[1].startswith(first_paragraph)
    for words in absent:
        assert words not in found.text


def test_add_files_a_saved_page_and_says_what_it_lacks(tmp_path, monkeypatch, capsys):
    import claimframe

    monkeypatch.setenv("CLAIMFRAME_DATA", str(tmp_path))
    code, out, err = add_in_process(capsys, str(PAGES / "courier-flood.html"), "--slug", "courier-flood")
    assert code == 0, err
    assert "published: 2023-04-12" in out and "author: Maria Lopez" in out and err == ""
    article = claimframe.load_article("courier-flood")
    assert (article.meta["title"], article.outlet, article.published, article.meta["author"]) == \
        ("Flood waters force 2,300 from homes in river town", "Valley Courier", dt.date(2023, 4, 12), "Maria Lopez")
    claims = article.claims.set_index("text")
    assert claims.loc["$12 million", "value"] == 12_000_000 and str(claims.loc["Tuesday", "date"])[:10] == "2023-04-11"

    code, out, err = add_in_process(capsys, str(PAGES / "gazette-no-date.html"), "--slug", "fares",
                                    "--outlet", "The Borough Gazette")
    assert code == 0
    lines = err.strip().splitlines()
    assert lines[0] == (f"claimframe: the page gives no published, url; set them in "
                        f"{tmp_path / 'articles' / 'fares' / 'meta.toml'}")
    assert "no publication date" in lines[1] and "published = YYYY-MM-DD" in lines[1] and "--published" in lines[1]
    assert claimframe.load_article("fares").published is None and claimframe.load_article("fares").outlet == \
        "The Borough Gazette"
    # the date set by hand is picked up, and the warning goes
    code, out, err = add_in_process(capsys, str(PAGES / "gazette-no-date.html"), "--slug", "fares", "--force",
                                    "--published", "2024-02-05")
    assert code == 0 and "no publication date" not in err
    assert claimframe.load_article("fares").published == dt.date(2024, 2, 5)


def test_add_text_without_a_date_warns_and_says_how_to_set_it(tmp_path, monkeypatch, capsys):
    from claimframe.io.load import MetadataWarning, add_article

    monkeypatch.setenv("CLAIMFRAME_DATA", str(tmp_path))
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    code, out, err = add_in_process(capsys, str(story), "--slug", "harlow")
    assert code == 0 and out.startswith("added ")
    assert err.startswith("claimframe: warning: harlow: no publication date") and "meta.toml" in err
    assert add_in_process(capsys, str(story), "--slug", "dated", "--published", "2020-03-04")[2] == ""
    with pytest.warns(MetadataWarning, match="no publication date"):
        add_article(STORY, "api-story", root=tmp_path / "other")


def test_api_loads_and_adds_a_saved_page(tmp_path):
    import claimframe
    from claimframe.io.load import add_page

    article = claimframe.load_article(PAGES / "wire-og-only.html")
    assert article.published == dt.date(2022, 6, 21) and article.outlet == "Northern Wire"
    folder, page = add_page((PAGES / "courier-flood.html").read_text(encoding="utf-8"), "flood", root=tmp_path,
                            author="M. Lopez")
    assert page.missing == () and claimframe.load_article(folder).meta["author"] == "M. Lopez"
    with pytest.raises(claimframe.ArticleFormatError, match="no article text found"):
        add_page("<!DOCTYPE html><html><body><nav>Home</nav></body></html>", "empty", root=tmp_path)
    assert not (tmp_path / "empty").exists()


def test_a_mistyped_slug_lists_the_articles(tmp_path, monkeypatch, capsys):
    from claimframe.__main__ import main

    monkeypatch.setenv("CLAIMFRAME_DATA", str(tmp_path))
    for slug in ("harlow-flood", "mosul-offensive"):
        (tmp_path / "articles" / slug).mkdir(parents=True)
        (tmp_path / "articles" / slug / "article.txt").write_text(STORY, encoding="utf-8")
    assert main(["claims", "harlow-flod"]) == 2
    err = capsys.readouterr().err
    assert "did you mean harlow-flood?" in err and "harlow-flood, mosul-offensive" in err


def test_help_is_plain_text_and_offers_only_formats_that_work(capsys):
    from claimframe.__main__ import main

    for argv in (["--help"], ["claims", "--help"], ["places", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        out = capsys.readouterr().out
        assert "``" not in out
        assert ("geojson" in out) == (argv[0] == "places")
