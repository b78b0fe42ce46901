"""Readout identity from evidence (issue 14): caller, issuer, day and counterpart, on small
stories written for each shape. None of these names is known to the engine."""

from __future__ import annotations

from pathlib import Path

from readout_diff import analyse
from readout_diff.model import Role
from readout_diff.pipeline import Source


def report(name: str, text: str) -> Source:
    return Source(name, text, Role.REPORT)


def official(name: str, text: str) -> Source:
    return Source(name, text, Role.OFFICIAL)


def labels(result) -> list[tuple[str | None, str, str | None]]:  # type: ignore[no-untyped-def]
    return sorted((r.caller, r.counterpart, r.date) for r in result.readouts)


TWO_YEARS = [
    report(
        "2022_a.md",
        "---\ndate: 2022-03-02\n---\nSecretary of State Anna Berg spoke with Norwegian Foreign "
        "Minister Lars Dahl on Tuesday. The Secretary urged restraint and reaffirmed support for "
        "the Arctic Council, the State Department said.\n",
    ),
    report(
        "2022_b.md",
        "---\ndate: 2022-03-02\n---\nBerg spoke with Dahl on Tuesday. \u201cThe Secretary "
        "urged restraint and reaffirmed support for the Arctic Council,\u201d the State "
        "Department said.\n",
    ),
    report(
        "2025_a.md",
        "---\ndate: 2025-06-12\n---\nSecretary of State Tom Reyes spoke with Norwegian Foreign "
        "Minister Eva Lund on Wednesday. The Secretary welcomed cooperation on fisheries and "
        "discussed shipping lanes, the State Department said.\n",
    ),
    report(
        "2025_b.md",
        "---\ndate: 2025-06-12\n---\nReyes spoke with Lund on Wednesday. \u201cThe Secretary "
        "welcomed cooperation on fisheries and discussed shipping lanes,\u201d the department "
        "said in a readout.\n",
    ),
]


def test_two_years_two_secretaries_each_readout_has_its_own_caller() -> None:
    result = analyse(TWO_YEARS)
    assert labels(result) == [
        ("Anna Berg", "Lars Dahl", "2022-03-01"),
        ("Tom Reyes", "Eva Lund", "2025-06-11"),
    ]
    assert {r.issuer for r in result.readouts} == {"State Department"}


THIRD_PARTY = [
    report(
        "wire.md",
        "---\ndate: 2024-09-14\n---\nSecretary of State Anna Berg spoke with Moldovan President "
        "Ion Rusu on Friday. Berg urged calm and expressed support for Moldova's sovereignty, "
        "the State Department said.\n\nFrench President Paul Marchand also spoke with Rusu on "
        "Friday. Marchand urged calm and called for talks.\n",
    ),
    report(
        "daily.md",
        "---\ndate: 2024-09-14\n---\nBerg spoke with Rusu on Friday. \u201cThe Secretary urged "
        "calm and expressed support for Moldova's sovereignty,\u201d State Department "
        "spokesperson Mia Holt said. Marchand spoke with Rusu as well and Marchand urged calm.\n",
    ),
]


def test_a_third_party_who_phoned_the_same_leader_is_not_the_caller() -> None:
    result = analyse(THIRD_PARTY)
    assert labels(result) == [("Anna Berg", "Ion Rusu", "2024-09-13")]
    words = " ".join(s.text for r in result.readouts for s in r.sentences)
    assert "Marchand" not in words and "talks" not in words


COUNTERPART_SIDE = [
    report(
        "a.md",
        "---\ndate: 2024-05-03\n---\nSecretary of State Anna Berg spoke with Kenyan Foreign "
        "Minister Amos Kariuki on Thursday. The Secretary thanked Kenya for its leadership in "
        "Haiti, the State Department said. Kariuki told Berg that Kenya expects more funding for "
        "the mission, according to Kenya's foreign ministry.\n",
    ),
    report(
        "b.md",
        "---\ndate: 2024-05-03\n---\nBerg spoke with Kariuki on Thursday. \u201cThe Secretary "
        "thanked Kenya for its leadership in Haiti,\u201d the State Department said. Kariuki "
        "posted on X that he had a productive conversation with Secretary Berg about funding.\n",
    ),
]


def test_the_counterparts_own_account_never_enters_the_callers_readout() -> None:
    result = analyse(COUNTERPART_SIDE)
    assert labels(result) == [("Anna Berg", "Amos Kariuki", "2024-05-02")]
    words = " ".join(w.text for r in result.readouts for s in r.sentences for w in s.witnesses)
    assert "funding" not in words


