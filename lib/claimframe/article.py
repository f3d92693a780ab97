"""Loading an article and cutting it into paragraphs and sentences.

Every table keeps ``start``/``end`` offsets into ``Article.text`` so that anything shown can be
traced back to the words. The text is kept as read (line endings normalised to ``\\n``);
nothing is rewritten, so offsets stay valid.
"""
from __future__ import annotations

import codecs
import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import lexicon
from .errors import ArticleFormatError, ArticleNotFoundError, MetadataError
from .paths import articles_dir
from .schema import PARAGRAPHS, from_records

if TYPE_CHECKING:
    import pandas as pd

#: Articles are a few thousand words; anything past this is a mistake (a whole site dump, a
#: database export) and gets a clear error instead of minutes of work.
MAX_CHARS = 5_000_000

ARTICLE_FILE = "article.txt"
META_FILE = "meta.toml"

# Site furniture that carries no reporting: comment prompts, newsletter pitches, share buttons.
# Some phrases mark a paragraph wherever they appear, others only as its opening (tried with
# .match); two patterns because one with both must try every opening at every character.
_BOILERPLATE = re.compile(
    r"let us know if you(?:'|’)re having issues with commenting|newsletter|all rights reserved",
    re.IGNORECASE,
)
# A piece of each phrase above (keep one per phrase), free of "i" and "s", which re.IGNORECASE
# also matches to "ı", "İ" and "ſ": a paragraph whose lowered text holds none of them cannot
# match, and most paragraphs are settled by these cheap substring tests instead of the search.
_BOILERPLATE_HINTS = ("comment", "letter", "erved")
_BOILERPLATE_OPENING = re.compile(
    r"(?:sign up|subscribe)\b|click here\b|follow (?:us|\w+) on\b"
    r"|copyright\b|©|read more\b|share this\b|advertisement$"
    r"|this (?:article|story) (?:was )?(?:originally )?(?:appeared|published)\b"
    r"|related:|more from\b|watch:|listen:",
    re.IGNORECASE,
)
# Photo credits: "AP Photo/Marko Drobnjakovic", "Photo: Jane Doe/Reuters", "(Getty Images)".
_CREDIT = re.compile(
    r"^\(?(?:[\w.&'’ -]{0,40}\b)?(?:photo|photograph|image|picture|credit)s?\b\s*(?:/|:|by\b)"
    r"|^\(?(?:getty images|reuters|afp|ap|epa)(?:/[\w .'’-]+)?\)?$"
    r"|^\(?[\w.'’ -]{0,60}/(?:getty images|reuters|afp|ap|epa)\)?$",
    re.IGNORECASE,
)
_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|div|p|script|span|a\s+href)\b", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(lexicon.ABBREVIATIONS)
# A sentence ends at stops (and closing quotes or brackets) before a capital or a digit, or at the
# end. Written "[.!?…][.!?…]*" rather than "[.!?…]+" so that the regex engine can skip straight
# to the next stop instead of trying the whole pattern at every character.
_SENTENCE_END = re.compile(r"[.!?…][.!?…]*[\"'”’)\]]*(?:(?=\s+[\"'“‘(\[]?[A-Z0-9])|$)")

# The word before a stop, matched from the window's start: the engine runs to the end and backs up
# to the last character that is no part of a word, where searching for "[\w.]+$" would try every
# starting place.
_LAST_WORD = re.compile(r"(?:[\s\S]*[^\w.])?([\w.]+)$")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")

# Quotation marks: curly pairs and straight double quotes.
_QUOTE = re.compile(r"“[^”]*(?:”|$)|\"[^\"\n]*(?:\"|$)", re.MULTILINE)


