"""Quantities and dates become claims: what is counted, who says it, and whether it is quoted.

One row per claim (columns in data/README.md). Claim IDs hash the sentence's text with the
claim's, so a verdict attached to a claim survives re-extraction and edits elsewhere.
"""
from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

from claimframe.extract.attribution import sentence_finder, source_of
from claimframe.extract.numbers import find_quantities
from claimframe.schema import CLAIMS, from_records

if TYPE_CHECKING:
    import pandas as pd

    from claimframe.document import Document

#: Paragraph roles whose numbers are not claims: photo credits and site furniture.
SILENT_ROLES = frozenset({"credit", "boilerplate"})
#: Kinds whose rows name what they count in `entity`.
ENTITY_KINDS = frozenset({"count", "rank"})

_ENTITY_TOKENS = re.compile(r"\[[^\]\n]{0,60}\]|[A-Za-z][\w’'-]*|\S")
_ENTITY_STOP = frozenset(
    """in on at to for with from by into over under during after before since across near outside inside
    and or but nor who whom which that were was are is be been being have has had will would could should
    can may might must do does did as than per each while when where if because said told says according
    many most some all both including among within without""".split()
)
_ENTITY_LEAD = frozenset("of the a an their its his her our these those them such".split())
_IRREGULAR_PLURALS = frozenset(
    "people children men women police personnel troops staff cattle sheep fish aircraft militia "
    "civilians".split()
)


def entity_after(text: str, end: int, kind: str) -> str | None:
    """What a quantity counts: the head of the noun phrase after it ("hundreds of Shiite militias")."""
    words: list[str] = []
    for m in _ENTITY_TOKENS.finditer(text, end, min(len(text), end + 120)):
        token = m.group(0)
        if token.startswith("["):
            continue  # an editor's insertion: "40 of the [Shiite] militias"
        if not token[0].isalpha():
            break
        low = token.lower()
        if low in _ENTITY_LEAD and not words:
            continue
        if low in _ENTITY_STOP or len(words) == 4:
            break
        words.append(low)
    if not words:
        return None
    if kind == "rank":
        return words[-1]
    for w in words:
        if w in _IRREGULAR_PLURALS or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))):
            return w
    return words[-1] if len(words) == 1 and not words[0].endswith(("ed", "ing", "ly")) else None


def claim_id(sentence_text: str, claim_text: str, occurrence: int, sentence_repeat: int = 1) -> str:
    """Stable ID: the sentence's words (and which repeat of them, for a sentence printed twice),
    the claim's words and their occurrence in the sentence. Offsets are left out on purpose, so
    an edit elsewhere in the article changes no ID."""
    repeat = f"\x1f{sentence_repeat}" if sentence_repeat > 1 else ""
    digest = hashlib.sha1(f"{sentence_text}\x1f{claim_text}\x1f{occurrence}{repeat}".encode()).hexdigest()
    return f"c-{digest[:10]}"


def _credit_after(paragraphs: list[dict], paragraph_id: int) -> str | None:
    """The photo credit below a caption: the source of the caption's claims."""
    nxt = paragraphs[paragraph_id + 1] if paragraph_id + 1 < len(paragraphs) else None
    return nxt["text"].strip() if nxt and nxt["role"] == "credit" else None


def claims_table(document: "Document", claim_records: list[dict]) -> "pd.DataFrame":
    """Stage: the claims table (see data/README.md, "Claim conventions"); verdicts are the
    Article's to merge, not extraction's."""
    return from_records(CLAIMS, claim_records)


def claim_records(document: "Document", paragraph_records: list[dict], attributions: list,
                  dates: list) -> list[dict]:
    """Stage: the rows of the claims table as plain dicts: a corpus run gathers many articles'
    rows and builds one table from them, because a typed DataFrame costs about as much to build
    for 20 rows as for 2,000. ``dates`` are the document's date mentions (its "dates" product)."""
    text = document.text
    paragraphs = paragraph_records
    speaking = [sa for sa in attributions if sa.role not in SILENT_ROLES]
    if not speaking:
        return []
    sentence_at = sentence_finder(speaking)
    rows = []

    dates = [d for d in dates if sentence_at(d.start)]
    for d in dates:
        rows.append({"start": d.start, "end": d.end, "kind": "date", "hedge": "exact",
                     "date": d.date, "date_precision": d.precision})
    dates_in: dict[int, list[tuple[int, int]]] = {}
    for d in dates:
        dates_in.setdefault(sentence_at(d.start).sentence_id, []).append((d.start, d.end))
    for sa in speaking:
        for q in find_quantities(text, sa.start, sa.end, exclude=dates_in.get(sa.sentence_id, ())):
            rows.append({**q.__dict__, "entity": entity_after(text, q.end, q.kind)
                         if q.kind in ENTITY_KINDS else None})
    rows.sort(key=lambda r: r["start"])
    seen: dict[tuple[int, str], int] = {}
    repeats: dict[int, int] = {}  # sentence_id -> which repeat of its text it is
    texts_seen: dict[str, int] = {}
    for sa in speaking:
        sentence_text = text[sa.start:sa.end]
        texts_seen[sentence_text] = repeats[sa.sentence_id] = texts_seen.get(sentence_text, 0) + 1
    for row in rows:
        sa = sentence_at(row["start"])
        claim_text = text[row["start"]:row["end"]]
        default = _credit_after(paragraphs, sa.paragraph_id) if sa.role == "caption" else None
        source, quoted = source_of(sa, row["start"], row["end"], default or document.outlet or "unattributed")
        k = seen[(sa.sentence_id, claim_text)] = seen.get((sa.sentence_id, claim_text), 0) + 1
        row.update(
            claim_id=claim_id(text[sa.start:sa.end], claim_text, k, repeats[sa.sentence_id]),
            sentence_id=sa.sentence_id,
            paragraph_id=sa.paragraph_id,
            text=claim_text,
            source=source,
            quoted=quoted,
        )
    return rows
