"""Who and where: countries, the principal who made the calls, and the counterparts.

Names are merged into one token with an entity key, so "U.S." and "United States"
match, and "Mr Rubio" and "the Secretary" align, while each keeps its printed form
and a tier (name, demonym, capital, title) that tells a spelling variant from a swap.
Nothing here knows any story: the cast is read from "X spoke with Y" in the articles.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Protocol

from .normalise import Token, tokenise

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
_CALL_NOUNS = frozenset(
    ["call", "calls", "conversation", "conversations", "talks", "meeting", "phone-call"]
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
    if norm.endswith("'s") and len(norm) > 2:
        return norm[:-2], True
    if norm.endswith("s'"):
        return norm[:-1], True
    return norm, False


def _alias_form(token: Token, case_sensitive: bool) -> str:
    text = _strip_possessive(token.norm)[0]
    return text if case_sensitive else text.casefold()


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
    """Merge alias phrases into single entity tokens (longest match first)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        match = _match_at(tokens, i, gazetteer)
        if match is None:
            out.append(tokens[i])
            i += 1
            continue
        length, alias = match
        parts = tokens[i : i + length]
        _, possessive = _strip_possessive(parts[-1].norm)
        out.append(
            Token(
                parts[0].start,
                parts[-1].end,
                " ".join(p.text for p in parts),
                " ".join(p.norm for p in parts),
                entity_key(alias.entity) + ("'s" if possessive else ""),
                True,
                alias.tier,
            )
        )
        i += length
    return out


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


def _is_name_word(token: Token) -> bool:
    return (
        token.is_word
        and (token.text[:1].isupper() or token.tier != "")
        and not token.text.startswith("@")
    )


def _mention_after(tokens: Sequence[Token], i: int) -> list[_Mention]:
    """Parse "Pakistan PM Shehbaz Sharif and India's foreign minister S Jaishankar"."""
    mentions: list[_Mention] = []
    current: list[Token] = []
    j = i
    while j < len(tokens) and j - i < 16:
        tok = tokens[j]
        low = tok.norm.casefold()
        if tok.tier or low in TITLE_WORDS or _is_name_word(tok):
            current.append(tok)
        elif (
            low in _SKIP_INSIDE
            and current
            and j + 1 < len(tokens)
            and (
                tokens[j + 1].tier
                or _is_name_word(tokens[j + 1])
                or tokens[j + 1].norm.casefold() in TITLE_WORDS
            )
        ):
            if low == "and":
                mentions.extend(_finish(current))
                current = []
            else:
                current.append(tok)
        elif tok.norm == "." and current and len(current[-1].norm) <= 2:
            pass  # an initial: "S. Jaishankar"
        elif (
            tok.norm == ","
            and current
            and current[-1].norm.casefold() in TITLE_WORDS
            and j + 1 < len(tokens)
            and _is_name_word(tokens[j + 1])
        ):
            pass  # "Brazil's Minister of Foreign Affairs, Ricardo Almeida"
        else:
            break
        j += 1
    mentions.extend(_finish(current))
    return mentions


def _mention_before(tokens: Sequence[Token], i: int) -> list[_Mention]:
    """Parse the subject that ends just before token i: "US Secretary of State Marco Rubio"."""
    j = i - 1
    while j >= 0 and tokens[j].norm.casefold() in {"has", "had", "have", "also", "today", "on"}:
        j -= 1
    start = j
    while start >= 0 and start > i - 12:
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
    if not name or not any(len(n) > 2 for n in name):
        return []
    title_tokens = body[: len(body) - len(name)]
    while title_tokens and title_tokens[0].norm.casefold() in _SKIP_INSIDE:
        title_tokens = title_tokens[1:]
    titles = [" ".join(t.norm for t in title_tokens)] if title_tokens else []
    full = " ".join(t.norm for t in body)
    return [_Mention(name, titles, country, full)]


def _entity_key(name: Sequence[str]) -> str:
    return "person:" + name[-1].casefold()


