"""The order of work: each product of an article, the stage that makes it, and what it needs.

Read :data:`STAGES` top to bottom and you have the flow: segmentation, attribution, dates and
quantities, claims, places and relations, events, checks. A stage is a function
``stage(document, **inputs)`` that sees only the Document and the products it declares in
``requires``; :func:`get` runs each stage at most once per article and keeps the result in the
article's memo, so asking for every table runs find_dates once, searches for places once, and
so on. Functions are named as "module:function" and imported on first use, which keeps
``import claimframe`` free of regex compilation.

    >>> from claimframe.document import Document
    >>> memo = {}
    >>> get(Document("Officials said 500 recruits came.", {}), "claims", memo)["text"].tolist()
    ['500']
    >>> sorted(memo)
    ['attributions', 'claim_records', 'claims', 'dates', 'paragraph_records']
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimframe.document import Document


@dataclass(frozen=True)
class Stage:
    """``function`` ("module:name") makes one product from a Document and the ``requires`` products."""

    function: str
    requires: tuple[str, ...] = ()

    def run(self, document: "Document", inputs: dict[str, Any]) -> Any:
        module, name = self.function.split(":")
        return getattr(importlib.import_module(module), name)(document, **inputs)


#: Every product, in the order of the flow. The seven tables users see are among them
#: (:data:`TABLES`); the others are the records the tables are made from.
STAGES: dict[str, Stage] = {
    "paragraph_records": Stage("claimframe.extract.segment:document_paragraphs"),
    "paragraphs": Stage("claimframe.extract.segment:paragraphs_table", ("paragraph_records",)),
    "attributions": Stage("claimframe.extract.attribution:sentence_attributions", ("paragraph_records",)),
    "sentences": Stage("claimframe.extract.attribution:sentences_table", ("attributions",)),
    "dates": Stage("claimframe.extract.dates:document_dates"),
    "claim_records": Stage("claimframe.extract.claims:claim_records",
                           ("paragraph_records", "attributions", "dates")),
    "claims": Stage("claimframe.extract.claims:claims_table", ("claim_records",)),
    "places": Stage("claimframe.extract.places:places_table", ("attributions",)),
    "relations": Stage("claimframe.extract.relations:relations_table", ("sentences", "claim_records", "places")),
    "events": Stage("claimframe.extract.events:events_table",
                    ("attributions", "paragraph_records", "claims", "dates", "places")),
    "checks": Stage("claimframe.checks:checks_table", ("claims", "events", "places", "relations", "sentences")),
}

#: The tables an Article offers, in reading order.
TABLES = ("paragraphs", "sentences", "claims", "events", "places", "relations", "checks")


def get(document: "Document", product: str, memo: dict[str, Any]) -> Any:
    """``product`` of ``document``, made (with everything it requires) unless ``memo`` has it."""
    if product in memo:
        return memo[product]
    try:
        stage = STAGES[product]
    except KeyError:
        raise KeyError(f"{product!r} is no product of the pipeline; products: {', '.join(STAGES)}") from None
    inputs = {name: get(document, name, memo) for name in stage.requires}
    memo[product] = result = stage.run(document, inputs)
    return result
