"""Align: group every outlet's version of each readout sentence, and find its base.

Candidates are scored with rapidfuzz on sequences of content keys (each key encoded
as one character, so the C scorers compare words, not letters). Clusters grow by a
leader scheme in a fixed order that does not depend on input order: official
sentences first, then verbatim quotes and posts (longest first), then paraphrase and
quoted fragments, which may join but not found a sentence unless two independent
outlets agree. Twin sentences whose names stand in mirror order never merge.

Without an official text the base is a consensus, as a collation tool builds it: the
most central witness is the pivot, and a word stays only if the weight of witnesses
that carry it is over half of those that cover it (verbatim outweighs paraphrase).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from itertools import accumulate

from rapidfuzz import fuzz, process

from .attribute import Evidence
from .differences import STOPWORDS, key_opcodes
from .entities import PRINCIPAL, Cast, entity_of
from .model import Document, PassageKind, ReadoutKey
from .normalise import Token
from .passages import Unit
from .speech import ContentMatch, content_match, reports_caller

KIND_WEIGHT = {PassageKind.QUOTE: 1.0, PassageKind.POST: 0.9, PassageKind.PARAPHRASE: 0.45}
_KIND_RANK = {PassageKind.QUOTE: 0, PassageKind.POST: 1, PassageKind.PARAPHRASE: 2}


class Encoder:
    """Content keys as single characters, so rapidfuzz compares word sequences."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, keys: Sequence[str]) -> str:
        out = []
        for key in keys:
            code = self._codes.get(key)
            if code is None:
                n = len(self._codes)
                code = chr(0xE000 + n) if n < 6400 else chr(0xF0000 + n - 6400)
                self._codes[key] = code
            out.append(code)
        return "".join(out)


@dataclass
class Candidate:
    """A unit ready for alignment."""

    unit: Unit
    doc: Document
    tokens: list[Token]
    code: str
    group: str  # copies of one wire story share a group
    fragment: bool  # a short quoted phrase inside the outlet's own sentence
    founder: bool  # may start a readout sentence of its own
    reason: str | None = None  # why it may not found one
    evidence: Evidence | None = None
    joined: list[Cluster] = field(default_factory=list)  # the sentences it was placed in
    other_day: bool = False  # joined a sentence of another day than its own firm date
    # one clause of this sentence of reported speech: joins only sentences the whole did not
    part_of: Candidate | None = None

    @property
    def weight(self) -> float:
        return KIND_WEIGHT[self.unit.kind]

    @property
    def strong_date(self) -> dt.date | None:
        """The day this witness's own evidence names firmly (a post's date, a call's date)."""
        if self.evidence is None or not self.evidence.dates:
            return None
        day, weight = max(self.evidence.dates.items(), key=lambda kv: (kv[1], kv[0]))
        return day if weight >= 1.5 else None

    @property
    def order_key(self) -> tuple[int, int, str, int]:
        return (
            _KIND_RANK[self.unit.kind] + (2 if self.fragment else 0),
            -len(self.code),
            self.doc.id,
            self.unit.start,
        )


@dataclass
class OfficialSentence:
    """A sentence of an official text: a fixed base."""

    doc: Document
    readout: ReadoutKey
    start: int
    end: int
    tokens: list[Token]
    code: str
    day: dt.date | None = None


@dataclass
class Cluster:
    """One readout sentence in the making."""

    code: str
    order: tuple[str, ...]
    vocabulary: Counter[str]
    members: list[Candidate] = field(default_factory=list)
    official: OfficialSentence | None = None
    dates: dict[dt.date, float] = field(default_factory=lambda: defaultdict(float))
    base: str | None = None  # the consensus wording, once built
    fixed: tuple[ReadoutKey, ...] = ()  # readouts of official sentences (twins may share one)

    def strong_date(self) -> dt.date | None:
        return max(self.dates.items(), key=lambda kv: (kv[1], kv[0]))[0] if self.dates else None


def entity_order(tokens: Sequence[Token], cast: Cast) -> tuple[str, ...]:
    """Counterpart-side countries in the order named: mirror sentences reverse it."""
    principal_country = cast.principal.country if cast.principal else None
    out: list[str] = []
    for tok in tokens:
        entity = entity_of(tok)
        if entity is None or entity == PRINCIPAL:
            continue
        country = cast.country_of(entity)
        if country and country != principal_country and country not in out:
            out.append(country)
    return tuple(out)


