"""Word-level differences between a base sentence and a witness, classified.

difflib runs on match keys (never characters, always `autojunk=False`); short
agreements inside a rewrite are folded into it so a changed phrase reads as one
change. Every difference carries character spans on both sides, and the spans
tile the covered text, so applying them to the base rebuilds the witness exactly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

from .entities import entity_of
from .lexicon import strip_possessive
from .meaning import (
    BODIES,
    INTENSIFIERS,
    TERMS,
    claim_stems,
    drops_a_claim,
    force_of,
    framing_only,
    names_the_parties,
    shifts,
    stem,
)
from .model import Difference, DifferenceKind
from .normalise import Token, unaccented

# Function words: changing one of these alone is not a change of substance.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "against",
        "between",
        "through",
        "during",
        "before",
        "after",
        "above",
        "below",
        "up",
        "down",
        "out",
        "off",
        "than",
        "then",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "it's",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "hers",
        "theirs",
        "him",
        "we",
        "our",
        "us",
        "you",
        "your",
        "i",
        "me",
        "my",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "also",
        "too",
        "very",
        "just",
        "so",
        "such",
        "both",
        "each",
        "either",
        "neither",
        "own",
        "same",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "where",
        "when",
        "while",
        "there",
        "here",
        "s",
        "'s",
    ]
)
ELLIPSIS = "..."


def content_keys(tokens: Sequence[Token]) -> list[str]:
    """Keys of the words that carry meaning (entities included)."""
    return [t.key for t in tokens if t.is_word and t.key not in STOPWORDS]


def _ranges(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Each token's span plus the gap before it; together they tile the region, and an
    added or dropped word takes its own space with it."""
    out = []
    for i, tok in enumerate(tokens):
        start = tokens[i - 1].end if i else tok.start
        out.append((start, tok.end))
    return out


Opcode = tuple[str, int, int, int, int]


