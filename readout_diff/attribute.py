"""Evidence for which call, and which day, a passage reports.

Twin readouts are near mirror images, so similarity cannot tell them apart: the
evidence is who is named and in what role (the country urged, the person the call was
with, the readout the article cites), what surrounds the passage, and dates.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import lexicon
from .dates import DateMention, find_dates, parse_date, relative_days
from .entities import PRINCIPAL, TITLE_WORDS, Cast, entity_of, mentioned
from .lexicon import (
    BETWEEN_SUBJECT_AND_VERB,
    DOCUMENT_NOUNS,
    PRONOUNS,
    SPOKEN_SETTINGS,
    SPOKESPEOPLE,
)
from .normalise import Token
from .passages import Unit
from .scanning import starting_with

# Words that open a call phrase ("in a call with X", "the readout of the call with X",
# "spoke to X and Y"); `check` reads the nouns alone, as a verb of speaking says what calls
# there were, not which one a quotation is from.
CALL_NOUNS = lexicon.CALL_NOUNS | {"readout", "readouts", "message", "phone"}
# Not all of `entities`' call verbs: "called" also opens "called on X" and "called for X",
# which name no call partner.
SPEAKING_VERBS = frozenset(["spoke", "spoken", "speaking", "talked"])
_CONTEXT_NOUNS = CALL_NOUNS | SPEAKING_VERBS
_CONTEXT_LINKS = frozenset({"with", "to", "between", "of", "on", "from", "for", "about"})
_BOTH = starting_with(
    "beist",
    r"(?:in\s+both\s+(?:the\s+)?(?:calls|conversations)|(?:both|two|the\s+two)\s+(?:separate\s+)?"
    r"(?:phone\s+|telephone\s+)?(?:calls|conversations)|separate\s+(?:phone\s+|telephone\s+)?"
    r"(?:calls|conversations)|(?:both|each\s+of\s+the)\s+calls)\b",
    re.IGNORECASE,
    word=True,
)
_FIRST_PERSON = frozenset(
    [
        "i",
        "we",
        "we've",
        "we're",
        "we'll",
        "i'm",
        "i've",
        "our",
        "ours",
        "us",
        "my",
        "me",
        "myself",
        "ourselves",
    ]
)
_PAST_IRREGULAR = frozenset(
    [
        "spoke",
        "met",
        "said",
        "told",
        "held",
        "made",
        "gave",
        "took",
        "sent",
        "saw",
        "thanked",
        "underscored",
        "reiterated",
        "welcomed",
        "expressed",
        "urged",
        "asked",
        "encouraged",
        "emphasized",
        "discussed",
        "agreed",
        "noted",
        "highlighted",
        "stressed",
        "reaffirmed",
        "called",
        "condemned",
        "offered",
        "conveyed",
        "raised",
        "shared",
    ]
)
# Plural subjects a readout uses for both parties: "Both leaders", "The two sides".
_PARTY_NOUNS = frozenset(["leaders", "sides", "ministers", "counterparts"])
_VERB_BEFORE_OBJECT = re.compile(r"(?:ed|told|asked|urged|pressed|gave|sent|spoke)$")


@dataclass
class Evidence:
    """What one unit says about its call: weights per counterpart, day votes."""

    counterparts: dict[str, float] = field(default_factory=dict)
    explicit: str | None = None  # the counterpart the article itself pins it on
    both: bool = False  # names both calls' partners, or says "in both calls"
    both_said: bool = False  # the article itself says "in both calls", "two separate calls"
    dates: dict[dt.date, float] = field(default_factory=dict)


_SINGULAR = frozenset(["i", "i'm", "i've", "i'll", "i'd", "my", "me", "myself", "mine"])
_INSTITUTIONS = frozenset(["department", "ministry", "office", "embassy", "mission", "government"])
_PERSON_NOUNS = SPOKESPEOPLE | {"official", "officials", "aide"}


def is_first_person(tokens: Sequence[Token], issuer_voice: bool = False) -> bool:
    """Briefing remarks ("We want...") are someone speaking, not a readout. In the
    issuer's own voice (see `in_issuer_voice`) "we" and "our" are the government's, and
    only "I" and "my" make a remark."""
    words = _SINGULAR if issuer_voice else _FIRST_PERSON
    return any(
        t.is_word and entity_of(t) is None and t.norm.casefold() in words and t.norm != "US"
        for t in tokens
    )


def in_issuer_voice(
    tokens: Sequence[Token], speaker: str | None, context: Sequence[Token] = ()
) -> bool:
    """Is a quotation the issuer's own wording? It is when worded as a readout ("The
    Secretary stressed ... our allies"), or credited to a readout or a statement ("the
    readout said", "according to the statement") or to a department itself; never when
    it was said to reporters, at a briefing or in an interview."""
    around = {t.norm.casefold() for t in context if t.is_word}
    if around & SPOKEN_SETTINGS:
        return False
    if readout_style(tokens):
        return True
    who = set(re.findall(r"\w+", (speaker or "").casefold()))
    if (who | around) & DOCUMENT_NOUNS:  # the text of a readout, not someone speaking
        return True
    return bool(who & _INSTITUTIONS) and not (who | around) & _PERSON_NOUNS


def readout_style(tokens: Sequence[Token], founding: bool = False) -> bool:
    """Third person, past tense, the principal or a pronoun as subject: how readouts read."""
    words = [t for t in tokens if t.is_word]
    for i, tok in enumerate(words):
        low = tok.norm.casefold()
        named = entity_of(tok) == PRINCIPAL or (entity_of(tok) or "").startswith("person:")
        party = (
            low in _PARTY_NOUNS and i > 0 and words[i - 1].norm.casefold() in ("both", "two", "the")
        )
        subject = named or party or (i < 3 and low in PRONOUNS)
        if not subject or (
            founding and party and not any(entity_of(w) == PRINCIPAL for w in words)
        ):
            continue
        speech_before = next(
            (j for j, w in enumerate(words[:i]) if w.norm.casefold() in SPEECH_WORDS), None
        )
        if speech_before is not None and not any(
            entity_of(w) == PRINCIPAL for w in words[:speech_before]
        ):
            return False  # "Armenia's ministry said Vardanyan had raised...": someone else

        for verb in words[i + 1 : i + 5]:
            low = verb.norm.casefold()
            if low in SPEECH_WORDS:
                break  # "Jaishankar posted that...": their own statement, not a readout
            if low.endswith("ed") or low in _PAST_IRREGULAR:
                return True
            if entity_of(verb) is None and low not in BETWEEN_SUBJECT_AND_VERB:
                break  # the word after the subject is its verb, or this is no readout line
    return False


# Someone else's words before a readout subject, or the subject's own after it. Not
# `lexicon.SPEECH_VERBS` on purpose: "stressed", "warned", "announced" there are also how a
# readout reports what its principal did, which `readout_style` must still read as one.
SPEECH_WORDS = frozenset(
    [
        "said",
        "says",
        "stated",
        "posted",
        "tweeted",
        "wrote",
        "told",
        "added",
        "noted",
        "remarked",
        "replied",
        "claimed",
    ]
)


def _counterparts_named(entity: str, cast: Cast) -> list[str]:
    if entity == PRINCIPAL:
        return []
    if entity.startswith("person:"):
        return [entity] if cast.counterpart(entity) else []
    principal_country = cast.principal.country if cast.principal else None
    if entity == principal_country:
        return []
    return [p.id for p in cast.counterparts if p.country == entity]


def _shares(named: list[str], cast: Cast) -> list[tuple[str, float]]:
    """Split a country's weight among its counterparts by how prominent each is."""
    people = [(p, cast.counterpart(p)) for p in named]
    counts = [(p, person.mentions if person else 1) for p, person in people]
    total = sum(c for _, c in counts) or 1
    return [(p, c / total) for p, c in counts]


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
        if prev in ("the", "his", "her", "for", "on") and i > 1:
            prev = tokens[i - 2].norm.casefold()  # "called for X", "pressed on X"
        weight = 3.0 if _VERB_BEFORE_OBJECT.search(prev) else (2.0 if first else 1.0)
        if prev == "between" or (i > 1 and tokens[i - 2].norm.casefold() == "between"):
            weight = 0.5  # "between X and Y" names both sides alike
        first = False
        for person, share in _shares(named, cast):
            weights[person] += weight * scale * share
    return weights


