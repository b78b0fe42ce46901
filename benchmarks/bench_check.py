"""Benchmark `check`: 1,000 articles against 100 source readouts, generated here.

Each source is a readout of one call, built from sentence templates; each article
quotes a few sentences of one or two sources, mutated as outlets mutate them
(verbatim, elided, a word changed, a word dropped, respelled, invented, or credited to
the counterpart). Prints the wall time of the check and the peak memory.

    .venv/bin/python benchmarks/bench_check.py [--articles 1000] [--sources 100] [--jobs 2]
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from collections import Counter

from readout_diff.check import CheckConfig, check
from readout_diff.check.core import Article
from readout_diff.model import Document, Role

COUNTRIES = [
    "Kenya",
    "Uganda",
    "Ghana",
    "Peru",
    "Chile",
    "Norway",
    "Poland",
    "Japan",
    "Vietnam",
    "Morocco",
    "Jordan",
    "Brazil",
    "Canada",
    "Egypt",
    "Nepal",
    "Fiji",
]
FIRST = ["David", "Grace", "Amina", "Jonas", "Lena", "Farid", "Maria", "Kenji", "Oskar", "Ines"]
LAST = [
    "Otieno",
    "Nakato",
    "Mensah",
    "Quispe",
    "Rojas",
    "Berg",
    "Nowak",
    "Sato",
    "Tran",
    "Alaoui",
    "Haddad",
    "Souza",
    "Tremblay",
    "Farouk",
    "Thapa",
    "Naidu",
]
VERBS = ["emphasized", "underscored", "stressed", "highlighted", "noted"]
ASKS = ["encouraged", "urged", "called on"]
TOPICS = [
    "an immediate ceasefire along the border",
    "the protection of civilians",
    "the release of detained aid workers",
    "direct talks between the two governments",
    "the reopening of the main crossing to commercial traffic",
    "regional stability and economic cooperation",
    "free and fair elections",
    "the safety of humanitarian convoys",
    "maritime security in shared waters",
    "the return of displaced families",
    "transparent investigations into the attack",
    "energy security and regional connectivity",
]
ACTIONS = [
    "de-escalate tensions",
    "re-establish direct communications",
    "restore trade links",
    "hold talks without preconditions",
    "investigate the incident fully",
    "release the detained journalists",
    "protect critical infrastructure",
    "expand humanitarian access",
]
SWAPS = {
    "emphasized": "stressed",
    "urged": "told",
    "encouraged": "pressed",
    "immediate": "urgent",
    "direct": "open",
    "protection": "safety",
    "release": "freeing",
    "talks": "negotiations",
    "stability": "security",
    "reopening": "opening",
}
FILLER = [
    "Officials on both sides have traded accusations for weeks.",
    "The border region has seen repeated clashes since the spring.",
    "Analysts said the call was part of a wider diplomatic push.",
    "Markets in the region were steady on the news.",
    "Neither embassy responded to a request for comment on Tuesday.",
]


def readout(rng: random.Random, number: int) -> tuple[str, list[str], str]:
    country = rng.choice(COUNTRIES)
    name = f"{rng.choice(FIRST)} {LAST[number % len(LAST)]}{number}"
    other = rng.choice([c for c in COUNTRIES if c != country])
    sentences = [
        f"Secretary of State Nora Castell spoke with {country} Foreign Minister {name} today."
    ]
    for _ in range(rng.randint(4, 7)):
        kind = rng.random()
        if kind < 0.4:
            sentences.append(
                f"The Secretary {rng.choice(VERBS)} the need for "
                f"{rng.choice(TOPICS)} and {rng.choice(VERBS)} "
                f"{rng.choice(TOPICS)}."
            )
        elif kind < 0.8:
            first, second = rng.sample(ACTIONS, 2)
            sentences.append(
                f"The Secretary {rng.choice(ASKS)} {country} to work with {other} "
                f"to {first}, {second}, and support {rng.choice(TOPICS)}."
            )
        else:
            sentences.append(
                f"Both leaders reaffirmed their commitment to "
                f"{rng.choice(TOPICS)} and to {rng.choice(TOPICS)}."
            )
    text = (
        "The following is attributable to Spokesperson Paul Devereux:\n\n"
        + " ".join(sentences)
        + "\n"
    )
    return text, sentences[1:], name.split()[-1]


def mutate(rng: random.Random, sentence: str) -> str:
    words = sentence.rstrip(".").split()
    roll = rng.random()
    if roll < 0.5 or len(words) < 8:
        return " ".join(words)
    if roll < 0.62:
        cut = rng.randint(3, len(words) - 4)
        return " ".join(words[:cut]) + " ... " + " ".join(words[cut + 2 :])
    if roll < 0.8:
        swappable = [i for i, w in enumerate(words) if w in SWAPS]
        if swappable:
            i = rng.choice(swappable)
            words[i] = SWAPS[words[i]]
        return " ".join(words)
    if roll < 0.88:
        del words[rng.randint(2, len(words) - 2)]
        return " ".join(words)
    return " ".join(w.replace("ized", "ised").replace("ize", "ise") for w in words)


def article(rng: random.Random, sources: list[tuple[str, list[str], str]]) -> str:
    paragraphs = [rng.choice(FILLER)]
    for _ in range(rng.randint(1, 2)):
        _, sentences, counterpart = rng.choice(sources)
        for sentence in rng.sample(sentences, min(len(sentences), rng.randint(2, 4))):
            roll = rng.random()
            if roll < 0.08:
                quote = "We are not going to accept any further delay in these talks"
                paragraphs.append(f'"{quote}," Devereux told reporters.')
            elif roll < 0.14:
                paragraphs.append(f'"We are ready to talk," {counterpart} said after the call.')
            else:
                paragraphs.append(f'"{mutate(rng, sentence)}," the readout said.')
            if rng.random() < 0.4:
                paragraphs.append(rng.choice(FILLER))
    return "\n\n".join(paragraphs) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--sources", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    built = [readout(rng, n) for n in range(args.sources)]
    sources = [
        Article(Document(f"s{n}", f"sources/s{n}.txt", f"s{n}", None, Role.OFFICIAL, text))
        for n, (text, _, _) in enumerate(built)
    ]
    articles = [
        Article(
            Document(f"a{n}", f"articles/a{n}.txt", f"a{n}", None, Role.REPORT, article(rng, built))
        )
        for n in range(args.articles)
    ]
    size = sum(len(a.doc.text) for a in articles) + sum(len(s.doc.text) for s in sources)
    start = time.perf_counter()
    report = check(articles, sources, CheckConfig(), workers=args.jobs)
    elapsed = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    verdicts = Counter(q.verdict.value for q in report.quotes)
    counts = ", ".join(f"{n} {v}" for v, n in sorted(verdicts.items()))
    print(
        f"{len(articles)} articles, {len(sources)} sources, {size / 1e6:.1f} MB of text, "
        f"{len(report.quotes)} quotes ({counts})"
    )
    print(
        f"check: {elapsed:.2f} s with {args.jobs} job(s), "
        f"{len(report.quotes) / elapsed:,.0f} quotes/s"
    )
    print(f"peak memory: {own:.0f} MB (main process), {workers:.0f} MB (largest worker)")


if __name__ == "__main__":
    main()
