"""The Markdown report: GitHub-flavoured, with changes marked so they survive a paste.

Removed base words are ~~struck~~, the outlet's words are **bold**, and every change
carries a `[kind]` tag, so the marks still read as plain text where Markdown is not
rendered. Article text is escaped: it can neither break a table nor become a link,
an image or HTML.
"""

from __future__ import annotations

import re

from ..model import Contrast, Document, Readout, ReadoutSentence, Result, Witness
from ..views import HeatCell, fidelity, heat_map, sentence_notes
from .common import (
    BAND_RANGE,
    KIND_HELP,
    KIND_ORDER,
    Run,
    about_document,
    base_label,
    change_text,
    contrast_sentences,
    doc_labels,
    headline,
    kind_label,
    readout_base,
    runs,
    sentence_index,
    short_id,
    weight,
    where,
)

BLOCKS = {"verbatim": "█", "minor": "▓", "changed": "▒", "rewritten": "░"}
_ACTIVE = re.compile(r"([\\`*~\[\]<>|#])")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # not inside a word: may emphasise
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^([-+]|\d+[.)])")
_TAG_THEN_PAREN = re.compile(r"(\[[a-z ]+\])\(")


def escape(text: str) -> str:
    """Article text as inert Markdown on one line: safe in a table cell or a heading."""
    text = re.sub(r"\s+", " ", text)
    text = _ACTIVE.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    return _ENTITY.sub(r"\\&", text)


def _quote(text: str) -> str:
    """A block quote of article text that cannot turn into a list."""
    return "> " + _BLOCK_START.sub(r"\\\1", escape(text).strip())


def _code(text: str, cell: bool = False) -> str:
    """An id or path in a code span; in a table cell its `|` is escaped as GFM requires."""
    text = re.sub(r"\s+", " ", text)
    if cell:
        text = text.replace("|", "\\|")
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _row(*cells: str) -> str:
    return "| " + " | ".join(cell or " " for cell in cells) + " |"


def _table(header: list[str], align: str, rows: list[list[str]]) -> list[str]:
    marks = {"l": "---", "r": "--:", "c": ":-:"}
    return [_row(*header), _row(*(marks[a] for a in align)), *(_row(*r) for r in rows), ""]


def marked(base_text: str, witness: Witness) -> str:
    """The witness as Markdown: ~~base words~~ **outlet's words**[kind] around plain text."""
    out = []
    previous = ""
    for run in runs(base_text, witness):
        if run.kind is None:
            out.append(escape(run.text) if run.text.strip() else run.text)
        else:
            out.append(_change(run, previous))
        previous = out[-1]
    return _TAG_THEN_PAREN.sub(r"\1\\(", "".join(out)).strip()


def _change(run: Run, previous: str) -> str:
    parts = []
    if run.removed:
        parts.append(f"~~{escape(run.removed)}~~")
    if run.added:
        parts.append(f"**{escape(run.added)}**")
    assert run.kind is not None
    # A delimiter touching a word on its outer side and punctuation on its inner side does
    # not open emphasis (CommonMark flanking rules): keep a space there.
    lead = run.lead or (
        " " if previous[-1:].isalnum() and not (run.removed or run.added)[0].isalnum() else ""
    )
    return f"{lead}{' '.join(parts)}[{kind_label(run.kind)}]{run.trail}"


