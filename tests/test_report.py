"""The checks report: status counts, sentences with spans, escaped HTML, the distance chart."""
from __future__ import annotations

import html
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import claimframe  # noqa: E402
from claimframe import schema  # noqa: E402
from claimframe.extract.places import find_places
from claimframe.extract.relations import find_relations
from claimframe.io.gazetteer import load_gazetteer  # noqa: E402
from claimframe.views import report
from claimframe.views.style import STATUS_COLOURS  # noqa: E402

SEED = "iraq-shiite-militias-2016"


@pytest.fixture(scope="module")
def seed():
    return claimframe.load_article(SEED)


@pytest.fixture(scope="module")
def seed_relations(seed):
    """The seed's relations, built from the public place functions (article.relations may lag)."""
    return find_relations(seed.text, seed.sentences, seed.claims, find_places(seed.text, load_gazetteer()))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_status_counts_add_up(seed):
    c = seed.checks
    counts = report.status_counts(c)
    assert list(counts.columns) == ["fail", "warn", "info", "ok", "total"]
    assert counts.loc["all", "total"] == len(c)
    assert counts.loc["unit_conversion", "ok"] == 1
    assert report.status_counts(schema.empty("checks")).empty


def test_check_sentences_quote_the_claim_spans(seed):
    c = seed.checks
    sent = report.check_sentences(c, seed)
    assert len(sent) == c["claim_ids"].dropna().str.split("; ").map(len).sum()
    for r in sent.to_dict("records"):
        assert seed.text[r["start"]:r["end"]] == r["claim_text"]
        assert r["claim_text"] in r["sentence"]
    conv = sent[sent["check_id"] == c[c["kind"] == "unit_conversion"]["check_id"].iloc[0]]
    start = seed.text.index("some 13 kilometers (8 miles)")
    assert conv[["claim_text", "start", "end"]].values.tolist() == [
        ["some 13 kilometers (8 miles)", start, start + len("some 13 kilometers (8 miles)")]]
    assert conv["sentence"].iloc[0].startswith("Kurdish peshmerga forces continued their push")


def test_report_html_lists_every_check_with_its_sentences(seed):
    c = seed.checks
    page = report.checks_report_html(c, seed)
    assert page.count("data-check-id=") == len(c)
    for cid in c["check_id"]:
        assert f'data-check-id="{cid}"' in page
    start = seed.text.index("some 13 kilometers (8 miles)")
    assert f"characters {start}–{start + 28}" in page
    # failures and warnings come before passes
    order = [m.group(1) for m in re.finditer(r'font-weight:bold">(\w+)</span>', page)]
    rank = {"fail": 0, "warn": 1, "info": 2, "ok": 3}
    assert order == sorted(order, key=rank.get)
    for status in ("warn", "ok"):
        assert STATUS_COLOURS[status] in page


def test_report_html_escapes_all_text():
    # read_text refuses text that looks like an HTML page (<script>, <div>, ...), so the text
    # carries the tags it lets through and the title (not checked) carries a script
    a = claimframe.read_text(
        "<b>Bold</b> claim: the camp is some 13 kilometers (8 miles) away, said <i onmouseover='x()'>Ann</i>."
        "\n\nIt held about 300 tents & 310 tents \"later\".",
        title="<script>alert('x')</script> Title", published="2020-01-01")
    c = a.checks
    assert len(c) >= 2
    page = report.checks_report_html(c, a)
    assert "<script>" not in page and "<i onmouseover" not in page and "<b>Bold" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;i onmouseover=&#x27;x()&#x27;&gt;Ann&lt;/i&gt;" in page
    assert "tents &amp; <mark" in page and "tents &quot;later&quot;" in page
    # hostile text inside the check itself (message, detail, kind) is escaped too
    evil = pd.DataFrame([{"check_id": "k-1", "kind": "<i>k</i>", "status": "fail", "claim_ids": None,
                          "message": "<script>m</script>", "detail": "<b>d</b>"}])
    page = report.checks_report_html(schema.typed("checks", evil), a)
    assert "<script>m" not in page and "&lt;script&gt;m&lt;/script&gt;" in page
    assert "&lt;i&gt;k&lt;/i&gt;" in page and "&lt;b&gt;d&lt;/b&gt;" in page
    # removing tags and unescaping gives the sentence back unchanged
    page = report.checks_report_html(c, a)
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert a.sentences["text"].iloc[0] in text


def test_report_html_without_checks():
    a = claimframe.read_text("Nothing to count here.")
    assert "No checks apply" in report.checks_report_html(schema.empty("checks"), a)


def test_plot_distance_checks(seed, seed_relations):
    c = seed.checks
    fig, ax = plt.subplots(figsize=(10, 5))
    out = report.plot_distance_checks(seed_relations, ax=ax, checks=c, gazetteer=load_gazetteer())
    assert out is ax
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Bashiqa\nnortheast of Mosul", "Qayara West Coalition base\nsouth of Mosul"]
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "stated 50 km (approx)" in texts and "gazetteer 63.2 km" in texts  # 63.2 km centre to centre
    assert "stated 13 km (approx)" in texts and "gazetteer 24.3 km" in texts
    # the hedge band of "some 50 kilometers" runs 37.5 to 62.5 km
    bands = [line for line in ax.lines if line.get_linewidth() == 10]
    assert sorted(tuple(b.get_xdata()) for b in bands)[-1] == pytest.approx((37.5, 62.5))
    # edge allowance lines: Mosul (city, 10 km) + base (2 km) and + town (3 km)
    dashed = [line for line in ax.lines if line.get_linestyle() not in ("-", "None")]
    spans = sorted(round(float(x[1] - x[0]), 1) for x in (d.get_xdata() for d in dashed))
    assert spans == [12.0, 13.0]
    assert "Source" in ax.get_title(loc="left")


def test_plot_distance_checks_without_rows():
    ax = report.plot_distance_checks(pd.DataFrame(columns=["distance_km", "gazetteer_km"]))
    assert not ax.axison
    assert "No relative distances" in ax.texts[0].get_text()


def test_checks_explorer_filters_the_report():
    import claimframe
    from claimframe.views.report import checks_explorer

    a = claimframe.load_article("iraq-shiite-militias-2016")
    ex = checks_explorer(a)
    assert len(ex.filtered) == len(a.checks)
    ex.status.value = ("warn",)
    assert set(ex.filtered["status"].astype(str)) == {"warn"}
    assert ex.summary.value == f"{(a.checks['status'] == 'warn').sum()} of {len(a.checks)} checks"
    ex.kind.value = ("weekday",)  # the weekday check is ok, not warn: nothing matches both
    assert ex.filtered.empty
    ex.status.value = ()
    assert ex.filtered["kind"].tolist() == ["weekday"]
