"""Who and where: countries, the principal who made the calls, and the counterparts.

Names are merged into one token with an entity key, so "U.S." and "United States"
match, and "Mr Rubio" and "the Secretary" align, while each keeps its printed form
and a tier (name, demonym, capital, title) that tells a spelling variant from a swap.
Nothing here knows any story: the cast is read from "X spoke with Y" in the articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Protocol

from rapidfuzz.distance import Levenshtein

from .dates import MONTHS, WEEKDAYS
from .lexicon import BETWEEN_SUBJECT_AND_VERB, CALL_NOUNS, strip_possessive
from .normalise import Token, tokenise
from .scanning import initials_of, starting_with

PRINCIPAL = "principal"

TITLE_WORDS = frozenset(
    [
        "secretary",
        "state",
        "minister",
        "prime",
        "president",
        "vice",
        "foreign",
        "external",
        "affairs",
        "defence",
        "defense",
        "chancellor",
        "premier",
        "king",
        "queen",
        "crown",
        "prince",
        "princess",
        "ambassador",
        "envoy",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "deputy",
        "under",
        "assistant",
        "general",
        "senator",
        "governor",
        "mayor",
        "pm",
        "fm",
        "eam",
        "dr",
        "dr.",
        "mr",
        "mr.",
        "ms",
        "ms.",
        "mrs",
        "mrs.",
        "sheikh",
        "emir",
        "sultan",
        "leader",
        "chairman",
        "chair",
        "commissioner",
        "high",
        "representative",
        "special",
        "national",
        "security",
        "adviser",
        "advisor",
        "home",
        "interior",
        "finance",
        "trade",
        "counterpart",
        "gen",
        "lt",
        "col",
        "admiral",
        "field",
        "marshal",
        "army",
        "chief",
        "staff",
        "director",
        "pope",
        "cardinal",
        "minister's",
        "secretary-general",
        "un",
        "top",
        "diplomat",
        "head",
        "acting",
        "federal",
        "union",
        "cabinet",
        "external-affairs",
        "crown-prince",
        "his",
        "her",
        "excellency",
        "majesty",
        "highness",
        "hon",
        "honourable",
        "honorable",
        "sir",
        "dame",
        "lord",
        "lady",
    ]
)
_CALL_VERBS = frozenset(
    [
        "spoke",
        "spoken",
        "speaks",
        "speak",
        "talked",
        "talks",
        "talk",
        "phoned",
        "called",
        "dialled",
        "dialed",
    ]
)
_SKIP_INSIDE = frozenset({"of", "the", "and"})


@dataclass(frozen=True, slots=True)
class Alias:
    entity: str  # "country:pk", "person:sharif", "principal"
    tier: str  # "name", "abbreviation", "demonym", "capital", "title"
    case_sensitive: bool


@dataclass
class Gazetteer:
    """Alias phrases (as tuples of token forms) to the entity they name."""

    phrases: dict[tuple[str, ...], Alias] = field(default_factory=dict)
    longest: int = 1
    lengths: dict[str, set[int]] = field(default_factory=dict)  # first word -> phrase lengths

    def add(self, phrase: str, alias: Alias) -> None:
        forms = tuple(_alias_form(t, alias.case_sensitive) for t in tokenise(phrase))
        if not forms or forms in self.phrases:
            return
        self.phrases[forms] = alias
        self.longest = max(self.longest, len(forms))
        self.lengths.setdefault(forms[0].casefold(), set()).add(len(forms))

    def copy(self) -> Gazetteer:
        return Gazetteer(
            dict(self.phrases), self.longest, {k: set(v) for k, v in self.lengths.items()}
        )


def _strip_possessive(norm: str) -> tuple[str, bool]:
    """`lexicon.strip_possessive`, and whether there was a possessive to strip."""
    owner = strip_possessive(norm)
    return owner, owner != norm


def _alias_form(token: Token, case_sensitive: bool) -> str:
    text = _strip_possessive(token.norm)[0]
    return text if case_sensitive else text.casefold()


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Each country entity's common name: "country:cn" -> "China"."""
    data = resources.files("readout_diff").joinpath("data/countries.tsv").read_text("utf-8")
    return {
        f"country:{row.split(chr(9))[0]}": row.split(chr(9))[1].split("|")[0]
        for row in data.splitlines()[1:]
    }


@lru_cache(maxsize=1)
def country_gazetteer() -> Gazetteer:
    """Every country's names, abbreviations, demonyms and capitals."""
    gaz = Gazetteer()
    data = resources.files("readout_diff").joinpath("data/countries.tsv").read_text("utf-8")
    for line in data.splitlines()[1:]:
        code, names, demonyms, capitals = line.split("\t")
        entity = f"country:{code}"
        for name in names.split("|"):
            tier = "abbreviation" if name.replace(".", "").isupper() else "name"
            gaz.add(name, Alias(entity, tier, True))
        for demonym in demonyms.split("|"):
            gaz.add(demonym, Alias(entity, "demonym", True))
        for capital in capitals.split("|"):
            gaz.add(capital, Alias(entity, "capital", True))
    return gaz


