"""What every notebook starts with: the article to show, chosen by a parameter or a dropdown.

Each notebook has a papermill ``parameters`` cell (``article = "<slug>"``) that its static
outputs use, so ``papermill notebooks/02-timeline.ipynb out.ipynb -p article <slug>`` works.
:class:`ArticlePicker` adds a dropdown of the articles in data/articles/; the notebook's widget
views are built through :meth:`ArticlePicker.view` and rebuild for the article picked, without
re-running the notebook.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from claimframe.article import load_article
from claimframe.errors import ClaimframeError
from claimframe.paths import list_articles
from claimframe.views.widgets import WidgetView

if TYPE_CHECKING:
    from claimframe.article import Article


@lru_cache(maxsize=16)
def _load(name: str) -> "Article":
    return load_article(name)


def open_article(name: str) -> "Article":
    """The article a notebook parameter names: a slug of data/articles/, or a folder or .txt path.

    Loaded once per session (switching back and forth in the dropdown is instant)."""
    return _load(str(name))


class ArticlePicker(WidgetView):
    """A dropdown of the articles in data/articles/, driving any number of widget views.

    >>> picker = ArticlePicker("iraq-shiite-militias-2016")   # doctest: +SKIP
    >>> picker.view(claims_explorer)                             # doctest: +SKIP
    """

    def __init__(self, article: str):
        import ipywidgets as w

        options = list_articles()
        if article not in options:
            options = [article, *options]  # a path or an article outside data/articles/
        self.dropdown = w.Dropdown(options=options, value=article, description="article",
                                   layout=w.Layout(width="50%"))
        self.note = w.HTML("<small>The widgets below follow this choice; the static outputs show the "
                           "notebook's <code>article</code> parameter (re-run to change them).</small>")
        self.widget = w.VBox([self.dropdown, self.note])
        self._views: list[tuple[Callable, object]] = []
        self.dropdown.observe(lambda _change: self.refresh(), names="value")

    @property
    def article(self) -> "Article":
        return open_article(self.dropdown.value)

    def view(self, build: Callable[["Article"], object]):
        """An Output showing ``build(article)`` for the picked article, rebuilt when it changes."""
        import ipywidgets as w

        out = w.Output()
        self._views.append((build, out))
        self._render(build, out)
        return out

    def refresh(self) -> None:
        for build, out in self._views:
            self._render(build, out)

    def _render(self, build, out) -> None:
        from IPython.display import display

        with out:
            out.clear_output(wait=True)
            try:
                display(build(self.article))
            except ClaimframeError as exc:
                print(f"{self.dropdown.value}: {exc}")


def article_picker(article: str) -> ArticlePicker:
    """The dropdown at the top of a notebook (see :class:`ArticlePicker`)."""
    return ArticlePicker(article)
