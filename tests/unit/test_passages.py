from __future__ import annotations

from readout_diff.model import PassageKind
from readout_diff.passages import find_posts, find_quotes, find_units
from readout_diff.segment import layout


def quotes(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(text[q.start : q.end], q.problem, q.speaker) for q in find_quotes(text, layout(text))]


def test_curly_and_straight_quotes_with_speakers() -> None:
    text = 'Bruce said, "The Secretary spoke." “He urged calm,” the readout said.'
    assert quotes(text) == [
        ("The Secretary spoke.", None, "Bruce"),
        ("He urged calm,", None, "the readout"),
    ]


def test_quote_never_closed_ends_at_its_paragraph_without_the_attribution() -> None:
    text = (
        'The official "urged cooperation in investigating this attack, Ms Bruce said.\n\n'
        "Next paragraph is not quoted."
    )
    assert quotes(text) == [
        ("urged cooperation in investigating this attack", "never closed", "Ms Bruce")
    ]


def test_semicolon_for_a_closing_mark() -> None:
    text = '"We will not discuss what we have conveyed,; she said.\n\nOther text.'
    assert quotes(text)[0][:2] == ("We will not discuss what we have conveyed", "never closed")


def test_quote_closed_but_never_opened() -> None:
    text = "Whitcombe expressed support for peace,” the department said."
    assert quotes(text)[0][:2] == ("Whitcombe expressed support for peace,", "never opened")


def test_closing_mark_used_as_apostrophe() -> None:
    text = "He “reaffirmed the United States” commitment to peace.” Then more."
    assert quotes(text)[0][0] == "reaffirmed the United States” commitment to peace."


def test_quote_runs_on_past_chrome_into_the_next_paragraph() -> None:
    text = (
        "“The Secretary called for calm.\nALSO READ: Unrelated headline\n"
        "The Secretary urged restraint,” the readout said."
    )
    assert quotes(text)[0][0] == (
        "The Secretary called for calm.\nALSO READ: Unrelated headline\n"
        "The Secretary urged restraint,"
    )


def test_posts_with_inline_and_separate_signatures() -> None:
    text = (
        "Secretary spoke with the envoy today. The Secretary urged… — ANI (@ANI) April 30, 2025\n"
        "Some prose.\nThe Secretary welcomed talks.\n— Wire (@Wire) March 11, 2026\n"
    )
    posts = [(text[p.start : p.end], p.handle, p.date_text) for p in find_posts(text, layout(text))]
    assert posts == [
        (
            "Secretary spoke with the envoy today. The Secretary urged… ",
            "@ANI",
            "April 30, 2025",
        ),
        ("The Secretary welcomed talks.\n", "@Wire", "March 11, 2026"),
    ]


def test_units_quote_fragment_and_paraphrase() -> None:
    text = (
        "Rubio asked Sharif to “re-establish direct communications”, officials said. "
        "“The Secretary urged calm,” Bruce said."
    )
    units, _ = find_units("d", text, layout(text))
    found = [(u.kind, u.fragment, text[u.start : u.end]) for u in units]
    assert found == [
        (
            PassageKind.PARAPHRASE,
            False,
            "Rubio asked Sharif to “re-establish direct communications”, officials said.",
        ),
        (PassageKind.QUOTE, True, "re-establish direct communications"),
        (PassageKind.QUOTE, False, "The Secretary urged calm,"),
    ]


def test_single_quotation_marks_are_quotes_and_apostrophes_are_not() -> None:
    text = (
        "The minister said the sides must ‘return to the table without delay’, the "
        "readers’ paper reported.\n"
        "Rubio's aide said 'the talks were candid and useful', officials added.\n"
        "“The United States does not support ‘Taiwan independence’ at all,” she said.\n"
    )
    assert [q[0] for q in quotes(text)] == [
        "return to the table without delay",
        "the talks were candid and useful",
        "The United States does not support ‘Taiwan independence’ at all,",
    ]


def test_a_sentence_quoted_in_single_marks_is_a_quote_unit() -> None:
    text = "‘The Secretary urged both sides to return to the talks at once,’ the readout said.\n"
    (unit,) = find_units("d", text, layout(text))[0]
    assert unit.kind == PassageKind.QUOTE
    assert text[unit.start : unit.end] == (
        "The Secretary urged both sides to return to the talks at once,"
    )
    assert unit.speaker == "the readout"


def test_a_quotation_behind_a_lead_in_is_the_unit_and_the_lead_in_is_not() -> None:
    text = (
        "The State Department said in a statement on Saturday that Secretary of State Karl "
        "Halvorsen “encouraged Norway to host the talks.”\n"
        "Halvorsen pressed hard in the call and Norway “agreed to host the talks.”\n"
    )
    units = find_units("d", text, layout(text))[0]
    framed = [u for u in units if u.sentence == 0]
    assert [(u.kind, text[u.start : u.end], u.fragment) for u in framed] == [
        (PassageKind.QUOTE, "encouraged Norway to host the talks.", False)
    ]
    # words of its own around the quote: reported speech, with the quote a fragment of it
    own = [(u.kind, u.fragment) for u in units if u.sentence == 1]
    assert own == [(PassageKind.PARAPHRASE, False), (PassageKind.QUOTE, True)]


def test_a_quotation_the_subjects_clause_runs_into_is_two_units() -> None:
    text = (
        "Halvorsen “reiterated the condemnation of the attacks on the border,” a "
        "spokesperson said.\n"
        "Officials said Halvorsen “urged calm.”\n"
        "Halvorsen added, “The Secretary urged calm and restraint on all sides.”\n"
    )
    units = find_units("d", text, layout(text))[0]
    found = [(u.sentence, u.kind, u.around_quote, text[u.start : u.end]) for u in units]
    assert found == [
        (0, PassageKind.QUOTE, False, "reiterated the condemnation of the attacks on the border,"),
        (
            0,
            PassageKind.PARAPHRASE,
            True,
            "Halvorsen “reiterated the condemnation of the attacks on the border,” a "
            "spokesperson said.",
        ),
        # too few words of the outlet's own around a two-word quotation: the sentence
        (1, PassageKind.PARAPHRASE, False, "Officials said Halvorsen “urged calm."),
        (1, PassageKind.QUOTE, False, "urged calm."),
        # a comma before a quoted sentence: direct speech, the quotation alone
        (2, PassageKind.QUOTE, False, "The Secretary urged calm and restraint on all sides."),
    ]
