"""The review app: browse every outlet's version of each readout sentence.

The app takes a finished `Result` (tests, the library) or a loader that runs the engine;
a loader runs in a worker thread so the screen stays live on large inputs. Everything
the user can change (base, cosmetic differences, filters) is a pure function of the
engine's result: the app keeps the original and derives the view from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from time import monotonic
from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList, ProgressBar, Static
from textual.worker import Worker, WorkerState

from ..contrast import contrast_pair
from ..entities import Cast, detect_cast
from ..model import Contrast, Readout, ReadoutSentence, Result
from ..pipeline import Progress
from ..rebase import rebase
from ..reports import render as render_report
from ..reports.files import write_atomically
from ..views import hide_cosmetic
from . import render
from .dialogs import (
    CONSENSUS,
    BasePicker,
    ExportDialog,
    FailureScreen,
    HelpScreen,
    InputsScreen,
    export_format,
)
from .layout import best_version, next_substantive, readout_title, visible
from .screens import ContrastScreen, OverviewScreen
from .widgets import MOVE, DetailPane, KeyBar, Navigator, VersionsView

Loader = Callable[[Progress], Result]
WIDE = 120  # from this many columns on, the navigator gets more room
STAGES = {"read": ("file read", "files read"), "passages": ("passage found", "passages found")}
HELP = [
    ("↑ ↓  j k", "move; in the versions pane, between versions"),
    ("← →", "versions pane: previous / next version"),
    ("tab", "switch pane: navigator, versions, detail"),
    ("b", "measure against another base (an outlet's)"),
    ("h", "hide / show cosmetic differences"),
    ("s", "only sentences with substantive differences"),
    ("/", "search the sentences (Escape clears)"),
    ("n  N", "next / previous substantive difference"),
    ("o", "overview heat map; Enter opens a cell"),
    ("c", "contrast two readouts"),
    ("e", "export the view: HTML, Markdown, JSON, text"),
    ("!", "unreadable inputs and notes"),
    ("t", "light / dark theme"),
    ("?", "this help"),
    ("q", "quit (Escape closes a screen)"),
    ("mouse", "click a sentence, a version; a heat-map cell twice"),
]


class Progressed(Message):
    """The engine's progress: `done` of `total` in a stage ("read", "passages")."""

    def __init__(self, stage: str, done: int, total: int) -> None:
        self.stage, self.done, self.total = stage, done, total
        super().__init__()


class SearchBox(Input):
    """The `/` search line; Escape clears the search and closes it."""

    BINDINGS = [Binding("escape", "app.clear_search", "Clear search")]