def conflicting(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two versions that cannot be one sentence: their countries stand in mirror order
    ("India ... Pakistan" against "Pakistan ... India", twin readouts), or each names a
    country the other does not ("the border with Bolivia" against "... with Tanzania")."""
    if len(a) >= 2 and len(b) >= 2 and set(a[:2]) == set(b[:2]) and a[:2] != b[:2]:
        return True
    sa, sb = set(a), set(b)
    return bool(sa and sb and not (sa <= sb or sb <= sa))


def similarity(a: str, b: str, vocabulary: Counter[str] | None = None) -> float:
    """0..1: word-sequence ratio, best partial alignment, or how much of `a` the
    sentence's vocabulary holds (for paraphrase that reorders words)."""
    if not a or not b:
        return 0.0
    ratio = fuzz.ratio(a, b) / 100
    short = min(len(a), len(b))
    partial = fuzz.partial_ratio(a, b) / 100 * 0.95 if short >= 4 else 0.0
    contained = 0.0
    vocab = vocabulary if vocabulary is not None else Counter(b)
    shared = sum((Counter(a) & vocab).values())
    if shared >= 5:
        # the shorter text's words found in the other, trusted more the more there are
        contained = shared / min(len(a), len(b)) * (0.75 + 0.05 * min(shared - 5, 5))
    return max(ratio, partial, min(contained, 1.0))


# Why a passage may not found a sentence (set in pipeline); these reasons still let the
# caller side's reported speech join a sentence on its content words alone.
NOT_WORDED_AS_A_READOUT = "not worded as a readout"
_CALLER_SIDE_REASONS = (None, NOT_WORDED_AS_A_READOUT)


def _speaks_for(cand: Candidate, cluster: Cluster, country: str | None) -> ContentMatch | None:
    """Reported speech that renders part of a readout sentence: content words in common,
    in order and densely, with the caller's side reporting them, or a long run of them
    whatever the subject. The match, or None."""
    match = content_match(cand.code, cluster.code)
    if match is None or not match.renders(told=True):
        return None
    if match.long_run:
        return match
    sentence = cand.part_of or cand  # a clause's subject stands in its whole sentence
    if sentence.reason in _CALLER_SIDE_REASONS and reports_caller(sentence.tokens, country):
        return match
    return None


def shared_count(a: str, b: str) -> int:
    return sum((Counter(a) & Counter(b)).values())


@dataclass(frozen=True, slots=True)
class _Fit:
    """How well a candidate fits a sentence it may join."""

    score: float
    by_content: bool = False  # reported speech that renders the sentence's content words
    long_run: bool = False  # with a long run of them


def _days_apart(own: dt.date | None, other: dt.date | None) -> bool:
    """Two firm dates more than a day apart."""
    return bool(own and other and abs((own - other).days) > 1)


def _fits_other_day(cand: Candidate, fit: _Fit) -> bool:
    """Close enough to an official sentence of another day to take it when nothing of
    the right day fits: near-verbatim words, or reported speech of it."""
    near_verbatim = fit.score >= 0.9 and len(cand.code) >= 6 and not cand.fragment
    return near_verbatim or (fit.by_content and (fit.score >= 0.7 or fit.long_run))


def _by_agreement(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Whole sentences in placing order: the wording most independent outlets print word
    for word founds its sentence first, so each outlet's own change joins it instead of
    founding a sentence."""
    groups: dict[str, set[str]] = defaultdict(set)
    whole = [c for c in candidates if c.part_of is None]
    for cand in whole:
        groups[cand.code].add(cand.group)
    return sorted(
        whole,
        key=lambda c: (c.order_key[0], -len(groups[c.code]), *c.order_key[1:]),
    )


def _official_twins(
    cand: Candidate, best: tuple[Cluster, float], other: tuple[Cluster, float]
) -> bool:
    """Equally close to the same sentence of two official twins: the candidate joins both
    (a few quoted words are too little to say so)."""
    (first, top), (cluster, score) = best, other
    return (
        not cand.fragment
        and len(cand.code) >= 5
        and cluster.official is not None
        and first.official is not None
        and score >= top - 0.02
        and set(cluster.fixed).isdisjoint(first.fixed)
    )


class Aligner:
    """Grows clusters from candidates; see the module docstring for the order."""

    JOIN = 0.6  # enough to be a version of the sentence
    VERBATIM = 0.8  # a quote that could start its own sentence joins only above this

    def __init__(self, cast: Cast, officials: Sequence[OfficialSentence]) -> None:
        self.cast = cast
        self.country = cast.principal.country if cast.principal else None  # the caller's
        self.clusters: list[Cluster] = []
        self._codes: list[str] = []  # each cluster's code, and spaced out as words
        self._spaced: list[str] = []
        by_text: dict[tuple[str, dt.date | None], Cluster] = {}
        for sentence in officials:
            # twins of one day may share a sentence; the same words another day are another
            words = (" ".join(t.key for t in sentence.tokens), sentence.day)
            same = by_text.get(words)
            if same is not None:  # twin readouts that share a sentence word for word
                same.fixed += (sentence.readout,)
                continue
            cluster = Cluster(
                sentence.code,
                entity_order(sentence.tokens, cast),
                Counter(sentence.code),
                official=sentence,
                fixed=(sentence.readout,),
            )
            if sentence.day:
                cluster.dates[sentence.day] += 10.0
            by_text[words] = cluster
            self._add(cluster)

    def _best(self, cand: Candidate) -> tuple[Cluster, float] | None:
        ranked = self._ranked(cand)
        return ranked[0] if ranked else None

    def _ranked(self, cand: Candidate) -> list[tuple[Cluster, float]]:
        """Sentences the candidate may join, best first. An official sentence dated days
        away from the candidate's own firm date is taken only for near-verbatim words and
        only when nothing of the right day fits: the article pins it on the wrong day.
        Without an official text, the same words on another day are another sentence."""
        if not self.clusters:
            return []
        order = entity_order(cand.tokens, self.cast)
        ranked: list[tuple[Cluster, float]] = []
        late: list[tuple[Cluster, float]] = []
        for index in self._hits(cand):
            cluster = self.clusters[index]
            if conflicting(order, cluster.order):
                continue
            fit = self._fit(cand, cluster)
            if fit is None:
                continue
            if not _days_apart(cand.strong_date, cluster.strong_date()):
                ranked.append((cluster, fit.score))
            elif cluster.official and _fits_other_day(cand, fit):
                late.append((cluster, fit.score))  # an official sentence of another day
        ranked.sort(key=lambda cs: -cs[1])
        if not ranked and late:
            best = max(late, key=lambda cs: cs[1])
            cand.other_day = True
            return [best]
        return ranked

    def _hits(self, cand: Candidate) -> list[int]:
        """The indices of the sentences closest to the candidate's words, to be scored."""
        scorer = fuzz.partial_ratio if cand.fragment else fuzz.token_set_ratio
        choices = self._codes if cand.fragment else self._spaced
        query = cand.code if cand.fragment else " ".join(cand.code)
        top = process.extract(query, choices, scorer=scorer, limit=8, score_cutoff=40)
        hits = [index for _, _, index in top]
        if cand.unit.kind == PassageKind.PARAPHRASE and not cand.fragment:
            # reported speech may render part of a long sentence: partial alignment
            partial = process.extract(
                cand.code, self._codes, scorer=fuzz.partial_ratio, limit=8, score_cutoff=50
            )
            seen = set(hits)
            hits += [index for _, _, index in partial if index not in seen]
        return hits

    def _fit(self, cand: Candidate, cluster: Cluster) -> _Fit | None:
        """How well the candidate fits a sentence, or None when it may not join it."""
        if cand.fragment:
            score = fuzz.partial_ratio(cand.code, cluster.code) / 100
            return _Fit(score) if score >= 0.9 and len(cand.code) >= 2 else None
        score = similarity(cand.code, cluster.code, cluster.vocabulary)
        speech = cand.unit.kind == PassageKind.PARAPHRASE
        needed = 4 if speech else 3
        match = _speaks_for(cand, cluster, self.country) if speech else None
        if match is not None:
            score = max(score, self.JOIN + 0.01)
        elif score < self.JOIN or (
            shared_count(cand.code, cluster.code) < needed
            and sum((Counter(cand.code) & cluster.vocabulary).values()) < needed + 1
        ):
            return None
        verbatim = not speech and cand.founder
        threshold = self.VERBATIM if cand.unit.kind == PassageKind.QUOTE else 0.7
        if verbatim and cluster.official is None and score < threshold:
            return None
        return _Fit(score, match is not None, match is not None and match.long_run)

    def _add(self, cluster: Cluster) -> None:
        self.clusters.append(cluster)
        self._codes.append(cluster.code)
        self._spaced.append(" ".join(cluster.code))

    def _join(self, cluster: Cluster, cand: Candidate) -> None:
        cluster.members.append(cand)
        cand.joined.append(cluster)
        if cand.strong_date and not cand.other_day:
            cluster.dates[cand.strong_date] += cand.weight
        if cand.unit.kind != PassageKind.PARAPHRASE and not cand.fragment:
            cluster.vocabulary |= Counter(cand.code)

    def _found(self, cand: Candidate) -> None:
        cluster = Cluster(cand.code, entity_order(cand.tokens, self.cast), Counter(cand.code))
        self._join(cluster, cand)
        self._add(cluster)

    def run(self, candidates: Sequence[Candidate]) -> list[Candidate]:
        """Place every candidate; return the ones no sentence took."""
        left = [c for c in _by_agreement(candidates) if not self._place(c)]
        self._settle_lone_variants()
        self._split_glued()
        left.extend(c for c in candidates if c.part_of is not None and not self._place_clause(c))
        left = self._adopt_speech_around_quotes(left)
        if any(c.official is not None for c in self.clusters):
            # with official texts, paraphrase alone founds no sentence
            return self._adopt_fragments(candidates, left)
        self._found_by_agreed_speech(left)
        taken = {id(m) for c in self.clusters for m in c.members}
        return self._adopt_fragments(candidates, [c for c in left if id(c) not in taken])

    def _place(self, cand: Candidate) -> bool:
        """Join the candidate to the sentences it fits, or found its own; False: left."""
        if not cand.code:
            return False
        ranked = self._ranked(cand)
        if ranked:
            best = ranked[0]
            self._join(best[0], cand)
            for other in ranked[1:]:
                if _official_twins(cand, best, other):
                    self._join(other[0], cand)
            return True
        if cand.founder and cand.unit.kind != PassageKind.PARAPHRASE and not cand.fragment:
            self._found(cand)
            return True
        return False

    def _found_by_agreed_speech(self, left: list[Candidate]) -> None:
        """Paraphrase alone founds a sentence only where independent outlets agree."""
        pending = [
            c
            for c in left
            if c.unit.kind == PassageKind.PARAPHRASE
            and not c.fragment
            and not c.unit.around_quote
            and c.part_of is None
        ]
        trial = Aligner(self.cast, [])
        trial.run_paraphrase(pending)
        for cluster in trial.clusters:
            if len({m.group for m in cluster.members}) >= 2:
                self._add(cluster)
            else:
                for member in cluster.members:
                    member.joined.remove(cluster)

    def _drop(self, cluster: Cluster) -> None:
        index = self.clusters.index(cluster)
        del self.clusters[index], self._codes[index], self._spaced[index]

    def _leave(self, cluster: Cluster, cand: Candidate) -> None:
        cluster.members.remove(cand)
        cand.joined.remove(cluster)
        if cand.strong_date and not cand.other_day:
            cluster.dates[cand.strong_date] -= cand.weight

    def _neighbours(self) -> dict[int, tuple[Cluster | None, Cluster | None]]:
        """Each placed quote's sentences before and after it in its document."""
        by_doc: dict[str, dict[int, Candidate]] = defaultdict(dict)
        for cluster in self.clusters:
            for m in cluster.members:
                if _quoted_sentence(m):
                    by_doc[m.doc.id][id(m)] = m
        out: dict[int, tuple[Cluster | None, Cluster | None]] = {}
        for placed in by_doc.values():
            ordered = sorted(placed.values(), key=lambda m: m.unit.start)
            for i, m in enumerate(ordered):
                before = ordered[i - 1].joined[0] if i else None
                after = ordered[i + 1].joined[0] if i + 1 < len(ordered) else None
                out[id(m)] = (before, after)
        return out

    def _settle_lone_variants(self) -> None:
        """A sentence only one outlet carries, standing where other outlets carry a
        sentence it resembles, is that outlet's version of it: a sentence is founded by
        what independent witnesses carry as one, not by one outlet's change."""
        lone = [
            c
            for c in self.clusters
            if c.official is None
            and len(_groups(c)) == 1
            and all(_quoted_sentence(m) for m in c.members)
        ]
        if not lone:
            return
        around = self._neighbours()
        for cluster in lone:
            target = self._variant_target(cluster, around)
            if target is None:
                continue
            for member in list(cluster.members):
                self._leave(cluster, member)
                self._join(target, member)
            self._drop(cluster)

    def _variant_target(
        self, lone: Cluster, around: dict[int, tuple[Cluster | None, Cluster | None]]
    ) -> Cluster | None:
        """The sentence of two or more outlets that `lone` is a version of: close enough to
        join it, not carried by its own article, and standing where they carry it (the same
        sentence before or after it)."""
        docs = {m.doc.id for m in lone.members}
        places = [around[id(m)] for m in lone.members]
        best: tuple[float, Cluster] | None = None
        for other in self.clusters:
            groups = _groups(other)
            if other is lone or len(groups) < 2 or docs & {m.doc.id for m in other.members}:
                continue
            if conflicting(lone.order, other.order):
                continue
            score = similarity(lone.code, other.code, other.vocabulary)
            if score < self.JOIN or (best is not None and score <= best[0]):
                continue
            if any(
                _same_place(place, around.get(id(m), (None, None)))
                for place in places
                for m in other.members
            ):
                best = (score, other)
        return best[1] if best else None

    def _split_glued(self) -> None:
        """A quote that runs two sentences into one ("…in Karachi. he emphasized…") is
        split where the sentences other outlets carry part, and each part is a version of
        its own sentence: one outlet's punctuation does not merge two sentences."""
        for cluster in list(self.clusters):
            for member in list(cluster.members):
                split = self._glued_split(cluster, member)
                if split is None:
                    continue
                at, other, first_is_own = split
                head, tail = _cut(member, at)
                self._leave(cluster, member)
                self._join(cluster, head if first_is_own else tail)
                self._join(other, tail if first_is_own else head)

    def _glued_split(self, cluster: Cluster, member: Candidate) -> tuple[int, Cluster, bool] | None:
        """Where `member` carries, beyond its sentence, another sentence that two or more
        outlets quote and its article does not: the content word it starts at, that
        sentence, and whether the member's own sentence comes first."""
        if not _quoted_sentence(member) or member.code == cluster.code:
            return None
        matcher = SequenceMatcher(None, cluster.code, member.code, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            return None
        first, last = blocks[0].b, blocks[-1].b + blocks[-1].size
        best: tuple[float, int, Cluster, bool] | None = None
        for at, extra, own_first in (
            (last, member.code[last:], True),
            (first, member.code[:first], False),
        ):
            if len(extra) < 3:
                continue
            for other in self.clusters:
                groups = _groups(other)
                if other is cluster or member.doc.id in {m.doc.id for m in other.members}:
                    continue
                if len(groups) < 2 and other.official is None:
                    continue
                score = similarity(extra, other.code, other.vocabulary)
                if score >= self.VERBATIM and (best is None or score > best[0]):
                    best = (score, at, other, own_first)
        return best[1:] if best else None

    def _adopt_speech_around_quotes(self, left: list[Candidate]) -> list[Candidate]:
        """The caller's reported speech around a quotation that joined an official sentence
        ('Blinken also condemned "attacks by Hamas against Israel"') renders that sentence
        too, however few of its own words it shares with it."""
        quoted: dict[str, list[Candidate]] = defaultdict(list)
        for cluster in self.clusters:
            if cluster.official is not None:
                for member in cluster.members:
                    if member.fragment:
                        quoted[member.doc.id].append(member)
        out = []
        for cand in left:
            sentence = next(
                (
                    q.joined[0]
                    for q in quoted.get(cand.doc.id, ())
                    if cand.unit.start <= q.unit.start and q.unit.end <= cand.unit.end
                ),
                None,
            )
            if (
                sentence is not None
                and cand.unit.kind == PassageKind.PARAPHRASE
                and not cand.fragment
                and cand.part_of is None
                and cand.reason in _CALLER_SIDE_REASONS
                and reports_caller(cand.tokens, self.country)
            ):
                self._join(sentence, cand)
            else:
                out.append(cand)
        return out

    def _place_clause(self, cand: Candidate) -> bool:
        """A clause of reported speech joins another sentence of the official text its whole
        sentence joined, one it renders better than the sentence the whole took."""
        whole = cand.part_of.joined if cand.part_of is not None else []
        readouts = {k for c in whole if c.official is not None for k in c.fixed}
        if not readouts or not cand.code:
            return False
        own = max(similarity(cand.code, c.code, c.vocabulary) for c in whole)
        for cluster, score in self._ranked(cand):
            if (
                cluster not in whole
                and cluster.official is not None
                and score > own
                and not readouts.isdisjoint(cluster.fixed)
            ):
                self._join(cluster, cand)
                return True
        return False

    def _adopt_fragments(
        self, candidates: Sequence[Candidate], left: list[Candidate]
    ) -> list[Candidate]:
        """A quoted phrase inside reported speech that joined a sentence ('X emphasized
        that Washington is "deeply troubled" by ...') is a witness of that sentence too,
        when it shares a content word with it: the quotation measured as a quote."""
        speech = _Spans(
            c
            for c in candidates
            if c.unit.kind == PassageKind.PARAPHRASE and not c.fragment and c.joined
        )
        out = []
        for cand in left:
            around = speech.first_holding(cand) if cand.fragment else None
            cluster = around.joined[0] if around is not None else None
            if cluster is not None and set(cand.code) & set(cluster.code):
                self._join(cluster, cand)
            else:
                out.append(cand)
        return out

    def run_paraphrase(self, candidates: Sequence[Candidate]) -> None:
        """Paraphrases among themselves: founders start sentences, the rest may join."""
        ordered = sorted(candidates, key=lambda c: (not c.founder, c.order_key))
        for cand in ordered:
            best = self._best(cand)
            if best is not None:
                self._join(best[0], cand)
                best[0].vocabulary |= Counter(cand.code)
            elif cand.founder:
                self._found(cand)


class _Spans:
    """Candidates by document and start, to find the first (in the order given) whose
    span holds another's without comparing it with every candidate of a long article."""

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        by_doc: defaultdict[str, list[tuple[int, int, Candidate]]] = defaultdict(list)
        for order, cand in enumerate(candidates):
            by_doc[cand.doc.id].append((cand.unit.start, order, cand))
        self._spans = {doc: sorted(spans, key=lambda s: s[:2]) for doc, spans in by_doc.items()}
        self._reach = {  # the furthest end among a document's spans up to each one
            doc: list(accumulate((c.unit.end for _, _, c in spans), max))
            for doc, spans in self._spans.items()
        }

    def first_holding(self, cand: Candidate) -> Candidate | None:
        spans = self._spans.get(cand.doc.id, [])
        reach = self._reach.get(cand.doc.id, [])
        best: tuple[int, Candidate] | None = None
        j = bisect_right(spans, cand.unit.start, key=lambda s: s[0]) - 1
        while j >= 0 and reach[j] >= cand.unit.end:  # nothing earlier reaches its end
            _, order, held_by = spans[j]
            if held_by.unit.end >= cand.unit.end and (best is None or order < best[0]):
                best = (order, held_by)
            j -= 1
        return best[1] if best else None


def _quoted_sentence(cand: Candidate) -> bool:
    return cand.unit.kind != PassageKind.PARAPHRASE and not cand.fragment


def _groups(cluster: Cluster) -> set[str]:
    return {m.group for m in cluster.members}


def _same_place(
    a: tuple[Cluster | None, Cluster | None], b: tuple[Cluster | None, Cluster | None]
) -> bool:
    """Two sentences standing between the same sentences (either side suffices)."""
    return (a[0] is not None and a[0] is b[0]) or (a[1] is not None and a[1] is b[1])


_SENTENCE_END = frozenset([".", "!", "?", ";"])


def _cut(cand: Candidate, at: int) -> tuple[Candidate, Candidate]:
    """`cand` in two before its content word `at`: after the last sentence mark between
    that word and the one before, else right after the one before."""
    content = [i for i, t in enumerate(cand.tokens) if t.is_word and t.key not in STOPWORDS]
    lo, hi = content[at - 1] + 1, content[at]
    marks = [i + 1 for i in range(lo, hi) if cand.tokens[i].key in _SENTENCE_END]
    split = marks[-1] if marks else lo
    parts = []
    for tokens, code in (
        (cand.tokens[:split], cand.code[:at]),
        (cand.tokens[split:], cand.code[at:]),
    ):
        unit = replace(cand.unit, start=tokens[0].start, end=tokens[-1].end)
        parts.append(replace(cand, unit=unit, tokens=tokens, code=code, joined=[]))
    return parts[0], parts[1]


def matched_range(base: Sequence[Token], witness: Sequence[Token]) -> tuple[int, int, int, int]:
    """First and last base and witness tokens that agree (on content), as half-open ranges."""
    ops = key_opcodes(tuple(t.key for t in base), tuple(t.key for t in witness))
    blocks = [op for op in ops if op[0] == "equal"]
    strong = [
        op
        for op in blocks
        if any(t.is_word and t.key not in STOPWORDS for t in base[op[1] : op[2]])
    ]
    blocks = strong or blocks
    if not blocks:
        return 0, 0, 0, 0
    first, last = blocks[0], blocks[-1]
    return first[1], last[2], first[3], last[4]