def canonicalise(tokens: Sequence[Token], gazetteer: Gazetteer) -> list[Token]:
    """Merge alias phrases into single entity tokens (longest match first). A middle
    initial ("Antony J. Blinken") is read as part of the name it stands in."""
    initials = _middle_initials(tokens)
    kept = [k for k in range(len(tokens)) if k not in initials]
    view = [tokens[k] for k in kept]
    out: list[Token] = []
    i = done = 0  # the place in `view`; original tokens emitted so far
    while i < len(view):
        # most words start no alias: one look-up of their folded form tells
        starts = gazetteer.lengths.get(_folded_form(view[i].norm))
        match = _match_at(view, i, gazetteer) if starts else None
        if match is None:
            i += 1
            continue
        length, alias = match
        first, last = kept[i], kept[i + length - 1]
        out.extend(tokens[done:first])
        parts = tokens[first : last + 1]
        _, possessive = _strip_possessive(parts[-1].norm)
        out.append(
            Token(
                parts[0].start,
                parts[-1].end,
                _spoken([p.text for p in parts]),
                _spoken([p.norm for p in parts]),
                entity_key(alias.entity) + ("'s" if possessive else ""),
                True,
                alias.tier,
            )
        )
        done = last + 1
        i += length
    out.extend(tokens[done:])
    return out


@lru_cache(maxsize=1 << 16)
def _folded_form(norm: str) -> str:
    """A word's case-folded alias form (`_alias_form`), kept: the same words recur."""
    return _strip_possessive(norm)[0].casefold()


def _middle_initials(tokens: Sequence[Token]) -> set[int]:
    """The tokens of "J." between two capitalised names ("Antony J. Blinken")."""
    out: set[int] = set()
    for k in range(1, len(tokens) - 2):
        letter, dot, before, after = tokens[k], tokens[k + 1], tokens[k - 1], tokens[k + 2]
        if (
            letter.is_word
            and len(letter.norm) == 1
            and letter.norm.isupper()
            and dot.norm == "."
            and all(t.is_word and len(t.norm) > 1 and t.norm[0].isupper() for t in (before, after))
        ):
            out.update((k, k + 1))
    return out


def _spoken(words: Sequence[str]) -> str:
    """Words of a name as printed: an initial's full stop stays on it."""
    return " ".join(words).replace(" . ", ". ")


def _match_at(tokens: Sequence[Token], i: int, gaz: Gazetteer) -> tuple[int, Alias] | None:
    lengths = gaz.lengths.get(_alias_form(tokens[i], False))
    if not lengths:
        return None
    for length in sorted(lengths, reverse=True):
        if i + length > len(tokens):
            continue
        window = tokens[i : i + length]
        if any(_strip_possessive(t.norm)[1] for t in window[:-1]):
            continue
        exact = tuple(_alias_form(t, True) for t in window)
        alias = gaz.phrases.get(exact)
        if alias is None and all(t.norm.isupper() for t in window if t.is_word):
            alias = _title_case_lookup(window, gaz)
        if alias is None:
            folded = tuple(f.casefold() for f in exact)
            candidate = gaz.phrases.get(folded)
            if candidate is not None and not candidate.case_sensitive:
                alias = candidate
        if alias is not None:
            return length, alias
    return None


def _title_case_lookup(window: Sequence[Token], gaz: Gazetteer) -> Alias | None:
    """ALL-CAPS datelines ("NEW DELHI:") still name their country."""
    forms = tuple(_alias_form(t, True) for t in window)
    titled = tuple(f.title() for f in forms)
    alias = gaz.phrases.get(titled)
    return alias if alias is not None and alias.case_sensitive else None


@dataclass(frozen=True, slots=True)
class Person:
    """A counterpart (or the principal) as the articles name them."""

    id: str  # "person:<surname>" or "principal"
    label: str  # fullest name seen
    country: str | None  # "country:xx"
    aliases: tuple[str, ...]
    titles: tuple[str, ...]
    mentions: int = 1  # how often the articles name them as a party to a call


@dataclass(frozen=True, slots=True)
class Cast:
    """The principal and the counterparts of the calls found in a set of documents."""

    principal: Person | None
    counterparts: tuple[Person, ...]
    gazetteer: Gazetteer
    office: tuple[Person, ...] = ()  # other callers who hold the principal's office
    third_parties: tuple[Person, ...] = ()  # other callers, who speak for themselves
    elsewhere: tuple[Person, ...] = ()  # people only third parties phoned

    @property
    def callers(self) -> tuple[Person, ...]:
        """Everyone who made calls, the principal first."""
        return ((self.principal,) if self.principal else ()) + self.office + self.third_parties

    def country_of(self, entity: str) -> str | None:
        if entity.startswith("country:"):
            return entity
        for person in self.counterparts:
            if person.id == entity:
                return person.country
        return None

    def counterpart(self, person_id: str) -> Person | None:
        return next((p for p in self.counterparts if p.id == person_id), None)


