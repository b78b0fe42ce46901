"""The two full screens: the heat-map overview and the contrast of two readouts."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Select, Static

from ..model import Contrast, Readout, Result
from ..views import fidelity, heat_map, shade
from . import render
from .layout import readout_title
from .widgets import MOVE


def _short(readout: Readout) -> str:
    """A readout's counterpart's last name and the month-day, for narrow row labels."""
    name = readout.counterpart.split()[-1] if readout.counterpart else readout.id
    return f"{name} {(readout.date or '')[5:]}".strip()


class HeatTable(DataTable[Text]):
    """The heat map's grid: arrows or h j k l move, Enter opens the cell."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open"),
        Binding("up,k", "cursor_up", "Up", group=MOVE, key_display="↑k"),
        Binding("down,j", "cursor_down", "Down", group=MOVE, key_display="↓j"),
        Binding("left,h", "cursor_left", "Left", group=MOVE, key_display="←h"),
        Binding("right,l", "cursor_right", "Right", group=MOVE, key_display="→l"),
    ]


class OverviewScreen(Screen[tuple[str, str] | None]):
    """Outlets by readout sentences, shaded and labelled by how far each version strays."""

    BINDINGS = [
        Binding("escape,o", "dismiss(None)", "Back"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, result: Result, sentence: str | None) -> None:
        super().__init__()
        self.result = result
        self.start = sentence
        self.documents, self.cells = heat_map(result)
        self.sentences = {s.id: s for r in result.readouts for s in r.sentences}

    def compose(self) -> ComposeResult:
        yield Static(self._legend(), id="overview-legend")
        yield HeatTable(id="heat", cursor_type="cell")
        yield Static(self._fidelity(), id="overview-fidelity")
        yield Static(id="overview-status")
        yield Footer(show_command_palette=False)

    def _fidelity(self) -> Content:
        """Fidelity by outlet, numbered as the heat map's columns and the report's table:
        misquotes (inside quotation marks) apart from the drift of reported speech."""
        rows = {row.document: row for row in fidelity(self.result)}
        lines = [
            Content.assemble(
                (f"{number} ", "bold"),
                render.fit(rows[doc].outlet, 16).ljust(17),
                f"{render.plural(rows[doc].witnesses, 'version')} · "
                f"{rows[doc].verbatim_share:.0%} verbatim · ",
                (
                    render.plural(rows[doc].misquotes, "misquote"),
                    "bold $error" if rows[doc].misquotes else "",
                ),
                f" · {rows[doc].drift} drift",
            )
            for number, doc in enumerate(self.documents, 1)
            if doc in rows
        ]
        title = Content.styled("Fidelity by outlet", "bold")
        return Content("\n").join([title, *lines])

    def _legend(self) -> Content:
        swatches = [
            Content.assemble((f" {render.HEAT_GLYPHS[band]} ", f"on ${colour}"), f" {band}")
            for band, colour in render.HEAT_COLOURS.items()
        ]
        return Content.assemble(
            ("Heat map", "bold"),
            "  rows: readout sentences · columns: outlets · "
            "cell: the most serious change in that version\n",
            Content("  ").join(swatches),
            "  (blank: the outlet does not carry it)  ",
            ("enter", "bold"),
            " opens the version",
        )

    def on_mount(self) -> None:
        table = self.query_one(HeatTable)
        colours = {
            **{band: self.app.theme_variables[name] for band, name in render.HEAT_COLOURS.items()},
            "foreground": self.app.theme_variables["foreground"],
        }
        outlets = {d.id: d.outlet for d in self.result.documents}
        for number, doc in enumerate(self.documents, 1):
            table.add_column(render.fit(f"{number} {outlets[doc]}", 11), key=doc, width=11)
        by_row: dict[str, list[Text]] = {}
        for cell in self.cells:
            text, style = render.heat_cell(cell.band, colours)
            by_row.setdefault(cell.sentence, []).append(Text(text, style=style))
        for readout in self.result.readouts:
            for sentence in readout.sentences:
                label = f"{_short(readout)} {sentence.id.rsplit('/', 1)[-1]}"
                table.add_row(*by_row[sentence.id], key=sentence.id, label=label)
        if self.start in self.sentences:
            table.move_cursor(row=table.get_row_index(self.start))
        table.focus()

    @on(DataTable.CellHighlighted)
    def _describe(self, event: DataTable.CellHighlighted) -> None:
        sentence_id, doc_id = event.cell_key.row_key.value, event.cell_key.column_key.value
        assert sentence_id is not None and doc_id is not None
        cell = next(c for c in self.cells if c.sentence == sentence_id and c.document == doc_id)
        outlet = self.result.document(doc_id).outlet
        verdict = (
            "does not carry it"
            if cell.band is None
            else f"closest version {shade(cell.band)}, {cell.kept or 0:.0%} of the base words "
            f"kept; {cell.substantive} substantive in all its versions"
        )
        self.query_one("#overview-status", Static).update(
            Content.assemble(
                (sentence_id, "bold"),
                "  ",
                (outlet, "bold"),
                f": {verdict}\n",
                self.sentences[sentence_id].text,
            )
        )

    @on(DataTable.CellSelected)
    def _open(self, event: DataTable.CellSelected) -> None:
        sentence_id, doc_id = event.cell_key.row_key.value, event.cell_key.column_key.value
        assert sentence_id is not None and doc_id is not None
        self.dismiss((sentence_id, doc_id))


class ContrastScreen(Screen[None]):
    """Two readouts' sentences paired, with what only one of them says underlined."""

    BINDINGS = [
        Binding("escape,c", "app.pop_screen", "Back"),
        Binding("k", "scroll('up')", "Up", group=MOVE, key_display="↑k"),
        Binding("j", "scroll('down')", "Down", group=MOVE, key_display="↓j"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(
        self, result: Result, a: str, b: str, build: Callable[[str, str], Contrast]
    ) -> None:
        super().__init__()
        self.result, self.a, self.b, self.build = result, a, b, build
        self._built: dict[tuple[str, str], Contrast] = {}

    def compose(self) -> ComposeResult:
        choices = [(readout_title(r), r.id) for r in self.result.readouts]
        with Horizontal(id="contrast-pick"):
            yield Select(choices, value=self.a, allow_blank=False, id="contrast-a", compact=True)
            yield Static(" vs ", id="contrast-vs")
            yield Select(choices, value=self.b, allow_blank=False, id="contrast-b", compact=True)
        with VerticalScroll(id="contrast-scroll"):
            yield Static(id="contrast-body")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.show()
        self.query_one("#contrast-scroll").focus()

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one("#contrast-scroll", VerticalScroll)
        (scroll.scroll_down if direction == "down" else scroll.scroll_up)(animate=False)

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        value = event.value
        if isinstance(value, str):
            if event.select.id == "contrast-a":
                self.a = value
            else:
                self.b = value
            self.show()

    def on_resize(self) -> None:
        self.show()

    def show(self) -> None:
        body = self.query_one("#contrast-body", Static)
        if self.a == self.b:
            body.update(Content("Choose two different readouts."))
            return
        if (self.a, self.b) not in self._built:
            self._built[(self.a, self.b)] = self.build(self.a, self.b)
        contrast = self._built[(self.a, self.b)]
        body.update(
            contrast_view(
                self.result, contrast, max(self.query_one("#contrast-scroll").size.width - 2, 40)
            )
        )


def contrast_view(result: Result, contrast: Contrast, width: int) -> Content:
    """The contrast as two columns, one row per pair (or lone sentence), phrases marked."""
    a, b = result.readout(contrast.a), result.readout(contrast.b)
    marks: dict[str, list[tuple[int, int]]] = {}
    for phrase in contrast.only_in_a + contrast.only_in_b:
        marks.setdefault(phrase.sentence, []).append((phrase.start, phrase.end))
    pair_of = {s.a: s for s in contrast.shared}
    paired_b = {s.b for s in contrast.shared}
    rows: list[tuple[str | None, str | None, str]] = []
    for sentence in a.sentences:
        shared = pair_of.get(sentence.id)
        rows.append(
            (
                sentence.id,
                shared.b if shared else None,
                ("=" if shared.identical else "≈") if shared else "",
            )
        )
    b_order = [s.id for s in b.sentences]
    for index, sentence in enumerate(b.sentences):
        if sentence.id in paired_b:
            continue
        later = [
            i for i, row in enumerate(rows) if row[1] is not None and b_order.index(row[1]) > index
        ]
        rows.insert(later[0] if later else len(rows), (None, sentence.id, ""))
    texts = {s.id: s.text for s in a.sentences + b.sentences}
    column = max((width - 5) // 2, 16)
    lines = [
        Content.assemble(
            ("only in this readout", render.ONLY_IN),
            f": {render.plural(len(contrast.only_in_a), 'phrase')} only in the left one, "
            f"{len(contrast.only_in_b)} only in the right one. "
            f"{render.plural(len(contrast.shared), 'pair')} of sentences: = same words, "
            "≈ reworded; — none",
        ),
        Content(""),
        _two(
            Content.styled(readout_title(a), "bold"),
            Content.styled(readout_title(b), "bold"),
            " ",
            column,
        ),
    ]
    for left, right, link in rows:
        lines.append(Content(""))
        lines.append(_two(_side(left, texts, marks), _side(right, texts, marks), link, column))
    return Content("\n").join(lines)


def _side(
    sentence: str | None, texts: dict[str, str], marks: dict[str, list[tuple[int, int]]]
) -> Content:
    if sentence is None:
        return Content.styled("—", render.MUTED)
    number = sentence.rsplit("/", 1)[-1]
    return Content.assemble(
        (number, "bold"), " ", render.contrast_text(texts[sentence], marks.get(sentence, []))
    )


def _two(left: Content, right: Content, link: str, column: int) -> Content:
    one, two = left.wrap(column), right.wrap(column)
    out = []
    for row in range(max(len(one), len(two))):
        l_line = one[row] if row < len(one) else Content("")
        r_line = two[row] if row < len(two) else Content("")
        middle = f" {link or ' '} " if row == 0 else "   "
        out.append(l_line.pad_right(max(0, column - l_line.cell_length)) + middle + r_line)
    return Content("\n").join(out)
