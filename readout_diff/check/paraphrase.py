"""`--paraphrase`: reported speech ("Rubio urged Pakistan to...") against the source.

Reported speech may reword freely; what it may not do is change what was said. The
checks are the ones a desk editor makes: the force of the request (encouraged ->
told), who was asked (Pakistan <-> India), a negation, a modal, a number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from ..align import Encoder
from ..attribute import is_first_person
from ..differences import content_keys
from ..entities import PRINCIPAL, Cast, canonicalise, entity_of
from ..model import Document, PassageKind
from ..normalise import Token, tokenise
from ..passages import find_units
from ..segment import layout
from .model import ParaphraseCheck, SourceSpan
from .quotes import Extracted, Locator

MIN_SCORE = 60.0  # rapidfuzz partial_ratio on content words: below, another sentence
MIN_WORDS = 4  # content words a stretch of reported speech needs to be compared
# How hard a verb presses: 0 reports, 1 invites, 2 asks, 3 demands.
_FORCE = (
    (
        r"(?:discuss|note|express|emphasi[sz]|underscor|stress|welcom|reaffirm|reiterat|"
        r"highlight|rais)\w*",
        0,
    ),
    (r"(?:encourag|invit|suggest)\w*", 1),
    (r"(?:urg|ask|request)\w*|press(?:ed|es|ing)|call(?:ed|s|ing)?", 2),  # "called on/for"
    (r"told|tell(?:s|ing)?|demand\w*|warn\w*|order(?:ed|s|ing)?|instruct\w*", 3),
)
_NEGATIONS = frozenset({"not", "no", "never", "without", "n't", "nor"})
_MODALS = frozenset({"must", "should", "will", "would", "may", "might", "could", "can", "shall"})


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
        if _reports_principal(tokens) and len(content_keys(tokens)) >= MIN_WORDS:
            reported.append((unit.start, unit.end, tokens))
    if not reported or not index.sentences:
        return []
    codes = [index.encoder.encode(content_keys(tokens)) for _, _, tokens in reported]
    scores = _scores(codes, index.codes)
    out = []
    for (start, end, tokens), row in zip(reported, scores, strict=True):
        best = max(range(len(row)), key=lambda i: (float(row[i]), -i))
        if float(row[best]) < MIN_SCORE:
            continue
        sentence = index.sentences[best]
        changes = meaning_changes(tokens, sentence.tokens, cast)
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


def _reports_principal(tokens: Sequence[Token]) -> bool:
    """ "Castell told Kenya...", "The Secretary encouraged...": the principal, early in the
    sentence, doing something in the past tense, not a first-person remark."""
    if is_first_person(tokens):
        return False
    words = [t for t in tokens if t.is_word]
    for i, tok in enumerate(words[:12]):
        if entity_of(tok) != PRINCIPAL:
            continue
        for verb in words[i + 1 : i + 5]:
            low = verb.norm.casefold()
            if low.endswith("ed") or any(re.fullmatch(p, low) for p, _ in _FORCE):
                return True
        return False
    return False


def meaning_changes(reported: Sequence[Token], source: Sequence[Token], cast: Cast) -> list[str]:
    """What the reported version changes in the source sentence's meaning, in words."""
    out = []
    verb_r, object_r = _request(reported, cast)
    verb_s, object_s = _request(source, cast)
    if verb_r and verb_s and verb_r[1] != verb_s[1]:
        out.append(f'says "{verb_r[0]}" where the source says "{verb_s[0]}"')
    if object_r and object_s and object_r[1] != object_s[1]:
        out.append(f'names "{object_r[0]}" where the source names "{object_s[0]}"')
    negations_r, negations_s = _words(reported, _NEGATIONS), _words(source, _NEGATIONS)
    if bool(negations_r) != bool(negations_s):
        out.append(
            f"negation differs: {_list(negations_r)} where the source has {_list(negations_s)}"
        )
    modals_r, modals_s = _words(reported, _MODALS), _words(source, _MODALS)
    if modals_r - modals_s:
        out.append(f"modal {_list(modals_r - modals_s)} where the source has {_list(modals_s)}")
    numbers_r = {t.norm for t in reported if re.fullmatch(r"\d[\d,.]*", t.norm)}
    numbers_s = {t.norm for t in source if re.fullmatch(r"\d[\d,.]*", t.norm)}
    if numbers_r - numbers_s:
        out.append(f"number {_list(numbers_r - numbers_s)} is not in the source")
    if out:
        out[0] = "paraphrase " + out[0]
    return out


def _request(
    tokens: Sequence[Token], cast: Cast
) -> tuple[tuple[str, int] | None, tuple[str, str] | None]:
    """The strongest verb of request and the first party named after it."""
    words = [t for t in tokens if t.is_word]
    best: tuple[str, int, int] | None = None
    for i, tok in enumerate(words):
        low = tok.norm.casefold()
        following = words[i + 1].norm.casefold() if i + 1 < len(words) else ""
        for pattern, force in _FORCE:
            if re.fullmatch(pattern, low):
                if low.startswith("call") and following not in ("on", "for", "upon"):
                    continue
                if best is None or force > best[1]:
                    best = (tok.norm, force, i)
                break
    if best is None:
        return None, None
    for tok in words[best[2] + 1 : best[2] + 5]:
        entity = entity_of(tok)
        if entity and entity != PRINCIPAL:
            return (best[0], best[1]), (tok.norm, cast.country_of(entity) or entity)
    return (best[0], best[1]), None


def _words(tokens: Sequence[Token], vocabulary: frozenset[str]) -> set[str]:
    out = set()
    for tok in tokens:
        low = tok.norm.casefold()
        if low in vocabulary or (low.endswith("n't") and "n't" in vocabulary):
            out.add("not" if low.endswith("n't") else low)
    return out


def _list(words: set[str]) -> str:
    return ", ".join(f'"{w}"' for w in sorted(words)) if words else "none"
