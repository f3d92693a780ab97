"""Document: an article as read, before anything is extracted from it.

A plain frozen record: the text (checked, line endings normalised), its metadata, and where it
came from. Every extraction stage takes a Document and the tables it declares
(:mod:`claimframe.pipeline`); none can change it, so two stages never disagree about the text
their offsets point into. :mod:`claimframe.io.load` makes Documents from files and strings.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

ARTICLE_FILE = "article.txt"
META_FILE = "meta.toml"


@dataclass(frozen=True)
class Document:
    """The text of one article, its metadata (read-only) and its file, if any.

    >>> doc = Document("Some 40 people came.", {"outlet": "The Daily"})
    >>> doc.outlet
    'The Daily'
    """

    text: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    slug: str | None = None
    path: Path | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.meta, MappingProxyType):
            object.__setattr__(self, "meta", MappingProxyType(dict(self.meta)))

    def __reduce__(self):  # a mappingproxy does not pickle; Dask workers and caches need to
        return (Document, (self.text, dict(self.meta), self.slug, self.path))

    @property
    def published(self) -> dt.date | None:
        return self.meta.get("published")

    @property
    def outlet(self) -> str | None:
        return self.meta.get("outlet") or None

    @property
    def title(self) -> str | None:
        return self.meta.get("title") or None

    @property
    def folder(self) -> Path | None:
        """The article's folder (meta.toml, gold and curated files live there), if it has one."""
        if self.path is None:
            return None
        if self.path.is_dir():
            return self.path
        return self.path.parent if self.path.name == ARTICLE_FILE else None  # a lone .txt has no folder


class HoldsDocument:
    """Read-only access to ``self.document``'s fields, for the objects built around one document
    (the Article facade, the inputs a check sees), so they read the same names the same way."""

    document: Document

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def meta(self) -> Mapping[str, Any]:
        return self.document.meta

    @property
    def slug(self) -> str | None:
        return self.document.slug

    @property
    def path(self) -> Path | None:
        return self.document.path

    @property
    def folder(self) -> Path | None:
        """The article's folder (meta.toml, gold and curated files live there), if it has one."""
        return self.document.folder

    @property
    def published(self) -> dt.date | None:
        return self.document.published

    @property
    def outlet(self) -> str | None:
        return self.document.outlet

    @property
    def title(self) -> str | None:
        return self.document.title