@dataclass
class _Mention:
    name: list[str]
    titles: list[str]
    country: str | None
    full: str


# Capitalised, but a day: "Rubio on Sunday held calls with ...", "On July 26, Trump said"
# ("May" aside: it is a name as often as a month).
_NOT_NAMES = frozenset(WEEKDAYS) | (frozenset(MONTHS) - {"may"})
# A mention ending in one of these names a body or a place, not a person: "Director of
# the Office of the Central Foreign Affairs Commission and Foreign Minister Wang Yi", "in
# the Coral Sea in his first formal call with ...".
_BODIES = frozenset(
    "commission committee bureau office ministry council party department agency "
    "administration government assembly parliament secretariat "
    "sea ocean strait gulf bay river lake island islands peninsula canal".split()
)


def _is_name_word(token: Token) -> bool:
    return (
        token.is_word
        and (token.text[:1].isupper() or token.tier != "")
        and not token.text.startswith("@")
        and token.norm.casefold() not in _NOT_NAMES
    )


def _is_initial(token: Token) -> bool:
    """ "S" of "S. Jaishankar", "JD" of "J.D.": not "Yi" ending a sentence."""
    return len(token.norm) == 1 or (len(token.norm) == 2 and token.norm.isupper())


def _name_follows(tokens: Sequence[Token], j: int) -> bool:
    """A name or title comes next, over "of the": "Director of the Office of ..."."""
    while j < len(tokens) and tokens[j].norm.casefold() in ("of", "the"):
        j += 1
    return j < len(tokens) and (
        bool(tokens[j].tier) or _is_name_word(tokens[j]) or tokens[j].norm.casefold() in TITLE_WORDS
    )


def _mention_after(tokens: Sequence[Token], i: int) -> list[_Mention]:
    """Parse "Pakistan PM Shehbaz Sharif and India's foreign minister S Jaishankar"."""
    mentions: list[_Mention] = []
    current: list[Token] = []
    j = i
    while j < len(tokens) and j - i < 40:  # long titles: "Member of the Political Bureau ..."
        tok = tokens[j]
        low = tok.norm.casefold()
        if tok.tier or low in TITLE_WORDS or _is_name_word(tok):
            current.append(tok)
        elif tok.norm == "(" and current and (close := _abbreviation_end(tokens, j)):
            j = close  # "the Communist Party of China (CPC) Central Committee"
        elif low in _SKIP_INSIDE and current and _name_follows(tokens, j + 1):
            if low == "and":
                mentions.extend(_finish(current))
                current = []
            else:
                current.append(tok)
        elif tok.norm == "." and current and _is_initial(current[-1]):
            pass  # an initial: "S. Jaishankar"
        elif (
            tok.norm == ","
            and current
            and (low_last := current[-1].norm.casefold()) in TITLE_WORDS | _BODIES
            and j + 1 < len(tokens)
            and _is_name_word(tokens[j + 1])
            and (low_last in TITLE_WORDS or tokens[j + 1].norm.casefold() in TITLE_WORDS)
        ):
            pass  # "Brazil's Minister of Foreign Affairs, Ricardo Almeida", "... Commission,
            # Foreign Minister Wang Yi"
        else:
            break
        j += 1
    mentions.extend(_finish(current))
    return mentions


def _abbreviation_end(tokens: Sequence[Token], j: int) -> int | None:
    """The ")" of a short abbreviation in brackets inside a title: "(CPC)", "(MFA)"."""
    if (
        j + 2 < len(tokens)
        and tokens[j + 2].norm == ")"
        and tokens[j + 1].is_word
        and tokens[j + 1].norm.isupper()
    ):
        return j + 2
    return None


# Words that open an apposition after a name: "Wang Yi, who is also ...", "X, the
# country's top diplomat, ...", "X, also a member of ..." (or any possessive: "X, Y's ...").
_APPOSITION = frozenset(["who", "also", "the", "a", "an", "his", "her", "its"])


def _before_apposition(tokens: Sequence[Token], j: int) -> int:
    """Where the subject ends when an apposition stands between it and its verb:
    "Wang Yi, who is also director of ..., spoke with" -> the index of "Yi"."""
    if j < 1 or tokens[j].norm != ",":
        return j
    for k in range(j - 1, max(j - 40, 0), -1):
        if tokens[k].norm in ".;:":
            break
        if tokens[k].norm == "," and k + 1 < j:
            nxt = tokens[k + 1]
            low = nxt.norm.casefold()
            if (
                (low in _APPOSITION or low.endswith("'s") or entity_of(nxt) is not None)
                and k > 0
                and _is_name_word(tokens[k - 1])
            ):
                return k - 1
            break
    return j


