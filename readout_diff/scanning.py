"""Regular expressions that scan whole articles.

Python's regex engine tries a match at every position of a text. A pattern that starts
with an alternation of words has no fixed prefix for it to jump to, so each try runs the
whole alternation: a few hundred nanoseconds a character, seconds on a long article. A
look-ahead of the letters a match can start with makes every other position one cheap
test: the same matches, several times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def starting_with(
    initials: str, pattern: str, flags: int = 0, *, word: bool = False, then: str = ""
) -> re.Pattern[str]:
    """`pattern`, tried only where the text holds one of `initials` (in any case with
    re.IGNORECASE), followed by one of `then` if given, and with `word` only where a word
    starts (the `\\b` the pattern would begin with: tested first, as it is the cheaper
    test). Every match of `pattern` must start so."""
    boundary = r"\b" if word else ""
    second = f"[{then}]" if then else ""
    return re.compile(f"{boundary}(?=[{initials}]{second})(?:{pattern})", flags)


def initials_of(words: Iterable[str]) -> str:
    """The letters a list of words starts with, for `starting_with`."""
    return "".join(sorted({word[0] for word in words}))