@dataclass
class Article:
    """A news article: its text, its metadata and the tables derived from them.

    Tables are computed on first use and cached; build one with :func:`load_article` or
    :func:`read_text`.

    >>> a = read_text("Officials said 500 recruits began training on Dec. 4.", published="2016-12-15")
    >>> a.claims[["text", "kind", "value"]].values.tolist()[0]
    ['500', 'count', 500.0]
    """

    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    slug: str | None = None
    path: Path | None = None

    @property
    def published(self) -> dt.date | None:
        return self.meta.get("published")

    @property
    def outlet(self) -> str | None:
        return self.meta.get("outlet") or None

    @cached_property
    def paragraph_records(self) -> list[dict]:
        """The paragraphs as plain records: what extraction uses, without building a DataFrame."""
        return paragraph_records(self.text, title=self.meta.get("title"))

    @cached_property
    def paragraphs(self) -> "pd.DataFrame":
        """One row per paragraph with its role (headline, caption, credit, body, boilerplate)."""
        return from_records(PARAGRAPHS, self.paragraph_records)

    @cached_property
    def sentences(self) -> "pd.DataFrame":
        """One row per sentence, with whether it quotes someone and whom it attributes to."""
        from .attribution import attribute_sentences

        return attribute_sentences(self)

    @cached_property
    def claims(self) -> "pd.DataFrame":
        """One row per numeric claim, with the analyst's verdicts (review.csv) merged in;
        see data/README.md for every column."""
        import warnings

        from .claims import extract_claims
        from .review import ReviewError, ReviewWarning, has_reviews, merge_reviews

        claims = extract_claims(self)
        if not has_reviews(self.folder):  # most articles: skip building an empty verdict table
            return claims
        try:
            reviews = self.reviews
        except ReviewError as exc:  # a damaged review.csv must not take every claims view down with it
            warnings.warn(f"{exc} (claims are shown without verdicts)", ReviewWarning, stacklevel=3)
            return claims
        return merge_reviews(claims, reviews) if len(reviews) else claims

    @property
    def reviews(self) -> "pd.DataFrame":
        """The verdicts recorded in the article folder's review.csv (read afresh each time);
        a damaged file raises ReviewError (see :attr:`review_problem`)."""
        from .review import read_reviews

        return read_reviews(self.folder)

    @property
    def review_problem(self) -> str | None:
        """What is wrong with review.csv (file, line, what to do), or None: for views to show."""
        from .review import review_problem

        return review_problem(self.folder)

    @property
    def orphan_reviews(self) -> "pd.DataFrame":
        """Verdicts whose claim is no longer extracted: kept, and shown here so none is lost.
        With a damaged review.csv: none, and a ReviewWarning (the file is left as it is)."""
        import warnings

        from .review import ReviewError, ReviewWarning, orphan_reviews, read_reviews

        try:
            reviews = self.reviews
        except ReviewError as exc:
            warnings.warn(f"{exc} (no orphaned verdicts can be listed)", ReviewWarning, stacklevel=2)
            reviews = read_reviews(None)
        return orphan_reviews(self.claims, reviews)

    def save_review(self, claim_id: str, verdict: str, note: str = "", source_url: str = "") -> None:
        """Record a verdict in review.csv (locked, atomic) and refresh ``claims``; a damaged
        review.csv raises ReviewError and is left untouched."""
        from .errors import ClaimframeError
        from .review import save_review

        if self.folder is None:
            raise ClaimframeError("this article was not loaded from a folder: there is nowhere to save verdicts")
        text = self.claims.set_index("claim_id")["text"].get(claim_id, "")
        save_review(self.folder, claim_id, verdict, note, source_url, claim_text=str(text))
        self.__dict__.pop("claims", None)

    @cached_property
    def events(self) -> "pd.DataFrame":
        """Dated statements of the article, its publication, the articles it cites, and curated
        context events (data/articles/<slug>/context_events.csv), one row each."""
        from .events import extract_events

        return extract_events(self)

    @cached_property
    def places(self) -> "pd.DataFrame":
        """One row per place mention, resolved against the curated gazetteer (or a fallback)."""
        from .places import article_places

        return article_places(self)

    @cached_property
    def relations(self) -> "pd.DataFrame":
        """Relative positions ("some 50 kilometers south of Mosul") with their geodesy."""
        from .places import article_relations

        return article_relations(self)

    @cached_property
    def checks(self) -> "pd.DataFrame":
        """Consistency checks over claims, events and places, one row each."""
        from .checks import run_checks

        return run_checks(self)

    @property
    def folder(self) -> Path | None:
        """The article's directory (where meta.toml, gold and curated files live), if loaded from one."""
        if self.path is None:
            return None
        if self.path.is_dir():
            return self.path
        return self.path.parent if self.path.name == ARTICLE_FILE else None  # a lone .txt has no folder

    def __repr__(self) -> str:
        name = self.slug or self.meta.get("title") or "untitled"
        return f"<Article {name!r}: {len(self.text):,} characters>"


