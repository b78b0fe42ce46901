"""Normalise for matching, never for display.

Text is normalised character by character with a map back to the original offsets,
then cut into tokens that carry both their display text (what the article printed)
and a match key (what alignment compares), as a collation tool does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

# Quotation marks and apostrophes of every common style, folded to ASCII for matching.
DOUBLE_QUOTES = '"“”„‟″«»〝〞＂'
SINGLE_QUOTES = "'‘’‚‛′´`‹›＇"
DASHES = "‐‑‒–—―−﹘﹣－"
# Characters that are invisible and glue words together: dropped for matching.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

_FOLD = {**{q: '"' for q in DOUBLE_QUOTES}, **{q: "'" for q in SINGLE_QUOTES}}
_FOLD.update({d: "-" for d in DASHES})
_FOLD.update({c: "" for c in INVISIBLE})
_FOLD["…"] = "..."
# Control characters carry no text (and \x01/\x02 mark entity keys): dropped.
_FOLD.update({chr(c): "" for c in [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F]})


# What most characters of an article that need a look become: one character for one.
# A text whose every such character is one of these keeps its offsets as they are.
_ONE_FOR_ONE: dict[str, str] = {
    **{q: '"' for q in DOUBLE_QUOTES},
    **{q: "'" for q in SINGLE_QUOTES},
    **{d: "-" for d in DASHES},
    **{w: " " for w in "\t\n\x0c\r\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"},
    **{chr(w): " " for w in range(0x2000, 0x200B)},
}
_FOLDED_ONE_FOR_ONE = re.compile("[" + re.escape("".join(_ONE_FOR_ONE)) + "]")


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """Normalised text plus, for each of its characters, the original offset."""

    text: str
    origin: Sequence[int]  # len(text) + 1 entries; the last is len(original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) span back to original offsets."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> NormalisedText:
    """NFKC, one form of quote/dash/ellipsis, no invisible characters, single spaces.

    Also repairs two typesetting slips that split a word: a backslash escaping a quote
    (\\") and a space inside a hyphenated word ("de -escalation").
    """
    return _one_for_one(text) or _normalise_each(text)


def _one_for_one(text: str) -> NormalisedText | None:
    """Most of an article needs only its quotes, dashes and spaces folded, one character
    for one: done with `str.translate`, offsets kept as they are. None when any character
    needs more (NFKC, dropping, a run of spaces, a repaired slip)."""
    folded = _FOLDED_ONE_FOR_ONE.sub(_fold_one, text)  # faster than str.translate
    if not (
        folded.isascii()
        and folded.isprintable()
        and "\\" not in folded
        and "  " not in folded
        and folded[:1] != " "
        and folded[-1:] != " "
    ):
        return None
    origin = range(len(text) + 1)
    joined = _QUOTE_FOR_APOSTROPHE.sub(_apostrophe_unless_closing(text, origin), folded)
    if _SPLIT_HYPHEN.search(joined):
        return None
    return NormalisedText(joined, origin)


def _fold_one(match: re.Match[str]) -> str:
    return _ONE_FOR_ONE[match.group()]


def _normalise_each(text: str) -> NormalisedText:
    """`normalise`, character by character, with a map back to the original offsets."""
    chars: list[str] = []
    origin: list[int] = []
    pos = 0
    for special in _SPECIAL.finditer(text):
        # plain printable ASCII between special characters is copied as it is
        if special.start() > pos:
            chars.extend(text[pos : special.start()])
            origin.extend(range(pos, special.start()))
        pos = special.end()
        offset, cluster = special.start(), special.group()
        if unicodedata.combining(cluster[0]) and chars and origin[-1] == offset - 1:
            chars.pop()  # a combining mark belongs with the letter before it
            origin.pop()
            offset, cluster = offset - 1, text[offset - 1] + cluster
        if cluster == "\\" and offset + 1 < len(text) and text[offset + 1] in DOUBLE_QUOTES:
            continue
        folded = _FOLD.get(cluster)
        if folded is None:
            folded = unicodedata.normalize("NFKC", cluster)
            folded = "".join(_FOLD.get(c, c) for c in folded)
        for ch in folded:
            if ch.isspace():
                if not chars or chars[-1] == " ":
                    continue
                ch = " "
            chars.append(ch)
            origin.append(offset)
    if pos < len(text):
        chars.extend(text[pos:])
        origin.extend(range(pos, len(text)))
    return _joined(text, chars, origin)


def _joined(text: str, chars: list[str], origin: list[int]) -> NormalisedText:
    """The folded characters of `text` as one text: trailing spaces dropped, a closing
    quote typed for an apostrophe made one, a space slipped into a hyphenated word cut."""
    while chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    joined = "".join(chars)
    joined = _QUOTE_FOR_APOSTROPHE.sub(_apostrophe_unless_closing(text, origin), joined)
    # "de -escalation" / "de- escalation": the space is a slip, not a word break.
    for match in reversed(list(_SPLIT_HYPHEN.finditer(joined))):
        del chars[match.start()]
        del origin[match.start()]
        joined = joined[: match.start()] + joined[match.start() + 1 :]
    origin.append(len(text))
    return NormalisedText(joined, tuple(origin))


# What needs a look: anything but printable ASCII other than a backslash or a backtick
# (a quote mark), and any space
# that does not follow a printable character (runs of space, spaces after a line break).
_SPECIAL = re.compile(
    r"[^\x21-\x5b\x5d-\x5f\x61-\x7e ][\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff\ufe20-\ufe2f]*"
    r"|\\|(?<![\x21-\x7e]) "
)


def _apostrophe_unless_closing(text: str, origin: Sequence[int]) -> Callable[[re.Match[str]], str]:
    """ "the United States” commitment": a closing quote typed for an apostrophe, unless it
    is the one that closes an open quotation ("“… military forces” during the call")."""
    seen = {"at": 0, "open": 0}

    def replace(match: re.Match[str]) -> str:
        at = origin[match.start()]
        before = text[seen["at"] : at]
        seen["open"] += before.count("“") - before.count("”")
        seen["at"] = at
        if text[at] != "”" or seen["open"] <= 0:
            return "'"
        after = _CURLY.search(text, at + 1)  # another ” to come closes the quotation
        return match.group() if after is None or after[0] == "“" else "'"

    return replace


_CURLY = re.compile("[“”]")
# Both start with the character they match, then look behind it: the regex engine jumps
# from one such character to the next instead of trying every position of a long text.
_QUOTE_FOR_APOSTROPHE = re.compile(r'"(?<=[a-z]s")(?= [a-z])')  # s" a: s' a
_SPLIT_HYPHEN = re.compile(r" (?:(?<=\w )(?=-\w)|(?<=\w- )(?=\w))")  # a -b, a- b


class Token(NamedTuple):
    """A word or mark: where it stands in the original, how it reads, how it matches.

    A named tuple, not a frozen dataclass: a long article makes millions of tokens, and
    a tuple is built three times faster."""

    start: int
    end: int
    text: str  # as printed
    norm: str  # normalised, case kept
    key: str  # match key: case-folded, hyphen- and spelling-neutral
    is_word: bool
    tier: str = ""  # for a named entity: how it was named ("name", "demonym", "capital", ...)

    @property
    def fold(self) -> str:
        return self.norm.casefold()


_TOKEN = re.compile(
    r"""
    (?P<ellipsis>\[\s?\.\.\.\s?\]|\.{3,})
  | (?P<abbr>(?:[A-Za-z]\.){2,}(?:'s)?)
  | (?P<word>[@\#]?\w+(?:[-'.]\w+)*(?:(?<=s)'(?!\w))?)
  | (?P<mark>[^\w\s])
    """,
    re.VERBOSE,
)


def tokenise(text: str, base_offset: int = 0) -> list[Token]:
    """Tokens of `text` with original offsets shifted by `base_offset`."""
    norm = normalise(text)
    origin = norm.origin  # NormalisedText.span, inlined: it runs once per token
    tokens: list[Token] = []
    for match in _TOKEN.finditer(norm.text):
        value = match.group()
        at, stop = match.span()
        start = origin[at]
        kind = match.lastgroup
        if kind == "word" and "." in value and _GLUED.fullmatch(value):
            # "violence.The": two words glued by a missing space; split them.
            tokens.extend(_split_glued(text, norm, at, value, base_offset))
            continue
        is_word = kind in ("word", "abbr")
        key = match_key(value) if is_word else _mark_key(value, kind)
        end = origin[stop - 1] + 1
        fields = (start + base_offset, end + base_offset, text[start:end], value, key, is_word, "")
        tokens.append(_new_tuple(Token, fields))  # Token(*fields), without its Python __new__
    return tokens


_new_tuple = tuple.__new__
_GLUED = re.compile(r"\w*[a-z]{2}\.[A-Z][a-z]+")


def _split_glued(
    text: str, norm: NormalisedText, at: int, glued: str, base_offset: int
) -> list[Token]:
    head, _, tail = glued.partition(".")
    parts = [(at, head, True), (at + len(head), ".", False), (at + len(head) + 1, tail, True)]
    out: list[Token] = []
    for pos, value, is_word in parts:
        start, end = norm.span(pos, pos + len(value))
        key = match_key(value) if is_word else value
        out.append(
            Token(start + base_offset, end + base_offset, text[start:end], value, key, is_word)
        )
    return out


def _mark_key(value: str, kind: str | None) -> str:
    return "..." if kind == "ellipsis" else value


def unaccented(text: str) -> str:
    """The text without its accents: "Brasília" -> "Brasilia"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def match_key(word: str) -> str:
    """The key two spellings of one word share: case, hyphens, dots and variants folded."""
    folded = word.casefold()
    possessive = ""
    if folded.endswith("'s"):
        folded, possessive = folded[:-2], "'s"
    elif folded.endswith("s'"):
        folded, possessive = folded[:-1], "'s"
    folded = folded.replace("-", "")
    if not folded.isascii():  # "Brasília" and "Brasilia" are one word
        folded = unaccented(folded)
    if re.fullmatch(r"(?:[a-z]\.)+", folded):
        folded = folded.replace(".", "")
    return american_spelling(folded) + possessive


# British -> American spelling. Rules with exceptions, not a word list of one story.
_ISE_KEEP = frozenset(
    [
        "advise",
        "advertise",
        "arise",
        "chastise",
        "circumcise",
        "comprise",
        "compromise",
        "concise",
        "demise",
        "despise",
        "devise",
        "disguise",
        "enterprise",
        "excise",
        "exercise",
        "expertise",
        "franchise",
        "improvise",
        "incise",
        "merchandise",
        "noise",
        "otherwise",
        "paradise",
        "praise",
        "precise",
        "premise",
        "promise",
        "raise",
        "reprise",
        "revise",
        "rise",
        "supervise",
        "surmise",
        "surprise",
        "televise",
        "treatise",
        "wise",
        "cruise",
        "poise",
        "bruise",
        "turquoise",
        "porpoise",
        "tortoise",
        "mortise",
        "expatriate",
    ]
)
# Compounds of the kept words ("otherwise", "enterprise", "compromise"), not "-rise" words
# such as "denuclearise".
_ISE_KEEP_ENDINGS = (
    "wise",
    "prise",
    "cise",
    "promise",
    "exercise",
    "advertise",
    "vise",
    "franchise",
    "merchandise",
    "guise",
    "noise",
    "raise",
)
_OUR_STEMS = [
    "arbour",
    "ardour",
    "armour",
    "behaviour",
    "candour",
    "clamour",
    "colour",
    "demeanour",
    "endeavour",
    "favour",
    "fervour",
    "flavour",
    "glamour",
    "harbour",
    "honour",
    "humour",
    "labour",
    "neighbour",
    "odour",
    "parlour",
    "rancour",
    "rigour",
    "rumour",
    "saviour",
    "savour",
    "splendour",
    "succour",
    "tumour",
    "valour",
    "vapour",
    "vigour",
]
_SIMPLE = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "centre": "center",
    "centres": "centers",
    "centred": "centered",
    "theatre": "theater",
    "metre": "meter",
    "metres": "meters",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
    "litre": "liter",
    "fibre": "fiber",
    "calibre": "caliber",
    "programme": "program",
    "programmes": "programs",
    "catalogue": "catalog",
    "judgement": "judgment",
    "ageing": "aging",
    "grey": "gray",
    "cheque": "check",
    "tyre": "tire",
    "kerb": "curb",
    "aluminium": "aluminum",
    "sceptical": "skeptical",
    "manoeuvre": "maneuver",
    "amongst": "among",
    "whilst": "while",
    "enrol": "enroll",
    "fulfil": "fulfill",
    "instil": "instill",
    "towards": "toward",
}
_DOUBLED_L = re.compile(r"^(.*[aeiou])ll(ed|ing|er|ers)$")
_DOUBLED_L_STEMS = [
    "travel",
    "cancel",
    "model",
    "label",
    "level",
    "signal",
    "channel",
    "counsel",
    "fuel",
    "dial",
    "equal",
    "marshal",
    "total",
    "tunnel",
    "duel",
    "jewel",
    "quarrel",
    "rival",
    "shovel",
    "snorkel",
]


def american_spelling(word: str) -> str:
    """Map a lower-case British spelling to its American form; others pass through."""
    if word in _SIMPLE:
        return _SIMPLE[word]
    for stem in _OUR_STEMS:
        if word.startswith(stem):
            return stem[:-2] + "r" + word[len(stem) :]
    match = re.fullmatch(r"(\w{2,}?)(is|ys)(e|ed|es|ing|ation|ations|er|ers)", word)
    if match and len(word) > 5:
        stem, middle, ending = match.groups()
        whole = stem + middle + "e"
        if whole not in _ISE_KEEP and not whole.endswith(_ISE_KEEP_ENDINGS):
            return stem + ("iz" if middle == "is" else "yz") + ending
    doubled = _DOUBLED_L.match(word)
    if doubled and any(doubled.group(1) + "l" == s for s in _DOUBLED_L_STEMS):
        return doubled.group(1) + "l" + doubled.group(2)
    return word
