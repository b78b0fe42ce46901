"""The engine's vocabulary as typed, immutable records.

document   one input article (or official text), with its original text kept intact
passage    a span of a document that reports a readout: a quote, a paraphrase, a post
readout    one official statement about one call (counterpart + date)
witness    one document's version of one readout sentence, with its differences
difference one classified word-level change between the base sentence and a witness
contrast   what one readout says that its twin does not, phrase by phrase

Every offset is a character offset into the original text it names, so any face can
highlight exactly what the article printed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """Whether a document is an official source (the base) or press coverage."""

    OFFICIAL = "official"
    REPORT = "report"


@dataclass(frozen=True, slots=True)
class Source:
    """One input before it is read: a name to show (a path, or "-") and its bytes or text."""

    name: str
    data: bytes | str
    role: Role = Role.REPORT


class PassageKind(StrEnum):
    """How a document carries readout wording."""

    QUOTE = "quote"  # inside quotation marks
    PARAPHRASE = "paraphrase"  # reported speech in the outlet's own words
    POST = "post"  # an embedded social-media post


class DifferenceKind(StrEnum):
    """The documented vocabulary of differences (see README, "Difference kinds")."""

    TYPOGRAPHY = "typography"  # quotes, dashes, spacing, case, punctuation
    SPELLING_VARIANT = "spelling_variant"  # emphasised/emphasized, US/U.S.
    WORDING_CHANGE = "wording_change"  # a word or short phrase replaced
    OMISSION = "omission"  # base words the witness leaves out
    ADDITION = "addition"  # words the witness adds
    TRUNCATION = "truncation"  # base words cut and marked with an ellipsis
    PARAPHRASE = "paraphrase"  # a longer stretch put in other words
    TRANSPOSITION = "transposition"  # base words carried in another place of the sentence


@dataclass(frozen=True, slots=True)
class Document:
    """One input text. `text` is what every offset in the result points into."""

    id: str
    path: str
    outlet: str
    date: str | None  # ISO date of publication, when known
    role: Role
    text: str
    title: str | None = None
    url: str | None = None
    copy_of: str | None = None  # id of an earlier document with the same body (wire copy)
    date_source: str | None = None  # what gave `date`: "metadata", "date line", "file name", ...


@dataclass(frozen=True, slots=True)
class Passage:
    """A span of a document that carries (or may carry) readout wording."""

    document: str
    start: int
    end: int
    kind: PassageKind
    text: str
    speaker: str | None = None  # who the article credits, when it says
    note: str | None = None  # why it is unassigned, for unassigned passages


@dataclass(frozen=True, slots=True)
class Difference:
    """One change from the base sentence to a witness.

    `base_start`/`base_end` index the base sentence text; `witness_start`/`witness_end`
    index the witness's document text. Replacing every difference's base span by its
    witness span, within the witness's covered base span, rebuilds the witness exactly.
    """

    kind: DifferenceKind
    base: str
    witness: str
    substantive: bool
    base_start: int
    base_end: int
    witness_start: int
    witness_end: int
    disputed: bool = False  # at a spot where outlets split with no majority: never substantive


@dataclass(frozen=True, slots=True)
class Spot:
    """A stretch of a base sentence and how many independent witnesses carry it.

    `base_start`/`base_end` index the base sentence text (equal for a place between two
    words where some witnesses insert words). `support` of `witnesses` independent
    witnesses (copies of one wire text count once) carry the base reading; `readings`
    are the other readings with their support. `disputed`: no reading has a majority.
    `majority`: the reading most outlets carry where it is not the base's (with an
    official base), with `majority_support` witnesses behind it.
    """

    base_start: int
    base_end: int
    base: str
    support: int
    witnesses: int
    disputed: bool = False
    readings: tuple[tuple[str, int], ...] = ()
    majority: str | None = None
    majority_support: int = 0


@dataclass(frozen=True, slots=True)
class Witness:
    """One document's version of one readout sentence."""

    document: str
    start: int  # offsets into the document's original text
    end: int
    text: str
    kind: PassageKind
    score: float  # 0..1 similarity to the base, on match keys
    covered_start: int  # the part of the base sentence this witness is measured against
    covered_end: int
    differences: tuple[Difference, ...] = ()
    claimed_readout: str | None = None  # the call the article pins it on, when that differs

    @property
    def substantive_count(self) -> int:
        return sum(1 for d in self.differences if d.substantive)


