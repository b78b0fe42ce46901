"""Stable rule codes: what each finding means, how serious it is by default.

Codes never change meaning once published, so CI configurations, inline markers and
SARIF baselines keep working across versions; new rules get new numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ..errors import ReadoutDiffError


class Severity(StrEnum):
    """Ordered: an error outranks a warning, which outranks information."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str  # kebab-case, for SARIF and JUnit
    severity: Severity
    summary: str  # one line, shown in --help-rules style listings and SARIF


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule(
            "RD001",
            "unsourced-quote",
            Severity.ERROR,
            "quote credited to a source's speaker (or to no one) that no source says",
        ),
        Rule(
            "RD002",
            "altered-quote",
            Severity.ERROR,
            "quote changes, adds or drops words inside the quoted span",
        ),
        Rule(
            "RD003",
            "spelling-variant",
            Severity.WARNING,
            "quote respells a source word (emphasised/emphasized) and variants are not allowed",
        ),
        Rule(
            "RD004",
            "truncated-without-ellipsis",
            Severity.ERROR,
            "quote leaves out source words without marking the cut with an ellipsis",
        ),
        Rule(
            "RD005",
            "unbalanced-quote",
            Severity.WARNING,
            "quotation mark never closed (or never opened); checked to the end of its sentence",
        ),
        Rule(
            "RD006",
            "misattributed-call",
            Severity.WARNING,
            "quote is pinned on a different call than the readout it comes from",
        ),
        Rule(
            "RD007",
            "reordered-quote",
            Severity.ERROR,
            "elided quote puts the source's words in another order",
        ),
        Rule(
            "RD008",
            "not-checked",
            Severity.INFO,
            "quote credited to someone the sources do not speak for, or with no wording "
            "to compare against",
        ),
        Rule(
            "RD009",
            "paraphrase-changes-meaning",
            Severity.WARNING,
            "reported speech words a source sentence so that its meaning changes",
        ),
        Rule(
            "RD010",
            "bad-suppression",
            Severity.WARNING,
            "inline ignore marker without a reason, with an unknown code, or silencing nothing",
        ),
    )
}


class RuleSelectionError(ReadoutDiffError, ValueError):
    """A --select/--ignore value that names no rule."""


def _expand(patterns: Iterable[str]) -> set[str]:
    """Codes named by patterns: a full code, a prefix ("RD00"), or ALL."""
    codes: set[str] = set()
    for raw in patterns:
        pattern = raw.strip().upper()
        if not pattern:
            continue
        matched = set(RULES) if pattern == "ALL" else {c for c in RULES if c.startswith(pattern)}
        if not matched:
            known = ", ".join(sorted(RULES))
            raise RuleSelectionError(f'"{raw.strip()}" is not a rule code (known: {known})')
        codes |= matched
    return codes


def enabled(select: Iterable[str], ignore: Iterable[str]) -> frozenset[str]:
    """The codes to report: the selected ones (all when none are named) minus the ignored."""
    chosen = _expand(select) if any(s.strip() for s in select) else set(RULES)
    return frozenset(chosen - _expand(ignore))


def split_codes(value: str) -> list[str]:
    """ "RD001,RD002 RD003" -> ["RD001", "RD002", "RD003"] (commas or spaces)."""
    return [part for part in value.replace(",", " ").split() if part]
