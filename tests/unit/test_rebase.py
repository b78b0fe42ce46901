from __future__ import annotations

from pathlib import Path

import pytest

from readout_diff import Result, analyse
from readout_diff.rebase import RebaseError, rebase, resolve_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_resolve_document(seeds_result: Result) -> None:
    assert resolve_document(seeds_result, "002_9ec8bcdebe72d600") == "002_9ec8bcdebe72d600"
    with pytest.raises(RebaseError, match="no document or outlet called 'Nowhere'"):
        resolve_document(seeds_result, "Nowhere")


def test_rebase_measures_against_the_chosen_version(seeds_result: Result) -> None:
    rebased = rebase(seeds_result, "002_9ec8bcdebe72d600")
    sharif = rebased.readout("2025-05-08-sharif")
    emphasis = next(s for s in sharif.sentences if "immediate de-escalation" in s.text)
    assert emphasis.base_source == "document:002_9ec8bcdebe72d600"
    own = next(w for w in emphasis.witnesses if w.document == "002_9ec8bcdebe72d600")
    assert own.differences == ()
    assert rebased.contrasts and rebased.contrasts[0].a == seeds_result.contrasts[0].a


def test_rebase_honours_ignore_case(seeds_result: Result) -> None:
    def case_only(result: Result) -> int:
        return sum(
            1
            for r in result.readouts
            for s in r.sentences
            for w in s.witnesses
            for d in w.differences
            if d.base != d.witness and d.base.casefold() == d.witness.casefold()
        )

    assert case_only(rebase(seeds_result, "000_9346caa3c28eb405")) > 0
    folded = analyse([SEEDS], ignore_case=True)
    assert case_only(rebase(folded, "000_9346caa3c28eb405", ignore_case=True)) == 0


def test_the_mid_sentence_rule_holds_against_any_base(seeds_result: Result) -> None:
    rebased = rebase(seeds_result, "001_4841478d94c68db0")
    sharif = rebased.readout("2025-04-30-sharif")
    [sentence] = [s for s in sharif.sentences if "re-establish direct communications" in s.text]
    [quote] = [
        w for w in sentence.witnesses if w.document == "004_4d627964414fa845" and w.kind == "quote"
    ]
    assert quote.text == "re-establish direct communications"
    assert quote.differences == ()  # a faithful three-word quote, not a 23-word omission
    # a quote taken up at "urged" is not measured against the words before it
    [urged] = [s for s in sharif.sentences if "urged Pakistani officials" in s.text]
    taken_up = [w for w in urged.witnesses if w.text.startswith("urged")]
    assert taken_up and all(not d.substantive for w in taken_up for d in w.differences)


def test_reported_speech_never_becomes_the_base(seeds_result: Result) -> None:
    rebased = rebase(seeds_result, "004_4d627964414fa845")
    witnesses = rebased_sentences = 0
    for r in rebased.readouts:
        for s in r.sentences:
            for w in s.witnesses:
                assert not any(d.witness == "urged" and "spoke" in d.base for d in w.differences), (
                    s.id,
                    w.text,
                )
                witnesses += 1
            if s.base_source == "document:004_4d627964414fa845":
                assert any(
                    w.document == "004_4d627964414fa845" and w.kind != "paraphrase"
                    for w in s.witnesses
                )
                rebased_sentences += 1
    assert witnesses > 0 and rebased_sentences > 0  # the loops checked something