def explicit_pin(tokens: Sequence[Token], cast: Cast) -> str | None:
    """The one counterpart the first call phrase names, if it names exactly one."""
    partners = call_partners(tokens, cast)
    return partners[0] if len(partners) == 1 else None


def call_partners(tokens: Sequence[Token], cast: Cast) -> list[str]:
    """Counterparts named by the first "in a call with X", "readout of the call between
    X and Rubio", "spoke to X and Y" phrase: one pins the passage, two mean both calls."""
    for i, tok in enumerate(tokens):
        if tok.norm.casefold() not in _CONTEXT_NOUNS:
            continue
        people, countries = _named_after(tokens[i + 1 : i + 9], cast)
        if people:
            return sorted(people)
        if countries:
            return sorted(countries) if len(countries) == 1 else []
    return []


def _named_after(tokens: Sequence[Token], cast: Cast) -> tuple[set[str], set[str]]:
    """The counterparts (people, and countries' leading counterparts) a call phrase names
    before it ends (at a lower-case word that is no link, title or call word)."""
    people: set[str] = set()
    countries: set[str] = set()
    for tok in tokens:
        entity = entity_of(tok)
        if entity is None:
            if _ends_call_phrase(tok):
                break
            continue
        named = _counterparts_named(entity, cast)
        if entity.startswith("person:"):
            people.update(named)
        elif named:
            countries.add(max(_shares(named, cast), key=lambda ps: (ps[1], ps[0]))[0])
    return people, countries


