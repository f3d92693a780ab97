"""Reading articles: files and strings into Documents, with every check of bad input.

Text is decoded (UTF-8, or UTF-16/32 with a byte-order mark), checked (not empty, not binary,
not an HTML page, not huge, no lone surrogates) and its line endings normalised, so a file, a
string and a corpus item give the same Document. meta.toml is validated field by field at load
time. :func:`add_article` files a new article under data/articles/, from text or from a saved
web page (:mod:`claimframe.io.html` finds the article and its metadata in it).
"""
from __future__ import annotations

import codecs
import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

from claimframe.document import ARTICLE_FILE, META_FILE, Document
from claimframe.errors import ArticleFormatError, ArticleNotFoundError, MetadataError
from claimframe.paths import articles_dir

#: Articles are a few thousand words; anything past this is a mistake (a whole site dump, a
#: database export) and gets a clear error instead of minutes of work.
MAX_CHARS = 5_000_000
_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|div|p|script|span|a\s+href)\b", re.IGNORECASE)

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
            f"{where}: this looks like an HTML page; file a saved page with `python -m claimframe add PAGE.html "
            "--slug SLUG` (it extracts the article and its metadata), or save the article as plain text"
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


def document_from_text(
    text: str,
    title: str | None = None,
    published: str | dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    slug: str | None = None,
    **meta: Any,
) -> Document:
    """A Document from text in memory; keyword arguments become its metadata.

    The text is checked and its line endings normalised as when loading a file
    (:func:`check_text`), so both give the same tables and claim IDs.
    """
    text = check_text(text)
    fields = {k: v for k, v in dict(meta, title=title, published=published, outlet=outlet, url=url).items()
              if v is not None}
    return Document(text=text, meta=normalise_meta(fields), slug=slug)


def read_document(path: str | Path, published: str | dt.date | None = None) -> Document:
    """Read an article directory (article.txt + optional meta.toml), a .txt file, or a slug of
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
        raise ArticleNotFoundError(_not_found(path))
    if text_path.suffix.lower() in (".html", ".htm"):  # a saved page: its article and metadata
        from claimframe.io.html import page_article

        page = page_article(decode_text(text_path.read_bytes(), where=str(text_path)), where=str(text_path))
        meta = normalise_meta(page.meta, where=str(text_path))
        if published is not None:
            meta["published"] = _coerce_date(published, "published")
        return Document(text=check_text(page.text, where=str(text_path)), meta=meta, slug=slug, path=path)
    text = check_text(decode_text(text_path.read_bytes(), where=str(text_path)), where=str(text_path))
    meta = read_meta(meta_path) if meta_path.is_file() else {"published": None, "cites": []}
    if published is not None:
        meta["published"] = _coerce_date(published, "published")
    return Document(text=text, meta=meta, slug=slug, path=path)


def _not_found(path: Path) -> str:
    """"no such file", and for what may be a mistyped slug, the articles there are."""
    message = f"{path}: no such file or directory"
    if len(path.parts) == 1 and articles_dir().is_dir():
        import difflib

        from claimframe.paths import list_articles

        slugs = list_articles()
        close = difflib.get_close_matches(str(path), slugs, n=3, cutoff=0.5)
        if close:
            message += f"; did you mean {', '.join(close)}?"
        if slugs:
            shown = ", ".join(slugs[:20]) + (f" and {len(slugs) - 20} more" if len(slugs) > 20 else "")
            message += f" (articles in {articles_dir()}: {shown})"
        else:
            message += f" (no articles in {articles_dir()} yet: file one with `python -m claimframe add`)"
    return message


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


class MetadataWarning(UserWarning):
    """An article was filed without metadata the tables need (its publication date)."""


def missing_date_advice(folder: Path) -> str:
    """What to do about an article filed without a publication date."""
    return (f"{folder.name}: no publication date, so dates without a year (\"on Monday\", \"in March\") "
            f"stay unresolved; set it with `published = YYYY-MM-DD` in {folder / META_FILE} "
            f"(or add again with --published YYYY-MM-DD --force)")


def add_page(html: str, slug: str, root: str | Path | None = None, force: bool = False,
             **meta: Any):
    """File a saved web page as ``data/articles/<slug>/``: the article's text and its metadata
    (title, outlet, published, author, url) found by :func:`claimframe.io.html.page_article`;
    fields given here override the page's. Returns ``(folder, page)``: ``page.missing`` names
    the fields the page did not give (and that were not given here)."""
    from dataclasses import replace

    from claimframe.io.html import page_article

    check_slug(slug)
    page = page_article(html, where=f"article {slug}")
    given = {k: v for k, v in meta.items() if v not in (None, "")}
    folder = add_article(page.text, slug, root=root, force=force, **{**page.meta, **given})
    return folder, replace(page, missing=tuple(k for k in page.missing if k not in given))


def add_article(text: str, slug: str, root: str | Path | None = None, force: bool = False,
                **meta: Any) -> Path:
    """Create ``data/articles/<slug>/`` with article.txt and meta.toml; returns the folder.

    The text is checked first (an unusable text is refused with the reason), and an existing slug
    is never overwritten unless ``force``. With ``force`` the new text replaces article.txt and
    the fields given replace theirs in meta.toml; every other field of meta.toml (a curated
    published date, cites, source aliases) and its comments are kept. A slug folder that is a link
    to somewhere outside the articles folder is refused. Both files are prepared first, then
    written to temporary names and renamed, so a failed add leaves nothing half-written.

    A saved web page (``<!DOCTYPE html>`` ...) is filed through :func:`add_page`. An article left
    without a publication date is filed, with a :class:`MetadataWarning` saying how to set it.
    """
    import os
    import tempfile
    import warnings

    from claimframe.io.html import is_html_page

    check_slug(slug)
    if isinstance(text, str) and is_html_page(text):
        return add_page(text, slug, root=root, force=force, **meta)[0]
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
    if read_meta(folder / META_FILE).get("published") is None:
        warnings.warn(missing_date_advice(folder), MetadataWarning, stacklevel=2)
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
