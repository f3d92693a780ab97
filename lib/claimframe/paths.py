"""Where the project's data lives: ``data/`` beside ``lib/``, or $CLAIMFRAME_DATA if set."""
from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "CLAIMFRAME_DATA"


def data_dir() -> Path:
    """The data directory (articles, gazetteer, basemap)."""
    override = os.environ.get(ENV_VAR)
    return Path(override) if override else Path(__file__).resolve().parents[2] / "data"


def articles_dir() -> Path:
    return data_dir() / "articles"


def list_articles() -> list[str]:
    """Slugs of the articles in data/articles/, sorted: the choices a notebook offers."""
    root = articles_dir()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / "article.txt").is_file())
