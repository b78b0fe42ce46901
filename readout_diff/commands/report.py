"""`readout-diff report`: the engine's result as text, JSON, Markdown or HTML."""

from __future__ import annotations

import argparse
import shutil
import sys

from ..diagnostics import ExitCode, error
from ..reports import FORMATS, render
from .common import add_input_arguments, color_wanted, load

HELP = "write a diff report of every outlet's version of each readout"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("report", help=HELP, description=HELP)
    add_input_arguments(parser)
    parser.add_argument(
        "-f", "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of stdout (replaced only when complete)",
    )
    parser.add_argument(
        "--hide-cosmetic",
        action="store_true",
        help="leave out typography and spelling-variant differences",
    )
    parser.add_argument(
        "--base",
        metavar="DOCUMENT",
        help="measure every outlet against this document's version (a document id or outlet name)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour in the text format (auto honours NO_COLOR)",
    )
    parser.add_argument(
        "--no-pager",
        action="store_true",
        help="on a terminal, never page a long text report ($PAGER, else less -R)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> ExitCode:
    result, code = load(args)
    if result is None:
        return code
    if args.base:
        from ..rebase import RebaseError, rebase

        try:
            result = rebase(result, args.base, args.ignore_case)
        except RebaseError as problem:
            error("--base", str(problem))
            return ExitCode.INPUT
    if args.hide_cosmetic:
        from ..views import hide_cosmetic

        result = hide_cosmetic(result)
    to_terminal = args.output is None
    color = to_terminal and args.format == "text" and color_wanted(args.color, sys.stdout)
    width = shutil.get_terminal_size((100, 24)).columns if to_terminal else 100
    content = render(result, args.format, color, width)
    if args.output is None:
        from ..reports import pager

        if args.format == "text" and not args.no_pager and pager.wanted(content, sys.stdout):
            pager.page(content, sys.stdout, pager.pager_command())
        else:
            sys.stdout.write(content)
        return code
    from ..reports.files import write_atomically

    try:
        write_atomically(args.output, content)
    except OSError as problem:
        error(args.output, f"cannot be written: {problem.strerror or problem}")
        return ExitCode.INPUT
    return code
