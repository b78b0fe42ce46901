"""Who called whom, and who says so: each readout's caller and issuer, from evidence.

A corpus can hold several callers (two Secretaries of State of different years, a UN chief
who phoned the same leaders), so the caller is read per readout: from its official text's
lead sentence first, then from the sentences that announce its call in the articles that
carry it. The issuer is the office the articles credit with the readout's words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .entities import (
    PRINCIPAL,
    Cast,
    Person,
    announced_calls,
    canonicalise,
    entity_of,
    person_key,
    surname_key,
)
from .lexicon import SPEECH_VERBS
from .model import Document, Readout
from .normalise import tokenise
from .readouts import ReadoutSpec
from .scanning import starting_with

OFFICIAL_WEIGHT = 20  # an official text's own lead sentence outweighs any number of outlets


@dataclass(frozen=True, slots=True)
class Attributed:
    """A value read from the texts and what set it."""

    value: str | None
    evidence: str | None


@dataclass(frozen=True, slots=True)
class Context:
    """A text that bears on a readout: a stretch of an article, or its official text."""

    text: str
    official: bool = False


def caller_of(counterpart: str, contexts: Sequence[Context], cast: Cast) -> Attributed:
    """The caller of the readout of a call with `counterpart` ("person:<surname>")."""
    # third parties make calls of their own: a readout is always the principal's side's
    callers = {person_key(p): p for p in cast.callers if p not in cast.third_parties}
    if cast.principal:
        callers[PRINCIPAL] = cast.principal
    votes: Counter[str] = Counter()
    official = False
    for context in contexts:
        weight = OFFICIAL_WEIGHT if context.official else 1
        for said_callers, partners in announced_calls(context.text):
            if not any(c in callers for c in said_callers) and any(p in callers for p in partners):
                said_callers, partners = partners, said_callers  # "X had a call with Y"
            if counterpart not in partners:
                continue
            for key in said_callers:
                if key in callers:
                    votes[person_key(callers[key])] += weight
                    official = official or context.official
    if not votes:
        principal = cast.principal
        return Attributed(_name(principal), "the main caller in these texts" if principal else None)
    key, count = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
    person = next(p for p in cast.callers if person_key(p) == key)
    if official and count >= OFFICIAL_WEIGHT:
        return Attributed(_name(person), "the official text's lead sentence")
    articles = "article" if count == 1 else "articles"
    return Attributed(_name(person), f"announced as the caller in {count} {articles}")


def _name(person: Person | None) -> str | None:
    return person.label if person else None


# Offices that publish readouts, as the press names them.
_OFFICES = [
    ("State Department", r"State\s+Department|Department\s+of\s+State|\bDoS\b"),
    ("White House", r"White\s+House"),
    (
        "Foreign Office",
        r"Foreign\s+Office|Foreign,\s+Commonwealth\s+(?:and|&)\s+Development\s+Office|FCDO",
    ),
    (
        "Foreign Ministry",
        r"Foreign\s+Ministry|Ministry\s+of\s+(?:Foreign|External)\s+Affairs|External\s+Affairs\s+Ministry|\bMFA\b|\bMEA\b",
    ),
    ("Prime Minister's Office", r"Prime\s+Minister['’]?s\s+Office|\bPMO\b"),
    ("Presidential Office", r"Presidential\s+(?:Office|Administration)|Presidency"),
    ("Kremlin", r"Kremlin"),
    ("United Nations", r"United\s+Nations|\bU\.?N\.?\b\s+(?:spokes|chief|Secretary)"),
]
# every office's name above starts with one of these, then one of the second letters
_OFFICE_INITIALS, _OFFICE_SECOND = "DEFKMPSUW", "CEFMNehinortx."
_OFFICE_ALTERNATIVES = "|".join(f"(?P<o{i}>{pattern})" for i, (_, pattern) in enumerate(_OFFICES))
_OFFICE_PATTERN = starting_with(_OFFICE_INITIALS, _OFFICE_ALTERNATIVES, then=_OFFICE_SECOND)


def issuer_of(
    documents: Sequence[tuple[Context, Context]], counterpart: Person | None
) -> Attributed:
    """The office the texts credit with the readout. Each document votes once, for the office
    it names nearest the readout's words (else where it credits an office with words: "said",
    "according to", "a readout from"; a caption "at the White House" is no credit); the
    counterpart's own office
    ("Pakistan's Foreign Office") is not the issuer. An official text outweighs the press."""
    votes: Counter[str] = Counter()
    mentions: Counter[str] = Counter()  # breaks a tie: the office the texts name most
    country = counterpart.country if counterpart else None
    for near, whole in documents:
        everywhere = _offices(whole.text, country)
        mentions.update(everywhere)
        credited = everywhere if whole.official else _offices(whole.text, country, credited=True)
        named = _offices(near.text, country) or credited
        if named:
            votes[named.most_common(1)[0][0]] += OFFICIAL_WEIGHT if whole.official else 1
    if not votes:
        return Attributed(None, None)
    office, count = max(votes.items(), key=lambda kv: (kv[1], mentions[kv[0]], kv[0]))
    if count >= OFFICIAL_WEIGHT:
        return Attributed(office, "named by its official text")
    return Attributed(office, f"credited by {count} of {sum(votes.values())} documents")


def _offices(text: str, counterpart_country: str | None, credited: bool = False) -> Counter[str]:
    return Counter(dict(_offices_named(text, counterpart_country, credited)))


# Words that credit an office with words when they stand near its name.
_CREDIT = re.compile(
    rf"\b(?:{SPEECH_VERBS}|according\s+to|readout|statement|spokes(?:person|man|woman)|"
    r"press\s+(?:note|release))\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def _offices_named(
    text: str, counterpart_country: str | None, credited: bool
) -> tuple[tuple[str, int], ...]:
    """The offices a text names (with `credited`, only where it credits them with words),
    kept: every readout an article carries asks again."""
    found: Counter[str] = Counter()
    for start, end, office in _office_mentions(text):
        if credited and not _CREDIT.search(text, max(0, start - 80), min(len(text), end + 80)):
            continue
        before = text[max(0, start - 30) : start]
        if counterpart_country and counterpart_country in _countries(before):
            continue
        found[office] += 1
    return tuple(sorted(found.items()))


def _office_name(match: re.Match[str]) -> str:
    """The office an office pattern's match names."""
    return _OFFICES[int(next(k for k, v in match.groupdict().items() if v)[1:])][0]


