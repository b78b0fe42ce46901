"""Exit codes and the one-line diagnostics every command writes to stderr.

stdout is data; stderr is diagnostics.
"""

from __future__ import annotations

import sys
from enum import IntEnum
from typing import TextIO


class ExitCode(IntEnum):
    """Documented in the README and in `--help`."""

    OK = 0  # every input was read (report, review) / every quote faithful (check)
    FINDINGS = 1  # check only: at least one finding at or above the failing level
    INPUT = 2  # an input could not be read, or the command line / configuration is wrong
    INTERRUPT = 130  # stopped with Ctrl-C


def error(path: str, message: str, stream: TextIO | None = None) -> None:
    """`readout-diff: error: PATH: MESSAGE` on one line."""
    print(f"readout-diff: error: {path}: {message}", file=stream or sys.stderr)


def note(path: str, message: str, stream: TextIO | None = None) -> None:
    print(f"readout-diff: note: {path}: {message}", file=stream or sys.stderr)
