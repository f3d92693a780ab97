"""The article picker: its dropdown rebuilds every widget view for the chosen article."""
import pytest

import claimframe
from claimframe.views.picker import article_picker, open_article

from .conftest import FIXTURE_ARTICLES


def test_picker_lists_articles_and_rebuilds_views():
    picker = article_picker("iraq-shiite-militias-2016")
    assert "iraq-shiite-militias-2016" in picker.dropdown.options
    built = []
    picker.view(lambda a: built.append(a.slug) or a.slug)
    other = str(FIXTURE_ARTICLES[0])
    picker.dropdown.options = [*picker.dropdown.options, other]
    picker.dropdown.value = other
    assert built[0] == "iraq-shiite-militias-2016" and built[-1] == FIXTURE_ARTICLES[0].name


def test_picker_accepts_a_path_outside_data():
    path = str(FIXTURE_ARTICLES[0])
    picker = article_picker(path)
    assert picker.dropdown.value == path
    assert picker.article.slug == FIXTURE_ARTICLES[0].name


def test_a_failing_view_shows_a_message_not_a_traceback(capsys):
    picker = article_picker("iraq-shiite-militias-2016")

    def broken(_article):
        raise claimframe.ClaimframeError("nothing to show")

    picker.view(broken)  # outside a kernel the Output widget's text goes to stdout
    assert "iraq-shiite-militias-2016: nothing to show" in capsys.readouterr().out


def test_open_article_caches():
    assert open_article("iraq-shiite-militias-2016") is open_article("iraq-shiite-militias-2016")


class FakeHandle:
    def __init__(self, obj):
        self.shown = [obj]

    def update(self, obj):
        self.shown.append(obj)


@pytest.fixture
def displayed(monkeypatch):
    """IPython's display, recorded: every call's handle, as a notebook front end would get them."""
    import IPython.display

    handles = []

    def fake_display(obj, display_id=None):
        assert display_id is True  # every static view can be updated in place
        handles.append(FakeHandle(obj))
        return handles[-1]

    monkeypatch.setattr(IPython.display, "display", fake_display)
    return handles


def test_every_shown_view_follows_the_picker(displayed):
    """Static views (tables, HTML, figures) are replaced in place when another article is picked."""
    import matplotlib

    matplotlib.use("Agg")
    from IPython.display import HTML, Image

    from claimframe.views.picker import article_heading
    from claimframe.views.tables import readable
    from claimframe.views.timeline import plot_timeline

    picker = article_picker("iraq-shiite-militias-2016")
    picker.show(article_heading, key="heading")
    picker.show(lambda art: readable(art.claims[["text", "kind"]]), key="claims")
    picker.show(lambda art: plot_timeline(art.events), key="timeline")
    picker.show(lambda art: None, key="nothing")
    heading, claims, chart, nothing = displayed
    assert isinstance(heading.shown[0], HTML) and "data-slug='iraq-shiite-militias-2016'" in heading.shown[0].data
    assert isinstance(chart.shown[0], Image) and isinstance(nothing.shown[0], HTML)
    picker.dropdown.value = "wildfire-evacuations-2021"
    assert "data-slug='wildfire-evacuations-2021'" in heading.shown[-1].data
    assert "80,000 to 100,000" in claims.shown[0].to_html() and "80,000 to 100,000" not in claims.shown[-1].to_html()
    assert "more than 41,000 acres" in claims.shown[-1].to_html()
    assert len(chart.shown) == 2 and chart.shown[-1].data != chart.shown[0].data
    # a cell run again replaces its own view: one update per view, not one per run
    picker.show(article_heading, key="heading")
    picker.dropdown.value = "clinic-funding-2019"
    assert len(heading.shown) == 2 and len(displayed[-1].shown) == 2


def test_a_failing_shown_view_names_the_article(displayed):
    picker = article_picker("iraq-shiite-militias-2016")

    def broken(_article):
        raise claimframe.ClaimframeError("no <estimates> here")

    picker.show(broken, key="x")
    html = displayed[0].shown[0].data
    assert "iraq-shiite-militias-2016" in html and "no &lt;estimates&gt; here" in html


def test_an_edited_meta_toml_is_read_again(tmp_path):
    """Edit meta.toml (or the text) and the next cell run sees it: no kernel restart."""
    import os

    folder = tmp_path / "harlow"
    folder.mkdir()
    (folder / "article.txt").write_text("Flood hits Harlow\n\nOfficials said 300 homes flooded on Monday.\n",
                                        encoding="utf-8")
    (folder / "meta.toml").write_text('title = "Flood hits Harlow"\n', encoding="utf-8")
    first = open_article(str(folder))
    assert first.published is None and str(first.claims.loc[1, "date"]) == "NaT"
    assert open_article(str(folder)) is first  # unchanged files: the same article, nothing re-read
    (folder / "meta.toml").write_text('title = "Flood hits Harlow"\npublished = 2020-03-04\n', encoding="utf-8")
    os.utime(folder / "meta.toml", ns=(1, 1_000_000_000))  # a different time even on a coarse clock
    again = open_article(str(folder))
    assert again is not first and str(again.published) == "2020-03-04"
    assert str(again.claims.loc[1, "date"])[:10] == "2020-03-02"  # "Monday" resolved now
    picker = article_picker(str(folder))
    (folder / "meta.toml").write_text('title = "Flood hits Harlow town"\npublished = 2020-03-04\n', encoding="utf-8")
    assert picker.article.meta["title"] == "Flood hits Harlow town"


def test_the_heading_warns_when_there_is_no_publication_date():
    from claimframe.views.picker import article_heading

    html = article_heading(claimframe.read_text("Some <b>40</b> people came.", title="A <title>", slug="x")).data
    assert "no publication date" in html and "published" in html and "A &lt;title&gt;" in html
