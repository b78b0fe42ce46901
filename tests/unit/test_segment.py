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
