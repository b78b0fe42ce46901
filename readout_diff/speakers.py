"""Who a quote is credited to, and whether the sources speak for them: one
implementation for the engine (passages, unassigned notes) and `check`.

A quote credited to someone the sources do not speak for cannot be checked against
them, so it is listed, not failed. Who the sources speak for is read from the sources
themselves: the principal of their calls ("Secretary Rubio spoke with..."), the
spokesperson they are attributable to, and the generic voices of an official text
("the readout", "the statement", "the State Department").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .entities import PRINCIPAL, TITLE_WORDS, Cast, canonicalise, entity_of
from .lexicon import (
    BETWEEN_SUBJECT_AND_VERB,
    DOCUMENT_NOUNS,
    PRONOUNS,
    SPEECH_VERBS,
    SPOKESPEOPLE,
    strip_possessive,
)
from .normalise import tokenise

_WORD = r"(?:[A-Z][a-z]{0,2}\.|[\w’'@-]+(?:\.[\w’'@]+)*)"
_FIRST = (
    r"(?:[A-Z][a-z]{0,2}\.|[A-Z][\w’'@-]*(?:\.[\w’'@]+)*"
    r"|(?:the|a|an|he|she|they|it|his|her|its|their)\b)"
)
_WHO = rf"{_FIRST}(?:\s+{_WORD}){{0,7}}?"  # lazy: up to the speech verb
_LOWER_WHO = r"[a-z]+(?:\s+[a-z]+)?(?:\s+[A-Z][\w.’'-]*){0,3}"  # "officials", "spokesperson X"
_WHO_AFTER_VERB = rf"{_FIRST}(?:\s+{_WORD}){{0,5}}"  # greedy: "said Ms Bruce in ..."
_AFTER = re.compile(
    rf"^[\s\"”’',;:—–-]*(?:(?P<who>{_WHO}|{_LOWER_WHO})\s+"
    rf"(?:(?:further|also|later|then|had|has)\s+)*(?:{SPEECH_VERBS})\b"
    rf"|(?:{SPEECH_VERBS})\s+(?P<who2>{_WHO_AFTER_VERB}))"
)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>[^,.;:!?\"“”]{2,80})", re.IGNORECASE)
# The last speech verb before a quote, with at most a short tail ("posted on X that").
_VERB_AT_END = re.compile(
    rf"^.*\b(?P<verb>{SPEECH_VERBS})\b[^.!?\"“”]{{0,120}}?[,:]?\s*$", re.DOTALL
)
# A speaker may be an office or a statement: "it said" too.
_PRONOUNS = PRONOUNS | {"it"}
# The voices of an official text itself: its documents, its spokespeople, its briefings.
_SOURCE_NOUNS = DOCUMENT_NOUNS | SPOKESPEOPLE | {"note", "department", "briefing"}
_NAME_NEAR_TITLE = re.compile(
    r"\b(?:[Ss]pokes(?:person|man|woman)|attributable\s+to)\s+(?:[A-Z][\w.’'-]*\s+){0,4}?"
    r"(?P<name>(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)"
)
# Never part of a spokesperson's name ("State Department Spokesperson Tammy Bruce"). Not
# all of `entities.TITLE_WORDS`: "King", "Field" and "Lord" are surnames too.
_TITLE_WORDS = SPOKESPEOPLE | {"department", "state", "deputy"}


class SpeakerKind(StrEnum):
    SOURCE = "source"  # a voice the sources speak for: checked
    OTHER = "other"  # someone else: not checked
    NONE = "none"  # credited to no one: checked


@dataclass(frozen=True, slots=True)
class Voices:
    """The people and offices the sources speak for."""

    cast: Cast
    names: frozenset[str]  # case-folded surnames and full names
    labels: tuple[str, ...] = ()  # the same people as printed, for reports

    @property
    def foreign_countries(self) -> frozenset[str]:
        """The counterparts' countries: "India said" is not the readout speaking."""
        own = self.cast.principal.country if self.cast.principal else None
        return frozenset(
            p.country for p in self.cast.counterparts if p.country and p.country != own
        )

    def describe(self) -> list[str]:
        """For reports: who a quote must be credited to for it to be checked."""
        principal = [self.cast.principal.label] if self.cast.principal else []
        return principal + sorted(set(self.labels) - set(principal))


