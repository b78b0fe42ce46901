"""readout-diff against CollateX 2.3 on the same input, as whole processes (issue 9).

The input is `bench_collation.build(N)`: N outlets each quoting one six-sentence readout,
with small changes of their own. readout-diff runs as `readout-diff report -f json` on the
JSON Lines file; CollateX collates the same N article texts (each outlet one witness) with
`collate(..., output="table")` in a Python that has it. CollateX is GPL and not a
dependency: install it in a separate environment and name that interpreter.

    python -m venv /tmp/cx && /tmp/cx/bin/pip install collatex Levenshtein
    python benchmarks/bench_collatex.py --collatex-python /tmp/cx/bin/python 60
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("bench_collation", HERE / "bench_collation.py")
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

COLLATE = """
import json, sys
from collatex import Collation, collate
collation = Collation()
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    collation.add_plain_witness(f"W{i}", json.loads(line)["text"])
collate(collation, output="table")
"""


# Modules load from cached bytecode, as an installed copy loads them (a machine that sets
# PYTHONDONTWRITEBYTECODE would otherwise compile every module's source on each run).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=ENV)
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outlets", nargs="*", type=int, default=[60])
    parser.add_argument("--collatex-python", required=True, help="a Python with collatex")
    args = parser.parse_args()
    tool = shutil.which("readout-diff") or str(Path(sys.executable).with_name("readout-diff"))
    print("| outlets | readout-diff (s) | CollateX (s) | ratio |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for n in args.outlets:
            data = Path(folder) / f"outlets-{n}.jsonl"
            data.write_text(bench.build(n), "utf-8")
            command = [tool, "report", "-f", "json", "-q", str(data)]
            timed(command)  # the first run writes the bytecode cache
            ours = min(timed(command) for _ in range(3))
            theirs = timed([args.collatex_python, "-c", COLLATE, str(data)])
            print(f"| {n} | {ours:.2f} | {theirs:.1f} | {theirs / ours:.0f}x |", flush=True)


if __name__ == "__main__":
    main()
