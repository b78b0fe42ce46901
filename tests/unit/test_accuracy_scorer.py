"""The accuracy scorer (benchmarks/accuracy.py) on a tiny story written here.

One readout (Whitlock–Otieno), two articles, one official text. The gold holds verbatim
quotes, a changed quote, reported speech and a decoy (the counterpart's own words). The
scorer is checked twice: on a hand-built engine result, so every figure is known exactly
(including wrong answers it must count as wrong), and end to end through `analyse`.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from readout_diff.model import (
    Difference,
    DifferenceKind,
    Document,
    PassageKind,
    Readout,
    ReadoutSentence,
    Result,
    Role,
    Witness,
)

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy.py"


@pytest.fixture(scope="module")
def acc() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy_scorer", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


OFFICIAL = """---
url: https://example.org/readouts/otieno
outlet: State Department
date: 2026-02-03
title: Secretary Whitlock's Call with Kenyan Foreign Minister Otieno
---
Secretary of State Dana Whitlock spoke today with Kenyan Foreign Minister Amani Otieno. \
The Secretary emphasized the need for immediate de-escalation along the border. The \
Secretary encouraged Kenya to re-establish direct communications with Tanzania.
"""

DAILY = """---
url: https://example.org/daily/whitlock-otieno
outlet: Daily Example
date: 2026-02-04
title: Whitlock urges calm in call with Otieno
---
NAIROBI - US Secretary of State Dana Whitlock spoke with Kenyan Foreign Minister Amani \
Otieno on Tuesday.

"The Secretary emphasized the need for immediate de-escalation along the border," the \
State Department said in a statement.

Whitlock also urged Kenya to restore direct communications with Tanzania, the statement said.

Otieno told reporters in Nairobi: "Kenya will never accept any violation of its territory."
"""

TIMES = """---
url: https://example.org/times/border
outlet: Example Times
date: 2026-02-03
title: US presses Kenya on border talks
---
Secretary Whitlock "encouraged Kenya to restore direct communications with Tanzania," \
according to the State Department's readout of her call with Foreign Minister Amani Otieno.

