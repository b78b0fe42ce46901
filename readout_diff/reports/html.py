"""The HTML report: one self-contained page, readable offline, on a phone and on paper.

Every string from an article reaches the page through an autoescaping Jinja2
environment, and the page's Content-Security-Policy allows no script and no fetch at
all, so a crafted article can neither run code nor make the reader's browser call out.
Sections collapse with `<details>`, which needs no script.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from .. import __version__
from ..model import Document, Readout, ReadoutSentence, Result, Witness
from ..serialise import SCHEMA
from ..views import HeatCell, fidelity, heat_map, sentence_notes, shade
from .common import (
    BAND_RANGE,
    KIND_HELP,
    KIND_ORDER,
    KIND_TAG,
    base_label,
    change_text,
    contrast_sentences,
    doc_labels,
    headline,
    kind_label,
    line_of,
    readout_base,
    runs,
    sentence_index,
    short_id,
    weight,
)


@cache
def environment() -> Environment:
    """The one Jinja environment of the HTML faces: autoescaped, strict, kept."""
    env = Environment(
        loader=PackageLoader("readout_diff", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        kind_label=kind_label, kind_tag=KIND_TAG.__getitem__, percent=lambda v: f"{v:.0%}"
    )
    env.globals.update(
        runs=runs,
        change_text=change_text,
        weight=weight,
        shade=shade,
        short_id=short_id,
        base_label=base_label,
        sentence_notes=sentence_notes,
        readout_base=readout_base,
    )
    return env


@dataclass(frozen=True, slots=True)
class HeatRow:
    """One sentence's row of the heat map."""

    sentence: ReadoutSentence
    cells: list[HeatCell]


@dataclass(frozen=True, slots=True)
class Version:
    """A witness with what the page says about where it came from."""

    witness: Witness
    document: Document | None
    line: int

    @property
    def source(self) -> str:
        path = self.document.path if self.document else self.witness.document
        return f"{path}, line {self.line}"


def safe_url(url: str | None) -> str | None:
    """Only web links become links: a `javascript:` or `data:` URL stays plain text."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


def render(result: Result) -> str:
    """The whole report as one HTML document."""
    documents = {d.id: d for d in result.documents}
    columns, cells = heat_map(result)
    number = {doc: n for n, doc in enumerate(columns, 1)}
    by_sentence: dict[tuple[str, str], list[HeatCell]] = {}
    for cell in cells:
        by_sentence.setdefault((cell.readout, cell.sentence), []).append(cell)
    heat = [
        (r, [HeatRow(s, by_sentence.get((r.id, s.id), [])) for s in r.sentences])
        for r in result.readouts
    ]

    def versions(sentence: ReadoutSentence, doc_id: str) -> list[Version]:
        doc = documents.get(doc_id)
        return [
            Version(w, doc, line_of(doc.text, w.start) if doc else 0)
            for w in sentence.witnesses
            if w.document == doc_id
        ]

    def readout_versions(readout: Readout) -> list[tuple[ReadoutSentence, list[list[Version]]]]:
        return [(s, [versions(s, doc) for doc in readout.documents]) for s in readout.sentences]

    fidelity_rows = sorted(fidelity(result), key=lambda row: number.get(row.document, 0))
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            result=result,
            version=__version__,
            schema=SCHEMA,
            headline=headline(result, len(columns)),
            labels=doc_labels(result),
            documents=documents,
            number=number,
            columns=columns,
            fidelity=fidelity_rows,
            heat=heat,
            readout_versions=readout_versions,
            sentences=sentence_index(result),
            contrast_sentences=lambda phrases: contrast_sentences(result, phrases),
            kinds=[(k, KIND_HELP[k]) for k in KIND_ORDER],
            bands=BAND_RANGE,
            safe_url=safe_url,
            line_of=line_of,
        )
    )
