"""What the engine must show on the five seed articles (issue 2), from its own output."""

from __future__ import annotations

from readout_diff import DifferenceKind, PassageKind, Result
from readout_diff.model import Readout, ReadoutSentence, Witness

D001, D002, D003, D004, D000 = (
    "001_4841478d94c68db0",
    "002_9ec8bcdebe72d600",
    "003_d4c81fa190252cbf",
    "004_4d627964414fa845",
    "000_9346caa3c28eb405",
)


def _sentence(readout: Readout, *words: str) -> ReadoutSentence:
    found = [s for s in readout.sentences if all(w in s.text for w in words)]
    assert len(found) == 1, (words, [s.text for s in readout.sentences])
    return found[0]


def _witnesses(sentence: ReadoutSentence, doc: str) -> list[Witness]:
    return [w for w in sentence.witnesses if w.document == doc]


def test_four_readouts(seeds_result: Result) -> None:
    assert [(r.counterpart.split()[-1], r.date) for r in seeds_result.readouts] == [
        ("Jaishankar", "2025-04-30"),
        ("Jaishankar", "2025-05-08"),
        ("Sharif", "2025-04-30"),
        ("Sharif", "2025-05-08"),
    ]


def test_no_twin_sentence_crosses_over(seeds_result: Result) -> None:
    jaishankar = seeds_result.readout("2025-04-30-jaishankar")
    sharif = seeds_result.readout("2025-04-30-sharif")
    assert not any(
        "re-establish" in s.text or "Pakistani officials" in s.text or "Both leaders" in s.text
        for s in jaishankar.sentences
    )
    assert not any("encouraged India" in s.text or "lives lost" in s.text for s in sharif.sentences)


def test_sharif_direct_communications_sentence(seeds_result: Result) -> None:
    sentence = _sentence(seeds_result.readout("2025-04-30-sharif"), "re-establish direct")
    kinds = {(w.document, w.kind) for w in sentence.witnesses}
    assert {(D001, PassageKind.PARAPHRASE), (D001, PassageKind.POST)} <= kinds
    assert (D003, PassageKind.PARAPHRASE) in kinds
    assert any(w.document == D004 for w in sentence.witnesses)
    # the embedded post's "Today," is its framing: only one quote carries it
    assert sentence.text.startswith("Secretary Marco Rubio")
    (post,) = [w for w in sentence.witnesses if w.kind == PassageKind.POST]
    assert (DifferenceKind.ADDITION, "Today,", False) in [
        (d.kind, d.witness, d.substantive) for d in post.differences
    ]


def test_deep_sorrow_additions(seeds_result: Result) -> None:
    sentence = _sentence(seeds_result.readout("2025-04-30-jaishankar"), "sorrow for the lives")
    (witness,) = [w for w in _witnesses(sentence, D003) if "deep sorrow" in w.text]
    found = [(d.kind, d.witness, d.substantive) for d in witness.differences]
    assert (DifferenceKind.ADDITION, "innocent", True) in found
    assert any(k == DifferenceKind.ADDITION and "deep" in w and s for k, w, s in found)
    assert any(k == DifferenceKind.WORDING_CHANGE and w == "over" for k, w, _ in found)


def test_us_for_united_states_is_a_spelling_variant(seeds_result: Result) -> None:
    sentence = _sentence(seeds_result.readout("2025-04-30-jaishankar"), "sorrow for the lives")
    (witness,) = _witnesses(sentence, D004)
    variants = [d for d in witness.differences if "US" in d.witness or "US" in d.base]
    assert variants and all(
        d.kind == DifferenceKind.SPELLING_VARIANT and not d.substantive for d in variants
    )


def test_000_against_002_on_may_8(seeds_result: Result) -> None:
    sharif = seeds_result.readout("2025-05-08-sharif")
    emphasis = _sentence(sharif, "need for immediate de-escalation")
    assert emphasis.text == "The Secretary emphasized the need for immediate de-escalation."
    (witness,) = _witnesses(emphasis, D000)
    found = {(d.kind, d.witness, d.substantive) for d in witness.differences}
    assert (DifferenceKind.SPELLING_VARIANT, "emphasised", False) in found
    assert (DifferenceKind.ADDITION, "and called for an end to the violence", True) in found
    support = _sentence(sharif, "direct dialogue")
    us = [
        d for w in support.witnesses for d in w.differences if {d.base, d.witness} == {"US", "U.S."}
    ]
    assert us and all(d.kind == DifferenceKind.SPELLING_VARIANT for d in us)


def test_truncated_post_is_a_truncation(seeds_result: Result) -> None:
    sentence = _sentence(seeds_result.readout("2025-04-30-jaishankar"), "sorrow for the lives")
    (post,) = [w for w in _witnesses(sentence, D001) if w.kind == PassageKind.POST]
    assert post.text.endswith("against…")
    last = post.differences[-1]
    assert last.kind == DifferenceKind.TRUNCATION and last.witness == "…"
    assert not any(d.kind == DifferenceKind.OMISSION for d in post.differences)


def test_contrasts(seeds_result: Result) -> None:
    by_pair = {(c.a, c.b): c for c in seeds_result.contrasts}
    april = by_pair[("2025-04-30-jaishankar", "2025-04-30-sharif")]
    assert any("re-establish direct communications" in p.text for p in april.only_in_b)
    assert not any("re-establish" in p.text for p in april.only_in_a)
    may = by_pair[("2025-05-08-jaishankar", "2025-05-08-sharif")]
    only_sharif = " ".join(p.text for p in may.only_in_b)
    only_jaishankar = " ".join(p.text for p in may.only_in_a)
    assert "civilian lives" in only_sharif
    assert "concrete steps to end any support for terrorist groups" in only_sharif
    assert "condolences" in only_jaishankar
    assert "work with India in the fight against terrorism" in only_jaishankar
    assert any(pair.identical for pair in may.shared)


def test_briefing_remarks_stay_unassigned(seeds_result: Result) -> None:
    notes = {p.text[:30]: p.note for p in seeds_result.unassigned}
    assert "We want the perpetrators to be" in notes
    assert any(text.startswith("The real focus") for text in notes)
    assert all(p.document != D002 for p in seeds_result.unassigned)


def test_repeated_paragraphs_count_once(seeds_result: Result) -> None:
    sentence = _sentence(seeds_result.readout("2025-04-30-jaishankar"), "sorrow for the lives")
    assert len(_witnesses(sentence, D004)) == 1


def test_offsets_point_into_the_original_text(seeds_result: Result) -> None:
    texts = {d.id: d.text for d in seeds_result.documents}
    witnesses = [w for r in seeds_result.readouts for s in r.sentences for w in s.witnesses]
    assert len(witnesses) >= 20
    for witness in witnesses:
        assert texts[witness.document][witness.start : witness.end] == witness.text


def test_document_dates_from_the_text(seeds_result: Result) -> None:
    dates = {d.id[:3]: d.date for d in seeds_result.documents}
    # 000: "on Thursday (May 8)"; 001: its posts' dates; 002: "on May 8", not the photo
    # caption's "May 7, 2025"; 003: its "date 2025-05-01" line; 004: no date at all.
    assert dates == {
        "000": "2025-05-08",
        "001": "2025-05-01",
        "002": "2025-05-08",
        "003": "2025-05-01",
        "004": None,
    }
