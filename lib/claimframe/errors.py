"""One exception family, so callers can catch every claimframe failure with one ``except``.

Messages say what was wrong, where, and what to do.
"""


class ClaimframeError(Exception):
    """Base class of every error claimframe raises on purpose."""


class ArticleNotFoundError(ClaimframeError, FileNotFoundError):
    """The path given for an article does not exist or holds no article.txt."""


class ArticleFormatError(ClaimframeError, ValueError):
    """The article's bytes or text cannot be used: empty, binary, undecodable, HTML, too large."""


class MetadataError(ClaimframeError, ValueError):
    """meta.toml is malformed or a field has the wrong type."""


class GazetteerError(ClaimframeError, ValueError):
    """The gazetteer file is missing, lacks columns, or has a bad row (duplicate id, bad coordinate)."""
