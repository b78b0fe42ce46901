"""Reported speech (issue 10), on texts written for each case: found, measured to the end
of its clause, and a quotation inside it kept as a second witness. Its meaning changes
are tested in test_meaning.py."""

from __future__ import annotations

import pytest

from readout_diff import PassageKind, Result, analyse
from readout_diff.entities import canonicalise, country_gazetteer, detect_cast
from readout_diff.model import Witness
from readout_diff.normalise import tokenise
from readout_diff.speech import (
    clause_end,
    clauses,
    content_match,
    reported_span,
    reports_caller,
)

OFFICIAL = (
    "Secretary of State Nora Castell spoke with Ruritanian Foreign Minister Petra Valek today. "
    "Secretary Castell reaffirmed the United States' respect for the sovereignty of Ruritania "
    "and its people. "
    "The Secretary urged all parties to respect the territorial integrity of the countries "
    "involved. "
    "The Secretary encouraged Ruritania to continue talks with Borduria. "
    "The Secretary emphasized that the United States is troubled by the situation along "
    "the border."
)


def _article(body: str) -> str:
    return (
        "date 2026-05-04\nCastell holds call with Ruritania\n\n"
        "Secretary of State Nora Castell spoke with Ruritanian Foreign Minister Petra Valek "
        "on Monday.\n\n" + body + "\n"
    )


def _run(*bodies: str) -> Result:
    return analyse([_article(b) for b in bodies], official=[OFFICIAL])


def _witnesses(result: Result, words: str) -> list[Witness]:
    return [
        w
        for r in result.readouts
        for s in r.sentences
        if words in s.text
        for w in s.witnesses
        if w.kind == PassageKind.PARAPHRASE
    ]


def _diffs(witness: Witness) -> set[tuple[str, str, str, bool]]:
    return {(d.kind.value, d.base, d.witness, d.substantive) for d in witness.differences}


def test_reported_speech_sharing_a_long_run_of_words_is_found() -> None:
    result = _run(
        "Ms Castell reaffirmed the United States' respect for the sovereignty of Ruritania "
        "and its people, according to a statement."
    )
    (witness,) = _witnesses(result, "respect for the sovereignty")
    assert witness.text.startswith("Ms Castell reaffirmed")
    assert not any(d.substantive for d in witness.differences)


def test_reported_speech_is_measured_to_the_end_of_its_clause() -> None:
    result = _run(
        "Castell urged all parties to respect the territorial integrity of the countries "
        "involved and their allies."
    )
    (witness,) = _witnesses(result, "territorial integrity")
    assert witness.text.endswith("and their allies")
    assert ("addition", "", "and their allies", True) in _diffs(witness)


def test_a_dropped_ending_is_an_omission() -> None:
    result = _run("Castell reaffirmed the United States' respect for the sovereignty of Ruritania.")
    (witness,) = _witnesses(result, "respect for the sovereignty")
    assert ("omission", "and its people", "", True) in _diffs(witness)


def test_quote_inside_reported_speech_is_two_witnesses() -> None:
    result = _run(
        'Castell emphasized that Washington is "troubled by the situation along the border", '
        "particularly Borduria's role in the advance."
    )
    sentence = next(
        s for r in result.readouts for s in r.sentences if "troubled by the situation" in s.text
    )
    kinds = sorted(w.kind.value for w in sentence.witnesses)
    assert kinds == ["paraphrase", "quote"]
    quote = next(w for w in sentence.witnesses if w.kind == PassageKind.QUOTE)
    assert not any(d.substantive for d in quote.differences)


def test_a_name_and_a_quotation_with_only_an_attribution_are_two_witnesses() -> None:
    """ "Castell “reaffirmed …,” a spokesperson said.": the name is the reported speech's
    subject, so the words around the quotation are a witness of their own."""
    result = _run(
        "Castell “reaffirmed the United States' respect for the sovereignty of Ruritania "
        'and its people," a spokesperson said.'
    )
    sentence = next(
        s for r in result.readouts for s in r.sentences if "respect for the sovereignty" in s.text
    )
    witnesses = {w.kind.value: w for w in sentence.witnesses}
    assert sorted(witnesses) == ["paraphrase", "quote"]
    assert witnesses["paraphrase"].text.startswith("Castell “reaffirmed")
    assert not any(d.substantive for w in witnesses.values() for d in w.differences)


def test_the_callers_words_around_a_quoted_phrase_join_the_phrases_sentence() -> None:
    """Too few words of its own in common to join by content, the reported speech around a
    quoted phrase of an official sentence renders that sentence as the phrase does."""
    result = _run('On Monday Castell also said she was "troubled by the situation" in the region.')
    sentence = next(
        s for r in result.readouts for s in r.sentences if "troubled by the situation" in s.text
    )
    assert sorted((w.kind.value, w.text) for w in sentence.witnesses) == [
        ("paraphrase", 'Castell also said she was "troubled by the situation" in the region'),
        ("quote", "troubled by the situation"),
    ]


