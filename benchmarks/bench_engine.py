"""Time the whole engine on N synthetic articles that quote and mutate a fixed set of readouts.

    .venv/bin/python benchmarks/bench_engine.py            # N = 10, 100, 1000
    .venv/bin/python benchmarks/bench_engine.py 10 100     # chosen sizes
    .venv/bin/python benchmarks/bench_engine.py --max-bytes 20000000 10000

An input the engine rejects (10,000 articles make a JSONL over the default 5 MB limit)
stops the benchmark with the engine's message and exit code 1: a run that analysed
nothing is not a figure.

Each N runs in a fresh process so peak memory (ru_maxrss) is that run's own. The target
on the 2-core reference machine: 1,000 articles in under 20 s and under 1 GB, with cost
growing about linearly in N for a fixed set of readouts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator

PRINCIPAL = "Secretary of State Dana Whitlock"
PAIRS = [
    (
        "Kenya",
        "Kenyan",
        "Foreign Minister",
        "Amani Otieno",
        "Tanzania",
        "Tanzanian",
        "Foreign Minister",
        "Neema Mwakyusa",
    ),
    (
        "Chile",
        "Chilean",
        "Foreign Minister",
        "Lucia Fernandez",
        "Bolivia",
        "Bolivian",
        "Foreign Minister",
        "Mateo Quispe",
    ),
    (
        "Norway",
        "Norwegian",
        "Foreign Minister",
        "Ingrid Solberg",
        "Finland",
        "Finnish",
        "Foreign Minister",
        "Aino Virtanen",
    ),
]
DAYS = ["2026-02-03", "2026-02-10", "2026-02-17"]
WEEKDAY = {"2026-02-03": "Tuesday", "2026-02-10": "Tuesday", "2026-02-17": "Tuesday"}
VARIANTS = [
    ("emphasized", "emphasised"),
    ("prioritize", "prioritise"),
    ("U.S.", "US"),
    ("re-establish", "restore"),
    ("encouraged", "urged"),
    ("concern", "deep concern"),
]


def readout(own: str, adj: str, title: str, name: str, other: str) -> list[str]:
    surname = name.split()[-1]
    return [
        f"Secretary Whitlock spoke with {adj} {title} {name} today.",
        "The Secretary emphasized the need to prioritize immediate de-escalation and expressed "
        f"concern over the recent incidents along the border with {other}.",
        f"He expressed U.S. support for direct dialogue between {own} and {other}.",
        f"The Secretary encouraged {own} to work with {other} to de-escalate tensions, "
        "re-establish direct communications, and maintain peace and security in the region.",
        f"The Secretary thanked {title} {surname} for {own}'s partnership on energy security.",
    ]


def readouts() -> list[tuple[str, str, list[str]]]:
    out = []
    for day in DAYS:
        for a, a_adj, a_title, a_name, b, b_adj, b_title, b_name in PAIRS:
            out.append((day, a_name, readout(a, a_adj, a_title, a_name, b)))
            out.append((day, b_name, readout(b, b_adj, b_title, b_name, a)))
    return out


def mutate(sentence: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.25:
        for base, other in VARIANTS:
            if base in sentence:
                return sentence.replace(base, other, 1)
    if roll < 0.35:
        words = sentence.split()
        cut = rng.randint(len(words) // 2, len(words) - 1)
        return " ".join(words[:cut]) + "…"
    if roll < 0.45:
        words = sentence.split()
        del words[rng.randint(1, len(words) - 2)]
        return " ".join(words)
    return sentence


FILLER = [
    "Analysts said the region has seen months of rising tension and sporadic clashes.",
    "Trade between the two neighbours has fallen sharply since the border was closed.",
    "Officials on both sides have traded accusations over the incidents in recent weeks.",
    "The talks follow a visit by regional envoys earlier in the month.",
]


def _body(name: str, weekday: str, sentences: list[str], rng: random.Random) -> str:
    """One outlet's story of a call: the announcement, three readout sentences quoted
    (mutated) or paraphrased, filler between them, and a spokesperson's own remark."""
    parts = [f"{PRINCIPAL} spoke with {name} on {weekday}, the State Department said."]
    for sentence in rng.sample(sentences[1:], k=3):
        if rng.random() < 0.7:
            parts.append(f"“{mutate(sentence, rng)}” the readout said.")
        else:
            parts.append(
                sentence.replace("The Secretary", "Mr Whitlock").replace("He ", "Mr Whitlock ")
            )
        parts.append(rng.choice(FILLER))
    parts.append("“We remain engaged with both governments,” a spokesperson told reporters.")
    return "\n\n".join(parts)


def article(n: int, pool: list[tuple[str, str, list[str]]], rng: random.Random) -> dict[str, str]:
    day, name, sentences = pool[n % len(pool)]
    weekday = WEEKDAY[day]
    text = _body(name, weekday, sentences, rng)
    return {"text": text, "outlet": f"Outlet {n % 37}", "date": day}


