"""Loading an article and cutting it into paragraphs and sentences.

Every table keeps ``start``/``end`` offsets into ``Article.text`` so that anything shown can be
traced back to the words. The text is kept as read (line endings normalised to ``\\n``);
nothing is rewritten, so offsets stay valid.
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
_ABBREVIATIONS = frozenset(
    """u.s u.k u.n e.u a.m p.m mr mrs ms dr st mt ft jr sr gen col lt maj capt sgt cpl pvt adm
    cmdr brig sen rep gov pres gen prof rev no vs etc inc corp co ltd dept est approx fig e.g i.e
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
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


def _coerce_date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise MetadataError(f"{where}: {value!r} is not a date; write it as YYYY-MM-DD") from None


def normalise_meta(meta: dict[str, Any], where: str = "metadata") -> dict[str, Any]:
    """Check field types and turn dates into ``datetime.date`` (TOML dates or ISO strings)."""
    meta = dict(meta)
    meta["published"] = _coerce_date(meta.get("published"), f"{where}: published")
    for key in ("title", "outlet", "url", "author", "language"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise MetadataError(f"{where}: {key} must be a string, not {type(meta[key]).__name__}")
    aliases = meta.get("source_aliases", {})
    if not isinstance(aliases, dict) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in aliases.values()
    ):
        raise MetadataError(f"{where}: [source_aliases] must map each name to a list of strings")
    cites = meta.get("cites", [])
    if not isinstance(cites, list) or not all(isinstance(c, dict) for c in cites):
        raise MetadataError(f"{where}: cites must be an array of tables ([[cites]])")
    meta["cites"] = [
        {**c, "published": _coerce_date(c.get("published"), f"{where}: cites[{i}].published")}
        for i, c in enumerate(cites)
    ]
    return meta


def read_meta(path: str | Path) -> dict[str, Any]:
    """Read and check a meta.toml file."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise MetadataError(f"{path}: not valid TOML ({exc}); see data/README.md for the fields") from None
    return normalise_meta(raw, where=str(path))


def decode_text(data: bytes, where: str = "input") -> str:
    """Bytes to article text, refusing what is not plain UTF-8 prose.

    Refusing is deliberate: a guessed encoding or stripped HTML would silently change the
    words that every offset points into.
    """
    if b"\x00" in data[:65536]:
        raise ArticleFormatError(f"{where}: binary data (NUL bytes), not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleFormatError(
            f"{where}: not UTF-8 (undecodable byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-save the file as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text: str, where: str = "input") -> str:
    """Raise a clear error for text that cannot be an article; return it unchanged otherwise."""
    if not isinstance(text, str):
        raise ArticleFormatError(f"{where}: expected text (str), got {type(text).__name__}")
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
    """An Article from text in memory; keyword arguments become its metadata."""
    check_text(text)
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


_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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
    is never overwritten unless ``force``. Both files are written to temporary names and renamed,
    so a failed add leaves nothing half-written.
    """
    import os

    if not _SLUG.match(slug or ""):
        raise ArticleFormatError(f"slug {slug!r}: use lower-case letters, digits and hyphens (e.g. mosul-offensive-2016)")
    check_text(text, where=f"article {slug}")
    fields = normalise_meta({k: v for k, v in meta.items() if v not in (None, "")}, where="metadata")
    folder = Path(root) if root is not None else articles_dir()
    folder = folder / slug
    if folder.exists() and not force:
        raise ArticleFormatError(f"{folder}: an article with slug {slug!r} exists; choose another slug or use --force")
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"{key} = {_toml_value(value)}" for key, value in fields.items()
             if key in ("title", "outlet", "published", "url", "author", "language") and value is not None]
    for name, content in ((ARTICLE_FILE, text), (META_FILE, "\n".join(lines) + "\n")):
        tmp = folder / f".{name}.tmp"
        tmp.write_text(content, encoding="utf-8")
        os.replace(tmp, folder / name)
    return folder
