"""Every verdict and allowance on the fixtures written for it (tests/fixtures/check)."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout_diff.check import CheckConfig, Verdict, check
from readout_diff.commands.check import read_articles
from readout_diff.model import Role

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "check"
SOURCES = str(FIXTURES / "sources")


def _run(name: str, **options: object):  # type: ignore[no-untyped-def]
    articles, bad = read_articles([str(FIXTURES / "articles" / name)], Role.REPORT)
    sources, bad_sources = read_articles([SOURCES], Role.OFFICIAL)
    assert not bad and not bad_sources
    return check(articles, sources, CheckConfig(**options))  # type: ignore[arg-type]


def _verdicts(report) -> list[tuple[str, Verdict]]:  # type: ignore[no-untyped-def]
    return [(q.quote.text, q.verdict) for q in report.quotes]


def _codes(report) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    return [(f.location.line, f.location.column, f.code) for f in report.active]


def test_exact_quote():
    report = _run("exact.txt")
    [checked] = report.quotes
    assert checked.verdict == Verdict.EXACT
    assert checked.quote.speaker == "spokesperson Paul Devereux"
    assert checked.span is not None and checked.span.path.endswith("official_otieno_2026-02-10.txt")
    assert (checked.span.location.line, checked.span.location.column) == (5, 88)
    assert report.findings == ()


def test_faithful_quote_split_across_two_source_sentences():
    report = _run("split.txt")
    assert _verdicts(report) == [
        (
            "She expressed U.S. support for direct talks between Kenya and Uganda. Both leaders "
            "reaffirmed their continued commitment to regional stability.",
            Verdict.EXACT,
        )
    ]


def test_elisions_and_bracketed_insertion_are_allowed():
    report = _run("elisions.txt")
    assert [v for _, v in _verdicts(report)] == [Verdict.EXACT] * 3
    assert report.findings == ()


def test_elided_quote_in_another_order_is_altered():
    report = _run("reordered.txt")
    assert [v for _, v in _verdicts(report)] == [Verdict.ALTERED]
    assert [(f.code, f.message) for f in report.findings] == [
        ("RD007", "the elided parts stand in another order in the source")
    ]


def test_restore_for_re_establish_is_altered():
    report = _run("restore.txt")
    [checked] = report.quotes
    assert checked.verdict == Verdict.ALTERED
    assert [(d.kind.value, d.base, d.witness) for d in checked.differences] == [
        ("wording_change", "re-establish", "restore")
    ]
    assert [(f.code, f.message) for f in report.findings] == [
        ("RD002", 'quote altered: "restore" for "re-establish"')
    ]


def test_spelling_variant_is_equivalent_only_when_allowed():
    flagged = _run("spelling.txt")
    assert [v for _, v in _verdicts(flagged)] == [Verdict.ALTERED]
    assert [(f.code, f.message) for f in flagged.findings] == [
        (
            "RD003",
            'spelling differs from the source: "emphasised" for "emphasized" '
            '(allow with spelling-variants = "allow")',
        )
    ]
    allowed = _run("spelling.txt", spelling_variants="allow")
    assert [v for _, v in _verdicts(allowed)] == [Verdict.EQUIVALENT]
    assert allowed.findings == ()


def test_quote_pinned_on_another_call_is_sourced_with_a_warning_naming_both():
    report = _run("pinned.txt")
    [checked] = report.quotes
    assert (checked.verdict, checked.pinned_call) == (Verdict.EXACT, "Grace Nakato")
    assert checked.span is not None and checked.span.call == "David Otieno"
    [finding] = report.findings
    assert finding.code == "RD006"
    assert finding.message == (
        "pinned on the call with Grace Nakato, but these words are from the readout of the "
        f"call with David Otieno ({SOURCES}/official_otieno_2026-02-10.txt:5:280)"
    )


def test_missing_closing_mark_is_checked_to_the_end_of_its_sentence_with_a_warning():
    report = _run("unclosed.txt")
    assert _verdicts(report) == [
        ("urged Uganda to release the detained aid workers without delay.", Verdict.EXACT)
    ]
    assert [(f.code, f.message) for f in report.findings] == [
        ("RD005", "closing quotation mark missing; checked to the end of its sentence")
    ]


def test_unsourced_quotes_show_the_nearest_candidate():
    report = _run("unsourced.txt")
    assert _verdicts(report) == [
        ("We will not accept any delay in the talks,", Verdict.UNSOURCED),
        ("fresh commitment", Verdict.UNSOURCED),
        ("continued commitment", Verdict.EXACT),
    ]
    first, second = report.findings
    assert first.code == second.code == "RD001"
    assert first.message.startswith(
        'no source says "We will not accept any delay in the '
        'talks," (credited to Devereux, a voice of the sources; searched '
    )
    assert '; nearest: "' in first.message
    assert first.related is not None
    assert second.message == (
        'no source says "fresh commitment" (credited to no one); no source has words like it'
    )


def test_quote_by_someone_the_sources_do_not_speak_for_is_not_checked():
    report = _run("other_speaker.txt")
    assert _verdicts(report) == [("We are ready to talk,", Verdict.NOT_CHECKED)]
    assert [(f.code, f.severity.value, f.message) for f in report.findings] == [
        ("RD008", "info", "not checked: credited to Otieno, whom the sources do not speak for")
    ]
    assert report.failing(CheckConfig().fail_on) == ()


def test_words_dropped_without_an_ellipsis():
    report = _run("truncated.txt")
    assert [(f.code, f.message) for f in report.findings] == [
        (
            "RD004",
            'words left out without an ellipsis: drops ", re-establish direct communications,"',
        )
    ]


def test_nested_british_and_multi_paragraph_quotes():
    assert [v for _, v in _verdicts(_run("nested.txt"))] == [Verdict.EQUIVALENT]
    assert _verdicts(_run("british.txt")) == [
        ("expressed U.S. support for direct talks between Kenya and Uganda", Verdict.EXACT)
    ]
    assert [v for _, v in _verdicts(_run("multi_paragraph.txt"))] == [Verdict.EXACT] * 2


def test_markers_silence_one_quote_and_misuse_is_reported():
    report = _run("markers.md")
    silenced = [
        (f.code, f.location.line, f.suppressed) for f in report.findings if f.suppressed is not None
    ]
    assert silenced == [
        ("RD002", 2, "the outlet corrected this in print"),
        ("RD001", 5, "no reason given"),
    ]
    assert [(f.location.line, f.code, f.message) for f in report.active] == [
        (4, "RD010", 'ignore marker gives no reason="..."'),
        (7, "RD010", "ignore marker for RD002 silences nothing on the quote that follows it"),
        (10, "RD010", "ignore marker names unknown code RD999"),
    ]


def test_json_lines_input_is_located_in_its_file():  # short quotes must be verbatim
    report = _run("batch.jsonl")
    assert [(q.quote.document, q.quote.location.line, q.verdict) for q in report.quotes] == [
        ("batch#1", 1, Verdict.EXACT),
        ("batch#2", 2, Verdict.UNSOURCED),
    ]


def test_select_and_ignore_filter_findings():
    assert _codes(_run("restore.txt", ignore=("RD002",))) == []
    assert _codes(_run("unsourced.txt", select=("RD008",))) == []


@pytest.mark.parametrize("workers", [1, 2])
def test_parallel_run_gives_the_same_report(workers, monkeypatch):
    from readout_diff.check import core

    monkeypatch.setattr(core, "PARALLEL_FROM", 2)
    articles, _ = read_articles([str(FIXTURES / "articles")], Role.REPORT)
    sources, _ = read_articles([SOURCES], Role.OFFICIAL)
    serial = check(articles, sources, CheckConfig())
    assert check(articles, sources, CheckConfig(), workers=workers) == serial
