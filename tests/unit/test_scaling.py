"""What keeps big inputs linear gives the same answers as the plain definitions it replaced.

Each index (of witnesses by document and start, of spans holding spans) is checked against
the pair-by-pair definition on many small random cases; each pattern that skips positions
of a long text (`scanning.starting_with`) against the pattern it wraps, on real articles.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from readout_diff import align, attribute, dates, entities, identity, pipeline, witnesses
from readout_diff.dates import find_dates, relative_days
from readout_diff.model import PassageKind, Witness
from readout_diff.segment import layout

ROOT = Path(__file__).resolve().parents[2]
KINDS = [PassageKind.QUOTE, PassageKind.POST, PassageKind.PARAPHRASE]


def _witness(rng: random.Random) -> Witness:
    start = rng.randrange(0, 30)
    end = start + rng.randrange(0, 12)
    kind = rng.choice(KINDS)
    return Witness(rng.choice("ab"), start, end, "", kind, 1.0, 0, 0)


def _covers(o: Witness, w: Witness) -> bool:
    """The pair-by-pair definition `witnesses._drop_redundant` replaced."""
    if o is w or o.document != w.document or not (o.start <= w.start and w.end <= o.end):
        return False
    if o.kind == PassageKind.PARAPHRASE and w.kind != PassageKind.PARAPHRASE:
        return False
    if (o.start, o.end) != (w.start, w.end):
        return True
    return w.kind == PassageKind.PARAPHRASE and o.kind != PassageKind.PARAPHRASE


def test_redundant_witnesses_are_those_another_covers() -> None:
    rng = random.Random(1)
    dropped_some = kept_some = False
    for _ in range(400):
        found = [_witness(rng) for _ in range(rng.randrange(1, 14))]
        expected = [w for w in found if not any(_covers(o, w) for o in found)]
        assert witnesses._drop_redundant(found) == expected
        dropped_some |= len(expected) < len(found)
        kept_some |= bool(expected)
    assert dropped_some and kept_some


def _candidate(doc: str, start: int, end: int, kind: PassageKind = KINDS[0]) -> Any:
    unit = SimpleNamespace(start=start, end=end, kind=kind)
    return SimpleNamespace(doc=SimpleNamespace(id=doc), unit=unit)


def test_first_span_holding_a_fragment_is_the_first_in_order() -> None:
    rng = random.Random(2)
    found_some = False
    for _ in range(400):
        spans = []
        for _ in range(rng.randrange(0, 10)):
            start = rng.randrange(0, 40)
            spans.append(_candidate(rng.choice("ab"), start, start + rng.randrange(0, 15)))
        index = align._Spans(spans)
        for _ in range(10):
            start = rng.randrange(0, 45)
            fragment = _candidate(rng.choice("abc"), start, start + rng.randrange(0, 6))
            expected = next(
                (
                    p
                    for p in spans
                    if p.doc.id == fragment.doc.id
                    and p.unit.start <= fragment.unit.start
                    and fragment.unit.end <= p.unit.end
                ),
                None,
            )
            assert index.first_holding(fragment) is expected
            found_some |= expected is not None
    assert found_some


def test_siblings_answer_what_measuring_asked_of_every_other_witness() -> None:
    rng = random.Random(3)
    saw = set()
    for _ in range(200):
        members = []
        for _ in range(rng.randrange(1, 8)):
            start = rng.randrange(0, 30)
            kind = rng.choice(KINDS)
            members.append(_candidate(rng.choice("ab"), start, start + rng.randrange(1, 9), kind))
        ranges = {}
        for m in members:
            b0 = rng.randrange(0, 10)
            ranges[id(m)] = (b0, b0 + rng.randrange(0, 4), 0, 0)
        siblings = witnesses._Siblings.indexed(members, ranges)
        for m in members:
            b0, b1, _, _ = ranges[id(m)]
            others = [s for s in members if s is not m and s.doc.id == m.doc.id]
            spans = [ranges[id(o)] for o in others]
            before = any(ob1 > ob0 and ob1 <= b0 for ob0, ob1, _, _ in spans)
            after = any(ob1 > ob0 >= b1 for ob0, ob1, _, _ in spans)
            assert siblings.covered_around(m, b0, b1) == (before, after)
            quoted = sorted(
                (s.unit.start, s.unit.end)
                for s in members
                if s.doc.id == m.doc.id
                and s.unit.kind == PassageKind.QUOTE
                and m.unit.start <= s.unit.start < m.unit.end
            )
            assert sorted(siblings.quotes_inside(m)) == quoted
            saw.add((before, after, bool(quoted)))
    assert len(saw) >= 6


def test_overlapping_witnesses_are_every_overlapping_pair() -> None:
    rng = random.Random(4)
    for _ in range(300):
        spots = [(0, 0, i, _witness(rng)) for i in range(rng.randrange(0, 12))]
        expected = {
            (i, j)
            for i, (_, _, _, a) in enumerate(spots)
            for j, (_, _, _, b) in enumerate(spots)
            if i < j and a.document == b.document and a.start < b.end and b.start < a.end
        }
        found = list(pipeline._overlapping(spots))
        assert len(found) == len(set(found)) and set(found) == expected


def test_call_dates_before_a_passage_by_bisection() -> None:
    days = [dates.parse_date(f"2025-05-0{d}") for d in (1, 2, 3)]
    calls = ((10, days[0], 0), (50, days[1], 1), (90, days[2], 2))
    ctx = attribute.DocumentContext("x" * 100, (), None, calls, ())  # type: ignore[arg-type]
    assert attribute._date_votes(5, 8, ctx, None) == {days[0]: 1.0}  # none before: the first
    assert attribute._date_votes(50, 60, ctx, None) == {days[1]: 2.0}  # one at its start
    assert attribute._date_votes(95, 99, ctx, None) == {days[2]: 2.0}


BLIND = "turkey-blinken-cavusoglu-2022-rubio-fidan-2025"  # never read


def _article_texts() -> list[str]:
    stories = ROOT / "benchmarks" / "accuracy" / "stories"
    files = sorted((ROOT / "seeds").glob("*.txt"))
    for story in sorted(s for s in stories.iterdir() if s.name != BLIND):
        files += sorted(story.glob("articles/*.md"))
    texts = [f.read_text("utf-8") for f in files] + [EVERY_OFFICE]
    return texts + [t.upper() for t in texts[-4:]] + [t.lower() for t in texts[-4:]]


EVERY_OFFICE = (  # each way `identity` spells an office, in any case below
    "State Department, Department of State, DoS, White House, Foreign Office, Foreign, "
    "Commonwealth & Development Office, FCDO, Foreign Ministry, Ministry of External "
    "Affairs, External Affairs Ministry, MFA, MEA, Prime Minister's Office, PMO, "
    "Presidential Administration, Presidency, Kremlin, United Nations, U.N. chief, UN "
    "spokesman. Monday, Jan 5, 2025, 5 March 2024, today, both calls."
)


SCANNING = {
    "dates": [*dates._PATTERNS, dates._WEEKDAY, dates._RELATIVE],
    "attribute": [attribute._BOTH, attribute._BOTH_WORD, attribute._CALL_ANCHOR],
    "entities": [entities._MAY_NAME_A_CALL],
    "identity": [identity._OFFICE_PATTERN, identity._ANY_CASE_OFFICE],
    "pipeline": [pipeline._DATE_STAMP, pipeline._ANNOUNCES_CALL],
}
_WRAPPED = re.compile(r"(?P<word>\\b)?\(\?=\[[^\]]*\](?:\[[^\]]*\])?\)\(\?:(?P<pattern>.*)\)", re.S)


@pytest.mark.parametrize("module", sorted(SCANNING))
def test_patterns_that_skip_positions_find_what_they_wrap(module: str) -> None:
    texts = _article_texts()
    for fast in SCANNING[module]:
        parts = _WRAPPED.fullmatch(fast.pattern)
        assert parts is not None, fast.pattern
        plain = re.compile((parts["word"] or "") + parts["pattern"], fast.flags)
        found = 0
        for text in texts:
            expected = [m.group() for m in plain.finditer(text)]
            assert [m.group() for m in fast.finditer(text)] == expected, plain.pattern[:60]
            found += len(expected)
        assert found, plain.pattern[:60]  # the articles hold matches: the check means something


def test_paragraph_of_an_offset() -> None:
    text = "First paragraph of the article.\n\nSecond one, longer than that.\n\nThird."
    lay = layout(text)
    for offset in range(len(text) + 1):
        expected = next(
            (i for i, p in enumerate(lay.paragraphs) if p.start <= offset < p.end), None
        )
        assert lay.paragraph_of(offset) == expected
    assert lay.paragraph_of(text.index("Second")) == 1


def test_relative_days_are_the_relative_mentions_of_find_dates() -> None:
    text = "Today, on May 1, he said yesterday's call and this morning's talks; tonight, Monday."
    assert relative_days(text) == [m.relative for m in find_dates(text) if m.relative is not None]
    assert relative_days(text) == [0, -1, 0, 0]


def test_normalising_one_character_for_one_is_normalising_each() -> None:
    """The fast path of `normalise` (a translation table, offsets kept) gives what the
    character-by-character path gives, and declines whatever it cannot do alike."""
    from readout_diff.normalise import (
        DASHES,
        DOUBLE_QUOTES,
        INVISIBLE,
        SINGLE_QUOTES,
        _normalise_each,
        _one_for_one,
    )

    odd = "ab s-.'\"\\\t\n\x0b\x1c\x85\xa0\u2000\u2009\u2028\u3000\u0301é…ﬁ"
    alphabet = list(odd + DOUBLE_QUOTES + SINGLE_QUOTES + DASHES + INVISIBLE)
    rng = random.Random(5)
    fast = 0
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 9)))
        found = _one_for_one(text)
        if found is not None:
            each = _normalise_each(text)
            assert (found.text, tuple(found.origin)) == (each.text, tuple(each.origin)), text
            fast += 1
    assert 2000 < fast < 20000  # both paths taken
    assert _one_for_one("He said \u201cyes\u201d \u2013 twice.") is not None
    assert _one_for_one("two  spaces") is None and _one_for_one("an ellipsis\u2026") is None


def test_the_engine_pauses_the_cyclic_collector_and_restores_it() -> None:
    import gc

    from readout_diff.model import Role, Source

    seen: list[bool] = []
    text = "Secretary Ann Lee spoke with Foreign Minister Bo Chan on May 1. “We agreed,” he said."

    def progress(stage: str, done: int, total: int) -> None:
        seen.append(gc.isenabled())

    assert gc.isenabled()
    pipeline.run([Source("a", text, Role.REPORT)], progress=progress)
    assert seen and not any(seen) and gc.isenabled()
    gc.disable()
    try:
        pipeline.run([Source("a", text, Role.REPORT)])
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_normalise_patterns_that_look_behind_what_they_match() -> None:
    from readout_diff.normalise import _QUOTE_FOR_APOSTROPHE, _SPLIT_HYPHEN

    plain = {  # as they were written: a look-behind first, tried at every position
        _QUOTE_FOR_APOSTROPHE: re.compile(r'(?<=[a-z]s)"(?= [a-z])'),
        _SPLIT_HYPHEN: re.compile(r"(?<=\w) (?=-\w)|(?<=\w-) (?=\w)"),
    }
    odd = 'the leaders" talks, as" a, "s" x, de -escalation, de- escalation, a - b, 9 -9, é -é'
    for fast, slow in plain.items():
        found = 0
        for text in [*_article_texts(), odd]:
            expected = [m.span() for m in slow.finditer(text)]
            assert [m.span() for m in fast.finditer(text)] == expected
            found += len(expected)
        assert found
