"""`--paraphrase`: reported speech ("Rubio urged Pakistan to...") against the source.

Reported speech may reword freely; what it may not do is change what was said. The
checks are the ones a desk editor makes (the force of the request, its polarity, who was
asked, a negation, a modal, a relation word, a number), and they are the engine's own:
`readout_diff.speech` finds the reported speech and lines it up with its source sentence
to the end of its clause, `readout_diff.meaning` says what changes its meaning, for
`report` and `check`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from .. import meaning
from ..align import Encoder
from ..attribute import is_first_person
from ..differences import content_keys
from ..entities import Cast, canonicalise
from ..model import Document, PassageKind
from ..normalise import Token, tokenise
from ..passages import find_units
from ..segment import layout
from ..speech import clauses, reported_span, reports_caller
from .model import ParaphraseCheck, SourceSpan
from .quotes import Extracted, Locator

MIN_SCORE = 60.0  # rapidfuzz partial_ratio on content words: below, another sentence
MIN_WORDS = 4  # content words a stretch of reported speech needs to be compared


@dataclass(frozen=True, slots=True)
class _Sentence:
    doc: int
    start: int
    end: int
    tokens: tuple[Token, ...]


class SentenceIndex:
    """Every source sentence with its canonical tokens, encoded for rapidfuzz."""

    def __init__(self, docs: Sequence[Document], cast: Cast) -> None:
        self.docs = list(docs)
        self.encoder = Encoder()
        self.sentences: list[_Sentence] = []
        for number, doc in enumerate(docs):
            for sentence in layout(doc.text).sentences:
                tokens = canonicalise(
                    tokenise(doc.text[sentence.start : sentence.end], sentence.start),
                    cast.gazetteer,
                )
                self.sentences.append(
                    _Sentence(number, sentence.start, sentence.end, tuple(tokens))
                )
        self.codes = [self.encoder.encode(content_keys(s.tokens)) for s in self.sentences]


def check_paraphrases(
    doc: Document, extracted: Extracted, locator: Locator, index: SentenceIndex, cast: Cast
) -> list[ParaphraseCheck]:
    """Reported speech of the principal whose wording changes a source sentence's meaning."""
    units, _ = find_units(doc.id, extracted.text, extracted.layout)
    reported = []
    for unit in units:
        if unit.kind != PassageKind.PARAPHRASE:
            continue
        tokens = canonicalise(
            tokenise(extracted.text[unit.start : unit.end], unit.start), cast.gazetteer
        )
        if not _reports_principal(tokens, cast):
            continue
        # a sentence that reports several things is checked clause by clause, as the engine
        # aligns it (`speech.clauses`)
        spans = clauses(tokens)
        split = len(spans) >= 2
        for a, b in spans if split else [(0, len(tokens))]:
            part = tokens[a:b]
            if len(content_keys(part)) >= MIN_WORDS:
                reported.append((part[0].start, part[-1].end, part, split and a > 0))
    if not reported or not index.sentences:
        return []
    codes = [index.encoder.encode(content_keys(tokens)) for _, _, tokens, _ in reported]
    scores = _scores(codes, index.codes)
    out = []
    for (start, end, tokens, clause), row in zip(reported, scores, strict=True):
        best = max(range(len(row)), key=lambda i: (float(row[i]), -i))
        if float(row[best]) < MIN_SCORE:
            continue
        sentence = index.sentences[best]
        changes = meaning_changes(tokens, sentence.tokens, clause=clause)
        if not changes:
            continue
        source = index.docs[sentence.doc]
        span = SourceSpan(
            source.id,
            source.path,
            sentence.start,
            sentence.end,
            source.text[sentence.start : sentence.end],
            Locator(source.path, source.text).span(sentence.start, sentence.end),
            round(float(row[best]) / 100, 3),
        )
        out.append(
            ParaphraseCheck(
                doc.id,
                doc.path,
                start,
                end,
                doc.text[start:end],
                locator.span(start, end),
                span,
                tuple(changes),
            )
        )
    return out


def _scores(reported: Sequence[str], sentences: Sequence[str]) -> NDArray[np.float32]:
    """How alike each stretch of reported speech is to each source sentence (0-100).

    Reported speech often covers part of a sentence (partial_ratio), but a short source
    line such as a title must not win by being contained in a long paraphrase, so the
    partial score counts only in proportion to how much of the paraphrase it covers.
    """
    partial = process.cdist(reported, sentences, scorer=fuzz.partial_ratio, dtype="float32")
    whole = process.cdist(reported, sentences, scorer=fuzz.ratio, dtype="float32")
    mine = np.array([max(len(c), 1) for c in reported], dtype="float32")[:, None]
    theirs = np.array([len(c) for c in sentences], dtype="float32")[None, :]
    scores: NDArray[np.float32] = np.maximum(whole, partial * np.minimum(1.0, theirs / mine))
    return scores


def _reports_principal(tokens: Sequence[Token], cast: Cast) -> bool:
    """ "Castell told Kenya...", "The Secretary encouraged...": the caller's side reporting,
    not a first-person remark."""
    country = cast.principal.country if cast.principal else None
    return not is_first_person(tokens) and reports_caller(tokens, country)


def meaning_changes(
    reported: Sequence[Token],
    source: Sequence[Token],
    cast: Cast | None = None,
    clause: bool = False,
) -> list[str]:
    """What the reported version changes in the source sentence's meaning, in words: over
    the stretch of each that renders the other, to the end of its clause (`clause`: the
    reported version is one clause of a longer sentence, measured from its first word)."""
    b0, b1, w0, w1 = reported_span(source, reported, clause)
    b0, w0 = meaning.verb_start(source, b0), meaning.verb_start(reported, w0)
    return meaning.meaning_changes(reported[w0:w1], source[b0:b1])
