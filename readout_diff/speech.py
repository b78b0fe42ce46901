"""Reported speech: which sentences report the caller's readout, where their words line up
with a readout sentence, and where each clause ends.

One implementation, used by the engine (candidates in `align` and `counterpart`, clauses in
`pipeline`, spans in `witnesses`) and by `check --paraphrase`. What a reported sentence
changes in the meaning is `meaning`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from .differences import STOPWORDS
from .entities import PRINCIPAL, entity_of
from .lexicon import PRONOUNS
from .meaning import ATTRIBUTION, FORCE, force_of
from .normalise import Token

# Reporting and action verbs a readout's subject takes ("urged", "told ... that", "said").
REPORTING = re.compile(
    r"(?:said|says|say|told|tells|added|stated|spoke|speaks|agreed|pledged|vowed|"
    r"offered|announced|declared|made|held|(?:" + "|".join(p for p, _ in FORCE) + r"))"
)

# The caller is one person: "they" may be both sides.
_ONE_PERSON = PRONOUNS - {"they"}


# ---------------------------------------------------------------- who is reporting


def reports_caller(tokens: Sequence[Token], country: str | None = None) -> bool:
    """The caller's side as subject (name, title, a pronoun early in the sentence) with a
    reporting or action verb after it, in any word order ("..., the Secretary said" too);
    or the caller's country ("Washington", "the US") right before its verb ("The United
    States offered", not "US officials said": other officials speak for themselves)."""
    words = [t for t in tokens if t.is_word]
    for i, tok in enumerate(words):
        if country is not None and entity_of(tok) == country and _verb_next(words, i + 1):
            return True
        if entity_of(tok) != PRINCIPAL and not (i < 2 and tok.norm.casefold() in _ONE_PERSON):
            continue
        for verb in words[i + 1 : i + 5]:
            if REPORTING.fullmatch(verb.norm.casefold()):
                return True
        for verb in words[max(0, i - 2) : i]:  # "..., said the Secretary"
            if verb.norm.casefold() in ("said", "says", "added", "stated"):
                return True
    return False


_AUXILIARY = frozenset("also has had have then".split())


def _verb_next(words: Sequence[Token], i: int) -> bool:
    """A reporting verb at word i, after at most one auxiliary ("has also urged")."""
    while i < len(words) and words[i].norm.casefold() in _AUXILIARY:
        i += 1
    return i < len(words) and REPORTING.fullmatch(words[i].norm.casefold()) is not None


# ---------------------------------------------------------------- content alignment


@dataclass(frozen=True, slots=True)
class ContentMatch:
    """Where a stretch of reported speech lines up with a readout sentence, on content keys."""

    matched: int  # content words in common, in order
    longest: int  # the longest run of them
    cand_span: tuple[int, int]  # content-key positions in the candidate
    base_span: tuple[int, int]  # and in the sentence
    score: float  # 0..1: how densely the two spans agree

    @property
    def long_run(self) -> bool:
        """A run of shared content words long enough to tell the sentence whatever the
        subject."""
        return self.longest >= LONG_RUN

    def renders(self, told: bool) -> bool:
        """Does the reported speech render the sentence: enough content words in common,
        densely, and a long run of them unless its side is known to be reporting (`told`)?"""
        return self.matched >= MIN_SHARED and self.score >= MIN_DENSITY and (self.long_run or told)


# Reported speech renders a readout sentence with MIN_SHARED content words in common, in
# order, covering MIN_DENSITY of both stretches; a run of LONG_RUN of them does so whoever
# the subject is. The engine's caller and counterpart sides and the measuring use these.
MIN_SHARED, MIN_DENSITY, LONG_RUN = 4, 0.45, 5


def content_match(cand: str, base: str) -> ContentMatch | None:
    """Content keys (one character each) of reported speech against a sentence's: the
    best-matching stretch of the sentence (rapidfuzz partial alignment), then the keys
    they share in order (token alignment) and how densely they cover both spans."""
    if not cand or not base:
        return None
    short, long_ = (cand, base) if len(cand) <= len(base) else (base, cand)
    window = fuzz.partial_ratio_alignment(short, long_)
    if window is None:
        return None
    lo = max(0, window.dest_start - len(short))
    hi = min(len(long_), window.dest_end + len(short))
    if long_ is base:
        c_text, c_off, b_text, b_off = cand, 0, base[lo:hi], lo
    else:
        c_text, c_off, b_text, b_off = cand[lo:hi], lo, base, 0
    blocks = [
        b
        for b in SequenceMatcher(None, c_text, b_text, autojunk=False).get_matching_blocks()
        if b.size
    ]
    if not blocks:
        return None
    matched = sum(b.size for b in blocks)
    longest = max(b.size for b in blocks)
    c0, c1 = blocks[0].a + c_off, blocks[-1].a + blocks[-1].size + c_off
    b0, b1 = blocks[0].b + b_off, blocks[-1].b + blocks[-1].size + b_off
    score = matched / max(c1 - c0, b1 - b0)
    return ContentMatch(matched, longest, (c0, c1), (b0, b1), score)


