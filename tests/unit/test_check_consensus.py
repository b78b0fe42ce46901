"""--consensus: a lone deviant quote stands out against what the other outlets agree on."""

from __future__ import annotations

from pathlib import Path

from readout_diff.check import CheckConfig, Verdict, check_consensus
from readout_diff.check.core import Article
from readout_diff.commands.check import read_articles
from readout_diff.model import Document, Role

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "check"


def test_the_lone_deviant_quote_is_altered():
    articles, _ = read_articles([str(FIXTURES / "consensus")], Role.REPORT)
    report = check_consensus(articles, CheckConfig())
    assert [(Path(q.quote.path).name, q.verdict) for q in report.quotes] == [
        ("c1_valley_times.txt", Verdict.EXACT),
        ("c2_coast_herald.txt", Verdict.EXACT),
        ("c3_plains_daily.txt", Verdict.EXACT),
        ("c4_river_post.txt", Verdict.ALTERED),
    ]
    [finding] = report.findings
    assert (Path(finding.location.path).name, finding.code, finding.message) == (
        "c4_river_post.txt",
        "RD002",
        'quote altered: "urged" for "encouraged" (the wording 3 other outlets agree on)',
    )
    assert report.mode == "consensus"


def _article(name: str, text: str) -> Article:
    return Article(Document(name, f"{name}.txt", name, None, Role.REPORT, text))


def test_an_even_split_and_an_uncorroborated_quote_are_not_checked():
    quote = '"The Secretary {} Kenya to work with Uganda on trade," the readout said.\n'
    report = check_consensus(
        [
            _article("a", "Lead one.\n\n" + quote.format("encouraged")),
            _article("b", "Lead two.\n\n" + quote.format("urged")),
            _article("c", 'Lead three.\n\n"Nothing like the others at all," she said.\n'),
        ],
        CheckConfig(),
    )
    assert [(q.verdict, q.note) for q in report.quotes] == [
        (Verdict.NOT_CHECKED, "the outlets split on this wording, so there is no consensus"),
        (Verdict.NOT_CHECKED, "the outlets split on this wording, so there is no consensus"),
        (Verdict.NOT_CHECKED, "no other outlet quotes these words"),
    ]
    assert {f.code for f in report.findings} == {"RD008"}


def test_wire_copies_vote_once():
    body = "Wire story lead paragraph that is long enough to count here.\n\n{}"
    quote = '"The Secretary {} Kenya to work with Uganda on trade," the readout said.\n'
    report = check_consensus(
        [
            _article("a", body.format(quote.format("urged"))),
            _article("b", body.format(quote.format("urged"))),
            _article("c", "Own lead.\n\n" + quote.format("encouraged")),
            _article(
                "d",
                "Other lead.\n\n"
                + quote.format("encouraged").replace("the readout", "a State Department statement"),
            ),
        ],
        CheckConfig(),
    )
    assert [q.verdict for q in report.quotes][:2] == [Verdict.ALTERED, Verdict.ALTERED]
