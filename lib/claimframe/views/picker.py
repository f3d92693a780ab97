"""What every notebook starts with: the article to show, chosen by a parameter or a dropdown.

Each notebook has a papermill ``parameters`` cell (``article = "<slug>"``), so ``papermill
notebooks/02-timeline.ipynb out.ipynb -p article <slug>`` works, and :class:`ArticlePicker`, a
dropdown of the articles in data/articles/ that starts on it. Every view of the notebook is shown
through the picker, so every view on screen is about the article picked:

- :meth:`ArticlePicker.show` displays ``build(article)`` as an ordinary output (a table, a
  figure, HTML, Markdown), saved with the notebook and readable without a kernel, and replaces
  it in place when another article is picked (IPython's ``display_id`` updates);
- :meth:`ArticlePicker.view` shows a widget view (an explorer, the review form) and rebuilds it.

Articles are re-read when their files change (article.txt, meta.toml, the curated CSVs): edit
meta.toml, re-run a cell or pick the article again, and the new metadata is used.
"""
from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from claimframe.article import load_article
from claimframe.errors import ClaimframeError
from claimframe.paths import articles_dir, list_articles
from claimframe.views.widgets import WidgetView

if TYPE_CHECKING:
    from claimframe.article import Article

#: Loaded articles, by name, with the state of their files when loaded.
_CACHE: dict[str, tuple[tuple, "Article"]] = {}
_CACHE_SIZE = 16


def _files(name: str) -> list[Path]:
    """The files an article named ``name`` is read from: every file of its folder (article.txt,
    meta.toml, the curated CSVs, review.csv), or a lone .txt and the .toml beside it."""
    path = Path(name)
    if not path.exists() and len(path.parts) == 1 and (articles_dir() / path).is_dir():
        path = articles_dir() / path  # a slug
    if path.is_file() and path.name != "article.txt":
        return [path, path.with_suffix(".toml")]
    folder = path if path.is_dir() else path.parent
    try:
        return sorted(f for f in folder.iterdir() if not f.name.startswith(".") and not f.name.endswith(".lock"))
    except OSError:
        return []


def _stamp(name: str) -> tuple:
    """What the article's files look like now (name, size, modification time of each): a change
    of any means the article must be read again."""
    stamp = []
    for f in _files(name):
        try:
            st = f.stat()
        except OSError:
            continue
        stamp.append((f.name, st.st_size, st.st_mtime_ns))
    return tuple(stamp)


def open_article(name: str) -> "Article":
    """The article a notebook parameter names: a slug of data/articles/, or a folder or .txt path.

    Kept for the session (switching back and forth in the dropdown is instant) and read again
    when any of its files changed since: edit meta.toml and re-run the cell."""
    name = str(name)
    stamp = _stamp(name)
    kept = _CACHE.get(name)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    article = load_article(name)
    _CACHE.pop(name, None)
    _CACHE[name] = (stamp, article)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    return article


