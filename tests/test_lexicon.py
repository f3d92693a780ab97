"""The lexicon is the one place for word lists: every entry works where it is used, and
data/README.md's word lists are the lexicon's own."""
import re

import pytest

import claimframe
from claimframe import lexicon

from .conftest import ROOT

SPELLINGS = [(s, spec) for spellings, spec in lexicon.UNITS for s in spellings]


def test_data_readme_word_lists_are_generated_from_the_lexicon():
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    section = re.search(r"<!-- word lists: begin -->\n(.*)<!-- word lists: end -->", readme, re.S)
    assert section, "data/README.md lost its word-list markers"
    assert section.group(1) == lexicon.markdown(), "regenerate: python -m claimframe.lexicon --write"


@pytest.mark.parametrize("spelling, spec", SPELLINGS)
def test_every_unit_spelling_is_read_as_its_unit(spelling, spec):
    kind, canonical, factor, stated = spec
    claims = claimframe.read_text(f"It was 5 {spelling} that day.").claims
    assert claims[["text", "kind", "unit", "unit_stated"]].values.tolist() == [
        [f"5 {spelling}", kind, canonical, stated]]
    assert claims["value"].iloc[0] == pytest.approx((5 + lexicon.UNIT_OFFSETS.get(stated, 0)) * factor)


def test_attached_units_are_units():
    spellings = {s for s, _ in SPELLINGS}
    assert set(lexicon.ATTACHED_UNITS) <= spellings


@pytest.mark.parametrize("hedge, phrase", [(h, p) for h, ps in lexicon.HEDGES.items() for p in ps])
def test_every_hedge_phrase_sets_its_hedge(hedge, phrase):
    claims = claimframe.read_text(f"Police counted {phrase} 40 people.").claims
    assert claims[["text", "hedge", "value"]].values.tolist() == [[f"{phrase} 40", hedge, 40]]


@pytest.mark.parametrize("verb", lexicon.REPORTING_VERBS)
def test_every_reporting_verb_names_a_source(verb):
    claims = claimframe.read_text(f"The mayor {verb} that 40 people came.", outlet="The Daily").claims
    assert claims["source"].tolist() == ["mayor"]


@pytest.mark.parametrize("verb", lexicon.SPEECH_VERBS)
def test_a_name_before_a_speech_verb_is_no_place(verb):
    # Irving is a Texas city of some 250,000 people; here it is someone speaking.
    places = claimframe.read_text(f"Irving {verb} that 40 people came to Mosul.").places
    assert places["text"].tolist() == ["Mosul"]


def test_no_word_list_is_defined_twice():
    """Each list holds each word once (a duplicate is a sign of two lists merged by hand)."""
    for name in dir(lexicon):
        value = getattr(lexicon, name)
        if name.isupper() and isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            assert len(value) == len(set(value)), name


def test_write_puts_the_word_lists_between_the_marks_and_keeps_the_rest(tmp_path, capsys):
    readme = tmp_path / "README.md"
    readme.write_bytes("# Data\r\nkept\n<!-- word lists: begin -->\nstale\n<!-- word lists: end -->\ntail ü\n"
                       .encode("utf-8"))
    assert lexicon.main(["--write", str(readme)]) == 0
    assert "rewritten" in capsys.readouterr().out
    written = readme.read_bytes().decode("utf-8")
    assert written == ("# Data\r\nkept\n<!-- word lists: begin -->\n" + lexicon.markdown()
                       + "<!-- word lists: end -->\ntail ü\n")
    assert lexicon.write_readme(readme) is False  # a second run changes nothing
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]  # no temporary file left behind


def test_write_refuses_a_file_without_the_marks_and_leaves_it_alone(tmp_path, capsys):
    readme = tmp_path / "README.md"
    readme.write_text("# Data\nno marks here\n", encoding="utf-8")
    assert lexicon.main(["--write", str(readme)]) == 1
    assert "no <!-- word lists: begin -->" in capsys.readouterr().err
    assert readme.read_text(encoding="utf-8") == "# Data\nno marks here\n"
    assert lexicon.main(["--write", str(tmp_path / "missing.md")]) == 1


def test_without_write_the_section_is_printed(capsys):
    assert lexicon.main([]) == 0
    assert capsys.readouterr().out == lexicon.markdown()


def test_one_unit_words_are_duration_spellings():
    spellings = {s: spec for s, spec in SPELLINGS}
    assert all(spellings[w][0] == "duration" for w in lexicon.ONE_UNIT_WORDS)
    assert all(v in lexicon.REPORTING_VERBS for v in lexicon.PAST_REPORTING_VERBS)
