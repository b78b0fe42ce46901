"""The corpus summary: per readout, per outlet, and fidelity over time, in Markdown and HTML.

A corpus is too large for the full report, so this shows the same figures the full
report's summary shows (verbatim share, substantive and cosmetic counts, the divergence
bands) summed over every window.
"""

from __future__ import annotations

from ..corpus import Summary, Tally
from ..views import shade
from .html import environment
from .markdown import escape


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _band(value: float | None) -> str:
    """A word for a verbatim share summed over many witnesses (a single version's band
    names its worst change instead; over a corpus only the share is kept)."""
    if value is None:
        return shade(None)
    if value >= 0.999:
        return "verbatim"
    return "minor" if value >= 0.8 else ("changed" if value >= 0.5 else "rewritten")


def _rows(tallies: dict[str, Tally] | None) -> list[tuple[str, Tally]]:
    return sorted((tallies or {}).items())


def _headline(summary: Summary) -> str:
    readouts = summary.readouts or []
    witnesses = sum(r["witnesses"] for r in readouts)
    text = (
        f"{summary.documents} documents in {summary.windows} windows: {len(readouts)} "
        f"readouts, {witnesses} witnesses, {len(summary.outlets or {})} outlets."
    )
    if summary.failed:
        text += f" Failed windows (not included): {', '.join(summary.failed)}."
    return text


def markdown(summary: Summary) -> str:
    lines = ["# Corpus summary", "", escape(_headline(summary)), "", "## Readouts", ""]
    lines += [
        "| readout | date | sentences | witnesses | outlets | verbatim | band | substantive "
        "| cosmetic | windows |",
        "|---|---|--:|--:|--:|--:|---|--:|--:|---|",
    ]
    for r in summary.readouts or []:
        cells = [
            escape(r["label"]),
            r["date"] or "–",
            str(len(r["sentences"])),
            str(r["witnesses"]),
            str(r["outlets"]),
            _share(r["verbatim_share"]),
            _band(r["verbatim_share"]),
            str(r["substantive"]),
            str(r["cosmetic"]),
            ", ".join(r["windows"]),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    for title, tallies, label in (
        ("Fidelity by outlet", summary.outlets, "outlet"),
        ("Fidelity over time (by week of publication)", summary.weeks, "week of"),
    ):
        lines += ["", f"## {title}", ""]
        lines += [
            f"| {label} | versions | verbatim | band | substantive | cosmetic |",
            "|---|--:|--:|---|--:|--:|",
        ]
        for name, t in _rows(tallies):
            share = t.verbatim_share
            cells = [escape(name), str(t.witnesses), _share(share), _band(share)]
            lines.append("| " + " | ".join(cells + [str(t.substantive), str(t.cosmetic)]) + " |")
    return "\n".join(lines) + "\n"


TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Corpus summary</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #bbb; padding: .2rem .5rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.verbatim { background: #d8f0d8; } .minor { background: #f3f0c8; }
.changed { background: #f6dcb8; } .rewritten { background: #f2c4c4; }
</style></head><body>
<h1>Corpus summary</h1>
<p>{{ headline }}</p>
<h2>Readouts</h2>
<table><tr><th>readout</th><th>date</th><th>sentences</th><th>witnesses</th><th>outlets</th>
<th>verbatim</th><th>band</th><th>substantive</th><th>cosmetic</th><th>windows</th></tr>
{% for r in readouts %}
<tr><td>{{ r.label }}</td><td>{{ r.date or "–" }}</td><td class="n">{{ r.sentences|length }}</td>
<td class="n">{{ r.witnesses }}</td><td class="n">{{ r.outlets }}</td>
<td class="n">{{ share(r.verbatim_share) }}</td>
<td class="{{ band(r.verbatim_share) }}">{{ band(r.verbatim_share) }}</td>
<td class="n">{{ r.substantive }}</td><td class="n">{{ r.cosmetic }}</td>
<td>{{ r.windows|join(", ") }}</td></tr>
{% endfor %}
</table>
{% for title, label, rows in tables %}
<h2>{{ title }}</h2>
<table><tr><th>{{ label }}</th><th>versions</th><th>verbatim</th><th>band</th>
<th>substantive</th><th>cosmetic</th></tr>
{% for name, t in rows %}
<tr><td>{{ name }}</td><td class="n">{{ t.witnesses }}</td>
<td class="n">{{ share(t.verbatim_share) }}</td>
<td class="{{ band(t.verbatim_share) }}">{{ band(t.verbatim_share) }}</td>
<td class="n">{{ t.substantive }}</td><td class="n">{{ t.cosmetic }}</td></tr>
{% endfor %}
</table>
{% endfor %}
</body></html>
"""


def html(summary: Summary) -> str:
    return (
        environment()
        .from_string(TEMPLATE)
        .render(
            headline=_headline(summary),
            readouts=summary.readouts or [],
            tables=[
                ("Fidelity by outlet", "outlet", _rows(summary.outlets)),
                ("Fidelity over time (by week of publication)", "week of", _rows(summary.weeks)),
            ],
            share=_share,
            band=_band,
        )
    )
