"""How a check is declared and run: the tables it requires, the inputs it may read, its rows.

A check is a function ``check(inputs) -> list[Row]`` marked with :func:`check`, which names the
tables it reads. :func:`run_checks` gives each one a :class:`CheckInputs` holding the document
and exactly those tables: reading any other raises, so a check's declaration is its truth.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from claimframe.document import HoldsDocument
from claimframe.schema import CHECKS, from_records, records

if TYPE_CHECKING:

    import pandas as pd

    from claimframe.document import Document

Row = dict[str, Any]
Check = Callable[["CheckInputs"], list[Row]]
#: The tables a check may declare.
TABLE_NAMES = ("paragraphs", "sentences", "claims", "events", "places", "relations")


def check(*requires: str) -> Callable[[Check], Check]:
    """Decorator: the function is a check reading the tables ``requires`` (and the document)."""
    unknown = set(requires) - set(TABLE_NAMES)
    if unknown:
        raise ValueError(f"a check can require {', '.join(TABLE_NAMES)}, not {', '.join(sorted(unknown))}")

    def mark(fn: Check) -> Check:
        fn.requires = tuple(requires)
        return fn
    return mark


class CheckInputs(HoldsDocument):
    """What one check may read: the document (``text``, ``meta``, ``published``, ``folder``) and
    the tables it declared, as attributes."""

    def __init__(self, document: "Document", tables: Mapping[str, "pd.DataFrame"], requires: Iterable[str],
                 shared: dict | None = None):
        self.document = document
        self._tables = {name: tables[name] for name in requires}
        self._shared = {} if shared is None else shared  # records made once per run, for every check

    def records(self, name: str) -> list[dict]:
        """The rows of a required table as dicts, made once per run of the checks and shared by
        them (read them, never change them): converting a table is most of what a check costs."""
        table = getattr(self, name)
        if name not in self._shared:
            self._shared[name] = [] if len(table) == 0 else records(table)
        return self._shared[name]

    def __getattr__(self, name: str) -> Any:
        tables = self.__dict__.get("_tables", {})
        if name in tables:
            return tables[name]
        if name in TABLE_NAMES:
            raise AttributeError(f"this check reads the {name} table but does not require it: "
                                 f"add {name!r} to its @check(...)")
        raise AttributeError(name)


def check_id(kind: str, claim_ids: Iterable[str], key: str | None = None) -> str:
    """Stable ID: a hash of the kind, the sorted claim IDs and an optional reference key."""
    parts = [kind, *sorted(claim_ids)] + ([key] if key else [])
    return "k-" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def run_checks(document: "Document", tables: Mapping[str, "pd.DataFrame"], checks: Iterable[Check]) -> "pd.DataFrame":
    """The checks table: each check, in order, on the document and the tables it requires."""
    rows: list[Row] = []
    seen: dict[str, int] = {}
    shared: dict[str, list[dict]] = {}
    for fn in checks:
        for row in fn(CheckInputs(document, tables, getattr(fn, "requires", TABLE_NAMES), shared)):
            ids = [i for i in row.get("claim_ids", []) if i]
            cid = check_id(row["kind"], ids, row.get("key"))
            seen[cid] = seen.get(cid, 0) + 1
            if seen[cid] > 1:  # two verdicts on the same claims: keep both, IDs stay stable
                cid = check_id(row["kind"], ids, f"{row.get('key') or ''}#{seen[cid]}")
            rows.append({
                "check_id": cid,
                "kind": row["kind"],
                "status": row["status"],
                "claim_ids": "; ".join(ids) or None,
                "message": row["message"],
                "detail": row.get("detail") or None,
            })
    return from_records(CHECKS, rows)
