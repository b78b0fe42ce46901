"""Small screens over the main one: help, base picker, export, input problems, failure."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ..model import Result
from . import render

EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".txt": "text",
}
CONSENSUS = "\0consensus"  # the base picker's choice for "back to the readout's own base"


def export_format(path: str) -> str | None:
    """The report format a file name asks for, by its extension."""
    return EXTENSIONS.get(Path(path).suffix.lower())


class HelpScreen(ModalScreen[None]):
    """Every key, what the marks mean, and how to read the badges and the heat map."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        lines: list[Content | str | tuple[str, str]] = [("Keys", "bold"), "\n"]
        for key, description in self.keys:
            lines += [(f"{key:<10}", "bold $text-accent"), description, "\n"]
        lines += [
            "\n",
            ("Marks", "bold"),
            "\n",
            render.legend(),
            "\n",
            "Versions sit side by side when they fit; otherwise one row each, the same "
            "base word in the same column. B is the base; 1, 2… the outlets' versions.\n\n",
            ("Navigator", "bold"),
            "\n◫ outlets that carry the sentence · Δ substantive differences in it\n\n",
            ("Heat map", "bold"),
            "\n█ verbatim  ▓ minor  ▒ changed  ░ rewritten; "
            "blank: the outlet does not carry it\n\n",
            ("Escape or ? closes this help.", render.MUTED),
        ]
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Content.assemble(*lines))


class BasePicker(ModalScreen[str | None]):
    """Choose the version every outlet is measured against."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, result: Result, current: str | None) -> None:
        super().__init__()
        self.result, self.current = result, current

    def compose(self) -> ComposeResult:
        versions = Counter(
            w.document for r in self.result.readouts for s in r.sentences for w in s.witnesses
        )
        options = [
            Option(
                Content.assemble(
                    ("the readout's own base", "bold"),
                    (" (official text or consensus)", render.MUTED),
                ),
                id=CONSENSUS,
            )
        ]
        for doc in self.result.documents:
            if doc.id not in versions:
                continue
            named = f"  {doc.id}" if doc.outlet != doc.id else ""
            count = render.plural(versions[doc.id], "version")
            facts = f"{named}  {doc.date or 'undated'} · {count}"
            options.append(
                Option(Content.assemble((doc.outlet, "bold"), (facts, render.MUTED)), id=doc.id)
            )
        with Vertical(classes="dialog", id="base-picker"):
            yield Label("Measure every outlet against…", classes="dialog-title")
            yield OptionList(*options, id="base-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = options.get_option_index(self.current or CONSENSUS)
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class ExportDialog(ModalScreen[tuple[str, bool] | None]):
    """Ask where to write the report of the current view; the extension picks the format."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, path: str, readout: str) -> None:
        super().__init__()
        self.path, self.readout = path, readout

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export"):
            yield Label("Export the current view as a report", classes="dialog-title")
            yield Input(self.path, id="export-path")
            yield Static(
                "Format follows the extension: .html, .md, .json or .txt", id="export-hint"
            )
            yield Checkbox(f"Only this readout ({self.readout})", True, id="export-one")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#export-go")
    def _go(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        if export_format(path) is None:
            self.query_one("#export-hint", Static).update(
                Content.styled(
                    "Unknown extension: use .html, .md, .json or .txt", "bold $text-error"
                )
            )
            return
        self.dismiss((path, self.query_one("#export-one", Checkbox).value))

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class InputsScreen(ModalScreen[None]):
    """The inputs that could not be read, and notes about the others, each by file."""

    BINDINGS = [Binding("escape,exclamation_mark,q", "dismiss", "Close")]

    def __init__(self, result: Result) -> None:
        super().__init__()
        self.result = result

    def compose(self) -> ComposeResult:
        lines: list[Content | str | tuple[str, str]] = []
        if self.result.errors:
            lines += [(f"Could not be read ({len(self.result.errors)})", "bold $text-error"), "\n"]
            for problem in self.result.errors:
                lines += ["  ", (problem.path, "bold"), f": {problem.message}\n"]
        if self.result.notices:
            lines += ["\n", (f"Notes ({len(self.result.notices)})", "bold"), "\n"]
            for notice in self.result.notices:
                lines += ["  ", (notice.path, "bold"), f": {notice.message}\n"]
        if not lines:
            lines = ["Every input was read."]
        with VerticalScroll(classes="dialog", id="inputs"):
            yield Static(Content.assemble(*lines))


class FailureScreen(ModalScreen[None]):
    """The engine could not run at all (e.g. an unusable readouts file): say why, by file."""

    BINDINGS = [Binding("escape,q,enter", "app.quit", "Quit")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="failure"):
            yield Label("readout-diff could not analyse the inputs", classes="dialog-title")
            yield Static(self.message, markup=False)
            yield Static(Content.styled("Press q to quit.", render.MUTED), id="failure-quit")
