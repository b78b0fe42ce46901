"""Speakers take titles and an official text's names for itself from the shared lists
(`entities.TITLE_WORDS`, `lexicon`), not lists of their own; a surname that is also a
title word ("King") stays a name."""

from __future__ import annotations

from readout_diff.entities import detect_cast
from readout_diff.speakers import SpeakerKind, classify, resolve_names, source_voices

SOURCES = [
    "The following is attributable to Spokesperson Martin King:\n\n"
    "Secretary of State Nora Castell spoke with Kenyan Foreign Minister David Otieno today.",
]


def test_a_spokespersons_title_is_not_part_of_the_name_and_a_surname_may_look_like_one() -> None:
    voices = source_voices(detect_cast(SOURCES), SOURCES)
    assert voices.labels == ("Martin King",)
    assert resolve_names(["Martin King", "King", "Director King"]) == ["Martin King"] * 3


def test_a_communique_speaks_for_the_sources() -> None:
    voices = source_voices(detect_cast(SOURCES), SOURCES)
    assert classify("the joint communique", voices) == SpeakerKind.SOURCE
