"""`--consensus`: with no official text, each outlet's quote is checked against the
wording the other outlets agree on, so one deviant quote stands out.

A place where a quote differs is a deviation only when at least two other outlets
(wire copies count once) print the same other wording there and they outnumber the
outlets that print this quote's wording. Where outlets split evenly, nobody is wrong.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..align import Encoder
from ..differences import diff, opcodes
from ..entities import Gazetteer, canonicalise, detect_cast
from ..model import Difference
from ..normalise import Token
from .config import CheckConfig
from .core import (
    Against,
    Article,
    ArticleResult,
    build_report,
    marker_problems,
    quote_findings,
    silence,
)
from .match import Piece, pieces
from .model import CheckReport, Location, QuoteCheck, SourceSpan, Verdict
from .quotes import Extracted, Locator, extract
from .verdicts import judge

MIN_SCORE = 60.0  # rapidfuzz partial_ratio on words: below, not the same quotation
MIN_SHARED = 3  # words two quotes must share (all, if shorter) to be one quotation
MIN_SUPPORT = 2  # other outlets that must agree on a wording


@dataclass
class _Entry:
    article: int
    group: int
    extracted: Extracted
    index: int  # quote index in its article
    pieces: list[Piece]
    words: list[Token]  # the quote's words and inner marks, pieces run together
    breaks: set[int]  # word positions where an elision or insertion sits


def check_consensus(articles: Sequence[Article], config: CheckConfig) -> CheckReport:
    """Every quote against the other outlets' versions of the same words."""
    encoder = Encoder()
    cast = detect_cast([a.doc.text for a in articles])
    extracted = [extract(a.doc, Locator(a.doc.path, a.doc.text, a.raw)) for a in articles]
    groups = _wire_groups(articles, extracted)
    entries: list[_Entry] = []
    for number, ex in enumerate(extracted):
        for i, quote in enumerate(ex.quotes):
            cut = pieces(ex.text, quote.start, quote.end, encoder)
            words: list[Token] = []
            breaks: set[int] = set()
            for piece in cut:
                if words:
                    breaks.add(_word_count(words))
                words.extend(piece.tokens)
            if words:
                entries.append(_Entry(number, groups[number], ex, i, cut, words, breaks))
    codes = ["".join(p.code for p in e.pieces) for e in entries]
    scores = process.cdist(codes, codes, scorer=fuzz.partial_ratio, dtype="float32", workers=-1)
    results = [ArticleResult() for _ in articles]
    for row, entry in zip(scores, entries, strict=True):
        others = _best_per_group(entry, entries, row)
        checked = _judge(entry, others, cast.gazetteer, config)
        result = results[entry.article]
        result.quotes.append(checked)
        result.findings.extend(silence(quote_findings(checked), checked.quote.marker))
    for number, ex in enumerate(extracted):
        used = {f.suppressed_by for f in results[number].findings if f.suppressed_by is not None}
        results[number].findings.extend(marker_problems(ex.markers, used))
    return build_report(Against("consensus"), articles, results, config)


def _word_count(tokens: Sequence[Token]) -> int:
    return sum(1 for t in tokens if t.is_word)


def _wire_groups(articles: Sequence[Article], extracted: Sequence[Extracted]) -> list[int]:
    """Copies of one wire story (mostly the same paragraphs) vote once between them."""
    keys = [{p.key for p in ex.layout.paragraphs if p.end - p.start > 40} for ex in extracted]
    groups = list(range(len(articles)))
    for i in range(len(articles)):
        for j in range(i):
            a, b = keys[i], keys[j]
            if a and b and len(a & b) / len(a | b) >= 0.8:
                groups[i] = groups[j]
                break
    return groups


def _best_per_group(entry: _Entry, entries: Sequence[_Entry], row: Sequence[float]) -> list[_Entry]:
    best: dict[int, tuple[float, int]] = {}
    for k, other in enumerate(entries):
        score = float(row[k])
        if other.group == entry.group or score < MIN_SCORE:
            continue
        if other.group not in best or score > best[other.group][0]:
            best[other.group] = (score, k)
    return [entries[k] for _, k in sorted(best.values(), key=lambda sk: -sk[0])]


@dataclass(frozen=True, slots=True)
class _Region:
    """Where this quote's words [j1, j2) differ from another outlet's [i1, i2)."""

    j1: int
    j2: int
    alternative: str  # the other outlet's words there, as match keys