#: Publication dates accepted (meta.toml ``published``, ``[[cites]]`` ``published``, --published).
#: Dates become pandas Timestamps, whose nanosecond range is 1677-09-21..2262-04-11: a date outside
#: it loads but crashes the events table and the checks later. This range keeps 60 years inside
#: those bounds for dates worked out from the publication date ("last year", a year-less "Dec. 4")
#: and refuses placeholders such as 0001-01-01 and 9999-12-31.
PUBLISHED_RANGE = (dt.date(1800, 1, 1), dt.date(2200, 12, 31))

#: TOML's names for the types a field may wrongly hold, for error messages.
_TOML_KINDS = {"dict": "a table", "list": "an array", "int": "an integer", "float": "a number",
               "bool": "a boolean", "date": "a date", "datetime": "a date-time", "time": "a time"}
#: ``[[cites]]`` fields that must be strings when present; ``authors`` is a list of strings.
_CITE_STRINGS = ("title", "print_title", "outlet", "dateline", "date_note", "url")


def _kind(value: Any) -> str:
    """What a TOML value is, as a message would say it: "an integer (3)", "a table"."""
    kind = _TOML_KINDS.get(type(value).__name__, type(value).__name__)
    shown = repr(value)
    return kind if isinstance(value, (dict, list)) or len(shown) > 40 else f"{kind} ({shown})"


def _coerce_date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        date = value.date()
    elif isinstance(value, dt.date):
        date = value
    elif isinstance(value, (dict, list, bool, dt.time)):
        raise MetadataError(f"{where} must be a date (YYYY-MM-DD), not {_kind(value)}")
    else:
        try:
            date = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise MetadataError(f"{where}: {value!r} is not a date; write it as YYYY-MM-DD") from None
    low, high = PUBLISHED_RANGE
    if not low <= date <= high:
        raise MetadataError(f"{where}: {date.isoformat()} is outside the dates claimframe accepts "
                            f"({low.isoformat()} to {high.isoformat()}); write the real publication date, "
                            "or leave it out when unknown")
    return date


def _check_string(meta: dict[str, Any], key: str, where: str, prefix: str = "") -> None:
    value = meta.get(key)
    if value is not None and not isinstance(value, str):
        raise MetadataError(f'{where}: {prefix}{key} must be a string (in quotes: {key} = "..."), not {_kind(value)}')


def normalise_meta(meta: dict[str, Any], where: str = "metadata") -> dict[str, Any]:
    """Check field types and turn dates into ``datetime.date`` (TOML dates or ISO strings).

    Everything that would load but fail later (a number for an outlet, a table for a title, a
    date pandas cannot hold) is refused here, with the file and the field named.
    """
    meta = dict(meta)
    meta["published"] = _coerce_date(meta.get("published"), f"{where}: published")
    for key in ("title", "outlet", "url", "author", "language"):
        _check_string(meta, key, where)
    aliases = meta.get("source_aliases", {})
    if not isinstance(aliases, dict) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in aliases.values()
    ):
        raise MetadataError(f"{where}: [source_aliases] must map each name to a list of strings")
    cites = meta.get("cites", [])
    if not isinstance(cites, list) or not all(isinstance(c, dict) for c in cites):
        raise MetadataError(f"{where}: cites must be an array of tables ([[cites]])")
    meta["cites"] = [_normalise_cite(c, where, f"cites[{i}].") for i, c in enumerate(cites)]
    return meta


