"""Where the project's data lives: ``data/`` beside ``lib/``, or $CLAIMFRAME_DATA if set."""
from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "CLAIMFRAME_DATA"
# worked out once: resolving this file's path costs more than a short article's place search
_BESIDE_LIB = Path(__file__).resolve().parents[2] / "data"


def data_dir() -> Path:
    """The data directory (articles, gazetteer, basemap); $CLAIMFRAME_DATA is read on every call."""
    override = os.environ.get(ENV_VAR)
    return Path(override) if override else _BESIDE_LIB


def articles_dir() -> Path:
    return data_dir() / "articles"


def list_articles() -> list[str]:
    """Slugs of the articles in data/articles/, sorted: the choices a notebook offers."""
    root = articles_dir()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / "article.txt").is_file())
