"""Issue 9: many outlets, one readout, rebuilt by weighted majority."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readout_diff import Source, analyse
from readout_diff.collation import Version, collate, join_words
from readout_diff.differences import apply
from readout_diff.entities import canonicalise, country_gazetteer
from readout_diff.model import Result
from readout_diff.normalise import tokenise
from readout_diff.views import majority_finding
from readout_diff.witnesses import spots

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_collation.py"
_spec = importlib.util.spec_from_file_location("bench_collation", BENCH)
assert _spec and _spec.loader
bench: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def _articles(sentences: list[str]) -> str:
    """One article per wording of the readout's fourth sentence, the rest verbatim."""
    rows = []
    for i, sentence in enumerate(sentences):
        readout = [*bench.READOUT[:3], sentence, *bench.READOUT[4:]]
        rows.append(bench.article(i, readout, False))
    return "\n".join(json.dumps(r) for r in rows)


FOURTH = bench.READOUT[3]


@pytest.mark.parametrize("outlets", [5, 15, 30, 60])
def test_whole_readout_quoted_by_many_outlets(outlets: int) -> None:
    result = analyse([Source("c.jsonl", bench.build(outlets))])
    sentences = [s for r in result.readouts for s in r.sentences]
    assert [s.text for s in sentences] == bench.READOUT
    aligned = sum(len({w.document for w in s.witnesses}) for s in sentences)
    assert aligned >= 0.95 * outlets * len(bench.READOUT)
    texts = {d.id: d.text for d in result.documents}
    for s in sentences:  # the rebuild property
        for w in s.witnesses:
            doc = texts[w.document]
            rebuilt = apply(s.text, w.covered_start, w.covered_end, w.differences, doc)
            assert rebuilt.strip("“”") == w.text.strip("“”")


def _tokens(text: str) -> tuple[Any, ...]:
    return tuple(canonicalise(tokenise(text), country_gazetteer()))


READINGS = [
    "The Secretary offered his condolences for the victims.",
    "The Secretary offered his sympathies for the victims.",
    "The Secretary offered his condolences for the victims.",
    "The Secretary also offered his condolences for the victims.",
    "The Secretary offered condolences for the victims.",
]


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(len(READINGS))))
def test_witness_order_never_changes_the_base(order: list[int]) -> None:
    versions = [
        Version(_tokens(READINGS[i]), 1.0, f"g{i}", True, True, True, f"d{i}") for i in order
    ]
    base = join_words([t.norm for t in collate(versions).consensus()])
    assert base == "The Secretary offered his condolences for the victims."


def _sentence(result: Result, words: str) -> Any:
    return next(s for r in result.readouts for s in r.sentences if words in s.text)


def test_a_two_outlet_split_is_disputed() -> None:
    result = analyse(
        [
            Source(
                "two.jsonl",
                _articles([FOURTH, FOURTH.replace("strengthen", "improve")]),
            )
        ]
    )
    sentence = _sentence(result, "emergency response")
    (spot,) = sentence.disputed
    assert {spot.base, *(t for t, _ in spot.readings)} == {"strengthen", "improve"}
    changes = [d for w in sentence.witnesses for d in w.differences if d.kind != "typography"]
    assert changes and all(d.disputed and not d.substantive for d in changes)


def test_a_verbatim_witness_outweighs_two_paraphrases() -> None:
    quoted = Version(
        _tokens("The Secretary encouraged Pakistan to restore calm."), 1.0, "q", True, True, True
    )
    told = [
        Version(
            _tokens("The Secretary urged Pakistan to restore calm."),
            0.45,
            f"p{i}",
            False,
            False,
            False,
        )
        for i in range(2)
    ]
    table = collate([quoted, *told])
    assert "encouraged" in join_words([t.norm for t in table.consensus()])
    assert not any(v.disputed for v in table.verdicts())


def test_most_outlets_against_the_official_wording_is_a_finding() -> None:
    official = "The Secretary urged both sides to re-establish direct communications."
    outlets = [official.replace("re-establish", "restore")] * 7 + [official] * 2
    versions = [
        Version(_tokens(t), 1.0, f"g{i}", True, True, True, f"d{i}") for i, t in enumerate(outlets)
    ]
    found = spots(list(_tokens(official)), official, versions)
    (finding,) = [s for s in found if s.majority is not None]
    assert majority_finding(finding) == (
        "7 of 9 outlets carry 'restore' where the readout says 're-establish'"
    )
    assert not any(s.disputed for s in found)


def test_one_outlet_gluing_two_sentences_does_not_merge_them() -> None:
    """Issue 9, item 3: an outlet that lower-cases the start of a sentence, so that two
    sentences read as one, neither merges the bases nor founds a sentence of its own."""
    readout = list(bench.READOUT)
    glued = readout[1] + " " + readout[2][0].lower() + readout[2][1:]
    rows = [bench.article(0, [readout[0], glued, *readout[3:]], False)]
    rows += [bench.article(i, readout, False) for i in range(1, 5)]
    result = analyse([Source("glued.jsonl", "\n".join(json.dumps(r) for r in rows))])
    sentences = [s for r in result.readouts for s in r.sentences]
    assert [s.text for s in sentences] == bench.READOUT
    # split where the others' sentences part, the glued witness is a version of both
    own = [[w for w in s.witnesses if w.document == "glued#1"] for s in sentences]
    assert [w.text for w in own[1]] == [readout[1]]
    assert [w.text for w in own[2]] == [glued.split(". ", 1)[1]]
    assert own[1][0].differences == ()
    assert [(d.kind, d.base, d.witness) for d in own[2][0].differences] == [
        ("typography", "He", "he")
    ]


