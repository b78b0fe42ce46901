"""The exceptions readout-diff raises on purpose, under one base class callers can catch.

try:
    result = analyse(paths, readouts="readouts.toml")
except ReadoutDiffError as problem:
    ...
"""

from __future__ import annotations


class ReadoutDiffError(Exception):
    """Base of every error readout-diff raises on purpose; its message names the problem."""


class InputProblem(ReadoutDiffError):
    """Why one input cannot be used; the message is shown as is, after the path."""


class ReadoutSpecError(ReadoutDiffError, ValueError):
    """A readouts file that cannot be used; the message names the problem."""


# What parsing one input may raise besides `InputProblem` (an extractor choking on odd
# markup, an unknown encoding, markup nested too deep, a missing optional extractor): the
# input becomes an error and the run goes on with the others.
PARSE_FAILURES: tuple[type[Exception], ...] = (ValueError, LookupError, RecursionError, ImportError)

# What asking whether a path exists may raise: a name too long for the system, a NUL in it.
UNUSABLE_PATH: tuple[type[Exception], ...] = (OSError, ValueError)