@lru_cache(maxsize=1024)
def _office_mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    """Where a text names an office, and which: read once per text, whichever
    counterpart and readout ask."""
    found = _OFFICE_PATTERN.finditer(text)
    return tuple((match.start(), match.end(), _office_name(match)) for match in found)


@lru_cache(maxsize=4096)
def _countries(text: str) -> frozenset[str]:
    from .entities import country_gazetteer

    tokens = canonicalise(tokenise(text), country_gazetteer())
    return frozenset(e for t in tokens if (e := entity_of(t)) and e.startswith("country:"))


_ANY_CASE_OFFICE = starting_with(
    _OFFICE_INITIALS, _OFFICE_ALTERNATIVES, re.I, then=_OFFICE_SECOND
)  # "foreign ministry"


def counterpart_issuer_of(texts: Sequence[str], country: str | None) -> Attributed:
    """The counterpart government's office the texts credit with its own readout: an
    office named right after the counterpart's country ("China's Ministry of Foreign
    Affairs", "the Chinese foreign ministry readout", "Beijing's foreign ministry")."""
    from .entities import country_names

    if country is None:
        return Attributed(None, None)
    votes: Counter[str] = Counter()
    for text in texts:
        found = Counter(office for office, before in _offices_after(text) if country in before)
        if found:
            votes[found.most_common(1)[0][0]] += 1
    name = country_names().get(country, country.partition(":")[2].upper())
    if not votes:
        return Attributed(f"{name}'s government", "the counterpart's side, no office named")
    office, count = max(votes.items(), key=lambda kv: (kv[1], kv[0]))
    return Attributed(f"{name}'s {office}", f"credited by {count} of {len(texts)} documents")


