"""Quote extraction: marks of every style, nesting, unbalanced marks, markers, locations."""

from __future__ import annotations

from readout_diff.check.quotes import Locator, extract, find_markers, mask
from readout_diff.model import Document, Role


def _doc(text: str, path: str = "a.txt") -> Document:
    return Document("a", path, "a", None, Role.REPORT, text)


def _quotes(text: str) -> list[tuple[str, str | None, bool]]:
    doc = _doc(text)
    return [(q.text, q.speaker, q.unclosed) for q in extract(doc, Locator(doc.path, text)).quotes]


def test_straight_and_curly_marks_with_speakers():
    text = (
        'Lead in.\n\n"We spoke today," said Ms Bruce.\n\n'
        "Jaishankar posted on X that “perpetrators” must face “justice soon.”\n"
    )
    assert _quotes(text) == [
        ("We spoke today,", "Ms Bruce", False),
        ("perpetrators", "Jaishankar", False),
        ("justice soon.", "Jaishankar", False),  # shares the sentence's attribution
    ]


def test_a_quote_inside_a_quote_belongs_to_the_outer_one():
    assert _quotes("Bruce said: “She said the truce ‘must hold’ now.”\n") == [
        ("She said the truce ‘must hold’ now.", "Bruce", False)
    ]
    assert _quotes("The paper said ‘he told us “no” twice’, officials said.\n") == [
        ("he told us “no” twice", "officials", False)
    ]


def test_apostrophes_are_not_quotes():
    assert _quotes("Pakistani officials' cooperation and the US's view were noted.\n") == []


def test_unclosed_quote_is_checked_to_the_end_of_its_sentence():
    text = 'Bruce said the Secretary "urged calm. She also spoke about trade.\n\nNo more.\n'
    assert _quotes(text) == [("urged calm.", "Bruce", True)]


def test_unclosed_quote_ends_at_its_attribution():
    text = 'The Secretary "urged cooperation in this inquiry, Ms Bruce said.\n'
    assert _quotes(text) == [("urged cooperation in this inquiry", "Ms Bruce", True)]


def test_closing_mark_without_an_opening_one():
    doc = _doc("Lead.\n\nThe readout said calm must return” to the region.\n")
    [quote] = extract(doc, Locator(doc.path, doc.text)).quotes
    assert (quote.text, quote.unopened, quote.unclosed) == (
        "The readout said calm must return",
        True,
        False,
    )


def test_pronoun_is_the_recent_speaker_or_the_paragraph_subject():
    text = (
        '"First words here," Tammy Bruce said.\n\n"Second words here," she said.\n\n'
        "The talks went on.\n\nA second day began.\n\n"
        "Trump had condemned it. He later said they would “sort it out”.\n"
    )
    assert [s for _, s, _ in _quotes(text)] == ["Tammy Bruce", "Tammy Bruce", "Trump"]


def test_multi_paragraph_quote_and_locations():
    text = '"First paragraph of it.\n\n"Second paragraph," she said.\n'
    doc = _doc(text)
    quotes = extract(doc, Locator("a.txt", text)).quotes
    assert [(q.text, q.location.line, q.location.column) for q in quotes] == [
        ("First paragraph of it.", 1, 2),
        ("Second paragraph,", 3, 2),
    ]


def test_locator_finds_body_after_front_matter_and_in_json():
    raw = "---\ntitle: x\n---\nBody “quoted words here” end.\n"
    body = raw.split("---\n", 2)[2]
    located = Locator("a.md", body, raw).span(body.index("quoted"), body.index("” end"))
    assert (located.line, located.column, located.end_column, located.exact) == (4, 7, 24, True)
    raw_json = '{"text": "He said \\"quoted words here\\" then."}\n'
    text = 'He said "quoted words here" then.'
    located = Locator("a.json", text, raw_json).span(9, 26)
    assert (located.line, located.column, located.exact) == (1, 21, True)
    lost = Locator("a.html", text, "<p>nothing alike</p>").span(9, 26)
    assert (lost.line, lost.column, lost.exact) == (1, 10, False)


def test_markers_are_parsed_and_blanked():
    text = (
        '<!-- readout-diff: ignore RD002, rd003 reason="house style" -->\n'
        '"Quoted here," she said.\n<!-- readout-diff: ignore RD001 -->\n'
    )
    markers = find_markers(text, Locator("a.md", text))
    assert [(m.codes, m.reason, m.location.line) for m in markers] == [
        (("RD002", "RD003"), "house style", 1),
        (("RD001",), None, 3),
    ]
    blanked = mask(text, [(m.start, m.end) for m in markers])
    assert len(blanked) == len(text) and '"house style"' not in blanked
    doc = _doc(text)
    quotes = extract(doc, Locator("a.md", text)).quotes
    assert [(q.text, q.marker.codes if q.marker else None) for q in quotes] == [
        ("Quoted here,", ("RD002", "RD003"))
    ]


def test_check_and_the_engine_read_the_same_single_quotes() -> None:
    from readout_diff.passages import find_quotes
    from readout_diff.segment import layout

    text = "The readout said ‘the Secretary urged restraint’ and the readers’ paper agreed.\n"
    assert _quotes(text) == [("the Secretary urged restraint", "The readout", False)]
    assert [text[q.start : q.end] for q in find_quotes(text, layout(text))] == [
        "the Secretary urged restraint"
    ]


def test_check_reads_on_after_a_box_in_the_middle_of_an_article() -> None:
    text = (
        "The minister spoke with his counterpart on Friday about the border talks.\n\n"
        "“We urge restraint,” the ministry said in its readout of the call on Friday.\n\n"
        "RELATED STORIES\nMinister says talks could begin next month\n"
        "Border town reopens its market\n\n"
        "“The Secretary stressed the need for an early return to talks,” the readout said.\n"
    )
    assert [q for q, _, _ in _quotes(text)] == [
        "We urge restraint,",
        "The Secretary stressed the need for an early return to talks,",
    ]