The readout added: "The Secretary emphasized the need for immediate de-escalation along \
the border."
"""

THIRD = """---
outlet: Third Post
date: 2026-02-03
---
Whitlock spoke with Otieno on Tuesday. "The Secretary emphasized the need for immediate \
de-escalation along the border," the department said.
"""

VERBATIM = "The Secretary emphasized the need for immediate de-escalation along the border"
SENTENCE_2 = VERBATIM + "."
SPOKE_WITH = (
    "US Secretary of State Dana Whitlock spoke with Kenyan Foreign Minister Amani Otieno on Tuesday"
)
SPOKE_TODAY = (
    "Secretary of State Dana Whitlock spoke today with Kenyan Foreign Minister Amani Otieno."
)

GOLD = f'''
[story]
slug = "tiny"
title = "Whitlock calls Otieno"
shapes = []
blind = false
made_by = "written for the scorer's test"

[[readout]]
id = "us-otieno"
issuer = "US State Department"
issuer_side = "caller"
caller = "Dana Whitlock"
counterpart = "Amani Otieno"
day = "2026-02-03"
official = "official/state-otieno.md"

[[article]]
file = "articles/daily-2026-02-04.md"
readouts = ["us-otieno"]

  [[article.passage]]
  readout = "us-otieno"
  kind = "paraphrase"
  text = "{SPOKE_WITH}"
  official = "{SPOKE_TODAY}"
  verbatim = false

    [[article.passage.difference]]
    kind = "wording_change"
    base = "today"
    witness = "on Tuesday"
    substantive = false

  [[article.passage]]
  readout = "us-otieno"
  kind = "quote"
  text = "{VERBATIM}"
  official = "{SENTENCE_2}"
  verbatim = true

  [[article.passage]]
  readout = "us-otieno"
  kind = "paraphrase"
  text = "Whitlock also urged Kenya to restore direct communications with Tanzania"
  official = "The Secretary encouraged Kenya to re-establish direct communications with Tanzania."
  verbatim = false

    [[article.passage.difference]]
    kind = "wording_change"
    base = "encouraged"
    witness = "urged"
    substantive = true

    [[article.passage.difference]]
    kind = "wording_change"
    base = "re-establish"
    witness = "restore"
    substantive = true

  [[article.decoy]]
  text = "Kenya will never accept any violation of its territory."
  why = "counterpart's own statement"

[[article]]
file = "articles/times-2026-02-03.md"
readouts = ["us-otieno"]

  [[article.passage]]
  readout = "us-otieno"
  kind = "quote"
  text = "encouraged Kenya to restore direct communications with Tanzania"
  official = "encouraged Kenya to re-establish direct communications with Tanzania"
  verbatim = false

    [[article.passage.difference]]
    kind = "wording_change"
    base = "re-establish"
    witness = "restore"
    substantive = true

  [[article.passage]]
  readout = "us-otieno"
  kind = "quote"
  text = "{SENTENCE_2}"
  official = "{SENTENCE_2}"
  verbatim = true
'''

THIRD_GOLD = f'''
[[article]]
file = "articles/third-2026-02-03.md"
readouts = ["us-otieno"]

  [[article.passage]]
  readout = "us-otieno"
  kind = "quote"
  text = "{VERBATIM}"
  official = "{SENTENCE_2}"
  verbatim = true
'''


def write_story(root: Path, *, third: bool = False) -> Path:
    story = root / "stories" / "tiny"
    (story / "official").mkdir(parents=True)
    (story / "articles").mkdir()
    (story / "official" / "state-otieno.md").write_text(OFFICIAL, "utf-8")
    (story / "articles" / "daily-2026-02-04.md").write_text(DAILY, "utf-8")
    (story / "articles" / "times-2026-02-03.md").write_text(TIMES, "utf-8")
    gold = GOLD
    if third:
        (story / "articles" / "third-2026-02-03.md").write_text(THIRD, "utf-8")
        gold += THIRD_GOLD
    (story / "gold.toml").write_text(gold, "utf-8")
    return story


def body(text: str) -> str:
    return text.split("---\n", 2)[2]


def diff(kind: str, base: str, witness: str, substantive: bool, at: tuple[str, int]) -> Difference:
    """A difference whose witness words stand in `text` from `offset` on: `at` is (text,
    offset)."""
    text, offset = at
    start = text.find(witness, offset) if witness else offset
    return Difference(
        DifferenceKind(kind), base, witness, substantive, 0, len(base), start, start + len(witness)
    )


def witness(doc: str, text: str, span: str, kind: str, *diffs: Difference) -> Witness:
    start = text.index(span)
    return Witness(doc, start, start + len(span), span, PassageKind(kind), 0.9, 0, 10, tuple(diffs))


def hand_made_result(story: Path) -> Result:
    """What a flawed engine might answer: it misses both paraphrases in the daily, flags
    the verbatim quote, calls a cosmetic change substantive, dates the call from the
    publication day and invents a readout out of the counterpart's own words."""
    daily_path = str(story / "articles" / "daily-2026-02-04.md")
    times_path = str(story / "articles" / "times-2026-02-03.md")
    daily, times = body(DAILY), body(TIMES)
    docs = (
        Document("daily", daily_path, "Daily Example", "2026-02-04", Role.REPORT, daily),
        Document("times", times_path, "Example Times", "2026-02-03", Role.REPORT, times),
    )
    quoted_daily = witness(
        "daily",
        daily,
        VERBATIM + ",",
        "quote",
        diff("typography", ".", ",", False, (daily, daily.index(VERBATIM))),
        diff("addition", "", "immediate", True, (daily, 0)),  # a false flag on a verbatim quote
    )
    quoted_times = witness("times", times, SENTENCE_2, "quote")
    changed = witness(
        "times",
        times,
        'Secretary Whitlock "encouraged Kenya to restore direct communications with Tanzania,"',
        "paraphrase",
        diff("addition", "", 'Whitlock "', True, (times, 0)),  # outside the quote: not its own
        diff("wording_change", "re-establish", "restore", False, (times, 0)),  # flag wrong
        diff("omission", "The", "", True, (times, times.index("Kenya"))),  # invented
    )
    decoy = witness(
        "daily", daily, "Kenya will never accept any violation of its territory.", "quote"
    )
    found = Readout(
        "2026-02-04-otieno",
        "Dana Whitlock – Amani Otieno, 2026-02-04",
        "Amani Otieno",
        "2026-02-04",
        (
            ReadoutSentence("s2", SENTENCE_2, "consensus", (quoted_daily, quoted_times)),
            ReadoutSentence("s3", "The Secretary encouraged Kenya", "consensus", (changed,)),
        ),
    )
    invented = Readout(
        "undated-kenya",
        "Amani Otieno – Kenya",
        "Kenya",
        None,
        (ReadoutSentence("s1", decoy.text, "consensus", (decoy,)),),
    )
    return Result(docs, (found, invented), (), ())


