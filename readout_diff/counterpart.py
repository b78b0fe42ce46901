"""The counterpart's side: passages that are the counterpart government's own account of a
call, kept out of the caller's readout, and that account as a readout of its own.

Passages the articles credit to the counterpart's side are aligned among themselves (two
outlets' translations of one sentence are versions of it); the pipeline builds the readout.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from .align import Aligner, Candidate, Cluster
from .attribute import DocumentContext
from .entities import PRINCIPAL, Cast, Person, canonicalise, entity_of
from .identity import counterpart_issuer_of
from .model import PassageKind, Readout, ReadoutKey
from .normalise import Token, tokenise
from .passages import Unit
from .speakers import speaker_head

# Words that credit a passage to a written readout rather than to someone speaking.
_READOUT_CREDIT = frozenset(
    ["readout", "readouts", "statement", "communique", "transcript", "ministry"]
)

# Words around a quotation that make it spoken, not a readout's.
_SPOKEN_WORDS = frozenset(["reporters", "briefing", "interview", "journalists", "conference"])

# Words before a name that make it an object, not the subject: "in a call with Wang, ..."
_BEFORE_OBJECT = frozenset("with to between of on from for about by and told urged asked".split())


class _TranslationAligner(Aligner):
    """The counterpart's readout reaches English outlets in several translations, never
    word for word: a quotation joins a sentence at the ordinary join threshold."""

    VERBATIM = Aligner.JOIN


def lead_and_unit(context: DocumentContext, unit: Unit) -> list[Token]:
    """The unit's sentence up to the unit's end: its lead-in and its own words."""
    return [t for t in context.sentence_tokens[unit.sentence] if t.end <= unit.end]


def counterpart_side(
    context: DocumentContext, unit: Unit, quote_context: list[Token], cast: Cast
) -> str | None:
    """The counterpart whose own government's readout the article credits this passage
    to: said by the counterpart or of them (here or in the sentence before), or credited
    to their country's office; with the readout, the statement or that office named in
    the sentences around it ("..., Wang said to Rubio, according to a readout from China's
    Ministry of Foreign Affairs") or, for words of the counterpart, anywhere in the
    article. Never what was said to reporters, at a briefing or in an interview."""
    spans = context.sentences
    _, _, paragraph = spans[unit.sentence]
    window = [
        i
        for i in (unit.sentence - 1, unit.sentence, unit.sentence + 1)
        if 0 <= i < len(spans) and spans[i][2] == paragraph
    ]
    around = [*quote_context, *(t for i in window for t in context.sentence_tokens[i])]
    words = {t.norm.casefold() for t in around if t.is_word}
    if words & _SPOKEN_WORDS:
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
    if person is None and window[0] < unit.sentence:  # "“…,” Wang said, according to … “…”"
        person = _counterpart_person(context.sentence_tokens[window[0]], cast)
    credited = [p for p in cast.counterparts if _office_of(near, p)]
    if person is None:
        person = credited[0] if len(credited) == 1 else None
        return person.id if person is not None else None
    if person in credited or words & _READOUT_CREDIT or _office_of(context.text, person):
        return person.id
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
    sides: dict[int, str],
    readouts: list[Readout],
    cast: Cast,
) -> tuple[list[tuple[ReadoutKey, list[Cluster]]], set[int]]:
    """The counterpart government's own readout of the call, from the passages articles
    credit to it: aligned among themselves like any witnesses (so two outlets'
    translations of one sentence are versions of it), one readout per counterpart. It
    exists only where two independent outlets quote one of its sentences; the day is that
    of the caller's readout of the same call, else the one its witnesses name. Returns
    each readout's key and sentences, and the ids of the passages they took."""
    by_person: dict[str, list[Candidate]] = defaultdict(list)
    for cand in leftovers:
        by_person[sides[id(cand)]].append(cand)
    out: list[tuple[ReadoutKey, list[Cluster]]] = []
    taken: set[int] = set()
    for person, cands in sorted(by_person.items()):
        # one call's readout: days the articles name do not split its sentences
        fresh = [
            replace(
                c,
                founder=True,
                reason=None,
                joined=[],
                evidence=replace(c.evidence, dates={}) if c.evidence else None,
            )
            for c in cands
        ]
        originals = {id(f): c for f, c in zip(fresh, cands, strict=True)}
        aligner = _TranslationAligner(cast, [])
        aligner.run(fresh)
        clusters = [c for c in aligner.clusters if c.members]
        quoted_twice = any(
            len({m.group for m in c.members if m.unit.kind != PassageKind.PARAPHRASE}) >= 2
            for c in clusters
        )
        if not quoted_twice:
            continue  # the counterpart's side as one outlet tells it, or in its own words
        day = _side_day(person, readouts, cands, cast)
        out.append((ReadoutKey(person, day), clusters))
        taken.update(id(originals[id(m)]) for c in clusters for m in c.members)
    return out, taken


def _side_day(
    person: str, readouts: list[Readout], members: list[Candidate], cast: Cast
) -> dt.date | None:
    found = cast.counterpart(person)
    days = {r.date for r in readouts if r.date and found and r.counterpart == found.label}
    if len(days) == 1:
        return dt.date.fromisoformat(days.pop())
    votes: Counter[dt.date] = Counter(m.strong_date for m in members if m.strong_date)
    return max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0] if votes else None
