"""The terminal report: Rich when colour is wanted, plain marked text otherwise.

Same facts, same order as the HTML report: summary, heat map, readouts, contrasts,
unassigned passages, input problems.
"""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import DifferenceKind, Result
from ..views import COSMETIC, describe, fidelity, heat_map, segments, shade

KIND_STYLE = {
    DifferenceKind.TYPOGRAPHY: "dim",
    DifferenceKind.SPELLING_VARIANT: "cyan",
    DifferenceKind.WORDING_CHANGE: "yellow",
    DifferenceKind.OMISSION: "red",
    DifferenceKind.ADDITION: "green",
    DifferenceKind.TRUNCATION: "magenta",
    DifferenceKind.PARAPHRASE: "blue",
}
BLOCKS = {"absent": "·", "verbatim": "█", "minor": "▓", "changed": "▒", "rewritten": "░"}


def _inline(base_text: str, witness, color: bool) -> Text:  # type: ignore[no-untyped-def]
    out = Text()
    for seg in segments(base_text, witness):
        if seg.role == "same":
            out.append(seg.text)
            continue
        style = KIND_STYLE.get(seg.kind, "") if seg.kind else ""
        if seg.role == "removed":
            out.append(
                f"[-{seg.text.strip()}-]" if not color else seg.text.strip(),
                style=f"strike {style}" if color else None,
            )
        else:
            out.append(
                f"{{+{seg.text.strip()}+}}" if not color else seg.text.strip(),
                style=f"bold underline {style}" if color else None,
            )
        out.append(" " if seg.text.endswith(" ") else "")
    return out


def render(result: Result, color: bool = False, width: int = 100) -> str:
    """The whole report as a string (ANSI-styled when `color`)."""
    buffer = StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
    )
    outlets = {d.id: d.outlet for d in result.documents}

    console.print(Text("readout-diff report", style="bold"))
    console.print(
        f"{len(result.readouts)} readouts, "
        f"{sum(1 for d in result.documents if d.role == 'report')} articles, "
        f"{sum(1 for d in result.documents if d.role == 'official')} official texts"
    )
    for r in result.readouts:
        console.print(
            f"  {r.id}: {r.label} ({len(r.sentences)} sentences, {len(r.documents)} outlets)"
        )

    table = Table(title="Fidelity by outlet", show_lines=False, expand=False)
    for column in ("outlet", "document", "versions", "verbatim", "substantive", "cosmetic"):
        table.add_column(
            column, justify="right" if column not in ("outlet", "document") else "left"
        )
    for row in fidelity(result):
        table.add_row(
            row.outlet,
            row.document,
            str(row.witnesses),
            f"{row.verbatim_share:.0%}",
            str(row.substantive),
            str(row.cosmetic),
        )
    console.print(table)

    documents, cells = heat_map(result)
    if documents:
        console.print(Text("Heat map (rows: sentences, columns: documents)", style="bold"))
        legend = "  ".join(f"{mark} {name}" for name, mark in BLOCKS.items())
        console.print(f"  {legend}")
        for number, doc in enumerate(documents, 1):
            console.print(f"  [{number}] {doc}")
        header = " " * 28 + " ".join(f"{n:>2}" for n in range(1, len(documents) + 1))
        console.print(header)
        for r in result.readouts:
            for s in r.sentences:
                row = [c for c in cells if c.sentence == s.id and c.readout == r.id]
                marks = " ".join(f" {BLOCKS[shade(c.divergence)]}" for c in row)
                console.print(f"  {s.id[-26:]:<26}{marks}")

    for r in result.readouts:
        console.rule(Text(f"{r.label}  [{r.id}]", style="bold"))
        for s in r.sentences:
            shared = f"  (also in {', '.join(s.also_in)})" if s.also_in else ""
            console.print(Text(f"{s.id}  base ({s.base_source}){shared}", style="bold"))
            console.print(Text("  " + s.text))
            for w in s.witnesses:
                label = f"  {outlets.get(w.document, w.document)} [{w.kind.value}, {w.score:.2f}]"
                if w.claimed_readout:
                    label += f" (article pins it on {w.claimed_readout})"
                console.print(Text(label, style="italic"))
                line = Text("    ")
                line.append_text(_inline(s.text, w, color))
                console.print(line)
                for d in w.differences:
                    tag = (
                        "substantive"
                        if d.substantive
                        else "cosmetic"
                        if d.kind in COSMETIC
                        else "minor"
                    )
                    console.print(
                        Text(
                            f"      - {d.kind.value} ({tag}): "
                            f"{describe(d.kind, d.base, d.witness)}",
                            style=KIND_STYLE.get(d.kind, "") if color else "",
                        )
                    )

    for c in result.contrasts:
        console.rule(Text(f"Contrast: {c.a} vs {c.b}", style="bold"))
        for title, phrases in ((f"Only in {c.a}", c.only_in_a), (f"Only in {c.b}", c.only_in_b)):
            console.print(Text(title, style="bold"))
            for p in phrases:
                console.print(f"  - {p.text}  ({p.sentence})")
            if not phrases:
                console.print("  (nothing)")
        console.print(Text("Shared", style="bold"))
        for pair in c.shared:
            console.print(f"  - {pair.a} = {pair.b}" + ("" if pair.identical else " (reworded)"))

    if result.unassigned:
        console.rule(Text("Passages assigned to no readout", style="bold"))
        for p in result.unassigned:
            console.print(
                f"  {outlets.get(p.document, p.document)} [{p.kind.value}] {p.text!r}: {p.note}"
            )
    if result.errors or result.notices:
        console.rule(Text("Inputs", style="bold"))
        for e in result.errors:
            console.print(f"  error: {e.path}: {e.message}")
        for n in result.notices:
            console.print(f"  note: {n.path}: {n.message}")
    return buffer.getvalue()
