"""Attribution rules on sentences written for these tests in several outlets' styles."""
import pytest

import claimframe


def sources(text, **meta):
    a = claimframe.read_text(text, outlet="The Ledger", published="2021-08-16", **meta)
    return dict(zip(a.claims["text"], a.claims["source"]))


@pytest.mark.parametrize("text, expected", [
    # the verb's own "that", then a later "..., and that" that is not
    ("Delgado said full containment could take at least two weeks, and that crews were ready.",
     {"at least two weeks": "Delgado"}),
    ("Mayor Ann Li said that 300 homes flooded.", {"300": "Mayor Ann Li"}),
    ("Officials said 300 homes flooded.", {"300": "officials"}),
    # a relative clause with a number in it between the speaker and the verb
    ("The Save Our Clinics group, which has collected more than 11,000 signatures, said that the clinics "
     "needed at least $5 million a year.",
     {"more than 11,000": "The Ledger", "at least $5 million": "Save Our Clinics group"}),
    # a reporting clause after the content
    ("Some 3,000 families still live in tents, the U.N. refugee agency said on Monday.",
     {"Some 3,000": "U.N. refugee agency", "Monday": "The Ledger"}),
    # a date in the reporting frame is the outlet's; the content after "that" is the speaker's
    ("The official told the paper in October that 40 units were vetted.",
     {"October": "The Ledger", "40": "official"}),
    # nothing attributes: the outlet's own statement
    ("The town lies 15 miles north of Springfield.", {"15 miles": "The Ledger"}),
])
def test_sentence_rules(text, expected):
    assert sources(text) == expected


def test_role_after_a_name_resolves_later_titles():
    text = ("\"It made a run of almost 8 miles,\" said Rosa Delgado, a Cal Fire battalion chief who leads "
            "the response.\n\nThe battalion chief said that about 200 soldiers had joined the crews.")
    assert sources(text) == {"almost 8 miles": "Rosa Delgado", "about 200": "Rosa Delgado"}


def test_titles_and_surnames_resolve_to_the_fullest_name():
    text = ("Lt. Col. Maria Vance, a spokeswoman, said that 12 bases were closed.\n\n"
            "\"We moved 400 troops,\" Vance said.\n\nThe colonel said that 3 more would close.")
    assert sources(text) == {"12": "Lt. Col. Maria Vance", "400": "Lt. Col. Maria Vance", "3": "Lt. Col. Maria Vance"}


def test_nested_attribution_inside_a_quotation():
    text = "\"Analysts estimate there are 5,000 fighters,\" the ministry said."
    assert sources(text) == {"5,000": "analysts"}


def test_block_quote_after_a_colon_paragraph():
    text = "Clinics under strain\n\nAccording to the report:\n\nThe clinics saw 12,000 patients last year."
    a = claimframe.read_text(text, outlet="The Ledger", published="2021-08-16")
    row = a.claims.set_index("text").loc["12,000"]
    assert (row["source"], row["quoted"]) == ("report", True)