_IN_CALL_PHRASE = _CONTEXT_LINKS | _CONTEXT_NOUNS | {"the", "a", "and", "his", "her"}


def _ends_call_phrase(tok: Token) -> bool:
    low = tok.norm.casefold()
    return (
        tok.is_word
        and low not in _IN_CALL_PHRASE
        and not tok.text[:1].isupper()
        and low not in TITLE_WORDS
    )


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """Per-document facts attribution needs: text, sentences, reference date."""

    text: str
    sentences: tuple[tuple[int, int, int], ...]  # start, end, paragraph
    reference: dt.date | None
    call_dates: tuple[tuple[int, dt.date, int], ...]  # offset, day, index; in text order
    sentence_tokens: tuple[tuple[Token, ...], ...]  # canonical tokens of each sentence
    partners: dict[str, float] = field(default_factory=dict)  # whom the article says was called
    # per-paragraph facts, worked out once per document on first use (not per passage)
    memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def paragraph(self, index: int, cast: Cast) -> _Paragraph:
        """The paragraph of sentence `index`, with its sentences' names weighed once."""
        built = self.memo.get("paragraphs")
        if built is None:
            built = _paragraphs(self, cast)
            self.memo["paragraphs"] = built
        assert isinstance(built, dict)
        found = built[self.sentences[index][2]]
        assert isinstance(found, _Paragraph)
        return found


@dataclass(frozen=True, slots=True)
class _Paragraph:
    """A paragraph's sentences, each one's names weighed, and whether it says "both"."""

    sentences: tuple[int, ...]
    weights: dict[int, dict[str, float]]
    total: dict[str, float]
    both: dict[int, bool]  # an earlier sentence of the paragraph says "in both calls"


def _paragraphs(ctx: DocumentContext, cast: Cast) -> dict[int, _Paragraph]:
    members: dict[int, list[int]] = defaultdict(list)
    for i, (_, _, paragraph) in enumerate(ctx.sentences):
        members[paragraph].append(i)
    out = {}
    for paragraph, indices in members.items():
        weights = {i: entity_weights(ctx.sentence_tokens[i], cast) for i in indices}
        total: dict[str, float] = defaultdict(float)
        for i in indices:
            for person, weight in weights[i].items():
                total[person] += weight
        both, said = {}, False
        for i in indices:
            both[i] = said
            s, e, _ = ctx.sentences[i]
            said = said or bool(_BOTH.search(ctx.text[s:e]) and _BOTH_WORD.search(ctx.text[s:e]))
        out[paragraph] = _Paragraph(tuple(indices), weights, dict(total), both)
    return out


_BOTH_WORD = starting_with("b", r"both\b", re.I, word=True)


def document_partners(sentence_tokens: Sequence[Sequence[Token]], cast: Cast) -> dict[str, float]:
    """The counterparts an article says the principal called, as a weak prior (1.5 split
    among them): an article about one call leans its passages toward that call."""
    found: set[str] = set()
    for tokens in sentence_tokens:
        found.update(call_partners(tokens, cast))
    people = sorted(p for p in found if p.startswith("person:"))
    return {p: 1.5 / len(people) for p in people} if people else {}


def call_dates(
    text: str,
    sentences: Sequence[tuple[int, int, int]],
    reference: dt.date | None,
    default_year: int | None,
    post_dates: dict[int, dt.date] | None = None,
) -> tuple[tuple[int, dt.date, int], ...]:
    """Dates printed in sentences that announce a call ("spoke with X on Wednesday"), as
    (offset, day, sentence index). A sentence inside an embedded post reads "today"
    from the post's own date."""
    out = []
    for index, (start, end, _) in enumerate(sentences):
        own_reference = (post_dates or {}).get(index, reference)
        sentence = text[start:end]
        anchor = _CALL_ANCHOR.search(sentence)
        if not anchor:
            continue
        for mention in find_dates(sentence):
            if mention.start >= anchor.end():
                between = sentence[anchor.end() : mention.start]
            else:
                between = sentence[mention.end : anchor.start()]
            words = re.findall(r"[\w'’.-]+", between)
            if len(words) > 12 or any(
                w[:1].islower()
                and (w.endswith("ed") or w in _PAST_IRREGULAR)
                and w not in _CALL_HOLDING
                for w in words
            ):
                continue
            day = _resolve(mention, own_reference, default_year)
            if day is not None:
                out.append((start, day, index))
                break
    return tuple(out)


