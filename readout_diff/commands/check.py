"""`readout-diff check`: lint every quotation in ARTICLE... against official sources."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..check.formats import FORMATS
from ..check.rules import RULES
from ..diagnostics import ExitCode, error, note
from ..documents import MAX_BYTES
from ..model import Role
from .common import usable_cores

if TYPE_CHECKING:  # the matcher and its config load only when `check` runs
    from ..check.config import CheckConfig
    from ..check.core import Article
    from ..check.model import CheckReport

HELP = "check that every quotation in the articles is faithful to the official sources"
DESCRIPTION = (
    HELP
    + """.

Each direct quotation is located (file:line:col), credited to its speaker, and matched
to its best source span. Elisions ("...", "…", "[...]") may skip source words and
bracketed insertions ("[the Secretary]") may stand for them; nothing else may change.
"""
)
EPILOG = (
    """verdicts:
  exact        the kept words are the source's
  equivalent   only typography differs (or spelling variants, when allowed)
  altered      words changed, added, dropped or reordered
  unsourced    no source span is close enough (the nearest is shown)
  not checked  credited to someone the sources do not speak for

rules:
"""
    + "\n".join(f"  {r.code}  {r.severity.value:<7}  {r.summary}" for r in RULES.values())
    + """

silence one quote with a comment on the line before it (a reason is required):
  <!-- readout-diff: ignore RD002 reason="corrected in print edition" -->

configuration: [tool.readout-diff] in pyproject.toml (sources, select, ignore, fail-on,
min-similarity, short-quote-words, spelling-variants, speakers, paraphrase, format);
command-line options override it.

exit codes:
  0    every quote is faithful (no finding at or above --fail-on)
  1    findings at or above --fail-on
  2    an input or source could not be read, or the command line or configuration is wrong
  130  interrupted