class MainScreen(Screen[None]):
    """Navigator, versions and detail; its keys drive the app's actions."""

    class Ready(Message):
        """The panes exist: the app can fill them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "app.move(-1)", "Up", group=MOVE, key_display="↑k"),
        Binding("down,j", "app.move(1)", "Down", group=MOVE, key_display="↓j"),
        Binding("tab", "app.focus_next", "Pane", priority=True),
        Binding("b", "app.pick_base", "Base"),
        Binding("h", "app.toggle_cosmetic", "Cosmetic"),
        Binding("s", "app.toggle_substantive", "Substantive"),
        Binding("slash", "app.search", "Search"),
        Binding("n", "app.next_difference(1)", "Next Δ"),
        Binding("N", "app.next_difference(-1)", "Previous Δ", show=False),
        Binding("o", "app.overview", "Overview"),
        Binding("c", "app.contrast", "Contrast"),
        Binding("e", "app.export", "Export"),
        Binding("exclamation_mark", "app.inputs", "Inputs", show=False),
        Binding("t", "app.toggle_theme", "Theme", show=False),
        Binding("question_mark", "app.help", "Help"),
        Binding("q", "app.quit", "Quit"),
        Binding("escape", "app.clear_search", "Clear search", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield Navigator(id="navigator")
            with Vertical(id="right"):
                yield VersionsView(id="versions")
                yield DetailPane(id="detail")
        with Vertical(id="loading"):
            yield Static("Reading inputs…", id="loading-label")
            yield ProgressBar(id="loading-bar", show_eta=False)
        yield SearchBox(
            placeholder="search the sentences (Enter: apply, Escape: clear)",
            id="search",
            compact=True,
        )
        yield KeyBar(show_command_palette=False, id="footer")

    def on_mount(self) -> None:
        self.query_one(Navigator).border_title = "◫ outlets · Δ substantive"
        self.query_one(DetailPane).border_title = "Detail"
        self.on_resize()
        self.post_message(self.Ready())

    def on_resize(self) -> None:
        self.set_class(self.app.size.width >= WIDE, "-wide")


class ReviewApp(App[None]):
    """Navigator, versions side by side (or stacked), detail; overview and contrast screens."""

    CSS_PATH = Path(__file__).with_name("review.tcss")  # absolute: subclasses live elsewhere
    TITLE = "readout-diff review"

    def __init__(
        self, source: Result | Loader, *, theme: str = "textual-dark", ignore_case: bool = False
    ) -> None:
        super().__init__()
        self.ignore_case = ignore_case  # passed on to rebase, as `report --base` does
        self.source = source
        self.theme = theme
        self.original: Result | None = None
        self.view: Result | None = None
        self.base: str | None = None  # document id whose versions are the base, or None
        self.cosmetic_hidden = False
        self.only_substantive = False
        self.query_text = ""
        self.sentence: str | None = None
        self.version = 0
        self.failure: str | None = None  # why the engine could not run, if it could not
        self._cast: Cast | None = None
        self.main = MainScreen()
        self._rebases: dict[str, Result] = {}

    # --- building and loading -------------------------------------------------------

    def get_default_screen(self) -> MainScreen:
        return self.main

    @on(MainScreen.Ready)
    def _start(self) -> None:
        if isinstance(self.source, Result):
            self.loaded(self.source)
        else:
            self.main.set_class(True, "-loading")
            self.load(self.source)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load(self, loader: Loader) -> Result:
        last = 0.0

        def progress(stage: str, done: int, total: int) -> None:
            """From the engine's thread: a message (no waiting), at most ~20 a second."""
            nonlocal last
            now = monotonic()
            if now - last >= 0.05 or done >= total:
                last = now
                self.post_message(Progressed(stage, done, total))

        return loader(progress)

    @on(Progressed)
    def _progress(self, event: Progressed) -> None:
        self.main.query_one("#loading-label", Static).update(
            f"Analysing… {event.done} "
            + STAGES.get(event.stage, (event.stage, event.stage))[event.done != 1]
        )
        bar = self.main.query_one("#loading-bar", ProgressBar)
        bar.display = True
        bar.update(total=max(event.total, 1), progress=event.done)

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state == WorkerState.ERROR:
            error = worker.error
            message = (
                str(error)
                if isinstance(error, (ValueError, OSError))
                else (f"{type(error).__name__}: {error}")
            )
            if worker.group == "load":
                self.failure = message
                self.main.set_class(False, "-loading")
                self.push_screen(FailureScreen(message))
            else:
                self.notify(message, title="Could not finish", severity="error", timeout=10)
        elif event.state == WorkerState.SUCCESS:
            if worker.group == "load" and isinstance(worker.result, Result):
                self.loaded(worker.result)
            elif worker.group == "export" and isinstance(worker.result, str):
                self.notify(f"Wrote {worker.result}", title="Exported")
            elif worker.group == "base" and isinstance(worker.result, Result):
                self._derived(worker.result)

    def loaded(self, result: Result) -> None:
        """Show a finished result; tell the user about every input that could not be read."""
        self.main.set_class(False, "-loading")
        self.original = result
        if not result.documents and result.errors:
            self.exit()  # nothing could be read: the command prints why and exits 2
            return
        self.view = hide_cosmetic(result) if self.cosmetic_hidden else result
        first = next((s for r in result.readouts for s in r.sentences), None)
        self.sentence = first.id if first else None
        self._refill()
        self.main.query_one(Navigator).focus()
        for problem in result.errors[:5]:
            self.notify(
                f"{problem.path}: {problem.message}",
                title="Could not read",
                severity="error",
                timeout=12,
            )
        if len(result.errors) > 5:
            self.notify(
                f"and {len(result.errors) - 5} more: press ! to list them",
                severity="error",
                timeout=12,
            )

    # --- what is shown ----------------------------------------------------------------

    def current(self) -> tuple[Readout, ReadoutSentence] | None:
        if self.view is None or self.sentence is None:
            return None
        for readout in self.view.readouts:
            for sentence in readout.sentences:
                if sentence.id == self.sentence:
                    return readout, sentence
        return None

    def _shown(self) -> list[tuple[Readout, list[ReadoutSentence]]]:
        assert self.view is not None
        return visible(self.view, self.only_substantive, self.query_text)

    def _refill(self) -> None:
        """Rebuild the navigator under the filters, then show the selection."""
        if self.view is None:
            return
        shown = self._shown()
        listed = [s.id for _, sentences in shown for s in sentences]
        if self.sentence not in listed:
            self.sentence = listed[0] if listed else None
            self.version = 0
        self.main.query_one(Navigator).fill(
            shown, self.sentence, filtered=self.only_substantive or bool(self.query_text)
        )
        self._show()

    def _show(self) -> None:
        self._status()
        found = self.current()
        versions = self.main.query_one(VersionsView)
        detail = self.main.query_one(DetailPane)
        assert self.view is not None
        if found is None:
            versions.show(self.view, None, 0)
            detail.show(self._empty_detail())
            return
        _, sentence = found
        self.version = min(self.version, len(sentence.witnesses))
        versions.show(self.view, sentence, self.version)
        detail.show(render.detail(self.view, sentence, self.version))

    def _empty_detail(self) -> Content:
        assert self.view is not None
        if not self.view.readouts:
            inputs = len(self.view.documents) + len(self.view.errors)
            return Content.assemble(
                ("No readout found", "bold"),
                f" in {render.plural(inputs, 'input')}. Press ! for the inputs that could not "
                "be read and the notes about the others.",
            )
        return Content("No sentence matches the filters.")

    def _status(self) -> None:
        assert self.view is not None
        view = self.view
        outlets = len({w.document for r in view.readouts for s in r.sentences for w in s.witnesses})
        base = "own" if self.base is None else view.document(self.base).outlet
        parts: list[Content | str | tuple[str, str]] = [
            (f" {len(view.readouts)} readouts · {outlets} outlets", "bold"),
            " │ base: ",
            (base, "bold"),
            " │ cosmetic ",
            ("hidden" if self.cosmetic_hidden else "shown", "bold"),
        ]
        if self.only_substantive:
            parts += [" │ ", ("only substantive", "bold reverse")]
        if self.query_text:
            parts += [" │ ", (f"/{self.query_text}", "bold reverse")]
        if view.errors:
            parts += [" │ ", (f"{len(view.errors)} unreadable (!)", "bold $text-error")]
        self.main.query_one("#status", Static).update(Content.assemble(*parts))

    def select(self, sentence: str, version: int = 0) -> None:
        """Show `sentence` with version `version` (0 = base) focused, clearing filters
        that would hide it."""
        shown = [s.id for _, sentences in self._shown() for s in sentences]
        if sentence not in shown:
            self.only_substantive, self.query_text = False, ""
            self.main.query_one("#search", Input).value = ""
        self.sentence, self.version = sentence, version
        self._refill()

    @on(OptionList.OptionHighlighted, "#navigator")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        chosen = event.option.id
        if chosen is None or chosen == self.sentence or self.view is None:
            return
        previous = self.current()
        document = None
        if previous and self.version:
            document = previous[1].witnesses[self.version - 1].document
        self.sentence = chosen
        found = self.current()
        self.version = best_version(found[1], document) if found and document else 0
        self._show()

    @on(VersionsView.Picked)
    def _picked(self, event: VersionsView.Picked) -> None:
        self.version = event.version
        self._show()

    # --- actions ---------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        """Up/down (j/k) outside the panes that handle it themselves: step the navigator."""
        navigator = self.main.query_one(Navigator)
        (navigator.action_cursor_down if step > 0 else navigator.action_cursor_up)()

    def action_toggle_cosmetic(self) -> None:
        self.cosmetic_hidden = not self.cosmetic_hidden
        self._derive()

    def action_toggle_substantive(self) -> None:
        self.only_substantive = not self.only_substantive
        self._refill()

    def action_search(self) -> None:
        search = self.main.query_one("#search", Input)
        search.add_class("-open")
        search.focus()

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        self.query_text = event.value.strip()
        self._close_search()
        self._refill()
        if self.view and self.query_text and not any(s for _, s in self._shown()):
            self.notify(f"No sentence contains “{self.query_text}”.", severity="warning", timeout=4)

    def _close_search(self) -> None:
        search = self.main.query_one("#search", Input)
        search.remove_class("-open")
        self.main.query_one(Navigator).focus()

    def action_clear_search(self) -> None:
        self.main.query_one("#search", Input).value = ""
        self.query_text = ""
        self._close_search()
        self._refill()

    def action_next_difference(self, step: int) -> None:
        if self.view is None:
            return
        among = [s.id for _, sentences in self._shown() for s in sentences]
        found = next_substantive(self.view, self.sentence, self.version, step, among)
        if found is None:
            self.notify("No substantive differences here.", timeout=3)
            return
        self.select(*found)

    def action_pick_base(self) -> None:
        if self.original is None:
            return

        def chosen(choice: str | None) -> None:
            if choice is None:
                return
            self.base = None if choice == CONSENSUS else choice
            self._derive()

        self.push_screen(BasePicker(self.original, self.base), chosen)

    def _derive(self) -> None:
        """Recompute the view from the original: rebase (in a worker), hide cosmetics."""
        if self.original is None:
            return
        if self.base is None:
            self._derived(self.original)
        else:
            self._rebase(self.original, self.base)

    @work(thread=True, exclusive=True, exit_on_error=False, group="base")
    def _rebase(self, result: Result, base: str) -> Result:
        """Rebasing re-diffs every version: keep each one, switching back is instant."""
        if base not in self._rebases:
            self._rebases[base] = rebase(result, base, self.ignore_case)
        return self._rebases[base]

    def _derived(self, result: Result) -> None:
        self.view = hide_cosmetic(result) if self.cosmetic_hidden else result
        self._refill()

    def action_overview(self) -> None:
        if self.view is None or not self.view.readouts:
            return

        def opened(cell: tuple[str, str] | None) -> None:
            if cell is None or self.view is None:
                return
            sentence, document = cell
            found = next(s for r in self.view.readouts for s in r.sentences if s.id == sentence)
            version = best_version(found, document)
            if not version:
                outlet = self.view.document(document).outlet
                self.notify(f"{outlet} does not carry {sentence}: showing the base.", timeout=4)
            self.select(sentence, version)
            self.main.query_one(VersionsView).focus()

        self.push_screen(OverviewScreen(self.view, self.sentence), opened)

    def action_contrast(self) -> None:
        """Contrast the current readout with its twin (or, failing that, the next one)."""
        if self.original is None or len(self.original.readouts) < 2:
            self.notify("A contrast needs two readouts.", severity="warning", timeout=4)
            return
        found = self.current()
        here = found[0].id if found else self.original.readouts[0].id
        twin = next(
            (c.b if c.a == here else c.a for c in self.original.contrasts if here in (c.a, c.b)),
            None,
        )
        if twin is None:
            twin = next(r.id for r in self.original.readouts if r.id != here)
        self.push_screen(ContrastScreen(self.original, here, twin, self.contrast))

    def contrast(self, a: str, b: str) -> Contrast:
        """The engine's contrast of two readouts, or one built now for any other pair."""
        assert self.original is not None
        for known in self.original.contrasts:
            if (known.a, known.b) == (a, b):
                return known
            if (known.b, known.a) == (a, b):
                return replace(
                    known,
                    a=a,
                    b=b,
                    only_in_a=known.only_in_b,
                    only_in_b=known.only_in_a,
                    shared=tuple(replace(s, a=s.b, b=s.a) for s in known.shared),
                )
        if self._cast is None:
            self._cast = detect_cast([d.text for d in self.original.documents])
        return contrast_pair(self.original.readout(a), self.original.readout(b), self._cast)

    def action_export(self) -> None:
        found = self.current()
        if self.view is None or found is None:
            self.notify("Nothing to export yet.", severity="warning", timeout=4)
            return
        readout = found[0]

        def chosen(answer: tuple[str, bool] | None) -> None:
            if answer is None or self.view is None:
                return
            path, only_this = answer
            self.export(self.view, path, readout.id if only_this else None)

        self.push_screen(
            ExportDialog(f"readout-diff-{readout.id}.html", readout_title(readout)), chosen
        )

    @work(thread=True, exit_on_error=False, group="export")
    def export(self, result: Result, path: str, readout: str | None = None) -> str:
        """Write the report of `result` (or of one readout of it) to `path`, atomically."""
        if readout is not None:
            result = replace(result, readouts=(result.readout(readout),), contrasts=())
        fmt = export_format(path) or "html"
        content = render_report(result, fmt, color=False, width=100)
        try:
            write_atomically(path, content)
        except OSError as problem:
            raise OSError(f"{path}: cannot be written: {problem.strerror or problem}") from None
        return path

    def action_inputs(self) -> None:
        if self.original is not None:
            self.push_screen(InputsScreen(self.original))

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def action_help(self) -> None:
        self.push_screen(HelpScreen(HELP))
