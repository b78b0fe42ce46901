"""From a placement to a verdict: which differences journalism allows, which it does not.

Elisions and bracketed insertions are allowed by construction (they join pieces);
inside a piece every difference counts except typography, and spelling variants
count unless the configuration allows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..align import Encoder
from ..differences import diff
from ..entities import Gazetteer, canonicalise
from ..model import Difference, DifferenceKind
from ..normalise import tokenise
from .match import Piece, Placement, Source, token_range
from .model import Verdict

_CHANGES = (DifferenceKind.ADDITION, DifferenceKind.WORDING_CHANGE, DifferenceKind.PARAPHRASE)


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    differences: tuple[Difference, ...]
    problems: tuple[tuple[str, str], ...]  # (rule code, message)


def differences(
    source: Source,
    placement: Placement,
    quote: Sequence[Piece],
    quote_text: str,
    gazetteer: Gazetteer,
) -> tuple[Difference, ...]:
    """Word-level differences of every piece against its own source span."""
    out: list[Difference] = []
    for piece, (start, end) in zip(quote, placement.spans, strict=True):
        span = token_range(source, start, end)
        if (
            span
            and source.doc.text[span[0].start : span[-1].end]
            == quote_text[piece.tokens[0].start : piece.tokens[-1].end]
        ):
            continue  # character for character the same: nothing to classify
        base = canonicalise(span, gazetteer)
        witness = canonicalise(piece.tokens, gazetteer)
        out.extend(diff(base, source.doc.text, witness, quote_text))
    return tuple(out)


def judge(
    found: tuple[Difference, ...],
    reordered: bool,
    allow_variants: bool,
    moved: Sequence[Difference] = (),
) -> Judgement:
    """The verdict on a sourced quote and the rules its differences break; `moved` are
    the changes whose words stand elsewhere in the source."""
    problems: list[tuple[str, str]] = []
    changes = [d for d in found if d.kind in _CHANGES]
    dropped = [d for d in found if d.kind == DifferenceKind.OMISSION]
    variants = [d for d in found if d.kind == DifferenceKind.SPELLING_VARIANT]
    if changes:
        problems.append(("RD002", "quote altered: " + describe(changes + dropped)))
    elif dropped:
        problems.append(("RD004", "words left out without an ellipsis: " + describe(dropped)))
    if variants and not allow_variants:
        problems.append(
            (
                "RD003",
                "spelling differs from the source: "
                + describe(variants)
                + ' (allow with spelling-variants = "allow")',
            )
        )
    if reordered:
        problems.append(("RD007", "the elided parts stand in another order in the source"))
    elif moved:
        problems.append(
            (
                "RD007",
                "words from elsewhere in the source, run together without "
                "an ellipsis: " + "; ".join(f'"{clip(d.witness)}"' for d in moved),
            )
        )
    verdict = Verdict.ALTERED if problems else Verdict.EQUIVALENT if found else Verdict.EXACT
    return Judgement(verdict, found, tuple(problems))


def moved(
    found: Sequence[Difference],
    source: Source,
    placement: Placement,
    encoder: Encoder,
    run: int = 4,
) -> list[Difference]:
    """Changes whose words (`run` in a row) stand verbatim elsewhere in the same source:
    sentences stitched together in another order."""
    out = []
    for d in found:
        if d.kind not in _CHANGES:
            continue
        keys = [t.key for t in tokenise(d.witness) if t.is_word]
        for k in range(len(keys) - run + 1):
            at = source.code.find(encoder.encode(keys[k : k + run]))
            if at >= 0 and not placement.start <= at < placement.end:
                out.append(d)
                break
    return out


def describe(found: Sequence[Difference]) -> str:
    """`"restore" for "re-establish"; adds "firmly"; drops "direct"`."""
    parts = []
    for d in sorted(found, key=lambda d: d.witness_start):
        if d.kind == DifferenceKind.ADDITION:
            parts.append(f'adds "{clip(d.witness)}"')
        elif d.kind == DifferenceKind.OMISSION:
            parts.append(f'drops "{clip(d.base)}"')
        else:
            parts.append(f'"{clip(d.witness)}" for "{clip(d.base)}"')
    return "; ".join(parts)


def clip(text: str, width: int = 60) -> str:
    """One line, at most `width` characters, for messages."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"
