from __future__ import annotations

from readout_diff.align import Encoder, conflicting, consensus, similarity
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
    built = consensus([(longer, 1.0, True, True, True), (shorter, 1.0, True, True, True)])
    assert built == "The Secretary emphasized the need for immediate de-escalation."


def test_consensus_of_paraphrase_alone_is_the_central_one() -> None:
    a = _tokens("Mr Rubio asked Pakistan to condemn the attack and cooperate.")
    b = _tokens("Rubio urged Pakistan to condemn the attack and to cooperate fully.")
    built = consensus([(a, 0.45, True, True, False), (b, 0.45, True, True, False)])
    # the most central paraphrase, trimmed to the words the other shares with it
    assert built == "Rubio asked Pakistan to condemn the attack and cooperate."
