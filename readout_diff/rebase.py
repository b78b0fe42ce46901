"""Measure every outlet against one outlet's version instead of the base.

An editor often wants "how does everyone differ from the wire copy we ran?": the chosen
document's version of each sentence becomes the base, and every other version is
diffed against it again (sentences the document does not carry, or carries only in
reported speech, keep their base). The mid-sentence rule holds against any base: a quote
is measured from where it starts and to where it stops, unless both it and the chosen
version speak for the sentence's start (or end).
"""

from __future__ import annotations

from dataclasses import replace

from .align import Encoder, matched_range, similarity
from .contrast import contrast
from .differences import ELLIPSIS, content_keys, diff
from .entities import canonicalise, detect_cast
from .errors import ReadoutDiffError
from .model import DifferenceKind, PassageKind, ReadoutSentence, Result, Witness
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
        # its quoted wording only: reported speech is the outlet's own words, and quotes
        # cannot be lined up against them ("'urged' for 'spoke to'")
        own = [
            w
            for w in sentence.witnesses
            if w.document == doc_id and w.kind != PassageKind.PARAPHRASE
        ]
        if not own:
            return sentence
        chosen = max(own, key=lambda w: (w.end - w.start, -w.start))
        base_text = chosen.text
        base_tokens = canonicalise(tokenise(base_text), cast.gazetteer)
        base_from_start, base_to_end = _speaks_for(chosen, sentence.text)
        witnesses = []
        for w in sentence.witnesses:
            tokens = canonicalise(
                tokenise(texts[w.document][w.start : w.end], w.start), cast.gazetteer
            )
            if not tokens:
                continue
            b0, b1, w0, w1 = matched_range(base_tokens, tokens)
            if w.kind != PassageKind.PARAPHRASE:
                # the mid-sentence rule, against any base: a quote is measured from where
                # it starts and to where it stops, unless it speaks for the sentence's start
                # (or end) and so does the base
                from_start, to_end = _speaks_for(w, sentence.text)
                cut0, cut1 = 0, len(tokens)
                if from_start and base_from_start:
                    b0 = 0
                elif from_start:
                    cut0 = w0  # words before what the base speaks for are not measured
                elif w0 > 0:
                    b0 = max(0, b0 - w0)  # "urged" taken up where the base says "encouraged"
                if (to_end and base_to_end) or tokens[-1].key == ELLIPSIS:
                    b1 = len(base_tokens)
                elif to_end and w1 > cut0:
                    cut1 = w1  # nor words after it
                tokens = tokens[cut0:cut1] or tokens
            else:
                tokens = tokens[w0:w1] if w1 > w0 else tokens
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
            start, end = tokens[0].start, tokens[-1].end
            witnesses.append(
                replace(
                    w,
                    start=start,
                    end=end,
                    text=texts[w.document][start:end],
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


def _speaks_for(witness: Witness, sentence_text: str) -> tuple[bool, bool]:
    """Did the engine measure this witness from the sentence's start, and to its end?"""
    first = len(sentence_text) - len(sentence_text.lstrip())
    last = len(sentence_text.rstrip())
    return witness.covered_start <= first, witness.covered_end >= last - 1


__all__ = ["RebaseError", "rebase", "resolve_document"]
