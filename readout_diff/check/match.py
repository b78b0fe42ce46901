"""Find the source span a quote reproduces: exact first, then the nearest.

Words are compared as match keys, one character per word, so `str.find` finds a
verbatim quote in every source at once and rapidfuzz's C scorers compare word
sequences. A quote is cut at its elisions ("...", "…", "[...]") into pieces that must
stand in the source in that order, with any number of source words between them; a
bracketed insertion ("[the Secretary]") joins two pieces across at most a few source
words. Within a piece no source word may be skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..align import Encoder
from ..model import Document
from ..normalise import Token, tokenise

ELLIPSIS = "..."
SEPARATOR = "\n"  # between sources in the corpus; the encoder never produces it
MAX_BRACKET_GAP = 6  # source words a bracketed insertion may stand for
_CANDIDATES = 3  # sources aligned in full for a quote that is not verbatim anywhere
_LETTER_BRACKET = re.compile(r"(?<=\w)\[\w{1,3}\]|\[\w{1,3}\](?=\w)")  # "[H]e", "say[s]"


@dataclass(frozen=True, slots=True)
class Source:
    """One source text, tokenised once: every word keyed and encoded."""

    doc: Document
    tokens: tuple[Token, ...]
    words: tuple[int, ...]  # indices into tokens of the word tokens
    code: str  # one character per word


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of quoted words between elisions; `joint` says how it follows the last one."""

    tokens: tuple[Token, ...]  # words and inner marks; edge punctuation removed
    code: str
    joint: str | None = None  # None (first piece), "ellipsis" or "bracket"
    bracket: tuple[Token, ...] = ()  # the inserted words, for "bracket"

    @property
    def words(self) -> int:
        return len(self.code)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where each piece stands in one source, in word indices [start, end)."""

    source: int
    spans: tuple[tuple[int, int], ...]
    matched: int  # words of the quote found in place
    quote_words: int

    @property
    def start(self) -> int:
        return min(s for s, _ in self.spans)

    @property
    def end(self) -> int:
        return max(e for _, e in self.spans)

    @property
    def reordered(self) -> bool:
        return any(b[0] < a[1] for a, b in zip(self.spans, self.spans[1:], strict=False))

    @property
    def similarity(self) -> float:
        covered = sum(e - s for s, e in self.spans)
        total = self.quote_words + covered
        return 2 * self.matched / total if total else 0.0


class SourceIndex:
    """Every source's words in one searchable string."""

    def __init__(self, docs: Sequence[Document]) -> None:
        self.encoder = Encoder()
        self.sources: list[Source] = []
        for doc in docs:
            tokens = tuple(tokenise(doc.text))
            words = tuple(i for i, t in enumerate(tokens) if t.is_word)
            code = self.encoder.encode([tokens[i].key for i in words])
            self.sources.append(Source(doc, tokens, words, code))
        self.offsets: list[int] = []
        parts: list[str] = []
        at = 0
        for source in self.sources:
            self.offsets.append(at)
            parts.append(source.code)
            at += len(source.code) + len(SEPARATOR)
        self.corpus = SEPARATOR.join(parts)
        self.codes = [s.code for s in self.sources]

    def where(self, position: int) -> tuple[int, int]:
        """Corpus position -> (source index, word index in that source)."""
        index = bisect_right(self.offsets, position) - 1
        return index, position - self.offsets[index]

    def occurrences(
        self, code: str, start: int = 0, end: int | None = None, limit: int = 64
    ) -> list[int]:
        """Corpus positions where `code` stands verbatim."""
        found: list[int] = []
        stop = len(self.corpus) if end is None else end
        pos = self.corpus.find(code, start, stop)
        while pos >= 0 and len(found) < limit:
            found.append(pos)
            pos = self.corpus.find(code, pos + 1, stop)
        return found


def pieces(text: str, start: int, end: int, encoder: Encoder) -> list[Piece]:
    """Cut the quote text[start:end] at its elisions and bracketed insertions.

    "[H]e" is one word: brackets around a letter or two only change case or a form.
    """
    tokens = [
        Token(t.start + start, t.end + start, t.text, t.norm, t.key, t.is_word)
        for t in _quote_tokens(text[start:end])
    ]
    out: list[Piece] = []
    current: list[Token] = []
    joint: str | None = None
    bracket: tuple[Token, ...] = ()
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.key == ELLIPSIS:
            _flush(out, current, joint, bracket, encoder)
            current, joint, bracket = [], "ellipsis", ()
        elif tok.norm == "[" and (close := _closing(tokens, i)) is not None:
            inner = tuple(tokens[i + 1 : close])
            if [t.key for t in inner] != ["sic"]:
                _flush(out, current, joint, bracket, encoder)
                joint = "ellipsis" if joint == "ellipsis" and not current else "bracket"
                current, bracket = [], inner
            i = close
        else:
            current.append(tok)
        i += 1
    _flush(out, current, joint, bracket, encoder)
    return out


