"""The main screen's panes: navigator, versions of a sentence, detail, the key bar."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ..model import Readout, ReadoutSentence, Result
from ..views import outlet_numbers
from . import render
from .layout import align, blocks, call_facts, call_title, outlet_count

MIN_COLUMN = 24  # narrower than this, versions are stacked in rows instead of columns
SEPARATOR = " │ "
LABEL_WIDTH = 4  # "▶12 " before each stacked row
FOOTER_ONE_LINE = 132  # from this many columns on, every key fits on one footer line


MOVE = Binding.Group("Move", compact=True)


class Navigator(OptionList):
    """Readouts (headers) and, under each, their sentences with badges."""

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", group=MOVE, key_display="↑k"),
        Binding("down,j", "cursor_down", "Down", group=MOVE, key_display="↓j"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: list[tuple[Readout, list[ReadoutSentence]]] = []
        self._width = 0
        self._filtered = False

    def fill(
        self,
        shown: list[tuple[Readout, list[ReadoutSentence]]],
        current: str | None,
        filtered: bool | None = None,
    ) -> None:
        """Replace the list, keeping the cursor on `current` when it is still listed
        (`filtered`: a filter is on, so an empty list means nothing matches it)."""
        self._shown = shown
        if filtered is not None:
            self._filtered = filtered
        self._width = width = max(self.scrollable_content_region.width, 20)
        options: list[Option | None] = []
        for readout, sentences in shown:
            if options:
                options.append(None)
            outlets = render.plural(len(readout.documents), "outlet")
            header = Content.assemble(
                (call_title(readout), "bold"),
                "\n",
                (call_facts(readout, outlets, width), render.MUTED),
            )
            options.append(Option(header, id=f"readout:{readout.id}", disabled=True))
            for sentence in sentences:
                number = sentence.id.rsplit("/", 1)[-1]
                lead = Content.assemble((number, "bold"), " ", render.badges(sentence), " ")
                options.append(
                    Option(render.two_lines(lead + sentence.text, width), id=sentence.id)
                )
        if not options:
            nothing = (
                "No readout found in these inputs: press ! for the notes about them."
                if not self._filtered
                else "Nothing matches: press s or Escape to show all sentences."
            )
            options.append(Option(nothing, id="empty", disabled=True))
        self.set_options(options)
        if current is not None and any(o is not None and o.id == current for o in options):
            self.highlighted = self.get_option_index(current)
        else:
            first = next(
                (i for i, o in enumerate(options) if o is not None and not o.disabled), None
            )
            self.highlighted = first

    def on_resize(self) -> None:
        if self._shown and self.scrollable_content_region.width != self._width:
            current = self.highlighted_option
            self.fill(self._shown, current.id if current else None)


class VersionsView(VerticalScroll, can_focus=True):
    """Every version of the selected sentence: side by side, or stacked and aligned."""

    BINDINGS = [
        Binding("up,k,left", "move(-1)", "Previous", group=MOVE, key_display="↑k"),
        Binding("down,j,right", "move(1)", "Next", group=MOVE, key_display="↓j"),
    ]

    class Picked(Message):
        """The user moved the focus to another version."""

        def __init__(self, version: int) -> None:
            self.version = version
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.result: Result | None = None
        self.sentence: ReadoutSentence | None = None
        self.version = 0
        self.stacked = False
        self._rows: list[int | None] = []  # version shown on each line (stacked)
        self._edges: list[int] = []  # where each column starts (side by side)
        self._focus_line = 0

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="legend")
        yield Static(id="versions-body")

    def show(self, result: Result, sentence: ReadoutSentence | None, version: int) -> None:
        if sentence is not self.sentence:
            self.scroll_home(animate=False)
        self.result, self.sentence, self.version = result, sentence, version
        self.refresh_view()

    def on_resize(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        body = self.query_one("#versions-body", Static)
        legend = self.query_one("#legend", Static)
        if self.result is None or self.sentence is None:
            self.border_title = "Versions"
            legend.update(Content(""))
            body.update(Content("No sentence selected."))
            return
        self.border_title = f"Versions of {self.sentence.id}"
        legend.update(
            render.legend(
                {(d.kind, d.substantive) for w in self.sentence.witnesses for d in w.differences}
            )
        )
        width = max(self.scrollable_content_region.width, 20)
        count = len(self.sentence.witnesses) + 1
        self.stacked = (width - len(SEPARATOR) * (count - 1)) // count < MIN_COLUMN
        self.set_class(self.stacked, "-stacked")
        content = self._stacked(width) if self.stacked else self._columns(width)
        body.update(content)
        self.call_after_refresh(self._scroll_to_focus)

    def _scroll_to_focus(self) -> None:
        """Keep the focused version's first row in view, moving as little as possible."""
        legend = self.query_one("#legend", Static)
        line = legend.outer_size.height + self._focus_line
        height = self.scrollable_content_region.height
        if line < self.scroll_y:
            self.scroll_to(y=line, animate=False)
        elif line >= self.scroll_y + height:
            self.scroll_to(y=line - height + 1, animate=False)

    def _heading(self, version: int) -> tuple[str, str]:
        assert self.sentence is not None and self.result is not None
        if version == 0:
            return (
                render.base_title(self.result, self.sentence),
                render.plural(outlet_count(self.sentence), "outlet"),
            )
        witness = self.sentence.witnesses[version - 1]
        return (render.version_title(self.result, witness), render.version_facts(witness))

    def _columns(self, width: int) -> Content:
        assert self.sentence is not None
        count = len(self.sentence.witnesses) + 1
        column = (width - len(SEPARATOR) * (count - 1)) // count
        texts = [Content(self.sentence.text)] + [
            render.witness_text(self.sentence.text, w) for w in self.sentence.witnesses
        ]
        panels: list[list[Content]] = []
        for version, text in enumerate(texts):
            title, facts = self._heading(version)
            key = self._key(version)
            focused = version == self.version
            style = "bold reverse" if focused else "bold"
            marker = "▶" if focused else " "
            head = [
                Content.styled(render.fit(f"{marker}{key} {title}", column), style),
                Content.styled(render.fit(f"   {facts}", column), render.MUTED),
                Content("─" * column),
            ]
            panels.append(head + text.wrap(column))
        depth = max(len(p) for p in panels)
        lines = []
        for row in range(depth):
            cells = [(p[row] if row < len(p) else Content("")) for p in panels]
            lines.append(
                Content(SEPARATOR)
                .join(c.pad_right(max(0, column - c.cell_length)) for c in cells)
                .rstrip()
            )
        self._edges = [i * (column + len(SEPARATOR)) for i in range(count)]
        self._rows = []
        self._focus_line = 0
        return Content("\n").join(lines)

    def _stacked(self, width: int) -> Content:
        """Blocks of aligned rows (B, 1, 2…), then the key to the row labels."""
        assert self.sentence is not None
        lines: list[Content] = []
        rows: list[int | None] = []
        versions = len(self.sentence.witnesses) + 1
        focus_line = None
        columns = align(self.sentence.text, self.sentence.witnesses)
        if self.version:
            # the focused version's changes first, wrapped: on a small screen the aligned
            # blocks below may start far from the words it changed
            focused = self.sentence.witnesses[self.version - 1]
            marked = render.witness_text(self.sentence.text, focused)
            for i, line in enumerate(marked.wrap(max(width - LABEL_WIDTH, 10))):
                lines.append(
                    (self._label(self.version) if i == 0 else Content(" " * LABEL_WIDTH)) + line
                )
                rows.append(self.version)
            lines.append(Content(""))
            rows.append(None)
        for block in blocks(columns, width - LABEL_WIDTH):
            for version in range(versions):
                if version == self.version and focus_line is None:
                    focus_line = len(lines)
                lines.append(render.row_line(self._label(version), block, version))
                rows.append(version)
            lines.append(Content(""))
            rows.append(None)
        for version in range(versions):
            title, facts = self._heading(version)
            lines.append(
                self._label(version)
                + Content.assemble((title, "bold"), (f"  {facts}", render.MUTED))
            )
            rows.append(version)
        self._rows = rows
        self._edges = []
        self._focus_line = focus_line or 0
        return Content("\n").join(lines)

    def _key(self, version: int) -> str:
        """ "B" for the base; else the outlet's number as the report prints it ("2"), with a
        letter when the outlet has more than one version of the sentence ("2b")."""
        if version == 0 or self.sentence is None or self.result is None:
            return "B"
        numbers = outlet_numbers(self.result)
        witnesses = self.sentence.witnesses
        doc = witnesses[version - 1].document
        number = str(numbers.get(doc, version))
        same = [i for i, w in enumerate(witnesses, 1) if w.document == doc]
        return number if len(same) == 1 else number + "abcdefghij"[same.index(version) % 10]

    def _label(self, version: int) -> Content:
        key = self._key(version)
        if version == self.version:
            return Content.assemble((f"▶{key:<2}", "bold reverse"), " ")
        return Content(f" {key:<2} ")

    def action_move(self, step: int) -> None:
        if self.sentence is None:
            return
        count = len(self.sentence.witnesses) + 1
        self.post_message(self.Picked((self.version + step) % count))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self.query_one("#versions-body", Static))
        if offset is None or self.sentence is None:
            return
        if self.stacked:
            line = offset.y
            if 0 <= line < len(self._rows) and self._rows[line] is not None:
                self.post_message(self.Picked(self._rows[line] or 0))
        else:
            chosen = max((i for i, edge in enumerate(self._edges) if offset.x >= edge), default=0)
            self.post_message(self.Picked(chosen))


class KeyBar(Footer):
    """The footer, folded onto two lines on a narrow screen so every key stays in view."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield from super().compose()
        self.call_after_refresh(self._fold)

    def _fold(self) -> None:
        cells = len(self.children)
        narrow = self.app.size.width < FOOTER_ONE_LINE
        self.styles.grid_size_columns = max(1, (cells + 1) // 2 if narrow else cells)
        self.styles.height = 2 if narrow else 1
        self.styles.grid_columns = "auto"
        self.styles.layout = "grid" if narrow else "horizontal"
        self.compact = narrow


class DetailPane(VerticalScroll, can_focus=True):
    """The focused version's file, line, column, kind, score, differences and context."""

    BINDINGS = [
        Binding("up,k", "scroll_up", "Up", group=MOVE, key_display="↑k"),
        Binding("down,j", "scroll_down", "Down", group=MOVE, key_display="↓j"),
    ]

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="detail-body")

    def show(self, content: Content) -> None:
        self.query_one("#detail-body", Static).update(content)
        self.scroll_home(animate=False)
