"""SARIF 2.1.0 for code scanning: every rule, every finding, markers as suppressions.

Columns are counted in Unicode code points (declared with `columnKind`), and the end
column is the one after the quote, as SARIF defines it.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from ... import __version__
from ..model import CheckReport, Finding, Location
from ..rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(report: CheckReport) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


def to_dict(report: CheckReport) -> dict[str, Any]:
    codes = sorted(RULES)
    rules = [
        {
            "id": code,
            "name": RULES[code].name,
            "shortDescription": {"text": RULES[code].summary},
            "defaultConfiguration": {
                "level": _LEVEL[RULES[code].severity.value],
                "enabled": code in report.enabled,
            },
        }
        for code in codes
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "readout-diff",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/readout-diff/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, codes.index(f.code)) for f in report.findings],
            }
        ],
    }


def _physical(where: Location) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": PurePath(where.path).as_posix()}
    if not PurePath(where.path).is_absolute():
        artifact["uriBaseId"] = "%SRCROOT%"
    return {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {
                "startLine": where.line,
                "startColumn": where.column,
                "endLine": where.end_line,
                "endColumn": where.end_column,
            },
        }
    }


def _result(finding: Finding, index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": _LEVEL[finding.severity.value],
        "message": {"text": finding.message},
        "locations": [_physical(finding.location)],
    }
    if finding.related is not None:
        related = _physical(finding.related.location)
        related.update({"id": 1, "message": {"text": "source"}})
        result["relatedLocations"] = [related]
    if finding.suppressed is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.suppressed}]
    return result
