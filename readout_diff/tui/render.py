"""Textual `Content` for the figures: marked differences, badges, the legend, the detail.

Every mark has a style besides its colour (strike for removed words, underline for
added ones, a kind letter in a reversed box, upper case when substantive), so the
screen reads the same with NO_COLOR or in monochrome. Colours are theme variables, so
the light and the dark theme both work.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from rich.cells import cell_len
from textual.content import Content

from ..model import DifferenceKind, Document, ReadoutSentence, Result, Witness
from ..views import COSMETIC, band, describe, kept_share, segments, sentence_notes
from .layout import (
    KIND_LETTERS,
    Cell,
    Column,
    Piece,
    base_location,
    kind_letter,
    location,
    outlet_count,
    paragraph,
    substantive_count,
)

REMOVED = {True: "strike $text-error on $error-muted", False: "strike $text-error"}
ADDED = {True: "underline bold $text-success on $success-muted", False: "underline $text-success"}
LETTER = {True: "bold reverse $text-warning", False: "reverse $text-muted"}
PASSAGE = "bold underline $text-accent on $accent-muted"
ONLY_IN = "bold underline $text-warning on $warning-muted"
MUTED = "$text-muted"
KIND_NAMES = {
    DifferenceKind.TYPOGRAPHY: "typography",
    DifferenceKind.SPELLING_VARIANT: "spelling",
    DifferenceKind.WORDING_CHANGE: "wording",
    DifferenceKind.OMISSION: "omitted",
    DifferenceKind.ADDITION: "added",
    DifferenceKind.TRUNCATION: "cut",
    DifferenceKind.PARAPHRASE: "paraphrase",
    DifferenceKind.TRANSPOSITION: "moved",
}
HEAT_GLYPHS = {"absent": " ", "verbatim": "█", "minor": "▓", "changed": "▒", "rewritten": "░"}
HEAT_COLOURS = {
    "verbatim": "success-muted",
    "minor": "primary-muted",
    "changed": "warning-muted",
    "rewritten": "error-muted",
}


def piece(p: Piece) -> Content:
    """One piece of a row: kept words plain, changes struck or underlined, then the letter."""
    if p.role == "same":
        return Content(p.text)
    style = (REMOVED if p.role == "removed" else ADDED)[p.substantive]
    return Content.assemble((p.text, style), (p.letter, LETTER[p.substantive]))


def cell(c: Cell, width: int) -> Content:
    """A cell's pieces, padded to the column width."""
    content = Content(" ").join(piece(p) for p in c)
    return content.pad_right(max(0, width - content.cell_length))


def witness_text(base_text: str, witness: Witness) -> Content:
    """A witness as flowing text with its changes marked (the side-by-side columns)."""
    parts: list[Content] = []
    shown = segments(base_text, witness)
    for index, seg in enumerate(shown):
        if seg.role == "same" or seg.kind is None:
            parts.append(Content(seg.text))
            continue
        if index and shown[index - 1].role != "same":
            parts.append(Content(" "))
        follower = shown[index + 1] if index + 1 < len(shown) else None
        paired = (
            seg.role == "removed"
            and follower is not None
            and follower.role == "added"
            and follower.kind == seg.kind
        )
        letter = "" if paired else kind_letter(seg.kind, seg.substantive)
        lead = seg.text[: len(seg.text) - len(seg.text.lstrip())]
        parts.append(Content(lead))
        parts.append(piece(Piece(seg.text.strip(), seg.role, seg.kind, seg.substantive, letter)))
    return Content("").join(parts)


def legend(kinds: Collection[tuple[DifferenceKind, bool]] | None = None) -> Content:
    """What the marks mean, drawn with the marks themselves.

    Given the (kind, substantive) pairs on screen, only those kinds are explained, so the
    legend stays one line on a small terminal.
    """
    shown = [
        (k, s) for k in KIND_LETTERS for s in (True, False) if kinds is None or (k, s) in kinds
    ]
    if kinds is None:
        shown = [(k, False) for k in KIND_LETTERS]
    letters = [
        Content.assemble((kind_letter(k, s), LETTER[s]), f" {KIND_NAMES[k]}") for k, s in shown
    ]
    parts: list[Content | str | tuple[str, str]] = [
        ("removed", REMOVED[True]),
        " ",
        ("added", ADDED[True]),
    ]
    if letters:
        parts += ["  ", Content("  ").join(letters)]
    if kinds is None or any(s for _, s in shown):
        parts.append(("  (CAPITAL: substantive)", MUTED))
    return Content.assemble(*parts)


def badges(sentence: ReadoutSentence) -> Content:
    """How many outlets carry the sentence, and how many substantive differences it has."""
    changed = substantive_count(sentence)
    return Content.assemble(
        (f"◫{outlet_count(sentence)}", "bold"),
        " ",
        (f"Δ{changed}", "bold $text-warning" if changed else MUTED),
    )


def version_title(result: Result, witness: Witness) -> str:
    doc = result.document(witness.document)
    return doc.outlet


def version_facts(witness: Witness) -> str:
    return f"{witness.kind.value} · {witness.score:.2f}"


def base_title(result: Result, sentence: ReadoutSentence) -> str:
    """Where the base wording comes from: the outlets' consensus, an official text, or
    the version of the outlet chosen as base."""
    kind, _, doc_id = sentence.base_source.partition(":")
    if kind == "official":
        return "base · official text"
    if kind == "document":
        try:
            return f"base · {result.document(doc_id).outlet}'s version"
        except KeyError:
            return f"base · {doc_id}'s version"
    return "base · consensus"


