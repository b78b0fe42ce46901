from __future__ import annotations

from readout_diff.segment import layout

PAGE = """Home / Saturday, May 10, 2025 / Live Tv
ADVERTISEMENT
Key Takeaways
- The minister called his counterpart.
- Both urged calm.

The minister spoke with his counterpart on Friday.
ALSO READ: Another story entirely
The two sides agreed to meet again.
Photo: REUTERS/Someone
The minister spoke with his counterpart on Friday.
As tensions rose,

the minister asked both sides to talk.
You may also like
Celebrity news headline
"""


def test_chrome_is_set_aside_with_offsets() -> None:
    lay = layout(PAGE)
    dropped = [PAGE[s:e].split("\n")[0] for s, e in lay.chrome]
    assert dropped == [
        "Home / Saturday, May 10, 2025 / Live Tv",
        "ADVERTISEMENT",
        "Key Takeaways",
        "- The minister called his counterpart.",
        "- Both urged calm.",
        "ALSO READ: Another story entirely",
        "Photo: REUTERS/Someone",
        "You may also like",
    ]


def test_repeated_paragraph_is_marked_and_has_no_sentences() -> None:
    lay = layout(PAGE)
    texts = [PAGE[p.start : p.end] for p in lay.paragraphs]
    first = texts.index("The minister spoke with his counterpart on Friday.")
    repeat = texts.index("The minister spoke with his counterpart on Friday.", first + 1)
    assert lay.paragraphs[repeat].duplicate_of == first
    assert not [s for s in lay.sentences if s.paragraph == repeat]


def test_sentence_broken_by_a_blank_line_is_joined() -> None:
    lay = layout(PAGE)
    sentences = [PAGE[s.start : s.end] for s in lay.sentences]
    assert "As tensions rose,\n\nthe minister asked both sides to talk." in sentences


def test_closing_quote_stays_with_its_sentence() -> None:
    text = 'He said: "We met. We agreed." Then he left.'
    assert [text[s.start : s.end] for s in layout(text).sentences] == [
        'He said: "We met.',
        'We agreed."',
        "Then he left.",
    ]


BOXED = """The minister spoke with his counterpart on Friday about the border.

RELATED STORIES
Minister says talks could begin next month
Border town reopens its market
Recommended
Five things to know about the dispute

The minister stressed the need for restraint and an early return to talks, the ministry said.

Sign up for our morning newsletter
Enter your email address
By signing up, you agree to our privacy policy and terms of use.

“We urge both sides to keep the ceasefire and return to the table,” the ministry said.
Related Articles
Other headline one
Other headline two
"""


def test_a_box_in_the_middle_is_skipped_and_the_article_goes_on() -> None:
    lay = layout(BOXED)
    kept = [BOXED[p.start : p.end] for p in lay.paragraphs]
    assert kept == [
        "The minister spoke with his counterpart on Friday about the border.",
        "The minister stressed the need for restraint and an early return to talks, "
        "the ministry said.",
        "“We urge both sides to keep the ceasefire and return to the table,” the ministry said.",
    ]
    dropped = [BOXED[s:e] for s, e in lay.chrome]
    assert "RELATED STORIES" in dropped
    assert "Border town reopens its market" in dropped
    assert "By signing up, you agree to our privacy policy and terms of use." in dropped
    assert "Other headline two" in dropped  # a box at the end is the end of the article


def test_a_read_more_heading_on_its_own_line_skips_its_links() -> None:
    text = (
        "The two leaders discussed the war in a call on Monday evening, officials said.\n"
        "Read more\n"
        "Leaders meet in Geneva\n"
        "The Secretary urged an immediate halt to the fighting and a return to talks.\n"
    )
    kept = [text[p.start : p.end] for p in layout(text).paragraphs]
    assert kept[-1].startswith("The Secretary urged")
    assert "Leaders meet in Geneva" not in kept


def test_a_syndicators_disclaimer_ends_the_text() -> None:
    page = (
        "Department of State\n"
        "The Secretary spoke today with the Foreign Minister.\n"
        "The Secretary urged calm.\n"
        "/Public Release. This material from the originating organization/author(s) might be "
        "of the point-in-time nature, and edited for clarity, style and length.\n"
    )
    sentences = [page[s.start : s.end] for s in layout(page).sentences]
    assert sentences == [
        "Department of State",
        "The Secretary spoke today with the Foreign Minister.",
        "The Secretary urged calm.",
    ]
