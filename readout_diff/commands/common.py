"""What `report`, `review` and `check` share: input options, loading, progress, errors."""

from __future__ import annotations

import argparse
import os
import sys

from ..api import analyse
from ..diagnostics import ExitCode, error, note
from ..documents import MAX_BYTES
from ..model import Result
from ..readouts import ReadoutSpecError


def add_input_arguments(parser: argparse.ArgumentParser, stdin: bool = True) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="articles: files or folders (read recursively)"
        + (", or - for stdin" if stdin else ""),
    )
    parser.add_argument(
        "--official",
        action="append",
        default=[],
        metavar="FILE",
        help="an official readout text to use as the base (repeatable)",
    )
    parser.add_argument(
        "--readouts",
        metavar="FILE",
        help="TOML file naming the readouts (id, counterpart, aliases, date, official)",
    )
    parser.add_argument(
        "--ignore-case", action="store_true", help="do not report differences of letter case"
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=MAX_BYTES,
        metavar="N",
        help=f"largest input file to read (default {MAX_BYTES})",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress or notes on stderr (errors are still shown)",
    )


class _Progress:
    """Progress on stderr, only on a terminal and not with --quiet."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.enabled:
            label = {"read": "files read", "passages": "passages found"}.get(stage, stage)
            print(f"\rreadout-diff: {done} {label}" + " " * 10, end="", file=sys.stderr, flush=True)

    def finish(self) -> None:
        if self.enabled:
            print("\r" + " " * 60 + "\r", end="", file=sys.stderr, flush=True)


def load(args: argparse.Namespace) -> tuple[Result | None, ExitCode]:
    """Run the engine on the command line's inputs; report input problems on stderr."""
    progress = _Progress(not args.quiet)
    try:
        result = analyse(
            args.paths,
            official=args.official,
            readouts=args.readouts,
            ignore_case=args.ignore_case,
            progress=progress,
            max_bytes=args.max_bytes,
        )
    except ReadoutSpecError as problem:
        progress.finish()
        error(args.readouts or "--readouts", str(problem))
        return None, ExitCode.INPUT
    progress.finish()
    for failed in result.errors:
        error(failed.path, failed.message)
    if not args.quiet:
        for notice in result.notices:
            note(notice.path, notice.message)
    return result, ExitCode.INPUT if result.errors else ExitCode.OK


def color_wanted(choice: str, stream: object) -> bool:
    """--color auto honours NO_COLOR and whether the stream is a terminal."""
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())
