"""Measure every outlet against one outlet's version instead of the base.

An editor often wants "how does everyone differ from the wire copy we ran?": the chosen
document's version of each sentence becomes the base, and every other version is
diffed against it again (sentences the document does not carry, or carries only in
reported speech, keep their base). The mid-sentence rule holds against any base: a quote
is measured from where it starts and to where it stops, unless both it and the chosen
version speak for the sentence's start (or end).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .align import Encoder, matched_range, similarity
from .contrast import contrast
from .differences import ELLIPSIS, content_keys, diff
from .entities import Cast, canonicalise, detect_cast
from .errors import ReadoutDiffError
from .model import Difference, DifferenceKind, PassageKind, ReadoutSentence, Result, Witness
from .normalise import Token, tokenise


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


@dataclass(frozen=True, slots=True)
class _Job:
    """What every sentence's rebasing reads: the chosen document and the run's texts."""

    doc_id: str
    cast: Cast
    texts: dict[str, str]
    ignore_case: bool

    def tokens(self, text: str, offset: int = 0) -> list[Token]:
        return canonicalise(tokenise(text, offset), self.cast.gazetteer)


@dataclass(frozen=True, slots=True)
class _Base:
    """The chosen document's version of one sentence, and whether it speaks for the
    sentence's start and its end."""

    text: str
    tokens: list[Token]
    from_start: bool
    to_end: bool


def rebase(result: Result, name: str, ignore_case: bool = False) -> Result:
    """The same result with `name`'s versions as the base wherever it has one
    (`ignore_case` as for the engine: case differences are not reported)."""
    doc_id = resolve_document(result, name)
    cast = detect_cast([d.text for d in result.documents])
    job = _Job(doc_id, cast, {d.id: d.text for d in result.documents}, ignore_case)
    readouts = tuple(
        replace(r, sentences=tuple(_redo(job, s) for s in r.sentences)) for r in result.readouts
    )
    return replace(result, readouts=readouts, contrasts=tuple(contrast(readouts, cast)))


def _redo(job: _Job, sentence: ReadoutSentence) -> ReadoutSentence:
    """One sentence against the chosen document's version, if it quotes one: reported
    speech is the outlet's own words, and quotes cannot be lined up against them ("'urged'
    for 'spoke to'")."""
    own = [
        w
        for w in sentence.witnesses
        if w.document == job.doc_id and w.kind != PassageKind.PARAPHRASE
    ]
    if not own:
        return sentence
    chosen = max(own, key=lambda w: (w.end - w.start, -w.start))
    base = _Base(chosen.text, job.tokens(chosen.text), *_speaks_for(chosen, sentence.text))
    witnesses = [_remeasure(job, base, w, sentence.text) for w in sentence.witnesses]
    return replace(
        sentence,
        text=base.text,
        base_source=f"document:{job.doc_id}",
        witnesses=tuple(w for w in witnesses if w is not None),
    )


def _remeasure(job: _Job, base: _Base, w: Witness, sentence_text: str) -> Witness | None:
    """A witness diffed against the new base; None when it has no words."""
    text = job.texts[w.document]
    tokens = job.tokens(text[w.start : w.end], w.start)
    if not tokens:
        return None
    b0, b1, w0, w1 = matched_range(base.tokens, tokens)
    if w.kind != PassageKind.PARAPHRASE:
        b0, b1, tokens = _quote_cut(base, _speaks_for(w, sentence_text), tokens, (b0, b1, w0, w1))
    else:
        tokens = tokens[w0:w1] if w1 > w0 else tokens
    part = base.tokens[b0:b1]
    reported = base.tokens if w.kind == PassageKind.PARAPHRASE else None
    differences = diff(part, base.text, tokens, text, reported=reported)
    if job.ignore_case:
        differences = tuple(d for d in differences if not _case_only(d))
    encoder = Encoder()
    score = similarity(encoder.encode(content_keys(tokens)), encoder.encode(content_keys(part)))
    start, end = tokens[0].start, tokens[-1].end
    return replace(
        w,
        start=start,
        end=end,
        text=text[start:end],
        score=round(score, 3),
        differences=differences,
        covered_start=part[0].start if part else 0,
        covered_end=part[-1].end if part else 0,
    )


def _quote_cut(
    base: _Base,
    speaks: tuple[bool, bool],
    tokens: list[Token],
    matched: tuple[int, int, int, int],
) -> tuple[int, int, list[Token]]:
    """The mid-sentence rule, against any base: a quote is measured from where it starts
    and to where it stops, unless it speaks for the sentence's start (or end) and so does
    the base. The base range to measure against, and the quote's tokens to measure."""
    from_start, to_end = speaks
    b0, b1, w0, w1 = matched
    cut0, cut1 = 0, len(tokens)
    if from_start and base.from_start:
        b0 = 0
    elif from_start:
        cut0 = w0  # words before what the base speaks for are not measured
    elif w0 > 0:
        b0 = max(0, b0 - w0)  # "urged" taken up where the base says "encouraged"
    if (to_end and base.to_end) or tokens[-1].key == ELLIPSIS:
        b1 = len(base.tokens)
    elif to_end and w1 > cut0:
        cut1 = w1  # nor words after it
    return b0, b1, tokens[cut0:cut1] or tokens


def _case_only(d: Difference) -> bool:
    return d.kind == DifferenceKind.TYPOGRAPHY and d.base.casefold() == d.witness.casefold()


def _speaks_for(witness: Witness, sentence_text: str) -> tuple[bool, bool]:
    """Did the engine measure this witness from the sentence's start, and to its end?"""
    first = len(sentence_text) - len(sentence_text.lstrip())
    last = len(sentence_text.rstrip())
    return witness.covered_start <= first, witness.covered_end >= last - 1


__all__ = ["RebaseError", "rebase", "resolve_document"]