def _normalise_cite(cite: dict[str, Any], where: str, prefix: str) -> dict[str, Any]:
    """One ``[[cites]]`` entry checked: string fields, ``authors`` a list of strings (one string
    becomes a list of one), ``published`` a date. ``prefix`` names it: "cites[0]."."""
    for key in _CITE_STRINGS:
        _check_string(cite, key, where, prefix)
    cite = {**cite, "published": _coerce_date(cite.get("published"), f"{where}: {prefix}published")}
    authors = cite.get("authors")
    if isinstance(authors, str):
        cite["authors"] = [authors]
    elif authors is not None and not (isinstance(authors, list) and all(isinstance(a, str) for a in authors)):
        raise MetadataError(f'{where}: {prefix}authors must be an array of strings (authors = ["Jane Doe"]), '
                            f"not {_kind(authors)}")
    return cite


def _read_toml(path: Path) -> dict[str, Any]:
    """The raw TOML of a meta.toml: UTF-8 with or without a byte-order mark, or UTF-16/32 with one."""
    body, codec, name = _split_bom(path.read_bytes())
    try:
        text = body.decode(codec).replace("\r\n", "\n").replace("\r", "\n")
        return tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise MetadataError(f"{path}: not {name} (bad byte at offset {exc.start}); save meta.toml as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise MetadataError(f"{path}: not valid TOML ({exc}); see data/README.md for the fields") from None


def read_meta(path: str | Path) -> dict[str, Any]:
    """Read and check a meta.toml file."""
    path = Path(path)
    return normalise_meta(_read_toml(path), where=str(path))


#: Byte-order marks and the codec of the text after them. UTF-32 comes first: its little-endian
#: mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def _split_bom(data: bytes) -> tuple[bytes, str, str]:
    """(the bytes after any byte-order mark, the codec they are in, its name); UTF-8 without one."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):], codec, name
    return data, "utf-8", "UTF-8"


def _looks_utf16(data: bytes) -> bool:
    """ASCII-heavy UTF-16 without a byte-order mark: NUL in every other byte."""
    sample = data[:4096]
    return len(sample) >= 8 and any(sample[i::2].count(0) >= 0.9 * len(sample[i::2]) for i in (0, 1))


def decode_text(data: bytes, where: str = "input") -> str:
    """Bytes to article text: UTF-8 (a byte-order mark is dropped), or UTF-16 or UTF-32 that
    starts with a byte-order mark; anything else is refused.

    Refusing is deliberate: a guessed encoding or stripped HTML would silently change the
    words that every offset points into. Line endings are normalised by :func:`check_text`.
    """
    body, codec, name = _split_bom(data)
    if codec == "utf-8" and b"\x00" in body[:65536]:
        if _looks_utf16(body):
            raise ArticleFormatError(
                f"{where}: looks like UTF-16 text without a byte-order mark; re-save it as UTF-8 "
                "(e.g. iconv -f UTF-16LE -t UTF-8)")
        raise ArticleFormatError(f"{where}: binary data (NUL bytes), not a text file")
    try:
        return body.decode(codec)
    except UnicodeDecodeError as exc:
        offset = exc.start + len(data) - len(body)
        raise ArticleFormatError(
            f"{where}: not {name} (undecodable byte 0x{data[offset]:02x} at offset {offset}); "
            "re-save the file as UTF-8"
        ) from None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR as LF, and a leading byte-order mark dropped: what every way in
    (a file, :func:`read_text`, a corpus tuple, stdin) does, so the same words give the same
    offsets, paragraphs and claim IDs."""
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def check_text(text: str, where: str = "input") -> str:
    """Raise a clear error for text that cannot be an article; return it otherwise, with line
    endings normalised (:func:`normalise_newlines`)."""
    if not isinstance(text, str):
        raise ArticleFormatError(f"{where}: expected text (str), got {type(text).__name__}")
    text = normalise_newlines(text)
    if not text.strip():
        raise ArticleFormatError(f"{where}: the article text is empty")
    if len(text) > MAX_CHARS:
        raise ArticleFormatError(
            f"{where}: {len(text):,} characters is more than one article ({MAX_CHARS:,} at most); "
            "split it into articles and use claimframe.corpus()"
        )
    if _HTML.search(text[:20000]):
        raise ArticleFormatError(
            f"{where}: this looks like an HTML page; save the article as plain text "
            "(for example from the browser's reader view) and load that"
        )
    if "\x00" in text:
        raise ArticleFormatError(f"{where}: the text contains NUL characters (binary data?)")
    try:  # only a surrogate code point fails, and then exports and saves would fail later
        text.encode("utf-8")  # about twice as fast as searching for one with a regex
    except UnicodeEncodeError as exc:
        pos = exc.start
        line = text.count("\n", 0, pos) + 1
        column = pos - (text.rfind("\n", 0, pos) + 1) + 1
        raise ArticleFormatError(
            f"{where}: lone surrogate U+{ord(text[pos]):04X} at character {pos} (line {line}, column {column}): "
            "not a character, and no UTF-8 file can hold it (bytes decoded with errors='surrogateescape' "
            "or a JSON \\ud800 escape leave these); fix the text where it came from"
        ) from None
    return text


def read_text(
    text: str,
    title: str | None = None,
    published: str | dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    slug: str | None = None,
    **meta: Any,
) -> Article:
    """An Article from text in memory; keyword arguments become its metadata.

    The text is checked and its line endings normalised as when loading a file
    (:func:`check_text`), so both give the same tables and claim IDs.
    """
    text = check_text(text)
    fields = {k: v for k, v in dict(meta, title=title, published=published, outlet=outlet, url=url).items()
              if v is not None}
    return Article(text=text, meta=normalise_meta(fields), slug=slug)


def load_article(path: str | Path, published: str | dt.date | None = None) -> Article:
    """Load an article directory (article.txt + optional meta.toml), a .txt file, or a slug of
    data/articles/.

    ``published`` overrides the date in meta.toml.
    """
    path = Path(path)
    if not path.exists() and len(path.parts) == 1 and (articles_dir() / path).is_dir():
        path = articles_dir() / path  # a slug: "iraq-shiite-militias-2016"
    if path.is_dir():
        text_path, meta_path, slug = path / ARTICLE_FILE, path / META_FILE, path.name
        if not text_path.is_file():
            raise ArticleNotFoundError(f"{path}: no {ARTICLE_FILE} in this directory")
    elif path.is_file():
        text_path, slug = path, path.stem if path.name != ARTICLE_FILE else path.parent.name
        meta_path = path.parent / META_FILE if path.name == ARTICLE_FILE else path.with_suffix(".toml")
    else:
        raise ArticleNotFoundError(f"{path}: no such file or directory")
    text = check_text(decode_text(text_path.read_bytes(), where=str(text_path)), where=str(text_path))
    meta = read_meta(meta_path) if meta_path.is_file() else {"published": None, "cites": []}
    if published is not None:
        meta["published"] = _coerce_date(published, "published")
    return Article(text=text, meta=meta, slug=slug, path=path)


def _role(text: str, index: int, credit: bool, next_credit: bool, title: str | None) -> str:
    """The role of the paragraph ``text`` (stripped) from its form, its place and whether it or the
    next paragraph is a photo credit (worked out once per paragraph by :func:`paragraph_records`)."""
    if _is_boilerplate(text):
        return "boilerplate"
    if credit:
        return "credit"
    if next_credit:
        return "caption"
    if index == 0 and (
        (title and text.casefold() == title.strip().casefold())
        or (len(text) <= 200 and "\n" not in text and not text.endswith((".", "”", '"')))
    ):
        return "headline"
    return "body"


def split_paragraphs(text: str, title: str | None = None) -> "pd.DataFrame":
    """The paragraphs table of a text (see :func:`paragraph_records`)."""
    return from_records(PARAGRAPHS, paragraph_records(text, title))


def paragraph_records(text: str, title: str | None = None) -> list[dict]:
    """Paragraphs are blocks separated by blank lines; each gets a role from its form and place."""
    spans, pos = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    spans = [_strip_span(text, s, e) for s, e in spans]
    spans = [piece for s, e in spans if e > s for piece in _split_credit_line(text, s, e)]
    texts = [text[s:e] for s, e in spans]
    credits = [_is_credit(t) for t in texts] + [False]
    return [
        {"paragraph_id": i, "start": s, "end": e, "text": t, "role": _role(t, i, credits[i], credits[i + 1], title)}
        for i, ((s, e), t) in enumerate(zip(spans, texts))
    ]


def _is_boilerplate(text: str) -> bool:
    """Site furniture: the paragraph opens like it or holds one of its phrases."""
    if _BOILERPLATE_OPENING.match(text):
        return True
    lowered = text.lower()
    return any(hint in lowered for hint in _BOILERPLATE_HINTS) and bool(_BOILERPLATE.search(text))


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without its leading and trailing whitespace, as offsets."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return start, start
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + lead + len(stripped)


def _is_credit(line: str) -> bool:
    """A photo credit ("AP Photo/Jane Doe"): short, and in one of the credit forms."""
    return len(line) <= 100 and bool(_CREDIT.search(line))


def _split_credit_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A photo credit on the last line of a caption block is a paragraph of its own."""
    cut = text.rfind("\n", start, end)
    last = text[cut + 1:end].strip() if cut >= 0 else ""
    if last and _is_credit(last):
        head_end = cut
        while head_end > start and text[head_end - 1].isspace():
            head_end -= 1
        return [(start, head_end), (cut + 1 + len(text[cut + 1:end]) - len(text[cut + 1:end].lstrip()), end)]
    return [(start, end)]


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence boundaries inside text[start:end], skipping abbreviations such as "Col." or "U.S."."""
    spans, s = [], start
    for m in _SENTENCE_END.finditer(text, start, end):  # as on text[start:end]
        stop = m.end()
        if text[m.start()] == ".":
            word = _LAST_WORD.match(text, max(start, m.start() - 40), m.start())
            token = word.group(1).lower().rstrip(".") if word else ""
            initials = (len(token) == 1 or "." in token) and _INITIALS.fullmatch(token)  # test the cheap part first
            if token in _ABBREVIATIONS or initials:
                continue  # "Col.", "U.S.", an initial such as "W." in "W.J. Hennigan"
        spans.append((s, stop))  # never blank: it ends in the stop
        s = stop
        while s < end and text[s].isspace():
            s += 1
    if s < end and text[s:end].strip():
        spans.append((s, end))
    return spans


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Direct quotations inside text[start:end], marks included; an unclosed quote runs to the end."""
    return [(start + m.start(), start + m.end()) for m in _QUOTE.finditer(text[start:end])]


#: A slug is a folder name that is safe everywhere: ASCII letters, digits, "-", "_" and ".",
#: starting with a letter or digit (so never ".", "..", a hidden folder, or "-x", which a command
#: line takes for an option), and short enough to type and to show (file systems allow 255 bytes;
#: 100 leaves room, and no real headline-slug needs more).
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
SLUG_MAX = 100
#: The meta.toml fields ``add`` can set (``claimframe add --title ...``).
_ADD_FIELDS = ("title", "outlet", "published", "url", "author", "language")


def check_slug(slug: Any) -> str:
    """Return ``slug`` if it can name an article folder; raise ArticleFormatError saying why not."""
    if not isinstance(slug, str) or not _SLUG.fullmatch(slug):
        raise ArticleFormatError(
            f"slug {slug!r}: a slug names a folder, so use only letters, digits, '-', '_' and '.', "
            "starting with a letter or digit (e.g. mosul-offensive-2016)")
    if len(slug) > SLUG_MAX:
        raise ArticleFormatError(
            f"slug {slug[:30]!r}... is {len(slug)} characters long; keep a slug to {SLUG_MAX} at most")
    return slug


def _toml_value(value: Any) -> str:
    """A TOML literal for a metadata value: a bare date, or a basic string (JSON escapes are valid TOML)."""
    import json

    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)


def add_article(text: str, slug: str, root: str | Path | None = None, force: bool = False,
                **meta: Any) -> Path:
    """Create ``data/articles/<slug>/`` with article.txt and meta.toml; returns the folder.

    The text is checked first (an unusable text is refused with the reason), and an existing slug
    is never overwritten unless ``force``. With ``force`` the new text replaces article.txt and
    the fields given replace theirs in meta.toml; every other field of meta.toml (a curated
    published date, cites, source aliases) and its comments are kept. A slug folder that is a link
    to somewhere outside the articles folder is refused. Both files are prepared first, then
    written to temporary names and renamed, so a failed add leaves nothing half-written.
    """
    import os
    import tempfile

    check_slug(slug)
    text = check_text(text, where=f"article {slug}")
    fields = normalise_meta({k: v for k, v in meta.items() if v not in (None, "")}, where="metadata")
    values = {key: _toml_value(fields[key]) for key in _ADD_FIELDS if fields.get(key) is not None}
    root = Path(root) if root is not None else articles_dir()
    folder = root / slug
    target = folder.resolve()
    if target == root.resolve() or not target.is_relative_to(root.resolve()):
        raise ArticleFormatError(
            f"{folder} leads to {target}, which is not a folder inside {root}; claimframe add writes "
            "only inside the articles folder: remove the link or choose another slug")
    if (folder.exists() or folder.is_symlink()) and not force:
        raise ArticleFormatError(f"{folder}: an article with slug {slug!r} exists; choose another slug or use --force")
    meta_path = folder / META_FILE
    if force and meta_path.is_file():
        meta_text = _update_meta_toml(meta_path, values)
    else:
        meta_text = "".join(f"{key} = {literal}\n" for key, literal in values.items())
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        for name, content in ((ARTICLE_FILE, text), (META_FILE, meta_text)):
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            written.append(tmp)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                f.write(content)
        for tmp, name in zip(written, (ARTICLE_FILE, META_FILE)):
            os.replace(tmp, folder / name)
    finally:
        for tmp in written:
            Path(tmp).unlink(missing_ok=True)
    return folder


_TOML_KEY_LINE = re.compile(r"\s*([A-Za-z0-9_-]+|\"[^\"\\]*\")\s*=")


def _update_meta_toml(path: Path, values: dict[str, str]) -> str:
    """The text of meta.toml ``path`` with ``key = literal`` set for each of ``values``: a key's
    statement is replaced where it stands (with its comment), a new key goes after the last
    top-level one; every other line, comment and table stays as it is.

    Refuses (MetadataError) a meta.toml that does not load, rather than lose what it holds, and
    checks the result loads to the old fields with only these changed.
    """
    old = _read_toml(path)
    normalise_meta(old, where=str(path))  # a broken meta.toml is reported, not overwritten
    body, codec, _ = _split_bom(path.read_bytes())
    lines = body.decode(codec).replace("\r\n", "\n").replace("\r", "\n").splitlines()
    pending, out, i = dict(values), [], 0
    insert_at = next((n for n, line in enumerate(lines) if not line.lstrip().startswith("#")), len(lines))
    while i < len(lines) and not lines[i].lstrip().startswith("["):  # top level: up to the first table
        m = _TOML_KEY_LINE.match(lines[i])
        if not m:  # a blank line or a comment
            out.append(lines[i])
            i += 1
            continue
        end = i + 1  # a value may span lines (a multi-line string or array): take lines until it loads
        while end < len(lines):
            try:
                tomllib.loads("\n".join(lines[i:end]))
                break
            except tomllib.TOMLDecodeError:
                end += 1
        key = m.group(1).strip('"')
        out.extend([f"{key} = {pending.pop(key)}"] if key in pending else lines[i:end])
        insert_at, i = len(out), end
    added = [f"{key} = {literal}" for key, literal in pending.items()]
    new = "\n".join(out[:insert_at] + added + out[insert_at:] + lines[i:]) + "\n"
    expected = {**old, **{key: tomllib.loads(f"v = {literal}")["v"] for key, literal in values.items()}}
    try:
        ok = tomllib.loads(new) == expected
    except tomllib.TOMLDecodeError:
        ok = False
    if not ok:
        raise MetadataError(f"{path}: could not set {', '.join(values)} and keep the other fields as they are; "
                            "edit meta.toml by hand instead")
    return new
