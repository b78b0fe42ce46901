"""The counterpart's side: passages that are the counterpart government's own account of a
call, kept out of the caller's readout, and that account as a readout of its own.

Passages the articles credit to the counterpart's side are aligned among themselves (two
outlets' translations of one sentence are versions of it); the pipeline builds the readout.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .align import Aligner, Candidate, Cluster, conflicting, entity_order
from .attribute import DocumentContext
from .entities import PRINCIPAL, Cast, Person, canonicalise, entity_of
from .identity import counterpart_issuer_of
from .lexicon import PRONOUNS, SPOKEN_SETTINGS
from .model import PassageKind, Readout, ReadoutKey
from .normalise import Token, tokenise
from .passages import Unit
from .speakers import speaker_head
from .speech import LONG_RUN, MIN_SHARED, REPORTING, ContentMatch, content_match

# Words that credit a passage to a written readout rather than to someone speaking.
_READOUT_CREDIT = frozenset(
    ["readout", "readouts", "statement", "communique", "transcript", "ministry"]
)


# A sentence of the counterpart's readout and its witnesses.
Sentence = tuple[Cluster, list[Candidate]]

# Reported speech that renders a sentence: content words in common, in order and this
# densely, or a run this long of them (as the caller's side joins its readout's).

# Words before a name that make it an object, not the subject: "in a call with Wang, ..."
_BEFORE_OBJECT = frozenset("with to between of on from for about by and told urged asked".split())


class _TranslationAligner(Aligner):
    """The counterpart's readout reaches English outlets in several translations, never
    word for word: a quotation joins a sentence at the ordinary join threshold."""

    VERBATIM = Aligner.JOIN


def _speech_witnesses(
    clusters: list[Cluster],
    speech: list[Candidate],
    reported: set[int],
    own: str | None,
    cast: Cast,
) -> dict[int, list[Candidate]]:
    """Reported speech as witnesses of each sentence whose content words (in any of its
    quoted versions) it shares, in order and densely: with a long run of them, or with
    the counterpart's side reporting it (`reported`: candidate ids); the best first, then
    others for other stretches of it. Keyed by cluster id. It founds no sentence and
    casts no vote on a sentence's wording. The counterpart's own country (`own`) is the
    speaker's: naming it mirrors nothing."""
    versions = [(c, _quoted_versions(c), _without(c.order, own)) for c in clusters]
    out: dict[int, list[Candidate]] = defaultdict(list)
    for cand in speech:
        told = id(cand) in reported
        words = Counter(cand.code)
        order = _without(entity_order(cand.tokens, cast), own)
        found: list[tuple[int, float, Cluster, ContentMatch]] = []
        for cluster, codes, cluster_order in versions:
            match = _best_match(cand.code, words, codes, MIN_SHARED if told else LONG_RUN)
            if match is not None and match.renders(told) and not conflicting(order, cluster_order):
                found.append((match.matched, match.score, cluster, match))
        spans: list[tuple[int, int]] = []
        for *_, cluster, match in sorted(found, key=lambda f: (-f[0], -f[1])):
            lo, hi = match.cand_span
            if all(hi <= a or b <= lo for a, b in spans):
                spans.append(match.cand_span)
                out[id(cluster)].append(cand)
    return out


def _agreed_speech(speech: list[Candidate], cast: Cast) -> list[Sentence]:
    """Sentences the counterpart's side's reported speech tells where two independent
    outlets agree on it (the caller's side's are found the same way without an official
    text); never a readout by themselves."""
    trial = Aligner(cast, [])
    trial.run_paraphrase(speech)
    return [(c, list(c.members)) for c in trial.clusters if len({m.group for m in c.members}) >= 2]


def _quoted_versions(cluster: Cluster) -> list[tuple[str, Counter[str]]]:
    """A sentence's distinct quoted versions (content keys and their counts): reported
    speech may follow any of the translations quoted."""
    codes = {cluster.code} | {
        m.code for m in cluster.members if m.unit.kind != PassageKind.PARAPHRASE
    }
    return [(code, Counter(code)) for code in sorted(codes)]


def _best_match(
    code: str, words: Counter[str], versions: list[tuple[str, Counter[str]]], needed: int
) -> ContentMatch | None:
    """The best match of reported speech with any version; only versions with `needed`
    content words in common are aligned, so a story told by many outlets stays cheap."""
    matches = [
        match
        for version, counts in versions
        if sum((words & counts).values()) >= needed
        and (match := content_match(code, version)) is not None
    ]
    return max(matches, key=lambda m: (m.matched, m.score), default=None)


