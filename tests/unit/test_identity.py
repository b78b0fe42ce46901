"""The office an article credits with a readout's words (`identity.issuer_of`)."""

from __future__ import annotations

from readout_diff.identity import Context, issuer_of


def test_an_office_is_credited_by_any_speech_verb_and_a_caption_credits_nothing() -> None:
    text = (
        "Photo: the White House lawn at dusk, seen from across the park on a quiet evening.\n"
        "The two ministers met for an hour in the capital on Tuesday to go over the plan.\n"
        "The State Department added that the talks were frank."
    )
    found = issuer_of([(Context(""), Context(text))], None)
    assert (found.value, found.evidence) == ("State Department", "credited by 1 of 1 documents")


def test_an_office_named_without_words_credited_to_it_is_no_issuer() -> None:
    text = "Photo: the White House lawn at dusk, seen from across the park on a quiet evening."
    found = issuer_of([(Context(""), Context(text))], None)
    assert (found.value, found.evidence) == (None, None)