def _mention_before(tokens: Sequence[Token], i: int) -> list[_Mention]:
    """Parse the subject that ends just before token i: "US Secretary of State Marco Rubio"."""
    j = i - 1
    while j >= 0 and tokens[j].norm.casefold() in BETWEEN_SUBJECT_AND_VERB:
        j -= 1
    j = _before_apposition(tokens, j)
    while j >= 0 and tokens[j].norm.casefold() in BETWEEN_SUBJECT_AND_VERB:
        j -= 1
    start = j
    while start >= 0 and start > j - 11:
        tok = tokens[start]
        low = tok.norm.casefold()
        if (
            tok.tier
            or low in TITLE_WORDS
            or _is_name_word(tok)
            or (low in ("of", "the") and start > 0)
        ):
            start -= 1
            continue
        break
    return _finish(list(tokens[start + 1 : j + 1]))


def _is_given_name(token: Token) -> bool:
    return (
        token.is_word
        and not token.tier
        and token.text[:1].isupper()
        and token.norm.casefold() not in TITLE_WORDS
    )


def _plain(token: Token) -> Token:
    """The same words as an ordinary token, not a place."""
    return Token(
        token.start, token.end, token.text, token.norm, token.norm.casefold(), token.is_word
    )


# Capitalised at the start of a sentence, but no part of a name: "When Dubois spoke ...".
_LEADING_WORDS = frozenset(
    "when after as while before since once today yesterday on in but and meanwhile also "
    "later earlier then there here this that".split()
)


def _finish(tokens: list[Token]) -> list[_Mention]:
    while tokens and tokens[0].norm.casefold() in _SKIP_INSIDE:
        tokens = tokens[1:]
    while tokens and tokens[0].norm.casefold() in _LEADING_WORDS and not tokens[0].tier:
        tokens = tokens[1:]
    if not tokens:
        return []
    # A place name right after a given name is a surname: "Ana Lima", "Michael Jordan".
    tokens = [
        _plain(t) if t.tier and i and _is_given_name(tokens[i - 1]) else t
        for i, t in enumerate(tokens)
    ]
    country = next((e for e in map(entity_of, tokens) if e and e.startswith("country:")), None)
    # "Foreign Minister Tomas Eriksen of Norway": the country after the name is not the name
    while len(tokens) > 1 and (tokens[-1].tier or tokens[-1].norm.casefold() in _SKIP_INSIDE):
        tokens = tokens[:-1]
    name: list[str] = []
    for tok in reversed(tokens):
        low = tok.norm.casefold()
        if tok.tier or low in TITLE_WORDS or low in _SKIP_INSIDE:
            break
        name.insert(0, _strip_possessive(tok.norm)[0])
    body = [t for t in tokens if not (entity_of(t) or "").startswith("country:")]
    name = [n for n in name if n not in {"."}]
    if not name or not any(len(n) > 2 for n in name) or name[-1].casefold() in _BODIES:
        return []
    title_tokens = body[: len(body) - len(name)]
    while title_tokens and title_tokens[0].norm.casefold() in _SKIP_INSIDE:
        title_tokens = title_tokens[1:]
    titles = [" ".join(t.norm for t in title_tokens)] if title_tokens else []
    full = " ".join(t.norm for t in body)
    return [_Mention(name, titles, country, full)]


def _entity_key(name: Sequence[str]) -> str:
    return "person:" + name[-1].casefold()


def surname_key(name: str) -> str:
    """The "person:<surname>" key of a name as written ("Wang Yi" -> "person:yi")."""
    return _entity_key(name.split())


_BETWEEN_CALL_AND_PARTNER = frozenset(
    [
        "late",
        "early",
        "this",
        "morning",
        "evening",
        "night",
        "overnight",
        "week",
        "by",
        "phone",
        "telephone",
        "video",
        "separately",
        "separate",
        "on",
        "a",
        "the",
        "back-to-back",
        "also",
        "today",
        "earlier",
        "later",
        "again",
        "briefly",
    ]
)
_HOLD_VERBS = frozenset(["held", "holds", "hold", "had", "has", "made", "making", "holding"])


def _partner_link(tokens: Sequence[Token], i: int) -> int | None:
    """Index of the "with"/"to" that follows a call word, over "by phone", "on Monday"."""
    for j in range(i + 1, min(i + 5, len(tokens))):
        low = tokens[j].norm.casefold()
        if low in ("with", "to"):
            return j
        if low not in _BETWEEN_CALL_AND_PARTNER and not low.endswith("day"):
            return None
    return None


def _title_before(tokens: Sequence[Token], i: int) -> str | None:
    """ "The Foreign Secretary spoke to ...": a subject that is a title and no name."""
    j = i - 1
    while j >= 0 and tokens[j].norm.casefold() in {"has", "had", "also", "today"}:
        j -= 1
    words: list[str] = []
    while j >= 0 and (
        tokens[j].norm.casefold() in TITLE_WORDS or (words and tokens[j].norm.casefold() == "of")
    ):
        words.insert(0, tokens[j].norm)
        j -= 1
    if not words or words[0].casefold() == "of" or all(w.casefold() in _HONORIFICS for w in words):
        return None
    return " ".join(words)