@dataclass(frozen=True, slots=True)
class ReadoutSentence:
    """A sentence of a readout: its base wording and every outlet's version of it."""

    id: str
    text: str
    base_source: str  # "official:<document id>" or "consensus"
    witnesses: tuple[Witness, ...] = ()
    also_in: tuple[str, ...] = ()  # other readouts that carry the same sentence
    spots: tuple[Spot, ...] = ()  # support per stretch of the base, disputed spots marked

    @property
    def disputed(self) -> tuple[Spot, ...]:
        return tuple(s for s in self.spots if s.disputed)

    @property
    def majority_findings(self) -> tuple[Spot, ...]:
        """Where most outlets agree on wording other than the (official) base's."""
        return tuple(s for s in self.spots if s.majority is not None)


@dataclass(frozen=True, slots=True)
class ReadoutKey:
    """Which readout a sentence belongs to, inside the engine: the call with a counterpart
    on a day, or an entry of the user's readouts file, which names its readout outright."""

    counterpart: str  # "person:<surname>", or "doc:<id>" for an official text naming no one
    day: dt.date | None = None
    spec: str | None = None  # the readouts-file id

    @property
    def order(self) -> tuple[int, str, str]:
        """Readouts are listed by counterpart then day; readouts-file entries last, by id."""
        if self.spec is not None:
            return (1, self.spec, "")
        return (0, self.counterpart, self.day.isoformat() if self.day else "")


@dataclass(frozen=True, slots=True)
class Readout:
    """One official statement about one call: who called whom on what day, and the office
    that published it (its issuer), each with the evidence that set it."""

    id: str
    label: str
    counterpart: str
    date: str | None
    sentences: tuple[ReadoutSentence, ...] = ()
    aliases: tuple[str, ...] = ()
    official_document: str | None = None
    caller: str | None = None
    issuer: str | None = None  # "State Department", "Foreign Office", ... when the texts say
    caller_evidence: str | None = None  # what named the caller
    issuer_evidence: str | None = None  # what named the issuer
    date_evidence: str | None = None  # what set the call day

    @property
    def documents(self) -> tuple[str, ...]:
        """Documents that carry any sentence of this readout, sorted."""
        return tuple(sorted({w.document for s in self.sentences for w in s.witnesses}))


@dataclass(frozen=True, slots=True)
class ContrastPhrase:
    """A phrase of one readout's sentence, located in that sentence's base text."""

    sentence: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SharedSentence:
    """A pair of sentences, one per readout, that say the same thing."""

    a: str
    b: str
    identical: bool


@dataclass(frozen=True, slots=True)
class Contrast:
    """What readout `a` says that readout `b` does not, and back."""

    a: str
    b: str
    only_in_a: tuple[ContrastPhrase, ...]
    only_in_b: tuple[ContrastPhrase, ...]
    shared: tuple[SharedSentence, ...]


@dataclass(frozen=True, slots=True)
class InputError:
    """An input that could not be read; the rest of the run goes on."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class Notice:
    """A finding about an input that is not an error (e.g. no readout passage at all)."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class Result:
    """Everything the engine found; the JSON report serialises exactly this."""

    documents: tuple[Document, ...]
    readouts: tuple[Readout, ...]
    contrasts: tuple[Contrast, ...]
    unassigned: tuple[Passage, ...]
    errors: tuple[InputError, ...] = ()
    notices: tuple[Notice, ...] = field(default=())

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    def readout(self, readout_id: str) -> Readout:
        for readout in self.readouts:
            if readout.id == readout_id:
                return readout
        raise KeyError(readout_id)