def detail(result: Result, sentence: ReadoutSentence, version: int) -> Content:
    """Everything about one version: where it is, what it is, what it changed, its context."""
    if version == 0:
        return _base_detail(result, sentence)
    witness = sentence.witnesses[version - 1]
    doc = result.document(witness.document)
    line, column = location(doc.text, witness.start)
    parts: list[Content | str | tuple[str, str]] = [
        (doc.outlet, "bold"),
        f"  {doc.date or 'undated'}" + (f"  “{doc.title}”" if doc.title else ""),
        "\n",
        (f"{doc.path}:{line}:{column}", "$text-accent"),
        f"  {witness.kind.value}  score {witness.score:.2f}",
        f"  {band(witness, sentence.text)}, {kept_share(witness, sentence.text):.0%} of the base "
        "words kept\n",
    ]
    if doc.copy_of:
        parts.append((f"same body as {doc.copy_of} (wire copy)\n", MUTED))
    if witness.claimed_readout:
        parts.append((f"the article pins it on {witness.claimed_readout}\n", MUTED))
    parts.append(_differences(witness))
    parts.append(_context(doc, witness.start, witness.end))
    return Content.assemble(*parts)


def _base_detail(result: Result, sentence: ReadoutSentence) -> Content:
    parts: list[Content | str | tuple[str, str]] = [
        (base_title(result, sentence), "bold"),
        "\n",
        (
            f"carried by {plural(outlet_count(sentence), 'outlet')} "
            f"in {plural(len(sentence.witnesses), 'version')}",
            MUTED,
        ),
        "\n",
    ]
    if sentence.also_in:
        parts.append((f"also in {', '.join(sentence.also_in)}\n", MUTED))
    found = base_location(result, sentence)
    if found:
        doc, offset = found
        line, column = location(doc.text, offset)
        parts.append((f"{doc.path}:{line}:{column}\n", "$text-accent"))
        parts.append(_context(doc, offset, offset + len(sentence.text)))
    else:
        parts.append(Content.assemble("\n", ("Base wording\n", "bold"), sentence.text))
    notes = sentence_notes(sentence)  # disputed spots, and where most outlets differ
    if notes:
        parts.append(Content.assemble("\n\n", ("Where the outlets split\n", "bold")))
        for note in notes:
            style = "$warning" if note.startswith("disputed") else "$accent"
            parts.append(Content.assemble((f"• {note}", style), "\n"))
    return Content.assemble(*parts)


def _differences(witness: Witness) -> Content:
    if not witness.differences:
        return Content.assemble("\n", ("No differences: the base words exactly.", "bold"), "\n")
    heavy = witness.substantive_count
    lines: list[Content | str | tuple[str, str]] = [
        "\n",
        (f"Differences ({len(witness.differences)}, {heavy} substantive)", "bold"),
        "\n",
    ]
    for d in witness.differences:
        grade = "substantive" if d.substantive else ("cosmetic" if d.kind in COSMETIC else "minor")
        lines += [
            " ",
            (kind_letter(d.kind, d.substantive), LETTER[d.substantive]),
            " ",
            (describe(d.kind, d.base, d.witness), "bold" if d.substantive else ""),
            (f"  {d.kind.value.replace('_', ' ')}, {grade}", MUTED),
            "\n",
        ]
    return Content.assemble(*lines)


def _context(doc: Document, start: int, end: int) -> Content:
    text, mark_start, mark_end = paragraph(doc.text, start, end)
    return Content.assemble(
        "\n",
        ("Context", "bold"),
        ("  (the passage is underlined)", MUTED),
        "\n",
        text[:mark_start],
        ("▶", PASSAGE),
        (text[mark_start:mark_end], PASSAGE),
        ("◀", PASSAGE),
        text[mark_end:],
    )


def row_line(label: Content, columns: Sequence[Column], row: int) -> Content:
    """One row of a stacked block: its label, then each column's cell padded to width.

    The space between two removed words is struck too, so a removed phrase reads as one.
    """
    parts: list[Content] = [label]
    previous: Cell = ()
    for index, column in enumerate(columns):
        here = column.cells[row]
        if index:
            joined = (
                column.glue
                and previous
                and here
                and previous[-1].role == "removed"
                and not previous[-1].letter
                and here[0].role == "removed"
                and previous[-1].substantive == here[0].substantive
            )
            parts.append(
                Content.styled(column.glue, REMOVED[here[0].substantive])
                if joined
                else Content(column.glue)
            )
        parts.append(cell(here, column.width))
        previous = here
    return Content("").join(parts).rstrip()


def two_lines(content: Content, width: int) -> Content:
    """At most two wrapped lines of `content`, the second cut with an ellipsis."""
    lines = content.wrap(width)
    if len(lines) <= 2:
        return content
    second = lines[1].rstrip()
    if second.cell_length >= width:
        second = second[: width - 1]
    return Content("\n").join([lines[0].rstrip(), second + "…"])


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def fit(text: str, width: int) -> str:
    """Text cut to `width` cells with an ellipsis."""
    if cell_len(text) <= width:
        return text
    out = ""
    for char in text:
        if cell_len(out + char) > width - 1:
            break
        out += char
    return out + "…"


def heat_cell(value: str | None, colours: dict[str, str]) -> tuple[str, str]:
    """A heat-map cell's text and its rich style: glyph and band, blank when absent."""
    if value is None:
        return "", ""
    return f"{HEAT_GLYPHS[value]} {value}", f"{colours['foreground']} on {colours[value]}"


def contrast_text(text: str, marks: Sequence[tuple[int, int]]) -> Content:
    """A sentence with the phrases only its readout says underlined and shaded."""
    parts: list[Content | str | tuple[str, str]] = []
    position = 0
    for start, end in sorted(marks):
        if start < position:
            continue
        parts += [text[position:start], (text[start:end], ONLY_IN)]
        position = end
    parts.append(text[position:])
    return Content.assemble(*parts)
