"""One implementation of who speaks, for the engine and `check` (issue 11, items 5-7)."""

from __future__ import annotations

from pathlib import Path

from readout_diff.check import CheckConfig, Verdict, check
from readout_diff.commands.check import read_articles
from readout_diff.model import Role
from readout_diff.speakers import QuoteBounds, attribution, resolve_names

SOURCE = """The following is attributable to Spokesperson Tammy Bruce:

Secretary of State Marco Rubio spoke with Pakistani Prime Minister Shehbaz Sharif today. \
The Secretary and the Prime Minister reaffirmed their continued commitment to holding \
terrorists accountable. The Secretary urged Pakistan to find a way to de-escalate tensions \
with India and restore calm along the border in the coming days.
"""

ARTICLE = """WASHINGTON — The US top diplomat spoke to Pakistan's leader on Wednesday.

Both sides reaffirmed their "shared commitment to holding terrorists accountable," Bruce said.

Yet the spokesperson added that Rubio wanted Pakistan to "find a path to de-escalate."

Sharif while addressing the media said "we will respond to any aggression."

Yet "nothing" changed, observers noted. The operation, dubbed "Sindoor," was launched later.

"The Secretary urged Pakistan to seek a way to calm tensions with India and restore quiet \
along the frontier soon," the readout said.
"""


def _check(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "state.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    articles, _ = read_articles([str(tmp_path / "a.txt")], Role.REPORT)
    sources, _ = read_articles([str(tmp_path / "src")], Role.OFFICIAL)
    return check(articles, sources, CheckConfig())


def speaker(text: str, quoted: str) -> str | None:
    start = text.index(quoted)
    return attribution(text, QuoteBounds(start, start + len(quoted), 0, len(text)))


def test_sentence_initial_words_and_the_media_never_speak() -> None:
    text = 'Yet the spokesperson added that Rubio wanted Pakistan to "find a path."'
    assert speaker(text, "find a path.") == "the spokesperson"
    text = 'Sharif while addressing the media said "we will respond to any aggression."'
    assert speaker(text, "we will respond to any aggression.") == "Sharif"
    text = 'However, officials noted that "nothing" changed.'
    assert speaker(text, "nothing") != "However"


def test_surnames_and_pronouns_resolve_to_the_full_name() -> None:
    assert resolve_names(["Tammy Bruce", "Bruce", "Ms Bruce", "she", None, "Rubio"]) == [
        "Tammy Bruce",
        "Tammy Bruce",
        "Tammy Bruce",
        "Tammy Bruce",
        None,
        "Rubio",
    ]
    assert resolve_names(["Ms Bruce", "Bruce"]) == ["Ms Bruce", "Bruce"]


def test_check_knows_who_speaks(tmp_path: Path) -> None:
    report = _check(tmp_path)
    by_text = {q.quote.text.strip(' ,."'): q for q in report.quotes}
    shared = by_text["shared commitment to holding terrorists accountable"]
    assert shared.verdict == Verdict.ALTERED  # credited to Bruce, a voice of the sources
    path = by_text["find a path to de-escalate"]
    assert path.verdict == Verdict.ALTERED  # "the spokesperson", not "Yet"
    assert by_text["we will respond to any aggression"].verdict == Verdict.NOT_CHECKED
    codes = {f.message.split(":")[0]: f for f in report.findings}
    assert not any("credited to Yet" in f.message for f in report.findings)
    assert "credited to the media" not in " ".join(f.message for f in report.findings)
    # scare quotes and names credited to no one: information, never an error
    for word in ("nothing", "Sindoor"):
        [q] = [q for q in report.quotes if q.quote.text.strip(' ,."') == word]
        assert q.verdict == Verdict.NOT_CHECKED
    # a heavily altered quote is reported as altered, with its nearest source
    [heavy] = [q for q in report.quotes if q.quote.text.startswith("The Secretary urged")]
    assert heavy.verdict == Verdict.ALTERED and heavy.span is not None
    assert codes  # findings were produced


def test_the_engine_credits_speakers_as_check_does(seeds_result) -> None:  # type: ignore[no-untyped-def]
    speakers = {p.speaker for p in seeds_result.unassigned if p.speaker}
    assert "the media" not in speakers and "Bruce" not in speakers
    assert any(s.endswith("Tammy Bruce") for s in speakers)
    # "…,” the US readout on the Jaishankar conversation said": the readout speaks
    assert not any(
        "readout on the Jaishankar" in (p.speaker or "") for p in seeds_result.unassigned
    )
