"""The verdict form of notebook 04: it never chooses a verdict for the analyst, and no two claims
look alike in its list."""

import pytest

import claimframe
from claimframe.io import review
from claimframe.views.explorer import review_form, review_labels

from .conftest import SEED, claim_id_of


def test_the_form_starts_with_no_verdict_and_will_not_save_without_one(seed_folder):
    form = review_form(claimframe.load_article(seed_folder))
    assert form.claim.value is not None
    assert form.verdict.value is None
    assert form.save.disabled
    form.submit()  # as if the button were pressed anyway
    assert form.message.value == "not saved: pick a claim and a verdict first"
    assert not (seed_folder / "review.csv").exists()


def test_a_verdict_picked_but_not_saved_does_not_follow_to_the_next_claim(seed_folder):
    a = claimframe.load_article(seed_folder)
    form = review_form(a)
    form.claim.value = claim_id_of(a, "up to 900")
    form.verdict.value = "verified"
    assert not form.save.disabled
    form.claim.value = claim_id_of(a, "500")
    assert form.verdict.value is None and form.note.value == "" and form.save.disabled


def test_the_saved_message_goes_when_the_claim_changes(seed_folder):
    a = claimframe.load_article(seed_folder)
    form = review_form(a)
    cid = claim_id_of(a, "up to 900")
    form.claim.value = cid
    form.verdict.value = "disputed"
    form.save.click()
    assert form.message.value == "saved: disputed"
    form.claim.value = claim_id_of(a, "500")
    assert form.message.value == ""
    assert form.verdict.value is None
    form.claim.value = cid
    assert form.verdict.value == "disputed"
    assert review.read_reviews(seed_folder)["verdict"].tolist() == ["disputed"]


def test_no_two_claims_have_the_same_label():
    a = claimframe.load_article(SEED)
    labels = review_labels(a.claims, a.text)
    assert len(labels) == len(a.claims) == len(set(labels))
    hundreds = [label for label in labels if "«hundreds»" in label]
    assert len(hundreds) == 2
    assert "«hundreds» of Shiite militias" in hundreds[0]
    assert "«hundreds» of guns" in hundreds[1]


def test_labels_for_the_same_words_in_the_same_sentence_differ():
    a = claimframe.read_text("Police said 40 came and 40 left.")
    source = a.claims["source"].iloc[0]
    assert review_labels(a.claims, a.text) == [f"1. Police said «40» came and 40 left. (count, {source})",
                                               f"2. Police said 40 came and «40» left. (count, {source})"]


def test_a_damaged_review_file_disables_saving_and_says_why(seed_folder):
    (seed_folder / "review.csv").write_text("claim_id,claim_text,verdict,note,source_url\nabc,x,maybe,,\n",
                                       encoding="utf-8")
    with pytest.warns(UserWarning):
        form = review_form(claimframe.load_article(seed_folder))
    form.verdict.value = "verified"
    assert form.save.disabled
    assert form.message.value.startswith("cannot save until review.csv is fixed:")
    assert "review.csv" in form.message.value and "maybe" in form.message.value
    form.submit()
    assert "maybe" in (seed_folder / "review.csv").read_text(encoding="utf-8")  # nothing overwritten
