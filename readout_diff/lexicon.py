"""Word lists and word rules more than one stage reads, each written once.

A list that one module alone owns stays there (title words in `entities`, month and day
names in `dates`); this module holds what no one stage owns. Where a stage needs a
narrower or wider list on purpose, it builds it from these and says why.
"""

from __future__ import annotations

# Verbs that credit words to whoever stands next to them ("…," she said; "X told
# reporters"), as a regular-expression alternation.
SPEECH_VERBS = (
    r"said|says|added|adds|stated|states|told|tells|posted|posts|wrote|writes|noted|notes|"
    r"explained|remarked|tweeted|declared|announced|continued|insisted|stressed|"
    r"quoted|read|reads|observed|concluded|warned"
)

# What an official text is called when words are credited to it ("the readout said").
DOCUMENT_NOUNS = frozenset(
    ["readout", "readouts", "statement", "statements", "release", "communique", "transcript"]
)

# Whoever speaks for an office by trade.
SPOKESPEOPLE = frozenset(["spokesperson", "spokesman", "spokeswoman", "spokespeople"])

# Words around a quotation that make it spoken: a briefing, an interview, a press conference.
SPOKEN_SETTINGS = frozenset(
    ["reporters", "briefing", "interview", "conference", "journalists", "podcast", "television"]
)

# Words that may stand between a subject and its verb ("Rubio also said", "X has today
# spoken with"): a speaker or caller is read past them.
BETWEEN_SUBJECT_AND_VERB = frozenset(
    [
        "also",
        "has",
        "had",
        "have",
        "then",
        "further",
        "again",
        "once",
        "still",
        "later",
        "today",
        "on",
    ]
)

# Nouns that name a call ("in a call with X", "Rubio's talks with Y").
CALL_NOUNS = frozenset(
    ["call", "calls", "conversation", "conversations", "talks", "meeting", "phone-call"]
)

# Third-person subject pronouns: who a pronoun stands for is the last one named.
PRONOUNS = frozenset({"he", "she", "they"})


def strip_possessive(word: str) -> str:
    """The owner of a possessive ("Rubio's" -> "Rubio", "the leaders'" -> "leaders"), so a
    name matches whatever case it is in; a lone "'s" stays."""
    if word.endswith(("'s", "’s")) and len(word) > 2:
        return word[:-2]
    if word.endswith(("s'", "s’")):
        return word[:-1]
    return word