@lru_cache(maxsize=1024)
def _offices_after(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each office a text names in any case, with the countries named in the 30 characters
    before it: read once per text, whichever counterpart asks."""
    return tuple(
        (_office_name(match), _countries(text[max(0, match.start() - 30) : match.start()]))
        for match in _ANY_CASE_OFFICE.finditer(text)
    )


# --- naming a found readout ---------------------------------------------------------

_WINDOW = 200  # characters around a witness read for the office its words are credited to


def identify(
    readout: Readout,
    cast: Cast,
    docs: dict[str, Document],
    call_days: dict[str, set[str]],
    specs: Sequence[ReadoutSpec],
) -> Readout:
    """Name the readout's caller and issuer from evidence, label it with both, and say
    what set its day."""
    official = docs[readout.official_document] if readout.official_document else None
    own = [Context(official.text, official=True)] if official else []
    reports = [d for d in readout.documents if d != readout.official_document]
    counterpart = counterpart_key(readout, cast)
    caller = caller_of(counterpart, own + [Context(docs[d].text) for d in reports], cast)
    nearby = [(Context(_near(readout, d, docs[d].text)), Context(docs[d].text)) for d in reports]
    issuer = issuer_of([(c, c) for c in own] + nearby, cast.counterpart(counterpart))
    label = _label(caller.value, readout, issuer.value)
    return replace(
        readout,
        label=label,
        caller=caller.value,
        caller_evidence=caller.evidence,
        issuer=issuer.value,
        issuer_evidence=issuer.evidence,
        date_evidence=_date_evidence(
            readout, official, [docs[d] for d in reports], call_days, specs
        ),
    )


def _date_evidence(
    readout: Readout,
    official: Document | None,
    reports: list[Document],
    call_days: dict[str, set[str]],
    specs: Sequence[ReadoutSpec],
) -> str | None:
    """What set a readout's call day, strongest first."""
    day = readout.date
    if day is None:
        return None
    if any(s.id == readout.id and s.date == day for s in specs):
        return "the readouts file"
    if official is not None and official.date == day:
        return f"the official text ({official.date_source or 'its text'})"
    named = sum(1 for d in reports if day in call_days.get(d.id, set()))
    if named:
        return f"the call day named in {named} {'article' if named == 1 else 'articles'}"
    published = sum(1 for d in reports if d.date == day)
    if published:
        return f"the publication day of {published} {'article' if published == 1 else 'articles'}"
    return "the day the articles' dates point to"


def _near(readout: Readout, document: str, text: str) -> str:
    """The stretches of a document around its witnesses of a readout."""
    return "\n".join(
        text[max(0, w.start - _WINDOW) : w.end + _WINDOW]
        for s in readout.sentences
        for w in s.witnesses
        if w.document == document
    )


def counterpart_key(readout: Readout, cast: Cast) -> str:
    for person in cast.counterparts:
        if person.label == readout.counterpart:
            return person.id
    return surname_key(readout.counterpart) if readout.counterpart else ""


def identify_counterpart_side(
    readout: Readout,
    cast: Cast,
    docs: dict[str, Document],
    call_days: dict[str, set[str]],
    specs: Sequence[ReadoutSpec],
) -> Readout:
    """The counterpart's side's readout: the caller as for any readout, the issuer the
    counterpart's own government office the articles credit, and an id of its own."""
    named = identify(readout, cast, docs, call_days, specs)
    person = cast.counterpart(counterpart_key(readout, cast))
    issuer = counterpart_issuer_of(
        [_near(readout, d, docs[d].text) for d in readout.documents],
        person.country if person else None,
    )
    label = _label(named.caller, readout, issuer.value)
    slug = re.sub(
        r"[^a-z0-9]+", "-", (issuer.value or "counterpart").casefold().replace("'s ", " ")
    )
    slug = slug.strip("-")
    rid = f"{readout.id}-{slug}"
    return replace(
        named,
        id=rid,
        label=label,
        issuer=issuer.value,
        issuer_evidence=issuer.evidence,
        sentences=tuple(replace(s, id=s.id.replace(readout.id, rid, 1)) for s in named.sentences),
    )


def _label(caller: str | None, readout: Readout, issuer: str | None) -> str:
    """ "Marco Rubio – Muhammad Shehbaz Sharif, 2025-04-30 · State Department readout"."""
    label = f"{caller or 'Call'} – {readout.counterpart}"
    label += f", {readout.date}" if readout.date else ""
    return label + (f" · {issuer} readout" if issuer else "")
