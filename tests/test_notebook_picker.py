"""The article picker: its dropdown rebuilds every widget view for the chosen article."""
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