# ---------------------------------------------------------------- clause ends

_CLAUSE_BREAK_NEXT = frozenset(
    """while but whereas which who although though as adding saying according after before
    when where amid during""".split()
)


def clause_end(tokens: Sequence[Token], i: int) -> int:
    """The end (exclusive token index) of the clause that token i-1 stands in: a full stop,
    a semicolon or colon, a comma or dash before "while", "but", "adding", "according", an
    attribution, or an "and" that starts a new reported verb."""
    j = i
    while j < len(tokens):
        tok = tokens[j]
        key = tok.norm
        if key in (".", ";", ":", "!", "?", "—", "–") and not tok.is_word:
            return j
        if _quote_then_comma(tokens, j):
            return j  # '…process,” a line that…': a quotation closed at a comma ends it
        if key in (",", "(") and j + 1 < len(tokens):
            nxt = tokens[j + 1].norm.casefold()
            after = tokens[j + 2].norm.casefold() if j + 2 < len(tokens) else ""
            attribution = any(
                t.norm.casefold() in ATTRIBUTION for t in tokens[j + 1 : j + 6] if t.is_word
            )
            if (
                attribution
                or nxt in _CLAUSE_BREAK_NEXT
                or nxt in ("he", "she", "they", "it")
                or entity_of(tokens[j + 1]) is not None
                and REPORTING.fullmatch(after) is not None
                or nxt.endswith("ing")
                and nxt not in ("including",)
            ):
                return j
        if key.casefold() == "and" and j + 1 < len(tokens):
            nxt = tokens[j + 1].norm.casefold()
            if REPORTING.fullmatch(nxt) or (nxt.endswith("ed") and force_of(nxt) is not None):
                return j - 1 if j and tokens[j - 1].norm == "," else j
        j += 1
    return j


def clauses(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """A sentence of reported speech cut where `clause_end` ends a clause ("…spoke with
    Abbas, calling on the PA to …", "… and urged him to …"), as token ranges; only
    clauses that report something (three content words, not an attribution)."""

    out = []
    start = 0
    while start < len(tokens):
        end = clause_end(tokens, start + 1)
        words = [t for t in tokens[start:end] if t.is_word]
        if (
            sum(t.key not in STOPWORDS for t in words) >= 3
            and words[0].norm.casefold() not in ATTRIBUTION  # "according to the ministry"
            and words[-1].norm.casefold() not in ATTRIBUTION  # "Ms Bruce said"
        ):
            out.append((start, end))
        start = end
        while start < len(tokens) and (
            not tokens[start].is_word or tokens[start].norm.casefold() == "and"
        ):
            start += 1
    return out


_QUOTE_MARKS = frozenset("\"“”‘’'«»")


def _quote_then_comma(tokens: Sequence[Token], j: int) -> bool:
    """A closing quotation mark next to a comma (',”' or '”,')."""
    if j + 1 >= len(tokens) or tokens[j].is_word or tokens[j + 1].is_word:
        return False
    pair = {tokens[j].norm, tokens[j + 1].norm}
    return "," in pair and bool(pair & _QUOTE_MARKS) and j > 0 and tokens[j - 1].is_word


def clause_start(tokens: Sequence[Token], i: int) -> int:
    """The start of the clause token i stands in (clauses as `clause_end` ends them)."""
    start = 0
    while start < len(tokens):
        end = clause_end(tokens, start + 1)
        if i < end:
            return start
        start = end
        while start < len(tokens) and (
            not tokens[start].is_word or tokens[start].norm.casefold() == "and"
        ):
            start += 1
    return min(i, len(tokens))


def reported_span(
    base: Sequence[Token], witness: Sequence[Token], clause: bool = False
) -> tuple[int, int, int, int]:
    """The stretch of a base sentence and of reported speech that render each other, as
    half-open token ranges: from the first to the last content word they share (token
    alignment on match keys), each carried on to the end of its clause, so that a changed,
    added or dropped ending is measured. A witness that is one clause of a longer sentence
    ("calling on Kenya to …") is measured from its first word, and the base from the start
    of the clause it renders, so that its verb and object are measured too."""

    matcher = SequenceMatcher(None, [t.key for t in base], [t.key for t in witness], autojunk=False)
    blocks = [
        b
        for b in matcher.get_matching_blocks()
        if b.size and any(t.is_word and t.key not in STOPWORDS for t in base[b.a : b.a + b.size])
    ]
    if not blocks:
        return 0, len(base), 0, len(witness)
    b0, w0 = blocks[0].a, blocks[0].b
    b1, w1 = blocks[-1].a + blocks[-1].size, blocks[-1].b + blocks[-1].size
    if clause:
        b0, w0 = clause_start(base, b0), 0
    return b0, clause_end(base, b1), w0, clause_end(witness, w1)