def test_a_call_told_from_the_counterparts_side_still_has_the_secretary_as_caller() -> None:
    result = analyse(
        [
            report(
                "a.md",
                "---\ndate: 2024-05-03\n---\nKenyan Foreign Minister Amos Kariuki held a phone "
                "conversation with US Secretary of State Anna Berg on Thursday. The Secretary "
                "thanked Kenya for its leadership in Haiti, the State Department said.\n",
            ),
            *COUNTERPART_SIDE[1:],
        ]
    )
    assert labels(result) == [("Anna Berg", "Amos Kariuki", "2024-05-02")]


def test_a_weekday_call_reported_the_next_day_abroad_is_one_readout() -> None:
    late = (
        "---\ndate: 2024-11-07\n---\nWASHINGTON \u2014 Secretary of State Anna Berg spoke late "
        "Wednesday with Japanese Foreign Minister Kenji Mori. \u201cThe Secretary reaffirmed "
        "the alliance and discussed export controls,\u201d the State Department said.\n"
    )
    next_day = (
        "---\ndate: 2024-11-07\n---\nTOKYO \u2014 Mori spoke with Berg on Thursday morning "
        "Tokyo time. \u201cThe Secretary reaffirmed the alliance and discussed export "
        "controls,\u201d the department said.\n"
    )
    result = analyse([report("us.md", late), report("jp.md", next_day)])
    assert labels(result) == [("Anna Berg", "Kenji Mori", "2024-11-06")]
    assert result.readouts[0].date_evidence == "the call day named in 1 article"


def test_a_body_only_official_text_takes_its_counterpart_from_its_content() -> None:
    body = (
        "The Secretary urged Armenia to pursue dialogue and expressed condolences for the "
        "lives lost in the flooding. He reaffirmed United States support for peace in the region."
    )
    article = (
        "Secretary of State Anna Berg spoke with Armenian Foreign Minister Ararat Mkrtchyan on "
        "Tuesday. The Secretary urged Armenia to pursue dialogue and expressed condolences for "
        "the lives lost in the flooding, the State Department said.\n"
    )
    result = analyse(
        [report("a.md", "---\ndate: 2026-03-11\n---\n" + article)],
        official=[official("2026-03-10_minister.txt", body)],
    )
    [readout] = result.readouts
    assert (readout.counterpart, readout.date) == ("Ararat Mkrtchyan", "2026-03-10")
    assert readout.date_evidence == "the official text (file name)"
    assert [n.message for n in result.notices] == [
        "dated from its file name: no date in its text or metadata"
    ]


def test_an_article_with_its_url_on_the_first_line_is_named_by_its_host() -> None:
    text = (
        "https://www.example-news.com/world/berg-call\n\nSecretary of State Anna Berg spoke "
        "with Kenyan Foreign Minister Amos Kariuki on Thursday.\n"
    )
    result = analyse([report("9f3a1c.txt", text)])
    [doc] = result.documents
    assert (doc.outlet, doc.url) == (
        "example-news.com",
        "https://www.example-news.com/world/berg-call",
    )


def test_news_prose_alone_never_makes_a_readout() -> None:
    prose = (
        "---\ndate: 2024-05-03\n---\nThe minister urged calm after the floods. Aid "
        "groups reported rising needs in the north.\n"
    )
    assert (
        analyse([report("a.md", prose), report("b.md", prose.replace("floods", "storm"))]).readouts
        == ()
    )


