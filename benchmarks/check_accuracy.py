"""`check` against the accuracy stories' gold: does it flag the real misquotes, and does it
leave verbatim quotations alone?

For each story with official texts, `readout-diff check --source official/ articles/` runs
once; every gold quotation (`kind = "quote"`) of a readout whose official text is in the
folder is matched to the check's quotation that
overlaps it in the same article. Figures:

- misquotes flagged: gold quotes with a substantive difference on which check reports an
  error (RD001 unsourced, RD002 altered, RD004 cut, RD007 reordered)
- verbatim clean: gold verbatim quotes with no error on them
- errors elsewhere: errors on quotations the gold does not list as readout quotes

Usage: python benchmarks/check_accuracy.py --story SLUG [--story SLUG ...] [-v]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STORIES = Path(__file__).resolve().parent / "accuracy" / "stories"


def run_check(story: Path) -> dict:  # type: ignore[type-arg]
    exe = Path(sys.executable).with_name("readout-diff")
    proc = subprocess.run(
        [
            str(exe),
            "check",
            "--no-config",
            "-q",
            "-f",
            "json",
            "--exit-zero",
            "-s",
            str(story / "official"),
            str(story / "articles"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        end = text.find("\n---", 3)
        text = text[text.find("\n", end + 1) + 1 :]
    return text


Quote = dict[str, Any]  # one quotation of check's JSON report
COUNTS = ("misquotes", "flagged", "verbatim", "clean", "elsewhere")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--story", action="append", required=True)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    total = dict.fromkeys(COUNTS, 0)
    print("| story | misquotes flagged | verbatim quotes with no error | errors elsewhere |")
    print("|---|---|---|---|")
    for slug in args.story:
        story = STORIES / slug
        if not (story / "official").is_dir():
            print(f"| {slug} | no official text | | |")
            continue
        counts = _StoryRun(slug, run_check(story), args.verbose).score(story)
        for k in total:
            total[k] += counts[k]
        print(
            f"| {slug} | {counts['flagged']}/{counts['misquotes']} | "
            f"{counts['clean']}/{counts['verbatim']} | {counts['elsewhere']} |"
        )
    print(
        f"| all | {total['flagged']}/{total['misquotes']} | {total['clean']}/{total['verbatim']} "
        f"| {total['elsewhere']} |"
    )
    return 0


@dataclass
class _StoryRun:
    """One story's check report against its gold."""

    slug: str
    report: dict[str, Any]
    verbose: bool
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    used: set[tuple[str, str]] = field(default_factory=set)  # (document, quote) matched to gold
    errors: dict[tuple[str, int, int], list[str]] = field(default_factory=dict)
    quotes: dict[str, list[Quote]] = field(default_factory=dict)  # by document stem

    def __post_init__(self) -> None:
        for f in self.report["findings"]:
            if f["severity"] == "error" and not f.get("suppressed"):
                at = f["location"]
                key = (at["path"], at["line"], at["column"])
                self.errors.setdefault(key, []).append(f["message"])
        for q in self.report["quotes"]:
            self.quotes.setdefault(q["document"], []).append(q)

    def erred(self, q: Quote) -> list[str]:
        at = q["location"]
        return self.errors.get((at["path"], at["line"], at["column"]), [])

    def say(self, line: str) -> None:
        if self.verbose:
            print(line, file=sys.stderr)

    def score(self, story: Path) -> dict[str, int]:
        gold = tomllib.loads((story / "gold.toml").read_text(encoding="utf-8"))
        with_text = {
            r["id"]
            for r in gold.get("readout", [])
            if r.get("official") and (story / r["official"]).is_file()
        }
        for article in gold.get("article", []):
            doc = Path(article["file"]).stem
            for passage in article.get("passage", []):
                if passage.get("kind") != "quote" or passage.get("readout") not in with_text:
                    continue  # only quotations of a readout whose official text is given
                self.score_passage(doc, passage)
        self.score_elsewhere()
        return self.counts

    def score_passage(self, doc: str, passage: dict[str, Any]) -> None:
        """A gold quotation: a misquote must carry an error, a verbatim one none."""
        text = passage["text"]
        mine = [
            q
            for q in self.quotes.get(doc, [])
            if q["text"].strip(" ,.") in text
            or text.strip(" ,.") in q["text"]
            or _overlap(q["text"], text) > 0.6
        ]
        bad = [q for q in mine if self.erred(q)]
        self.used.update((doc, q["text"]) for q in mine)
        if any(d.get("substantive") for d in passage.get("difference", [])):
            self.counts["misquotes"] += 1
            self.counts["flagged"] += bool(bad)
            if not bad:
                verdicts = [(q["verdict"], q["note"]) for q in mine]
                self.say(f"  MISSED {self.slug}/{doc}: {text[:90]!r} -> {verdicts}")
        elif passage.get("verbatim"):
            self.counts["verbatim"] += 1
            self.counts["clean"] += not bad
            if bad:
                errors = [self.erred(q) for q in bad]
                self.say(f"  FALSE {self.slug}/{doc}: {text[:90]!r} -> {errors}")

    def score_elsewhere(self) -> None:
        """Errors on quotations the gold does not list."""
        for doc, mine in self.quotes.items():
            for q in mine:
                if (doc, q["text"]) not in self.used and self.erred(q):
                    self.counts["elsewhere"] += 1
                    self.say(
                        f"  ELSEWHERE {self.slug}/{doc}: {q['text'][:80]!r} {q['speaker']!r} "
                        f"{self.erred(q)}"
                    )


def _overlap(a: str, b: str) -> float:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


if __name__ == "__main__":
    raise SystemExit(main())
