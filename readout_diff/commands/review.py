"""`readout-diff review`: browse the engine's result in an interactive terminal app."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..diagnostics import ExitCode, error
from .common import add_input_arguments

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


def run(args: argparse.Namespace) -> ExitCode:
    if "-" in args.paths:
        error("-", "review reads its keys from the terminal: give files or folders, not stdin")
        return ExitCode.INPUT
    from ..api import analyse
    from ..tui import ReviewApp  # Textual is loaded only when the app runs

    def loader(progress: Progress) -> Result:
        return analyse(
            args.paths,
            official=args.official,
            readouts=args.readouts,
            ignore_case=args.ignore_case,
            progress=progress,
            max_bytes=args.max_bytes,
        )

    app = ReviewApp(loader, theme=f"textual-{args.theme}")
    app.run()
    if app.failure is not None:
        error(args.readouts or "input", app.failure)
        return ExitCode.INPUT
    if app.original is None:  # closed before the engine finished
        return ExitCode.INTERRUPT
    for problem in app.original.errors:
        error(problem.path, problem.message, sys.stderr)
    return ExitCode.INPUT if app.original.errors else ExitCode.OK
