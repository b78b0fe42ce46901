"""What every report writer shows the same way: labels, source lines, marked changes.

The figures themselves live in `views`; this module only turns a `Result` into the
pieces the HTML, Markdown and terminal writers lay out, so the three cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import (
    ContrastPhrase,
    Difference,
    DifferenceKind,
    Document,
    Readout,
    ReadoutSentence,
    Result,
    Role,
    Witness,
)
from ..views import BAND_MEANING, COSMETIC, describe, segments

KIND_ORDER = tuple(DifferenceKind)
KIND_HELP = {
    DifferenceKind.TYPOGRAPHY: "quotes, dashes, spacing, letter case, punctuation",
    DifferenceKind.SPELLING_VARIANT: "another accepted spelling: emphasised/emphasized, US/U.S.",
    DifferenceKind.WORDING_CHANGE: "a word or short phrase replaced",
    DifferenceKind.OMISSION: "base words the outlet leaves out",
    DifferenceKind.ADDITION: "words the outlet adds",
    DifferenceKind.TRUNCATION: "base words cut and marked with an ellipsis",
    DifferenceKind.PARAPHRASE: "a longer stretch put in other words",
    DifferenceKind.TRANSPOSITION: "base words carried in another place of the sentence",
}
BAND_RANGE = BAND_MEANING
"""The heat-map bands of `views.band`, with what each means."""

KIND_TAG = {
    DifferenceKind.TYPOGRAPHY: "typo",
    DifferenceKind.SPELLING_VARIANT: "spell",
    DifferenceKind.WORDING_CHANGE: "word",
    DifferenceKind.OMISSION: "omit",
    DifferenceKind.ADDITION: "add",
    DifferenceKind.TRUNCATION: "cut",
    DifferenceKind.PARAPHRASE: "para",
    DifferenceKind.TRANSPOSITION: "moved",
}
"""Short tags set after each inline change (HTML, terminal), so kind is never colour alone."""


def kind_label(kind: DifferenceKind) -> str:
    """The kind as readers see it in lists and Markdown tags: "wording change"."""
    return kind.value.replace("_", " ")


def weight(diff: Difference) -> str:
    """substantive, cosmetic, or minor (neither: e.g. "Mr Rubio" for "the Secretary")."""
    if diff.substantive:
        return "substantive"
    return "cosmetic" if diff.kind in COSMETIC else "minor"


def change_text(diff: Difference) -> str:
    """`views.describe`: one wording for one difference on every face."""
    return describe(diff.kind, diff.base, diff.witness)


def line_of(text: str, offset: int) -> int:
    """1-based line of `offset` in the document text the engine read."""
    return text.count("\n", 0, max(0, offset)) + 1


def where(doc: Document, offset: int) -> str:
    """`path:line`, what a reader needs to find the words in the article."""
    return f"{doc.path}:{line_of(doc.text, offset)}"


def doc_labels(result: Result) -> dict[str, str]:
    """A short name per document: the outlet, or outlet and id when outlets repeat."""
    counts: dict[str, int] = {}
    for doc in result.documents:
        counts[doc.outlet] = counts.get(doc.outlet, 0) + 1
    return {
        doc.id: doc.outlet
        if counts[doc.outlet] == 1 or doc.outlet == doc.id
        else f"{doc.outlet} ({doc.id})"
        for doc in result.documents
    }


def base_label(source: str, labels: dict[str, str]) -> str:
    """Where a base sentence's wording comes from, in words."""
    origin, _, doc_id = source.partition(":")
    if origin == "official":
        return f"official text {labels.get(doc_id, doc_id)}"
    if origin == "document":
        return f"{labels.get(doc_id, doc_id)}'s version (--base)"
    return "outlets' consensus"


def headline(result: Result, carriers: int) -> str:
    """The report's first line: readouts found, in how many inputs, carried by how many."""
    officials = sum(1 for d in result.documents if d.role == Role.OFFICIAL)
    articles = len(result.documents) - officials
    found = f"{_count(len(result.readouts), 'readout')} found in {_count(articles, 'article')}"
    if officials:
        found += f" and {_count(officials, 'official text')}"
    return f"{found}; {carriers} of them carr{'ies' if carriers == 1 else 'y'} readout wording."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def readout_base(readout: Readout, labels: dict[str, str]) -> str:
    """Where a readout's base wording comes from, in words."""
    if readout.official_document:
        doc = readout.official_document
        return f"official text {labels.get(doc, doc)}"
    sources = {s.base_source for s in readout.sentences} or {"consensus"}
    if len(sources) > 1:
        return "mixed: see each sentence"
    return base_label(sources.pop(), labels)


