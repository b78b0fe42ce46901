"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` per finding.

Escaping follows actions/toolkit: data escapes %, CR and LF; properties also escape
":" and ",", which would otherwise end the property. Annotations never fail a job;
the exit code does.
"""

from __future__ import annotations

from ..model import CheckReport
from ..rules import RULES

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: CheckReport) -> str:
    lines = []
    for finding in report.active:
        where = finding.location
        props = [f"file={escape_property(where.path)}", f"line={where.line}", f"col={where.column}"]
        if where.end_line == where.line and where.end_column > where.column:
            props.append(f"endColumn={where.end_column - 1}")
        else:
            props.append(f"endLine={where.end_line}")
        title = f"{finding.code} {RULES[finding.code].name}"
        props.append(f"title={escape_property(title)}")
        lines.append(
            f"::{_LEVEL[finding.severity.value]} {','.join(props)}::{escape_data(finding.message)}"
        )
    return "".join(line + "\n" for line in lines)