def _one_outlet_apart(first: str, extra: list[str]) -> list[Any]:
    """Four outlets quote the readout as it is; one quotes `first` for its first sentence
    and adds `extra` at the end."""
    rows = [bench.article(0, [first, *bench.READOUT[1:], *extra], False)]
    rows += [bench.article(i, bench.READOUT, False) for i in range(1, 5)]
    result = analyse([Source("lone.jsonl", "\n".join(json.dumps(r) for r in rows))])
    return [s for r in result.readouts for s in r.sentences]


def test_one_outlets_variant_founds_no_sentence() -> None:
    """Issue 9: a word one outlet puts inside a name ("Prime Minister further Shehbaz
    Sharif") makes its sentence less alike than a quote needs to join; standing where the
    others carry that sentence, it is still a version of it, not a sentence of its own."""
    variant = bench.READOUT[0].replace("Minister", "Minister further")
    sentences = _one_outlet_apart(variant, [])
    assert [s.text for s in sentences] == bench.READOUT
    (own,) = [w for w in sentences[0].witnesses if w.document == "lone#1"]
    assert own.text == variant


def test_a_sentence_one_outlet_adds_stays_its_own() -> None:
    """A sentence only one outlet quotes, alike another but beside it, is not merged."""
    extra = "Both leaders agreed to remain in close contact on trade talks."
    sentences = _one_outlet_apart(bench.READOUT[0], [extra])
    assert [s.text for s in sentences] == [*bench.READOUT, extra]


def _base_of(quoted: list[str], told: list[str]) -> str:
    versions = [
        Version(_tokens(t), 1.0, f"q{i}", True, True, True, f"q{i}") for i, t in enumerate(quoted)
    ]
    versions += [
        Version(_tokens(t), 0.45, f"p{i}", False, False, False, f"p{i}") for i, t in enumerate(told)
    ]
    return join_words([t.norm for t in collate(versions).consensus()])


def test_one_outlets_date_framing_is_not_readout_wording() -> None:
    """Issue 9, item 2: "Today," before the only full quote is that outlet's framing."""
    told = ["Rubio urged calm in the region", "the Secretary urged calm"]
    assert _base_of(["Today, the Secretary urged calm in the region."], told) == (
        "The Secretary urged calm in the region."
    )
    assert _base_of(["On Monday, April 28, the Secretary urged calm in the region."], told) == (
        "The Secretary urged calm in the region."
    )


def test_date_words_most_quotes_carry_stay() -> None:
    quoted = ["Today, the Secretary urged calm in the region."] * 2
    assert _base_of(quoted, []) == "Today, the Secretary urged calm in the region."
    # one witness alone: nothing to weigh its framing against
    assert _base_of(quoted[:1], []) == "Today, the Secretary urged calm in the region."


def test_a_quote_opening_with_date_words_adds_nothing_said() -> None:
    dated = "Today, the" + bench.READOUT[1][len("The") :]
    rows = [bench.article(0, [bench.READOUT[0], dated, *bench.READOUT[2:]], False)]
    rows += [bench.article(i, bench.READOUT, False) for i in range(1, 3)]
    result = analyse([Source("dated.jsonl", "\n".join(json.dumps(r) for r in rows))])
    sentence = _sentence(result, "condolences")
    assert sentence.text == bench.READOUT[1]
    (own,) = [w for w in sentence.witnesses if w.document == "dated#1"]
    assert [(d.kind, d.witness, d.substantive) for d in own.differences] == [
        ("addition", "Today,", False),
        ("typography", "the Secretary", False),
    ]


@settings(max_examples=12, deadline=None)
@given(st.permutations(range(6)))
def test_article_order_never_changes_the_readout(order: list[int]) -> None:
    """One outlet's variant, one glued quote and one dated quote among six outlets: in
    whatever order the articles come, the same six base sentences."""
    readout = list(bench.READOUT)
    glued = readout[1] + " " + readout[2][0].lower() + readout[2][1:]
    own = [
        [readout[0].replace("Minister", "Minister further"), *readout[1:]],
        [readout[0], glued, *readout[3:]],
        [readout[0], "Today, the" + readout[1][len("The") :], *readout[2:]],
        readout,
        readout,
        readout,
    ]
    rows = [json.dumps(bench.article(i, own[i], False)) for i in order]
    result = analyse([Source("any.jsonl", "\n".join(rows))])
    assert [s.text for r in result.readouts for s in r.sentences] == readout


def test_a_phrase_taken_up_mid_sentence_casts_no_vote_after_it() -> None:
    """Two outlets quote the fourth sentence only from "to work" to "response", inside
    their own sentence ('… “to work … response”, the department added'); the outlet that
    quotes it whole carries the rest. Their silence after the phrase is no vote, so the
    base keeps the whole sentence and they drop nothing."""
    first = " ".join(bench.READOUT[:3])
    phrase = "to work with its partners to strengthen emergency response"
    rows = [bench.article(0, bench.READOUT, False)]
    for i in (1, 2):
        body = (
            f"{bench.LEADS[i]}\n\nThe State Department said: “{first}”\n\n"
            f"The Secretary encouraged Pakistan “{phrase}”, the department added."
        )
        rows.append({"text": body, "outlet": f"Outlet {i}", "date": "2026-03-03"})
    result = analyse([Source("phrase.jsonl", "\n".join(json.dumps(r) for r in rows))])
    sentence = _sentence(result, "emergency response")
    assert sentence.text == FOURTH
    taken_up = [w for w in sentence.witnesses if w.text == phrase]
    assert len(taken_up) == 2
    assert all(not w.differences for w in taken_up)
