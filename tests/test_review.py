"""Review notes: verdicts keyed by claim_id, merged into claims, saved atomically, never lost."""
import shutil

import pandas as pd
import pytest

import claimframe
from claimframe import review
from claimframe.schema import validate

from .conftest import SEED


@pytest.fixture
def folder(tmp_path):
    dst = tmp_path / "iraq"
    shutil.copytree(SEED, dst)
    (dst / "review.csv").unlink(missing_ok=True)
    return dst


def claim_id_of(article, text):
    return article.claims.set_index("text").loc[text, "claim_id"]


def test_verdict_is_merged_and_survives_reextraction(folder):
    a = claimframe.load_article(folder)
    cid = claim_id_of(a, "up to 900")
    a.save_review(cid, "unverifiable", note="LA Times quotes a militia adviser", source_url="https://example.org/x")
    row = a.claims.set_index("claim_id").loc[cid]
    assert (row["verdict"], row["review_note"]) == ("unverifiable", "LA Times quotes a militia adviser")
    validate("claims", a.claims)
    again = claimframe.load_article(folder)  # a fresh extraction: same IDs, verdict still attached
    assert again.claims.set_index("claim_id").loc[cid, "verdict"] == "unverifiable"
    assert again.claims["verdict"].notna().sum() == 1


def test_saving_again_replaces_the_verdict(folder):
    a = claimframe.load_article(folder)
    cid = claim_id_of(a, "500")
    a.save_review(cid, "verified")
    a.save_review(cid, "disputed", note="other reports say 400")
    reviews = review.read_reviews(folder)
    assert reviews["claim_id"].tolist() == [cid]
    assert reviews["verdict"].tolist() == ["disputed"]
    assert reviews["claim_text"].tolist() == ["500"]


def test_orphaned_verdict_is_kept_and_reported(folder):
    review.save_review(folder, "c-0000000000", "verified", claim_text="a claim since edited away")
    a = claimframe.load_article(folder)
    a.save_review(claim_id_of(a, "500"), "verified")
    orphans = a.orphan_reviews
    assert orphans["claim_id"].tolist() == ["c-0000000000"]
    assert orphans["claim_text"].tolist() == ["a claim since edited away"]
    assert set(review.read_reviews(folder)["claim_id"]) == {"c-0000000000", claim_id_of(a, "500")}


def test_interrupted_save_loses_nothing(folder, monkeypatch):
    a = claimframe.load_article(folder)
    a.save_review(claim_id_of(a, "500"), "verified")
    before = (folder / "review.csv").read_bytes()

    def crash_midway(self, f, *args, **kwargs):
        f.write("claim_id,claim_text,verd")  # a partial write, then the process "dies"
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", crash_midway)
    with pytest.raises(KeyboardInterrupt):
        a.save_review(claim_id_of(a, "Dec. 4"), "disputed")
    monkeypatch.undo()
    assert (folder / "review.csv").read_bytes() == before
    assert [p.name for p in folder.iterdir() if p.name.startswith(".review-")] == []


def test_interrupted_rename_loses_nothing(folder, monkeypatch):
    a = claimframe.load_article(folder)
    a.save_review(claim_id_of(a, "500"), "verified")
    before = (folder / "review.csv").read_bytes()

    def no_rename(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(review.os, "replace", no_rename)
    with pytest.raises(OSError):
        a.save_review(claim_id_of(a, "Dec. 4"), "disputed")
    assert (folder / "review.csv").read_bytes() == before
    assert not any(p.name.startswith(".review-") for p in folder.iterdir())


def test_bad_verdicts_are_refused(folder):
    with pytest.raises(review.ReviewError, match="not one of"):
        review.save_review(folder, "c-1", "true")
    (folder / "review.csv").write_text("claim_id,claim_text,verdict,note,source_url\nc-1,x,maybe,,\n")
    with pytest.raises(review.ReviewError, match="row 2: verdict 'maybe'"):
        claimframe.load_article(folder).claims


def test_text_in_memory_has_nowhere_to_save():
    a = claimframe.read_text("Some 40 people came.")
    with pytest.raises(claimframe.ClaimframeError, match="nowhere to save"):
        a.save_review(a.claims["claim_id"].iloc[0], "verified")


def test_review_form_saves_through_the_widgets(folder):
    from claimframe.explorer import review_form

    a = claimframe.load_article(folder)
    form = review_form(a)
    cid = claim_id_of(a, "up to 900")
    form.claim.value = cid
    form.verdict.value = "disputed"
    form.note.value = "militia's own figure"
    form.save.click()
    assert form.message.value == "saved: disputed"
    assert review.read_reviews(folder).set_index("claim_id").loc[cid, "note"] == "militia's own figure"
    form.claim.value = claim_id_of(a, "500")  # another claim: the form shows its (empty) review
    form.claim.value = cid                    # back: the saved verdict comes back into the form
    assert (form.verdict.value, form.note.value) == ("disputed", "militia's own figure")


def test_review_form_is_read_only_without_a_folder():
    from claimframe.explorer import review_form

    form = review_form(claimframe.read_text("Some 40 people came."))
    assert form.save.disabled and "read-only" in form.message.value
