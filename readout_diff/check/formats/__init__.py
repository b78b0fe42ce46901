"""Output formats for `check`: each is a pure function from a report to text."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # building the command line's parser reads FORMATS only
    from ..model import CheckReport
    from ..rules import Severity

FORMATS = ("text", "json", "github", "junit", "sarif")


def render(report: CheckReport, fmt: str, fail_on: Severity) -> str:
    """The report in one of FORMATS."""
    if fmt == "json":
        from .json_report import render as json_report

        return json_report(report, fail_on)
    if fmt == "github":
        from .github import render as github

        return github(report)
    if fmt == "junit":
        from .junit import render as junit

        return junit(report, fail_on)
    if fmt == "sarif":
        from .sarif import render as sarif

        return sarif(report)
    from .text import render as text

    return text(report)