_BETWEEN_CALL_AND_PARTNER = frozenset(
    [
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


_HONORIFICS = frozenset(["mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "his", "her"])


def detect_cast(texts: Iterable[str], principal_hint: Sequence[str] = ()) -> Cast:
    """Read "X spoke with Y", "X held calls with Y", "X's call with Y", "in a call with Y"
    in every text. A principal named only by title ("The Foreign Secretary spoke to ...")
    is known by that title."""
    gaz = country_gazetteer()
    principal_votes: Counter[str] = Counter()
    title_votes: Counter[str] = Counter()
    mentions: defaultdict[str, list[_Mention]] = defaultdict(list)
    counterpart_votes: Counter[str] = Counter()

    def vote_principal(found: list[_Mention], at: int, tokens: Sequence[Token]) -> None:
        for m in found:
            key = _entity_key(m.name)
            principal_votes[key] += 1
            mentions[key].append(m)
        if not found:
            title = _title_before(tokens, at)
            if title:
                title_votes[title] += 1

    for line in (line for text in texts for line in text.splitlines()):
        tokens = canonicalise(tokenise(line), gaz)
        for i, tok in enumerate(tokens):
            low = tok.norm.casefold()
            if low not in _CALL_VERBS and low not in _CALL_NOUNS:
                continue
            link = _partner_link(tokens, i)
            if link is None:
                continue
            if low in _CALL_VERBS:
                vote_principal(_mention_before(tokens, i), i, tokens)
            elif i > 0 and tokens[i - 1].norm.endswith("'s"):
                vote_principal(_mention_before(tokens, i - 1), i - 1, tokens)
            else:
                hold = next(
                    (
                        k
                        for k in range(i - 1, max(i - 5, -1), -1)
                        if tokens[k].norm.casefold() in _HOLD_VERBS
                    ),
                    None,
                )
                if hold is not None:
                    vote_principal(_mention_before(tokens, hold), hold, tokens)
            for m in _mention_after(tokens, link + 1):
                key = _entity_key(m.name)
                counterpart_votes[key] += 1
                mentions[key].append(m)
    for hint in principal_hint:
        principal_votes[_entity_key(hint.split())] += 100
    principal_key = None
    if principal_votes:
        # who makes the calls: named as caller, by the same title, and not called by others
        def score(key: str) -> tuple[int, str]:
            titles = {t for m in mentions[key] for t in m.titles}
            return (
                principal_votes[key] + sum(title_votes[t] for t in titles) - counterpart_votes[key],
                key,
            )

        principal_key = max(principal_votes, key=score)
    people = []
    principal = None
    for key in sorted(set(counterpart_votes) | ({principal_key} if principal_key else set())):
        person = _person(key, mentions[key], PRINCIPAL if key == principal_key else key)
        if key == principal_key:
            titles = tuple(sorted(set(person.titles) | set(title_votes)))
            principal = replace(person, titles=titles)
        else:
            people.append(person)
    if principal is None and title_votes:
        title = max(title_votes.items(), key=lambda kv: (kv[1], kv[0]))[0]
        principal = Person(
            PRINCIPAL, title, None, (), tuple(sorted(title_votes)), sum(title_votes.values())
        )
    return Cast(principal, tuple(people), _cast_gazetteer(gaz, principal, people))


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


def _cast_gazetteer(base: Gazetteer, principal: Person | None, people: list[Person]) -> Gazetteer:
    gaz = base.copy()
    for person in ([principal] if principal else []) + people:
        named = bool(person.aliases)  # a principal known only by title has no name forms
        surname = person.label.split()[-1]
        if named:
            forms = set(person.aliases) | {surname, person.label}
            for honorific in ("Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr."):
                forms.add(f"{honorific} {surname}")
            for form in sorted(forms, key=len, reverse=True):
                if len(form) > 2:
                    gaz.add(form, Alias(person.id, "person", False))
        if person is not principal:
            continue
        for title in person.titles:
            words = [w for w in title.split() if w.casefold() not in _HONORIFICS]
            if not words:
                continue
            head = " ".join(words)
            gaz.add(f"the {head}", Alias(person.id, "title", False))
            gaz.add(head, Alias(person.id, "title", False))
            if named:
                for form in (f"{head} {surname}", f"{head} {person.label}"):
                    gaz.add(form, Alias(person.id, "person", False))
            if "of" in words[1:]:  # "Secretary of State" is also "the Secretary"
                noun = " ".join(words[: words.index("of")])
                gaz.add(f"the {noun}", Alias(person.id, "title", False))
                gaz.add(noun, Alias(person.id, "title", False))
    return gaz


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
        key = _entity_key(name.split())
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
    return Cast(cast.principal, tuple(ordered), _cast_gazetteer(countries, cast.principal, ordered))