@lru_cache(maxsize=8192)
def _quote_tokens(quote: str) -> tuple[Token, ...]:
    """A quote's tokens from offset 0; many outlets print the same quote, so it is cached."""
    chunk = _LETTER_BRACKET.sub(lambda m: "\u200b" + m.group()[1:-1] + "\u200b", quote)
    tokens = []
    for tok in tokenise(chunk):
        first = tok.start - 1 if chunk[tok.start - 1 : tok.start] == "\u200b" else tok.start
        tokens.append(tok._replace(start=first, text=quote[first : tok.end]))
    return tuple(tokens)


def _closing(tokens: Sequence[Token], i: int) -> int | None:
    for j in range(i + 1, min(i + 12, len(tokens))):
        if tokens[j].norm == "]":
            return j
    return None


def _flush(
    out: list[Piece],
    current: list[Token],
    joint: str | None,
    bracket: tuple[Token, ...],
    encoder: Encoder,
) -> None:
    while current and not current[0].is_word:
        current.pop(0)
    while current and not current[-1].is_word:
        current.pop()
    if not current:
        return
    code = encoder.encode([t.key for t in current if t.is_word])
    out.append(Piece(tuple(current), code, joint if out or joint == "bracket" else None, bracket))


def exact(index: SourceIndex, quote: Sequence[Piece]) -> list[Placement]:
    """Every placement of the quote with each piece verbatim and in order, one per source."""
    if not quote:
        return []
    words = sum(p.words for p in quote)
    found: dict[int, Placement] = {}
    for position in index.occurrences(quote[0].code):
        source, word = index.where(position)
        if source in found:
            continue
        spans = [(word, word + quote[0].words)]
        limit = index.offsets[source] + len(index.sources[source].code)
        for piece in quote[1:]:
            after = index.offsets[source] + spans[-1][1]
            stop = (
                limit
                if piece.joint == "ellipsis"
                else min(limit, after + MAX_BRACKET_GAP + len(piece.bracket) + piece.words)
            )
            hits = index.occurrences(piece.code, after, stop, limit=1)
            if not hits:
                break
            at = hits[0] - index.offsets[source]
            spans.append((at, at + piece.words))
        else:
            found[source] = Placement(source, tuple(spans), words, words)
    return [found[s] for s in sorted(found)]


def candidates(
    index: SourceIndex, codes: Sequence[str], limit: int = _CANDIDATES
) -> list[list[int]]:
    """For each quote (as its joined word code), the sources most like it, best first."""
    if not codes or not index.sources:
        return [[] for _ in codes]
    scores = process.cdist(codes, index.codes, scorer=fuzz.partial_ratio, dtype="float32")
    out = []
    for row in scores:
        order = sorted(range(len(row)), key=lambda s: (-float(row[s]), s))
        out.append([s for s in order[:limit] if row[s] > 0])
    return out


def nearest(index: SourceIndex, source: int, quote: Sequence[Piece]) -> Placement:
    """The best placement of each piece in one source, verbatim or not, in order if it can."""
    code = index.sources[source].code
    spans: list[tuple[int, int]] = []
    matched = 0
    prev_end = 0
    for piece in quote:
        span, hits = _place_piece(code, piece.code, prev_end)
        if spans and piece.joint == "bracket" and span[0] < prev_end:
            span, hits = (prev_end, prev_end), 0
        spans.append(span)
        matched += hits
        prev_end = max(prev_end, span[1])
    return Placement(source, tuple(spans), matched, sum(p.words for p in quote))


def _place_piece(source: str, piece: str, after: int) -> tuple[tuple[int, int], int]:
    """A piece's source span (word indices) and how many of its words match there."""
    verbatim = [m.start() for m in re.finditer(re.escape(piece), source)]
    if verbatim:
        later = [p for p in verbatim if p >= after]
        at = later[0] if later else verbatim[0]
        return (at, at + len(piece)), len(piece)
    if len(piece) <= 2:
        return (after, after), 0
    alignment = fuzz.partial_ratio_alignment(piece, source)
    if alignment is not None and len(piece) <= len(source):
        lo, hi = alignment.dest_start, alignment.dest_end
    else:  # a quote longer than the source: all of the source is the window
        lo, hi = 0, len(source)
    pad = len(piece) // 2 + 2
    lo, hi = max(0, lo - pad), min(len(source), hi + pad)
    blocks = [
        b
        for b in SequenceMatcher(None, piece, source[lo:hi], autojunk=False).get_matching_blocks()
        if b.size
    ]
    while len(blocks) > 1 and blocks[0].size == 1 and blocks[1].b - blocks[0].b > 3:
        blocks.pop(0)
    while (
        len(blocks) > 1
        and blocks[-1].size == 1
        and blocks[-1].b - (blocks[-2].b + blocks[-2].size) > 3
    ):
        blocks.pop()
    if not blocks:
        return (after, after), 0
    first, last = blocks[0], blocks[-1]
    start = lo + first.b - min(first.a, first.b)  # a changed first word still belongs
    end = (
        lo + last.b + last.size + min(len(piece) - last.a - last.size, hi - lo - last.b - last.size)
    )
    return (max(0, start), min(len(source), end)), sum(b.size for b in blocks)


def token_range(source: Source, start: int, end: int) -> tuple[Token, ...]:
    """The source's tokens from word `start` to the word before `end`, marks between kept."""
    if end <= start:
        return ()
    return source.tokens[source.words[start] : source.words[end - 1] + 1]
