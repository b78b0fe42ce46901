"""Every output format of `check`: text, JSON, GitHub annotations, JUnit XML, SARIF 2.1.0."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from readout_diff.check import CheckConfig, check
from readout_diff.check.formats import render
from readout_diff.check.formats.github import escape_data, escape_property
from readout_diff.check.model import CheckReport
from readout_diff.check.rules import Severity
from readout_diff.commands.check import read_articles
from readout_diff.model import Role

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "check"
ARTICLES = FIXTURES / "articles"


@pytest.fixture(scope="module")
def report() -> CheckReport:
    paths = [str(ARTICLES / n) for n in ("restore.txt", "other_speaker.txt", "markers.md")]
    articles, _ = read_articles(paths, Role.REPORT)
    sources, _ = read_articles([str(FIXTURES / "sources")], Role.OFFICIAL)
    return check(articles, sources, CheckConfig())


def test_text(report):
    lines = render(report, "text", Severity.WARNING).splitlines()
    assert lines == [
        f'{ARTICLES}/markers.md:4:1: RD010 ignore marker gives no reason="..."',
        f"{ARTICLES}/markers.md:7:1: RD010 ignore marker for RD002 silences nothing on the "
        "quote that follows it",
        f"{ARTICLES}/markers.md:10:1: RD010 ignore marker names unknown code RD999",
        f"{ARTICLES}/other_speaker.txt:1:2: RD008 not checked: credited to Otieno, whom the "
        "sources do not speak for",
        f'{ARTICLES}/restore.txt:1:25: RD002 quote altered: "restore" for "re-establish"',
        "5 quotes in 3 articles: 1 exact, 2 altered, 1 unsourced, 1 not checked; "
        "5 findings (1 error, 3 warnings, 1 info), 2 silenced by markers",
    ]


def test_json(report):
    data = json.loads(render(report, "json", Severity.WARNING))
    assert data["summary"] == {
        "articles": 3,
        "quotes": 5,
        "verdicts": {"exact": 1, "equivalent": 0, "altered": 2, "unsourced": 1, "not checked": 1},
        "findings": {"error": 1, "warning": 3, "info": 1},
        "silenced": 2,
        "failed": True,
    }
    restore = data["quotes"][0]
    assert (restore["verdict"], restore["speaker"], restore["speaker_kind"]) == (
        "altered",
        "the readout",
        "source",
    )
    assert restore["differences"] == [
        {
            "kind": "wording_change",
            "source": "re-establish",
            "quote": "restore",
            "substantive": True,
        }
    ]
    assert restore["source"]["location"]["line"] == 5 and restore["nearest"] is None
    unsourced = next(q for q in data["quotes"] if q["verdict"] == "unsourced")
    assert unsourced["source"] is None and unsourced["nearest"]["similarity"] < 0.6
    silenced = [f for f in data["findings"] if f["suppressed"]]
    assert [(f["code"], f["suppressed"]) for f in silenced] == [
        ("RD002", "the outlet corrected this in print"),
        ("RD001", "no reason given"),
    ]


def test_github_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_annotations(report):
    lines = render(report, "github", Severity.WARNING).splitlines()
    assert len(lines) == 5
    assert lines[0] == (
        f"::error file={ARTICLES}/restore.txt,line=1,col=25,endColumn=85,"
        'title=RD002 altered-quote::quote altered: "restore" for "re-establish"'
    )
    assert lines[1].startswith(f"::notice file={ARTICLES}/other_speaker.txt,line=1,col=2,")
    assert all("RD001" not in line for line in lines)  # silenced by its marker


def test_junit(report):
    root = ET.fromstring(render(report, "junit", Severity.WARNING))
    assert root.tag == "testsuites"
    assert {k: root.get(k) for k in ("tests", "failures", "skipped")} == {
        "tests": "8",
        "failures": "4",
        "skipped": "1",
    }
    suites = {Path(s.get("name") or "").name: s for s in root}
    restore = suites["restore.txt"].find("testcase")
    assert restore is not None and restore.get("name") == (
        "1:25 “restore direct communications, and reopen the Bus…”"
    )
    failure = restore.find("failure")
    assert failure is not None and failure.get("type") == "RD002"
    other = suites["other_speaker.txt"].find("testcase")
    assert other is not None and other.find("skipped") is not None
    assert other.findtext("system-out", "").endswith(
        "RD008 not checked: credited to Otieno, whom the sources do not speak for"
    )


# The official SARIF 2.1.0 schema (OASIS, errata 01), vendored: no package on PyPI ships it.
# Source: https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json
# (the same file as Schemata/sarif-schema-2.1.0.json in github.com/oasis-tcs/sarif-spec).
SARIF_SCHEMA = json.loads(
    (Path(__file__).resolve().parent.parent / "schemas" / "sarif-schema-2.1.0.json").read_text(
        "utf-8"
    )
)


def test_the_vendored_schema_is_the_official_one() -> None:
    jsonschema.Draft4Validator.check_schema(SARIF_SCHEMA)
    assert SARIF_SCHEMA["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert len(SARIF_SCHEMA["definitions"]) == 52


def validate_sarif(data: object) -> None:
    validator = jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_sarif_is_valid_against_the_official_schema_with_no_findings() -> None:
    empty = CheckReport("consensus", (), (), (), ())
    validate_sarif(json.loads(render(empty, "sarif", Severity.WARNING)))


def test_sarif_is_valid_2_1_0(report):
    data = json.loads(render(report, "sarif", Severity.WARNING))
    validate_sarif(data)
    run = data["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [f"RD{n:03d}" for n in range(1, 11)]
    results = run["results"]
    assert len(results) == len(report.findings) == 7
    first = results[0]
    assert (first["ruleId"], first["ruleIndex"], first["level"]) == ("RD002", 1, "error")
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 25,
        "endLine": 1,
        "endColumn": 86,
    }
    assert first["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert [r["suppressions"][0]["justification"] for r in results if "suppressions" in r] == [
        "the outlet corrected this in print",
        "no reason given",
    ]
    for result in results:
        rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