def _without(order: tuple[str, ...], country: str | None) -> tuple[str, ...]:
    return tuple(c for c in order if c != country)


def lead_and_unit(context: DocumentContext, unit: Unit) -> list[Token]:
    """The unit's sentence up to the unit's end: its lead-in and its own words."""
    return [t for t in context.sentence_tokens[unit.sentence] if t.end <= unit.end]


@dataclass(frozen=True, slots=True)
class Side:
    """The counterpart whose side a passage speaks for, and how the article says so."""

    person: str | None  # the counterpart's id; None: any counterpart's, on a long run alone
    credited: bool  # to their readout, statement or office: it may found a sentence
    reported: bool  # reported speech with their side as the subject of a reporting verb
    in_call: bool = False  # their quotation, in a sentence that reports the call


@dataclass(frozen=True, slots=True)
class UnitInContext:
    """A unit of an article with the words read to place it."""

    context: DocumentContext
    unit: Unit
    tokens: list[Token]  # the unit's own words
    quote_context: list[Token]  # the words around a quotation that attribute it


def side_of(passage: UnitInContext, cast: Cast, *, credit: bool) -> Side | None:
    """The counterpart's side a passage speaks for: credited to their government's readout
    (asked only when `credit`); a quotation their counterpart speaks, credited to no
    readout (when `credit`: `in_call` when its sentence reports the call); or reported
    speech with their side as its subject. Other reported speech is a side with no person:
    it may join any counterpart's readout on a long run of shared words alone. None for
    what was said to reporters and for passages of no side."""
    context, unit, tokens, quote_context = (
        passage.context,
        passage.unit,
        passage.tokens,
        passage.quote_context,
    )
    credited = counterpart_side(context, unit, quote_context, cast) if credit else None
    speech = unit.kind == PassageKind.PARAPHRASE and not unit.fragment
    reporter = _reporting_counterpart(context, unit, tokens, cast) if speech else None
    if credited is not None:
        return Side(credited, True, reporter is not None and reporter.id == credited)
    if _spoken(context, unit, quote_context):
        return None
    if unit.kind == PassageKind.QUOTE and credit:
        speaker = _quote_speaker(context, unit, cast)
        in_call = _reports_call(context.sentence_tokens[unit.sentence])
        return Side(speaker.id, False, False, in_call) if speaker else None
    if not speech:
        return None
    return Side(reporter.id if reporter else None, False, reporter is not None)


def _quote_speaker(context: DocumentContext, unit: Unit, cast: Cast) -> Person | None:
    """The counterpart who speaks a quotation no readout is credited with: the subject of
    a reporting verb before it ("Wang told Rubio: “…”") or in the attribution after the
    sentence's last quotation ("…,” he said); for a quotation that is a sentence of its
    own, the attribution of the sentence before it in the paragraph."""
    tokens = context.sentence_tokens[unit.sentence]
    lead = [t for t in tokens if t.end <= unit.start]
    for words in (lead, _attribution(tokens)):
        if words and (person := _reporting_counterpart(context, unit, words, cast)):
            return person
    before = unit.sentence - 1
    if any(t.is_word for t in lead) or before not in _window(context, unit):
        return None
    tail = _attribution(context.sentence_tokens[before])
    return _reporting_counterpart(context, unit, tail, cast) if tail else None


def _attribution(tokens: Sequence[Token]) -> list[Token]:
    """The words after a sentence's last quotation mark (", he said.")."""
    marks = [i for i, t in enumerate(tokens) if t.norm in _QUOTE_MARKS]
    return list(tokens[marks[-1] + 1 :]) if marks else []


_QUOTE_MARKS = frozenset('"“”«»')

# Words before the caller's name that make a sentence tell the call ("told Rubio"), and
# the call named after "during" or "in" ("during their phone call", "in the conversation").
_TO_CALLER = frozenset("told tells urged urges asked asks warned warns reminded assured".split())
_CALL_WORDS = frozenset(["call", "conversation"])


