"""Which differences a quote may have: typography, variants by policy, nothing else."""

from __future__ import annotations

from readout_diff.check.model import Verdict
from readout_diff.check.verdicts import clip, describe, judge
from readout_diff.model import Difference, DifferenceKind


def _d(kind: DifferenceKind, base: str, witness: str, at: int = 0) -> Difference:
    return Difference(kind, base, witness, kind not in (DifferenceKind.TYPOGRAPHY,), at, at, at, at)


def test_no_difference_is_exact_and_typography_is_equivalent():
    assert judge((), False, False).verdict == Verdict.EXACT
    typo = judge((_d(DifferenceKind.TYPOGRAPHY, "“", '"'),), False, False)
    assert (typo.verdict, typo.problems) == (Verdict.EQUIVALENT, ())


def test_spelling_variants_follow_the_policy():
    variant = (_d(DifferenceKind.SPELLING_VARIANT, "emphasized", "emphasised"),)
    assert judge(variant, False, True).verdict == Verdict.EQUIVALENT
    flagged = judge(variant, False, False)
    assert flagged.verdict == Verdict.ALTERED
    assert [code for code, _ in flagged.problems] == ["RD003"]


def test_changes_omissions_and_order():
    changed = judge(
        (
            _d(DifferenceKind.WORDING_CHANGE, "re-establish", "restore", 1),
            _d(DifferenceKind.OMISSION, "direct", "", 2),
        ),
        False,
        False,
    )
    assert changed.problems == (
        ("RD002", 'quote altered: "restore" for "re-establish"; drops "direct"'),
    )
    dropped = judge((_d(DifferenceKind.OMISSION, "direct", ""),), False, False)
    assert [code for code, _ in dropped.problems] == ["RD004"]
    assert [code for code, _ in judge((), True, False).problems] == ["RD007"]


def test_describe_and_clip():
    assert describe(
        [
            _d(DifferenceKind.ADDITION, "", "firmly", 3),
            _d(DifferenceKind.WORDING_CHANGE, "asked", "told", 1),
        ]
    ) == ('"told" for "asked"; adds "firmly"')
    assert clip("a  b\nc") == "a b c"
    assert clip("x" * 70, 10) == "xxxxxxxxx…"
