"""The command line: tables to stdout, one clear line and exit code 2 on bad input."""
import io
import json
import subprocess
import sys

import pandas as pd

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
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x01")
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
                            (("-", "--slug", "page"), b"<html><body><p>Hi</p></body></html>")):
        r = add(*bad_args, stdin=stdin)
        assert r.returncode == 2 and len(r.stderr.decode().strip().splitlines()) == 1, r.stderr
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == ["harlow-flood"]


def test_add_quotes_awkward_metadata(tmp_path):
    import claimframe
    from claimframe.article import add_article

    folder = add_article("Some 40 people came.", "odd-title", root=tmp_path,
                         title='He said "40" \\ then\nleft', outlet="Ünïcode News")
    meta = claimframe.load_article(folder).meta
    assert meta["title"] == 'He said "40" \\ then\nleft' and meta["outlet"] == "Ünïcode News"
