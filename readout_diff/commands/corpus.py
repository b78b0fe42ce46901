"""`readout-diff corpus`: a large corpus, window by window, on all cores or on Dask.

Inputs are streamed (folders, globs, JSON Lines shards, stdin) into one spool file per
window under OUT/.spool; each window is analysed in a worker (`corpus.analyse_window`)
and its result written atomically to OUT/partitions/WINDOW.jsonl; a rerun skips every
window whose partition was written from the same inputs. The windows' readouts are then
joined into OUT/readouts.jsonl, OUT/witnesses.jsonl and OUT/summary.md / summary.html.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..diagnostics import ExitCode
from ..documents import MAX_BYTES
from .common import usable_cores

NAME = "corpus"
EPILOG = """output (in OUT):
  readouts.jsonl   one row per readout: sentences, witnesses, outlets, fidelity
  witnesses.jsonl  one row per witness: document, outlet, date, readout, sentence,
                   kind, differences, substantive
  summary.md, summary.html  per readout, per outlet, fidelity over time
  partitions/      one file per window, written atomically; a rerun resumes from them
  failed.jsonl     windows that failed twice, with their inputs

exit codes:
  0    every input read and every window analysed
  2    an input could not be read, a window failed twice, or the command line is wrong
  130  interrupted (finished windows are kept; run again to resume)
"""


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        NAME,
        help="analyse a large corpus window by window (all cores, or Dask)",
        description="Stream a large corpus, analyse it in windows of call days on all cores "
        "(or a Dask cluster), and write JSON Lines and a summary report.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders, globs, JSON Lines shards, or -"
    )
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="output folder")
    parser.add_argument("--days", type=int, default=7, help="call days per window (default 7)")
    parser.add_argument(
        "--margin",
        type=int,
        default=3,
        help="days of late coverage read with each window (default 3)",
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=usable_cores(), help="local worker processes"
    )
    parser.add_argument(
        "--scheduler",
        nargs="?",
        const="local",
        metavar="ADDRESS",
        help="run on Dask: a scheduler address, or none for a LocalCluster of --jobs workers",
    )
    parser.add_argument(
        "--ignore-case", action="store_true", help="do not report differences of letter case"
    )
    parser.add_argument(
        "--max-bytes", type=int, default=MAX_BYTES, metavar="N", help="largest single input"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(run=run)


# --- streaming the inputs ------------------------------------------------------------


def run(args: argparse.Namespace) -> ExitCode:
    """The work lives in `corpus_run`, imported only now: `--help` loads no engine."""
    from .corpus_run import run as run_corpus

    return run_corpus(args)