def test_hand_made_result_scores_exactly(acc: ModuleType, tmp_path: Path) -> None:
    story_dir = write_story(tmp_path)
    story = acc.load_story(story_dir)
    score = acc.score_run(story, hand_made_result(story_dir), "official")
    assert set(score.counts) == set(acc.COUNT_KEYS)
    assert {key: n for key, n in score.counts.items() if n} == {
        "articles": 2,
        "article_readouts_gold": 2,
        "article_readouts_reported": 3,  # the daily also "reports" the invented readout
        "article_readouts_right": 2,
        "engine_readouts": 2,
        "invented_readouts": 1,
        "gold_readouts": 1,
        "gold_readouts_mapped": 1,
        "identity_caller": 1,
        "identity_counterpart": 1,  # the day is wrong: taken from the publication day
        "quote_gold": 3,
        "quote_found": 3,
        "quote_right_readout": 3,
        "paraphrase_gold": 2,
        "paraphrase_meaning_gold": 2,  # "urged" and "restore" change what was said
        "differences_in_passages_not_found": 3,
        "differences_gold": 1,
        "differences_found": 1,
        "differences_kind_right": 1,
        "differences_substantive_wrong": 1,
        "differences_invented": 3,  # the daily quote's typography and addition, the omission
        "differences_invented_substantive": 2,
        "verbatim_quote_found": 2,
        "verbatim_quote_flagged": 1,
        "verbatim_quote_false_substantive": 1,
        "decoys": 1,
        "false_passages": 1,
    }
    figures = acc.derived(score.counts)
    assert figures["readout_precision"] == pytest.approx(0.667)
    assert figures["readout_recall"] == 1.0
    assert figures["paraphrase_found"] == 0.0
    assert score.details["mapping"] == {"2026-02-04-otieno": "us-otieno", "undated-kenya": None}
    assert score.details["problems"] == []
    assert score.details["identity"]["us-otieno"]["day"] == ["2026-02-04", False]


def test_a_passage_not_in_its_article_is_reported_not_fatal(
    acc: ModuleType, tmp_path: Path
) -> None:
    story_dir = write_story(tmp_path)
    gold = (story_dir / "gold.toml").read_text("utf-8")
    gold = gold.replace('"Whitlock also urged Kenya', '"Whitlock loudly urged Kenya')
    (story_dir / "gold.toml").write_text(gold, "utf-8")
    story = acc.load_story(story_dir)
    score = acc.score_run(story, hand_made_result(story_dir), "official")
    assert score.counts["passages_unlocated"] == 1
    assert score.counts["paraphrase_gold"] == 1
    assert score.details["problems"] == [
        "articles/daily-2026-02-04.md: passage not found in text: "
        "'Whitlock loudly urged Kenya to restore direct communications'"
    ]


def test_locate_folds_quotes_and_whitespace(acc: ModuleType) -> None:
    text = "He said the U.S.\u00a0would \u201crestore\u201d   ties."
    assert acc.locate('U.S. would "restore" ties', text) == (12, len(text) - 1)
    assert acc.locate("nowhere", text) is None
    assert acc.same_person("Mevlüt Çavuşoğlu", "Foreign Minister Mevlut Cavusoglu")
    assert acc.same_person("Wang Yi", "Wang")
    assert not acc.same_person("Marco Rubio", "Antony Blinken")
    assert acc.compare_key("He expressed U.S. support.") == acc.compare_key(
        "he expressed US support"
    )


def run_main(acc: ModuleType, root: Path, *extra: str) -> dict[str, Any]:
    out = root / "scores.json"
    argv = ["--stories", str(root / "stories"), "--history", str(root / "history")]
    assert acc.main([*argv, "--json", str(out), *extra]) == 0
    report: dict[str, Any] = json.loads(out.read_text("utf-8"))
    return report


