"""The terminal report: Rich when colour is wanted, plain marked text otherwise.

Same facts, same order as the HTML report: summary, heat map, legend, readouts,
contrasts, unassigned passages, input problems. Without colour every mark is still
there as text: [-removed-] {+added+} <kind>, block characters in the heat map,
«only-in» phrases in contrasts. Article text goes in as `Text`, never as Rich markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import StringIO

from rich import box
from rich.console import Console, JustifyMethod, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..model import Contrast, DifferenceKind, Document, Readout, ReadoutSentence, Result, Witness
from ..views import HeatCell, fidelity, heat_map, sentence_notes
from .common import (
    BAND_RANGE,
    KIND_HELP,
    KIND_ORDER,
    KIND_TAG,
    about_document,
    base_label,
    change_text,
    contrast_sentences,
    doc_labels,
    headline,
    kind_label,
    readout_base,
    runs,
    sentence_index,
    short_id,
    weight,
    where,
)

KIND_STYLE = {
    DifferenceKind.TYPOGRAPHY: "bright_black",
    DifferenceKind.SPELLING_VARIANT: "cyan",
    DifferenceKind.WORDING_CHANGE: "yellow",
    DifferenceKind.OMISSION: "red",
    DifferenceKind.ADDITION: "green",
    DifferenceKind.TRUNCATION: "magenta",
    DifferenceKind.PARAPHRASE: "blue",
    DifferenceKind.TRANSPOSITION: "bright_blue",
}
BLOCKS = {"verbatim": "██", "minor": "▓▓", "changed": "▒▒", "rewritten": "░░"}
BAND_STYLE = {"verbatim": "green", "minor": "yellow", "changed": "dark_orange", "rewritten": "red"}


def marked(base_text: str, witness: Witness, color: bool) -> Text:
    """The witness against its base: [-removed-] {+added+} <kind>, styled when `color`."""
    out = Text()
    for run in runs(base_text, witness):
        if run.kind is None:
            out.append(run.text)
            continue
        style = KIND_STYLE[run.kind] + (" bold" if run.substantive else "")
        out.append(run.lead)
        if run.removed:
            out.append(f"[-{run.removed}-]", style=f"strike {style}")
        if run.removed and run.added:
            out.append(" ")
        if run.added:
            out.append(f"{{+{run.added}+}}", style=f"underline {style}")
        out.append(f"<{KIND_TAG[run.kind]}>", style=f"dim {KIND_STYLE[run.kind]}")
        out.append(run.trail)
    return out


@dataclass(frozen=True, slots=True)
class _Page:
    """What every part of the report reads: where it prints, the result, and how outlets
    are named and numbered."""

    console: Console
    result: Result
    color: bool
    labels: dict[str, str]  # document id -> outlet label
    documents: dict[str, Document]
    number: dict[str, int]  # document id -> its column in the heat map

    def print(self, *items: RenderableType) -> None:
        self.console.print(*items)


def render(result: Result, color: bool = False, width: int = 100) -> str:
    """The whole report as a string (ANSI-styled when `color`), wrapped to `width`."""
    buffer = StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    columns, cells = heat_map(result)
    page = _Page(
        console,
        result,
        color,
        doc_labels(result),
        {d.id: d for d in result.documents},
        {doc: n for n, doc in enumerate(columns, 1)},
    )
    page.print(Text("readout-diff report", style="bold"))
    page.print(Text(headline(result, len(columns))))
    page.print()
    _readouts_table(page)
    _fidelity_table(page)
    _heat_map(page, columns, cells)
    _legend(page)
    for r in result.readouts:
        _readout(page, r)
    for c in result.contrasts:
        _contrast(console, result, c, color)
    _unassigned(page)
    _inputs(page)
    console.rule(Text("Documents read", style="bold"))
    for doc in result.documents:
        _item(console, 2, Text(about_document(doc, page.labels)))
    lines = [line.rstrip() for line in buffer.getvalue().splitlines()]
    return "".join(
        line + "\n" for n, line in enumerate(lines) if line or n == 0 or lines[n - 1]
    )  # no doubled blank lines


def _readouts_table(page: _Page) -> None:
    if not page.result.readouts:
        page.print(Text("No readout found in these inputs."))
        page.print()
        return
    table = Table(title="Readouts found", title_justify="left", box=box.SIMPLE_HEAD)
    for name in ("readout", "date", "sentences", "outlets", "base"):
        justify: JustifyMethod = "right" if name in ("sentences", "outlets") else "left"
        table.add_column(name, justify=justify)
    for r in page.result.readouts:
        table.add_row(
            Text(f"{r.label}\n{r.id}"),
            Text(r.date or "unknown"),
            Text(str(len(r.sentences))),
            Text(str(len(r.documents))),
            Text(readout_base(r, page.labels)),
        )
    page.print(table)
    page.print()


def _fidelity_table(page: _Page) -> None:
    rows = sorted(fidelity(page.result), key=lambda row: page.number.get(row.document, 0))
    if not rows:
        page.print(Text("No outlet carries readout wording."))
        page.print()
        return
    table = Table(
        title="Fidelity by outlet",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        caption=(
            "versions: passages, each counted once; verbatim: share of the outlet's readout "
            "words inside no substantive change; misquotes: substantive changes inside "
            "quotation marks (quotes, posts); drift: substantive changes in reported speech"
        ),
        caption_justify="left",
    )
    for name in ("#", "outlet", "date", "versions", "verbatim", "misquotes", "drift", "cosmetic"):
        table.add_column(name, justify="left" if name in ("outlet", "date") else "right")
    for row in rows:
        doc = page.documents.get(row.document)
        outlet = Text(page.labels.get(row.document, row.document))
        if doc and doc.copy_of:
            outlet.append(f" (same text as {page.labels.get(doc.copy_of, doc.copy_of)})")
        table.add_row(
            Text(str(page.number.get(row.document, ""))),
            outlet,
            Text(doc.date or "" if doc else ""),
            Text(str(row.witnesses)),
            Text(f"{row.verbatim_share:.0%}"),
            Text(str(row.misquotes), style="bold" if row.misquotes else ""),
            Text(str(row.drift)),
            Text(str(row.cosmetic)),
        )
    page.print(table)
    page.print()


def _legend(page: _Page) -> None:
    page.print(Text("How differences are marked", style="bold"))
    page.print(
        Padding(
            Text(
                "[-base words-] {+outlet's words+} <kind>, in bold when "
                "substantive; lines count in the text the tool read."
            ),
            (0, 0, 0, 2),
        )
    )
    for k in KIND_ORDER:
        page.print(
            Text(
                f"  <{KIND_TAG[k]}> {kind_label(k)}: {KIND_HELP[k]}",
                style=KIND_STYLE[k] if page.color else "",
            )
        )
    page.print()


def _unassigned(page: _Page) -> None:
    if not page.result.unassigned:
        return
    page.console.rule(Text("Passages assigned to no readout", style="bold"))
    for p in page.result.unassigned:
        doc = page.documents.get(p.document)
        line = Text(
            f"{page.labels.get(p.document, p.document)} · {p.kind.value}"
            + (f" · {where(doc, p.start)}" if doc else "")
            + ": "
        )
        line.append(p.text, style="italic")
        if p.speaker:
            line.append(f" (credited to {p.speaker})")
        line.append(f" — {p.note or 'no reason given'}", style="dim")
        _item(page.console, 2, line)
    page.print()


def _inputs(page: _Page) -> None:
    result = page.result
    if not (result.errors or result.notices):
        return
    page.console.rule(Text("Inputs", style="bold"))
    for e in result.errors:
        page.print(Text(f"  error: {e.path}: {e.message}", style="red" if page.color else ""))
    for n in result.notices:
        page.print(Text(f"  note: {n.path}: {n.message}"))
    page.print()


def _item(console: Console, indent: int, text: Text, bullet: str = "- ") -> None:
    """A list item whose wrapped lines hang under its first word, not under the bullet."""
    grid = Table.grid()
    grid.add_column(width=indent + len(bullet), no_wrap=True)
    grid.add_column()
    grid.add_row(Text(" " * indent + bullet), text)
    console.print(grid)


def _heat_map(page: _Page, columns: list[str], cells: list[HeatCell]) -> None:
    if not columns:
        page.print(Text("Heat map: nothing to map, no outlet carries readout wording."))
        return
    table = Table(title="Heat map", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("sentence", no_wrap=True, overflow="ellipsis", max_width=48)
    for doc in columns:
        table.add_column(str(page.number[doc]), justify="center", no_wrap=True, min_width=2)
    found = {(c.readout, c.sentence, c.document): c for c in cells}
    for r in page.result.readouts:
        table.add_row(Text(r.label, style="bold"), *(Text("") for _ in columns))
        for s in r.sentences:
            row = []
            for doc in columns:
                cell = found.get((r.id, s.id, doc))
                band = cell.band if cell and cell.band is not None else ""
                row.append(Text(BLOCKS[band], style=BAND_STYLE[band]) if band else Text(""))
            table.add_row(Text(f"{short_id(s.id)} {s.text}"), *row)
    page.print(table)
    page.print(
        Text(
            "  rows: sentences; columns: outlets, numbered as in the table above; "
            "blank: not carried; each cell: the most serious change in that version"
        )
    )
    page.print(
        Text("  " + "  ".join(f"{BLOCKS[band]} {band} ({BAND_RANGE[band]})" for band in BLOCKS))
    )
    page.print()


def _readout(page: _Page, r: Readout) -> None:
    page.console.rule(Text(f"{r.label}  [{r.id}]", style="bold"))
    about = "Readout"
    if r.counterpart:
        about += f": call with {r.counterpart}"
    if r.date:
        about += f" on {r.date}"
    carriers = len(r.documents)
    page.print(Text(f"{about}. {carriers} outlet{'s carry' if carriers != 1 else ' carries'} it."))
    for s in r.sentences:
        _sentence(page, s)
    page.print()


def _sentence(page: _Page, s: ReadoutSentence) -> None:
    head = Text(short_id(s.id), style="bold")
    head.append(f"  base: {base_label(s.base_source, page.labels)}", style="dim")
    if s.also_in:
        head.append(f"; also in {', '.join(s.also_in)}", style="dim")
    page.print()
    page.print(head)
    page.print(Padding(Text(s.text, style="bold" if page.color else ""), (0, 0, 0, 2)))
    for note in sentence_notes(s):  # disputed spots and where most outlets differ
        color = page.color
        style = "yellow" if color and note.startswith("disputed") else ("cyan" if color else "")
        page.print(Padding(Text(f"! {note}", style=style), (0, 0, 0, 2)))
    if not s.witnesses:
        page.print(Padding(Text("no outlet carries this sentence"), (0, 0, 0, 2)))
    for w in s.witnesses:
        _witness(page, s, w)


def _witness(page: _Page, s: ReadoutSentence, w: Witness) -> None:
    doc = page.documents.get(w.document)
    about = Text(
        f"#{page.number.get(w.document, '?')} {page.labels.get(w.document, w.document)}",
        style="italic",
    )
    about.append(
        f" · {w.kind.value} · {where(doc, w.start) if doc else w.document} · match {w.score:.2f}",
        style="dim",
    )
    if w.claimed_readout:
        about.append(f" · the article pins it on {w.claimed_readout}")
    page.print(Padding(about, (0, 0, 0, 2)))
    page.print(Padding(marked(s.text, w, page.color), (0, 0, 0, 4)))
    for d in w.differences:
        _item(
            page.console,
            6,
            Text(
                f"{kind_label(d.kind)} ({weight(d)}): {change_text(d)}",
                style=KIND_STYLE[d.kind] if page.color else "",
            ),
        )


def _contrast(console: Console, result: Result, c: Contrast, color: bool) -> None:
    names = {r.id: r.label for r in result.readouts}
    a, b = names.get(c.a, c.a), names.get(c.b, c.b)
    console.rule(Text(f"Contrast: {a} vs {b}", style="bold"))
    console.print(Text("«Marked» words are said in only one of the twins."))
    for label, phrases in ((a, c.only_in_a), (b, c.only_in_b)):
        console.print(Text(f"Only in {label}", style="bold"))
        pieces = contrast_sentences(result, phrases)
        for sentence, parts in pieces:
            line = Text(f"{short_id(sentence.id)}: ")
            for text, only in parts:
                if only:
                    line.append(f"«{text}»", style="bold reverse" if color else "")
                else:
                    line.append(text)
            _item(console, 2, line)
        if not pieces:
            console.print(Text("  - nothing: every sentence has a counterpart"))
    console.print(Text("Said in both", style="bold"))
    sentences = sentence_index(result)
    for pair in c.shared:
        line = Text(
            f"{short_id(pair.a)} = {short_id(pair.b)} "
            f"({'identical' if pair.identical else 'reworded'}): "
        )
        line.append(sentences[pair.a].text if pair.a in sentences else pair.a)
        if not pair.identical and pair.b in sentences:
            line.append(f" / {sentences[pair.b].text}")
        _item(console, 2, line)
    if not c.shared:
        console.print(Text("  - no sentence of one has a counterpart in the other"))
    console.print()
