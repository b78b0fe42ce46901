"""Collation: N outlets each quote the whole of one six-sentence readout in one quotation.

    .venv/bin/python benchmarks/bench_collation.py             # N = 5, 15, 30, 60, 120
    .venv/bin/python benchmarks/bench_collation.py 60 240      # chosen sizes

Every outlet carries most sentences verbatim and, in some sentences, one small change of
its own (a spelling variant, one word replaced, dropped or added), so the majority
reading of every sentence is the official wording. Engine time is `analyse` on the
articles (loading included, process start-up not), median of 3, as wall-clock seconds
and as this process's CPU seconds (steadier on a shared machine; ms/outlet is CPU); the
target is under 0.5 s for 60 outlets, with cost near-linear in the number of outlets.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time

READOUT = [
    "The Secretary spoke with Pakistani Prime Minister Shehbaz Sharif today.",
    "The Secretary offered his condolences for the victims of the gas explosion in Karachi.",
    "He emphasized the need to prioritize the safety of civilians and re-establish "
    "essential services in the city.",
    "The Secretary encouraged Pakistan to work with its partners to strengthen "
    "emergency response and maintain stability in the region.",
    "Both leaders agreed to remain in close contact on recovery efforts.",
    "The Secretary thanked the Prime Minister for Pakistan's partnership on energy security.",
]

# (where, what it becomes): one outlet's own change of one sentence
CHANGES = [
    ("emphasized", "emphasised"),
    ("prioritize", "prioritise"),
    ("condolences", "sympathies"),
    ("re-establish", "restore"),
    ("encouraged", "urged"),
    ("close contact", "regular contact"),
    ("strengthen", "improve"),
    ("essential", "basic"),
    ("partnership", "cooperation"),
]


def change(sentence: str, rng: random.Random) -> str:
    """One small change of one outlet's own: a word replaced, dropped or added."""
    roll = rng.random()
    words = sentence.split()
    if roll < 0.5:
        options = [(a, b) for a, b in CHANGES if a in sentence]
        if options:
            a, b = rng.choice(options)
            return sentence.replace(a, b, 1)
    if roll < 0.75 and len(words) > 6:
        del words[rng.randint(2, len(words) - 3)]
        return " ".join(words)
    at = rng.randint(2, len(words) - 2)
    words.insert(at, rng.choice(["also", "further", "strongly", "again"]))
    return " ".join(words)


def versions(n: int, seed: int = 9) -> list[list[str]]:
    """Each outlet's wording of the six sentences; no change is carried by most outlets
    at the same place by most, so the majority of every sentence is the official wording."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        own = []
        for sentence in READOUT:
            own.append(change(sentence, rng) if rng.random() < 0.5 else sentence)
        out.append(own)
    return out


LEADS = [
    "Washington offered help to Karachi after Monday's blast.",
    "Rescue teams in Karachi searched the rubble for a second day.",
    "The explosion destroyed a market and two apartment blocks.",
    "Pakistan has asked its allies for help with the recovery.",
]


def article(i: int, sentences: list[str], dated: bool) -> dict[str, str]:
    lead = LEADS[i % len(LEADS)]
    quoted = " ".join(sentences)
    said = "The State Department said on Tuesday" if dated else "The State Department said"
    body = f"{lead}\n\n{said}: “{quoted}”\n\nRescue teams worked through the night."
    return {"text": body, "outlet": f"Outlet {i}", "date": "2026-03-03"}


def build(n: int, seed: int = 9, dated: bool = False) -> str:
    return "\n".join(
        json.dumps(article(i, s, dated)) for i, s in enumerate(versions(n, seed), start=1)
    )


def run_one(n: int, repeat: int = 3) -> dict[str, float]:
    from readout_diff import Source, analyse

    data = build(n)
    analyse([Source("warm.jsonl", build(3))])  # imports and caches, not counted
    times, cpu = [], []
    result = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = analyse([Source("collation.jsonl", data)])
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    assert result is not None
    sentences = [s for r in result.readouts for s in r.sentences]
    majority = sum(1 for s in sentences if s.text in READOUT)
    return {
        "n": n,
        "seconds": round(statistics.median(times), 3),
        "cpu": round(statistics.median(cpu), 3),
        "sentences": len(sentences),
        "base_is_majority": majority,
        "witnesses": sum(len(s.witnesses) for s in sentences),
    }


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "outlets", nargs="*", type=int, help="outlet counts (default 5 15 30 60 120)"
    )
    sizes = parser.parse_args(argv).outlets or [5, 15, 30, 60, 120]
    print(
        f"{'outlets':>7} {'seconds':>8} {'cpu':>6} {'ms/outlet':>9} {'sentences':>9} "
        f"{'majority':>8}"
    )
    for n in sizes:
        row = run_one(n)
        per = row["cpu"] * 1000 / n
        print(
            f"{n:>7} {row['seconds']:>8} {row['cpu']:>6} {per:>9.1f} {row['sentences']:>9} "
            f"{row['base_is_majority']:>8}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
