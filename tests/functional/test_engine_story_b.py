"""A second story nobody tuned the engine to (tests/fixtures/story_b, see its MANIFEST)."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout_diff import DifferenceKind, PassageKind, Result, analyse

STORY = Path(__file__).resolve().parent.parent / "fixtures" / "story_b"
ARTICLES = sorted(p for p in STORY.iterdir() if p.name.startswith("a"))
OFFICIALS = sorted(STORY.glob("official_*.txt"))


@pytest.fixture(scope="module")
def with_officials() -> Result:
    return analyse(ARTICLES, official=OFFICIALS)


@pytest.fixture(scope="module")
def without_officials() -> Result:
    return analyse(ARTICLES)


def _sentence(result: Result, readout: str, words: str):  # type: ignore[no-untyped-def]
    found = [s for s in result.readout(readout).sentences if words in s.text]
    assert len(found) == 1, [s.text for s in result.readout(readout).sentences]
    return found[0]


def test_documents_from_every_format(with_officials: Result) -> None:
    outlets = {d.outlet for d in with_officials.documents if d.role == "report"}
    assert {"The Daily Frontier", "Capital Pulse", "The Northern Ledger"} <= outlets
    assert len([d for d in with_officials.documents if d.path.endswith(".jsonl")]) == 2
    frontier = next(d for d in with_officials.documents if d.outlet == "The Daily Frontier")
    assert "Key Takeaways" not in frontier.text or "Lachin" in frontier.text
    assert with_officials.errors == ()


def test_wire_copies_are_grouped(with_officials: Result) -> None:
    copies = {d.id: d.copy_of for d in with_officials.documents if d.copy_of}
    assert copies == {"a6_lakeshore_tribune": "a5_harbor_sentinel"}


def test_official_readouts_are_the_base(with_officials: Result) -> None:
    assert [r.id for r in with_officials.readouts] == [
        "2026-03-11-aliyev",
        "2026-03-11-vardanyan",
        "2026-03-18-vardanyan",
    ]
    for readout in with_officials.readouts:
        assert readout.official_document is not None
        assert all(s.base_source.startswith("official:") for s in readout.sentences)


def test_identical_twin_sentence_is_shared(with_officials: Result) -> None:
    a = _sentence(with_officials, "2026-03-11-aliyev", "durable and dignified")
    b = _sentence(with_officials, "2026-03-11-vardanyan", "durable and dignified")
    assert a.text == b.text
    assert a.also_in == ("2026-03-11-vardanyan",) and b.also_in == ("2026-03-11-aliyev",)


def test_in_both_calls_goes_to_both_twins(with_officials: Result) -> None:
    for readout in ("2026-03-11-aliyev", "2026-03-11-vardanyan"):
        sentence = _sentence(with_officials, readout, "prioritize immediate de-escalation")
        (witness,) = [
            w
            for w in sentence.witnesses
            if w.document == "a1_eurasia_post" and w.kind != PassageKind.PARAPHRASE
        ]
        found = {(d.kind, d.witness, d.substantive) for d in witness.differences}
        assert (DifferenceKind.SPELLING_VARIANT, "emphasised", False) in found
        assert (DifferenceKind.SPELLING_VARIANT, "prioritise", False) in found
        assert (DifferenceKind.ADDITION, "deep", True) in found


def test_meaning_changes_are_substantive(with_officials: Result) -> None:
    lachin = _sentence(with_officials, "2026-03-11-aliyev", "Lachin")
    restore = [d for w in lachin.witnesses for d in w.differences if d.witness == "restore"]
    assert restore and restore[0].kind == DifferenceKind.WORDING_CHANGE and restore[0].substantive
    called = _sentence(with_officials, "2026-03-11-aliyev", "encouraged Azerbaijan to work")
    (frontier,) = [
        w
        for w in called.witnesses
        if w.document == "a3_daily_frontier" and w.kind != PassageKind.PARAPHRASE
    ]
    assert any(
        d.witness == "called for" and d.base == "encouraged" and d.substantive
        for d in frontier.differences
    )


def test_quote_pinned_on_the_wrong_call(with_officials: Result) -> None:
    sentence = _sentence(with_officials, "2026-03-11-vardanyan", "border delimitation")
    (witness,) = [
        w
        for w in sentence.witnesses
        if w.document == "a3_daily_frontier" and w.kind != PassageKind.PARAPHRASE
    ]
    assert witness.claimed_readout == "2026-03-11-aliyev"


def test_same_words_another_day_go_by_date(with_officials: Result) -> None:
    later = _sentence(with_officials, "2026-03-18-vardanyan", "He reaffirmed")
    assert {w.document for w in later.witnesses} == {"a4_scraped_batch#2"}
    earlier = _sentence(with_officials, "2026-03-11-vardanyan", "border delimitation")
    assert "a4_scraped_batch#2" not in {w.document for w in earlier.witnesses}


def test_messy_typography_is_typography(with_officials: Result) -> None:
    sentence = _sentence(with_officials, "2026-03-11-vardanyan", "border delimitation")
    (witness,) = [
        w
        for w in sentence.witnesses
        if w.document == "a4_scraped_batch#1" and w.kind != PassageKind.PARAPHRASE
    ]
    assert witness.kind == PassageKind.QUOTE
    kinds = {d.kind for d in witness.differences}
    assert kinds <= {DifferenceKind.TYPOGRAPHY, DifferenceKind.SPELLING_VARIANT}
    assert "Caucasus" in witness.text  # the ” in States” did not end the quote


def test_other_statements_stay_unassigned(with_officials: Result) -> None:
    texts = [p.text for p in with_officials.unassigned]
    assert any(t.startswith("We count on our partners") for t in texts)
    assert any(t.startswith("I’m not going to get ahead") for t in texts)


def test_without_officials_the_readouts_are_worked_out(without_officials: Result) -> None:
    assert [r.id for r in without_officials.readouts] == [
        "2026-03-11-aliyev",
        "2026-03-11-vardanyan",
        "2026-03-18-vardanyan",
    ]
    contrast = without_officials.contrasts[0]
    assert (contrast.a, contrast.b) == ("2026-03-11-aliyev", "2026-03-11-vardanyan")
    assert any("Lachin" in p.text for p in contrast.only_in_a)
    assert any("border delimitation" in p.text for p in contrast.only_in_b)
    assert any(pair.identical for pair in contrast.shared)
