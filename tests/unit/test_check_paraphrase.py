"""--paraphrase: reported speech whose wording changes the source's meaning."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout_diff.check import CheckConfig, check
from readout_diff.check.paraphrase import meaning_changes
from readout_diff.commands.check import read_articles
from readout_diff.entities import canonicalise, detect_cast
from readout_diff.model import Role
from readout_diff.normalise import tokenise

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "check"
CAST = detect_cast(
    [
        "Secretary Castell spoke with Kenyan Foreign Minister David Otieno.",
        "Secretary Castell spoke with Ugandan Foreign Minister Grace Nakato.",
    ]
)


def _changes(reported: str, source: str) -> list[str]:
    def toks(text: str):  # type: ignore[no-untyped-def]
        return canonicalise(tokenise(text), CAST.gazetteer)

    return meaning_changes(toks(reported), toks(source), CAST)


@pytest.mark.parametrize(
    ("reported", "source", "changes"),
    [
        (
            "Castell told Kenya to talk.",
            "The Secretary encouraged Kenya to talk.",
            ['paraphrase says "told" where the source says "encouraged"'],
        ),
        (
            "Castell urged Uganda to talk.",
            "The Secretary urged Kenya to talk.",
            ['paraphrase names "Uganda" where the source names "Kenya"'],
        ),
        (
            "Castell said talks must not stop.",
            "The Secretary said talks should go on.",
            [
                'paraphrase negation differs: "not" where the source has none',
                'modal "must" where the source has "should"',
            ],
        ),
        (
            "Castell asked for 30 monitors.",
            "The Secretary asked for 20 monitors.",
            ['paraphrase number "30" is not in the source'],
        ),
        (
            "Castell asked Kenya to talk.",
            "The Secretary urged Kenya to talk.",
            ['paraphrase says "asked" where the source says "urged"'],  # issue 10: asked < urged
        ),
        ("Castell called on Kenya to talk.", "The Secretary urged Kenya to talk.", []),
    ],
)
def test_meaning_changes(reported, source, changes):
    assert _changes(reported, source) == changes


def test_paraphrase_fixture_only_with_the_option():
    articles, _ = read_articles([str(FIXTURES / "articles" / "paraphrase.txt")], Role.REPORT)
    sources, _ = read_articles([str(FIXTURES / "sources")], Role.OFFICIAL)
    assert check(articles, sources, CheckConfig()).findings == ()
    report = check(articles, sources, CheckConfig(paraphrase=True))
    assert [(f.location.line, f.code, f.message) for f in report.findings] == [
        (1, "RD009", 'paraphrase says "told" where the source says "encouraged"'),
        (3, "RD009", 'paraphrase names "Uganda" where the source names "Kenya"'),
    ]
    assert [p.span.text[:40] for p in report.paraphrases] == [
        "The Secretary encouraged Kenya to work w"
    ] * 2


def test_each_clause_is_checked_against_its_own_source_sentence(tmp_path: Path) -> None:
    article = tmp_path / "clauses.txt"
    article.write_text(
        "Castell expressed concern over the reported loss of civilian lives near the border, "
        "urging Kenya to release the detained aid workers without delay.\n"
    )
    articles, _ = read_articles([str(article)], Role.REPORT)
    sources, _ = read_articles([str(FIXTURES / "sources")], Role.OFFICIAL)
    report = check(articles, sources, CheckConfig(paraphrase=True))
    assert [(f.code, f.message) for f in report.findings] == [
        ("RD009", 'paraphrase names "Kenya" where the source names "Uganda"')
    ]
    assert [p.text for p in report.paraphrases] == [
        "urging Kenya to release the detained aid workers without delay"
    ]
