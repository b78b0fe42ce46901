"""Figures every face shows the same way: divergence, fidelity, the heat map, filters.

Pure functions over a `Result`, so the terminal report, Markdown, HTML and the TUI
cannot disagree about a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .model import DifferenceKind, Readout, ReadoutSentence, Result, Spot, Witness

COSMETIC = frozenset({DifferenceKind.TYPOGRAPHY, DifferenceKind.SPELLING_VARIANT})
_WORD = re.compile(r"\w+")


def words(text: str) -> int:
    return len(_WORD.findall(text))


def divergence(witness: Witness) -> float:
    """0 = the base words exactly (cosmetics aside), 1 = nothing of them left."""
    covered = max(words(witness.text), 1)
    changed = sum(
        max(words(d.base), words(d.witness)) for d in witness.differences if d.kind not in COSMETIC
    )
    return round(min(1.0, changed / covered), 3)


def hide_cosmetic(result: Result) -> Result:
    """The same result without typography and spelling-variant differences."""

    def clean(sentence: ReadoutSentence) -> ReadoutSentence:
        return replace(
            sentence,
            witnesses=tuple(
                replace(w, differences=tuple(d for d in w.differences if d.kind not in COSMETIC))
                for w in sentence.witnesses
            ),
        )

    return replace(
        result,
        readouts=tuple(
            replace(r, sentences=tuple(clean(s) for s in r.sentences)) for r in result.readouts
        ),
    )


@dataclass(frozen=True, slots=True)
class Fidelity:
    """How faithfully one outlet renders the readouts it carries."""

    document: str
    outlet: str
    witnesses: int
    verbatim_share: float  # of its readout words, the share inside no substantive change
    substantive: int
    cosmetic: int


def fidelity(result: Result) -> list[Fidelity]:
    """One row per report document that carries any readout sentence."""
    by_document: dict[str, list[Witness]] = {}
    for r in result.readouts:
        for s in r.sentences:
            for w in s.witnesses:
                by_document.setdefault(w.document, []).append(w)
    rows = []
    for doc in result.documents:
        mine = by_document.get(doc.id, [])
        if not mine:
            continue
        total = sum(max(words(w.text), 1) for w in mine)
        changed = sum(words(d.witness) for w in mine for d in w.differences if d.substantive)
        rows.append(
            Fidelity(
                doc.id,
                doc.outlet,
                len(mine),
                round(max(0.0, 1 - changed / total), 3),
                sum(1 for w in mine for d in w.differences if d.substantive),
                sum(1 for w in mine for d in w.differences if d.kind in COSMETIC),
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class HeatCell:
    """One outlet's version of one sentence: how far it is (None: it does not carry it)."""

    readout: str
    sentence: str
    document: str
    divergence: float | None
    substantive: int


def heat_map(result: Result, readout: Readout | None = None) -> tuple[list[str], list[HeatCell]]:
    """Documents (columns) and cells for every sentence (rows) of one or all readouts."""
    readouts = [readout] if readout else list(result.readouts)
    documents = sorted({w.document for r in readouts for s in r.sentences for w in s.witnesses})
    cells = []
    for r in readouts:
        for s in r.sentences:
            for doc in documents:
                mine = [w for w in s.witnesses if w.document == doc]
                if not mine:
                    cells.append(HeatCell(r.id, s.id, doc, None, 0))
                    continue
                best = min(mine, key=divergence)
                cells.append(
                    HeatCell(
                        r.id, s.id, doc, divergence(best), sum(w.substantive_count for w in mine)
                    )
                )
    return documents, cells


def shade(value: float | None) -> str:
    """A word for a divergence band, so no figure is told by colour alone."""
    if value is None:
        return "absent"
    if value == 0:
        return "verbatim"
    if value < 0.2:
        return "minor"
    if value < 0.5:
        return "changed"
    return "rewritten"


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a witness shown against its base: same, removed, or added text."""

    text: str
    role: str  # "same", "removed" (base words), "added" (witness words)
    kind: DifferenceKind | None = None
    substantive: bool = False


def segments(base_text: str, witness: Witness) -> list[Segment]:
    """The witness as a stream of unchanged text and marked changes, in reading order."""
    out: list[Segment] = []
    pos = witness.covered_start
    for d in sorted(witness.differences, key=lambda d: (d.base_start, d.witness_start)):
        if d.base_start > pos:
            out.append(Segment(base_text[pos : d.base_start], "same"))
        removed = base_text[d.base_start : d.base_end]
        added = witness.text[d.witness_start - witness.start : d.witness_end - witness.start]
        lead = (
            removed[: len(removed) - len(removed.lstrip())]
            or added[: len(added) - len(added.lstrip())]
        )
        if lead and (removed.strip() or added.strip()):
            out.append(Segment(" ", "same"))  # the space before a changed word stays plain
        if removed.strip():
            out.append(Segment(removed.strip(), "removed", d.kind, d.substantive))
        if added.strip():
            out.append(Segment(added.strip(), "added", d.kind, d.substantive))
        pos = max(pos, d.base_end)
    if pos < witness.covered_end:
        out.append(Segment(base_text[pos : witness.covered_end], "same"))
    return out


def describe(kind: DifferenceKind, base: str, witness: str) -> str:
    """A difference in words: "omits 'Pakistani'", "'restore' for 're-establish'"."""
    if kind == DifferenceKind.OMISSION:
        return f"omits '{base}'"
    if kind == DifferenceKind.ADDITION and not base:
        return f"adds '{witness}'"
    if kind == DifferenceKind.TRUNCATION:
        return f"cuts '{base}'" + (f" (marked '{witness}')" if witness else "")
    return f"'{witness}' for '{base}'" if base else f"adds '{witness}'"


def majority_finding(spot: Spot) -> str | None:
    """ "7 of 9 outlets carry 'restore' where the readout says 're-establish'", when most
    outlets agree on wording other than the base's (an official text's)."""
    if spot.majority is None:
        return None
    n, of = spot.majority_support, spot.witnesses
    outlets = "outlet" if of == 1 else "outlets"
    if not spot.base:
        return f"{n} of {of} {outlets} add '{spot.majority}' that the readout does not have"
    if not spot.majority:
        return f"{n} of {of} {outlets} leave out '{spot.base}'"
    return f"{n} of {of} {outlets} carry '{spot.majority}' where the readout says '{spot.base}'"


def dispute_note(spot: Spot) -> str:
    """ "disputed: 'restore' 1, 're-establish' 1 (of 2 outlets)": a split with no majority."""
    readings = [(spot.base or "(nothing)", spot.support)] + [
        (text or "(nothing)", n) for text, n in spot.readings
    ]
    listed = ", ".join(f"'{text}' {n}" for text, n in readings)
    return f"disputed: {listed} (of {spot.witnesses} outlets)"


def sentence_notes(sentence: ReadoutSentence) -> list[str]:
    """Every disputed spot and majority-vs-official finding of a sentence, in base order."""
    return [
        majority_finding(s) or dispute_note(s)
        for s in sentence.spots
        if s.disputed or s.majority is not None
    ]
