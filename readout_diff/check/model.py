"""The linter's records: a located quote, the source span it matches, a finding.

Every record is immutable and carries plain offsets plus a file location, so each
output format is a pure function of a `CheckReport`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..model import Difference
from .rules import RULES, Severity


class Verdict(StrEnum):
    """How faithful one quote is to its source (see docs/check.md)."""

    EXACT = "exact"  # the kept words are the source's, character for character
    EQUIVALENT = "equivalent"  # only typography, or spelling variants where allowed
    ALTERED = "altered"  # words changed, added, dropped or reordered
    UNSOURCED = "unsourced"  # no source span is close enough
    NOT_CHECKED = "not checked"  # credited to someone the sources do not speak for


@dataclass(frozen=True, slots=True)
class Location:
    """1-based line and column (Unicode code points); the end column is exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    exact: bool = True  # False: placed in the extracted text of an HTML/JSON input


@dataclass(frozen=True, slots=True)
class Marker:
    """An inline `<!-- readout-diff: ignore CODES reason="..." -->` comment."""

    start: int
    end: int
    codes: tuple[str, ...]
    reason: str | None
    location: Location


@dataclass(frozen=True, slots=True)
class Quote:
    """One direct quotation in an article, marks excluded."""

    document: str  # document id
    path: str
    start: int  # offsets into the document's text
    end: int
    text: str
    location: Location
    speaker: str | None = None  # as the article credits it
    unclosed: bool = False  # closing mark missing: checked to the end of its sentence
    unopened: bool = False  # closing mark with no opening mark
    marker: Marker | None = None  # the inline marker that governs it

    @property
    def words(self) -> int:
        return sum(1 for part in self.text.split() if any(c.isalnum() for c in part))


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where in a source a quote's words stand (or, for an unsourced quote, the nearest)."""

    source: str  # source document id
    path: str
    start: int
    end: int
    text: str
    location: Location
    similarity: float  # 0..1 on words
    call: str | None = None  # the counterpart of the call the source reports


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place; `suppressed` holds the inline marker's reason."""

    code: str
    message: str
    location: Location
    related: SourceSpan | None = None
    suppressed: str | None = None
    suppressed_by: int | None = None  # offset of the marker that silenced it

    @property
    def severity(self) -> Severity:
        return RULES[self.code].severity


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """The verdict on one quote and why."""

    quote: Quote
    verdict: Verdict
    speaker_kind: str  # "source", "other" or "none"
    span: SourceSpan | None = None
    differences: tuple[Difference, ...] = ()
    pinned_call: str | None = None  # the call the article pins the quote on
    note: str | None = None  # why it is not checked, in words
    problems: tuple[tuple[str, str], ...] = ()  # (rule code, message) of its differences


@dataclass(frozen=True, slots=True)
class ParaphraseCheck:
    """A stretch of reported speech and the source sentence it reports."""

    document: str
    path: str
    start: int
    end: int
    text: str
    location: Location
    span: SourceSpan
    changes: tuple[str, ...]  # each a sentence saying what changes the meaning


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Everything one run found, in article order."""

    mode: str  # "sources" or "consensus"
    articles: tuple[str, ...]  # paths, in the order checked
    sources: tuple[str, ...]
    quotes: tuple[QuoteCheck, ...]
    findings: tuple[Finding, ...]
    paraphrases: tuple[ParaphraseCheck, ...] = ()
    voices: tuple[str, ...] = ()  # who the sources speak for
    enabled: frozenset[str] = field(default_factory=lambda: frozenset(RULES))

    @property
    def active(self) -> tuple[Finding, ...]:
        """Findings that count: selected and not silenced by a marker."""
        return tuple(f for f in self.findings if f.suppressed is None)

    def failing(self, threshold: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.active if f.severity.rank >= threshold.rank)