def source_voices(cast: Cast, source_texts: Iterable[str], extra: Sequence[str] = ()) -> Voices:
    """Voices read from the sources (spokesperson names) plus those configured."""
    labels: set[str] = set()
    for text in source_texts:
        for match in _NAME_NEAR_TITLE.finditer(text):
            words = [w for w in match.group("name").split() if w.casefold() not in _TITLE_WORDS]
            if words:
                labels.add(" ".join(words))
    labels.update(name.strip() for name in extra if name.strip())
    names = {label.casefold() for label in labels} | {
        label.split()[-1].casefold() for label in labels
    }
    return Voices(cast, frozenset(names), tuple(sorted(labels)))


@dataclass(frozen=True, slots=True)
class QuoteBounds:
    """A quote's span and where its speaker is looked for: its line, cut at the
    neighbouring quotes (`stop_before`/`stop_after`) when there are any."""

    start: int
    end: int
    line_start: int
    line_end: int
    stop_before: int | None = None
    stop_after: int | None = None


def attribution(text: str, quote: QuoteBounds) -> str | None:
    """The speaker phrase an article gives a quote: "Ms Bruce" in `"...," said Ms Bruce`,
    "Jaishankar" in `Jaishankar posted on X that "..."`, "the US readout on the Jaishankar
    conversation" in `"...," the US readout on the Jaishankar conversation said`."""
    stop_after = quote.stop_after if quote.stop_after is not None else quote.line_end
    after = text[quote.end : min(quote.line_end, quote.end + 160, stop_after)]
    match = _AFTER.match(after)
    if match:
        return _clean(match.group("who") or match.group("who2") or "")
    before = _sentence_before(text, quote)
    verb = _VERB_AT_END.search(before.rstrip("\"“”‘’'"))
    who = _subject_before(before[: verb.start("verb")]) if verb else None
    if who:
        return who
    according = _ACCORDING.search(before) or _ACCORDING.search(after)
    return _clean(according.group("who")) if according else None


def _sentence_before(text: str, quote: QuoteBounds) -> str:
    """The part of the quote's sentence before it, within its line and the quote before."""
    stop_before = quote.stop_before if quote.stop_before is not None else quote.line_start
    before = text[max(quote.line_start, quote.start - 220, stop_before) : quote.start]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
    return before[cut + 2 :] if cut >= 0 else before


def _clean(phrase: str) -> str | None:
    phrase = phrase.strip(" \t\n,;:\"“”‘’'")
    return phrase or None


def _subject_before(text: str) -> str | None:
    """The subject nearest before a speech verb: a run of capitalised words, "the <noun>...",
    or a pronoun; adverbs and short clauses ("while addressing the media") are skipped, and
    a sentence's first word ("Yet", "However") is never a speaker on its own."""
    words: list[str] = re.findall(r"[\w.’'@-]+|,", text)
    while words and words[-1].casefold() in BETWEEN_SUBJECT_AND_VERB:
        words.pop()
    if words and words[-1].casefold() in _PRONOUNS:
        return words[-1]
    return _speaking_noun_phrase(words) or _capitalised_run(words) or _any_noun_phrase(words)


def _speaking_noun_phrase(words: list[str]) -> str | None:
    """ "the spokesperson added": a noun phrase right before the verb, unless it sits in a
    clause ("while addressing the media") or names no one who speaks ("the media")."""
    tail = words[-4:]
    for i, word in enumerate(tail):
        if (
            word.casefold() in ("the", "a", "an")
            and 0 < len(tail) - 1 - i <= 2
            and all(w.islower() for w in tail[i + 1 :])
            and not (set(w.casefold() for w in words[-6:]) & _CLAUSE_WORDS)
            and tail[-1].casefold() not in NOT_SPEAKERS
        ):
            return " ".join(tail[i:])
    return None


def _capitalised_run(words: list[str]) -> str | None:
    """The run of capitalised words nearest the verb ("Secretary of State Rubio"), up to a
    comma; a sentence's first word alone ("Yet") is no name."""
    run: list[str] = []
    for i in range(len(words) - 1, max(-1, len(words) - 15), -1):
        word = words[i]
        if word == ",":
            if run:
                break
            continue
        if word[:1].isupper() or (run and word.casefold() in ("of", "the")):
            run.insert(0, word)
        elif run:
            break
        if i == 0 and _is_opener(run):
            run = []  # "Yet the spokesperson added": a sentence's first word, not a name
    while run and run[0].casefold() in ("of", "the"):
        run.pop(0)
    return " ".join(run) if run and not _is_opener(run) else None


