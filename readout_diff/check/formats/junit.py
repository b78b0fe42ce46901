"""JUnit XML: a test suite per article, a test case per quote.

A quote with a finding at or above the failing severity is a failure, a quote that
cannot be checked is skipped, lesser findings go to system-out. Findings that belong
to no quote (a paraphrase, a misused marker) get a test case of their own.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from ..model import CheckReport, Finding, Location, Verdict
from ..rules import Severity
from ..verdicts import clip


def _line(finding: Finding) -> str:
    where = finding.location
    return f"{where.path}:{where.line}:{where.column}: {finding.code} {finding.message}"


def render(report: CheckReport, fail_on: Severity) -> str:
    by_place: dict[Location, list[Finding]] = defaultdict(list)
    for finding in report.active:
        by_place[finding.location].append(finding)
    cases: dict[str, list[ET.Element]] = defaultdict(list)
    for check in report.quotes:
        quote = check.quote
        case = ET.Element(
            "testcase",
            {
                "classname": quote.path,
                "name": f"{quote.location.line}:{quote.location.column} “{clip(quote.text, 50)}”",
                "file": quote.path,
                "line": str(quote.location.line),
            },
        )
        _fill(case, by_place.pop(quote.location, []), fail_on)
        if check.verdict == Verdict.NOT_CHECKED and case.find("failure") is None:
            ET.SubElement(case, "skipped", {"message": check.note or "not checked"})
        cases[quote.path].append(case)
    for location, findings in by_place.items():
        case = ET.Element(
            "testcase",
            {
                "classname": location.path,
                "name": f"{location.line}:{location.column} "
                + ", ".join(sorted({f.code for f in findings})),
                "file": location.path,
                "line": str(location.line),
            },
        )
        _fill(case, findings, fail_on)
        cases[location.path].append(case)
    root = ET.Element("testsuites", {"name": "readout-diff check"})
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for path in list(report.articles) + sorted(set(cases) - set(report.articles)):
        suite_cases = cases.get(path, [])
        counts = {
            "tests": len(suite_cases),
            "failures": sum(c.find("failure") is not None for c in suite_cases),
            "skipped": sum(c.find("skipped") is not None for c in suite_cases),
        }
        suite = ET.SubElement(
            root,
            "testsuite",
            {"name": path, "errors": "0", **{k: str(v) for k, v in counts.items()}},
        )
        suite.extend(suite_cases)
        for key, value in counts.items():
            totals[key] += value
    root.attrib.update({k: str(v) for k, v in totals.items()} | {"errors": "0"})
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _fill(case: ET.Element, findings: list[Finding], fail_on: Severity) -> None:
    failing = [f for f in findings if f.severity.rank >= fail_on.rank]
    if failing:
        failure = ET.SubElement(
            case,
            "failure",
            {
                "type": ",".join(f.code for f in failing),
                "message": "; ".join(f"{f.code} {f.message}" for f in failing),
            },
        )
        failure.text = "\n".join(_line(f) for f in failing)
    rest = [f for f in findings if f not in failing]
    if rest:
        ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in rest)
