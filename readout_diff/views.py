"""Figures every face shows the same way: divergence, fidelity, the heat map, filters.

Pure functions over a `Result`, so the terminal report, Markdown, HTML and the TUI
cannot disagree about a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .model import (
    Difference,
    DifferenceKind,
    PassageKind,
    Readout,
    ReadoutSentence,
    Result,
    Spot,
    Witness,
)

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
    """How faithfully one outlet renders the readouts it carries.

    Counted once per passage: a quotation that belongs to two twin readouts (the same
    words in the Jaishankar and the Sharif readout) is one version with one set of
    differences, not two. `misquotes` are substantive changes inside quotation marks
    (quotes and embedded posts); `drift` the substantive changes of reported speech.
    """

    document: str
    outlet: str
    witnesses: int
    verbatim_share: float  # of its readout words, the share inside no substantive change
    substantive: int  # misquotes + drift
    cosmetic: int
    misquotes: int = 0
    drift: int = 0


def _unique_witnesses(result: Result) -> dict[str, list[Witness]]:
    """Each document's witnesses, one per passage stretch, with their differences merged
    (the same change seen from two readouts counts once)."""
    spans: dict[str, dict[tuple[int, int], Witness]] = {}
    for r in result.readouts:
        for s in r.sentences:
            for w in s.witnesses:
                mine = spans.setdefault(w.document, {})
                key = (w.start, w.end)
                if key not in mine:
                    mine[key] = w
                    continue
                seen = {_diff_key(d) for d in mine[key].differences}
                extra = tuple(d for d in w.differences if _diff_key(d) not in seen)
                if extra:
                    mine[key] = replace(mine[key], differences=mine[key].differences + extra)
    return {doc: list(by_span.values()) for doc, by_span in spans.items()}


def _diff_key(d: Difference) -> tuple[object, ...]:
    return (d.kind, d.witness_start, d.witness_end, d.base.casefold(), d.witness.casefold())


def fidelity(result: Result) -> list[Fidelity]:
    """One row per report document that carries any readout sentence."""
    by_document = _unique_witnesses(result)
    rows = []
    for doc in result.documents:
        mine = by_document.get(doc.id, [])
        if not mine:
            continue
        total = sum(max(words(w.text), 1) for w in mine)
        changed = sum(words(d.witness) for w in mine for d in w.differences if d.substantive)
        misquotes = sum(
            1
            for w in mine
            if w.kind != PassageKind.PARAPHRASE
            for d in w.differences
            if d.substantive
        )
        drift = sum(
            1
            for w in mine
            if w.kind == PassageKind.PARAPHRASE
            for d in w.differences
            if d.substantive
        )
        rows.append(
            Fidelity(
                doc.id,
                doc.outlet,
                len(mine),
                round(max(0.0, 1 - changed / total), 3),
                misquotes + drift,
                sum(1 for w in mine for d in w.differences if d.kind in COSMETIC),
                misquotes,
                drift,
            )
        )
    return rows


BANDS = ("verbatim", "minor", "changed", "rewritten")
"""Heat-map bands, least to most serious."""

BAND_MEANING = {
    "verbatim": "the base words (cosmetic changes aside)",
    "minor": "only changes that keep the meaning",
    "changed": "a substantive change",
    "rewritten": "under half of the base words kept",
}


def kept_share(witness: Witness, base_text: str) -> float:
    """The share of the base words it speaks for that the witness carries (any order)."""
    base = [
        w.casefold() for w in _WORD.findall(base_text[witness.covered_start : witness.covered_end])
    ]
    if not base:
        return 1.0
    have: dict[str, int] = {}
    for w in _WORD.findall(witness.text):
        have[w.casefold()] = have.get(w.casefold(), 0) + 1
    kept = 0
    for w in base:
        if have.get(w, 0) > 0:
            have[w] -= 1
            kept += 1
    return kept / len(base)


def band(witness: Witness, base_text: str) -> str:
    """The most serious change in a version, cosmetics aside: `verbatim` (none), `minor`
    (changes that keep the meaning: a name for a title, a marked cut), `changed` (a
    substantive change, however short: "rejected" for "welcomed"), `rewritten` (a
    substantive change and under half of the base words kept)."""
    changes = [d for d in witness.differences if d.kind not in COSMETIC]
    if not changes:
        return "verbatim"
    if not any(d.substantive for d in changes):
        return "minor"
    return "rewritten" if kept_share(witness, base_text) < 0.5 else "changed"


@dataclass(frozen=True, slots=True)
class HeatCell:
    """One outlet's version of one sentence: how serious its worst change is (band None:
    it does not carry it)."""

    readout: str
    sentence: str
    document: str
    band: str | None
    substantive: int
    kept: float | None = None  # share of the base words the version carries


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
                best = min(
                    mine, key=lambda w: (BANDS.index(band(w, s.text)), -kept_share(w, s.text))
                )
                cells.append(
                    HeatCell(
                        r.id,
                        s.id,
                        doc,
                        band(best, s.text),
                        sum(w.substantive_count for w in mine),
                        round(kept_share(best, s.text), 3),
                    )
                )
    return documents, cells


def outlet_numbers(result: Result) -> dict[str, int]:
    """The outlets' numbers as every face prints them: the heat map's columns, 1, 2, …"""
    columns, _ = heat_map(result)
    return {doc: n for n, doc in enumerate(columns, 1)}


def shade(value: str | None) -> str:
    """A cell's band as a word, so no figure is told by colour alone."""
    return value or "absent"


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a witness shown against its base: same, removed, or added text."""

    text: str
    role: str  # "same", "removed" (base words), "added" (witness words)
    kind: DifferenceKind | None = None
    substantive: bool = False


def spacing_only(base: str, witness: str) -> bool:
    """A change in spaces alone ("communications ." for "communications.")."""
    return bool(base.strip()) and "".join(base.split()) == "".join(witness.split())


def visible_spaces(text: str) -> str:
    """Spaces shown as ␣, for a change in spacing alone."""
    return re.sub(r"\s", "␣", text)


def segments(base_text: str, witness: Witness) -> list[Segment]:
    """The witness as a stream of unchanged text and marked changes, in reading order."""
    out: list[Segment] = []
    pos = witness.covered_start
    for d in sorted(witness.differences, key=lambda d: (d.base_start, d.witness_start)):
        if d.base_start > pos:
            out.append(Segment(base_text[pos : d.base_start], "same"))
        removed = base_text[d.base_start : d.base_end]
        added = witness.text[d.witness_start - witness.start : d.witness_end - witness.start]
        if spacing_only(removed, added):
            out.append(Segment(removed.strip(), "removed", d.kind, d.substantive))
            out.append(Segment(visible_spaces(added.rstrip()), "added", d.kind, d.substantive))
            pos = max(pos, d.base_end)
            continue
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
        changed = removed if removed.strip() else added
        trail = changed[len(changed.rstrip()) :]
        following = base_text[d.base_end : d.base_end + 1]
        if trail and following and not following.isspace() and (removed.strip() or added.strip()):
            out.append(Segment(" ", "same"))  # "{+Today,+} Secretary": the space after stays
        pos = max(pos, d.base_end)
    if pos < witness.covered_end:
        out.append(Segment(base_text[pos : witness.covered_end], "same"))
    return out


def describe(kind: DifferenceKind, base: str, witness: str) -> str:
    """A difference in words, the same on every face: "omits 'Pakistani'", "'restore' for
    're-establish'", "adds 'deep' (where the base has 'his')", "spacing in '.'"."""
    if base and spacing_only(base, witness):
        return f"spacing in '{base.strip()}'"
    if kind == DifferenceKind.TRUNCATION:
        return f"cuts '{base}'" + (f" (marked '{witness}')" if witness else "")
    if base and witness:
        return _replacement(kind, base, witness)
    return f"omits '{base}'" if base else f"adds '{witness}'"


def _replacement(kind: DifferenceKind, base: str, witness: str) -> str:
    """Words on both sides: an addition or omission that also replaced a word says so."""
    if kind == DifferenceKind.ADDITION:
        return f"adds '{witness}' (where the base has '{base}')"
    if kind == DifferenceKind.OMISSION:
        return f"omits '{base}' (the outlet has '{witness}')"
    return f"'{witness}' for '{base}'"


def describe_difference(d: Difference) -> str:
    """`describe` of one difference."""
    return describe(d.kind, d.base, d.witness)


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
