"""Meaning: what a changed stretch of reported speech does to what its source says.

One implementation, used by the engine (substance in `differences`) and by
`check --paraphrase`.

What changes the meaning of a reported sentence (each a documented list below):

* polarity: a negation gained or lost ("not", "no", "never", "without"), or a verb turned
  into its opposite ("discouraged" for "encouraged", "oppose" for "support");
* force: a request pressed harder or softer (reports < "encouraged" < "asked" < "urged",
  "called on" < "demanded", "told ... to"), an intensifier gained or lost ("gravely
  troubled" for "troubled", "concern" for "deep concern"), an obligation changed ("must"
  for "should", "will" for "must");
* who acts or is acted on: another country or person named in the changed words,
  "both sides" for a named party;
* the object: one stance or aim put for another ("support" for "respect");
* a meaning-bearing function word: "against", "without", "except", "despite", ... gained,
  lost or swapped ("in Taiwan" for "against Taiwan"); swaps among words of one relation
  ("for"/"over"/"about" the lives lost) keep the meaning;
* a number.

Everything else in reworded reported speech is cosmetic: a synonym, "Washington" for "the
United States", tense and person shifts ("would" for "will", "will" for "are set to",
"the United States" for "we"), the person spoken to ("told Wang that" for "emphasized
that"), a government's leader for the government ("President Abbas" for "the Palestinian
Authority"), "called on" for "urged".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .dates import WEEKDAYS
from .entities import PRINCIPAL, entity_of
from .normalise import Token

# How hard a verb presses: 0 reports, 1 invites, 2 asks, 3 urges, 4 demands.
FORCE: tuple[tuple[str, int], ...] = (
    (
        r"(?:discuss|note|express|emphasi[sz]|underscor|stress|welcom|reaffirm|reiterat|"
        r"highlight|rais|convey|assur|appreciat|thank|condemn|review|affirm|share)\w*",
        0,
    ),
    (r"(?:encourag|discourag|invit|suggest|hop)\w*", 1),
    (r"(?:ask|request|appeal|seek|sought)\w*", 2),
    (r"urg\w*|press(?:ed|es|ing)|call(?:ed|s|ing)?", 3),
    (r"told|tell(?:s|ing)?|demand\w*|warn\w*|order(?:ed|s|ing)?|instruct\w*|insist\w*", 4),
)
ORDER = 4  # the force of "told ... to", "demanded"
NEGATIONS = frozenset({"not", "no", "never", "without", "n't", "nor", "neither", "none", "nothing"})
# Function words that carry a relation of their own: gaining, losing or swapping one
# changes what is said ("in Taiwan" for "against Taiwan", "with" for "without").
MEANING_WORDS = frozenset(
    {
        "against",
        "without",
        "except",
        "despite",
        "unless",
        "instead",
        "anti",
        "versus",
        "vs",
        "neither",
        "nor",
        "only",
        "never",
        "not",
        "no",
        "n't",
    }
)
# Modals by what they commit to; a swap inside one class is a tense or person shift.
MODAL_CLASSES: tuple[frozenset[str], ...] = (
    frozenset({"will", "would", "shall", "'ll"}),
    frozenset({"must", "have to", "has to"}),
    frozenset({"should", "ought"}),
    frozenset({"can", "could", "may", "might"}),
)
MODALS = frozenset(w for c in MODAL_CLASSES for w in c)
FUTURE = 0  # the class of "will": gained or lost alone, a shift of tense ("are set to")
# Words that make a stance stronger: gained or lost, they change its force.
INTENSIFIERS = frozenset(
    """deep deeply grave gravely serious seriously strong strongly unequivocal unequivocally
    firm firmly unwavering ironclad full fully immediate immediately urgent urgently utmost
    profound profoundly great greatly extremely highly absolute absolutely total totally
    complete completely resolute steadfast sincere sincerely strongest deepest""".split()
)
# What a readout stands for or asks about: one of these put for another changes the object
# of the statement ("respect for the sovereignty" -> "support for the sovereignty").
STANCES = frozenset(
    """respect support recognition recognise recognize commitment concern condemnation
    condolence condolences solidarity opposition sovereignty integrity independence
    ceasefire peace security stability release withdrawal sanctions aid assistance
    cooperation""".split()
)
# A government named as a body: its leader named for it is the same party.
BODIES = frozenset(
    "government authority authorities leadership administration side cabinet".split()
)
# Which term of a government is meant ("the second Trump administration", "the new
# government"): said of the body the source names, the same party.
TERMS = frozenset("new second third incoming current present".split())
FIRST_PERSON = frozenset({"we", "our", "us", "ours"})
# Opposites that share no prefix.
_OPPOSITES = (
    ("support", "oppos"),
    ("accept", "reject"),
    ("welcom", "reject"),
    ("welcom", "condemn"),
    ("prais", "condemn"),
    ("prais", "criticiz"),
    ("increas", "decreas"),
    ("increas", "reduc"),
    ("allow", "prevent"),
    ("allow", "forbid"),
    ("continu", "stop"),
    ("continu", "halt"),
    ("continu", "ceas"),
    ("continu", "end"),
    ("start", "stop"),
    ("lift", "impos"),
    ("approv", "reject"),
    ("easing", "escalat"),
)
_NEGATIVE_PREFIXES = ("dis", "un", "in", "im", "non", "de", "mis", "anti", "counter")
# Words that only name or frame: a title, an initial, the call itself.
FRAMING = frozenset(
    """president prime minister secretary foreign state deputy mr mrs ms dr his her their
    counterpart call calls phone telephone telephonic conversation conversations talk talks
    spoke speaks speaking today yesterday overnight evening morning night also separate
    separately""".split()
) | frozenset(WEEKDAYS)


def stem(word: str) -> str:
    """A word without its commonest ending ("finding" -> "find"), to compare word forms."""
    for suffix in ("ingly", "ing", "ed", "es", "s", "e", "ion", "ment"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


STANCE_STEMS = frozenset(stem(w) for w in STANCES)


def force_of(word: str, following: str = "") -> int | None:
    """The force of a request verb (see FORCE), None for another word."""
    low = word.casefold()
    for pattern, force in FORCE:
        if re.fullmatch(pattern, low):
            if low.startswith("call") and following not in ("on", "for", "upon"):
                return None
            return force
    return None


def _force_at(words: Sequence[str], i: int) -> int | None:
    """The force of words[i] in its place: "told X that ..." reports, "told X to ..." orders."""
    force = force_of(words[i], _at(words, i + 1))
    if force == ORDER and words[i] in ("told", "tell", "tells", "telling"):
        after = list(words[i + 1 : i + 4])
        if "to" not in after or ("that" in after and after.index("that") < after.index("to")):
            return 0
    return force


def opposite(a: str, b: str) -> bool:
    """Two words that say opposite things ("discouraged"/"encouraged", "oppose"/"support")."""
    sa, sb = stem(a.casefold().replace("-", "")), stem(b.casefold().replace("-", ""))
    if sa == sb or len(sa) < 3 or len(sb) < 3:
        return False
    for prefix in _NEGATIVE_PREFIXES:
        for x, y in ((sa, sb), (sb, sa)):
            rest = x.removeprefix(prefix)
            if x.startswith(prefix) and len(rest) >= 3 and rest in (y, y.removeprefix("en")):
                return True  # "de-escalate"/"escalate", "discourage"/"encourage"
    return any(
        (sa.startswith(x) and sb.startswith(y)) or (sa.startswith(y) and sb.startswith(x))
        for x, y in _OPPOSITES
    )


def _low(tokens: Sequence[Token]) -> list[str]:
    return [t.norm.casefold() for t in tokens if t.is_word]


def _negations(words: Sequence[str]) -> int:
    return sum(1 for w in words if w in NEGATIONS or w.endswith("n't"))


def _modal_class(words: Sequence[str]) -> set[int]:
    return {i for w in words for i, c in enumerate(MODAL_CLASSES) if w in c}


def _entities(tokens: Sequence[Token], prefix: str) -> set[str]:
    out = set()
    for t in tokens:
        entity = entity_of(t)
        if entity and entity != PRINCIPAL and entity.startswith(prefix):
            out.add(entity.removesuffix("'s"))
    return out


def shifts(base: Sequence[Token], witness: Sequence[Token]) -> list[str]:
    """What a changed stretch (base words -> witness words) does to the meaning, in words;
    empty when the change keeps the meaning."""
    wb, ww = _low(base), _low(witness)
    out: list[str] = []
    if _negations(wb) != _negations(ww):
        gained = [w for w in ww if w in NEGATIONS or w.endswith("n't")]
        lost = [w for w in wb if w in NEGATIONS or w.endswith("n't")]
        out.append(f"negation differs: {_list(gained)} where the source has {_list(lost)}")
    flip = next(((a, b) for a in wb for b in ww if opposite(a, b)), None)
    if flip is not None:
        out.append(f'says "{flip[1]}" where the source says "{flip[0]}", its opposite')
    fb = [(f, w) for i, w in enumerate(wb) if (f := _force_at(wb, i)) is not None]
    fw = [(f, w) for i, w in enumerate(ww) if (f := _force_at(ww, i)) is not None]
    if flip is None and fb and fw and max(fb)[0] != max(fw)[0]:
        vb = next(w for f, w in fb if f == max(fb)[0])
        vw = next(w for f, w in fw if f == max(fw)[0])
        out.append(f'says "{vw}" where the source says "{vb}"')
    ib, iw = set(wb) & INTENSIFIERS, set(ww) & INTENSIFIERS
    if {stem(w) for w in ib} != {stem(w) for w in iw}:
        out.append(f"force differs: {_list(iw - ib)} where the source has {_list(ib - iw)}")
    mb, mw = _modal_class(wb), _modal_class(ww)
    if (mb or mw) and not (mb & mw) and mb | mw != {FUTURE}:  # "will" alone is a tense
        out.append(
            f"modal {_list(set(ww) & MODALS)} where the source has {_list(set(wb) & MODALS)}"
        )
    kb, kw = set(wb) & MEANING_WORDS - NEGATIONS, set(ww) & MEANING_WORDS - NEGATIONS
    if kb != kw:
        out.append(f"relation word {_list(kw)} where the source has {_list(kb)}")
    sb = {stem(w) for w in wb} & STANCE_STEMS
    sw = {stem(w) for w in ww} & STANCE_STEMS
    if sb and sw and not sb & sw:
        gave = [w for w in ww if stem(w) in sw]
        had = [w for w in wb if stem(w) in sb]
        out.append(f"says {_list(gave)} where the source says {_list(had)}")
    who = _who_changed(base, witness, bool(wb) and bool(ww))
    if who:
        out.append(who)
    numbers = _numbers_changed(wb, ww)
    if numbers:
        out.append(numbers)
    return out


def _numbers_changed(wb: Sequence[str], ww: Sequence[str]) -> str:
    """A number the witness gives that the source does not, in words; empty when none.
    A number dropped with none put in its place is an omission, not a change."""
    numbers_b = {w for w in wb if _is_number(w)}
    numbers_w = {w for w in ww if _is_number(w)}
    if numbers_w - numbers_b:
        return f"number {_list(numbers_w - numbers_b)} is not in the source"
    if numbers_b - numbers_w and numbers_w:
        return f"number {_list(numbers_b - numbers_w)} is changed"
    return ""


# Numbers spelt out ("three sides" for "two sides"); not "one", also a pronoun, nor "two",
# which names the parties to a call ("the two countries" for "China and the US").
NUMBER_WORDS = frozenset(
    """three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred hundreds thousand thousands million millions billion billions dozen dozens""".split()
)


def _is_number(word: str) -> bool:
    return word in NUMBER_WORDS or re.fullmatch(r"\d[\d,.]*", word) is not None


def drops_a_claim(base: Sequence[Token], witness: Sequence[Token]) -> bool:
    """A rewording that leaves out at least two more claim words than it puts in ("to
    continue and enhance steps" -> "calling on the PA"): it drops what they said."""
    lost, added = claim_stems(base), claim_stems(witness)
    return len(lost - added) - len(added - lost) >= 2


def claim_stems(tokens: Sequence[Token]) -> set[str]:
    """Stems of the words that state something: not names, framing, function words,
    modals, intensifiers or the reporting and request verbs (judged on their own)."""
    from .differences import STOPWORDS  # differences decides substance with this module

    words = [t for t in tokens if t.is_word and not entity_of(t)]
    lows = [t.norm.casefold() for t in words]
    plain = STOPWORDS | FRAMING | BODIES | ATTRIBUTION | ISSUERS | MODALS | INTENSIFIERS
    return {
        stem(w)
        for i, w in enumerate(lows)
        if w not in plain and _force_at(lows, i) is None and not w.isdigit()
    }


def _who_changed(base: Sequence[Token], witness: Sequence[Token], replaced: bool) -> str:
    """Another country or person acts or is acted on, in words; empty when the same.
    An added or dropped name alone (`replaced` false) is an addition or omission; a name
    put in for the person spoken to ("told Wang that"), for a government named as a body
    ("Abbas" for "the Authority") or a country for the speaker's "we" is the same party."""
    cb, cw = _entities(base, "country:"), _entities(witness, "country:")
    pb, pw = _entities(base, "person:"), _entities(witness, "person:")
    named_b, named_w = cb | pb, cw | pw
    widened = replaced and named_b and not named_w and bool({"both", "all"} & set(_low(witness)))
    added = replaced and named_w and not named_b
    same_party = (
        _addressees(witness) >= named_w
        or (_names_a_body(base) and pw and not cw)
        or (_first_person(base) and cw and not pw)  # "the United States" for "we"
    )
    if (
        (cb and cw and cb != cw)
        or (pb and pw and pb != pw)
        or widened
        or (added and not same_party)
    ):
        mine = _first_name_of(witness, named_b)
        theirs = _first_name_of(base, named_w)
        return f'names "{mine}" where the source names "{theirs or "no one"}"'
    if (tb := _target(base)) and (tw := _target(witness)) and tb[0] != tw[0]:
        return f'names "{tw[1]}" where the source names "{tb[1]}"'  # who was urged
    return ""


def _addressees(tokens: Sequence[Token]) -> set[str]:
    """Who reported words were said to ("told Wang that", "stressed to Wang"): the other
    party to the call, which a readout leaves unnamed."""
    words = [t for t in tokens if t.is_word]
    lows = [t.norm.casefold() for t in words]
    out = set()
    for i, t in enumerate(words):
        entity = entity_of(t)
        if not entity or entity == PRINCIPAL or i == 0:
            continue
        verb = i - 2 if lows[i - 1] in ("to", "with") and i >= 2 else i - 1
        if _force_at(lows, verb) == 0 or lows[verb] in _CALL_WORDS:
            out.add(entity.removesuffix("'s"))
    return out


def _first_person(tokens: Sequence[Token]) -> bool:
    """Only the speaker's "we" ("we will", "our"), which a country's name may stand for."""
    from .differences import STOPWORDS  # differences decides substance with this module

    words = _low(tokens)
    return bool(FIRST_PERSON & set(words)) and all(w in STOPWORDS or w in MODALS for w in words)


def _names_a_body(tokens: Sequence[Token]) -> bool:
    """Words naming a government as a body ("the Authority", "the Thai government"):
    its leader named instead is the same party."""
    return bool(BODIES & set(_low(tokens)))


def _target(tokens: Sequence[Token]) -> tuple[str, str] | None:
    """Who a request is made of: the first country or person named after the strongest
    request verb ("urged Kenya to work with Uganda": Kenya)."""
    words = [t for t in tokens if t.is_word]
    best: tuple[int, int] | None = None
    for i, t in enumerate(words):
        nxt = words[i + 1].norm.casefold() if i + 1 < len(words) else ""
        force = force_of(t.norm, nxt)
        if force is not None and force >= 1 and (best is None or force > best[0]):
            best = (force, i)
    if best is None:
        return None
    for t in words[best[1] + 1 : best[1] + 5]:
        entity = entity_of(t)
        if entity and entity != PRINCIPAL:
            return entity.removesuffix("'s"), t.norm
    return None


def _first_name_of(tokens: Sequence[Token], other: set[str]) -> str:
    """The first country or person named here that the other side does not name."""
    for t in tokens:
        entity = entity_of(t)
        if entity and entity != PRINCIPAL and entity.removesuffix("'s") not in other:
            return t.norm
    return ""


# Words that name the two parties to a call together ("the two sides", "both", "they").
PARTIES = frozenset("the two both sides side parties they them their".split())


def names_the_parties(base: Sequence[Token], witness: Sequence[Token]) -> bool:
    """Both stretches only name the call's two parties together ("both sides" or "they"
    for "the two sides"): the same parties, told otherwise."""
    return all(w in PARTIES for w in _low(base) + _low(witness))


def framing_only(tokens: Sequence[Token]) -> bool:
    """Words that only name or frame (titles, initials, a first name, the call and whom it
    was with, a weekday, "was reported to have", "according to the ministry"), link ("has
    come to" for "at") or point back ("with each other"): adding or dropping them in
    reported speech says nothing new. A lone country name is a qualifier ("US President
    Trump")."""
    from .differences import STOPWORDS  # differences decides substance with this module

    words = [t for t in tokens if t.is_word]
    lows = [t.norm.casefold() for t in words]
    about_the_call = any(w in _CALL_WORDS for w in lows) or (
        bool(lows) and lows[0] in ("to", "with") and entity_of(words[-1]) is not None
    )  # "in a call with X on Saturday", "emphasized to Wang"
    if len(words) == 1 and entity_of(words[0]) is not None:
        return True
    if len(words) == 2 and lows[0] == "of" and entity_of(words[1]) is not None:
        return True  # "President Aliyev of Azerbaijan"

    def framing(i: int, t: Token) -> bool:
        low = lows[i]
        title_next = i + 1 < len(words) and lows[i + 1] in _TITLES
        entity = entity_of(t)
        given_name = (
            i + 1 < len(words)
            and t.norm[:1].isupper()
            and (entity_of(words[i + 1]) or "").startswith((PRINCIPAL, "person:"))
        )  # "Anthony Blinken": a first name, however spelt, before a known name
        return (
            given_name
            or low in FRAMING
            or low in BODIES  # "Kenya's government" for "Kenya"
            or low in STOPWORDS
            or low in ATTRIBUTION
            or low in ISSUERS
            or low in LINKING_VERBS
            or (low in ("other", "another") and lows[i - 1 : i] in (["each"], ["one"]))
            or entity == PRINCIPAL
            or (entity is not None and (title_next or about_the_call))
            or re.fullmatch(r"[A-Z]\.?", t.norm) is not None
        )

    return bool(words) and all(framing(i, t) for i, t in enumerate(words))


ATTRIBUTION = frozenset("said says told added stated according reported".split())
# Who put the words out ("according to the State Department", ", the ministry said in a
# statement"): an attribution the measured stretch kept says nothing of the call.
ISSUERS = frozenset(
    """department ministry office spokesperson spokesman spokeswoman statement readout
    release""".split()
)
# Verbs that only link a subject to where or what it is ("relations have come to a
# juncture", "stand at a juncture"): they state nothing of their own.
LINKING_VERBS = frozenset(
    """come comes came coming stand stands stood standing remain remains remained remaining
    become becomes became becoming""".split()
)
# Words about the call itself, which make the names near them framing ("in a call with
# X", "his counterpart X"). Not `entities`' call words, which find "X spoke with Y" and
# leave out "counterpart"; changing this list changes which names are substance.
_CALL_WORDS = frozenset(
    "call calls phone telephone telephonic conversation spoke counterpart counterparts".split()
)
# Titles that make the country before them a qualifier ("US President"). Not
# `entities.TITLE_WORDS`: its "security", "trade", "union" after a country name ("US
# security guarantees") are what is said, not who says it.
_TITLES = frozenset("president prime minister secretary foreign deputy leader".split())


def _at(words: Sequence[str], i: int) -> str:
    return words[i] if i < len(words) else ""


def _list(words: set[str] | list[str]) -> str:
    return ", ".join(f'"{w}"' for w in sorted(set(words))) if words else "none"


def verb_start(tokens: Sequence[Token], start: int) -> int:
    """Where the verb that governs a stretch stands, when the stretch starts just after it
    ("discouraged | Turkey's efforts" beside "encouraged | Türkiye's efforts"): back over
    at most three words, stopping at a name, a mark or a conjunction, so that the verb,
    not shared, is still compared."""
    i = start
    while i > 0 and start - i < 3:
        t = tokens[i - 1]
        if not t.is_word or entity_of(t) or t.norm.casefold() in ("and", "but", "or", "that"):
            break
        i -= 1
    return i


def meaning_changes(reported: Sequence[Token], source: Sequence[Token]) -> list[str]:
    """`check --paraphrase`: what reported speech changes in the meaning of its source
    sentence, in words (the same test the engine's differences make)."""
    out = shifts(source, reported)
    if out:
        out[0] = "paraphrase " + out[0]
    return out
