"""What the review screens show, worked out without Textual so it can be tested alone.

Counting badges, choosing which sentences the navigator lists, finding the next
substantive difference, locating a version in its file, and laying out the stacked
view: every version on its own row, cut into blocks that fit the screen, with the
same base word in the same column on every row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from ..model import DifferenceKind, Document, Readout, ReadoutSentence, Result, Witness
from ..views import BANDS, band, kept_share, spacing_only, visible_spaces

KIND_LETTERS = {
    DifferenceKind.TYPOGRAPHY: "t",
    DifferenceKind.SPELLING_VARIANT: "s",
    DifferenceKind.WORDING_CHANGE: "w",
    DifferenceKind.OMISSION: "o",
    DifferenceKind.ADDITION: "a",
    DifferenceKind.TRUNCATION: "c",
    DifferenceKind.PARAPHRASE: "p",
    DifferenceKind.TRANSPOSITION: "m",
}
_WORD = re.compile(r"\S+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
MAX_CONTEXT = 900  # characters of paragraph shown around a passage


def kind_letter(kind: DifferenceKind, substantive: bool) -> str:
    """One letter per kind, upper case when substantive: readable without colour."""
    letter = KIND_LETTERS[kind]
    return letter.upper() if substantive else letter


def outlet_count(sentence: ReadoutSentence) -> int:
    return len({w.document for w in sentence.witnesses})


def substantive_count(sentence: ReadoutSentence) -> int:
    return sum(w.substantive_count for w in sentence.witnesses)


def readout_title(readout: Readout) -> str:
    """The readout's label, with its date added when the label does not carry it."""
    if readout.date and readout.date not in readout.label:
        return f"{readout.label}, {readout.date}"
    return readout.label


def call_title(readout: Readout) -> str:
    """Caller and counterpart alone, for a narrow list whose next line gives day and issuer."""
    return f"{readout.caller} – {readout.counterpart}" if readout.caller else readout.label


def call_facts(readout: Readout, outlets: str, width: int) -> str:
    """The line under `call_title`: day and outlets, and the issuer when it fits."""
    facts = f"{readout.date or 'undated'} · {outlets}"
    wider = f"{facts} · {readout.issuer}" if readout.issuer else facts
    return wider if len(wider) <= width - 2 else facts


def matches(sentence: ReadoutSentence, query: str) -> bool:
    """Whether the base wording or any outlet's version contains `query` (any case)."""
    needle = query.casefold()
    return needle in sentence.text.casefold() or any(
        needle in w.text.casefold() for w in sentence.witnesses
    )


def visible(
    result: Result, only_substantive: bool, query: str
) -> list[tuple[Readout, list[ReadoutSentence]]]:
    """The readouts and sentences the navigator lists under the current filters."""
    out = []
    for readout in result.readouts:
        shown = [
            s
            for s in readout.sentences
            if (not only_substantive or substantive_count(s) > 0)
            and (not query or matches(s, query))
        ]
        if shown or not (only_substantive or query):
            out.append((readout, shown))
    return out


def next_substantive(
    result: Result,
    sentence: str | None,
    version: int,
    step: int = 1,
    among: Iterable[str] | None = None,
) -> tuple[str, int] | None:
    """The (sentence id, version) of the next version with a substantive difference.

    Versions are numbered as the screen shows them: 0 is the base, 1.. the witnesses.
    The walk goes through every sentence in order (or those in `among`) and wraps.
    """
    allowed = set(among) if among is not None else None
    stops = [
        (s.id, i + 1)
        for r in result.readouts
        for s in r.sentences
        if allowed is None or s.id in allowed
        for i, w in enumerate(s.witnesses)
        if w.substantive_count
    ]
    if not stops:
        return None
    order = [s.id for r in result.readouts for s in r.sentences]
    here = (order.index(sentence) if sentence in order else -1, version)
    keyed = [((order.index(sid), v), (sid, v)) for sid, v in stops]
    if step > 0:
        later = [stop for key, stop in keyed if key > here]
        return later[0] if later else stops[0]
    earlier = [stop for key, stop in keyed if key < here]
    return earlier[-1] if earlier else stops[-1]