def _reports_call(tokens: Sequence[Token]) -> bool:
    """Does a sentence report the call: the caller as the object of a reporting verb, or
    the call named after "during" or "in"?"""
    words = [t for t in tokens if t.is_word]
    for i, token in enumerate(words):
        before = [w.norm.casefold() for w in words[max(0, i - 3) : i]]
        if entity_of(token) == PRINCIPAL and before[-1:] and before[-1] in _TO_CALLER:
            return True
        if token.norm.casefold() in _CALL_WORDS and {"during", "in"} & set(before):
            return True
    return False


def _window(context: DocumentContext, unit: Unit) -> list[int]:
    """The unit's sentence and its neighbours in the same paragraph."""
    spans = context.sentences
    _, _, paragraph = spans[unit.sentence]
    return [
        i
        for i in (unit.sentence - 1, unit.sentence, unit.sentence + 1)
        if 0 <= i < len(spans) and spans[i][2] == paragraph
    ]


def _words_around(context: DocumentContext, unit: Unit, quote_context: list[Token]) -> set[str]:
    around = [
        *quote_context,
        *(t for i in _window(context, unit) for t in context.sentence_tokens[i]),
    ]
    return {t.norm.casefold() for t in around if t.is_word}


def _spoken(context: DocumentContext, unit: Unit, quote_context: list[Token]) -> bool:
    """Said to reporters, at a briefing or in an interview: not the call's readout."""
    return bool(_words_around(context, unit, quote_context) & SPOKEN_SETTINGS)


def counterpart_side(
    context: DocumentContext, unit: Unit, quote_context: list[Token], cast: Cast
) -> str | None:
    """The counterpart whose own government's readout the article credits this passage
    to: said by the counterpart or of them (here, in the attribution after a quotation
    ("“…,” the readout quoted Wang as saying") or in the sentence before), or credited
    to their country's office; with the readout, the statement or that office named in
    the sentences around it ("..., Wang said to Rubio, according to a readout from China's
    Ministry of Foreign Affairs") or, for words of the counterpart, anywhere in the
    article. Never what was said to reporters, at a briefing or in an interview."""
    spans = context.sentences
    window = _window(context, unit)
    words = _words_around(context, unit, quote_context)
    if words & SPOKEN_SETTINGS:
        return None
    near = context.text[spans[window[0]][0] : spans[window[-1]][1]]
    person: Person | None = None
    if unit.speaker:
        person = next(
            (
                found
                for t in canonicalise(tokenise(unit.speaker), cast.gazetteer)
                if (found := cast.counterpart(entity_of(t) or ""))
            ),
            None,
        )
    if person is None:
        person = _counterpart_person(lead_and_unit(context, unit), cast)
    if person is None and unit.kind == PassageKind.QUOTE:  # "“…,” the readout quoted Wang"
        after = [t for t in context.sentence_tokens[unit.sentence] if t.start >= unit.end]
        person = _counterpart_person(after, cast)
    if person is None and window[0] < unit.sentence:  # "“…,” Wang said, according to … “…”"
        person = _counterpart_person(context.sentence_tokens[window[0]], cast)
    credited = [p for p in cast.counterparts if _office_of(near, p)]
    if person is None:
        person = credited[0] if len(credited) == 1 else None
        return person.id if person is not None else None
    if person in credited or words & _READOUT_CREDIT or _article_names_office(context, person):
        return person.id
    return None


def _article_names_office(context: DocumentContext, person: Person) -> bool:
    """Asked for every passage of an article, so kept with the article: in the shared
    cache the passages' own windows would push it out, and a long article be read again."""
    key = f"office of {person.country}"
    if key not in context.memo:
        context.memo[key] = _office_of(context.text, person)
    return bool(context.memo[key])


# What opens a sentence for the person the sentences before it named.
_ONE_PERSON = PRONOUNS - {"they"}  # "he" or "she" opening a sentence


def _reporting_counterpart(
    context: DocumentContext, unit: Unit, tokens: list[Token], cast: Cast
) -> Person | None:
    """The counterpart whose side is the subject of a reporting or action verb, before the
    caller is named as one: named, titled, or their country ("Wang told Rubio that ...", "the
    Chinese minister said ...", "Beijing urged ...", "..., stressed Wang"), or "he" or
    "she" opening the sentence when the last person named before it is that counterpart."""
    seen = 0  # words before this one
    previous = ""
    for i, token in enumerate(tokens):
        if not token.is_word:
            continue
        entity = (entity_of(token) or "").removesuffix("'s")
        word = token.norm.casefold()
        if previous in _BEFORE_OBJECT:
            person = None  # "told Wang", "with Beijing": the object
        elif entity == PRINCIPAL:
            return None  # "Rubio, a longtime China hawk, spoke ...": the caller's words
        elif word in _ONE_PERSON and seen < 2:
            person = _named_before(context, unit.sentence, cast)
        else:
            person = _of_side(entity, cast) if entity else None
        if person is not None and _reports(tokens, i):
            return person
        seen, previous = seen + 1, word
    return None


