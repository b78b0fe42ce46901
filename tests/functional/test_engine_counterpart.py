"""The counterpart's side (issue 10): its government's own readout of a call, built from
quotations of it, and the articles' reported speech of that account joining its sentences.
Small stories written for each shape; none of these names is known to the engine."""

from __future__ import annotations

import pytest

from readout_diff import Source, analyse
from readout_diff.model import PassageKind, Readout, Result

LEAD = (
    "Secretary of State Karl Halvorsen spoke with Norwegian Foreign Minister Tomas "
    "Eriksen on Friday, May 8, 2026.\n\n"
    "“The Secretary urged Norway to host the next round of technical talks,” the "
    "State Department said.\n\n"
)
QUOTED_A = LEAD + (
    "“I hope the United States will act responsibly and play a constructive role for "
    "peace in the region,” Eriksen told Halvorsen, according to a readout from "
    "Norway’s Foreign Ministry.\n"
)
QUOTED_B = LEAD + (
    "“I hope the United States will conduct itself properly and play a constructive "
    "role for peace in the region,” Eriksen said, according to the Norwegian foreign "
    "ministry’s statement.\n"
)
# an outlet that names no ministry and tells the counterpart's account in its own words
PLAIN = "Fisheries were on the agenda as well.\n\n"


def _analyse(*extra: str) -> Result:
    sources = [Source("a.txt", QUOTED_A), Source("b.txt", QUOTED_B)]
    sources += [Source(f"c{i}.txt", text) for i, text in enumerate(extra)]
    return analyse(sources)


def _own(result: Result) -> Readout:
    (own,) = [r for r in result.readouts if r.issuer == "Norway's Foreign Ministry"]
    return own


def _carried(readout: Readout) -> list[tuple[str, PassageKind]]:
    return sorted((w.document, w.kind) for s in readout.sentences for w in s.witnesses)


QUOTES_ONLY = [("a", PassageKind.QUOTE), ("b", PassageKind.QUOTE)]


@pytest.mark.parametrize(
    "speech",
    [
        # by name, with a reporting verb after it
        "Eriksen told Halvorsen that the United States should act responsibly and play a "
        "constructive role for peace in the region.",
        # by the country's capital
        "Oslo urged Washington to act responsibly and to play a constructive role for "
        "peace in the region.",
        # by title and demonym
        "The Norwegian minister said Washington should act responsibly and play a "
        "constructive role for peace in the region.",
        # by a pronoun whose last named person is the counterpart; few words in a row
        "Eriksen raised the fishing quotas.\n\nHe said Washington must act responsibly and "
        "play a constructive part for regional peace.",
    ],
)
def test_the_counterparts_account_in_reported_speech_joins_its_readout(speech: str) -> None:
    result = _analyse(PLAIN + speech + "\n")
    own = _own(result)
    assert _carried(own) == [*QUOTES_ONLY, ("c0", PassageKind.PARAPHRASE)]
    # the quoted wording stays the base; the paraphrase is only a witness of it
    assert [s.text for s in own.sentences] == [s.text for s in _own(_analyse()).sentences]
    caller = [r for r in result.readouts if r is not own]
    assert all(w.document != "c0" for r in caller for s in r.sentences for w in s.witnesses)


def test_reported_speech_of_no_named_side_joins_on_a_long_run_of_its_words() -> None:
    speech = (
        "Both governments agreed that the United States would act responsibly and play a "
        "constructive role for peace in the region.\n"
    )
    own = _own(_analyse(PLAIN + speech))
    assert _carried(own) == [*QUOTES_ONLY, ("c0", PassageKind.PARAPHRASE)]


@pytest.mark.parametrize(
    "speech",
    [
        # "He" after the caller was last named is the caller reporting
        "Halvorsen raised the fishing quotas.\n\nHe said Washington must act responsibly "
        "and play a constructive part for regional peace.",
        # the counterpart's country after the caller as subject is no reporter of its own
        "Halvorsen, a longtime Norway hawk, said Washington must act responsibly and play a "
        "constructive part for regional peace.",
    ],
)
def test_the_same_words_from_the_callers_side_stay_out_of_the_counterparts_readout(
    speech: str,
) -> None:
    """A few shared words in no long run are not enough without the counterpart's side
    reporting them."""
    assert _carried(_own(_analyse(PLAIN + speech + "\n"))) == QUOTES_ONLY


def test_what_the_counterpart_told_reporters_stays_out() -> None:
    speech = (
        "Eriksen told reporters in Oslo that the United States should act responsibly and "
        "play a constructive role for peace in the region.\n"
    )
    result = _analyse(PLAIN + speech)
    assert _carried(_own(result)) == QUOTES_ONLY
    assert all(
        w.document != "c0" for r in result.readouts for s in r.sentences for w in s.witnesses
    )


def test_reported_speech_alone_makes_no_readout_of_the_counterparts_side() -> None:
    """Two outlets telling the ministry's account in their own words, no quotation: no
    readout of that ministry."""
    told = LEAD + (
        "Eriksen told Halvorsen that the United States should act responsibly and play a "
        "constructive role for peace in the region, according to Norway’s Foreign Ministry.\n"
    )
    result = analyse([Source("a.txt", told), Source("b.txt", told.replace("told", "urged"))])
    assert [r.issuer for r in result.readouts] == ["State Department"]


