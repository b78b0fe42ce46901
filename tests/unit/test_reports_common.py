"""What the report writers share: marked runs, labels, lines, contrast highlighting.

`tiny_result()` is a hand-built result with known figures that the per-format tests
reuse: two outlets, two twin readouts, hostile article text in every free-text field.
"""

from __future__ import annotations

from readout_diff.model import (
    Contrast,
    ContrastPhrase,
    Difference,
    DifferenceKind,
    Document,
    InputError,
    Notice,
    Passage,
    PassageKind,
    Readout,
    ReadoutSentence,
    Result,
    Role,
    SharedSentence,
    Witness,
)
from readout_diff.reports.common import (
    Run,
    change_text,
    contrast_sentences,
    doc_labels,
    headline,
    highlight,
    line_of,
    readout_base,
    runs,
    where,
)

S1 = "The Secretary urged restraint and dialogue."
S2 = "He welcomed the talks."
T1 = "He urged a ceasefire now."
WIRE = (
    "Wire headline\nOfficials said: The Secretary urged calm and dialogue. More.\n"
    "He welcomed the talks.\n"
)
HOSTILE = "<script>alert(1)</script> [red]x[/red] | *boom* `tick`"
PAPER = f'Paper intro.\n\n"The Secretary urged restraint." said officials.\n{HOSTILE}\n'


def _witness(
    doc_id: str,
    doc_text: str,
    text: str,
    diffs: list[tuple[DifferenceKind, str, str, bool]],
    base: str,
) -> Witness:
    """A witness of `base` found at `text` in the document, with its differences located.

    As the engine does, each span takes the space before its words along.
    """
    start = doc_text.index(text)
    made = []
    for kind_, base_words, witness_words, substantive in diffs:
        b0 = base.index(" " + base_words)
        w0 = start + (text.index(" " + witness_words) if witness_words else len(text) - 1)
        made.append(
            Difference(
                kind_,
                base_words,
                witness_words,
                substantive,
                b0,
                b0 + 1 + len(base_words),
                w0,
                w0 + (1 + len(witness_words) if witness_words else 0),
            )
        )
    return Witness(
        doc_id, start, start + len(text), text, PassageKind.QUOTE, 0.9, 0, len(base), tuple(made)
    )


def tiny_result() -> Result:
    """Wire: one wording change in s1, s2 verbatim; Paper: omits "and dialogue" from s1."""
    wire = Document("wire", "in/wire.txt", "Wire", "2026-01-03", Role.REPORT, WIRE)
    paper = Document(
        "paper",
        "in/paper.txt",
        "The Paper | <i>Daily</i>",
        None,
        Role.REPORT,
        PAPER,
        title="<b>Title</b>",
        url="javascript:alert(1)",
    )
    w1 = _witness(
        "wire",
        WIRE,
        "The Secretary urged calm and dialogue.",
        [(DifferenceKind.WORDING_CHANGE, "restraint", "calm", True)],
        S1,
    )
    p1 = _witness(
        "paper",
        PAPER,
        "The Secretary urged restraint.",
        [(DifferenceKind.OMISSION, "and dialogue", "", True)],
        S1,
    )
    w2 = _witness("wire", WIRE, S2, [], S2)
    smith = Readout(
        "2026-01-02-smith",
        "Secretary – Smith, 2026-01-02",
        "Smith",
        "2026-01-02",
        (
            ReadoutSentence("2026-01-02-smith/s1", S1, "consensus", (w1, p1)),
            ReadoutSentence("2026-01-02-smith/s2", S2, "consensus", (w2,)),
        ),
    )
    jones = Readout(
        "2026-01-02-jones",
        "Secretary – Jones, 2026-01-02",
        "Jones",
        "2026-01-02",
        (
            ReadoutSentence("2026-01-02-jones/s1", T1, "consensus"),
            ReadoutSentence("2026-01-02-jones/s2", S1, "consensus"),
        ),
    )
    contrast = Contrast(
        "2026-01-02-smith",
        "2026-01-02-jones",
        (ContrastPhrase("2026-01-02-smith/s2", S2, 0, len(S2)),),
        (
            ContrastPhrase(
                "2026-01-02-jones/s1",
                "a ceasefire",
                T1.index("a ceasefire"),
                T1.index("a ceasefire") + len("a ceasefire"),
            ),
        ),
        (SharedSentence("2026-01-02-smith/s1", "2026-01-02-jones/s2", True),),
    )
    hostile_at = PAPER.index(HOSTILE)
    return Result(
        (wire, paper),
        (smith, jones),
        (contrast,),
        (
            Passage(
                "paper",
                hostile_at,
                hostile_at + len(HOSTILE),
                PassageKind.QUOTE,
                HOSTILE,
                speaker="officials",
                note="not worded as a readout",
            ),
        ),
        (InputError("in/broken.txt", "cannot be read: <denied>"),),
        (Notice("in/empty.txt", "no readout passage found"),),
    )


