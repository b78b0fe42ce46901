"""Evidence for which call, and which day, a passage reports.

Twin readouts are near mirror images, so similarity cannot tell them apart: the
evidence is who is named and in what role (the country urged, the person the call was
with, the readout the article cites), what surrounds the passage, and dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .dates import DateMention, find_dates
from .entities import PRINCIPAL, Cast, entity_of
from .normalise import Token

_CONTEXT_NOUNS = frozenset(
    "call calls conversation conversations readout readouts message talks meeting phone".split()
)
_CONTEXT_LINKS = frozenset({"with", "to", "between", "of"})
_BOTH = re.compile(
    r"\b(?:in\s+both\s+(?:the\s+)?(?:calls|conversations)|(?:both|two|the\s+two)\s+(?:separate\s+)?"
    r"(?:phone\s+|telephone\s+)?(?:calls|conversations)|separate\s+(?:phone\s+|telephone\s+)?"
    r"(?:calls|conversations)|(?:both|each\s+of\s+the)\s+calls)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = frozenset("i we we've we're we'll i'm i've our ours us my me myself ourselves".split())
_PAST_IRREGULAR = frozenset(
    "spoke met said told held made gave took sent saw thanked underscored reiterated "
    "welcomed expressed urged asked encouraged emphasized discussed agreed noted "
    "highlighted stressed reaffirmed called condemned offered conveyed raised shared".split()
)
_SUBJECTS = frozenset("he she they both leaders sides two secretary minister".split())
_VERB_BEFORE_OBJECT = re.compile(r"(?:ed|told|asked|urged|pressed|gave|sent|spoke)$")


@dataclass
class Evidence:
    """What one unit says about its call: weights per counterpart, day votes."""

    counterparts: dict[str, float] = field(default_factory=dict)
    explicit: str | None = None  # the counterpart the article itself pins it on
    both: bool = False  # "in both calls", "two separate calls"
    dates: dict[dt.date, float] = field(default_factory=dict)


def is_first_person(tokens: Sequence[Token]) -> bool:
    """Briefing remarks ("We want...") are someone speaking, not a readout."""
    return any(t.is_word and not t.key.startswith("<") and t.norm.casefold() in _FIRST_PERSON
               and t.norm != "US" for t in tokens)


def readout_style(tokens: Sequence[Token]) -> bool:
    """Third person, past tense, the principal or a pronoun as subject: how readouts read."""
    words = [t for t in tokens if t.is_word][:10]
    for i, tok in enumerate(words):
        subject = entity_of(tok) == PRINCIPAL or tok.norm.casefold() in _SUBJECTS or (
            entity_of(tok) or ""
        ).startswith("person:")
        if not subject:
            continue
        for verb in words[i + 1 : i + 5]:
            low = verb.norm.casefold()
            if low.endswith("ed") or low in _PAST_IRREGULAR:
                return True
    return False


def _counterparts_named(entity: str, cast: Cast) -> list[str]:
    if entity == PRINCIPAL:
        return []
    if entity.startswith("person:"):
        return [entity] if cast.counterpart(entity) else []
    principal_country = cast.principal.country if cast.principal else None
    if entity == principal_country:
        return []
    return [p.id for p in cast.counterparts if p.country == entity]


def entity_weights(tokens: Sequence[Token], cast: Cast, scale: float = 1.0) -> dict[str, float]:
    """Counterpart weights from the names in a stretch of text: the object of a verb
    ("encouraged India") counts most, the first name next, the rest least."""
    weights: dict[str, float] = defaultdict(float)
    first = True
    for i, tok in enumerate(tokens):
        entity = entity_of(tok)
        if entity is None:
            continue
        named = _counterparts_named(entity, cast)
        if not named:
            continue
        prev = tokens[i - 1].norm.casefold() if i > 0 else ""
        if prev in ("the", "his", "her") and i > 1:
            prev = tokens[i - 2].norm.casefold()
        weight = 3.0 if _VERB_BEFORE_OBJECT.search(prev) else (2.0 if first else 1.0)
        if prev == "between" or (i > 1 and tokens[i - 2].norm.casefold() == "between"):
            weight = 1.0
        first = False
        for person in named:
            weights[person] += weight * scale / len(named)
    return weights


def explicit_pin(tokens: Sequence[Token], cast: Cast) -> str | None:
    """"in a call with X", "readout of the call between X and Rubio", "message to X"."""
    for i, tok in enumerate(tokens):
        if tok.norm.casefold() not in _CONTEXT_NOUNS:
            continue
        for j in range(i + 1, min(i + 7, len(tokens))):
            entity = entity_of(tokens[j])
            if entity is None:
                if tokens[j].is_word and tokens[j].norm.casefold() not in (
                    _CONTEXT_LINKS | _CONTEXT_NOUNS | {"the", "a", "and", "phone", "prime", "minister"}
                ) and not tokens[j].text[:1].isupper():
                    break
                continue
            named = _counterparts_named(entity, cast)
            if len(named) == 1:
                return named[0]
    return None


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """Per-document facts attribution needs: text, sentences, reference date."""

    text: str
    sentences: tuple[tuple[int, int, int], ...]  # start, end, paragraph
    reference: dt.date | None
    default_year: int | None
    call_dates: tuple[tuple[int, dt.date], ...]  # offset of a call sentence, its date
    sentence_tokens: tuple[tuple[Token, ...], ...]  # canonical tokens of each sentence


def call_dates(text: str, sentences: Sequence[tuple[int, int, int]], reference: dt.date | None,
               default_year: int | None, cast: Cast) -> tuple[tuple[int, dt.date], ...]:
    """Dates printed in sentences that announce a call ("spoke with X on Wednesday")."""
    out = []
    for start, end, _ in sentences:
        sentence = text[start:end]
        if not re.search(r"\b(?:spoke|spoken|speaks|talked|call|calls|conversation|conversations)\b"
                         r"\s+(?:\w+\s+){0,8}?(?:with|to)\b", sentence, re.I):
            continue
        for mention in find_dates(sentence):
            day = _resolve(mention, reference, default_year)
            if day is not None:
                out.append((start, day))
                break
    return tuple(out)


def _resolve(mention: DateMention, reference: dt.date | None, default_year: int | None
             ) -> dt.date | None:
    if reference is None and default_year and mention.month and mention.day:
        return mention.resolve(dt.date(default_year, 12, 31))
    return mention.resolve(reference)


def gather(
    unit_start: int,
    unit_end: int,
    sentence_index: int,
    tokens: Sequence[Token],
    ctx: DocumentContext,
    cast: Cast,
    post_date: dt.date | None,
) -> Evidence:
    """All evidence for one unit: its own words, its sentence, paragraph, and dates."""
    evidence = Evidence()
    weights: dict[str, float] = defaultdict(float)
    for person, weight in entity_weights(tokens, cast).items():
        weights[person] += weight
    start, end, paragraph = ctx.sentences[sentence_index]
    around = [i for i, (_, _, p) in enumerate(ctx.sentences) if p == paragraph]
    outside = [t for t in ctx.sentence_tokens[sentence_index]
               if t.end <= unit_start or t.start >= unit_end]
    pin = explicit_pin(outside, cast) or explicit_pin(tokens, cast)
    if pin is None:
        for i in reversed([i for i in around if i < sentence_index][-2:]):
            pin = explicit_pin(ctx.sentence_tokens[i], cast)
            if pin:
                break
    if pin is None and sentence_index > 0:
        pp = ctx.sentences[sentence_index - 1][2]
        if pp != paragraph and pp >= paragraph - 1:
            pin = explicit_pin(ctx.sentence_tokens[sentence_index - 1], cast)
    if pin:
        weights[pin] += 4.0
        evidence.explicit = pin
    for person, weight in entity_weights(outside, cast, 0.5).items():
        weights[person] += weight
    for i in around:
        s, e, _ = ctx.sentences[i]
        if i != sentence_index:
            for person, weight in entity_weights(ctx.sentence_tokens[i], cast, 0.25).items():
                weights[person] += weight
            if _BOTH.search(ctx.text[s:e]) and s < start:
                evidence.both = evidence.both or bool(re.search(r"\bboth\b", ctx.text[s:e], re.I))
    evidence.both = evidence.both or bool(_BOTH.search(ctx.text[start:end]))
    evidence.counterparts = dict(weights)
    evidence.dates = _date_votes(unit_start, unit_end, ctx, post_date)
    return evidence


def _date_votes(unit_start: int, unit_end: int, ctx: DocumentContext, post_date: dt.date | None
                ) -> dict[dt.date, float]:
    votes: dict[dt.date, float] = defaultdict(float)
    if post_date:
        votes[post_date] += 3.0
    unit_text = ctx.text[unit_start:unit_end]
    relative_ref = post_date or ctx.reference
    for mention in find_dates(unit_text):
        if mention.relative == 0 and relative_ref:
            votes[relative_ref] += 1.5
    before = [day for offset, day in ctx.call_dates if offset <= unit_start]
    if before:
        votes[before[-1]] += 2.0
    elif ctx.call_dates:
        votes[ctx.call_dates[0][1]] += 1.0
    if ctx.reference and not votes:
        votes[ctx.reference] += 0.5
    return dict(votes)