# Words that never make a title on their own ("Mr spoke to" has no title). Not the
# `speakers` honorifics, which are every word that may stand before a surname ("Secretary").
_HONORIFICS = frozenset(["mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "his", "her"])


# What a readout says its caller did: a person named right before one of these is the
# subject of a readout sentence ("Blinken urged ...").
_READOUT_VERBS = frozenset(
    "urged stressed emphasized emphasised reaffirmed expressed discussed welcomed condemned "
    "encouraged underscored reiterated conveyed highlighted thanked pressed noted".split()
)


# A line that holds none of these words names no call and no readout subject.
_MAY_NAME_A_CALL = starting_with(
    initials_of(_CALL_VERBS | CALL_NOUNS | _READOUT_VERBS),
    r"(?:" + "|".join(sorted(_CALL_VERBS | CALL_NOUNS | _READOUT_VERBS)) + r")\b",
    re.I,
    word=True,
)


@dataclass
class _Announcement:
    """One "X spoke with Y" phrase: the subject side, the partners, and how much it counts."""

    callers: list[_Mention]
    partners: list[_Mention]
    title: str | None  # a subject known only by title: "The Foreign Secretary spoke to"
    weight: int


def _announcements(tokens: Sequence[Token], weight: int) -> list[_Announcement]:
    """Every call phrase of one line, read as written (subject first)."""
    out = []
    for i, tok in enumerate(tokens):
        low = tok.norm.casefold()
        if low not in _CALL_VERBS and low not in CALL_NOUNS:
            continue
        link = _partner_link(tokens, i)
        if link is None:
            continue
        at: int | None = None
        head = _call_phrase_start(tokens, i)  # "Rubio's separate phone calls": "calls" -> "'s"
        if low in _CALL_VERBS:
            at = i
        elif head > 0 and tokens[head - 1].norm.endswith("'s"):
            at = head  # the mention ends with the possessive: "Marco Rubio's call with"
        elif head > 0 and tokens[head - 1].norm.casefold() in ("in", "during"):
            at = _before_aside(tokens, head - 1)  # "Rubio, on May 8, in separate calls with"
        else:
            at = next(
                (
                    k
                    for k in range(i - 1, max(i - 5, -1), -1)
                    if tokens[k].norm.casefold() in _HOLD_VERBS
                ),
                None,
            )
        callers = _mention_before(tokens, at) if at is not None else _possessor(tokens, i)
        title = _title_before(tokens, at) if at is not None and not callers else None
        out.append(_Announcement(callers, _mention_after(tokens, link + 1), title, weight))
    return out


_CALL_WORDS_BEFORE = frozenset(
    "phone telephone separate two both video back-to-back brief first a an the".split()
)


def _call_phrase_start(tokens: Sequence[Token], i: int) -> int:
    """Where a call noun's phrase starts: "separate phone calls" starts at "separate"."""
    while i > 0 and tokens[i - 1].norm.casefold() in _CALL_WORDS_BEFORE:
        i -= 1
    return i


def _before_aside(tokens: Sequence[Token], i: int) -> int | None:
    """ "Rubio, on May 8, in a call with ...": the subject is before the aside and the
    commas, so a mention is looked for there; None when there is none."""
    j = i
    while j > 0 and (
        tokens[j - 1].norm in (",", "on")
        or tokens[j - 1].norm.isdigit()
        or tokens[j - 1].norm.casefold() in _NOT_NAMES
        or tokens[j - 1].norm.casefold() in {"may", "today", "yesterday", "late", "early"}
    ):
        j -= 1
    return j if j < i and _mention_before(tokens, j) else None


def _possessor(tokens: Sequence[Token], i: int) -> list[_Mention]:
    """ "Trump said after his phone calls with X": "his" is the nearest person before it."""
    before = [t.norm.casefold() for t in tokens[max(0, i - 3) : i]]
    if not {"his", "her", "their"} & set(before):
        return []
    j = i - 1
    while j >= 0:
        if _is_name_word(tokens[j]):
            if found := _mention_before(tokens, j + 1):
                return found[:1]
            while j >= 0 and _is_name_word(tokens[j]):  # "Coral Sea": not "Coral" either
                j -= 1
        j -= 1
    return []


def _readout_subjects(line: str, tokens: Sequence[Token]) -> Counter[str]:
    """Who is the subject of a readout verb in one line: a person, or a title alone
    ("The Secretary urged ...") as "title:<word>". Inside a quotation it counts double:
    a quoted readout speaks of its own caller."""
    found: Counter[str] = Counter()
    for i, tok in enumerate(tokens):
        if tok.norm.casefold() not in _READOUT_VERBS:
            continue
        weight = 2 if _inside_quotation(line, tok.start) else 1
        people = _mention_before(tokens, i)
        for m in people:
            found[_entity_key(m.name)] += weight
        title = None if people else _title_before(tokens, i)
        if title:
            found[f"title:{title.split()[-1].casefold()}"] += weight
    return found


def _inside_quotation(line: str, at: int) -> bool:
    before = line[:at]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


@dataclass
class _Tally:
    """Votes for who made calls and who received them, read from every text."""

    mentions: defaultdict[str, list[_Mention]] = field(default_factory=lambda: defaultdict(list))
    calling: Counter[str] = field(default_factory=Counter)
    called: Counter[str] = field(default_factory=Counter)
    subject: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)
    callers_of: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def prominence(self, key: str) -> float:
        """How much the texts treat `key` as a caller: calls made, calls received, and
        readout sentences about them, by name or by one of their titles."""
        titles = {w.casefold() for m in self.mentions[key] for t in m.titles for w in t.split()}
        by_title = sum(self.subject[f"title:{w}"] for w in titles)
        return self.calling[key] - self.called[key] + 0.5 * (self.subject[key] + by_title)

    def count(
        self, found: _Announcement, caller_side: list[_Mention], partners: list[_Mention]
    ) -> None:
        for m in caller_side:
            self.calling[_entity_key(m.name)] += found.weight
            self.mentions[_entity_key(m.name)].append(m)
        if not caller_side and found.title:
            self.titles[found.title] += found.weight
        for m in partners:
            self.called[_entity_key(m.name)] += found.weight
            self.mentions[_entity_key(m.name)].append(m)
            self.callers_of[_entity_key(m.name)].update(_entity_key(c.name) for c in caller_side)


def _settle(found: list[_Announcement], subjects: Counter[str]) -> _Tally:
    """Count callers and partners, reading "Y held a call with X" as X's call when the texts
    otherwise show X as the one who phones many and Y as the one phoned."""
    partners_of: defaultdict[str, set[str]] = defaultdict(set)
    callers_of: defaultdict[str, set[str]] = defaultdict(set)
    titles: defaultdict[str, set[str]] = defaultdict(set)
    for a in found:
        for m in a.callers + a.partners:
            titles[_entity_key(m.name)].update(w.casefold() for t in m.titles for w in t.split())
        for caller in a.callers:
            for partner in a.partners:
                partners_of[_entity_key(caller.name)].add(_entity_key(partner.name))
                callers_of[_entity_key(partner.name)].add(_entity_key(caller.name))

    def hub(key: str) -> float:
        """Phones many, is phoned by few, and is what readout sentences are about."""
        about = subjects[key] + sum(subjects[f"title:{w}"] for w in titles[key])
        return len(partners_of[key]) - len(callers_of[key]) + 0.5 * about

    tally = _Tally(subject=subjects)
    for a in found:
        one_each = len(a.callers) == 1 and len(a.partners) == 1
        if one_each and hub(_entity_key(a.partners[0].name)) > hub(_entity_key(a.callers[0].name)):
            tally.count(a, a.partners, a.callers)
            continue
        tally.count(a, a.callers, a.partners)
    return tally


def _merge_partial_names(tally: _Tally) -> _Tally:
    """ "Wang" and "Wang Yi", "Prak" and "Prak Sokhonn": a one-word name that is a word of
    one fuller name is that person (family names first are common)."""
    full: defaultdict[str, set[str]] = defaultdict(set)
    for key, seen in tally.mentions.items():
        for m in seen:
            if len(m.name) > 1:
                for word in m.name[:-1]:
                    full[word.casefold()].add(key)
    for key in list(tally.mentions):
        words = {" ".join(m.name).casefold() for m in tally.mentions[key]}
        targets = full.get(next(iter(words)), set()) - {key} if len(words) == 1 else set()
        if len(targets) != 1:
            continue
        (target,) = targets
        tally.mentions[target].extend(tally.mentions.pop(key))
        for votes in (tally.calling, tally.called, tally.subject):
            votes[target] += votes.pop(key, 0)
        tally.callers_of[target] |= tally.callers_of.pop(key, set())
    return tally


def _merge_spellings(tally: _Tally) -> _Tally:
    """ "Pashinian" and "Pashinyan": two transliterations of one long surname (one letter
    apart) are one person, known by the spelling the texts use most."""
    keys = sorted(tally.mentions, key=lambda k: (-len(tally.mentions[k]), k))
    for i, key in enumerate(keys):
        if key not in tally.mentions:
            continue
        for other in keys[i + 1 :]:
            if other not in tally.mentions or not _same_surname(key, other):
                continue
            tally.mentions[key].extend(tally.mentions.pop(other))
            for votes in (tally.calling, tally.called, tally.subject):
                votes[key] += votes.pop(other, 0)
            tally.callers_of[key] |= tally.callers_of.pop(other, set())
    return tally


def _same_surname(a: str, b: str) -> bool:
    a, b = a.removeprefix("person:"), b.removeprefix("person:")
    if min(len(a), len(b)) < 6 or a[:2] != b[:2]:
        return False
    return Levenshtein.distance(a, b) <= 1


def detect_cast(
    texts: Iterable[str], principal_hint: Sequence[str] = (), official: Iterable[str] = ()
) -> Cast:
    """Read "X spoke with Y", "X held calls with Y", "X's call with Y", "in a call with Y"
    in every text, in both directions. The principal is the caller the texts treat most as
    one (official texts count most); other callers who hold the principal's office (a
    Secretary of State of another year) speak for the same side, and the rest are third
    parties who made calls of their own. A principal named only by title ("The Foreign
    Secretary spoke to ...") is known by that title."""
    gaz = country_gazetteer()
    found: list[_Announcement] = []
    subjects: Counter[str] = Counter()
    weighted = [(text, 1) for text in texts] + [(text, 20) for text in official]
    for text, weight in weighted:
        reading = _read_calls(text)
        found.extend(replace(a, weight=weight) for a in reading.announcements)
        subjects.update(reading.subjects)
    tally = _merge_spellings(_merge_partial_names(_settle(found, subjects)))
    for hint in principal_hint:
        tally.calling[surname_key(hint)] += 100
    principal_key = _principal_key(tally)
    callers = {k for k, v in tally.calling.items() if v > tally.called[k] and k != principal_key}
    people, others = [], []
    principal = None
    for key in sorted(set(tally.called) | set(tally.calling)):
        if key != principal_key and key not in callers and not tally.called[key]:
            continue
        person = _person(key, tally.mentions[key], PRINCIPAL if key == principal_key else key)
        if key == principal_key:
            titles = tuple(sorted(set(person.titles) | set(tally.titles)))
            principal = replace(person, titles=titles)
        elif key in callers:
            others.append(person)
        else:
            people.append(person)
    if principal is None and tally.titles:
        title = max(tally.titles.items(), key=lambda kv: (kv[1], kv[0]))[0]
        principal = Person(
            PRINCIPAL, title, None, (), tuple(sorted(tally.titles)), int(sum(tally.titles.values()))
        )
    office = tuple(p for p in others if principal and _same_office(p, principal))
    third = tuple(p for p in others if p not in office)
    # people only third parties phoned are in calls of their own, not the principal's
    theirs = {surname_key(p.label) for p in third}
    elsewhere = tuple(
        p for p in people if tally.callers_of[p.id] and tally.callers_of[p.id] <= theirs
    )
    people = [p for p in people if p not in elsewhere]
    gazetteer = _cast_gazetteer(gaz, principal, people, office, third + elsewhere)
    return Cast(principal, tuple(people), gazetteer, office, third, elsewhere)


def _principal_key(tally: _Tally) -> str | None:
    """The caller the texts treat most as one: as caller, by title, and not called by others."""
    if not tally.calling:
        return None

    def score(key: str) -> tuple[float, str]:
        """Prominence, and the calls announced by a title of theirs ("The Secretary spoke
        with ..." counts for "Secretary of State Rubio")."""
        words = {w.casefold() for m in tally.mentions[key] for t in m.titles for w in t.split()}
        by_title = sum(
            votes
            for title, votes in tally.titles.items()
            if {w.casefold() for w in title.split()} - {"the"} <= words
        )
        return (tally.prominence(key) + by_title, key)

    best = max(tally.calling, key=score)
    # "The Secretary spoke with X" a hundred times outweighs a name one outlet's slip made
    # a caller: the principal is then known by that title alone
    by_title = max(tally.titles.values(), default=0)
    return None if by_title > score(best)[0] else best


def _office_words(titles: Iterable[str]) -> set[str]:
    return {
        w.casefold()
        for title in titles
        for w in title.split()
        if w.casefold() not in _HONORIFICS and w.casefold() not in _SKIP_INSIDE
    }


def _same_office(person: Person, principal: Person) -> bool:
    """Two callers of one office: a title of one is a title of the other."""
    mine = {" ".join(sorted(_office_words([t]))) for t in person.titles}
    theirs = {" ".join(sorted(_office_words([t]))) for t in principal.titles}
    return bool(mine & theirs - {""})


def _person(key: str, seen: list[_Mention], entity_id: str) -> Person:
    names = Counter(" ".join(m.name) for m in seen)
    label = max(names, key=lambda n: (len(n.split()), names[n], n)) if names else key
    countries = Counter(m.country for m in seen if m.country)
    country = countries.most_common(1)[0][0] if countries else None
    aliases = set(names)
    titles = Counter(" ".join(m.titles) for m in seen if m.titles)
    for m in seen:
        if m.titles:
            aliases.add(m.full)
    return Person(
        entity_id, label, country, tuple(sorted(aliases)), tuple(sorted(titles)), len(seen)
    )


def _cast_gazetteer(
    base: Gazetteer,
    principal: Person | None,
    people: Sequence[Person],
    office: Sequence[Person] = (),
    third: Sequence[Person] = (),
) -> Gazetteer:
    """Names of everyone in the cast. Callers of the principal's office share its entity, so
    "Secretary Blinken" and "the Secretary" align; a third party keeps a name of its own."""
    gaz = base.copy()
    for person in ([principal] if principal else []) + list(people):
        _add_names(gaz, person, person.id)
    for person in office:
        _add_names(gaz, person, PRINCIPAL)
    for person in third:
        _add_names(gaz, person, surname_key(person.label))
    if principal is None:
        return gaz
    named = bool(principal.aliases)  # a principal known only by title has no name forms
    surname = principal.label.split()[-1]
    for title in principal.titles:
        words = [w for w in title.split() if w.casefold() not in _HONORIFICS]
        if not words:
            continue
        head = " ".join(words)
        gaz.add(f"the {head}", Alias(principal.id, "title", False))
        gaz.add(head, Alias(principal.id, "title", False))
        if named:
            for form in (f"{head} {surname}", f"{head} {principal.label}"):
                gaz.add(form, Alias(principal.id, "person", False))
        if "of" in words[1:]:  # "Secretary of State" is also "the Secretary"
            noun = " ".join(words[: words.index("of")])
            gaz.add(f"the {noun}", Alias(principal.id, "title", False))
            gaz.add(noun, Alias(principal.id, "title", False))
    return gaz


def _add_names(gaz: Gazetteer, person: Person, entity: str) -> None:
    if not person.aliases:  # a principal known only by title has no name forms
        return
    surname = person.label.split()[-1]
    forms = set(person.aliases) | {surname, person.label}
    for honorific in ("Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr."):
        forms.add(f"{honorific} {surname}")
    for form in sorted(forms, key=len, reverse=True):
        if len(form) > 2:
            gaz.add(form, Alias(entity, "person", False))


ENTITY_OPEN, ENTITY_CLOSE = "\x01", "\x02"  # cannot occur in normalised text


def entity_key(entity: str) -> str:
    """The match key of a merged entity token."""
    return f"{ENTITY_OPEN}{entity}{ENTITY_CLOSE}"


def entity_of(token: Token) -> str | None:
    """The entity id a canonical token names, if any."""
    key = token.key
    return key[1 : key.index(ENTITY_CLOSE)] if key.startswith(ENTITY_OPEN) else None


def mentioned(tokens: Iterable[Token]) -> list[str]:
    """Entity ids named by canonical tokens, in order of mention."""
    return [e for e in (entity_of(t) for t in tokens) if e is not None]


class NamedCounterpart(Protocol):
    """What a user's readout definition tells about its counterpart."""

    @property
    def counterpart(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def country(self) -> str | None: ...


def extend_cast(cast: Cast, specs: Sequence[NamedCounterpart]) -> Cast:
    """Add the counterparts a user named in a readouts file."""
    people = {p.id: p for p in cast.counterparts}
    countries = country_gazetteer()
    for spec in specs:
        name = spec.counterpart
        aliases = spec.aliases
        key = surname_key(name)
        country = None
        for phrase in (spec.country, *aliases):
            if not phrase:
                continue
            tokens = canonicalise(tokenise(str(phrase)), countries)
            if len(tokens) == 1 and (entity_of(tokens[0]) or "").startswith("country:"):
                country = entity_of(tokens[0])
                break
        known = people.get(key)
        merged = set(aliases) | {name} | (set(known.aliases) if known else set())
        people[key] = Person(
            key,
            name,
            country or (known.country if known else None),
            tuple(sorted(a for a in merged if a)),
            known.titles if known else (),
            (known.mentions if known else 0) + 100,
        )
    ordered = [people[k] for k in sorted(people)]
    gazetteer = _cast_gazetteer(countries, cast.principal, ordered, cast.office, cast.third_parties)
    return Cast(cast.principal, tuple(ordered), gazetteer, cast.office, cast.third_parties)


def person_key(person: Person) -> str:
    """The "person:<surname>" key a person's name gives, whatever entity they stand for."""
    return surname_key(person.label)


@dataclass(frozen=True, slots=True)
class _CallReading:
    """What one text says about calls: its call phrases as written (at weight 1), and
    who is the subject of its readout verbs."""

    announcements: tuple[_Announcement, ...]
    subjects: Counter[str]


@lru_cache(maxsize=1024)
def _read_calls(text: str) -> _CallReading:
    """Every line of a text that may name a call, tokenised once: the cast and each
    readout's caller (`announced_calls`) read the same phrases."""
    found: list[_Announcement] = []
    subjects: Counter[str] = Counter()
    for line in text.splitlines():
        if not _MAY_NAME_A_CALL.search(line):
            continue  # tokenising every line of a long page is most of the cost
        tokens = _country_tokens(line)
        found.extend(_announcements(tokens, 1))
        subjects.update(_readout_subjects(line, tokens))
    return _CallReading(tuple(found), subjects)


@lru_cache(maxsize=8192)
def _country_tokens(line: str) -> tuple[Token, ...]:
    """One line's tokens with countries merged, kept: wire copies share their lines."""
    return tuple(canonicalise(tokenise(line), country_gazetteer()))


def announced_calls(text: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The (callers, partners) of each call phrase in a text, as written, as person keys;
    a subject known only by title ("The Secretary spoke with X") is the principal."""
    out = []
    for found in _read_calls(text).announcements:
        callers = tuple(_entity_key(m.name) for m in found.callers)
        if not callers and found.title:
            callers = (PRINCIPAL,)
        out.append((callers, tuple(_entity_key(m.name) for m in found.partners)))
    return out
