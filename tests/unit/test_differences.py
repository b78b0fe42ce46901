from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from readout_diff.differences import apply, classify, diff
from readout_diff.entities import canonicalise, country_gazetteer
from readout_diff.model import DifferenceKind as K
from readout_diff.normalise import tokenise


def run(base: str, witness: str, paraphrase: bool = False) -> list[tuple[K, str, str, bool]]:
    gaz = country_gazetteer()
    b, w = canonicalise(tokenise(base), gaz), canonicalise(tokenise(witness), gaz)
    found = diff(b, base, w, witness, reported=b if paraphrase else None)
    assert apply(base, b[0].start, b[-1].end, found, witness) == witness[w[0].start : w[-1].end]
    return [(d.kind, d.base, d.witness, d.substantive) for d in found]


def test_classification_table() -> None:
    assert run(
        "He expressed his sorrow for the lives lost.",
        "He expressed deep sorrow over the innocent lives lost.",
    ) == [
        (K.ADDITION, "his", "deep", True),
        (K.WORDING_CHANGE, "for", "over", False),
        (K.ADDITION, "", "innocent", True),
    ]
    assert run("The Secretary emphasized the need.", "the Secretary emphasised the need.") == [
        (K.TYPOGRAPHY, "The", "the", False),
        (K.SPELLING_VARIANT, "emphasized", "emphasised", False),
    ]
    assert run(
        "They re-establish direct communications.", "They restore direct communications."
    ) == [(K.WORDING_CHANGE, "re-establish", "restore", True)]
    assert run("urged Pakistani officials to act.", "urged officials to act.") == [
        (K.OMISSION, "Pakistani", "", True)
    ]
    assert run("cooperation with India against terrorism.", "cooperation with India against…") == [
        (K.TRUNCATION, "terrorism.", "…", False)
    ]
    assert run("the United States' commitment", "the US’s commitment") == [
        (K.SPELLING_VARIANT, "United States'", "US’s", False)
    ]
    assert run("support for India", "support for New Delhi") == [
        (K.WORDING_CHANGE, "India", "New Delhi", False)
    ]
    assert run("improve communications.", "improve communications .") == [
        (K.TYPOGRAPHY, ".", ".", False)
    ]


def test_a_rewritten_phrase_reads_as_one_change() -> None:
    found = run(
        "work with India to de-escalate tensions and maintain peace in the region.",
        "work towards reducing regional tensions and keeping the peace in the region.",
        paraphrase=True,
    )
    assert [k for k, *_ in found] == [K.PARAPHRASE, K.WORDING_CHANGE]
    assert found[0][1:3] == ("with India to de-escalate", "towards reducing regional")


def test_reported_speech_aligns_on_shared_names_not_on_a_lone_and() -> None:
    # plain difflib anchors on the first "and" and leaves "Kenya" on both sides of it
    found = run(
        "He stressed the need for restraint and assured Kenya that the talks would go on.",
        "He urged Kenya and Uganda to cease hostilities and said the talks would go on.",
        paraphrase=True,
    )
    assert found == [
        (K.PARAPHRASE, "stressed the need for restraint and assured", "urged", True),
        (K.ADDITION, "that", "and Uganda to cease hostilities and said", True),
    ]


def test_reported_speech_aligns_a_name_with_or_without_its_possessive() -> None:
    found = run(
        "They welcomed the United States' unwavering support.",
        "They welcomed U.S. support.",
        paraphrase=True,
    )
    assert found == [
        (K.OMISSION, "the", "", False),
        (K.SPELLING_VARIANT, "United States'", "U.S.", False),
        (K.OMISSION, "unwavering", "", True),
    ]


def test_classify_function_words_only() -> None:
    b, w = tokenise("for the"), tokenise("over a")
    assert classify(b, w) == (K.WORDING_CHANGE, False)


WORDS = [
    "the",
    "Secretary",
    "urged",
    "India",
    "U.S.",
    "US",
    "to",
    "work",
    "with",
    "peace",
    "calm",
    ",",
    ".",
    "…",
    "de-escalation",
    "emphasised",
    "emphasized",
    "“",
    "”",
    "and",
    "deep",
    "gravely",
    "India's",
    "not",
    "stressed",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=25),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=25),
    st.booleans(),
)
def test_applying_the_differences_rebuilds_the_witness(
    base_words: list[str], witness_words: list[str], paraphrase: bool
) -> None:
    base, witness = " ".join(base_words), "  ".join(witness_words)
    gaz = country_gazetteer()
    b, w = canonicalise(tokenise(base), gaz), canonicalise(tokenise(witness), gaz)
    if not b or not w:
        return
    found = diff(b, base, w, witness, reported=b if paraphrase else None)
    assert apply(base, b[0].start, b[-1].end, found, witness) == witness[w[0].start : w[-1].end]
    for d in found:
        assert base[d.base_start : d.base_end].strip() == d.base
        assert witness[d.witness_start : d.witness_end].strip() == d.witness


def test_moved_words_are_not_lost() -> None:
    found = run("ahead of the meeting on 12 June.", "ahead of the meeting on June 12.")
    assert found == [(K.TYPOGRAPHY, "12 June", "June 12", False)]
    moved = run(
        "The Secretary today urged India to act.", "The Secretary urged India to act today."
    )
    assert moved == [
        (K.TRANSPOSITION, "today urged India to act", "urged India to act today", False)
    ]
    named = run("In Delhi the Secretary met Jaishankar.", "The Secretary met Jaishankar in Delhi.")
    assert [(k, sub) for k, _, _, sub in named] == [(K.TRANSPOSITION, True)]
    assert run("Brasília in July.", "Brasilia in July.") == [
        (K.SPELLING_VARIANT, "Brasília", "Brasilia", False)
    ]
