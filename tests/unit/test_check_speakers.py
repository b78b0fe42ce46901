"""Speakers: the attribution phrase, and whether the sources speak for it."""

from __future__ import annotations

import pytest

from readout_diff.check.speakers import (
    QuoteBounds,
    SpeakerKind,
    attribution,
    classify,
    source_voices,
)
from readout_diff.entities import detect_cast

SOURCES = [
    "The following is attributable to Spokesperson Paul Devereux:\n\n"
    "Secretary of State Nora Castell spoke with Kenyan Foreign Minister David Otieno today.",
    "Secretary of State Nora Castell spoke with Ugandan Foreign Minister Grace Nakato today.",
]


@pytest.fixture(scope="module")
def voices():
    return source_voices(detect_cast(SOURCES), SOURCES, ["Ana Ruiz"])


def test_voices_are_read_from_the_sources_and_config(voices):
    assert voices.describe() == ["Nora Castell", "Ana Ruiz", "Paul Devereux"]


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("Castell", SpeakerKind.SOURCE),
        ("the Secretary", SpeakerKind.SOURCE),
        ("Mr Devereux", SpeakerKind.SOURCE),
        ("Ruiz", SpeakerKind.SOURCE),
        ("the readout", SpeakerKind.SOURCE),
        ("the US readout on the Otieno conversation", SpeakerKind.SOURCE),
        ("a State Department statement", SpeakerKind.SOURCE),
        ("Otieno", SpeakerKind.OTHER),
        ("Kenya's foreign ministry", SpeakerKind.OTHER),
        ("Trump", SpeakerKind.OTHER),
        ("officials", SpeakerKind.NONE),
        (None, SpeakerKind.NONE),
    ],
)
def test_classify(voices, phrase, kind):
    assert classify(phrase, voices) == kind


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Calm is needed," said Ms Bruce in a statement.', "Ms Bruce in a statement"),
        (
            '"Calm is needed," the US readout on the Otieno call said.',
            "the US readout on the Otieno call",
        ),
        ('"Calm is needed," officials said.', "officials"),
        ('Asked about Kenya, Bruce said, "Calm is needed."', "Bruce"),
        ('Tammy Bruce while addressing the media said, "Calm is needed."', "Tammy Bruce"),
        ('According to the readout, the Secretary "urged calm".', "the readout"),
        ('The talks "urged calm" in the region.', None),
    ],
)
def test_attribution(text, speaker):
    start = text.index("Calm") if "Calm" in text else text.index("urged")
    end = text.index('"', start + 1) if '"' in text[start:] else len(text)
    assert attribution(text, QuoteBounds(start, end, 0, len(text))) == speaker
