"""`readout-diff report`: the engine's result as text, JSON, Markdown or HTML."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ..diagnostics import ExitCode, error
from ..reports import FORMATS
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


def render(result, fmt: str, color: bool, width: int) -> str:  # type: ignore[no-untyped-def]
    """The report in one format, as text."""
    if fmt == "json":
        from ..serialise import to_json

        return to_json(result)
    if fmt == "markdown":
        from ..reports.markdown import render as markdown

        return markdown(result)
    if fmt == "html":
        from ..reports.html import render as html

        return html(result)
    from ..reports.text import render as text

    return text(result, color=color, width=width)


def write_atomically(path: str, content: str) -> None:
    """Write beside the target, then rename: never a half-written file in its place."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's private 0600
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(content)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


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
    try:
        write_atomically(args.output, content)
    except OSError as problem:
        error(args.output, f"cannot be written: {problem.strerror or problem}")
        return ExitCode.INPUT
    return code