def test_the_quote_judges_its_own_words_in_both_witnesses() -> None:
    result = _run(
        "Castell emphasized that the United States is "
        '"deeply troubled by the situation" along the border, officials said.'
    )
    sentence = next(
        s for r in result.readouts for s in r.sentences if "troubled by the situation" in s.text
    )
    assert sorted(w.kind.value for w in sentence.witnesses) == ["paraphrase", "quote"]
    verdicts = {
        d.substantive for w in sentence.witnesses for d in w.differences if "deeply" in d.witness
    }
    assert verdicts == {True}


def test_reported_speech_never_founds_a_readout_by_itself() -> None:
    body = "Castell urged Borduria to open its border crossings to aid convoys next week."
    # no official text, no quotation, no call announced: reported speech alone
    result = analyse([body, body.replace("next week", "soon")])
    assert result.readouts == ()


def test_reported_speech_never_outvotes_quoted_wording() -> None:
    quoted = 'The Secretary "urged Borduria to open the border crossings to aid convoys."'
    reported = "Castell urged Borduria to open the border to aid convoys."
    result = analyse(
        [_article(quoted), _article(reported), _article(reported + " "), _article(reported)]
    )
    bases = [s.text for r in result.readouts for s in r.sentences]
    assert any("border crossings" in b for b in bases)


# ------------------------------------------------------------------ the parts

GAZ = country_gazetteer()


def _toks(text: str):  # type: ignore[no-untyped-def]
    return canonicalise(tokenise(text), GAZ)


def test_clause_end_stops_at_an_attribution_and_a_new_clause() -> None:
    tokens = _toks("urged calm and restraint, the ministry said, adding more")
    assert [t.norm for t in tokens[: clause_end(tokens, 2)]] == [
        "urged",
        "calm",
        "and",
        "restraint",
    ]
    tokens = _toks("urged calm and stressed unity")
    assert [t.norm for t in tokens[: clause_end(tokens, 2)]] == ["urged", "calm"]
    tokens = _toks("a halt to fighting and a peace settlement between them.")
    assert clause_end(tokens, 3) == len(tokens) - 1


def test_clauses_of_a_sentence_that_reports_several_things() -> None:
    tokens = _toks(
        "Castell spoke with Valek on Monday in a call, during which she condemned the "
        "attacks on the border and urged him to restore calm in the region, according to "
        "the State Department."
    )
    assert [" ".join(t.norm for t in tokens[a:b]) for a, b in clauses(tokens)] == [
        "Castell spoke with Valek on Monday in a call",
        "during which she condemned the attacks on the border",
        "urged him to restore calm in the region",
    ]
    # one clause, however long, is no split
    tokens = _toks("Castell, in calls with Valek and Petrov on Sunday, urged both to talk.")
    assert clauses(tokens) == [(0, len(tokens) - 1)]


def test_each_clause_of_reported_speech_joins_the_sentence_it_renders() -> None:
    result = _run(
        "Castell reaffirmed the United States' respect for the sovereignty of Ruritania and "
        "its people, calling on all parties to respect the territorial integrity of the "
        "countries involved."
    )
    found = {
        s.text.split()[1]: (w.text, _diffs(w))
        for r in result.readouts
        for s in r.sentences
        for w in s.witnesses
        if w.kind == PassageKind.PARAPHRASE
    }
    assert found == {
        "Castell": (
            "Castell reaffirmed the United States' respect for the sovereignty of "
            "Ruritania and its people",
            set(),
        ),
        # the clause is measured from its first word: its verb stands for "urged"
        "Secretary": (
            "calling on all parties to respect the territorial integrity of the countries involved",
            {("wording_change", "The Secretary urged", "calling on", False)},
        ),
    }


def test_content_match_finds_part_of_a_long_sentence() -> None:
    match = content_match("abcd", "xyzabcdqrstuvw")
    assert match is not None and match.matched == 4 and match.base_span == (3, 7)
    assert match.score == 1.0


def test_reported_span_carries_both_sides_to_the_end_of_their_clause() -> None:
    base = _toks("He urged calm and restraint, and stressed unity.")
    witness = _toks("Castell urged calm and patience, officials said.")
    b0, b1, w0, w1 = reported_span(base, witness)
    assert [t.norm for t in base[b0:b1]] == ["urged", "calm", "and", "restraint"]
    assert [t.norm for t in witness[w0:w1]] == ["urged", "calm", "and", "patience"]


CAST = detect_cast(["Secretary Castell spoke with Ruritanian Foreign Minister Petra Valek."])


def _cast_toks(text: str):  # type: ignore[no-untyped-def]
    return canonicalise(tokenise(text), CAST.gazetteer)


@pytest.mark.parametrize(
    "text",
    [
        "Castell urged Ruritania to talk.",
        "The talks must go on, Castell said.",
        "Castell told Valek that talks would go on.",
        "Castell also reaffirmed support.",
    ],
)
def test_the_callers_side_reporting(text: str) -> None:
    assert reports_caller(_cast_toks(text))
