"""Big single inputs: one long article, one near the default size limit, one paragraph of
thousands of short quotations, and one 20 MB input with a raised limit (issue 12, item 8).

Each case runs in a fresh process (so peak memory is its own) and prints its wall time,
peak memory and what the engine found. It fails loudly if the engine rejects an input.

    python benchmarks/bench_big_inputs.py            # every case
    python benchmarks/bench_big_inputs.py 1mb quotes # some cases
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CASES = {"1mb": 1_000_000, "5mb": 4_900_000, "quotes": 3_000, "20mb": 20_000_000}


def article(size: int, seed: int = 1) -> str:
    """Real seed paragraphs, shuffled and numbered so no two are the same paragraph."""
    rng = random.Random(seed)
    paragraphs = [
        p.strip()
        for f in sorted(SEEDS.glob("*.txt"))
        for p in f.read_text("utf-8").split("\n\n")
        if p.strip()
    ]
    out, total, n = [], 0, 0
    while total < size:
        n += 1
        text = f"{rng.choice(paragraphs)} (Update {n}.)"
        out.append(text)
        total += len(text) + 2
    return "\n\n".join(out)


def quotes(count: int) -> str:
    """One paragraph of `count` short quotations, as a live blog of reactions reads."""
    words = "calm restraint dialogue peace talks support concern unity".split()
    rng = random.Random(2)
    items = [
        f"\u201c{' '.join(rng.choice(words) for _ in range(4))},\u201d said speaker {i}."
        for i in range(count)
    ]
    head = "Secretary of State Marco Rubio spoke with Foreign Minister Ana Lima on Tuesday. "
    return head + " ".join(items)


def run_case(name: str) -> dict[str, object]:
    size = CASES[name]
    text = quotes(size) if name == "quotes" else article(size)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.txt"
        path.write_text(text, "utf-8")
        code = (
            "import json, resource, sys, time\n"
            "from readout_diff import analyse\n"
            "t = time.perf_counter()\n"
            f"r = analyse([{str(path)!r}], max_bytes={len(text.encode()) + 1})\n"
            "print(json.dumps({'seconds': time.perf_counter() - t, 'readouts': len(r.readouts),"
            " 'witnesses': sum(len(s.witnesses) for x in r.readouts for s in x.sentences),"
            " 'errors': [e.message for e in r.errors],"
            " 'peak': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))\n"
        )
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{name}: the engine failed:\n{done.stderr}")
    found = json.loads(done.stdout)
    if found["errors"]:
        raise SystemExit(f"{name}: the input was rejected: {found['errors']}")
    return {
        "case": name,
        "bytes": len(text.encode()),
        "engine seconds": round(float(found["seconds"]), 2),
        "wall seconds": round(wall, 2),
        "peak MiB": round(int(found["peak"]) / 1024),  # the child's own peak (KiB on Linux)
        "readouts": found["readouts"],
        "witnesses": found["witnesses"],
    }


def main(argv: list[str]) -> None:
    names = argv or list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        raise SystemExit(f"unknown case(s) {unknown}; choose from {list(CASES)}")
    print("| case | bytes | engine s | wall s | peak MiB | readouts | witnesses |")
    print("|---|---|---|---|---|---|---|")
    for name in names:
        row = run_case(name)
        print("| " + " | ".join(str(v) for v in row.values()) + " |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
