"""Every table on news-like token soup: nothing raises, every span reads back, every table passes
its schema. The suite runs a small number of examples; set CLAIMFRAME_FUZZ_EXAMPLES for a long
run (e.g. 20000) before a release."""
import os

from hypothesis import HealthCheck, given, settings

import claimframe
from claimframe.errors import ArticleFormatError
from claimframe.schema import validate

from .strategies import NEWSY_TEXT

TABLES = ("paragraphs", "sentences", "claims", "events", "places", "relations", "checks")
EXAMPLES = int(os.environ.get("CLAIMFRAME_FUZZ_EXAMPLES", "60"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY_TEXT)
def test_every_table_on_newsy_text(text):
    try:
        article = claimframe.read_text(text, published="2016-12-15")
    except ArticleFormatError:
        return  # refused with a clear error (empty, or looks like HTML)
    for name in TABLES:
        table = getattr(article, name)
        validate(name, table)
        if "start" in table.columns and "text" in table.columns:
            for row in table.dropna(subset=["start", "end"]).itertuples():
                assert article.text[row.start:row.end] == row.text, (name, row)
