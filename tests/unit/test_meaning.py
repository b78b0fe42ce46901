"""Meaning changes in reported speech (issue 10) and meaning-bearing small words (issue 15,
item 4), on texts written for each case: what `readout_diff.meaning` says a changed stretch
does to what its source says, through the engine's differences and `check --paraphrase`."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readout_diff.check.paraphrase import meaning_changes
from readout_diff.differences import classify, diff
from readout_diff.entities import canonicalise, country_gazetteer, detect_cast
from readout_diff.meaning import force_of, shifts
from readout_diff.model import DifferenceKind as K
from readout_diff.normalise import tokenise
from readout_diff.speech import reports_caller

GAZ = country_gazetteer()


def _classified(base: str, witness: str, paraphrase: bool) -> list[tuple[K, str, str, bool]]:
    b, w = canonicalise(tokenise(base), GAZ), canonicalise(tokenise(witness), GAZ)
    return [
        (d.kind, d.base, d.witness, d.substantive)
        for d in diff(b, base, w, witness, reported=b if paraphrase else None)
    ]


@pytest.mark.parametrize(
    ("base", "witness"),
    [
        ("He encouraged Borduria to talk.", "He discouraged Borduria to talk."),  # polarity
        ("He said they would act.", "He said they would not act."),  # negation
        ("He asked Borduria to talk.", "He demanded Borduria talk."),  # force
        ("He encouraged Borduria to talk.", "He told Borduria to talk."),  # an order
        ("He is troubled by the advance.", "He is gravely troubled by the advance."),  # force
        ("He urged Kenya to talk.", "He urged Uganda to talk."),  # target
        ("He urged Kenya to talk.", "He urged both sides to talk."),  # widened target
        (
            "He reaffirmed respect for its sovereignty.",
            "He reaffirmed support for its sovereignty.",
        ),
        ("Kenya urged Uganda to talk.", "Uganda urged Kenya to talk."),  # who urged whom
        ("He asked Kenya to talk.", "He urged Kenya to talk."),  # force
        ("He urged Kenya to talk.", "He urged Kenya and Uganda to talk."),  # an added actor
        ("He said they did not act.", "He said they acted."),  # polarity
        ("He welcomed the talks.", "He condemned the talks."),  # polarity
        ("He backed the government's plan.", "He backed the government's new plan."),
        ("He discussed the war.", "He discussed the war and the ministry's sanctions."),
        ("The two sides agreed to meet.", "The three sides agreed to meet."),
        (
            "He condemned the brutal attacks by Borduria.",
            "He condemned the Borduria attacks.",
        ),  # a claim word dropped while the rest is moved
        (
            "He reaffirmed respect for its sovereignty.",
            "He reaffirmed respect for its sovereignty and called for sanctions.",
        ),  # an added claim
    ],
)
def test_meaning_changes_in_reported_speech_are_substantive(base: str, witness: str) -> None:
    assert any(s for *_, s in _classified(base, witness, paraphrase=True))


@pytest.mark.parametrize(
    ("base", "witness"),
    [
        ("The Secretary urged Borduria to talk.", "Ms Castell urged Borduria to talk."),
        ("He urged Borduria to talk.", "He called on Borduria to talk."),
        ("The United States will push for a halt.", "Washington would push for a halt."),
        ("He said we support the talks.", "He said they support the talks."),
        ("He enhanced steps to restore calm.", "He intensified measures to restore calm."),
        ("He spoke with Valek.", "He spoke with Valek in a phone call on Saturday."),
        ("He emphasized that talks go on.", "He told Valek that talks go on."),
        ("He urged President Aliyev to talk.", "He urged President Aliyev of Azerbaijan to talk."),
        (
            "pursue a U.S.-PRC relationship that lasts",
            "pursue a relationship with China that lasts",
        ),
        ("We will push for a halt.", "The United States would push for a halt."),  # person
        ("The US will push for a halt.", "Washington will push for a halt."),
        ("He urged Kenya to talk.", "He urged Kenya's government to talk."),
        ("He urged the Kenyan government to talk.", "He urged Nairobi to talk."),
        (
            "pursue a US-China relationship that serves US interests",
            "pursue a relationship with China that serves US interests",
        ),
        ("urged them to get along.", "urged them to get along with each other."),  # reciprocal
        ("Ties are at a new juncture.", "Ties have come to a new juncture."),  # linking verb
        ("He condemned the attacks by Borduria.", "He condemned the Borduria attacks."),
        ("the Trump Administration will act", "the second Trump administration would act"),
        (
            "He discussed the war in Borduria.",
            "He discussed the war in Borduria, the State Department said in a statement.",
        ),  # an attribution kept inside the measured stretch
        ("He discussed the war.", "He discussed the war, according to the foreign ministry."),
        ("The two sides agreed to meet.", "Both sides agreed to meet."),  # the parties
        ("The two sides agreed to meet.", "They agreed to meet."),
        ("Kenya and Uganda agreed to meet.", "The two countries agreed to meet."),
        ("He welcomed the release of the hostages.", "He welcomed the hostages' release."),
        (
            "Castell stressed the need for talks.",
            "Castell, speaking by phone, stressed the need for talks.",
        ),
    ],
)
def test_faithful_rewordings_of_reported_speech_are_cosmetic(base: str, witness: str) -> None:
    assert not any(s for *_, s in _classified(base, witness, paraphrase=True))


@pytest.mark.parametrize(
    ("base", "witness", "substantive"),
    [
        ("measures against Taiwan", "measures in Taiwan", True),
        ("talks without conditions", "talks with conditions", True),
        ("a vote against the plan", "a vote for the plan", True),
        ("they will not attend", "they will attend", True),
        ("there is no deal", "there is a deal", True),
        ("sorrow for the lives lost", "sorrow over the lives lost", False),
        ("they must attend", "they may attend", True),
    ],
)
def test_small_words_that_carry_the_meaning(base: str, witness: str, substantive: bool) -> None:
    for paraphrase in (False, True):
        found = _classified(base, witness, paraphrase)
        assert found and any(s for *_, s in found) == substantive, (paraphrase, found)


def test_tense_shifts_of_reported_speech_are_cosmetic() -> None:
    assert not any(s for *_, s in _classified("they will attend", "they would attend", True))


CAST = detect_cast(["Secretary Castell spoke with Ruritanian Foreign Minister Petra Valek."])


def _cast_toks(text: str):  # type: ignore[no-untyped-def]
    return canonicalise(tokenise(text), CAST.gazetteer)


def test_check_tells_the_real_flip() -> None:
    changes = meaning_changes(
        _cast_toks("Castell expressed concern and discouraged continued efforts to talk."),
        _cast_toks("The Secretary expressed concern and encouraged continued efforts to talk."),
    )
    assert changes == [
        'paraphrase says "discouraged" where the source says "encouraged", its opposite'
    ]


def _cast_classified(base: str, witness: str) -> list[tuple[K, str, str, bool]]:
    b, w = _cast_toks(base), _cast_toks(witness)
    return [
        (d.kind, d.base, d.witness, d.substantive) for d in diff(b, base, w, witness, reported=b)
    ]


@pytest.mark.parametrize(
    ("base", "witness", "changed"),
    [
        # the person spoken to is the call's other party, which a readout leaves unnamed
        (
            "Castell emphasized that the talks will go on.",
            "Castell told Valek that the talks will go on.",
            ("emphasized", "told Valek", False),
        ),
        # a government named as a body, and its minister named for it
        (
            "He urged the government to talk.",
            "He urged Foreign Minister Valek to talk.",
            ("the government", "Foreign Minister Valek", False),
        ),
        # another country put for the body is another party
        (
            "He urged the government to talk.",
            "He urged Kenya to talk.",
            ("the government", "Kenya", True),
        ),
        # "will" gained or lost alone is a tense
        ("They are set to begin talks.", "They will begin talks.", ("are set to", "will", False)),
        ("They must begin talks.", "They will begin talks.", ("must", "will", True)),
    ],
)
def test_who_and_when_in_a_rewording(
    base: str, witness: str, changed: tuple[str, str, bool]
) -> None:
    assert [(b, w, s) for _, b, w, s in _cast_classified(base, witness)] == [changed]


def test_an_intensifier_lost_in_a_rewording_is_a_change_of_its_own() -> None:
    assert _cast_classified(
        "He stressed unity and serious concern over the raids.",
        "He expressed concern over the raids.",
    ) == [
        (K.WORDING_CHANGE, "stressed unity and", "expressed", False),
        (K.OMISSION, "serious", "", True),
    ]


def test_a_first_name_before_a_known_name_is_framing() -> None:
    found = _cast_classified(
        "The Secretary urged Valek to talk.",
        "Secretary Norah Castell on Monday urged Valek to talk.",
    )
    assert found and not any(s for *_, s in found)


def test_reported_speech_that_stops_reporting_does_not_drop_the_rest() -> None:
    # past "restraint" it only frames: the rest of the clause was never taken up
    stopped = _cast_classified(
        "He stressed the need for restraint and assured Valek that talks would go on.",
        "He stressed the need for restraint during the call with Valek.",
    )
    assert stopped[-1] == (K.OMISSION, "that talks would go on", "", False)
    assert not any(s for *_, s in stopped)
    # reported to its end, a shorter clause drops words
    dropped = _cast_classified(
        "He stressed the need for restraint and calm.", "He stressed the need for restraint."
    )
    assert dropped == [(K.OMISSION, "and calm", "", True)]


def test_check_compares_the_verb_before_the_first_shared_word() -> None:
    # the stretches line up from "Ruritania's": the verbs before it still count
    changes = meaning_changes(
        _cast_toks("Castell also discouraged Ruritania's continued efforts to talk."),
        _cast_toks("He expressed concern and encouraged Ruritania's continued efforts to talk."),
    )
    assert changes == [
        'paraphrase says "discouraged" where the source says "encouraged", its opposite'
    ]
    assert (
        meaning_changes(
            _cast_toks("Castell also encouraged Ruritania's continued efforts to talk."),
            _cast_toks(
                "He expressed concern and encouraged Ruritania's continued efforts to talk."
            ),
        )
        == []
    )


def test_discouraging_is_a_request_verb_of_its_own() -> None:
    assert force_of("discouraged") == force_of("encouraged") == 1
    assert reports_caller(_cast_toks("Castell discouraged Ruritania's efforts to talk."))


MEANING_WORDS = [
    "urged",
    "encouraged",
    "discouraged",
    "asked",
    "demanded",
    "told",
    "not",
    "never",
    "didn't",
    "will",
    "must",
    "deep",
    "gravely",
    "support",
    "respect",
    "concern",
    "de-escalate",
    "escalate",
    "continue",
    "halt",
    "talks",
    "against",
    "in",
    "the",
    "and",
    "to",
]
_TYPESET = str.maketrans({"'": "’", "-": "‑"})


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(MEANING_WORDS), min_size=1, max_size=8),
    st.lists(st.sampled_from(MEANING_WORDS), min_size=1, max_size=8),
    st.lists(st.sampled_from([str.lower, str.upper, str.title]), min_size=8, max_size=8),
)
def test_a_meaning_verdict_does_not_depend_on_case_or_typography(
    base: list[str], witness: list[str], cases: list[Callable[[str], str]]
) -> None:
    typeset = [case(w).translate(_TYPESET) for w, case in zip(witness, cases, strict=False)]
    plain = _classified(" ".join(base), " ".join(witness), paraphrase=True)
    styled = _classified(" ".join(base), " ".join(typeset), paraphrase=True)
    assert any(s for *_, s in plain) == any(s for *_, s in styled)
    assert bool(shifts(tokenise(" ".join(base)), tokenise(" ".join(witness)))) == bool(
        shifts(tokenise(" ".join(base)), tokenise(" ".join(typeset)))
    )


@pytest.mark.parametrize(
    ("base", "witness", "dropped"),
    [
        ("to continue and enhance steps to", "calling on the officials to", True),
        ("stressed the commitment to allies in the region and", "expressed", True),
        ("continue and enhance steps", "continue and intensify measures", False),
        ("also stressed that", "told reporters that", False),
        ("and assured Prime Minister", "during the call with", False),
    ],
)
def test_a_rewording_that_leaves_out_claims_drops_them(
    base: str, witness: str, dropped: bool
) -> None:
    assert classify(tokenise(base), tokenise(witness), paraphrase=True)[1] == dropped


def test_words_taken_from_elsewhere_in_the_base_sentence_were_moved() -> None:
    """Reported speech measured against one stretch of a base sentence may take words from
    the rest of it ("urged them to find the right way to get along" beside "finding the
    right way for them to get along"): given the whole sentence, they are not added."""
    sentence_text = "Both agreed on finding the right way for Kenya and Uganda to get along."
    sentence = canonicalise(tokenise(sentence_text), GAZ)
    covered = [t for t in sentence if t.start >= sentence_text.index("Kenya")][:-1]
    witness_text = "He urged Kenya and Uganda to find the right way to get along."
    witness = canonicalise(tokenise(witness_text), GAZ)[2:-1]

    def found(whole: tuple[object, ...]) -> list[tuple[K, str, bool]]:
        ds = diff(covered, sentence_text, witness, witness_text, reported=whole)  # type: ignore[arg-type]
        return [(d.kind, d.witness, d.substantive) for d in ds]

    assert found(tuple(sentence)) == [(K.ADDITION, "find the right way to", False)]
    assert found(()) == [(K.ADDITION, "find the right way to", True)]