def render(result: Result) -> str:
    """The whole report as GitHub-flavoured Markdown."""
    labels = doc_labels(result)
    documents = {d.id: d for d in result.documents}
    columns, cells = heat_map(result)
    number = {doc: n for n, doc in enumerate(columns, 1)}
    lines = [
        "# readout-diff report",
        "",
        headline(result, len(columns)),
        "",
        "## Summary",
        "",
        "### Readouts found",
        "",
    ]
    if result.readouts:
        lines += _table(
            ["Readout", "Id", "Date", "Sentences", "Outlets", "Base"],
            "lllrrl",
            [
                [
                    escape(r.label),
                    _code(r.id, cell=True),
                    r.date or "unknown",
                    str(len(r.sentences)),
                    str(len(r.documents)),
                    escape(readout_base(r, labels)),
                ]
                for r in result.readouts
            ],
        )
    else:
        lines += ["No readout found in these inputs.", ""]
    lines += ["### Fidelity by outlet", ""] + _fidelity(result, labels, documents, number)
    lines += ["## Heat map", ""] + _heat_map(result, columns, cells, number)
    lines += [
        "## How differences are marked",
        "",
        "~~Struck~~ words are the base's, **bold** words are the outlet's, and the tag in "
        "brackets names the kind of change. Each version's changes are listed with their "
        "weight: substantive, minor or cosmetic. Line numbers count lines of the text the "
        "tool read (after any HTML extraction or front matter).",
        "",
    ]
    lines += [f"- `[{kind_label(k)}]` {KIND_HELP[k]}" for k in KIND_ORDER] + [""]
    for r in result.readouts:
        lines += _readout(r, labels, documents)
    if result.contrasts:
        lines += ["## Contrasts between twin readouts", ""]
        for c in result.contrasts:
            lines += _contrast(result, c)
    if result.unassigned:
        lines += [
            "## Passages assigned to no readout",
            "",
            "Quotes and reported speech the tool found but could not pin on a readout, "
            "with the reason.",
            "",
        ]
        lines += _table(
            ["Outlet", "Where", "Kind", "Passage", "Why not assigned"],
            "lllll",
            [
                [
                    escape(labels.get(p.document, p.document)),
                    _code(where(documents[p.document], p.start), cell=True)
                    if p.document in documents
                    else "",
                    p.kind.value,
                    escape(p.text) + (f" (credited to {escape(p.speaker)})" if p.speaker else ""),
                    escape(p.note or ""),
                ]
                for p in result.unassigned
            ],
        )
    if result.errors or result.notices:
        lines += ["## Inputs", ""]
        lines += [f"- error: {_code(e.path)}: {escape(e.message)}" for e in result.errors]
        lines += [f"- note: {_code(n.path)}: {escape(n.message)}" for n in result.notices]
        lines += [""]
    lines += ["## Documents read", ""] + [
        f"- {escape(about_document(d, labels))}" for d in result.documents
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


def _fidelity(
    result: Result, labels: dict[str, str], documents: dict[str, Document], number: dict[str, int]
) -> list[str]:
    rows = sorted(fidelity(result), key=lambda row: number.get(row.document, 0))
    if not rows:
        return ["No outlet carries readout wording.", ""]
    table = []
    for row in rows:
        doc = documents.get(row.document)
        outlet = escape(labels.get(row.document, row.document))
        if doc and doc.copy_of:
            outlet += f" (same text as {escape(labels.get(doc.copy_of, doc.copy_of))})"
        table.append(
            [
                str(number.get(row.document, "")),
                outlet,
                doc.date or "" if doc else "",
                str(row.witnesses),
                f"{row.verbatim_share:.0%}",
                str(row.misquotes),
                str(row.drift),
                str(row.cosmetic),
            ]
        )
    return _table(
        ["#", "Outlet", "Date", "Versions", "Verbatim", "Misquotes", "Drift", "Cosmetic"],
        "rllrrrrr",
        table,
    ) + [
        "Versions: passages, each counted once. Verbatim: share of the outlet's readout words "
        "inside no substantive change. Misquotes: substantive changes inside quotation marks "
        "(quotes, posts). Drift: substantive changes in reported speech.",
        "",
    ]


def _heat_map(
    result: Result, columns: list[str], cells: list[HeatCell], number: dict[str, int]
) -> list[str]:
    if not columns:
        return ["Nothing to map: no outlet carries readout wording.", ""]
    key = ", ".join(f"{BLOCKS[band]} {band} ({BAND_RANGE[band]})" for band in BLOCKS)
    found = {(c.readout, c.sentence, c.document): c for c in cells}
    table = []
    for r in result.readouts:
        table.append([f"**{escape(r.label)}**"] + [""] * len(columns))
        for s in r.sentences:
            row = [short_id(s.id)]
            for doc in columns:
                cell = found.get((r.id, s.id, doc))
                if cell is None or cell.band is None:
                    row.append("")
                else:
                    row.append(f"{BLOCKS[cell.band]} {cell.band}")
            table.append(row)
    return [
        "Rows: readout sentences. Columns: outlets, numbered as in the table above. "
        "Each cell: the most serious change in that outlet's version (cosmetic "
        f"changes aside). Key: {key}; blank: the outlet does not carry the sentence.",
        "",
    ] + _table(["Sentence", *(str(number[d]) for d in columns)], "l" + "c" * len(columns), table)


def _readout(r: Readout, labels: dict[str, str], documents: dict[str, Document]) -> list[str]:
    about = f"Readout {_code(r.id)}"
    if r.counterpart:
        about += f": call with {escape(r.counterpart)}"
    if r.date:
        about += f" on {r.date}"
    carriers = len(r.documents)
    about += f". {carriers} outlet{'s carry' if carriers != 1 else ' carries'} it."
    lines = [f"## {escape(r.label)}", "", about, ""]
    for s in r.sentences:
        lines += _sentence(s, labels, documents)
    return lines


def _sentence(
    s: ReadoutSentence, labels: dict[str, str], documents: dict[str, Document]
) -> list[str]:
    lines = [
        f"### {short_id(s.id)}",
        "",
        _quote(s.text),
        "",
        f"Base: {escape(base_label(s.base_source, labels))}."
        + (f" Also in {', '.join(_code(o) for o in s.also_in)}." if s.also_in else ""),
        "",
    ]
    notes = sentence_notes(s)  # disputed spots and where most outlets differ
    if notes:
        lines += [
            f"- **{'Disputed' if n.startswith('disputed') else 'Majority'}:** {escape(n)}"
            for n in notes
        ]
        lines.append("")
    if not s.witnesses:
        return lines + ["No outlet carries this sentence.", ""]
    table = []
    for w in s.witnesses:
        doc = documents.get(w.document)
        source = _code(where(doc, w.start), cell=True) if doc else _code(w.document, cell=True)
        about = (
            f"**{escape(labels.get(w.document, w.document))}** ({w.kind.value}, {source}, "
            f"match {w.score:.2f})"
        )
        if w.claimed_readout:
            about += f" the article pins it on {_code(w.claimed_readout, cell=True)}"
        changes = "; ".join(
            f"[{kind_label(d.kind)}] {escape(change_text(d))} ({weight(d)})" for d in w.differences
        )
        table.append([about, marked(s.text, w), changes or "none"])
    return lines + _table(["Outlet", "Version", "Changes"], "lll", table)


def _bold(text: str) -> str:
    """**text**, with the spaces around it kept outside the delimiters."""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"{lead}**{escape(text.strip())}**{trail}" if text.strip() else text


def _contrast(result: Result, c: Contrast) -> list[str]:
    names = {r.id: r.label for r in result.readouts}
    a, b = names.get(c.a, c.a), names.get(c.b, c.b)
    lines = [
        f"### {escape(a)} vs {escape(b)}",
        "",
        "Words only one of the twins says are in **bold**.",
        "",
    ]
    for label, phrases in ((a, c.only_in_a), (b, c.only_in_b)):
        lines += [f"**Only in {escape(label)}**", ""]
        pieces = contrast_sentences(result, phrases)
        for sentence, parts in pieces:
            text = "".join(_bold(t) if only else escape(t) for t, only in parts)
            lines.append(f"- {short_id(sentence.id)}: {text.strip()}")
        if not pieces:
            lines.append("- nothing: every sentence has a counterpart")
        lines.append("")
    lines += [f"**Said in both {escape(a)} and {escape(b)}**", ""]
    sentences = sentence_index(result)
    if c.shared:
        lines += _table(
            [escape(a), escape(b), "Wording"],
            "lll",
            [
                [
                    f"{short_id(p.a)}: {escape(sentences[p.a].text) if p.a in sentences else ''}",
                    f"{short_id(p.b)}: {escape(sentences[p.b].text) if p.b in sentences else ''}",
                    "identical" if p.identical else "reworded",
                ]
                for p in c.shared
            ],
        )
    else:
        lines += ["No sentence of one has a counterpart in the other.", ""]
    return lines