@lru_cache(maxsize=8192)
def key_opcodes(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[Opcode, ...]:
    """difflib opcodes of two key sequences. Cached: most versions of a readout sentence
    are worded alike, and each is aligned more than once (collation, then measuring)."""
    return tuple(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())


def _blocks(a: Sequence[str], b: Sequence[str], i0: int = 0, j0: int = 0) -> list[tuple[int, int]]:
    """Matched index pairs of difflib's longest common runs, offset by (i0, j0)."""
    matcher = SequenceMatcher(None, list(a), list(b), autojunk=False)
    return [(i0 + x + k, j0 + y + k) for x, y, n in matcher.get_matching_blocks() for k in range(n)]


def _anchor(token: Token) -> str:
    """A content word's key for aligning reported speech: a name with or without its
    possessive ("the United States' support" for "U.S. support") is the same anchor."""
    return token.key.removesuffix("'s") if entity_of(token) else token.key


def _anchored_pairs(base: Sequence[Token], witness: Sequence[Token]) -> list[tuple[int, int]]:
    """Reported speech reorders its clauses, so a lone "and" or "the" must not anchor the
    alignment and strand the names and content words both sides share: content words are
    matched first, function words and punctuation only in the gaps between them."""
    ia = [i for i, t in enumerate(base) if t.is_word and t.key not in STOPWORDS]
    ib = [j for j, t in enumerate(witness) if t.is_word and t.key not in STOPWORDS]
    anchors = _blocks([_anchor(base[i]) for i in ia], [_anchor(witness[j]) for j in ib])
    pairs: list[tuple[int, int]] = []
    i, j = 0, 0
    for x, y in [(ia[x], ib[y]) for x, y in anchors] + [(len(base), len(witness))]:
        gap_b, gap_w = [t.key for t in base[i:x]], [t.key for t in witness[j:y]]
        pairs += _blocks(gap_b, gap_w, i, j)
        pairs.append((x, y))
        i, j = x + 1, y + 1
    return pairs[:-1]


def _opcodes_of(pairs: Sequence[tuple[int, int]], n_base: int, n_witness: int) -> list[Opcode]:
    """difflib-style opcodes from matched index pairs (both increasing)."""
    ops: list[Opcode] = []
    i = j = 0
    for x, y in [*pairs, (n_base, n_witness)]:
        if (x, y) != (i, j):
            tag = "replace" if x > i and y > j else "delete" if x > i else "insert"
            ops.append((tag, i, x, j, y))
        if x == n_base and y == n_witness:
            break
        if ops and ops[-1][0] == "equal" and (ops[-1][2], ops[-1][4]) == (x, y):
            ops[-1] = ("equal", ops[-1][1], x + 1, ops[-1][3], y + 1)
        else:
            ops.append(("equal", x, x + 1, y, y + 1))
        i, j = x + 1, y + 1
    return ops


def opcodes(
    base: Sequence[Token], witness: Sequence[Token], paraphrase: bool = False
) -> list[Opcode]:
    """difflib opcodes on keys, with short agreements inside a rewrite merged into it;
    reported speech (`paraphrase`) is aligned on its content words first."""
    if paraphrase:
        ops = _opcodes_of(_anchored_pairs(base, witness), len(base), len(witness))
    else:
        ops = list(key_opcodes(tuple(t.key for t in base), tuple(t.key for t in witness)))
    changed = True
    while changed:
        changed = False
        for k in range(1, len(ops) - 1):
            tag, i1, i2, j1, j2 = ops[k]
            before, after = ops[k - 1], ops[k + 1]
            if tag != "equal" or before[0] == "equal" or after[0] == "equal":
                continue
            glue = base[i1:i2]
            weak = len(glue) == 1 and (not glue[0].is_word or glue[0].key in STOPWORDS)
            edit_size = (
                (before[2] - before[1])
                + (before[4] - before[3])
                + (after[2] - after[1])
                + (after[4] - after[3])
            )
            if weak and edit_size >= 5:
                ops[k - 1 : k + 2] = [("replace", before[1], after[2], before[3], after[4])]
                changed = True
                break
    return _peel_intensifiers(ops, base, witness) if paraphrase else ops


def _peel_intensifiers(
    ops: Sequence[Opcode], base: Sequence[Token], witness: Sequence[Token]
) -> list[Opcode]:
    """An intensifier ending a rewritten stretch strengthens the shared word after it
    ("stressed ... and serious" -> "expressed", before "concern"): gained or lost, it is a
    change of its own, not lost in the rewording."""
    out: list[Opcode] = []
    for tag, i1, i2, j1, j2 in ops:
        strong_b = [t.norm.casefold() in INTENSIFIERS for t in base[i1:i2]]
        strong_w = [t.norm.casefold() in INTENSIFIERS for t in witness[j1:j2]]
        if tag == "replace" and len(strong_b) > 1 and strong_b[-1] and not any(strong_w):
            out += [("replace", i1, i2 - 1, j1, j2), ("delete", i2 - 1, i2, j2, j2)]
        elif tag == "replace" and len(strong_w) > 1 and strong_w[-1] and not any(strong_b):
            out += [("replace", i1, i2, j1, j2 - 1), ("insert", i2, i2, j2 - 1, j2)]
        else:
            out.append((tag, i1, i2, j1, j2))
    return out


@dataclass(frozen=True, slots=True)
class _Texts:
    """The two documents a difference's offsets index: the base's and the witness's."""

    base: str
    witness: str

    def difference(
        self,
        kind: DifferenceKind,
        substantive: bool,
        base_span: tuple[int, int],
        witness_span: tuple[int, int],
    ) -> Difference:
        (bs, be), (ws, we) = base_span, witness_span
        base, witness = self.base[bs:be].strip(), self.witness[ws:we].strip()
        return Difference(kind, base, witness, substantive, bs, be, ws, we)


@dataclass(frozen=True, slots=True)
class _Sides:
    """The base and witness tokens compared, with their documents and token offsets."""

    base: Sequence[Token]
    witness: Sequence[Token]
    texts: _Texts
    base_ranges: list[tuple[int, int]]
    witness_ranges: list[tuple[int, int]]

    def base_span(self, i1: int, i2: int) -> tuple[int, int]:
        return _span(self.base_ranges, i1, i2, self.base[-1].end if self.base else 0)

    def witness_span(self, j1: int, j2: int) -> tuple[int, int]:
        return _span(self.witness_ranges, j1, j2, self.witness[-1].end if self.witness else 0)


def _span(ranges: Sequence[tuple[int, int]], lo: int, hi: int, end: int) -> tuple[int, int]:
    """The text offsets of tokens lo..hi; for none, the point before token lo (or `end`)."""
    if lo < hi:
        return ranges[lo][0], ranges[hi - 1][1]
    pos = ranges[lo][0] if lo < len(ranges) else end
    return pos, pos


def diff(
    base: Sequence[Token],
    base_text: str,
    witness: Sequence[Token],
    witness_text: str,
    *,
    reported: Sequence[Token] | None = None,
) -> tuple[Difference, ...]:
    """Classified differences from `base` tokens to `witness` tokens.

    `base` is the covered part of the base sentence and `witness` the witness's tokens;
    offsets index `base_text` and `witness_text` (the witness's whole document). A witness
    in reported speech (`reported` given: the whole base sentence, or empty for `base`) may
    reword, and may take words from the rest of that sentence: those were moved, not added.
    """
    if not base and not witness:
        return ()
    paraphrase = reported is not None
    texts = _Texts(base_text, witness_text)
    sides = _Sides(base, witness, texts, _ranges(base), _ranges(witness))
    out: list[Difference] = []
    ops = opcodes(base, witness, paraphrase)
    unclaimed = _unclaimed_ending(ops, witness) if paraphrase else None
    for op in ops:
        tag, i1, i2, j1, j2 = op
        if tag == "equal":
            _add_surface_differences(out, sides, op)
            continue
        kind, substantive = classify(base[i1:i2], witness[j1:j2], paraphrase)
        substantive = substantive and op != unclaimed
        spans = sides.base_span(i1, i2), sides.witness_span(j1, j2)
        out.append(texts.difference(kind, substantive, *spans))
    found = _merge(_moves(out, texts), texts)
    if reported is not None:
        found = _moved_in_reported_speech(found, reported or base, witness)
        found = [_term_of_a_body(d, witness) for d in found]
    return tuple(found)


def _add_surface_differences(out: list[Difference], sides: _Sides, op: Opcode) -> None:
    """Add to `out` how the matched tokens of an equal stretch differ as printed; only
    the space after an added or dropped word differing goes with that word's difference."""
    _, i1, i2, j1, j2 = op
    base_text, witness_text = sides.texts.base, sides.texts.witness
    for k in range(i2 - i1):
        bs, be = sides.base_ranges[i1 + k]
        ws, we = sides.witness_ranges[j1 + k]
        if base_text[bs:be] == witness_text[ws:we]:
            continue
        prev = out[-1] if out else None
        if (
            prev
            and prev.base_end == bs
            and prev.witness_end == ws
            and base_text[bs:be].lstrip() == witness_text[ws:we].lstrip()
        ):
            b_lead = len(base_text[bs:be]) - len(base_text[bs:be].lstrip())
            w_lead = len(witness_text[ws:we]) - len(witness_text[ws:we].lstrip())
            out[-1] = sides.texts.difference(
                prev.kind,
                prev.substantive,
                (prev.base_start, bs + b_lead),
                (prev.witness_start, ws + w_lead),
            )
            continue
        kind, substantive = _same_key_kind(sides.base[i1 + k], sides.witness[j1 + k])
        out.append(sides.texts.difference(kind, substantive, (bs, be), (ws, we)))


def _unclaimed_ending(ops: Sequence[Opcode], witness: Sequence[Token]) -> Opcode | None:
    """The base words reported speech drops at its end after it has stopped reporting:
    past its last shared claim word it only frames ("... forces” during the call with
    Pashinyan"), so the rest of the base clause was never taken up, not left out."""
    end = len(ops)
    while end and ops[end - 1][0] == "equal" and not _has_word(witness, ops[end - 1]):
        end -= 1  # the full stop both end on
    if not end or ops[end - 1][0] != "delete":
        return None
    for tag, _, _, j1, j2 in reversed(ops[:end]):
        claims = [t for t in witness[j1:j2] if t.key not in STOPWORDS and not entity_of(t)]
        if tag == "equal" and any(t.is_word for t in claims):
            return ops[end - 1] if framing_only(witness[j2:]) else None
    return None


def _has_word(witness: Sequence[Token], op: Opcode) -> bool:
    return any(t.is_word for t in witness[op[3] : op[4]])


def _moved_in_reported_speech(
    diffs: list[Difference], base: Sequence[Token], witness: Sequence[Token]
) -> list[Difference]:
    """Reported speech reorders freely: words it drops in one place but says in another
    ("a relationship with China" for "a U.S.-PRC relationship") were moved, not lost; words
    it adds that the base sentence says elsewhere were moved, not added. A rewording that
    only moves words the sentence says elsewhere and loses a claim word dropped that claim
    ("the Hamas attacks" for "the terrorist attacks by Hamas")."""
    out = []
    for d in diffs:
        if d.substantive and d.kind in (DifferenceKind.OMISSION, DifferenceKind.ADDITION):
            dropped = d.kind == DifferenceKind.OMISSION
            side, other = (base, witness) if dropped else (witness, base)
            lo, hi = (d.base_start, d.base_end) if dropped else (d.witness_start, d.witness_end)
            moved = [t for t in side if lo <= t.start and t.end <= hi]
            if _said_in(moved, other) and not shifts(moved, []) and not _actor_and_act(moved):
                d = replace(d, substantive=False)
        elif not d.substantive and d.kind in _REWORDINGS:
            d = replace(d, substantive=_drops_a_moved_claim(d, base, witness))
        out.append(d)
    return out


_REWORDINGS = (DifferenceKind.WORDING_CHANGE, DifferenceKind.PARAPHRASE)


def _term_of_a_body(d: Difference, witness: Sequence[Token]) -> Difference:
    """Reported speech that says which term of a government it means ("the second Trump
    administration" for "the Trump Administration") names the same body: cosmetic."""
    if not d.substantive or d.kind != DifferenceKind.ADDITION:
        return d
    added = [t for t in witness if d.witness_start <= t.start and t.end <= d.witness_end]
    after = [t.norm.casefold() for t in witness if t.start >= d.witness_end][:3]
    terms = all(t.norm.casefold() in TERMS for t in added if t.is_word)
    return replace(d, substantive=False) if added and terms and BODIES & set(after) else d


def _drops_a_moved_claim(d: Difference, base: Sequence[Token], witness: Sequence[Token]) -> bool:
    """A rewording whose words the base sentence says elsewhere, while a claim word of the
    base it replaces is said nowhere in the witness: the claim is dropped."""
    put = [t for t in witness if d.witness_start <= t.start and t.end <= d.witness_end]
    was = [t for t in base if d.base_start <= t.start and t.end <= d.base_end]
    rest = [t for t in base if not (d.base_start <= t.start and t.end <= d.base_end)]
    return _said_in(put, rest) and bool(claim_stems(was) - claim_stems(witness))


def _actor_and_act(tokens: Sequence[Token]) -> bool:
    """A name moved with a request verb ("Uganda urged" for "urged Uganda"): who acts on
    whom has changed, whatever else was kept."""
    return any(entity_of(t) for t in tokens) and any(force_of(t.norm) is not None for t in tokens)


def _said_in(tokens: Sequence[Token], other: Sequence[Token]) -> bool:
    """Every content word of `tokens` is said in `other` too; a compound such as "US-China"
    is said when each of its parts is ("with China", "US interests")."""
    keys = set(content_keys(other))
    stems = {stem(strip_possessive(t.key)) for t in other if t.is_word}
    names = {t.norm.casefold() for t in other if t.is_word}
    words = [t for t in tokens if t.is_word and t.key not in STOPWORDS]

    def said(t: Token) -> bool:
        parts = t.norm.casefold().split("-")
        return (
            t.key in keys
            or stem(strip_possessive(t.key)) in stems  # "find" for "finding", "hostages'"
            or (len(parts) > 1 and all(p in names for p in parts))
        )

    return bool(words) and all(said(t) for t in words)


_DATE_WORD = re.compile(
    r"(?:\d{1,4}|jan\w*|feb\w*|mar\w*|apr\w*|may|june?|july?|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)"
    r"[.,]?",
    re.IGNORECASE,
)


_ACTORS = frozenset(["he", "she", "they", "him", "her", "them", "we", "us", "it", "his", "its"])


def _moves(diffs: list[Difference], texts: _Texts) -> list[Difference]:
    """Words dropped in one place and added back in another were moved, not lost: one
    `transposition` over the stretch between ("12 June" for "June 12" is typography).
    A move is substantive only when it moves who acts or is acted on (a name, a pronoun)."""
    out = list(diffs)
    changed = True
    while changed:
        changed = False
        for i, dropped in enumerate(out):
            if dropped.kind != DifferenceKind.OMISSION or not dropped.base:
                continue
            j = next(
                (
                    j
                    for j, added in enumerate(out)
                    if added.kind == DifferenceKind.ADDITION
                    and not added.base
                    and added.witness.casefold() == dropped.base.casefold()
                ),
                None,
            )
            if j is None:
                continue
            lo, hi = min(i, j), max(i, j)
            words = dropped.base.split()
            dates = all(_DATE_WORD.fullmatch(w) for w in words)
            actors = any(w.strip(",.;:").casefold() in _ACTORS or w[:1].isupper() for w in words)
            moved = texts.difference(
                DifferenceKind.TYPOGRAPHY if dates else DifferenceKind.TRANSPOSITION,
                actors and not dates,
                (out[lo].base_start, out[hi].base_end),
                (out[lo].witness_start, out[hi].witness_end),
            )
            out[lo : hi + 1] = [moved]
            changed = True
            break
    return out


def _merge(diffs: list[Difference], texts: _Texts) -> list[Difference]:
    """Join neighbouring differences of the same kind into one."""
    merged: list[Difference] = []
    for d in diffs:
        prev = merged[-1] if merged else None
        if (
            prev
            and prev.kind == d.kind
            and prev.base_end == d.base_start
            and (prev.witness_end == d.witness_start)
            and d.kind in (DifferenceKind.TYPOGRAPHY, DifferenceKind.SPELLING_VARIANT)
        ):
            merged[-1] = texts.difference(
                d.kind,
                prev.substantive or d.substantive,
                (prev.base_start, d.base_end),
                (prev.witness_start, d.witness_end),
            )
        else:
            merged.append(d)
    return merged


def _same_key_kind(b: Token, w: Token) -> tuple[DifferenceKind, bool]:
    """Two tokens that match: what kind of surface difference separates them."""
    if b.text == w.text or b.norm == w.norm or b.fold == w.fold:
        return DifferenceKind.TYPOGRAPHY, False
    if b.fold.replace("-", "") == w.fold.replace("-", ""):
        return DifferenceKind.TYPOGRAPHY, False
    if unaccented(b.fold) == unaccented(w.fold):
        return DifferenceKind.SPELLING_VARIANT, False  # "Brasilia" for "Brasília"
    if b.tier and w.tier and not ({b.tier, w.tier} <= {"name", "abbreviation"}):
        return (
            DifferenceKind.WORDING_CHANGE,
            False,
        )  # "New Delhi" for "India", "Mr X" for "the Secretary"
    return DifferenceKind.SPELLING_VARIANT, False


def classify(
    base: Sequence[Token], witness: Sequence[Token], paraphrase: bool = False
) -> tuple[DifferenceKind, bool]:
    """Kind and substance of one changed stretch (base words -> witness words)."""
    if any(t.key == ELLIPSIS for t in witness) and base:
        return DifferenceKind.TRUNCATION, False
    words_b = [t for t in base if t.is_word]
    words_w = [t for t in witness if t.is_word]
    if not words_b and not words_w:
        return DifferenceKind.TYPOGRAPHY, False
    meaning = bool(shifts(base, witness))  # polarity, force, who, relation words, numbers
    if paraphrase and words_b and words_w and names_the_parties(base, witness):
        return DifferenceKind.WORDING_CHANGE, False  # "both sides" for "the two sides"
    if not words_b or not words_w:
        return _one_sided(base, witness, paraphrase=paraphrase, meaning=meaning)
    return _rewording(base, witness, paraphrase=paraphrase, meaning=meaning)


def _one_sided(
    base: Sequence[Token], witness: Sequence[Token], *, paraphrase: bool, meaning: bool
) -> tuple[DifferenceKind, bool]:
    """Words on one side only: an omission or an addition, substantive when it changes the
    meaning or its words say something (in reported speech, more than its framing)."""
    if not any(t.is_word for t in witness):
        kind, words = DifferenceKind.OMISSION, base
    else:
        kind, words = DifferenceKind.ADDITION, witness
    return kind, meaning or (bool(content_keys(words)) and not (paraphrase and framing_only(words)))


def _rewording(
    base: Sequence[Token], witness: Sequence[Token], *, paraphrase: bool, meaning: bool
) -> tuple[DifferenceKind, bool]:
    """Words on both sides: what the witness's words add, drop or reword."""
    set_b, set_w = set(content_keys(base)), set(content_keys(witness))
    if set_b < set_w:
        extra = [t for t in witness if t.key not in set_b]
        return DifferenceKind.ADDITION, meaning or not (paraphrase and framing_only(extra))
    if set_w < set_b:
        lost = [t for t in base if t.key not in set_w]
        return DifferenceKind.OMISSION, meaning or not (paraphrase and framing_only(lost))
    if not set_b and not set_w or set_b == set_w:
        # only function words differ, or the same words in another order or glue: the
        # meaning changes only with a word that carries a relation ("against" for "in")
        return DifferenceKind.WORDING_CHANGE, meaning
    longest = max(sum(t.is_word for t in base), sum(t.is_word for t in witness))
    # reported speech may reword freely; only a change of meaning or a dropped claim is
    # substantive
    substantive = meaning or not paraphrase or drops_a_claim(base, witness)
    if longest >= 4 and (paraphrase or len(set_b & set_w) < longest / 2):
        return DifferenceKind.PARAPHRASE, substantive
    return DifferenceKind.WORDING_CHANGE, substantive


def apply(
    base_text: str, start: int, end: int, differences: Sequence[Difference], witness_text: str
) -> str:
    """Rebuild a witness from base_text[start:end] and its differences (the invariant)."""
    out: list[str] = []
    pos = start
    for d in sorted(differences, key=lambda d: (d.base_start, d.witness_start)):
        out.append(base_text[pos : d.base_start])
        out.append(witness_text[d.witness_start : d.witness_end])
        pos = d.base_end
    out.append(base_text[pos:end])
    return "".join(out)
