"""The second story (tests/fixtures/story_b, see its MANIFEST): fictional twin calls written
apart from the seeds, in every input format. It was written to test the engine on text it had
not been built around; the engine has since been tuned on it too, so it is a regression
suite now, not a blind test."""

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
    assert with_officials.errors == ()


def test_html_article_extracted_without_page_chrome(with_officials: Result) -> None:
    """a3 is a whole web page: the article's text and metadata are kept, the share bar,
    advert and embed script dropped, and the "Key Takeaways" box (kept in the text, since
    every offset points into it) carries no witness: its bullets paraphrase the story."""
    frontier = next(d for d in with_officials.documents if d.outlet == "The Daily Frontier")
    assert frontier.title == (
        "US urges Azerbaijan to reopen Lachin crossing as Whitcombe calls both sides"
    )
    assert frontier.date == "2026-03-11"
    assert "The Secretary urged Azerbaijan to reopen the Lachin border crossing" in frontier.text
    assert "— Caucasus Wire (@CaucasusWire) March 11, 2026" in frontier.text
    for chrome in ("WhatsApp", "ADVERTISEMENT", "Continue reading below", "widgets.js"):
        assert chrome not in frontier.text, chrome
    box_start = frontier.text.index("Key Takeaways")
    box_end = frontier.text.index("Washington on Wednesday stepped into")
    witnesses = [
        w
        for r in with_officials.readouts
        for s in r.sentences
        for w in s.witnesses
        if w.document == frontier.id
    ]
    assert len(witnesses) >= 6
    assert not [w.text for w in witnesses if w.start < box_end and w.end > box_start]
    assert any("reopen the Lachin border crossing" in w.text for w in witnesses)


def test_wire_copies_are_grouped(with_officials: Result) -> None:
    copies = {d.id: d.copy_of for d in with_officials.documents if d.copy_of}
    assert copies == {"a6_lakeshore_tribune": "a5_harbor_sentinel"}


def test_official_readouts_are_the_base(with_officials: Result) -> None:
    assert [r.id for r in with_officials.readouts] == [
        "2026-03-11-aliyev",
        "2026-03-11-vardanyan",
        "2026-03-18-vardanyan",
        "2026-03-11-vardanyan-armenia-foreign-ministry",
    ]
    for readout in with_officials.readouts[:3]:
        assert readout.official_document is not None
        assert all(s.base_source.startswith("official:") for s in readout.sentences)


def test_armenias_own_account_is_a_readout_of_its_ministry(with_officials: Result) -> None:
    """Two outlets quote Armenia's Foreign Ministry on the March 11 call (in different
    words): the counterpart's side's readout of that call, never the caller's."""
    own = with_officials.readout("2026-03-11-vardanyan-armenia-foreign-ministry")
    assert (own.issuer, own.caller, own.date) == (
        "Armenia's Foreign Ministry",
        "Alan Whitcombe",
        "2026-03-11",
    )
    assert own.official_document is None
    assert set(own.documents) == {"a3_daily_frontier", "a4_scraped_batch#1"}


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


def test_other_statements_stay_out_of_the_callers_readouts(with_officials: Result) -> None:
    texts = [p.text for p in with_officials.unassigned]
    assert any(t.startswith("I’m not going to get ahead") for t in texts)
    # the counterpart's own post after the call is her side's account (issue 14), not ours
    own = with_officials.readout("2026-03-11-vardanyan-armenia-foreign-ministry")
    assert any(
        w.text.startswith("We count on our partners") for s in own.sentences for w in s.witnesses
    )
    callers = [r for r in with_officials.readouts if r.issuer == "State Department"]
    assert len(callers) == 3 and not any(
        "We count on" in w.text for r in callers for s in r.sentences for w in s.witnesses
    )


def test_without_officials_the_readouts_are_worked_out(without_officials: Result) -> None:
    assert [r.id for r in without_officials.readouts] == [
        "2026-03-11-aliyev",
        "2026-03-11-vardanyan",
        "2026-03-18-vardanyan",
        "2026-03-11-vardanyan-armenia-foreign-ministry",
    ]
    contrast = without_officials.contrasts[0]
    assert (contrast.a, contrast.b) == ("2026-03-11-aliyev", "2026-03-11-vardanyan")
    assert any("Lachin" in p.text for p in contrast.only_in_a)
    assert any("border delimitation" in p.text for p in contrast.only_in_b)
    assert any(pair.identical for pair in contrast.shared)
