from __future__ import annotations

from readout_diff.model import Difference, DifferenceKind, PassageKind, Witness
from readout_diff.views import band, describe, divergence, kept_share, segments, shade

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
    assert band(w, BASE) == "changed"
    assert shade(None) == "absent" and shade("verbatim") == "verbatim"


def test_describe() -> None:
    assert describe(DifferenceKind.OMISSION, "Pakistani", "") == "omits 'Pakistani'"
    assert describe(DifferenceKind.WORDING_CHANGE, "re-establish", "restore") == (
        "'restore' for 're-establish'"
    )
    assert describe(DifferenceKind.ADDITION, "", "deep") == "adds 'deep'"


def test_bands_follow_the_most_serious_change_not_a_share_of_words() -> None:
    # a one-word flip outranks a long cosmetic change
    flip = witness(
        "The Secretary rejected Pakistani officials to act.",
        Difference(DifferenceKind.WORDING_CHANGE, "urged", "rejected", True, 14, 19, 114, 122),
    )
    cosmetic = witness(
        "THE SECRETARY URGED PAKISTANI OFFICIALS TO ACT.",
        Difference(DifferenceKind.TYPOGRAPHY, BASE[:-1], BASE[:-1].upper(), False, 0, 46, 100, 146),
    )
    assert band(flip, BASE) == "changed" and band(cosmetic, BASE) == "verbatim"
    # a verbatim stretch with a long added clause keeps every base word: changed, not rewritten
    clause = " and to end the violence at once without any further delay"
    longer = BASE[:-1] + clause + "."
    added = witness(
        longer,
        Difference(DifferenceKind.ADDITION, "", clause, True, 46, 46, 146, 146 + len(clause)),
    )
    assert kept_share(added, BASE) == 1.0 and band(added, BASE) == "changed"
    # a name for a title keeps the meaning: minor
    name = witness(
        "Rubio urged Pakistani officials to act.",
        Difference(DifferenceKind.WORDING_CHANGE, "The Secretary", "Rubio", False, 0, 13, 100, 105),
    )
    assert band(name, BASE) == "minor"
    # under half of the base words kept, with a substantive change: rewritten
    other = witness(
        "Pakistan was told to move quickly.",
        Difference(
            DifferenceKind.PARAPHRASE,
            BASE,
            "Pakistan was told to move quickly.",
            True,
            0,
            len(BASE),
            100,
            134,
        ),
    )
    assert band(other, BASE) == "rewritten"


def test_fidelity_counts_a_passage_once_and_splits_misquotes_from_drift() -> None:
    from readout_diff.model import Document, Readout, ReadoutSentence, Result, Role
    from readout_diff.views import fidelity

    quote = witness(
        "The Secretary asked Pakistani officials to act.",
        Difference(DifferenceKind.WORDING_CHANGE, "urged", "asked", True, 14, 19, 114, 119),
    )
    para = Witness(
        "d",
        300,
        340,
        "Rubio told Pakistan to act.",
        PassageKind.PARAPHRASE,
        0.7,
        0,
        len(BASE),
        (Difference(DifferenceKind.WORDING_CHANGE, "urged", "told", True, 14, 19, 306, 310),),
    )
    doc = Document("d", "d.txt", "Outlet", None, Role.REPORT, "x" * 400)
    twins = tuple(
        Readout(
            rid, rid, rid, None, (ReadoutSentence(f"{rid}/s1", BASE, "consensus", (quote, para)),)
        )
        for rid in ("a", "b")
    )
    result = Result((doc,), twins, (), ())
    [row] = fidelity(result)
    assert (row.witnesses, row.misquotes, row.drift, row.substantive) == (2, 1, 1, 2)


def test_segments_keep_the_space_after_an_addition_and_show_spacing_changes() -> None:
    text = "Today, The Secretary urged Pakistani officials to act ."
    w = witness(
        text,
        Difference(DifferenceKind.ADDITION, "", "Today, ", True, 0, 0, 100, 107),
        Difference(DifferenceKind.TYPOGRAPHY, ".", ".", False, 46, 47, 153, 155),
    )
    parts = [(s.text, s.role) for s in segments(BASE, w)]
    assert parts[:3] == [("Today,", "added"), (" ", "same"), ("The Secretary urged", "same")][
        :2
    ] + [parts[2]]
    assert parts[2][0].startswith("The Secretary")
    assert parts[-2:] == [(".", "removed"), ("␣.", "added")]
    assert describe(DifferenceKind.TYPOGRAPHY, ".", ".") == "spacing in '.'"
