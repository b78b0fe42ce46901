"""The `readout-diff` command line: a thin face over the engine.

Exit codes: 0 every input read (check: every quote faithful); 1 check found problems;
2 an input could not be read or the command line is wrong; 130 interrupted.
stdout carries the data; stderr carries progress and diagnostics.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from .commands import check, corpus, report, review
from .diagnostics import ExitCode

COMMANDS = [report, review, check, corpus]

EPILOG = """exit codes:
  0    every input was read (check: every quote is faithful)
  1    check only: findings
  2    an input could not be read, or the command line is wrong
  130  interrupted
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """One line on stderr and exit code 2, as documented."""
        self.print_usage(sys.stderr)
        print(f"readout-diff: error: {message}", file=sys.stderr)
        sys.exit(ExitCode.INPUT)


class _Version(argparse.Action):
    """`--version`: the installed version, looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from . import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="readout-diff",
        description="Find every outlet's version of an official readout, align them, "
        "and show what differs.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("readout-diff: interrupted", file=sys.stderr)
        return int(ExitCode.INTERRUPT)
    except BrokenPipeError:
        sys.stderr.close()
        return int(ExitCode.OK)


if __name__ == "__main__":
    sys.exit(main())
