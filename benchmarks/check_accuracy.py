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
from pathlib import Path

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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--story", action="append", required=True)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    total = {"misquotes": 0, "flagged": 0, "verbatim": 0, "clean": 0, "elsewhere": 0}
    print("| story | misquotes flagged | verbatim quotes with no error | errors elsewhere |")
    print("|---|---|---|---|")
    for slug in args.story:
        story = STORIES / slug
        if not (story / "official").is_dir():
            print(f"| {slug} | no official text | | |")
            continue
        gold = tomllib.loads((story / "gold.toml").read_text(encoding="utf-8"))
        report = run_check(story)
        errors: dict[tuple[str, int, int], list[str]] = {}
        for f in report["findings"]:
            if f["severity"] == "error" and not f.get("suppressed"):
                at = f["location"]
                errors.setdefault((at["path"], at["line"], at["column"]), []).append(f["message"])

        def erred(q: dict, errors: dict = errors) -> list[str]:  # type: ignore[type-arg]
            at = q["location"]
            return errors.get((at["path"], at["line"], at["column"]), [])  # type: ignore[no-any-return]

        quotes = {}
        for q in report["quotes"]:
            quotes.setdefault(q["document"], []).append(q)
        with_text = {
            r["id"]
            for r in gold.get("readout", [])
            if r.get("official") and (story / r["official"]).is_file()
        }
        counts = {"misquotes": 0, "flagged": 0, "verbatim": 0, "clean": 0, "elsewhere": 0}
        used: set[tuple[str, str]] = set()
        for article in gold.get("article", []):
            doc = Path(article["file"]).stem
            for passage in article.get("passage", []):
                if passage.get("kind") != "quote" or passage.get("readout") not in with_text:
                    continue  # only quotations of a readout whose official text is given
                text = passage["text"]
                mine = [
                    q
                    for q in quotes.get(doc, [])
                    if q["text"].strip(" ,.") in text
                    or text.strip(" ,.") in q["text"]
                    or _overlap(q["text"], text) > 0.6
                ]
                bad = [q for q in mine if erred(q)]
                for q in mine:
                    used.add((doc, q["text"]))
                real = any(d.get("substantive") for d in passage.get("difference", []))
                if real:
                    counts["misquotes"] += 1
                    counts["flagged"] += bool(bad)
                    if args.verbose and not bad:
                        print(
                            f"  MISSED {slug}/{doc}: {text[:90]!r} -> "
                            f"{[(q['verdict'], q['note']) for q in mine]}",
                            file=sys.stderr,
                        )
                elif passage.get("verbatim"):
                    counts["verbatim"] += 1
                    counts["clean"] += not bad
                    if args.verbose and bad:
                        print(
                            f"  FALSE {slug}/{doc}: {text[:90]!r} -> {[erred(q) for q in bad]}",
                            file=sys.stderr,
                        )
        for doc, mine in quotes.items():
            for q in mine:
                if (doc, q["text"]) not in used and erred(q):
                    counts["elsewhere"] += 1
                    if args.verbose:
                        print(
                            f"  ELSEWHERE {slug}/{doc}: {q['text'][:80]!r} {q['speaker']!r} "
                            f"{erred(q)}",
                            file=sys.stderr,
                        )
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


def _overlap(a: str, b: str) -> float:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


if __name__ == "__main__":
    raise SystemExit(main())