def _reports(tokens: list[Token], i: int) -> bool:
    """A reporting verb within four words after token i, or just before it after a comma
    ("..., stressed Wang")."""
    after = [t for t in tokens[i + 1 :] if t.is_word][:4]
    if any(REPORTING.fullmatch(t.norm.casefold()) for t in after):
        return True
    return (
        i >= 2
        and REPORTING.fullmatch(tokens[i - 1].norm.casefold()) is not None
        and tokens[i - 2].norm == ","
    )


def _of_side(entity: str, cast: Cast) -> Person | None:
    """The counterpart an entity stands for: their own name, or their country when they
    are the only counterpart from it."""
    person = cast.counterpart(entity)
    if person is not None or not entity.startswith("country:"):
        return person
    own = [p for p in cast.counterparts if p.country == entity]
    return own[0] if len(own) == 1 else None


def _named_before(context: DocumentContext, sentence: int, cast: Cast) -> Person | None:
    """The counterpart when they are the last person named in the two sentences before."""
    for index in range(sentence - 1, max(sentence - 3, -1), -1):
        for token in reversed(context.sentence_tokens[index]):
            entity = (entity_of(token) or "").removesuffix("'s")
            if entity == PRINCIPAL or entity.startswith("person:"):
                return cast.counterpart(entity)
    return None


def _office_of(text: str, person: Person) -> bool:
    """Does the text name the person's own country's office ("China's foreign ministry")?"""
    return _names_office(text, person.country)


@lru_cache(maxsize=4096)
def _names_office(text: str, country: str | None) -> bool:
    """Kept per text: every passage of an article asks it of the whole article."""
    issuer = counterpart_issuer_of([text], country)
    return bool(issuer.value) and not (issuer.value or "").endswith("government")


def counterpart_subject(tokens: Sequence[Token], cast: Cast) -> str | None:
    """The counterpart as the subject, before any mention of the caller ("Wang ended the call
    by emphasizing that ...", "Sharif's office said ..."): their side's account of the call."""
    person = _counterpart_person(tokens, cast)
    return person.label if person else None


def _counterpart_person(tokens: Sequence[Token], cast: Cast) -> Person | None:
    words = [t for t in tokens if t.is_word]
    for i, token in enumerate(words):
        entity = entity_of(token)
        if entity is None or (i and words[i - 1].norm.casefold() in _BEFORE_OBJECT):
            continue
        if entity == PRINCIPAL:
            return None
        person = cast.counterpart(entity.removesuffix("'s"))
        if person is not None:
            return person
    return None


def speaker_is_counterpart(speaker: str, cast: Cast) -> bool:
    tokens = canonicalise(tokenise(speaker_head(speaker)), cast.gazetteer)
    return any((entity_of(t) or "").startswith("person:") for t in tokens)


