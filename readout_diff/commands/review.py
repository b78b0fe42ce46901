"""`readout-diff review`: browse the engine's result in an interactive terminal app."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..diagnostics import ExitCode, error
from .common import add_input_arguments, analyse_inputs

if TYPE_CHECKING:
    from ..model import Result
    from ..pipeline import Progress

HELP = "browse every outlet's version of each readout in an interactive terminal app"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("review", help=HELP, description=HELP)
    add_input_arguments(parser, stdin=False)
    parser.add_argument(
        "--theme",
        choices=("dark", "light"),
        default="dark",
        help="colour theme (t switches it in the app; NO_COLOR is honoured)",
    )
    parser.set_defaults(run=run)


@contextlib.contextmanager
def _interface_on_terminal() -> Iterator[None]:
    """Textual draws on stderr; when stderr is redirected (`review … 2> errors.txt`) draw
    on the terminal instead, so the file gets the errors printed on quit and nothing else."""
    stderr = sys.__stderr__
    if stderr is None or stderr.isatty():
        yield
        return
    try:
        tty = open("/dev/tty", "w", encoding="utf-8")  # noqa: SIM115
    except OSError:
        yield
        return
    setattr(sys, "__stderr__", tty)  # noqa: B010  (typeshed marks it Final)
    try:
        yield
    finally:
        setattr(sys, "__stderr__", stderr)  # noqa: B010
        tty.close()


def run(args: argparse.Namespace) -> ExitCode:
    if "-" in args.paths:
        error("-", "review reads its keys from the terminal: give files or folders, not stdin")
        return ExitCode.INPUT
    from ..tui import ReviewApp  # Textual is loaded only when the app runs

    def loader(progress: Progress) -> Result:
        return analyse_inputs(args, progress)

    app = ReviewApp(loader, theme=f"textual-{args.theme}", ignore_case=args.ignore_case)
    with _interface_on_terminal():
        app.run()
    if app.failure is not None:
        error(args.readouts or "input", app.failure)
        return ExitCode.INPUT
    if app.original is None:  # closed before the engine finished
        return ExitCode.INTERRUPT
    for problem in app.original.errors:
        error(problem.path, problem.message, sys.stderr)
    return ExitCode.INPUT if app.original.errors else ExitCode.OK