def _compare(entry: _Entry, other: _Entry) -> tuple[tuple[int, int], list[_Region]] | None:
    """The stretch of this quote the other covers and the places where they differ."""
    mine = [t for t in entry.words if t.is_word]
    theirs = [t for t in other.words if t.is_word]
    ops = opcodes(theirs, mine)
    shared = sum(j2 - j1 for tag, _, _, j1, j2 in ops if tag == "equal")
    if shared < min(MIN_SHARED, len(mine), len(theirs)):
        return None
    while ops and ops[0][0] != "equal":
        ops.pop(0)
    while ops and ops[-1][0] != "equal":
        ops.pop()
    regions = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if j1 == j2 and j1 in entry.breaks:
            continue  # this quote elides words the other keeps: allowed
        if i1 == i2 and any(i1 == b for b in other.breaks):
            continue
        regions.append(_Region(j1, j2, " ".join(t.key for t in theirs[i1:i2])))
    return (ops[0][3], ops[-1][4]), regions


def _judge(
    entry: _Entry, others: Sequence[_Entry], gazetteer: Gazetteer, config: CheckConfig
) -> QuoteCheck:
    quote = entry.extracted.quotes[entry.index]
    compared = [(o, c) for o in others if (c := _compare(entry, o)) is not None]
    if not compared:
        return QuoteCheck(
            quote, Verdict.NOT_CHECKED, "none", note="no other outlet quotes these words"
        )
    votes: dict[_Region, list[_Entry]] = defaultdict(list)
    for other, (_, regions) in compared:
        for region in regions:
            votes[region].append(other)
    deviant = []
    for region, backers in votes.items():
        agree = sum(
            1
            for _, ((lo, hi), regions) in compared
            if lo <= region.j1
            and region.j2 <= hi
            and not any(r.j1 < region.j2 + 1 and region.j1 < r.j2 + 1 for r in regions)
        )
        if len(backers) >= MIN_SUPPORT and len(backers) > agree:
            deviant.append((region, backers))
    best, _ = compared[0]
    if deviant:
        best = deviant[0][1][0]
    found = _differences(entry, best, gazetteer)
    if deviant:
        marked = {
            j for region, _ in deviant for j in range(region.j1, max(region.j2, region.j1 + 1))
        }
        words = [t for t in entry.words if t.is_word]
        spans = [(words[j].start, words[j].end) for j in marked if j < len(words)]
        found = (
            tuple(
                d
                for d in found
                if any(s < d.witness_end + 1 and d.witness_start < e + 1 for s, e in spans)
            )
            or found
        )
        support = max(len(b) for _, b in deviant)
        judgement = judge(found, False, config.allow_spelling_variants)
        problems = tuple(
            (code, f"{message} (the wording {support} other outlets agree on)")
            for code, message in judgement.problems
        )
        return QuoteCheck(
            quote,
            Verdict.ALTERED,
            "none",
            _span(best),
            judgement.differences,
            problems=problems
            or (("RD002", f"quote differs from the wording {support} other outlets agree on"),),
        )
    if votes and any(d.kind.value not in ("typography", "spelling_variant") for d in found):
        return QuoteCheck(
            quote,
            Verdict.NOT_CHECKED,
            "none",
            _span(best),
            found,
            note="the outlets split on this wording, so there is no consensus",
        )
    return QuoteCheck(
        quote, Verdict.EQUIVALENT if found else Verdict.EXACT, "none", _span(best), found
    )


def _differences(entry: _Entry, other: _Entry, gazetteer: Gazetteer) -> tuple[Difference, ...]:
    mine = canonicalise(entry.words, gazetteer)
    theirs = canonicalise(other.words, gazetteer)
    ops = opcodes(theirs, mine)
    while ops and ops[0][0] != "equal":
        ops.pop(0)
    while ops and ops[-1][0] != "equal":
        ops.pop()
    if not ops:
        return ()
    i1, i2, j1, j2 = ops[0][1], ops[-1][2], ops[0][3], ops[-1][4]
    return diff(theirs[i1:i2], other.extracted.text, mine[j1:j2], entry.extracted.text)


def _span(other: _Entry) -> SourceSpan:
    quote = other.extracted.quotes[other.index]
    where: Location = quote.location
    return SourceSpan(quote.document, quote.path, quote.start, quote.end, quote.text, where, 1.0)