def counterpart_readouts(
    leftovers: list[Candidate],
    sides: dict[int, Side],
    readouts: list[Readout],
    cast: Cast,
) -> tuple[list[tuple[ReadoutKey, list[Sentence]]], set[int]]:
    """The counterpart government's own readout of the call, from the passages articles
    credit to it: aligned among themselves like any witnesses (so two outlets'
    translations of one sentence are versions of it), one readout per counterpart. It
    exists only where two independent outlets quote one of its sentences; the
    counterpart's quotations that credit no readout then join it (`_with_their_quotations`)
    and their side's reported speech (and other reported speech, on a long run of shared
    words) joins its sentences by content words. The day is that of the
    caller's readout of the same call, else the one its witnesses name. Returns each
    readout's key and sentences with their witnesses, and the ids of the passages taken."""
    by_person: dict[str, list[Candidate]] = defaultdict(list)
    for cand in leftovers:
        if (side := sides[id(cand)].person) is not None:
            by_person[side].append(cand)
    unsided = [c for c in leftovers if sides[id(c)].person is None]
    out: list[tuple[ReadoutKey, list[Sentence]]] = []
    taken: set[int] = set()
    for person, own_cands in sorted(by_person.items()):
        cands = own_cands + [c for c in unsided if id(c) not in taken]
        fresh = {id(c): _fresh(c) for c in cands}
        pool = _Pool(cands, sides, fresh)
        credited = pool.credited
        originals = {id(f): c for c in cands for f in [fresh[id(c)]]}
        aligner = _TranslationAligner(cast, [])
        aligner.run([fresh[id(c)] for c in credited])
        clusters = [c for c in aligner.clusters if c.members]
        quoted_twice = any(
            len({m.group for m in c.members if m.unit.kind != PassageKind.PARAPHRASE}) >= 2
            for c in clusters
        )
        if not quoted_twice:
            continue  # the counterpart's side as one outlet tells it, or in its own words
        clusters = _with_their_quotations(clusters, pool, cast)
        placed = {id(m) for c in clusters for m in c.members}
        speech = [
            fresh[id(c)]
            for c in cands
            if c.unit.kind == PassageKind.PARAPHRASE
            and not c.fragment
            and id(fresh[id(c)]) not in placed
        ]
        reported = {id(fresh[id(c)]) for c in cands if sides[id(c)].reported}
        found = cast.counterpart(person)
        own = found.country if found else None
        added = _speech_witnesses(clusters, speech, reported, own, cast)
        sentences = [(c, [*c.members, *added.get(id(c), [])]) for c in clusters]
        joined = {id(m) for _, members in sentences for m in members}
        sentences += _agreed_speech(
            [c for c in speech if id(c) in reported and id(c) not in joined], cast
        )
        day = _side_day(person, readouts, credited, cast)
        out.append((ReadoutKey(person, day), sentences))
        taken.update(id(originals[id(m)]) for _, members in sentences for m in members)
    return out, taken


@dataclass(frozen=True, slots=True)
class _Pool:
    """One counterpart's passages, the side each speaks for, and each placed anew."""

    cands: list[Candidate]
    sides: dict[int, Side]
    fresh: dict[int, Candidate]

    @property
    def credited(self) -> list[Candidate]:
        """The passages credited to the counterpart's readout: they may found a sentence."""
        return [c for c in self.cands if self.sides[id(c)].credited]


def _with_their_quotations(clusters: list[Cluster], pool: _Pool, cast: Cast) -> list[Cluster]:
    """The readout's sentences with the counterpart's quotations that credit no readout
    placed among the credited ones: each joins a sentence by its words; it founds one
    only in a sentence that reports the call ("Wang told Rubio: “…”"), or where two
    independent outlets quote it alike. Those quotations never make the readout exist."""
    cands, sides, fresh, credited = pool.cands, pool.sides, pool.fresh, pool.credited
    quoted = [
        c for c in cands if not sides[id(c)].credited and c.unit.kind != PassageKind.PARAPHRASE
    ]
    if not quoted:
        return clusters
    founders = {id(fresh[id(c)]) for c in credited} | {
        id(fresh[id(c)]) for c in quoted if sides[id(c)].in_call
    }
    aligner = _TranslationAligner(cast, [])
    aligner.run([fresh[id(c)] for c in credited + quoted])
    return [
        c
        for c in aligner.clusters
        if c.members
        and (
            any(id(m) in founders for m in c.members)
            or len({m.group for m in c.members if m.unit.kind != PassageKind.PARAPHRASE}) >= 2
        )
    ]


def _fresh(cand: Candidate) -> Candidate:
    """A passage placed anew: one call's readout, so days the articles name do not split
    its sentences."""
    return replace(
        cand,
        founder=True,
        reason=None,
        joined=[],
        evidence=replace(cand.evidence, dates={}) if cand.evidence else None,
    )


def _side_day(
    person: str, readouts: list[Readout], members: list[Candidate], cast: Cast
) -> dt.date | None:
    found = cast.counterpart(person)
    days = {r.date for r in readouts if r.date and found and r.counterpart == found.label}
    if len(days) == 1:
        return dt.date.fromisoformat(days.pop())
    votes: Counter[dt.date] = Counter(m.strong_date for m in members if m.strong_date)
    return max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0] if votes else None
