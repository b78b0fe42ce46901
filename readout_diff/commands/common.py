"""What `report`, `review` and `check` share: input options, loading, progress, errors."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from ..diagnostics import ExitCode, error, note
from ..documents import MAX_BYTES
from ..errors import ReadoutSpecError

if TYPE_CHECKING:
    from ..model import Result
    from ..pipeline import Progress


def usable_cores() -> int:
    """The cores this process may run on: `os.process_cpu_count()` (Python 3.13+, honours
    the affinity mask), else `os.cpu_count()`. `os.sched_getaffinity` is Linux-only."""
    counter: Callable[[], int | None] = getattr(os, "process_cpu_count", os.cpu_count)
    return max(1, counter() or 1)


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


# What each engine stage counts; a stage not named here is shown by its own name.
STAGES = {
    "read": "reading",
    "passages": "finding passages",
    "align": "aligning",
    "measure": "measuring",
}


class StageProgress:
    """Each engine stage with its counts and time left (Rich), on stderr.

    Shown only when the stream is a terminal and not with --quiet: piped or redirected
    stderr gets nothing. The engine calls `progress(stage, done, total)`; Rich is
    imported on the first call, only when something will be shown.
    """

    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and _isatty(self.stream)
        self._bar: Any = None
        self._tasks: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            self._bar = _rich_progress(self.stream)
            self._bar.start()
        bar = self._bar
        if stage not in self._tasks:
            for task in self._tasks.values():  # a new stage: the earlier ones are done
                bar.update(task, completed=bar.tasks[task].total)
            label = STAGES.get(stage, stage)
            self._tasks[stage] = bar.add_task(label, total=max(total, 1), counts="")
        if stage == "passages":  # found so far, in how many documents: not a fraction
            counts = f"{done} in {total} document{'s' if total != 1 else ''}"
            bar.update(self._tasks[stage], completed=max(total, 1), counts=counts)
        else:
            bar.update(
                self._tasks[stage],
                completed=min(done, total),
                total=max(total, 1),
                counts=f"{done}/{total}",
            )

    def finish(self) -> None:
        """Clear the progress lines (they are transient); call before printing results."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
            self._tasks = {}


def _isatty(stream: object) -> bool:
    try:
        return bool(getattr(stream, "isatty", lambda: False)())
    except (OSError, ValueError):  # a closed stream
        return False


def _rich_progress(stream: TextIO) -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("readout-diff: {task.description:<16}"),
        BarColumn(),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(file=stream, stderr=stream is sys.stderr),
        transient=True,
    )


def analyse_inputs(args: argparse.Namespace, progress: Progress) -> Result:
    """The engine on the inputs and options `add_input_arguments` defines."""
    from ..api import analyse

    return analyse(
        args.paths,
        official=args.official,
        readouts=args.readouts,
        ignore_case=args.ignore_case,
        progress=progress,
        max_bytes=args.max_bytes,
    )


def load(args: argparse.Namespace) -> tuple[Result | None, ExitCode]:
    """Run the engine on the command line's inputs; report input problems on stderr."""
    progress = StageProgress(not args.quiet)
    try:
        result = analyse_inputs(args, progress)
    except ReadoutSpecError as problem:
        error(args.readouts or "--readouts", str(problem))
        return None, ExitCode.INPUT
    finally:
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
