"""Words between a subject and its verb ("later", "still", "today") are one list
(`lexicon.BETWEEN_SUBJECT_AND_VERB`) that the caller, the readout style and the speaker
are all read past."""

from __future__ import annotations

import pytest

from readout_diff.attribute import readout_style
from readout_diff.entities import announced_calls
from readout_diff.normalise import tokenise
from readout_diff.speakers import QuoteBounds, attribution


@pytest.mark.parametrize("word", ["later", "still", "then"])
def test_the_caller_is_read_past_an_adverb(word: str) -> None:
    line = f"Secretary Rubio {word} spoke with Prime Minister Sharif."
    assert announced_calls(line) == [(("person:rubio",), ("person:sharif",))]


def test_a_readout_sentence_is_read_past_an_adverb() -> None:
    assert readout_style(tokenise("He later thanked the minister for his time."))


def test_the_speaker_is_read_past_an_adverb() -> None:
    text = 'The spokesperson today said "calm is needed" in the region.'
    start = text.index("calm")
    bounds = QuoteBounds(start, text.index('"', start), 0, len(text))
    assert attribution(text, bounds) == "The spokesperson"