def _cell_key() -> str | None:
    """The id of the notebook cell running now (JupyterLab sends it), so a cell run twice
    replaces its own view in the picker instead of adding one."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
        parent = shell.get_parent() if shell is not None and hasattr(shell, "get_parent") else None
    except Exception:  # pragma: no cover - no IPython
        return None
    return (parent or {}).get("metadata", {}).get("cellId") if isinstance(parent, dict) else None


_counter = itertools.count()


class ArticlePicker(WidgetView):
    """A dropdown of the articles in data/articles/, driving every view of the notebook.

    >>> picker = ArticlePicker("iraq-shiite-militias-2016")        # doctest: +SKIP
    >>> picker.show(lambda art: readable(art.claims))              # doctest: +SKIP
    >>> picker.view(claims_explorer)                               # doctest: +SKIP
    """

    def __init__(self, article: str):
        import ipywidgets as w

        options = list_articles()
        if article not in options:
            options = [article, *options]  # a path or an article outside data/articles/
        self.default = article
        self.dropdown = w.Dropdown(options=options, value=article, description="article",
                                   layout=w.Layout(width="50%"))
        self.note = w.HTML("<small>Every view of this notebook follows this choice. The saved outputs "
                           "show the <code>article</code> parameter.</small>")
        self.widget = w.VBox([self.dropdown, self.note])
        self._views: dict[str, tuple[Callable, Any]] = {}
        self._shown: dict[str, tuple[Callable, Any]] = {}
        self.dropdown.observe(lambda _change: self.refresh(), names="value")

    @property
    def article(self) -> "Article":
        """The article picked (read again if its files changed)."""
        return open_article(self.dropdown.value)

    def show(self, build: Callable[["Article"], Any], *, key: str | None = None) -> None:
        """Display ``build(article)`` here as an ordinary output, and replace it in place with
        ``build(other)`` when another article is picked. ``build`` may return anything IPython
        displays (a DataFrame or Styler, HTML, Markdown, a matplotlib Figure or Axes) or None."""
        from IPython.display import display

        key = key or _cell_key() or f"show-{next(_counter)}"
        handle = display(self._built(build), display_id=True)
        if handle is not None:  # None outside IPython: nothing to update later
            self._shown[key] = (build, handle)

    def view(self, build: Callable[["Article"], object], *, key: str | None = None):
        """An Output showing ``build(article)`` for the picked article (a widget view), rebuilt when
        another is picked."""
        import ipywidgets as w

        out = w.Output()
        self._views[key or _cell_key() or f"view-{next(_counter)}"] = (build, out)
        self._render(build, out)
        return out

    def refresh(self) -> None:
        """Show every view again for the article picked (the dropdown calls this)."""
        for build, handle in list(self._shown.values()):
            handle.update(self._built(build))
        for build, out in list(self._views.values()):
            self._render(build, out)

    def _built(self, build) -> Any:
        """``build(article)`` ready to display: a figure as a PNG (and closed, so pyplot does not
        show it a second time), an error as a line of text naming the article."""
        from IPython.display import HTML

        try:
            result = build(self.article)
        except ClaimframeError as exc:
            import html

            return HTML(f"<p><b>{html.escape(self.dropdown.value)}</b>: {html.escape(str(exc))}</p>")
        return HTML("") if result is None else _displayable(result)

    def _render(self, build, out) -> None:
        from IPython.display import display

        with out:
            out.clear_output(wait=True)
            try:
                display(build(self.article))
            except ClaimframeError as exc:
                print(f"{self.dropdown.value}: {exc}")


def _displayable(result: Any) -> Any:
    """A matplotlib Axes or Figure as an image (closed after), anything else as it is."""
    figure = None
    try:
        from matplotlib.axes import Axes
        from matplotlib.figure import Figure

        if isinstance(result, Axes):
            figure = result.figure
        elif isinstance(result, Figure):
            figure = result
    except ImportError:  # pragma: no cover
        return result
    if figure is None:
        return result
    import io

    import matplotlib.pyplot as plt
    from IPython.display import Image

    buf = io.BytesIO()
    figure.savefig(buf, format="png", dpi=figure.dpi, bbox_inches="tight")
    plt.close(figure)
    return Image(data=buf.getvalue(), format="png")


def article_picker(article: str) -> ArticlePicker:
    """The dropdown at the top of a notebook (see :class:`ArticlePicker`)."""
    return ArticlePicker(article)


def article_heading(article: "Article") -> Any:
    """A heading naming the article every view below is about: title, outlet, date, slug."""
    import html

    from IPython.display import HTML

    meta = article.meta or {}
    title = meta.get("title") or article.slug or "untitled"
    bits = [str(b) for b in (meta.get("outlet"), article.published, meta.get("author")) if b]
    missing = "" if article.published else (
        " <span style='color:#a33'>(no publication date: dates without a year are unresolved; set "
        "<code>published</code> in meta.toml)</span>")
    return HTML(f"<div class='claimframe-article' data-slug='{html.escape(str(article.slug or ''))}'>"
                f"<h3 style='margin:0.2em 0'>{html.escape(str(title))}</h3>"
                f"<div style='color:#555'>{html.escape(' · '.join(bits))}{missing} "
                f"<code>{html.escape(str(article.slug or ''))}</code></div></div>")
