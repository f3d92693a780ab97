"""Review notes: verdicts keyed by claim_id, merged into claims, saved atomically, never lost."""
import multiprocessing
import os
import re
import time
import warnings

import pandas as pd
import pytest

import claimframe
from claimframe.io import review
from claimframe.schema import validate

from .conftest import claim_id_of


def test_verdict_is_merged_and_survives_reextraction(seed_folder):
    a = claimframe.load_article(seed_folder)
    cid = claim_id_of(a, "up to 900")
    a.save_review(cid, "unverifiable", note="LA Times quotes a militia adviser", source_url="https://example.org/x")
    row = a.claims.set_index("claim_id").loc[cid]
    assert (row["verdict"], row["review_note"]) == ("unverifiable", "LA Times quotes a militia adviser")
    validate("claims", a.claims)
    again = claimframe.load_article(seed_folder)  # a fresh extraction: same IDs, verdict still attached
    assert again.claims.set_index("claim_id").loc[cid, "verdict"] == "unverifiable"
    assert again.claims["verdict"].notna().sum() == 1


def test_saving_again_replaces_the_verdict(seed_folder):
    a = claimframe.load_article(seed_folder)
    cid = claim_id_of(a, "500")
    a.save_review(cid, "verified")
    a.save_review(cid, "disputed", note="other reports say 400")
    reviews = review.read_reviews(seed_folder)
    assert reviews["claim_id"].tolist() == [cid]
    assert reviews["verdict"].tolist() == ["disputed"]
    assert reviews["claim_text"].tolist() == ["500"]


def test_orphaned_verdict_is_kept_and_reported(seed_folder):
    review.save_review(seed_folder, "c-0000000000", "verified", claim_text="a claim since edited away")
    a = claimframe.load_article(seed_folder)
    a.save_review(claim_id_of(a, "500"), "verified")
    orphans = a.orphan_reviews
    assert orphans["claim_id"].tolist() == ["c-0000000000"]
    assert orphans["claim_text"].tolist() == ["a claim since edited away"]
    assert set(review.read_reviews(seed_folder)["claim_id"]) == {"c-0000000000", claim_id_of(a, "500")}


def test_interrupted_save_loses_nothing(seed_folder, monkeypatch):
    a = claimframe.load_article(seed_folder)
    a.save_review(claim_id_of(a, "500"), "verified")
    before = (seed_folder / "review.csv").read_bytes()

    def crash_midway(self, f, *args, **kwargs):
        f.write("claim_id,claim_text,verd")  # a partial write, then the process "dies"
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", crash_midway)
    with pytest.raises(KeyboardInterrupt):
        a.save_review(claim_id_of(a, "Dec. 4"), "disputed")
    monkeypatch.undo()
    assert (seed_folder / "review.csv").read_bytes() == before
    assert [p.name for p in seed_folder.iterdir() if p.name.startswith(".review-")] == []


