"""Contrast two readouts phrase by phrase: what one says that the other does not.

Twin readouts name each other's country in mirror order, so names are first put in
roles: the readout's own counterpart (and country) is SELF, the other one is OTHER.
Then "encouraged India to work with Pakistan" and "encouraged Pakistan to work with
India" read alike, and only the words one of them adds stand out.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from .differences import STOPWORDS
from .entities import Cast, canonicalise, entity_key, entity_of
from .model import Contrast, ContrastPhrase, Readout, ReadoutSentence, SharedSentence
from .normalise import Token, tokenise

PAIR_THRESHOLD = 0.5


def _roles(readout: Readout, cast: Cast) -> set[str]:
    """Entity ids that name this readout's counterpart: the person and their country."""
    ids: set[str] = set()
    for person in cast.counterparts:
        if person.label == readout.counterpart or readout.counterpart in person.aliases:
            ids.add(person.id)
            if person.country:
                ids.add(person.country)
    return ids


def _role_tokens(
    sentence: ReadoutSentence, own: set[str], other: set[str], cast: Cast
) -> list[Token]:
    out = []
    for tok in canonicalise(tokenise(sentence.text), cast.gazetteer):
        entity = entity_of(tok)
        if entity in own - other:
            tok = Token(tok.start, tok.end, tok.text, tok.norm, entity_key("SELF"), True, tok.tier)
        elif entity in other - own:
            tok = Token(tok.start, tok.end, tok.text, tok.norm, entity_key("OTHER"), True, tok.tier)
        out.append(tok)
    return out


def _code(tokens: Sequence[Token], table: dict[str, str]) -> str:
    return "".join(
        table.setdefault(t.key, chr(0xE000 + len(table)))
        for t in tokens
        if t.is_word and t.key not in STOPWORDS
    )


def _phrases(
    sentence: ReadoutSentence, tokens: Sequence[Token], ranges: list[tuple[int, int]]
) -> list[ContrastPhrase]:
    out = []
    for i1, i2 in ranges:
        run = list(tokens[i1:i2])
        while run and (not run[0].is_word or run[0].text in ")]"):
            run.pop(0)
        while run and (not run[-1].is_word or run[-1].text in "([("):
            run.pop()
        if not any(t.is_word and t.key not in STOPWORDS for t in run):
            continue
        start, end = run[0].start, run[-1].end
        text = sentence.text
        # take in the opening bracket of "(Alan Whitcombe)" when the phrase closes it
        before = text[:start].rstrip()
        if text[start:end].count(")") > text[start:end].count("(") and before.endswith("("):
            start = len(before) - 1
        out.append(ContrastPhrase(sentence.id, text[start:end], start, end))
    return out


def _whole(sentence: ReadoutSentence) -> ContrastPhrase:
    return ContrastPhrase(sentence.id, sentence.text, 0, len(sentence.text))


def contrast_pair(a: Readout, b: Readout, cast: Cast) -> Contrast:
    """Phrases only in `a`, only in `b`, and the sentences they share."""
    roles_a, roles_b = _roles(a, cast), _roles(b, cast)
    table: dict[str, str] = {}
    tok_a = [_role_tokens(s, roles_a, roles_b, cast) for s in a.sentences]
    tok_b = [_role_tokens(s, roles_b, roles_a, cast) for s in b.sentences]
    code_a = [_code(t, table) for t in tok_a]
    code_b = [_code(t, table) for t in tok_b]
    scored = sorted(
        (
            (fuzz.ratio(ca, cb) / 100, i, j)
            for i, ca in enumerate(code_a)
            for j, cb in enumerate(code_b)
            if ca and cb
        ),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    pairs: dict[int, int] = {}
    used_b: set[int] = set()
    for score, i, j in scored:
        if score < PAIR_THRESHOLD or i in pairs or j in used_b:
            continue
        pairs[i] = j
        used_b.add(j)
    only_a: list[ContrastPhrase] = []
    only_b: list[ContrastPhrase] = []
    shared: list[SharedSentence] = []
    for i, sentence in enumerate(a.sentences):
        if i not in pairs:
            only_a.append(_whole(sentence))
            continue
        j = pairs[i]
        other = b.sentences[j]
        identical = sentence.text == other.text
        shared.append(SharedSentence(sentence.id, other.id, identical))
        if identical:
            continue
        matcher = SequenceMatcher(
            None, [t.key for t in tok_a[i]], [t.key for t in tok_b[j]], autojunk=False
        )
        ranges_a, ranges_b = [], []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if i2 > i1:
                ranges_a.append((i1, i2))
            if j2 > j1:
                ranges_b.append((j1, j2))
        only_a.extend(_phrases(sentence, tok_a[i], ranges_a))
        only_b.extend(_phrases(other, tok_b[j], ranges_b))
    only_b[:0] = [_whole(s) for j, s in enumerate(b.sentences) if j not in used_b]
    only_b.sort(key=lambda p: ([s.id for s in b.sentences].index(p.sentence), p.start))
    return Contrast(a.id, b.id, tuple(only_a), tuple(only_b), tuple(shared))


def twins(readouts: Sequence[Readout]) -> list[tuple[Readout, Readout]]:
    """Pairs of readouts of the same day with different counterparts."""
    out = []
    for i, a in enumerate(readouts):
        for b in readouts[i + 1 :]:
            if a.date and a.date == b.date and a.counterpart != b.counterpart:
                out.append((a, b))
    return out


def contrast(readouts: Sequence[Readout], cast: Cast) -> list[Contrast]:
    """A contrast for every pair of twin readouts."""
    return [contrast_pair(a, b, cast) for a, b in twins(readouts)]