def about_document(doc: Document, labels: dict[str, str]) -> str:
    """One line on an input: name, title, path, date, URL (as text: never a link here)."""
    parts = [
        labels.get(doc.id, doc.id)
        + (" (official)" if doc.role == Role.OFFICIAL else "")
        + (f": “{doc.title}”" if doc.title else ""),
        doc.path,
    ]
    if doc.copy_of:
        parts.append(f"same text as {labels.get(doc.copy_of, doc.copy_of)}")
    return " · ".join(parts + [v for v in (doc.date, doc.url) if v])


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of a witness: unchanged text, or one marked change (removed and/or added).

    `lead`/`trail` keep the spaces around a change outside its marks, so a face can put
    `~~`, `<del>` or `[-` tight against the words.
    """

    text: str = ""
    kind: DifferenceKind | None = None
    substantive: bool = False
    removed: str = ""
    added: str = ""
    lead: str = ""
    trail: str = ""


def runs(base_text: str, witness: Witness) -> list[Run]:
    """`views.segments` with each removed/added pair of one kind joined into one change."""
    out: list[Run] = []
    for seg in segments(base_text, witness):
        last = out[-1] if out else None
        if seg.role == "same":
            if last is not None and last.kind is None:
                out[-1] = Run(last.text + seg.text)
            else:
                out.append(Run(seg.text))
        elif (
            seg.role == "added"
            and last is not None
            and last.kind == seg.kind
            and last.removed
            and not last.added
            and last.substantive == seg.substantive
        ):
            out[-1] = replace(last, added=seg.text.strip(), trail=_space(seg.text[-1:]))
        else:
            out.append(
                Run(
                    kind=seg.kind,
                    substantive=seg.substantive,
                    lead=_space(seg.text[:1]),
                    trail=_space(seg.text[-1:]),
                    **{seg.role: seg.text.strip()},
                )
            )
    return _single_spaces(out)


def _space(char: str) -> str:
    return " " if char.isspace() else ""


def _single_spaces(items: list[Run]) -> list[Run]:
    """No doubled space where a change's own space meets the text's."""
    out: list[Run] = []
    for run in items:
        before = out[-1] if out else None
        ends_in_space = before is None or (
            before.trail != "" if before.kind else before.text[-1:].isspace()
        )
        if run.kind is not None and run.lead and ends_in_space:
            run = replace(run, lead="")
        elif run.kind is None and run.text[:1].isspace() and before is not None and before.trail:
            out[-1] = replace(before, trail="")
        out.append(run)
    return out


def highlight(text: str, phrases: list[ContrastPhrase]) -> list[tuple[str, bool]]:
    """A sentence cut into (text, only-in) pieces at its contrast phrases' offsets."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for phrase in sorted(phrases, key=lambda p: p.start):
        start, end = max(phrase.start, pos), min(phrase.end, len(text))
        if start >= end:
            continue
        if start > pos:
            pieces.append((text[pos:start], False))
        pieces.append((text[start:end], True))
        pos = end
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces


def contrast_sentences(
    result: Result, phrases: tuple[ContrastPhrase, ...]
) -> list[tuple[ReadoutSentence, list[tuple[str, bool]]]]:
    """Each sentence holding only-in phrases, in phrase order, with the phrases marked.

    A phrase whose offsets no longer fit its sentence (the base was changed after the
    contrast was made, e.g. by --base) is found by its words, or else shown on its own.
    """
    sentences = sentence_index(result)
    grouped: dict[str, list[ContrastPhrase]] = {}
    for phrase in phrases:
        grouped.setdefault(phrase.sentence, []).append(phrase)
    out = []
    for sentence_id, mine in grouped.items():
        sentence = sentences.get(sentence_id, ReadoutSentence(sentence_id, "", ""))
        located, lost = [], []
        for phrase in mine:
            at = (
                phrase.start
                if sentence.text[phrase.start : phrase.end] == phrase.text
                else sentence.text.find(phrase.text)
            )
            if at < 0:
                lost.append(phrase.text)
            else:
                located.append(replace(phrase, start=at, end=at + len(phrase.text)))
        pieces = highlight(sentence.text, located)
        for text in lost:
            pieces += [(" … " if pieces else "", False), (text, True)]
        out.append((sentence, [(text, only) for text, only in pieces if text]))
    return out


def sentence_index(result: Result) -> dict[str, ReadoutSentence]:
    return {s.id: s for r in result.readouts for s in r.sentences}


def short_id(sentence_id: str) -> str:
    """`2025-04-30-sharif/s3` → `s3`: the readout is named by the section around it."""
    return sentence_id.rsplit("/", 1)[-1]
