"""Measure: every witness of a readout sentence against the sentence's base wording.

The base is the official sentence, or the consensus of the witnesses; each witness is
measured over the part of the base it speaks for (all of it for a complete quote, from
where it starts for one taken up mid-sentence), and its differences are classified.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

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
from .speech import content_match, reported_span

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


def build_sentence(
    sid: str,
    cluster: Cluster,
    members: list[Candidate],
    claims: dict[int, str],
    cast: Cast,
    ignore_case: bool,
) -> ReadoutSentence:
    base_text, base_source = _base(cluster)
    base_tokens = canonicalise(tokenise(base_text), cast.gazetteer)
    _, _, versions = _versions(cluster)
    found = spots(base_tokens, base_text, versions)
    disputed = [s for s in found if s.disputed]
    same_document: dict[str, list[Candidate]] = defaultdict(list)
    for m in members:
        same_document[m.doc.id].append(m)
    measured = [
        (
            measure(
                base_text, base_tokens, m, same_document[m.doc.id], ignore_case, claims.get(id(m))
            ),
            m,
        )
        for m in members
    ]
    words = {  # content words of each witness, from the tokens its candidate already has
        id(w): len(content_keys([t for t in m.tokens if w.start <= t.start and t.end <= w.end]))
        for w, m in measured
    }
    base_words = len(content_keys(base_tokens))
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
    """Does this witness speak for the start and the end of its sentence? Not where it
    was trimmed, taken up mid-sentence (lower-case first word) or cut (an ellipsis)."""
    if member.fragment or not tokens:
        return False, False
    words = [t for t in tokens if t.is_word]
    starts = tokens[0] is member.tokens[0] and bool(words) and not words[0].text[:1].islower()
    ends = tokens[-1] is member.tokens[-1] and tokens[-1].key != ELLIPSIS
    return starts, ends


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
        return member.tokens
    _, _, j0, j1 = matched_range(reference, member.tokens)
    return member.tokens[j0:j1] if j1 > j0 else member.tokens


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


def measure(
    base_text: str,
    base_tokens: list[Token],
    member: Candidate,
    siblings: list[Candidate],
    ignore_case: bool,
    claimed: str | None,
) -> Witness:
    """One witness against the base; `siblings` are the sentence's witnesses from the
    same document (another passage may cover the base before or after this one)."""
    doc = member.doc
    tokens = member.tokens
    b0, b1, w0, w1 = matched_range(base_tokens, tokens)
    kind = member.unit.kind
    if kind == PassageKind.PARAPHRASE and w1 > w0:
        # reported speech is measured to the end of its clause, and so is the base: a
        # changed ending, an added claim or a dropped one is shown
        # a later clause of a longer sentence is measured from its first word
        later = member.part_of is not None and member.unit.start > member.part_of.unit.start
        b0, b1, w0, w1 = reported_span(base_tokens, tokens, later)
        tokens = tokens[w0:w1]
    elif member.fragment:
        tokens = tokens[w0:w1] if w1 > w0 else tokens
    else:
        others = [s for s in siblings if s is not member and s.doc.id == doc.id]
        covered_before = covered_after = False
        for other in others:
            ob0, ob1, _, _ = matched_range(base_tokens, other.tokens)
            if ob1 > ob0 and ob1 <= b0:
                covered_before = True
            if ob1 > ob0 and ob0 >= b1:
                covered_after = True
        if not covered_before and _speaks_for_ends(tokens, member)[0]:
            b0 = 0
        elif w0 > 0:
            b0 = max(0, b0 - w0)  # "urged" taken up where the base says "encouraged"
        if not covered_after and (_ends_sentence(doc, member) or tokens[-1].key == ELLIPSIS):
            b1 = len(base_tokens)
    if not tokens:
        tokens = member.tokens
    base_part = base_tokens[b0:b1]
    differences = diff(
        base_part, base_text, tokens, doc.text, kind == PassageKind.PARAPHRASE, base_tokens
    )
    quoted = [
        (s.unit.start, s.unit.end)
        for s in siblings
        if s.doc.id == doc.id
        and s.unit.kind == PassageKind.QUOTE
        and kind == PassageKind.PARAPHRASE
        and member.unit.start <= s.unit.start < member.unit.end
    ]
    if quoted:
        # reported speech with a quotation inside: the quoted words are judged as a quote,
        # so the two witnesses never disagree on the same words
        strict = diff(base_part, base_text, tokens, doc.text, False)
        if len(strict) == len(differences):
            differences = tuple(
                q if any(_inside(q, a, b) for a, b in quoted) else d
                for d, q in zip(differences, strict, strict=True)
            )
    differences = _cut_before_attribution(differences, base_part, doc, member)
    differences = _dated_lead(differences, tokens[0].start if tokens else member.unit.start)
    if ignore_case:
        differences = tuple(
            d
            for d in differences
            if not (d.kind == "typography" and d.base.casefold() == d.witness.casefold())
        )
    start, end = tokens[0].start, tokens[-1].end
    covered_start = base_part[0].start if base_part else 0
    covered_end = base_part[-1].end if base_part else 0
    encoder = Encoder()
    own, base_code = encoder.encode(content_keys(tokens)), encoder.encode(content_keys(base_part))
    score = similarity(own, base_code)
    if kind == PassageKind.PARAPHRASE:  # reworded speech: how densely its content lines up
        match = content_match(own, base_code)
        if match is not None and match.matched >= 4:
            score = max(score, match.score)
    return Witness(
        doc.id,
        start,
        end,
        doc.text[start:end],
        kind,
        round(score, 3),
        covered_start,
        covered_end,
        differences,
        claimed,
    )


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
    tail = doc.text[member.unit.end : member.unit.end + 3]
    if own.endswith((".", "!", "?")) or re.match(r"\s*[\"”’]?\s*[,.;!?]|\s*$", tail):
        return True
    # "…to the region,” the readout said.": the comma stands for the sentence's full stop
    return own.endswith(",") and tail[:1] in '"”’'


def _drop_redundant(witnesses: list[Witness]) -> list[Witness]:
    """A quoted fragment inside a longer quote of the same document adds nothing; of
    two witnesses over the same words, the verbatim one is kept. A quotation inside
    reported speech stays beside it: two witnesses, the quote measured as a quote and the
    reported speech around it as paraphrase."""

    def covers(o: Witness, w: Witness) -> bool:
        if o is w or o.document != w.document or not (o.start <= w.start and w.end <= o.end):
            return False
        if o.kind == PassageKind.PARAPHRASE and w.kind != PassageKind.PARAPHRASE:
            return False
        if (o.start, o.end) != (w.start, w.end):
            return True
        return w.kind == PassageKind.PARAPHRASE and o.kind != PassageKind.PARAPHRASE

    same_document: dict[str, list[Witness]] = defaultdict(list)
    for w in witnesses:
        same_document[w.document].append(w)
    return [w for w in witnesses if not any(covers(o, w) for o in same_document[w.document])]
