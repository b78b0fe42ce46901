"""One word list per idea (issue 12, item 6): the stages that read the same words read
one list, so a verb added for one is known to all."""

from __future__ import annotations

from readout_diff import attribute, passages, speakers
from readout_diff.check import core as check_core
from readout_diff.check import quotes as check_quotes
from readout_diff.dates import MONTH_NAMES, MONTHS
from readout_diff.entities import surname_key
from readout_diff.lexicon import PRONOUNS, SPEECH_VERBS, strip_possessive
from readout_diff.segment import layout


def test_strip_possessive() -> None:
    assert strip_possessive("Rubio's") == "Rubio"
    assert strip_possessive("Rubio’s") == "Rubio"
    assert strip_possessive("leaders'") == "leaders"
    assert strip_possessive("leaders’") == "leaders"
    assert strip_possessive("'s") == "'s"
    assert strip_possessive("Rubio") == "Rubio"
    assert strip_possessive("its") == "its"


def test_speech_verbs_are_one_list() -> None:
    assert speakers.SPEECH_VERBS is SPEECH_VERBS
    assert passages.SPEECH_VERBS == SPEECH_VERBS + "|according to"


def test_an_unclosed_quote_ends_before_any_speech_verb() -> None:
    """ "warned" was a speaker verb but not a passage one: the unclosed quote ran on over
    "the minister warned"."""
    text = "“We will not accept this, the minister warned.\n"
    (quote,) = passages.find_quotes(text, layout(text))
    assert text[quote.start : quote.end] == "We will not accept this"


def test_pronouns_are_one_list() -> None:
    assert PRONOUNS <= check_quotes._NOT_SUBJECTS
    assert speakers.is_pronoun("she") and speakers.is_pronoun("it")
    assert not speakers.is_pronoun("we")


def test_checks_call_phrase_reads_the_engines_call_nouns() -> None:
    for noun in attribute.CALL_NOUNS:
        assert check_core._CALL_PHRASE.search(f"In the {noun} with Wang, he said")
    assert not check_core._CALL_PHRASE.search("He spoke with Wang")


def test_surname_key() -> None:
    assert surname_key("Wang Yi") == "person:yi"
    assert surname_key("Ms Tammy Bruce") == "person:bruce"


def test_month_names_are_the_full_spellings() -> None:
    assert MONTH_NAMES[0] == "january" and MONTH_NAMES[-1] == "december"
    assert [MONTHS[name] for name in MONTH_NAMES] == list(range(1, 13))
