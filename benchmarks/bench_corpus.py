"""Time `readout-diff corpus` on N generated articles (about 100 readouts over 60 days).

    .venv/bin/python benchmarks/bench_corpus.py 10000            # local, all cores
    .venv/bin/python benchmarks/bench_corpus.py 100000 --keep /tmp/c100k
    .venv/bin/python benchmarks/bench_corpus.py 2000 --scheduler  # a Dask LocalCluster

The corpus is written as one JSON Lines shard (bench_engine.corpus_lines), then the
command runs in a fresh process. Peak memory is the largest sum of the resident sizes of
the command and all its worker processes, sampled every 0.2 s from /proc. Targets on the
2-core reference machine: 10,000 articles under 60 s; 100,000 under 15 minutes and 4 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_engine import corpus_lines  # noqa: E402


def _tree_rss(root: int) -> int:
    """Resident bytes of `root` and every descendant (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat.rsplit(")", 1)[1].split()
            pid, ppid = int(entry), int(fields[1])
            children.setdefault(ppid, []).append(pid)
            rss[pid] = int(fields[21]) * page
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("--keep", help="work folder to keep (default: a temporary one)")
    parser.add_argument("--scheduler", nargs="?", const="local")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="bench-corpus-"))
    work.mkdir(parents=True, exist_ok=True)
    shard = work / f"corpus-{args.n}.jsonl"
    if not shard.exists():
        with shard.open("w", encoding="utf-8") as handle:
            for line in corpus_lines(args.n):
                handle.write(line + "\n")
    out = work / "out"
    command = [sys.executable, "-m", "readout_diff.cli", "corpus", str(shard), "-o", str(out)]
    command += ["--jobs", str(args.jobs), "-q"]
    if args.scheduler:
        command += ["--scheduler"] + ([] if args.scheduler == "local" else [args.scheduler])
    start = time.perf_counter()
    process = subprocess.Popen(command)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    readouts = witnesses = 0
    if (out / "readouts.jsonl").exists():
        with (out / "readouts.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                readouts += 1
                witnesses += json.loads(line)["witnesses"]
    row = {
        "n": args.n,
        "seconds": round(seconds, 1),
        "peak_mib": round(peak / 2**20),
        "exit": process.returncode,
        "readouts": readouts,
        "witnesses": witnesses,
        "cpu_user_s": round(os.times().children_user, 1),
    }
    print(json.dumps(row))


if __name__ == "__main__":
    main()
