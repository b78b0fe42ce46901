"""Measure: every witness of a readout sentence against the sentence's base wording.

The base is the official sentence, or the consensus of the witnesses; each witness is
measured over the part of the base it speaks for (all of it for a complete quote, from
where it starts for one taken up mid-sentence), and its differences are classified.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, islice, takewhile

from .align import Candidate, Cluster, Encoder, matched_range, similarity
from .collation import DATE_FRAMING, QUOTE_KEYS, Version, collate, join_words, medoid
from .differences import ELLIPSIS, content_keys, diff
from .entities import Cast, canonicalise
from .model import (
    Difference,
    DifferenceKind,
    Document,
    PassageKind,
    ReadoutSentence,
    Spot,
    Witness,
)
from .normalise import Token, tokenise
from .speech import MIN_SHARED, clauses, content_match, reported_span

MIN_PARAPHRASE_SCORE = 0.5  # a paraphrase further from the base than this is not shown


def _versions(cluster: Cluster) -> tuple[list[Candidate], list[list[Token]], list[Version]]:
    """The cluster's voters (fragments only when there is nothing else), each trimmed to
    its version of the sentence, as the collation takes them."""
    members = cluster.members
    voters = [m for m in members if not m.fragment] or members
    weights = _group_weights(voters)
    trimmed = [_trim_paraphrase(m, voters) for m in voters]
    versions = []
    for toks, weight, member in zip(trimmed, weights, voters, strict=True):
        verbatim = member.unit.kind != PassageKind.PARAPHRASE
        ends = _speaks_for_ends(toks, member) if verbatim else (False, False)
        label = f"{member.doc.id}:{member.unit.start}"
        versions.append(Version(tuple(toks), weight, member.group, verbatim, *ends, label))
    return voters, trimmed, versions


def _base(cluster: Cluster) -> tuple[str, str]:
    """The base wording of a cluster (official, or the weighted majority of all its
    witnesses), shared by every readout the sentence belongs to."""
    if cluster.official is not None:
        official = cluster.official
        return official.doc.text[official.start : official.end], f"official:{official.doc.id}"
    if cluster.base is None:
        voters, trimmed, versions = _versions(cluster)
        if any(v.verbatim for v in versions):
            built = _join_tokens(collate(versions).consensus())
        else:
            built = _paraphrase_base(trimmed)
        cluster.base = _source_text(built, trimmed, voters)
    return cluster.base, "consensus"


def _paraphrase_base(trimmed: list[list[Token]]) -> str:
    """With reported speech alone, the most central version stands as it is, trimmed to
    what the others share with it (a majority of other wordings is no one's sentence)."""
    versions = [
        Version(tuple(t), 1.0, str(i), False, False, False, str(i)) for i, t in enumerate(trimmed)
    ]
    index = medoid(versions)
    pivot = trimmed[index]
    spans = [matched_range(pivot, t) for j, t in enumerate(trimmed) if j != index]
    lo = min((a for a, b, _, _ in spans if b > a), default=0)
    hi = max((b for a, b, _, _ in spans if b > a), default=len(pivot))
    return _join_tokens([t for t in pivot[lo:hi] if t.key not in QUOTE_KEYS])


def spots(base_tokens: list[Token], base_text: str, versions: list[Version]) -> tuple[Spot, ...]:
    """Support per stretch of the base: the variant table against the base itself, each
    column's verdict; runs of columns every witness agrees on make one spot."""
    table = collate(versions, pivot=base_tokens)
    pivot = table.pivot
    if not pivot:
        return ()
    out: list[Spot] = []
    for verdict in table.verdicts():
        column = verdict.column
        k = column.position
        if column.slot:
            start, end = pivot[k].start, pivot[k].end
            base_keys: tuple[str, ...] = (pivot[k].key,)
        else:
            start = end = pivot[k - 1].end if k else pivot[0].start
            base_keys = ()
        own = next((r for r in verdict.readings if r.keys == base_keys), None)
        support = len(own.groups) if own else 0
        others = tuple((r.text, len(r.groups)) for r in verdict.readings if r.keys != base_keys)
        winner = verdict.winner
        majority = (
            winner.text
            if verdict.majority and winner.keys != base_keys and len(winner.groups) >= 2
            else None
        )
        spot = Spot(
            start,
            end,
            base_text[start:end],
            support,
            verdict.covering,
            verdict.disputed,
            others,
            majority,
            len(winner.groups) if majority is not None else 0,
        )
        prev = out[-1] if out else None
        if (
            prev is not None
            and column.slot
            and not others
            and not prev.readings
            and not prev.disputed
            and prev.base_end < start
            and (prev.support, prev.witnesses) == (support, verdict.covering)
        ):
            out[-1] = replace(prev, base_end=end, base=base_text[prev.base_start : end])
        else:
            out.append(spot)
    return tuple(out)


def _mark_disputed(
    differences: tuple[Difference, ...], disputed: list[Spot]
) -> tuple[Difference, ...]:
    """A difference at a spot where outlets split is marked so and is never substantive."""

    def at(d: Difference, s: Spot) -> bool:
        if s.base_start == s.base_end:  # a place between words: what is inserted there
            return d.base_start == d.base_end == s.base_start or (
                d.base_start < s.base_start < d.base_end
            )
        if d.base_start == d.base_end:
            return s.base_start < d.base_start < s.base_end
        return max(d.base_start, s.base_start) < min(d.base_end, s.base_end)

    return tuple(
        replace(d, disputed=True, substantive=False) if any(at(d, s) for s in disputed) else d
        for d in differences
    )


@dataclass(frozen=True, slots=True)
class Measuring:
    """What every witness is measured with: the cast (whose gazetteer reads the base) and
    whether differences of letter case count."""

    cast: Cast
    ignore_case: bool = False


@dataclass(frozen=True, slots=True)
class SentenceBase:
    """A readout sentence's base wording, as text and as tokens."""

    text: str
    tokens: list[Token]


def build_sentence(
    sid: str,
    cluster: Cluster,
    members: list[Candidate],
    claims: dict[int, str],
    measuring: Measuring,
) -> ReadoutSentence:
    base_text, base_source = _base(cluster)
    base = SentenceBase(base_text, canonicalise(tokenise(base_text), measuring.cast.gazetteer))
    _, _, versions = _versions(cluster)
    found = spots(base.tokens, base_text, versions)
    disputed = [s for s in found if s.disputed]
    siblings = _Siblings.of(base.tokens, members)
    measured = [
        (measure(base, m, siblings, measuring.ignore_case, claims.get(id(m))), m) for m in members
    ]
    words = {  # content words of each witness, from the tokens its candidate already has
        id(w): len(content_keys([t for t in m.tokens if w.start <= t.start and t.end <= w.end]))
        for w, m in measured
    }
    base_words = len(content_keys(base.tokens))
    witnesses = [
        w
        for w in _drop_redundant([w for w, _ in measured])
        if w.kind != PassageKind.PARAPHRASE
        or (w.score >= MIN_PARAPHRASE_SCORE and words[id(w)] >= min(4, 0.4 * base_words))
    ]
    if disputed:
        witnesses = [
            replace(w, differences=_mark_disputed(w.differences, disputed)) for w in witnesses
        ]
    witnesses.sort(key=lambda w: (w.document, w.start))
    return ReadoutSentence(sid, base_text, base_source, tuple(witnesses), spots=found)


def _speaks_for_ends(tokens: list[Token], member: Candidate) -> tuple[bool, bool]:
    """Does this witness speak for the start and the end of its sentence (so its silence
    there is a vote)? Not where it was trimmed, taken up mid-sentence (lower-case first
    word), cut (an ellipsis) or stopped before its sentence ends (`_ends_sentence`)."""
    if member.fragment or not tokens:
        return False, False
    starts = tokens[0] is member.tokens[0] and not _mid_sentence(member.tokens)
    ends = (
        tokens[-1] is member.tokens[-1]
        and tokens[-1].key != ELLIPSIS
        and _ends_sentence(member.doc, member)
    )
    return starts, ends


def _mid_sentence(tokens: Sequence[Token]) -> bool:
    """A quotation taken up mid-sentence: its first word is lower-case."""
    first = next((t for t in tokens if t.is_word), None)
    return first is None or first.text[:1].islower()


def _group_weights(members: list[Candidate]) -> list[float]:
    """Copies of one wire story count once between them (a document's own witnesses
    are different passages, each with its own weight)."""
    copies: dict[str, set[str]] = defaultdict(set)
    for m in members:
        copies[m.group].add(m.doc.id)
    return [m.weight / len(copies[m.group]) for m in members]


def _trim_paraphrase(member: Candidate, voters: list[Candidate]) -> list[Token]:
    """A paraphrase's leading and trailing context is not a version of the sentence."""
    if member.unit.kind != PassageKind.PARAPHRASE:
        return member.tokens
    others = [v for v in voters if v is not member and v.unit.kind != PassageKind.PARAPHRASE]
    reference = max(others, key=lambda v: len(v.tokens)).tokens if others else None
    if reference is None:
        return _without_attribution(member.tokens)
    _, _, j0, j1 = matched_range(reference, member.tokens)
    return member.tokens[j0:j1] if j1 > j0 else member.tokens


def _without_attribution(tokens: list[Token]) -> list[Token]:
    """Reported speech alone, from its first reported clause to its last: the sentence
    it tells, not the outlet's ", the ministry said"."""
    spans = clauses(tokens)
    return tokens[spans[0][0] : spans[-1][1]] if spans else tokens


def _join_tokens(tokens: list[Token]) -> str:
    return join_words([t.norm for t in tokens])


def _source_text(built: str, trimmed: list[list[Token]], voters: list[Candidate]) -> str:
    """Prefer an outlet's exact characters when the consensus is one outlet's wording."""
    built_words = [t.norm for t in tokenise(built) if t.key not in ('"', "'")]
    for toks, member in zip(trimmed, voters, strict=True):
        plain = tokenise(member.doc.text[toks[0].start : toks[-1].end]) if toks else []
        words = [t.norm for t in plain if t.key not in ('"', "'")]
        if words == built_words or words + ["."] == built_words:
            text = member.doc.text[toks[0].start : toks[-1].end]
            return text
    return built


@dataclass(frozen=True, slots=True)
class _Siblings:
    """What measuring one witness asks of the sentence's other witnesses in its document,
    worked out once per sentence: a long article holds hundreds of witnesses of one
    sentence, and comparing every pair made measuring quadratic."""

    ranges: dict[int, tuple[int, int, int, int]]  # id(member) -> matched_range with the base
    first_ends: dict[str, list[tuple[int, int]]]  # document -> (base end, id), earliest first
    last_starts: dict[str, list[tuple[int, int]]]  # document -> (base start, id), latest first
    quotes: dict[str, list[tuple[int, int]]]  # document -> its quotations' spans, in order

    @classmethod
    def of(cls, base_tokens: list[Token], members: list[Candidate]) -> _Siblings:
        return cls.indexed(members, {id(m): matched_range(base_tokens, m.tokens) for m in members})

    @classmethod
    def indexed(
        cls, members: list[Candidate], ranges: dict[int, tuple[int, int, int, int]]
    ) -> _Siblings:
        first_ends: dict[str, list[tuple[int, int]]] = defaultdict(list)
        last_starts: dict[str, list[tuple[int, int]]] = defaultdict(list)
        quotes: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for m in members:
            b0, b1, _, _ = ranges[id(m)]
            if b1 > b0:
                first_ends[m.doc.id].append((b1, id(m)))
                last_starts[m.doc.id].append((-b0, id(m)))
            if m.unit.kind == PassageKind.QUOTE:
                quotes[m.doc.id].append((m.unit.start, m.unit.end))
        for spans in (*first_ends.values(), *last_starts.values(), *quotes.values()):
            spans.sort()
        return cls(ranges, first_ends, last_starts, quotes)

    def covered_around(self, member: Candidate, b0: int, b1: int) -> tuple[bool, bool]:
        """Does another witness of its document cover the base before b0, and after b1?"""
        ends = self.first_ends.get(member.doc.id, [])
        starts = self.last_starts.get(member.doc.id, [])
        end = next((e for e, who in ends if who != id(member)), None)
        start = next((-s for s, who in starts if who != id(member)), None)
        return end is not None and end <= b0, start is not None and start >= b1

    def quotes_inside(self, member: Candidate) -> list[tuple[int, int]]:
        """The quotations of its document that start inside the member."""
        spans = self.quotes.get(member.doc.id, [])
        first = bisect_left(spans, (member.unit.start,))
        return list(takewhile(lambda span: span[0] < member.unit.end, islice(spans, first, None)))


def measure(
    base: SentenceBase,
    member: Candidate,
    siblings: _Siblings,
    ignore_case: bool,
    claimed: str | None,
) -> Witness:
    """One witness against the base; `siblings` tells what the sentence's other witnesses
    from the same document cover (another passage may cover the base before or after
    this one) and which quotations stand inside it."""
    doc = member.doc
    matched = _measured_stretch(base.tokens, member, siblings)
    tokens = member.tokens[matched.own_start : matched.own_end] or member.tokens
    base_part = base.tokens[matched.base_start : matched.base_end]
    differences = _differences(base, base_part, tokens, member, siblings)
    if ignore_case:
        differences = _without_case_only(differences)
    start, end = tokens[0].start, tokens[-1].end
    return Witness(
        doc.id,
        start,
        end,
        doc.text[start:end],
        member.unit.kind,
        round(_score(tokens, base_part, member.unit.kind == PassageKind.PARAPHRASE), 3),
        base_part[0].start if base_part else 0,
        base_part[-1].end if base_part else 0,
        differences,
        claimed,
    )


@dataclass(frozen=True, slots=True)
class Matched:
    """The stretch of the base a witness is measured over (`base_start:base_end`) and the
    witness's own tokens that render it (`own_start:own_end`), as token ranges."""

    base_start: int
    base_end: int
    own_start: int
    own_end: int


def _measured_stretch(base_tokens: list[Token], member: Candidate, siblings: _Siblings) -> Matched:
    """What a witness speaks for: reported speech to the end of its clause, a quoted
    fragment its matched words, a whole quote the base from where it starts."""
    matched = Matched(*siblings.ranges[id(member)])
    if member.unit.kind == PassageKind.PARAPHRASE and matched.own_end > matched.own_start:
        # reported speech is measured to the end of its clause, and so is the base: a
        # changed ending, an added claim or a dropped one is shown
        # a later clause of a longer sentence is measured from its first word
        later = member.part_of is not None and member.unit.start > member.part_of.unit.start
        return Matched(*reported_span(base_tokens, member.tokens, later))
    if member.fragment:
        return matched
    return _whole_quote(len(base_tokens), member, siblings, matched)


def _whole_quote(
    base_length: int, member: Candidate, siblings: _Siblings, matched: Matched
) -> Matched:
    """A whole passage (a quote; reported speech that matched nothing) speaks for the base
    from its start and to its end, unless another passage of its document covers them or
    it opens mid-sentence or stops short."""
    start, end = matched.base_start, matched.base_end
    covered_before, covered_after = siblings.covered_around(member, start, end)
    if not covered_before and _speaks_for_ends(member.tokens, member)[0]:
        start = 0
    elif matched.own_start > 0:
        # "urged" taken up where the base says "encouraged"
        start = max(0, start - matched.own_start)
    if not covered_after and (
        _ends_sentence(member.doc, member) or member.tokens[-1].key == ELLIPSIS
    ):
        end = base_length
    return Matched(start, end, 0, len(member.tokens))


def _differences(
    base: SentenceBase,
    base_part: list[Token],
    tokens: list[Token],
    member: Candidate,
    siblings: _Siblings,
) -> tuple[Difference, ...]:
    """A witness's differences from its stretch of the base, classified."""
    doc = member.doc
    paraphrase = member.unit.kind == PassageKind.PARAPHRASE
    differences = diff(
        base_part, base.text, tokens, doc.text, reported=base.tokens if paraphrase else None
    )
    quoted = siblings.quotes_inside(member) if paraphrase else []
    if quoted:
        # reported speech with a quotation inside: the quoted words are judged as a quote,
        # so the two witnesses never disagree on the same words
        strict = diff(base_part, base.text, tokens, doc.text)
        differences = _judged_as_quoted(differences, strict, quoted)
    differences = _cut_before_attribution(differences, base_part, doc, member)
    return _dated_lead(differences, tokens[0].start if tokens else member.unit.start)


def _judged_as_quoted(
    differences: tuple[Difference, ...],
    strict: tuple[Difference, ...],
    quoted: list[tuple[int, int]],
) -> tuple[Difference, ...]:
    """Each difference inside a quotation taken as the strict (quote) reading gives it,
    where both readings found the same differences."""
    if len(strict) != len(differences):
        return differences
    return tuple(
        q if any(_inside(q, a, b) for a, b in quoted) else d
        for d, q in zip(differences, strict, strict=True)
    )


def _without_case_only(differences: tuple[Difference, ...]) -> tuple[Difference, ...]:
    """Leave out the typography differences that are letter case alone."""
    return tuple(
        d
        for d in differences
        if not (d.kind == "typography" and d.base.casefold() == d.witness.casefold())
    )


def _score(tokens: list[Token], base_part: list[Token], paraphrase: bool) -> float:
    """How close a witness's content is to its stretch of the base; for reworded speech,
    how densely its content lines up, when that says more."""
    encoder = Encoder()
    own, base_code = encoder.encode(content_keys(tokens)), encoder.encode(content_keys(base_part))
    score = similarity(own, base_code)
    if paraphrase:
        match = content_match(own, base_code)
        if match is not None and match.matched >= MIN_SHARED:
            score = max(score, match.score)
    return score


def _inside(d: Difference, start: int, end: int) -> bool:
    """Does a difference stand inside the quoted words start..end (an omission at either
    edge is the reported speech's, not the quotation's)?"""
    if d.witness_start == d.witness_end:
        return start < d.witness_start < end
    return start <= d.witness_start and d.witness_end <= end


def _cut_before_attribution(
    differences: tuple[Difference, ...],
    base_part: list[Token],
    doc: Document,
    member: Candidate,
) -> tuple[Difference, ...]:
    """A quote that stops at "…deterrence,” the FO said" before the base sentence ends
    was cut short without an ellipsis: a truncation, not an omission of the outlet's."""
    last = differences[-1] if differences else None
    quoted = doc.text[member.unit.start : member.unit.end].rstrip()
    if (
        last is None
        or member.unit.kind != PassageKind.QUOTE
        or not quoted.endswith(",")
        or last.kind != DifferenceKind.OMISSION
        or not base_part
        or last.base_end < base_part[-1].end - 1
    ):
        return differences
    return (*differences[:-1], replace(last, kind=DifferenceKind.TRUNCATION))


def _dated_lead(differences: tuple[Difference, ...], start: int) -> tuple[Difference, ...]:
    """Date words a witness opens with ("Today,", "On Monday,") are the outlet's framing,
    kept out of the base (see collation): an addition that changes nothing said."""
    first = differences[0] if differences else None
    if first is None or first.kind != DifferenceKind.ADDITION or first.witness_start != start:
        return differences
    words = [t for t in tokenise(first.witness) if t.is_word]
    if not words or not all(t.key in DATE_FRAMING or t.key.isdigit() for t in words):
        return differences
    return (replace(first, substantive=False), *differences[1:])


def _ends_sentence(doc: Document, member: Candidate) -> bool:
    """Does the witness run to the end of its sentence (so a shorter one drops words)?"""
    if member.unit.kind == PassageKind.POST:
        return True
    own = doc.text[member.unit.start : member.unit.end].rstrip()
    if own.endswith((".", "!", "?")):
        return True
    if _mid_sentence(member.tokens):
        # 'had "no intention of replacing anyone", it said': a phrase taken up
        # mid-sentence may stop anywhere in it; only its own full stop ends the sentence
        return False
    tail = doc.text[member.unit.end : member.unit.end + 3]
    if re.match(r"\s*[\"”’]?\s*[,.;!?]|\s*$", tail):
        return True
    # "…to the region,” the readout said.": the comma stands for the sentence's full stop
    return own.endswith(",") and tail[:1] in '"”’'


def _drop_redundant(witnesses: list[Witness]) -> list[Witness]:
    """A quoted fragment inside a longer quote of the same document adds nothing; of
    two witnesses over the same words, the verbatim one is kept. A quotation inside
    reported speech stays beside it: two witnesses, the quote measured as a quote and the
    reported speech around it as paraphrase."""
    verbatim = [w for w in witnesses if w.kind != PassageKind.PARAPHRASE]
    in_verbatim, in_any = _Holders(verbatim), _Holders(witnesses)
    verbatim_spans = {(w.document, w.start, w.end) for w in verbatim}

    def redundant(w: Witness) -> bool:
        if w.kind != PassageKind.PARAPHRASE:
            return in_verbatim.strictly_hold(w)
        return in_any.strictly_hold(w) or (w.document, w.start, w.end) in verbatim_spans

    return [w for w in witnesses if not redundant(w)]


class _Holders:
    """Witnesses by document and start, to tell whether one holds another's span and more
    without comparing every pair."""

    def __init__(self, witnesses: list[Witness]) -> None:
        by_doc: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for w in witnesses:
            by_doc[w.document].append((w.start, w.end))
        self._starts: dict[str, list[int]] = {}
        self._reach: dict[str, list[int]] = {}  # the furthest end up to each start
        for doc, spans in by_doc.items():
            spans.sort()
            self._starts[doc] = [start for start, _ in spans]
            self._reach[doc] = list(accumulate((end for _, end in spans), max))

    def strictly_hold(self, w: Witness) -> bool:
        """Does one of them span all of w and more?"""
        starts, reach = self._starts.get(w.document, []), self._reach.get(w.document, [])
        at_or_before = bisect_right(starts, w.start)
        before = bisect_left(starts, w.start)
        return (at_or_before > 0 and reach[at_or_before - 1] > w.end) or (
            before > 0 and reach[before - 1] >= w.end
        )
