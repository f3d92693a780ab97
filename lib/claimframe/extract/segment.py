"""Cutting an article into paragraphs (with their role), sentences and quotations.

Spans only: every function returns offsets into the text it is given and never rewrites it, so
every table's ``text == document.text[start:end]`` holds.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimframe import lexicon
from claimframe.schema import PARAGRAPHS, from_records

if TYPE_CHECKING:
    import pandas as pd

    from claimframe.document import Document

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
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\u00a0]*\n\s*")

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(lexicon.ABBREVIATIONS)
# A sentence ends at stops (and closing quotes or brackets) before a capital or a digit, or at the
# end. Written "[.!?…][.!?…]*" rather than "[.!?…]+" so that the regex engine can skip straight
# to the next stop instead of trying the whole pattern at every character.
_SENTENCE_END = re.compile(r"[.!?…][.!?…]*[\"'”’)\]]*(?:(?=\s+(?:``|[\"'“‘(\[])?[A-Z0-9])|$)")

# The word before a stop, matched from the window's start: the engine runs to the end and backs up
# to the last character that is no part of a word, where searching for "[\w.]+$" would try every
# starting place.
_LAST_WORD = re.compile(r"(?:[\s\S]*[^\w.])?([\w.]+)$")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")

# Quotation marks: curly pairs, straight double quotes, and the ``typewriter'' pairs of wire copy.
_QUOTE = re.compile(r"“[^”]*(?:”|$)|\"[^\"\n]*(?:\"|$)|``(?:[^'\n]|'(?!'))*(?:''|$)", re.MULTILINE)


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


def document_paragraphs(document: "Document") -> list[dict]:
    """Stage: the paragraphs of a Document as records (the headline found by its title)."""
    return paragraph_records(document.text, title=document.meta.get("title"))


def paragraphs_table(document: "Document", paragraph_records: list[dict]) -> "pd.DataFrame":
    """Stage: the paragraphs table (columns: :data:`claimframe.schema.PARAGRAPHS`)."""
    return from_records(PARAGRAPHS, paragraph_records)


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
