"""The whole report as JSON: every quote's verdict and evidence, every finding."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from ... import __version__
from ..model import CheckReport, Finding, Location, QuoteCheck, SourceSpan, Verdict
from ..rules import RULES, Severity

FORMAT_VERSION = 1


def render(report: CheckReport, fail_on: Severity) -> str:
    return json.dumps(to_dict(report, fail_on), ensure_ascii=False, indent=2) + "\n"


def to_dict(report: CheckReport, fail_on: Severity) -> dict[str, Any]:
    verdicts = Counter(q.verdict.value for q in report.quotes)
    severities = Counter(f.severity.value for f in report.active)
    return {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "readout-diff", "version": __version__},
        "mode": report.mode,
        "sources": list(report.sources),
        "voices": list(report.voices),
        "summary": {
            "articles": len(report.articles),
            "quotes": len(report.quotes),
            "verdicts": {v.value: verdicts[v.value] for v in Verdict},
            "findings": {s.value: severities[s.value] for s in Severity},
            "silenced": len(report.findings) - len(report.active),
            "failed": bool(report.failing(fail_on)),
        },
        "quotes": [_quote(q) for q in report.quotes],
        "findings": [_finding(f) for f in report.findings],
        "paraphrases": [
            {
                "location": _location(p.location),
                "text": p.text,
                "source": _span(p.span),
                "changes": list(p.changes),
            }
            for p in report.paraphrases
        ],
    }


def _location(where: Location) -> dict[str, Any]:
    return {
        "path": where.path,
        "line": where.line,
        "column": where.column,
        "end_line": where.end_line,
        "end_column": where.end_column,
        "exact": where.exact,
    }


def _span(span: SourceSpan | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {
        "location": _location(span.location),
        "text": span.text,
        "similarity": span.similarity,
        "call": span.call,
    }


def _quote(check: QuoteCheck) -> dict[str, Any]:
    quote = check.quote
    unsourced = check.verdict == Verdict.UNSOURCED  # its span is the nearest candidate
    return {
        "location": _location(quote.location),
        "document": quote.document,
        "text": quote.text,
        "speaker": quote.speaker,
        "speaker_kind": check.speaker_kind,
        "verdict": check.verdict.value,
        "unclosed": quote.unclosed,
        "source": None if unsourced else _span(check.span),
        "nearest": _span(check.span) if unsourced else None,
        "pinned_call": check.pinned_call,
        "differences": [
            {
                "kind": d.kind.value,
                "source": d.base,
                "quote": d.witness,
                "substantive": d.substantive,
            }
            for d in check.differences
        ],
        "note": check.note,
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "rule": RULES[finding.code].name,
        "severity": finding.severity.value,
        "location": _location(finding.location),
        "message": finding.message,
        "source": _span(finding.related),
        "suppressed": finding.suppressed,
    }
