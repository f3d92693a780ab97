"""Saved web pages in: the article's text and metadata out of an HTML page, with trafilatura.

An analyst has pages saved from a browser ("Save page as ... HTML only"), not text files.
:func:`page_article` finds the article in one (dropping the header, navigation, related links,
comments and footer), and reads its metadata from what sites publish for search engines and
social media (JSON-LD ``NewsArticle``, Open Graph, ``<meta name="author">``, ``<link
rel="canonical">``), falling back to the page itself. Nothing is guessed from the text: a
page with no publication date gives none, and :attr:`PageArticle.missing` says so.

>>> page = page_article(open("page.html", encoding="utf-8").read())   # doctest: +SKIP
>>> page.meta["published"], page.missing                               # doctest: +SKIP
(datetime.date(2023, 4, 12), ())
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from claimframe.errors import ArticleFormatError

#: The meta.toml fields a page can give, in the order ``add`` reports them.
PAGE_FIELDS = ("title", "outlet", "published", "author", "url")
#: Fewer words than this besides the headline is no article: a menu link, a cookie notice.
MIN_WORDS = 8
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<\s*(?:!doctype\s+html|html|head)\b", re.IGNORECASE | re.DOTALL)


def is_html_page(text: str) -> bool:
    """True for a whole saved page (it starts with ``<!DOCTYPE html>``, ``<html>`` or ``<head>``)."""
    return bool(_HTML_START.match(text[:5000].removeprefix("\ufeff")))


@dataclass(frozen=True)
class PageArticle:
    """What a page gave: the article text (headline first, paragraphs separated by blank lines),
    the metadata found (meta.toml fields), and the fields it did not give."""

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    missing: tuple[str, ...] = ()


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def page_article(html: str, where: str = "page") -> PageArticle:
    """The article in a saved HTML page, and its metadata (see the module docstring).

    Raises ArticleFormatError when the page holds no article text (an index page, a page that
    builds its text with JavaScript, a login wall).
    """
    import trafilatura

    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
        # the date the page declares (JSON-LD, Open Graph, <time>), never one searched out of the text
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    data = found.as_dict() if found is not None else {}
    body = (data.get("text") or "").strip()
    title = (data.get("title") or "").strip() or None
    if len(body.removeprefix(title or "").split()) < MIN_WORDS:  # a link or a heading is not an article
        raise ArticleFormatError(
            f"{where}: no article text found in this page (an index page, a login wall, or text the site "
            "builds with JavaScript?); save the article's own page, or its text from the browser's reader view")
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)  # article.txt starts with the headline
    meta = {"title": title, "outlet": (data.get("sitename") or "").strip() or None,
            "published": _date(data.get("date")), "author": (data.get("author") or "").strip() or None,
            "url": (data.get("url") or "").strip() or None}
    missing = tuple(key for key in PAGE_FIELDS if meta[key] is None)
    return PageArticle("\n\n".join(paragraphs) + "\n", {k: v for k, v in meta.items() if v is not None}, missing)
