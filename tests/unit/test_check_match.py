"""Placing a quote in the sources: pieces, verbatim search, nearest span."""

from __future__ import annotations

from readout_diff.check.match import SourceIndex, exact, nearest, pieces
from readout_diff.model import Document, Role

SOURCE = (
    "The Secretary emphasized the need for a ceasefire. She expressed support for "
    "direct talks between Kenya and Uganda. Both leaders reaffirmed their commitment."
)
OTHER = "The Secretary urged Uganda to release the aid workers without delay."


def _index() -> SourceIndex:
    return SourceIndex(
        [
            Document("s1", "s1.txt", "s1", None, Role.OFFICIAL, SOURCE),
            Document("s2", "s2.txt", "s2", None, Role.OFFICIAL, OTHER),
        ]
    )


def _cut(index: SourceIndex, text: str):  # type: ignore[no-untyped-def]
    return pieces(text, 0, len(text), index.encoder)


def test_pieces_split_at_elisions_and_brackets():
    index = _index()
    cut = _cut(index, "[She] expressed support ... direct talks […] and Uganda [sic].")
    assert [([t.text for t in p.tokens], p.joint, [t.text for t in p.bracket]) for p in cut] == [
        (["expressed", "support"], "bracket", ["She"]),
        (["direct", "talks"], "ellipsis", []),
        (["and", "Uganda"], "ellipsis", []),
    ]


def test_letter_in_brackets_is_part_of_the_word():
    index = _index()
    [piece] = _cut(index, "[s]he expressed support")
    assert [t.text for t in piece.tokens] == ["[s]he", "expressed", "support"]


def test_verbatim_across_a_sentence_boundary():
    index = _index()
    [placement] = exact(index, _cut(index, "a ceasefire. She expressed support"))
    assert (placement.source, placement.spans, placement.matched) == (0, ((6, 11),), 5)


def test_elided_pieces_must_stand_in_order():
    index = _index()
    assert exact(index, _cut(index, "emphasized the need ... direct talks"))[0].spans == (
        (2, 5),
        (12, 14),
    )
    assert exact(index, _cut(index, "direct talks ... emphasized the need")) == []
    reordered = nearest(index, 0, _cut(index, "direct talks ... emphasized the need"))
    assert reordered.reordered and reordered.matched == 5


def test_bracket_stands_for_a_few_words_only():
    index = _index()
    assert exact(index, _cut(index, "[The Secretary] expressed support"))  # "She" replaced
    assert exact(index, _cut(index, "The Secretary [said] direct talks")) == []


def test_nearest_span_includes_a_changed_first_word():
    index = _index()
    placement = nearest(index, 0, _cut(index, "She voiced support for direct talks between"))
    assert placement.spans == ((8, 15),)
    assert (placement.matched, round(placement.similarity, 3)) == (6, 0.857)
