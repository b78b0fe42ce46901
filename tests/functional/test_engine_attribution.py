"""Attribution on small articles written for the case (names invented for the tests)."""

from __future__ import annotations

from readout_diff import Source, analyse
from readout_diff.model import Role

OFFICIAL_MAY_2 = (
    "Secretary Halvorsen spoke with Foreign Minister Tomas Eriksen of Norway today. "
    "The Secretary thanked Norway for its support of the ceasefire talks and welcomed "
    "Norway's pledge of humanitarian aid to the region."
)
OFFICIAL_MAY_9 = (
    "Secretary Halvorsen spoke with Foreign Minister Tomas Eriksen of Norway today. "
    "The Secretary encouraged Norway to host the next round of technical talks."
)


def _official(name: str, text: str) -> Source:
    return Source(name, text, Role.OFFICIAL)


def test_a_quote_pinned_on_the_wrong_day() -> None:
    article = (
        "US Secretary of State Karl Halvorsen spoke with Norwegian Foreign Minister Tomas "
        "Eriksen on May 9, 2026, officials said.\n\n"
        "“The Secretary thanked Norway for its support of the ceasefire talks and welcomed "
        "Norway's pledge of humanitarian aid to the region,” the readout said.\n"
    )
    result = analyse(
        [Source("courier.txt", article)],
        official=[
            _official("official_2026-05-02.txt", OFFICIAL_MAY_2),
            _official("official_2026-05-09.txt", OFFICIAL_MAY_9),
        ],
    )
    early = result.readout("2026-05-02-eriksen")
    (sentence,) = [s for s in early.sentences if "humanitarian aid" in s.text]
    (witness,) = sentence.witnesses
    assert witness.document == "courier"
    assert [(d.kind.value, d.base, d.witness) for d in witness.differences] == [
        ("typography", ".", ",")
    ]
    assert witness.claimed_readout == "2026-05-09-eriksen"


def test_first_person_briefing_and_a_counterparts_post_are_unassigned() -> None:
    article = (
        "Secretary of State Karl Halvorsen spoke with Foreign Minister Tomas Eriksen on "
        "Saturday, May 2, 2026.\n\n"
        "“The Secretary thanked Norway for its support of the ceasefire talks,” the "
        "department said.\n\n"
        "“We remain in close contact with our Norwegian partners,” a spokesperson told "
        "reporters.\n\n"
        "Eriksen wrote on X: “A good call with my US counterpart about the talks.”\n"
    )
    result = analyse(
        [Source("wire.txt", article)],
        official=[_official("official_2026-05-02.txt", OFFICIAL_MAY_2)],
    )
    notes = {p.text: p.note for p in result.unassigned}
    assert notes["We remain in close contact with our Norwegian partners,"] == (
        "first-person remark, not readout wording"
    )
    assert any(text.startswith("A good call with my US counterpart") for text in notes)
    (sentence,) = [
        s for s in result.readout("2026-05-02-eriksen").sentences if "thanked Norway" in s.text
    ]
    (witness,) = sentence.witnesses
    # the quote stops at a comma before "the department said": cut short, no ellipsis
    assert [(d.kind.value, d.substantive) for d in witness.differences] == [("truncation", True)]


def test_the_issuers_our_quoted_from_a_readout_is_readout_wording() -> None:
    """No official text: two outlets quote the readout's "our allies" sentence; a
    spokesperson's first-person remark at a briefing stays unassigned."""
    lead = (
        "Secretary of State Karl Halvorsen spoke with Norwegian Foreign Minister Tomas "
        "Eriksen on Saturday, May 2, 2026.\n\n"
    )
    line = (
        "“The Secretary also stressed the United States’ commitment to our allies in the "
        "region and to the ceasefire talks,” {who}.\n\n"
    )
    remark = "“We are watching the talks closely,” spokesperson Dana Okafor told reporters.\n"
    a = lead + line.format(who="spokesperson Dana Okafor said") + remark
    b = lead + line.format(who="the readout said")
    result = analyse([Source("a.txt", a), Source("b.txt", b)])
    (readout,) = result.readouts
    (sentence,) = [s for s in readout.sentences if "our allies" in s.text]
    assert sorted(w.document for w in sentence.witnesses) == ["a", "b"]
    notes = {p.text: p.note for p in result.unassigned}
    assert notes["We are watching the talks closely,"] == "first-person remark, not readout wording"