# A year-like corpus: about 100 readouts (twin calls, two counterparts a day) over 60 days,
# with coverage published on the call day or up to two days late.
FIRST_NAMES = (
    "Amara Bruno Carmen Dario Elena Farid Greta Hana Ivo Jonas Kiri Lena Malik Nadia Omar".split()
)
LAST_NAMES = (
    "Abara Berg Costa Dumas Eze Falk Grau Haddad Ilic Jansen Kovac Lund Moreau Novak".split()
)


def _countries() -> list[tuple[str, str]]:
    """(name, demonym) of the countries the engine knows, in the data file's order."""
    from importlib.resources import files

    rows = files("readout_diff").joinpath("data/countries.tsv").read_text("utf-8").splitlines()
    out = []
    for row in rows[1:]:
        cells = row.split("\t")
        if len(cells) > 2 and cells[2] and " " not in cells[1].split("|")[0]:
            out.append((cells[1].split("|")[0], cells[2].split("|")[0]))
    return out


def _person(k: int) -> str:
    """A distinct made-up name for counterpart `k` (surnames never repeat under 196)."""
    onset, vowel, coda = "BDGKLMNRST", "aeiou", ["dar", "lin", "ssa", "rov", "nte"]
    surname = onset[k % 10] + vowel[(k // 10) % 5] + coda[(k // 50) % 5 if k < 250 else 0]
    return f"{FIRST_NAMES[k % len(FIRST_NAMES)]} {surname.capitalize()}"


def corpus_readouts(
    count: int = 100, days: int = 60, start: str = "2026-03-02"
) -> list[tuple[str, str, list[str]]]:
    """`count` readouts as twin pairs (a call to each side of a pair, the same day), spread
    evenly over `days` call days: (call day, counterpart, sentences)."""
    countries = _countries()
    first = dt.date.fromisoformat(start)
    out = []
    for pair in range(count // 2):
        day = (first + dt.timedelta(days=pair * days // max(1, count // 2))).isoformat()
        (a, a_adj), (b, b_adj) = countries[2 * pair], countries[2 * pair + 1]
        names = [_person(2 * pair), _person(2 * pair + 1)]
        out.append((day, names[0], readout(a, a_adj, "Foreign Minister", names[0], b)))
        out.append((day, names[1], readout(b, b_adj, "Foreign Minister", names[1], a)))
    return out


def corpus_article(
    n: int, pool: list[tuple[str, str, list[str]]], rng: random.Random
) -> dict[str, str]:
    """Article `n` of the corpus: `article`'s shape, published 0 to 2 days after the call."""
    day, name, sentences = pool[n % len(pool)]
    call = dt.date.fromisoformat(day)
    published = call + dt.timedelta(days=rng.choice((0, 0, 0, 1, 1, 2)))
    weekday = call.strftime("%A")
    text = _body(name, weekday, sentences, rng)
    return {"text": text, "outlet": f"Outlet {n % 37}", "date": published.isoformat()}


def corpus_lines(n: int, seed: int = 7, count: int = 100, days: int = 60) -> Iterator[str]:
    """The corpus as JSON Lines, one article a line, generated lazily."""
    rng = random.Random(seed)
    pool = corpus_readouts(count, days)
    for i in range(n):
        yield json.dumps(corpus_article(i, pool, rng))


def build(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    pool = readouts()
    return "\n".join(json.dumps(article(i, pool, rng)) for i in range(n))


class Rejected(Exception):
    """The engine refused an input: the run measured nothing."""


def run_one(n: int, max_bytes: int | None = None) -> dict[str, float]:
    from readout_diff import Source, analyse
    from readout_diff.documents import MAX_BYTES

    data = build(n)
    start = time.perf_counter()
    result = analyse([Source("bench.jsonl", data)], max_bytes=max_bytes or MAX_BYTES)
    elapsed = time.perf_counter() - start
    if result.errors:
        raise Rejected("; ".join(f"{e.path}: {e.message}" for e in result.errors))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "n": n,
        "seconds": round(elapsed, 2),
        "peak_mib": round(peak),
        "readouts": len(result.readouts),
        "witnesses": sum(len(s.witnesses) for r in result.readouts for s in r.sentences),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Time the engine on N synthetic articles.")
    parser.add_argument("sizes", nargs="*", type=int, metavar="N")
    parser.add_argument("--max-bytes", type=int, help="the engine's input limit (default 5 MB)")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        try:
            print(json.dumps(run_one(args.sizes[0], args.max_bytes)))
        except Rejected as problem:
            print(f"bench_engine: N={args.sizes[0]}: input rejected: {problem}", file=sys.stderr)
            return 1
        return 0
    sizes = args.sizes or [10, 100, 1000]
    limit = ["--max-bytes", str(args.max_bytes)] if args.max_bytes else []
    print(f"{'N':>6} {'seconds':>8} {'peak MiB':>9} {'readouts':>9} {'witnesses':>10}")
    for n in sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(n), *limit], capture_output=True, text=True
        )
        if done.returncode != 0:
            print(
                done.stderr.strip() or f"bench_engine: N={n}: exit {done.returncode}",
                file=sys.stderr,
            )
            return 1
        row = json.loads(done.stdout)
        print(
            f"{row['n']:>6} {row['seconds']:>8} {row['peak_mib']:>9} {row['readouts']:>9} "
            f"{row['witnesses']:>10}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