def test_the_counterparts_translated_readout_is_one_readout_of_its_issuer() -> None:
    """Two outlets quote the counterpart ministry's readout in two translations: one
    readout of that issuer, the translations versions of one sentence; a remark the
    counterpart made to reporters stays unassigned."""
    from readout_diff import Source, analyse

    lead = (
        "Secretary of State Karl Halvorsen spoke with Norwegian Foreign Minister Tomas "
        "Eriksen on Friday, May 8, 2026.\n\n"
        "“The Secretary urged Norway to host the next round of technical talks,” the "
        "State Department said.\n\n"
    )
    a = lead + (
        "“I hope the United States will act responsibly and play a constructive role for "
        "peace in the region,” Eriksen told Halvorsen, according to a readout from "
        "Norway’s Foreign Ministry.\n"
    )
    b = lead + (
        "“I hope the United States will conduct itself properly and play a constructive "
        "role for peace in the region,” Eriksen said, according to the Norwegian foreign "
        "ministry’s statement.\n\n"
        "“We will not be rushed,” Eriksen told reporters in Oslo.\n"
    )
    result = analyse([Source("a.txt", a), Source("b.txt", b)])
    (own,) = [r for r in result.readouts if r.issuer and r.issuer.startswith("Norway")]
    assert own.issuer == "Norway's Foreign Ministry"
    assert (own.caller, own.counterpart, own.date) == (
        "Karl Halvorsen",
        "Tomas Eriksen",
        "2026-05-08",
    )
    (sentence,) = own.sentences
    assert sorted(w.document for w in sentence.witnesses) == ["a", "b"]
    changes = {(d.base, d.witness) for w in sentence.witnesses for d in w.differences}
    assert any("responsibly" in x or "properly" in x for pair in changes for x in pair)
    caller_side = [r for r in result.readouts if r is not own]
    assert [r.issuer for r in caller_side] == ["State Department"]
    assert not any("constructive role" in s.text for r in caller_side for s in r.sentences)
    assert any(p.text.startswith("We will not be rushed") for p in result.unassigned)


def test_the_counterparts_office_is_named_in_any_case() -> None:
    from readout_diff.identity import counterpart_issuer_of

    texts = [
        "Halvorsen said, according to Oslo's foreign ministry.",
        "according to a readout from Norway’s Ministry of Foreign Affairs",
        "The Norwegian foreign ministry readout also said ...",
    ]
    found = counterpart_issuer_of(texts, "country:no")
    assert (found.value, found.evidence) == (
        "Norway's Foreign Ministry",
        "credited by 3 of 3 documents",
    )
    # the caller's own department is not the counterpart's office
    assert counterpart_issuer_of(["the State Department said"], "country:no").value == (
        "Norway's government"
    )


SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_one_article_alone_finds_and_dates_its_readouts() -> None:
    """Issue 11, item 4: seed 002 alone (no date of its own, "Rubio on May 8, in separate
    phone calls with ...") and seed 003 alone ("... with US @SecRubio yesterday")."""
    alone = analyse([str(SEEDS / "002_9ec8bcdebe72d600.txt")])
    assert labels(alone) == [
        ("Marco Rubio", "S Jaishankar", "2025-05-08"),
        ("Marco Rubio", "Shehbaz Sharif", "2025-05-08"),
    ]
    words = [s.text for r in alone.readouts for s in r.sentences]
    assert "The Secretary emphasized the need for immediate de-escalation." in words
    assert not any(p.note == "not worded as a readout" for p in alone.unassigned)
    assert {r.issuer for r in alone.readouts} == {None}  # a caption's White House is no credit
    other = analyse([str(SEEDS / "003_d4c81fa190252cbf.txt")])
    assert {r.date for r in other.readouts} == {"2025-04-30"}
    assert {r.date_evidence for r in other.readouts} == {"the call day named in 1 article"}


def test_reported_speech_pinned_on_another_call_stays_out_of_an_official_readout() -> None:
    """The article says the words were said to Lund; the official text with those words
    is the Dahl readout. A quotation would be kept there with its claim noted; reported
    speech, the outlet's own words, is not a version of the Dahl readout."""
    dahl = (
        "Secretary of State Anna Berg spoke today with Norwegian Foreign Minister Lars Dahl. "
        "The Secretary underscored support for the Arctic Council and for freedom of navigation."
    )
    article = (
        "---\ndate: 2022-03-02\n---\nSecretary of State Anna Berg spoke with Danish Foreign "
        "Minister Eva Lund on Tuesday. In the call with Lund, Berg underscored support for the "
        "Arctic Council and for freedom of navigation, the State Department said.\n"
    )
    other = (
        "---\ndate: 2022-03-02\n---\nBerg spoke with Dahl on Tuesday. \u201cThe Secretary "
        "underscored support for the Arctic Council and for freedom of navigation,\u201d the "
        "department said.\n"
    )
    result = analyse(
        [report("lund.md", article), report("dahl.md", other)],
        official=[official("2022-03-01_dahl.txt", dahl)],
    )
    dahl_readout = next(r for r in result.readouts if r.counterpart == "Lars Dahl")
    carried = {w.document for s in dahl_readout.sentences for w in s.witnesses}
    assert carried == {"dahl"}
