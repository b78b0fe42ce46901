"""Import time of each command's start-up, read from `python -X importtime`.

    .venv/bin/python benchmarks/bench_startup.py           # --help, check, report (5 runs each)
    .venv/bin/python benchmarks/bench_startup.py --runs 9

Each run is a fresh interpreter that does what the `readout-diff` console script does
(`from readout_diff.cli import main; main(argv)`), so every import the command makes,
lazy ones included, is counted. The figure is the sum of the top-level imports'
cumulative times, median and best of the runs (issue 12's target: under 0.2 s), with
the packages that cost most, wherever they were pulled in.

Modules are timed as an installed copy loads them, from their cached bytecode: a first
run of each command writes it, even where PYTHONDONTWRITEBYTECODE is set (compiling the
sources again on every start would be most of what is measured), and is not counted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = str(ROOT / "seeds")
CASES = {
    "--help": ["--help"],
    "check": ["check", "--consensus", "--no-config", "-f", "json", SEEDS],
    "report": ["report", "-f", "json", SEEDS],
    "report (text)": ["report", "--color", "never", SEEDS],
}
SCRIPT = "import sys\nfrom readout_diff.cli import main\nsys.exit(main(sys.argv[1:]))"


def import_seconds(argv: list[str]) -> tuple[float, dict[str, float]]:
    """Total import time of one run, and the cumulative time of each top-level package."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", SCRIPT, *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env=env,
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"readout-diff {' '.join(argv)} exited {done.returncode}:\n{done.stderr}")
    lines = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    total = 0.0
    roots: dict[str, float] = {}
    stack: list[str] = []  # the package at each depth above the current line
    for line in reversed(lines[1:]):  # -X importtime prints children before their parent
        _, cumulative, name = line.split("|")
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        root = name.strip().split(".")[0]
        del stack[depth:]
        stack.append(root)
        seconds = int(cumulative) / 1e6
        if depth == 0:
            total += seconds
        if depth == 0 or stack[depth - 1] != root:  # a package's own cost, wherever pulled in
            roots[root] = roots.get(root, 0.0) + seconds
    return total, roots


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"{'command':<16} {'median s':>9} {'best s':>7}  largest top-level imports")
    for label, case in CASES.items():
        import_seconds(case)  # writes the bytecode the timed runs load
        runs = [import_seconds(case) for _ in range(args.runs)]
        median = statistics.median(total for total, _ in runs)
        best = min(total for total, _ in runs)
        _, roots = min(runs, key=lambda run: abs(run[0] - median))
        largest = sorted(roots.items(), key=lambda item: -item[1])[:5]
        shown = ", ".join(f"{name} {seconds:.3f}" for name, seconds in largest)
        print(f"{label:<16} {median:>9.3f} {best:>7.3f}  {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
