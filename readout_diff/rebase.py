"""Measure every outlet against one outlet's version instead of the base.

An editor often wants "how does everyone differ from the wire copy we ran?": the chosen
document's version of each sentence becomes the base, and every other version is
diffed against it again (sentences the document does not carry keep their base).
"""

from __future__ import annotations

from dataclasses import replace

from .align import Encoder, matched_range, similarity
from .contrast import contrast
from .differences import ELLIPSIS, content_keys, diff
from .entities import canonicalise, detect_cast
from .errors import ReadoutDiffError
from .model import DifferenceKind, PassageKind, ReadoutSentence, Result
from .normalise import tokenise


class RebaseError(ReadoutDiffError, ValueError):
    """The chosen base names no document of the result."""


def resolve_document(result: Result, name: str) -> str:
    """A document id, or an outlet name that names exactly one document."""
    ids = [d.id for d in result.documents]
    if name in ids:
        return name
    by_outlet = [d.id for d in result.documents if d.outlet.casefold() == name.casefold()]
    if len(by_outlet) == 1:
        return by_outlet[0]
    if by_outlet:
        raise RebaseError(f"outlet '{name}' names {len(by_outlet)} documents; use a document id")
    raise RebaseError(f"no document or outlet called '{name}'")


def rebase(result: Result, name: str, ignore_case: bool = False) -> Result:
    """The same result with `name`'s versions as the base wherever it has one
    (`ignore_case` as for the engine: case differences are not reported)."""
    doc_id = resolve_document(result, name)
    cast = detect_cast([d.text for d in result.documents])
    texts = {d.id: d.text for d in result.documents}

    def redo(sentence: ReadoutSentence) -> ReadoutSentence:
        own = [w for w in sentence.witnesses if w.document == doc_id]
        if not own:
            return sentence
        chosen = max(own, key=lambda w: (w.end - w.start, -w.start))
        base_text = chosen.text
        base_tokens = canonicalise(tokenise(base_text), cast.gazetteer)
        witnesses = []
        for w in sentence.witnesses:
            tokens = canonicalise(
                tokenise(texts[w.document][w.start : w.end], w.start), cast.gazetteer
            )
            if not tokens:
                continue
            b0, b1, _, _ = matched_range(base_tokens, tokens)
            if w.kind != PassageKind.PARAPHRASE:
                b0 = 0
                if tokens[-1].key == ELLIPSIS or w.covered_end >= len(sentence.text) - 1:
                    b1 = len(base_tokens)
            part = base_tokens[b0:b1]
            differences = diff(
                part, base_text, tokens, texts[w.document], w.kind == PassageKind.PARAPHRASE
            )
            if ignore_case:
                differences = tuple(
                    d
                    for d in differences
                    if not (
                        d.kind == DifferenceKind.TYPOGRAPHY
                        and d.base.casefold() == d.witness.casefold()
                    )
                )
            encoder = Encoder()
            score = similarity(
                encoder.encode(content_keys(tokens)), encoder.encode(content_keys(part))
            )
            witnesses.append(
                replace(
                    w,
                    score=round(score, 3),
                    differences=differences,
                    covered_start=part[0].start if part else 0,
                    covered_end=part[-1].end if part else 0,
                )
            )
        return replace(
            sentence, text=base_text, base_source=f"document:{doc_id}", witnesses=tuple(witnesses)
        )

    readouts = tuple(
        replace(r, sentences=tuple(redo(s) for s in r.sentences)) for r in result.readouts
    )
    return replace(result, readouts=readouts, contrasts=tuple(contrast(readouts, cast)))


__all__ = ["RebaseError", "rebase", "resolve_document"]