def test_the_outlets_lead_in_is_not_part_of_the_witness() -> None:
    """Before, the whole sentence was the witness and "Secretary of State Karl Halvorsen"
    was a wording change against "The Secretary"; the quotation is the witness."""
    article = (
        "Secretary of State Karl Halvorsen spoke with Foreign Minister Tomas Eriksen on "
        "Saturday, May 9, 2026.\n\n"
        "The State Department said in a statement on Saturday that Secretary of State Karl "
        "Halvorsen “encouraged Norway to host the next round of technical talks.”\n"
    )
    result = analyse(
        [Source("wire.txt", article)],
        official=[_official("official_2026-05-09.txt", OFFICIAL_MAY_9)],
    )
    (sentence,) = [
        s for s in result.readout("2026-05-09-eriksen").sentences if "technical talks" in s.text
    ]
    (witness,) = sentence.witnesses
    assert witness.kind.value == "quote"
    assert witness.text == "encouraged Norway to host the next round of technical talks."
    assert witness.differences == ()


def test_one_passage_one_readout_unless_the_twins_share_its_sentence() -> None:
    norway = (
        "Secretary Halvorsen spoke with Foreign Minister Tomas Eriksen of Norway today. "
        "The Secretary urged Norway to keep lines of communication open with all parties "
        "to the talks. The two sides agreed to meet again before the summit in June."
    )
    denmark = (
        "Secretary Halvorsen spoke with Foreign Minister Mette Holm of Denmark today. "
        "The Secretary urged Denmark to keep lines of communication open with all parties "
        "to the talks. The two sides agreed to meet again before the summit in June."
    )
    article = (
        "Secretary of State Karl Halvorsen spoke with Norwegian Foreign Minister Tomas "
        "Eriksen and Danish Foreign Minister Mette Holm on Saturday, May 9, 2026.\n\n"
        "“The Secretary urged Norway to keep lines of communication open with all parties "
        "to the talks,” the readout said.\n\n"
        "He pressed Norway again to “keep lines of communication open with all parties to "
        "the talks” in the coming weeks, while pressing for aid.\n\n"
        "“The two sides agreed to meet again before the summit in June,” both readouts said.\n"
    )
    result = analyse(
        [Source("w.txt", article)],
        official=[
            _official("official_2026-05-09.txt", norway),
            _official("official2_2026-05-09.txt", denmark),
        ],
    )
    holders: dict[str, set[str]] = {}
    pressed = article.index("He pressed Norway")
    pressed_in: set[str] = set()
    for readout in result.readouts:
        for sentence in readout.sentences:
            for w in sentence.witnesses:
                holders.setdefault(article[w.start : w.end], set()).add(readout.id)
                if pressed <= w.start < article.index("\n", pressed):
                    pressed_in.add(readout.id)
    # "Norway" is in one twin's sentence only: the passage (and its quoted part) is there
    assert pressed_in == {"2026-05-09-eriksen"}
    shared = "The two sides agreed to meet again before the summit in June,"
    assert holders[shared] == {"2026-05-09-eriksen", "2026-05-09-holm"}


def test_the_article_goes_on_after_a_box_in_its_middle() -> None:
    article = (
        "Secretary of State Karl Halvorsen spoke with Foreign Minister Tomas Eriksen on "
        "Saturday, May 9, 2026.\n\n"
        "The call came a week after the two met in Oslo.\n\n"
        "RELATED STORIES\nNorway to host talks next month\nOslo reopens its port\n\n"
        "Sign up for our morning newsletter\nEnter your email address\n\n"
        "“The Secretary encouraged Norway to host the next round of technical talks,” "
        "the readout said.\n"
    )
    result = analyse(
        [Source("boxed.txt", article)],
        official=[_official("official_2026-05-09.txt", OFFICIAL_MAY_9)],
    )
    (sentence,) = [
        s for s in result.readout("2026-05-09-eriksen").sentences if "technical talks" in s.text
    ]
    assert [w.document for w in sentence.witnesses] == ["boxed"]