def location(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset, as editors count them."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def paragraph(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The paragraph around text[start:end], and the passage's offsets within it.

    Paragraphs end at blank lines; a very long one is cut to a window around the passage
    (marked with '…') so the pane stays readable.
    """
    begin = 0
    for found in _PARAGRAPH_BREAK.finditer(text, 0, start):
        begin = found.end()
    stop = _PARAGRAPH_BREAK.search(text, end)
    finish = stop.start() if stop else len(text)
    prefix = suffix = ""
    if finish - begin > MAX_CONTEXT:
        room = max(0, (MAX_CONTEXT - (end - start)) // 2)
        if start - begin > room:
            begin, prefix = _word_after(text, start - room), "…"
        if finish - end > room:
            finish, suffix = _word_before(text, end + room), "…"
    chunk = prefix + text[begin:finish] + suffix
    shift = len(prefix) - begin
    return chunk, start + shift, end + shift


def _word_after(text: str, offset: int) -> int:
    space = text.find(" ", offset)
    return space + 1 if 0 <= space < offset + 20 else offset


def _word_before(text: str, offset: int) -> int:
    space = text.rfind(" ", offset - 20, offset)
    return space if space > 0 else offset


def base_location(result: Result, sentence: ReadoutSentence) -> tuple[Document, int] | None:
    """Where the base wording sits in a document, when it comes from one."""
    _, _, doc_id = sentence.base_source.partition(":")
    if not doc_id:
        return None
    try:
        doc = result.document(doc_id)
    except KeyError:
        return None
    offset = doc.text.find(sentence.text)
    return (doc, offset) if offset >= 0 else None


def best_version(sentence: ReadoutSentence, document: str) -> int:
    """The screen's version number of `document`'s version (its closest one), or 0."""
    mine = [
        (BANDS.index(band(w, sentence.text)), -kept_share(w, sentence.text), i + 1)
        for i, w in enumerate(sentence.witnesses)
        if w.document == document
    ]
    return min(mine)[2] if mine else 0


# --- the stacked view --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Piece:
    """Text in one cell: base words kept or removed, or words a witness added."""

    text: str
    role: str  # "same", "removed", "added"
    kind: DifferenceKind | None = None
    substantive: bool = False
    letter: str = ""  # the kind letter shown after the last piece of a difference

    @property
    def width(self) -> int:
        return cell_len(self.text) + len(self.letter)


Cell = tuple[Piece, ...]


def cell_width(cell: Cell) -> int:
    return sum(p.width for p in cell) + max(0, len(cell) - 1)


@dataclass(frozen=True, slots=True)
class Column:
    """One base word (or a gap between base words), as every row shows it."""

    cells: tuple[Cell, ...]  # one per row
    glue: str  # what goes before it: " ", or "" for a piece attached to the previous one

    @property
    def width(self) -> int:
        return max((cell_width(c) for c in self.cells), default=0)


def align(base_text: str, witnesses: Sequence[Witness]) -> list[Column]:
    """Columns for the base (row 0) and each witness (rows 1..), same word in one column.

    Base words are cut wherever any difference starts or ends inside them, so every row
    can mark exactly the characters it changed; words a witness adds go in a gap column
    after the base words they replace.
    """
    cuts = {c for w in witnesses for d in w.differences for c in (d.base_start, d.base_end)}
    cuts |= {c for w in witnesses for c in (w.covered_start, w.covered_end)}
    units: list[tuple[int, int]] = []
    for word in _WORD.finditer(base_text):
        inside = sorted(c for c in cuts if word.start() < c < word.end())
        edges = [word.start(), *inside, word.end()]
        units.extend(zip(edges, edges[1:], strict=False))
    rows: list[tuple[list[Cell], list[list[Piece]]]] = [
        ([(Piece(base_text[a:b], "same"),) for a, b in units], [[] for _ in range(len(units) + 1)])
    ]
    for witness in witnesses:
        rows.append(_row(base_text, units, witness))
    columns: list[Column] = []
    previous_end: int | None = None
    for index in range(len(units) + 1):
        gap = tuple(tuple(gaps[index]) for _, gaps in rows)
        if any(gap):
            columns.append(Column(gap, " "))
            previous_end = None
        if index == len(units):
            break
        start, end = units[index]
        attached = previous_end == start
        columns.append(Column(tuple(cells[index] for cells, _ in rows), "" if attached else " "))
        previous_end = end
    if columns:
        columns[0] = Column(columns[0].cells, "")
    return columns


def _row(
    base_text: str, units: list[tuple[int, int]], witness: Witness
) -> tuple[list[Cell], list[list[Piece]]]:
    ordered = sorted(witness.differences, key=lambda d: (d.base_start, d.witness_start))
    cells: list[Cell] = []
    gaps: list[list[Piece]] = [[] for _ in range(len(units) + 1)]
    for start, end in units:
        if end <= witness.covered_start or start >= witness.covered_end:
            cells.append(())
            continue
        hit = next((d for d in ordered if d.base_start < end and d.base_end > start), None)
        if hit is None:
            cells.append((Piece(base_text[start:end], "same"),))
        else:
            cells.append((Piece(base_text[start:end], "removed", hit.kind, hit.substantive),))
    for d in ordered:
        added = witness.text[d.witness_start - witness.start : d.witness_end - witness.start]
        letter = kind_letter(d.kind, d.substantive)
        if spacing_only(base_text[d.base_start : d.base_end], added):
            added = visible_spaces(added.rstrip())  # as `views.segments` shows it: "␣."
        if added.strip():
            at = next(
                (i for i, (s, _) in enumerate(units) if s >= max(d.base_end, d.base_start)),
                len(units),
            )
            gaps[at].append(Piece(added.strip(), "added", d.kind, d.substantive, letter))
            continue
        last = max(
            (i for i, (s, e) in enumerate(units) if s < d.base_end and e > d.base_start),
            default=None,
        )
        if last is not None and cells[last]:
            piece = cells[last][0]
            cells[last] = (Piece(piece.text, piece.role, piece.kind, piece.substantive, letter),)
    return cells, gaps


def blocks(columns: Sequence[Column], width: int) -> list[list[Column]]:
    """Columns cut into screen-wide blocks; a column wider than the screen is wrapped."""
    width = max(width, 8)
    out: list[list[Column]] = []
    line: list[Column] = []
    used = 0
    for column in columns:
        for part in _fit(column, width):
            need = part.width + (len(part.glue) if line else 0)
            if line and used + need > width:
                out.append(line)
                line, used = [], 0
                need = part.width
            line.append(part)
            used += need
    if line:
        out.append(line)
    return out


def _fit(column: Column, width: int) -> list[Column]:
    if column.width <= width:
        return [column]
    wrapped = [_wrap_cell(cell, width) for cell in column.cells]
    depth = max(len(w) for w in wrapped)
    return [
        Column(tuple(w[i] if i < len(w) else () for w in wrapped), column.glue if i == 0 else " ")
        for i in range(depth)
    ]


def _wrap_cell(cell: Cell, width: int) -> list[Cell]:
    """A cell's pieces re-cut into lines of at most `width` cells, at spaces if possible."""
    lines: list[list[Piece]] = [[]]
    used = 0
    for piece in cell:
        words = piece.text.split(" ")
        for number, word in enumerate(words):
            letter = piece.letter if number == len(words) - 1 else ""
            for chunk in _hard_split(word, width - len(letter)):
                need = cell_len(chunk) + len(letter) + (1 if lines[-1] else 0)
                if lines[-1] and used + need > width:
                    lines.append([])
                    used, need = 0, cell_len(chunk) + len(letter)
                lines[-1].append(Piece(chunk, piece.role, piece.kind, piece.substantive, letter))
                used += need
    return [tuple(line) for line in lines if line]


def _hard_split(word: str, width: int) -> list[str]:
    width = max(width, 1)
    return [word[i : i + width] for i in range(0, len(word), width)] or [""]
