"""`path:line:col: CODE message`, one finding a line, then a one-line summary."""

from __future__ import annotations

from collections import Counter

from ..model import CheckReport, Finding, Verdict


def render(report: CheckReport) -> str:
    lines = []
    for finding in sorted(report.active, key=_order):
        where = finding.location
        lines.append(f"{where.path}:{where.line}:{where.column}: {finding.code} {finding.message}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def _order(finding: Finding) -> tuple[str, int, int, str]:
    where = finding.location
    return where.path, where.line, where.column, finding.code


def summary(report: CheckReport) -> str:
    """ "12 quotes in 5 articles: 8 exact, ...; 3 findings (2 errors, 1 warning)"."""
    verdicts = Counter(q.verdict for q in report.quotes)
    counts = ", ".join(f"{verdicts[v]} {v.value}" for v in Verdict if verdicts[v])
    severities = Counter(f.severity.value for f in report.active)
    found = len(report.active)
    parts = [
        f"{severities[s]} {s}{'s' if severities[s] != 1 and s != 'info' else ''}"
        for s in ("error", "warning", "info")
        if severities[s]
    ]
    silenced = len(report.findings) - found
    tail = f" ({', '.join(parts)})" if parts else ""
    tail += f", {silenced} silenced by markers" if silenced else ""
    quotes = len(report.quotes)
    articles = len(report.articles)
    return (
        f"{quotes} quote{'s' if quotes != 1 else ''} in {articles} "
        f"article{'s' if articles != 1 else ''}"
        + (f": {counts}" if counts else "")
        + f"; {found} finding{'s' if found != 1 else ''}{tail}"
    )
