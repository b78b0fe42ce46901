from __future__ import annotations

from readout_diff.align import Encoder, conflicting, similarity
from readout_diff.collation import Version, collate, join_words
from readout_diff.entities import canonicalise, country_gazetteer
from readout_diff.normalise import tokenise


def test_twins_and_other_countries_conflict() -> None:
    assert conflicting(("country:in", "country:pk"), ("country:pk", "country:in"))
    assert conflicting(("country:ke",), ("country:bo",))
    assert not conflicting(("country:in", "country:pk"), ("country:in", "country:pk"))
    assert not conflicting(("country:in",), ("country:in", "country:pk"))
    assert not conflicting((), ("country:in",))


def test_similarity_of_word_sequences() -> None:
    codes = Encoder()
    a = codes.encode("secretary encouraged india work pakistan deescalate tensions".split())
    same = codes.encode("secretary encouraged india work pakistan deescalate tensions".split())
    part = codes.encode("india work pakistan deescalate".split())
    other = codes.encode("weather paris mild sunday winds".split())
    assert similarity(a, same) == 1.0
    assert similarity(part, a) >= 0.9
    assert similarity(other, a) < 0.3


def _tokens(text: str):  # type: ignore[no-untyped-def]
    return canonicalise(tokenise(text), country_gazetteer())


def test_consensus_keeps_what_the_weight_agrees_on() -> None:
    shorter = _tokens("The Secretary emphasized the need for immediate de-escalation.")
    longer = _tokens(
        "In both calls, the Secretary emphasised the need for immediate "
        "de-escalation and called for an end to the violence."
    )
    versions = [
        Version(tuple(longer), 1.0, "a", True, True, True, "a"),
        Version(tuple(shorter), 1.0, "b", True, True, True, "b"),
    ]
    built = join_words([t.norm for t in collate(versions).consensus()])
    # two outlets, two readings: words only one carries stay out of the base
    assert built == "The Secretary emphasized the need for immediate de-escalation."
