"""Article: the lazy facade users know (``article.claims``, ``article.events``, ...).

It holds a :class:`~claimframe.document.Document` and asks :mod:`claimframe.pipeline` for each
table on first use; the pipeline runs every stage once per article. What belongs to the
analyst rather than to extraction (verdicts in review.csv) is merged in here.
"""
from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimframe import pipeline
from claimframe.document import Document, HoldsDocument
from claimframe.io.load import document_from_text, read_document

if TYPE_CHECKING:
    import pandas as pd


class Article(HoldsDocument):
    """A news article: its :class:`~claimframe.document.Document` and the tables made from it.

    Each table is made on first use, through :func:`claimframe.pipeline.get`, and kept; every
    stage runs at most once per article. Build one with :func:`load_article` or :func:`read_text`.

    >>> a = read_text("Officials said 500 recruits began training on Dec. 4.", published="2016-12-15")
    >>> a.claims[["text", "kind", "value"]].values.tolist()[0]
    ['500', 'count', 500.0]
    """

    def __init__(self, document: Document):
        self.document = document
        self.memo: dict[str, Any] = {}  # product -> value, filled by the pipeline

    def get(self, product: str) -> Any:
        """Any product of :data:`claimframe.pipeline.STAGES` (the tables, and the records they
        are made from), made once."""
        return pipeline.get(self.document, product, self.memo)

    # --- the tables ---------------------------------------------------------------------------
    @property
    def paragraphs(self) -> "pd.DataFrame":
        """One row per paragraph with its role (headline, caption, credit, body, boilerplate)."""
        return self.get("paragraphs")

    @property
    def sentences(self) -> "pd.DataFrame":
        """One row per sentence, with whether it quotes someone and whom it attributes to."""
        return self.get("sentences")

    @cached_property
    def claims(self) -> "pd.DataFrame":
        """One row per numeric claim, with the analyst's verdicts (review.csv) merged in;
        see data/README.md for every column."""
        import warnings

        from claimframe.io.review import ReviewError, ReviewWarning, has_reviews, merge_reviews

        claims = self.get("claims")
        if not has_reviews(self.folder):  # most articles: skip building an empty verdict table
            return claims
        try:
            reviews = self.reviews
        except ReviewError as exc:  # a damaged review.csv must not take every claims view down with it
            warnings.warn(f"{exc} (claims are shown without verdicts)", ReviewWarning, stacklevel=3)
            return claims
        return merge_reviews(claims, reviews) if len(reviews) else claims

    @property
    def events(self) -> "pd.DataFrame":
        """Dated statements of the article, its publication, the articles it cites, and curated
        context events (data/articles/<slug>/context_events.csv), one row each."""
        return self.get("events")

    @property
    def places(self) -> "pd.DataFrame":
        """One row per place mention, resolved against the curated gazetteer (or a fallback)."""
        return self.get("places")

    @property
    def relations(self) -> "pd.DataFrame":
        """Relative positions ("some 50 kilometers south of Mosul") with their geodesy."""
        return self.get("relations")

    @property
    def checks(self) -> "pd.DataFrame":
        """Consistency checks over claims, events and places, one row each."""
        return self.get("checks")

    # --- the analyst's verdicts ---------------------------------------------------------------
    @property
    def reviews(self) -> "pd.DataFrame":
        """The verdicts recorded in the article folder's review.csv (read afresh each time);
        a damaged file raises ReviewError (see :attr:`review_problem`)."""
        from claimframe.io.review import read_reviews

        return read_reviews(self.folder)

    @property
    def review_problem(self) -> str | None:
        """What is wrong with review.csv (file, line, what to do), or None: for views to show."""
        from claimframe.io.review import review_problem

        return review_problem(self.folder)

    @property
    def orphan_reviews(self) -> "pd.DataFrame":
        """Verdicts whose claim is no longer extracted: kept, and shown here so none is lost.
        With a damaged review.csv: none, and a ReviewWarning (the file is left as it is)."""
        import warnings

        from claimframe.io.review import ReviewError, ReviewWarning, orphan_reviews, read_reviews

        try:
            reviews = self.reviews
        except ReviewError as exc:
            warnings.warn(f"{exc} (no orphaned verdicts can be listed)", ReviewWarning, stacklevel=2)
            reviews = read_reviews(None)
        return orphan_reviews(self.claims, reviews)

    def save_review(self, claim_id: str, verdict: str, note: str = "", source_url: str = "") -> None:
        """Record a verdict in review.csv (locked, atomic) and refresh ``claims``; a damaged
        review.csv raises ReviewError and is left untouched."""
        from claimframe.errors import ClaimframeError
        from claimframe.io.review import save_review

        if self.folder is None:
            raise ClaimframeError("this article was not loaded from a folder: there is nowhere to save verdicts")
        text = self.claims.set_index("claim_id")["text"].get(claim_id, "")
        save_review(self.folder, claim_id, verdict, note, source_url, claim_text=str(text))
        self.__dict__.pop("claims", None)  # merged again, with the new verdict, on next use

    def __repr__(self) -> str:
        name = self.slug or self.meta.get("title") or "untitled"
        return f"<Article {name!r}: {len(self.text):,} characters>"


def read_text(text: str, title: str | None = None, published: str | dt.date | None = None,
              outlet: str | None = None, url: str | None = None, slug: str | None = None,
              **meta: Any) -> Article:
    """An Article from text in memory; keyword arguments become its metadata. The text is
    checked and normalised as a file's is, so both give the same tables and claim IDs."""
    return Article(document_from_text(text, title=title, published=published, outlet=outlet, url=url,
                                      slug=slug, **meta))


def load_article(path: str | Path, published: str | dt.date | None = None) -> Article:
    """An article folder (article.txt + optional meta.toml), a .txt file, or a slug of
    data/articles/; ``published`` overrides the date in meta.toml."""
    return Article(read_document(path, published=published))
