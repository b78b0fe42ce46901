from __future__ import annotations

import datetime as dt

from readout_diff.attribute import (
    call_dates,
    call_partners,
    in_issuer_voice,
    is_first_person,
    readout_style,
)
from readout_diff.entities import canonicalise, detect_cast
from readout_diff.normalise import tokenise

CAST = detect_cast(
    [
        "Secretary of State Karl Halvorsen spoke with Norwegian Foreign Minister Tomas Eriksen "
        "and Danish Foreign Minister Mette Holm on Tuesday."
    ]
)


def tokens(text: str):  # type: ignore[no-untyped-def]
    return canonicalise(tokenise(text), CAST.gazetteer)


def test_readout_style() -> None:
    assert readout_style(tokens("The Secretary encouraged Norway to host the talks."))
    assert readout_style(tokens("He also reaffirmed support for the talks."))
    assert readout_style(tokens("Both leaders reaffirmed their commitment."))
    assert not readout_style(tokens("The real focus of the Secretary is peace."))
    assert not readout_style(tokens("Eriksen posted that the talks went well."))
    assert not readout_style(tokens("Norway's ministry said Eriksen had raised the issue."))


def test_first_person() -> None:
    assert is_first_person(tokens("We remain engaged with both governments."))
    assert not is_first_person(tokens("The US urged restraint."))


def test_call_partners() -> None:
    assert call_partners(tokens("In a call with Mr Eriksen, he urged calm."), CAST) == [
        "person:eriksen"
    ]
    assert call_partners(tokens("He spoke to Eriksen and Holm."), CAST) == [
        "person:eriksen",
        "person:holm",
    ]
    assert call_partners(tokens("The readout of the call with Norway said"), CAST) == [
        "person:eriksen"
    ]
    # the call nouns are lexicon's, the same that announce a call
    assert call_partners(tokens("After a phone-call with Holm, he urged calm."), CAST) == [
        "person:holm"
    ]


def test_call_dates_only_near_the_call() -> None:
    text = (
        "Halvorsen spoke with Eriksen on Tuesday. "
        "While on a call with Holm, he condemned the attack on May 2."
    )
    sentences = ((0, 40, 0), (41, len(text), 0))
    found = call_dates(text, sentences, dt.date(2026, 5, 7), 2026)
    assert found == ((0, dt.date(2026, 5, 5), 0),)


def test_the_issuers_we_and_our_are_readout_wording() -> None:
    readout = tokens("The Secretary stressed the United States' commitment to our allies.")
    assert in_issuer_voice(readout, "Bruce")  # worded as a readout, whoever is credited
    assert not is_first_person(readout, issuer_voice=True)
    plain = tokens("We welcome the steps taken by our partners.")
    assert in_issuer_voice(plain, "the statement")
    assert in_issuer_voice(plain, "The Foreign Ministry")
    assert in_issuer_voice(plain, None, tokens("according to the readout"))
    # someone speaking: a spokesperson to reporters, a minister in an interview
    assert not in_issuer_voice(plain, "Okafor", tokens("Okafor told reporters"))
    assert not in_issuer_voice(plain, "A Foreign Office", tokens("A Foreign Office spokesperson"))
    assert not in_issuer_voice(plain, "Eriksen", tokens("Eriksen said in an interview"))
    # "I" is always a person speaking
    assert is_first_person(tokens("I hope our partners act."), issuer_voice=True)