def test_their_side_told_alike_by_two_outlets_is_a_sentence_of_its_readout() -> None:
    """A sentence of the counterpart's account that no one quotes, told in reported speech
    by two independent outlets, stands in its readout (built on the quoted sentence);
    told by one outlet only, it does not."""
    told = [
        "Eriksen told Halvorsen that Norway would expand its Arctic patrols next year.",
        "Eriksen said Oslo will expand Arctic patrols next year, according to Norwegian media.",
    ]
    both = _own(_analyse(*(PLAIN + t + "\n" for t in told)))
    assert len(both.sentences) == 2
    (agreed,) = [s for s in both.sentences if "patrols" in s.text]
    assert sorted(w.document for w in agreed.witnesses) == ["c0", "c1"]
    assert [s.text for s in _own(_analyse(PLAIN + told[0] + "\n")).sentences] == [
        s.text for s in _own(_analyse()).sentences
    ]


@pytest.mark.parametrize(("quoted", "in_own"), [("Eriksen", True), ("Halvorsen", False)])
def test_a_quotation_the_readout_is_quoted_as_saying_is_that_persons(
    quoted: str, in_own: bool
) -> None:
    """“…,” the readout quoted X as saying: X's words, in X's side's readout when X is
    the counterpart."""
    text = (
        "Both sides should “keep up the dialogue on fisheries and on Arctic shipping "
        f"lanes,” the readout quoted {quoted} as saying.\n"
    )
    own = _own(_analyse(PLAIN + text))
    found = [s.text for s in own.sentences if "fisheries" in s.text]
    assert found == (
        ["Keep up the dialogue on fisheries and on Arctic shipping lanes."] if in_own else []
    )


# The counterpart's own words, quoted with no readout or office credited.
PLEDGE = "“We will expand our Arctic patrols next year and invite observers from the region,”"


def _sentence_with(readout: Readout, word: str) -> list[list[str]]:
    return [sorted(w.document for w in s.witnesses) for s in readout.sentences if word in s.text]


def _unassigned_from(result: Result, document: str) -> list[str]:
    return [p.text for p in result.unassigned if p.document == document]


@pytest.mark.parametrize(
    "text",
    [
        f"Eriksen told Halvorsen: {PLEDGE[:-2]}.”",
        f"{PLEDGE} Eriksen said during the phone call.",
        f"{PLEDGE} Eriksen said in their call.",
    ],
)
def test_their_quotation_in_a_sentence_telling_the_call_founds_a_sentence(text: str) -> None:
    """Once two credited quotations make the readout exist, one outlet's quotation of the
    counterpart in a sentence that reports the call is a sentence of it."""
    own = _own(_analyse(PLAIN + text + "\n"))
    assert _sentence_with(own, "patrols") == [["c0"]]


def test_their_lone_quotation_elsewhere_founds_no_sentence() -> None:
    result = _analyse(PLAIN + f"{PLEDGE} Eriksen said.\n")
    assert _sentence_with(_own(result), "patrols") == []
    assert _unassigned_from(result, "c0") == [PLEDGE[1:-1]]


def test_their_quotation_told_alike_by_two_outlets_is_a_sentence() -> None:
    """Two independent outlets quoting the counterpart alike, crediting nothing: a sentence
    of the readout that credited quotations made exist."""
    second = "“We will expand our Arctic patrols next year and invite regional observers,”"
    own = _own(_analyse(*(PLAIN + f"{q} Eriksen said.\n" for q in (PLEDGE, second))))
    assert _sentence_with(own, "patrols") == [["c0", "c1"]]


@pytest.mark.parametrize(
    "text",
    [
        # by name, not in a sentence telling the call
        "“I hope the United States will act responsibly and play a constructive role for "
        "peace in the region,” Eriksen said.",
        # by a pronoun whose last named person is the counterpart, in a sentence of its own
        "Eriksen spoke of the Arctic.\n\n“We want calm in the north,” he said. “I hope the "
        "United States will act responsibly and play a constructive role for peace in the "
        "region.”",
    ],
)
def test_their_quotation_of_a_sentence_of_the_readout_joins_it(text: str) -> None:
    result = _analyse(PLAIN + text + "\n")
    assert _sentence_with(_own(result), "constructive") == [["a", "b", "c0"]]
    assert all("calm" not in s.text for s in _own(result).sentences)


def test_their_quotation_to_reporters_stays_out() -> None:
    text = f"{PLEDGE} Eriksen told reporters after the call."
    second = f"{PLEDGE} Eriksen told journalists."
    result = _analyse(PLAIN + text + "\n", PLAIN + second + "\n")
    assert _sentence_with(_own(result), "patrols") == []


def test_their_quotations_alone_make_no_readout_of_their_side() -> None:
    """Uncredited quotations of the counterpart never make the readout exist, even in
    sentences that report the call."""
    text = LEAD + f"Eriksen told Halvorsen: {PLEDGE[:-2]}.”\n"
    result = analyse([Source("a.txt", text), Source("b.txt", text.replace("told", "urged"))])
    assert [r.issuer for r in result.readouts] == ["State Department"]


def test_a_sentence_told_only_in_reported_speech_leaves_out_the_attribution() -> None:
    told = [
        "Norway will expand its Arctic patrols next year, Eriksen said.",
        "Norway will expand its Arctic patrols next year, the Norwegian minister said.",
    ]
    own = _own(_analyse(*(PLAIN + t + "\n" for t in told)))
    assert [s.text for s in own.sentences if "patrols" in s.text] == [
        "Norway will expand its Arctic patrols next year"
    ]