def _show(items: list[Run]) -> str:
    return "".join(
        r.text
        if r.kind is None
        else f"{r.lead}[-{r.removed}-]{{+{r.added}+}}<{r.kind.value}>{r.trail}"
        for r in items
    )


def test_runs_join_a_replacement_and_keep_spaces_outside_the_marks() -> None:
    sentence = tiny_result().readouts[0].sentences[0]
    assert (
        _show(runs(S1, sentence.witnesses[0]))
        == "The Secretary urged [-restraint-]{+calm+}<wording_change> and dialogue."
    )
    assert (
        _show(runs(S1, sentence.witnesses[1]))
        == "The Secretary urged restraint [-and dialogue-]{++}<omission>."
    )
    changed = [r for r in runs(S1, sentence.witnesses[0]) if r.kind]
    assert changed and all(r.substantive for r in changed)


def test_change_text_never_drops_words() -> None:
    def diff(kind: DifferenceKind, base: str, witness: str) -> Difference:
        return Difference(kind, base, witness, True, 0, 0, 0, 0)

    assert change_text(diff(DifferenceKind.OMISSION, "Pakistani", "")) == "omits 'Pakistani'"
    assert (
        change_text(diff(DifferenceKind.OMISSION, "spoke with", "also"))
        == "omits 'spoke with' (the outlet has 'also')"
    )
    assert change_text(diff(DifferenceKind.TYPOGRAPHY, ".", "")) == "omits '.'"
    assert (
        change_text(diff(DifferenceKind.TYPOGRAPHY, "against ", "against"))
        == "spacing in 'against'"
    )
    assert change_text(diff(DifferenceKind.TYPOGRAPHY, ".", ".")) == "spacing in '.'"
    assert (
        change_text(diff(DifferenceKind.ADDITION, "his", "deep"))
        == "adds 'deep' (where the base has 'his')"
    )
    assert (
        change_text(diff(DifferenceKind.TRUNCATION, "terrorism.", "…"))
        == "cuts 'terrorism.' (marked '…')"
    )
    assert change_text(diff(DifferenceKind.ADDITION, "", "deep")) == "adds 'deep'"


def test_lines_labels_and_headline() -> None:
    result = tiny_result()
    assert line_of(WIRE, 0) == 1 and line_of(WIRE, WIRE.index("He welcomed")) == 3
    assert where(result.document("wire"), WIRE.index("The Secretary")) == "in/wire.txt:2"
    assert doc_labels(result) == {"wire": "Wire", "paper": "The Paper | <i>Daily</i>"}
    twin = Result(
        (result.documents[0], Document("wire2", "b.txt", "Wire", None, Role.REPORT, "x")),
        (),
        (),
        (),
    )
    assert doc_labels(twin) == {"wire": "Wire (wire)", "wire2": "Wire (wire2)"}
    assert headline(result, 2) == "2 readouts found in 2 articles; 2 of them carry readout wording."
    assert readout_base(result.readouts[0], {}) == "outlets' consensus"


def test_contrast_phrases_are_cut_out_of_their_sentence() -> None:
    assert highlight(T1, [ContrastPhrase("x", "a ceasefire", 9, 20)]) == [
        ("He urged ", False),
        ("a ceasefire", True),
        (" now.", False),
    ]
    result = tiny_result()
    [(sentence, pieces)] = contrast_sentences(result, result.contrasts[0].only_in_b)
    assert sentence.id == "2026-01-02-jones/s1" and pieces[1] == ("a ceasefire", True)