def test_interrupted_rename_loses_nothing(seed_folder, monkeypatch):
    a = claimframe.load_article(seed_folder)
    a.save_review(claim_id_of(a, "500"), "verified")
    before = (seed_folder / "review.csv").read_bytes()

    def no_rename(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(review.os, "replace", no_rename)
    with pytest.raises(OSError):
        a.save_review(claim_id_of(a, "Dec. 4"), "disputed")
    assert (seed_folder / "review.csv").read_bytes() == before
    assert not any(p.name.startswith(".review-") for p in seed_folder.iterdir())


def test_bad_verdicts_are_refused(seed_folder):
    with pytest.raises(review.ReviewError, match="not one of"):
        review.save_review(seed_folder, "c-1", "true")
    (seed_folder / "review.csv").write_text("claim_id,claim_text,verdict,note,source_url\nc-1,x,maybe,,\n")
    with pytest.raises(review.ReviewError, match="line 2: verdict 'maybe' is not one of"):
        claimframe.load_article(seed_folder).reviews


def test_text_in_memory_has_nowhere_to_save():
    a = claimframe.read_text("Some 40 people came.")
    with pytest.raises(claimframe.ClaimframeError, match="nowhere to save"):
        a.save_review(a.claims["claim_id"].iloc[0], "verified")


def test_review_form_saves_through_the_widgets(seed_folder):
    from claimframe.views.explorer import review_form

    a = claimframe.load_article(seed_folder)
    form = review_form(a)
    cid = claim_id_of(a, "up to 900")
    form.claim.value = cid
    form.verdict.value = "disputed"
    form.note.value = "militia's own figure"
    form.save.click()
    assert form.message.value == "saved: disputed"
    assert review.read_reviews(seed_folder).set_index("claim_id").loc[cid, "note"] == "militia's own figure"
    form.claim.value = claim_id_of(a, "500")  # another claim: the form shows its (empty) review
    form.claim.value = cid                    # back: the saved verdict comes back into the form
    assert (form.verdict.value, form.note.value) == ("disputed", "militia's own figure")


def test_review_form_is_read_only_without_a_folder():
    from claimframe.views.explorer import review_form

    form = review_form(claimframe.read_text("Some 40 people came."))
    assert form.save.disabled and "read-only" in form.message.value


# --- saves from several processes at once --------------------------------------------------------

WRITERS, PER_WRITER = 4, 50


def _write_verdicts(seed_folder, writer, barrier):
    """One writer process: its own 50 claims, and every fifth save also the claim all share."""
    barrier.wait()
    for i in range(PER_WRITER):
        review.save_review(seed_folder, f"c-w{writer}-{i:02d}", review.VERDICTS[i % 3], note=f"writer {writer}")
        if i % 5 == 0:
            review.save_review(seed_folder, "c-shared", "disputed", note=f"writer {writer}")


def test_concurrent_writer_processes_lose_no_verdict(tmp_path):
    ctx = multiprocessing.get_context("spawn")  # separate interpreters, like separate kernels
    barrier = ctx.Barrier(WRITERS)
    procs = [ctx.Process(target=_write_verdicts, args=(str(tmp_path), w, barrier)) for w in range(WRITERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0] * WRITERS
    reviews = review.read_reviews(tmp_path).set_index("claim_id")
    assert len(reviews) == WRITERS * PER_WRITER + 1  # 200 own verdicts + the shared one, once
    for w in range(WRITERS):
        for i in range(PER_WRITER):
            assert reviews.loc[f"c-w{w}-{i:02d}", "verdict"] == review.VERDICTS[i % 3]
    assert reviews.loc["c-shared", "note"] in {f"writer {w}" for w in range(WRITERS)}
    assert sorted(p.name for p in tmp_path.iterdir()) in (["review.csv"], ["review.csv", "review.csv.lock"])


def test_save_gives_up_on_a_held_lock_with_a_clear_error(seed_folder, monkeypatch):
    from filelock import FileLock

    review.save_review(seed_folder, "c-1", "verified")
    before = (seed_folder / "review.csv").read_bytes()
    monkeypatch.setattr(review, "LOCK_TIMEOUT", 0.2)
    with FileLock(str(seed_folder / "review.csv.lock")):  # another process saving, as far as flock can tell
        started = time.monotonic()
        with pytest.raises(review.ReviewError) as caught:
            review.save_review(seed_folder, "c-2", "disputed")
        assert time.monotonic() - started >= 0.2
    assert str(caught.value).startswith(f"{seed_folder / 'review.csv.lock'}: could not be taken within 0.2 s: "
                                        "another kernel or analyst is saving verdicts to this article")
    assert (seed_folder / "review.csv").read_bytes() == before
    review.save_review(seed_folder, "c-2", "disputed")  # lock released: the save goes through
    assert review.read_reviews(seed_folder)["claim_id"].tolist() == ["c-1", "c-2"]


def test_stale_temp_files_of_killed_saves_are_removed(seed_folder):
    old = seed_folder / ".review-killed.csv.tmp"
    old.write_text("claim_id,claim_text,verd")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    young = seed_folder / ".review-running.csv.tmp"  # may be another save's, still being written
    young.write_text("claim_id")
    review.save_review(seed_folder, "c-1", "verified")
    left = sorted(p.name for p in seed_folder.iterdir() if p.name.startswith(".review-"))
    assert left == [".review-running.csv.tmp"]


def test_hand_added_columns_survive_a_save(seed_folder):
    (seed_folder / "review.csv").write_text("claim_id,claim_text,verdict,note,source_url,reviewer\n"
                                       "c-1,500,verified,,,amira\nc-2,900,disputed,,,tom\n")
    review.save_review(seed_folder, "c-2", "unverifiable", note="no second source")
    review.save_review(seed_folder, "c-3", "verified")
    assert (seed_folder / "review.csv").read_text().splitlines() == [
        "claim_id,claim_text,verdict,note,source_url,reviewer",
        "c-1,500,verified,,,amira",
        "c-2,,unverifiable,no second source,,tom",
        "c-3,,verified,,,",
    ]


def test_a_save_keeps_the_files_permissions(seed_folder):
    review.save_review(seed_folder, "c-1", "verified")
    os.chmod(seed_folder / "review.csv", 0o664)  # shared with the group
    review.save_review(seed_folder, "c-2", "verified")
    assert oct(os.stat(seed_folder / "review.csv").st_mode & 0o777) == oct(0o664)


# --- a damaged review.csv ------------------------------------------------------------------------

H = "claim_id,claim_text,verdict,note,source_url\n"
DAMAGED = {
    "duplicate claim": (H + "c-1,500,verified,,\nc-2,900,disputed,,\nc-1,500,disputed,merged,\n",
                        "lines 2 and 4: both hold claim_id 'c-1' (a merge kept both sides?); keep one verdict: "
                        "remove line 2 or line 4", (2, 4)),
    "empty file": ("", "line 1: the file is empty; delete it (it holds no verdicts) or write the header line "
                       "claim_id,claim_text,verdict,note,source_url", (1,)),
    "only whitespace": ("\n  \n\t\n", "line 1: the file holds only whitespace; delete it", (1,)),
    "extra fields": (H + "c-1,500,verified,,\nc-2,900,disputed,militias, says the LA Times,\n",
                     "line 3: 6 fields where the header has 5 (a comma inside a note needs the note in double "
                     "quotes); fix or remove line 3", (3,)),
    "conflict markers": (H + "<<<<<<< HEAD\nc-1,500,verified,,\n=======\nc-1,500,disputed,,\n>>>>>>> theirs\n",
                         "line 2: an unresolved git merge conflict ('<<<<<<< HEAD'); resolve it: keep the verdict "
                         "lines you want and remove the marker line(s) 2, 4, 6", (2, 4, 6)),
    "no header": ("c-1,500,verified,,\nc-2,900,disputed,,\n",
                  "line 1: no header line (it reads 'c-1,500,verified,,'); add the header line "
                  "claim_id,claim_text,verdict,note,source_url above line 1", (1,)),
    "header lacks columns": ("claim_id,verdict,note\nc-1,verified,\n",
                             "line 1: the header lacks claim_text, source_url; fix line 1", (1,)),
    "bad verdict": (H + "c-1,500,verified,,\nc-2,900,maybe,,\n",
                    "line 3: verdict 'maybe' is not one of verified, disputed, unverifiable; fix or remove line 3",
                    (3,)),
    "bad verdict after a two-line note": (H + 'c-1,500,verified,"two\nlines",\nc-2,900,true,,\n',
                                          "line 4: verdict 'true' is not one of", (4,)),
    "no claim_id": (H + "c-1,500,verified,,\n,900,disputed,,\n", "line 3: no claim_id; fix or remove line 3", (3,)),
    "unclosed quote": (H + 'c-1,"500,verified,,\nc-2,900,disputed,,\n', "line 2: not valid CSV", (2,)),
    "not UTF-8": ((H + "c-1,500,verified,,\nc-2,caf\xe9,verified,,\n").encode("latin-1"),
                  "line 3: bytes that are not UTF-8 (b'\\xe9,ve'); fix line 3 or save the file again as UTF-8", (3,)),
}


def _damage(seed_folder, content):
    path = seed_folder / "review.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("case", DAMAGED, ids=list(DAMAGED))
def test_damaged_file_gives_one_error_with_file_line_and_remedy(seed_folder, case):
    content, message, lines = DAMAGED[case]
    path = _damage(seed_folder, content)
    with pytest.raises(review.ReviewError) as caught:
        review.read_reviews(seed_folder)
    assert str(caught.value).startswith(f"{path}, {message}")
    assert (caught.value.path, caught.value.lines) == (path, lines)


@pytest.mark.parametrize("case", DAMAGED, ids=list(DAMAGED))
def test_save_into_a_damaged_file_refuses_and_keeps_it(seed_folder, case):
    content, message, _ = DAMAGED[case]
    path = _damage(seed_folder, content)
    before = path.read_bytes()
    with pytest.raises(review.ReviewError, match=re.escape(message)):
        review.save_review(seed_folder, "c-9", "verified")
    assert path.read_bytes() == before
    assert sorted(p.name for p in seed_folder.iterdir() if "review" in p.name) in (["review.csv"],
                                                                               ["review.csv", "review.csv.lock"])


def test_damaged_file_leaves_claims_usable_with_a_warning(seed_folder, seed_claims):
    a = claimframe.load_article(seed_folder)
    cid = claim_id_of(a, "500")
    a.save_review(cid, "verified")
    path = seed_folder / "review.csv"
    path.write_text(path.read_text() + "<<<<<<< HEAD\n")
    damaged = claimframe.load_article(seed_folder)
    with pytest.warns(review.ReviewWarning) as caught:
        claims = damaged.claims
    assert str(caught[0].message) == (f"{path}, line 3: an unresolved git merge conflict ('<<<<<<< HEAD'); "
                                      "resolve it: keep the verdict lines you want and remove the marker line(s) 3 "
                                      "(claims are shown without verdicts)")
    assert claims["claim_id"].tolist() == seed_claims["claim_id"].tolist()
    assert claims["verdict"].isna().all()
    validate("claims", claims)
    assert damaged.review_problem == str(caught[0].message).removesuffix(" (claims are shown without verdicts)")
    with pytest.raises(review.ReviewError, match="line 3: an unresolved git merge conflict"):
        damaged.reviews
    with pytest.warns(review.ReviewWarning, match="no orphaned verdicts can be listed"):
        assert len(damaged.orphan_reviews) == 0
    with pytest.raises(review.ReviewError, match="line 3"):
        damaged.save_review(cid, "disputed")
    assert path.read_text().endswith("<<<<<<< HEAD\n")
    path.write_text(path.read_text().replace("<<<<<<< HEAD\n", ""))  # fixed: verdicts come back
    assert claimframe.load_article(seed_folder).review_problem is None
    assert claimframe.load_article(seed_folder).claims.set_index("claim_id").loc[cid, "verdict"] == "verified"


def test_cli_prints_claims_despite_a_damaged_review_file(seed_folder, capsys):
    from claimframe.__main__ import main

    _damage(seed_folder, DAMAGED["duplicate claim"][0])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert main(["claims", str(seed_folder), "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("claim_id,") and len(out) > 10
    assert [w.category for w in caught] == [review.ReviewWarning]


def test_review_form_opens_on_a_damaged_file_and_says_why_it_cannot_save(seed_folder):
    from claimframe.views.explorer import review_form

    path = _damage(seed_folder, DAMAGED["bad verdict"][0])
    before = path.read_bytes()
    with pytest.warns(review.ReviewWarning):
        form = review_form(claimframe.load_article(seed_folder))
    form.verdict.value = "verified"
    form.save.click()
    assert form.message.value.startswith(f"not saved: {path}, line 3: verdict 'maybe' is not one of")
    assert path.read_bytes() == before


def test_valid_files_written_by_hand_or_by_spreadsheets_still_read(seed_folder):
    _damage(seed_folder, "\ufeff" + H.replace("\n", "\r\n")
            + 'c-1,500,verified,"a note, with a comma\r\nand a line",\r\n'
            "\r\nc-2,900,disputed\r\n")  # byte-order mark, CRLF, blank line, a short row
    reviews = review.read_reviews(seed_folder)
    assert reviews["claim_id"].tolist() == ["c-1", "c-2"]
    assert reviews["note"].tolist()[0] == "a note, with a comma\r\nand a line"
    assert reviews["note"].isna().tolist() == [False, True]
    assert review.review_problem(seed_folder) is None


def test_save_to_a_missing_folder_creates_nothing(tmp_path):
    with pytest.raises(review.ReviewError, match="no such article folder"):
        review.save_review(tmp_path / "typo", "c-1", "verified")
    assert list(tmp_path.iterdir()) == []