def _is_opener(run: list[str]) -> bool:
    return len(run) == 1 and run[0].casefold() in SENTENCE_OPENERS


def _any_noun_phrase(words: list[str]) -> str | None:
    """ "the readout said", "a statement said": a lower-case noun phrase before the verb."""
    tail = words[-4:]
    for i, word in enumerate(tail):
        if word.casefold() in ("the", "a", "an") and i < len(tail) - 1:
            return " ".join(tail[i:])
    return None


SENTENCE_OPENERS = frozenset(
    """yet however but and also still then later earlier meanwhile separately moreover
    furthermore additionally instead now today thus so indeed in on at after before when
    while asked speaking this that these those it there here both during since although
    though as if once last next finally first second third ultimately notably""".split()
)
"""Capitalised only because they open a sentence: never a speaker on their own."""

NOT_SPEAKERS = frozenset(
    {"media", "press", "reporters", "journalists", "newsmen", "correspondents", "audience"}
)
"""Who is spoken to, never who speaks ("while addressing the media said")."""

_CLAUSE_WORDS = frozenset(
    {"while", "when", "after", "before", "addressing", "speaking", "talking", "during", "told"}
)


# Words that address someone by surname ("Ms Bruce", "Secretary Rubio").
_HONORIFICS = TITLE_WORDS | {"miss"}


def resolve_names(speakers: Sequence[str | None]) -> list[str | None]:
    """Speakers in article order, each pronoun the last named speaker and each surname
    ("Bruce", "Ms Bruce", "Spokesperson Bruce") the full name named before ("Tammy Bruce")."""
    out: list[str | None] = []
    last: str | None = None
    full: dict[str, str] = {}
    for speaker in speakers:
        if speaker is None:
            out.append(None)
            continue
        if is_pronoun(speaker):
            out.append(last or speaker)
            continue
        words = speaker.split()
        if not all(w[:1].isupper() for w in words):  # "the US readout on …": not a name
            last = speaker
            out.append(speaker)
            continue
        if (
            len(words) >= 2
            and words[-1].casefold() not in _TITLE_WORDS
            and words[-2].rstrip(".").casefold() not in _HONORIFICS
        ):
            full.setdefault(words[-1].casefold(), " ".join(words[-2:]))
        bare = len(words) == 1 or (
            len(words) == 2 and words[0].rstrip(".").casefold() in _HONORIFICS
        )
        named = full.get(words[-1].casefold())
        if bare and named:
            speaker = named
        last = speaker
        out.append(speaker)
    return out


def speaker_head(phrase: str) -> str:
    """The head of a speaker phrase: "the US readout" of "the US readout on the Jaishankar
    conversation" (the readout speaks, not Jaishankar)."""
    return _HEAD_END.split(phrase, maxsplit=1)[0]


def is_pronoun(phrase: str) -> bool:
    return phrase.strip().casefold() in _PRONOUNS


def classify(phrase: str | None, voices: Voices) -> SpeakerKind:
    """Does this speaker phrase name a voice of the sources, someone else, or no one?

    Only the head of the phrase counts: "the US readout on the Jaishankar conversation"
    is the readout speaking, not Jaishankar.
    """
    if not phrase:
        return SpeakerKind.NONE
    head = speaker_head(phrase)
    tokens = canonicalise(tokenise(head), voices.cast.gazetteer)
    words = {strip_possessive(t.norm.casefold()) for t in tokens if t.is_word}
    entities = {entity_of(t) for t in tokens} - {None}
    named = head.strip().casefold() in voices.names or bool(words & voices.names)
    if PRINCIPAL in entities or named:
        return SpeakerKind.SOURCE
    if any(
        e.startswith("person:") or e in voices.foreign_countries for e in entities if e is not None
    ):
        return SpeakerKind.OTHER
    if words & _SOURCE_NOUNS:
        return SpeakerKind.SOURCE
    if any(
        t.is_word
        and t.text[:1].isupper()
        and entity_of(t) is None
        and t.norm.casefold() not in _FUNCTION_WORDS
        for t in tokens
    ):
        return SpeakerKind.OTHER
    return SpeakerKind.NONE


_HEAD_END = re.compile(
    r"\s+(?:on|of|between|with|from|about|for|in|after|to|at|by|shared|issued|released)\s+",
    re.I,
)
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "he", "she", "they", "it", "this", "that"}
)
