from __future__ import annotations

from readout_diff.model import Difference, DifferenceKind, PassageKind, Witness
from readout_diff.views import describe, divergence, segments, shade

BASE = "The Secretary urged Pakistani officials to act."


def witness(text: str, *diffs: Difference) -> Witness:
    return Witness("d", 100, 100 + len(text), text, PassageKind.QUOTE, 1.0, 0, len(BASE), diffs)


def test_segments_and_divergence() -> None:
    text = "The Secretary asked officials to act."
    w = witness(
        text,
        Difference(DifferenceKind.WORDING_CHANGE, "urged", "asked", True, 13, 19, 113, 119),
        Difference(DifferenceKind.OMISSION, "Pakistani", "", True, 19, 29, 119, 119),
    )
    parts = [(s.text, s.role) for s in segments(BASE, w)]
    assert parts == [
        ("The Secretary", "same"),
        (" ", "same"),
        ("urged", "removed"),
        ("asked", "added"),
        (" ", "same"),
        ("Pakistani", "removed"),
        (" officials to act.", "same"),
    ]
    assert divergence(w) == round(2 / 6, 3)
    assert shade(divergence(w)) == "changed"
    assert shade(None) == "absent" and shade(0.0) == "verbatim"


def test_describe() -> None:
    assert describe(DifferenceKind.OMISSION, "Pakistani", "") == "omits 'Pakistani'"
    assert describe(DifferenceKind.WORDING_CHANGE, "re-establish", "restore") == (
        "'restore' for 're-establish'"
    )
    assert describe(DifferenceKind.ADDITION, "", "deep") == "adds 'deep'"