# "Rubio on Sunday held calls with ...": verbs that hold the call itself, not another event.
_CALL_HOLDING = frozenset(["held", "had", "made", "placed", "phoned", "called", "dialled"])
_CALL_ANCHOR = starting_with(
    "cdst",
    r"(?:spoke|spoken|speaks|talked|calls?|conversations?|discussed)\b\s+(?:[\w'’]+\s+){0,4}?"
    r"(?:with|to)\b",
    re.I,
    word=True,
)


def _resolve(
    mention: DateMention, reference: dt.date | None, default_year: int | None
) -> dt.date | None:
    if reference is None and default_year and mention.month and mention.day:
        return mention.resolve(dt.date(default_year, 12, 31))
    return mention.resolve(reference)


def gather(
    unit: Unit,
    tokens: Sequence[Token],
    ctx: DocumentContext,
    cast: Cast,
    quote_context: Sequence[Token] = (),
) -> Evidence:
    """All evidence for one unit: its own words, its sentence, the words around its
    quotation ("..., Bruce said in a readout of the call with X"), paragraph, dates."""
    index = unit.sentence
    para = ctx.paragraph(index, cast)
    outside = [t for t in ctx.sentence_tokens[index] if t.end <= unit.start or t.start >= unit.end]
    partners = (
        call_partners(outside, cast)
        or call_partners(quote_context, cast)
        or call_partners(tokens, cast)
    )
    pin = _pinned(partners, index, para, ctx, cast)
    weights: dict[str, float] = defaultdict(float)
    _add(weights, entity_weights(tokens, cast))
    if pin:
        weights[pin] += 4.0
    _add(weights, entity_weights(outside, cast, 0.5))
    _add(weights, _rest_of_paragraph(para, index))
    _add(weights, ctx.partners)
    start, end, _ = ctx.sentences[index]
    both_said = para.both[index] or bool(_BOTH.search(ctx.text[start:end]))
    post_date = parse_date(unit.post_date) if unit.post_date else None
    return Evidence(
        counterparts=dict(weights),
        explicit=pin or None,
        both=len(partners) > 1 or both_said,
        both_said=both_said,
        dates=_date_votes(unit.start, unit.end, ctx, post_date),
    )


def _pinned(
    partners: list[str], index: int, para: _Paragraph, ctx: DocumentContext, cast: Cast
) -> str | None:
    """The one counterpart a passage is pinned on: its own call phrase's, else (when it
    names no call partner) the call phrase of one of the two sentences before it in its
    paragraph, else, when its sentence names no one, that of the sentence closing the
    paragraph just before."""
    if partners:
        return partners[0] if len(partners) == 1 else None
    for i in reversed([i for i in para.sentences if i < index][-2:]):
        pin = explicit_pin(ctx.sentence_tokens[i], cast)
        if pin:
            return pin
    if index == 0 or any(
        _counterparts_named(e, cast) for e in mentioned(ctx.sentence_tokens[index])
    ):
        return None
    paragraph, previous = ctx.sentences[index][2], ctx.sentences[index - 1][2]
    if previous != paragraph and previous >= paragraph - 1:
        return explicit_pin(ctx.sentence_tokens[index - 1], cast)
    return None


def _rest_of_paragraph(para: _Paragraph, index: int) -> dict[str, float]:
    """The names of the rest of the paragraph, at a quarter weight."""
    own = para.weights[index]
    rests = ((person, weight - own.get(person, 0.0)) for person, weight in para.total.items())
    return {person: 0.25 * rest for person, rest in rests if rest > 1e-9}


def _add(weights: dict[str, float], more: dict[str, float]) -> None:
    for person, weight in more.items():
        weights[person] += weight


def _date_votes(
    unit_start: int, unit_end: int, ctx: DocumentContext, post_date: dt.date | None
) -> dict[dt.date, float]:
    votes: dict[dt.date, float] = defaultdict(float)
    if post_date:
        votes[post_date] += 3.0
    relative_ref = post_date or ctx.reference
    if relative_ref:
        for days in relative_days(ctx.text[unit_start:unit_end]):
            if days == 0:
                votes[relative_ref] += 1.5
    # the last call date printed at or before the unit (call_dates are in text order)
    before = bisect_right(ctx.call_dates, unit_start, key=lambda call: call[0])
    if before:
        votes[ctx.call_dates[before - 1][1]] += 2.0
    elif ctx.call_dates:
        votes[ctx.call_dates[0][1]] += 1.0
    if ctx.reference and not votes:
        votes[ctx.reference] += 1.5  # an article reports the day's calls, or yesterday's
    return dict(votes)