def test_end_to_end_through_the_engine(
    acc: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_story(tmp_path, third=True)
    report = run_main(acc, tmp_path, "--record-first")
    table = capsys.readouterr().out
    assert "| tiny | with official |" in table and "| tiny | articles only |" in table
    assert (tmp_path / "history" / "tiny.first.json").is_file()
    official = report["stories"]["tiny"]["modes"]["official"]["counts"]
    # what the gold holds, whatever the engine does
    assert official["quote_gold"] == 4 and official["paraphrase_gold"] == 2
    assert official["differences_gold"] + official["differences_in_passages_not_found"] == 4
    assert official["decoys"] == 1 and official["gold_readouts"] == 1
    # what this engine gets right on so plain a story
    assert official["quote_found"] == 4
    assert official["verbatim_quote_found"] == 3
    assert official["identity_caller"] == official["identity_counterpart"] == 1
    assert official["identity_day"] == 1
    assert official["false_passages"] == 0
    articles = report["stories"]["tiny"]["modes"]["articles"]
    assert articles["counts"]["base_sentences"] == 1  # quoted verbatim by 3 articles
    assert articles["counts"]["base_equal"] == 1
    assert report["overall"]["official"] == official
    # a second run prints the first score beside the current one; a blind story says so
    gold = tmp_path / "stories" / "tiny" / "gold.toml"
    gold.write_text(gold.read_text("utf-8").replace("blind = false", "blind = true"), "utf-8")
    run_main(acc, tmp_path)
    table = capsys.readouterr().out
    assert "| tiny (blind) | with official | 3 → 3 |" in table


ISSUE9_OFFICIAL = (
    "Secretary Antony J. Whitlock spoke with U.S. envoys today. The Secretary urged calm "
    "in the region and thanked Kenya for the talks."
)


def _base_equal_story(acc: ModuleType, root: Path) -> tuple[Any, dict[str, Any]]:
    """Four articles of three outlets (two are one outlet's copies), each quoting part of
    the official text verbatim, the gold giving each its own stretch of wording."""
    (root / "official").mkdir()
    (root / "articles").mkdir()
    (root / "official" / "o.md").write_text(f"---\noutlet: State\n---\n{ISSUE9_OFFICIAL}\n")
    quotes = {
        "x": ("X", ["The Secretary urged calm in the region"]),
        "y": ("Y", ["urged calm in the region and thanked Kenya for the talks"]),
        "z": ("Z", [ISSUE9_OFFICIAL]),
        "z2": ("Z", ["Secretary Antony J. Whitlock spoke with U.S. envoys today."]),
    }
    gold = {}
    for name, (outlet, texts) in quotes.items():
        file = f"articles/{name}.md"
        (root / file).write_text(f"---\noutlet: {outlet}\n---\n" + " ".join(texts) + "\n")
        passages = [acc.GoldPassage("r", "quote", t, t, True, []) for t in texts]
        gold[name] = acc.GoldArticle(file, ["r"], passages, [])
    readout = acc.GoldReadout("r", "US", "Whitlock", "Otieno", "2026-02-03", "official/o.md")
    story = acc.Story("s", root, "", False, [readout], list(gold.values()))
    return story, gold


def _with_bases(*bases: str) -> Result:
    sentences = tuple(ReadoutSentence(f"s{i}", b, "consensus", ()) for i, b in enumerate(bases))
    return Result((), (Readout("r", "r", "Otieno", None, sentences),), (), ())


def test_base_equal_counts_official_sentences_three_outlets_quote(
    acc: ModuleType, tmp_path: Path
) -> None:
    """Issue 9's measure is per official sentence: three outlets quoting different parts
    of one sentence make it count; one outlet's two copies are one outlet; the base must
    carry the official wording over all they quote, and no word beyond the sentence."""
    story, gold = _base_equal_story(acc, tmp_path)
    cases = {
        "The secretary urged calm in the region, and thanked Kenya for the talks": 1,
        "The Secretary urged calm in the region.": 0,  # short of what Y and Z quote
        "The Secretary urged calm in the region and thanked Kenya for the talks on Monday.": 0,
    }
    for base, equal in cases.items():
        counts: Counter[str] = Counter()
        rows = acc._base_equal(story, _with_bases(base), gold, counts)
        assert (counts["base_sentences"], counts["base_equal"]) == (1, equal)
        assert rows[0]["outlets"] == 3
        assert rows[0]["official"].startswith("the secretary urged calm")


def test_split_sentences_keeps_initials_and_abbreviations(acc: ModuleType) -> None:
    assert acc.split_sentences(ISSUE9_OFFICIAL) == [
        "secretary antony j whitlock spoke with us envoys today".split(),
        "the secretary urged calm in the region and thanked kenya for the talks".split(),
    ]


def test_one_engine_difference_over_two_gold_ones_answers_the_one_of_its_substance(
    acc: ModuleType,
) -> None:
    """An engine difference that covers a cosmetic rewording and a dropped claim, flagged
    substantive, answers the dropped claim, though the gold lists the rewording first; the
    rewording, at its place, is answered by it too (and scored wrong on substance)."""
    text = "Kim stressed growth in its ties with Ruritania and voiced concern."
    start = text.index("growth")
    end = text.index("and voiced")
    joined = Difference(
        DifferenceKind.PARAPHRASE,
        "commitment to our allies and",
        "growth in its ties with Ruritania and",
        True,
        0,
        28,
        start,
        end + len("and"),
    )
    passage = acc.GoldPassage(
        readout="r",
        kind="paraphrase",
        text=text,
        official="",
        verbatim=False,
        differences=[
            acc.GoldDifference(
                "paraphrase", "growth in ties", "growth in its ties with Ruritania", False
            ),
            acc.GoldDifference("omission", "the Union's commitment to our allies", "", True),
        ],
        span=(0, len(text)),
    )
    c: Counter[str] = Counter()
    rows = acc._score_differences(passage, [joined], [joined], text, c)
    assert [r["engine"] is not None for r in rows] == [True, True]
    assert (c["differences_found"], c["differences_substantive_right"]) == (2, 1)
