"""The seed articles against the 2025-04-30 readouts they quote (reconstructed in
tests/fixtures/check/seeds): what a newsroom would be told."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from readout_diff.check import CheckConfig, CheckReport, Verdict, check
from readout_diff.commands.check import read_articles
from readout_diff.model import Role

ROOT = Path(__file__).resolve().parent.parent.parent
READOUTS = ROOT / "tests" / "fixtures" / "check" / "seeds"


@pytest.fixture(scope="module")
def report() -> CheckReport:
    articles, _ = read_articles([str(ROOT / "seeds")], Role.REPORT)
    sources, _ = read_articles([str(READOUTS)], Role.OFFICIAL)
    return check(articles, sources, CheckConfig(paraphrase=True))


def _short(path: str) -> str:
    return Path(path).name[:3]


def test_findings(report):
    assert [
        (_short(f.location.path), f.location.line, f.location.column, f.code)
        for f in sorted(
            report.active,
            key=lambda f: (f.location.path, f.location.line, f.location.column, f.code),
        )
    ] == [
        ("000", 5, 80, "RD001"),  # the May 8 readouts are not among the sources
        ("000", 7, 2, "RD001"),
        ("000", 13, 2, "RD001"),
        ("000", 13, 2, "RD005"),  # closed with ";" instead of a quotation mark
        ("000", 17, 111, "RD001"),
        ("001", 13, 49, "RD008"),  # Jaishankar's own post
        ("001", 13, 100, "RD008"),
        ("001", 17, 174, "RD005"),
        ("001", 19, 1, "RD009"),  # "told" where the readout says "encouraged"
        ("001", 23, 2, "RD002"),  # two sentences stitched in reverse order
        ("001", 23, 2, "RD007"),
        ("002", 15, 2, "RD001"),
        ("002", 17, 93, "RD001"),
        ("002", 19, 2, "RD001"),
        ("003", 1, 147, "RD009"),  # "deep sorrow" where the readout says "his sorrow"
        ("003", 11, 2, "RD008"),
        ("004", 6, 2, "RD003"),  # "US's" for "United States'"
        ("004", 11, 224, "RD008"),  # Trump, not the readout
    ]


def test_verdicts(report):
    assert Counter(q.verdict for q in report.quotes) == {
        Verdict.EXACT: 9,
        Verdict.ALTERED: 2,
        Verdict.UNSOURCED: 7,
        Verdict.NOT_CHECKED: 4,
    }
    assert report.voices == ("Marco Rubio", "Tammy Bruce")


def test_messages_name_what_changed(report):
    messages = {
        (_short(f.location.path), f.location.line, f.code): f.message for f in report.active
    }
    assert messages[("004", 6, "RD003")] == (
        'spelling differs from the source: "US’s" for "United States\'" '
        '(allow with spelling-variants = "allow")'
    )
    assert messages[("001", 23, "RD007")] == (
        "words from elsewhere in the source, run together without an ellipsis: "
        '"officials\' cooperation in investigating this unconscionable…"'
    )
    assert messages[("001", 19, "RD009")] == (
        'paraphrase says "told" where the source says "encouraged"'
    )
    assert messages[("004", 11, "RD008")] == (
        "not checked: credited to Trump, whom the sources do not speak for"
    )


def test_the_unclosed_quote_is_still_sourced(report):
    unclosed = [q for q in report.quotes if q.quote.unclosed and _short(q.quote.path) == "001"]
    assert [(q.quote.text, q.verdict, q.quote.speaker) for q in unclosed] == [
        (
            "urged Pakistani officials' cooperation in investigating this unconscionable attack",
            Verdict.EXACT,
            "Ms Bruce",
        )
    ]
    assert unclosed[0].span is not None and unclosed[0].span.call == "Muhammad Shehbaz Sharif"
