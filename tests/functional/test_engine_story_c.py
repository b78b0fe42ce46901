"""A third story, written by a colleague as a new user's trial (fixtures/story_c/ANSWERS.md):
a UK Foreign Secretary named mostly by title, twin calls with Japan and South Korea."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout_diff import DifferenceKind, PassageKind, Result, analyse

STORY = Path(__file__).resolve().parent.parent / "fixtures" / "story_c"


@pytest.fixture(scope="module")
def official() -> Result:
    return analyse([STORY / "articles"], official=sorted((STORY / "official").iterdir()))


@pytest.fixture(scope="module")
def auto() -> Result:
    return analyse([STORY / "articles"])


def _sentence(result: Result, readout: str, words: str):  # type: ignore[no-untyped-def]
    found = [s for s in result.readout(readout).sentences if words in s.text]
    assert len(found) == 1, [s.text for s in result.readout(readout).sentences]
    return found[0]


@pytest.mark.parametrize("mode", ["official", "auto"])
def test_three_readouts(mode: str, request: pytest.FixtureRequest) -> None:
    result: Result = request.getfixturevalue(mode)
    assert [r.id for r in result.readouts] == [
        "2026-09-14-arakawa",
        "2026-09-14-seo-yeon",
        "2026-09-16-wulandari",
    ]
    assert result.readouts[0].label.startswith("Harriet Mallory")


def test_twin_contrast_with_official_texts(official: Result) -> None:
    (contrast,) = official.contrasts
    only_japan = " ".join(p.text for p in contrast.only_in_a)
    only_korea = " ".join(p.text for p in contrast.only_in_b)
    assert "which fell inside Japan's exclusive economic zone" in only_japan
    assert "Global Combat Air Programme" in only_japan
    assert "a threat to peace on the Korean Peninsula" in only_korea
    assert "Typhoon Mireille" in only_korea
    assert sum(pair.identical for pair in contrast.shared) == 1


def test_planted_differences(official: Result) -> None:
    shared = _sentence(official, "2026-09-14-arakawa", "denuclearisation")
    variants = {(d.kind, d.witness) for w in shared.witnesses for d in w.differences}
    assert (DifferenceKind.SPELLING_VARIANT, "denuclearization") in variants
    japan = _sentence(official, "2026-09-14-arakawa", "encouraged Japan")
    (dispatch,) = [
        w
        for w in japan.witnesses
        if w.document == "pacific_dispatch" and w.kind != PassageKind.PARAPHRASE
    ]
    found = {(d.kind, d.base, d.witness, d.substantive) for d in dispatch.differences}
    assert (DifferenceKind.WORDING_CHANGE, "encouraged", "urged", True) in found
    assert (DifferenceKind.WORDING_CHANGE, "Japan", "Tokyo", False) in found
    gcap = _sentence(official, "2026-09-14-arakawa", "Global Combat Air")
    pinned = [w for w in gcap.witnesses if w.document == "global_briefing_wire"]
    assert pinned and pinned[0].claimed_readout == "2026-09-14-seo-yeon"


def test_other_voices_are_unassigned(auto: Result) -> None:
    notes = {p.text[:40]: p.note for p in auto.unassigned}
    assert notes["We cannot accept a situation in which mi"] == (
        "first-person remark, not readout wording"
    )
    assert notes["Japan will respond calmly but firmly."].startswith("credited to Mr Arakawa")