"""
)


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "check",
        help=HELP,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="ARTICLE",
        help="articles: files, folders (read recursively) or - for stdin",
    )
    parser.add_argument(
        "-s",
        "--source",
        action="append",
        dest="sources",
        metavar="OFFICIAL",
        help="an official text the quotes must come from (repeatable; "
        "folders are read recursively)",
    )
    parser.add_argument(
        "--consensus",
        action="store_true",
        help="no sources: check each outlet against the wording the other outlets agree on",
    )
    parser.add_argument(
        "--paraphrase",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also check reported speech for wording that changes meaning",
    )
    parser.add_argument("-f", "--format", choices=FORMATS, help="output format (default: text)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    parser.add_argument(
        "--select",
        metavar="CODES",
        help="report only these rules (comma-separated codes or prefixes, ALL)",
    )
    parser.add_argument("--ignore", metavar="CODES", help="do not report these rules")
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        help="lowest severity that makes the exit code 1 (default: warning)",
    )
    parser.add_argument(
        "--spelling-variants",
        choices=("allow", "flag"),
        help='"allow": emphasised/emphasized is equivalent (default: flag)',
    )
    parser.add_argument(
        "--min-similarity",
        type=float,
        metavar="X",
        help="below this (0-1) a quote is unsourced (default: 0.6)",
    )
    parser.add_argument(
        "--short-quote-words",
        type=int,
        metavar="N",
        help="quotes this short must be verbatim (default: 3)",
    )
    parser.add_argument(
        "--speaker",
        action="append",
        dest="speakers",
        metavar="NAME",
        help="a name the sources speak for, besides those read from them",
    )
    parser.add_argument(
        "--config", metavar="FILE", help="pyproject.toml to read (default: the nearest one upward)"
    )
    parser.add_argument("--no-config", action="store_true", help="read no pyproject.toml")
    parser.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even with findings (input errors still exit 2)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=usable_cores(),
        metavar="N",
        help="worker processes for large runs (default: all cores)",
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=MAX_BYTES,
        metavar="N",
        help=f"largest input file to read (default {MAX_BYTES})",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no notes on stderr")
    parser.set_defaults(run=run)


class _Unusable(Exception):
    """An input problem, already reported on stderr: the run stops with ExitCode.INPUT."""


def run(args: argparse.Namespace) -> ExitCode:
    from ..check.formats import render

    try:
        config = _settings(args)
        sources = _sources(args, config)
        articles, bad = read_articles(args.paths, Role.REPORT, args.max_bytes, args.quiet)
        if not articles:
            return ExitCode.INPUT
        report = _check(args, config, articles, sources)
        _write(args.output, render(report, config.format, config.fail_on))
    except _Unusable:
        return ExitCode.INPUT
    if bad:
        return ExitCode.INPUT
    if report.failing(config.fail_on) and not args.exit_zero:
        return ExitCode.FINDINGS
    return ExitCode.OK


def _settings(args: argparse.Namespace) -> CheckConfig:
    """The configuration, from pyproject and the command line, with its sources or
    --consensus (one of the two)."""
    from ..check.config import ConfigError

    try:
        config = _config(args)
    except ConfigError as problem:
        where, _, message = str(problem).partition(": ")
        error(where, message or where)
        raise _Unusable from None
    if args.consensus and args.sources:
        error("--consensus", "compares the outlets with each other and takes no --source")
        raise _Unusable
    if not args.consensus and not config.sources:
        error(
            "--source",
            "no sources: give --source OFFICIAL, set sources in "
            "[tool.readout-diff], or use --consensus",
        )
        raise _Unusable
    return config


def _sources(args: argparse.Namespace, config: CheckConfig) -> list[Article]:
    """The official texts, all of them read; none with --consensus."""
    if args.consensus:
        return []
    sources, bad = read_articles(list(config.sources), Role.OFFICIAL, args.max_bytes, args.quiet)
    if bad:
        raise _Unusable
    if not sources:
        error("--source", "no source text was read")
        raise _Unusable
    return sources


def _check(
    args: argparse.Namespace, config: CheckConfig, articles: list[Article], sources: list[Article]
) -> CheckReport:
    if args.consensus:
        from ..check.consensus import check_consensus

        return check_consensus(articles, config)
    from ..check.core import check

    return check(articles, sources, config, workers=max(1, args.jobs))


def _write(output: str | None, content: str) -> None:
    """The report into `output`, or onto stdout."""
    if not output:
        sys.stdout.write(content)
        return
    from ..reports.files import write_atomically

    try:
        write_atomically(output, content)
    except OSError as problem:
        error(output, f"cannot be written: {problem.strerror or problem}")
        raise _Unusable from None


def _config(args: argparse.Namespace) -> CheckConfig:
    from ..check.config import CheckConfig, ConfigError, apply, parse_pyproject
    from ..check.rules import split_codes

    config = CheckConfig()
    path = Path(args.config) if args.config else None if args.no_config else _nearest()
    if path is not None:
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as problem:
            raise ConfigError(f"{path}: cannot be read: {problem}") from None
        try:
            found, unknown = parse_pyproject(text, str(path.parent))
        except ConfigError as problem:
            raise ConfigError(f"{path}: {problem}") from None
        if found is not None:
            config = found
        if unknown and not args.quiet:
            note(
                str(path),
                "unknown key"
                + ("s" if len(unknown) > 1 else "")
                + f" in [tool.readout-diff] ignored: {', '.join(unknown)}",
            )
    overrides = {
        "sources": args.sources,
        "select": split_codes(args.select) if args.select is not None else None,
        "ignore": split_codes(args.ignore) if args.ignore is not None else None,
        "fail_on": args.fail_on,
        "spelling_variants": args.spelling_variants,
        "min_similarity": args.min_similarity,
        "short_quote_words": args.short_quote_words,
        "speakers": args.speakers,
        "paraphrase": args.paraphrase,
        "format": args.format,
    }
    return apply(config, overrides)


def _nearest() -> Path | None:
    """The nearest pyproject.toml upward from here that has a [tool.readout-diff] table."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                if "[tool.readout-diff" in candidate.read_text("utf-8"):
                    return candidate
            except (OSError, UnicodeDecodeError):
                continue
    return None


def read_articles(
    paths: list[str], role: Role, max_bytes: int = MAX_BYTES, quiet: bool = False
) -> tuple[list[Article], bool]:
    """Documents with their file text (for line numbers); problems go to stderr, and the
    same notes as `report` prints ("not UTF-8; read as cp1252") unless `quiet`."""
    from ..check.core import Article
    from ..documents import decode, parse
    from ..errors import PARSE_FAILURES, InputProblem
    from ..inputs import read_paths

    found, errors = read_paths(paths, role)
    for problem in errors:
        error(problem.path, problem.message)
    articles: list[Article] = []
    bad = bool(errors)
    for source in found:
        data = source.data.encode("utf-8") if isinstance(source.data, str) else source.data
        try:
            docs, decoding = parse(source.name, data, role, max_bytes)
            raw = decode(data, max_bytes).text.replace("\r\n", "\n").replace("\r", "\n")
        except InputProblem as problem:
            error(source.name, str(problem))
            bad = True
            continue
        except PARSE_FAILURES as problem:
            error(source.name, f"cannot be parsed: {problem}")
            bad = True
            continue
        if decoding and not quiet:
            note(source.name, decoding)
        articles.extend(Article(doc, raw) for doc in docs)
    return articles, bad
