"""The review app's figures, without running the app: alignment, blocks, places, order."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from readout_diff.model import Result
from readout_diff.tui.layout import (
    align,
    blocks,
    cell_width,
    location,
    next_substantive,
    paragraph,
    visible,
)
from readout_diff.views import segments


def _runs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Consecutive pieces of one role merged, spaces dropped: splits do not matter."""
    out: list[tuple[str, str]] = []
    for role, text in pairs:
        text = re.sub(r"\s+", "", text)
        if not text:
            continue
        if out and out[-1][0] == role:
            out[-1] = (role, out[-1][1] + text)
        else:
            out.append((role, text))
    return out


def _sentences(result: Result):  # type: ignore[no-untyped-def]
    found = [s for r in result.readouts for s in r.sentences]
    assert found, "no readout sentence: every loop over them would pass by doing nothing"
    return found


class TestAlign:
    def test_every_row_says_what_segments_say(self, seeds_result: Result) -> None:
        """The stacked rows and the side-by-side columns show the same changes."""
        checked = 0
        for sentence in _sentences(seeds_result):
            columns = align(sentence.text, sentence.witnesses)
            for row, witness in enumerate(sentence.witnesses, 1):
                stacked = [(p.role, p.text) for c in columns for p in c.cells[row]]
                flowing = [(s.role, s.text) for s in segments(sentence.text, witness)]
                assert _runs(stacked) == _runs(flowing), (sentence.id, witness.document)
                checked += 1
        assert checked >= len(_sentences(seeds_result))

    def test_same_word_sits_under_same_word(self, seeds_result: Result) -> None:
        checked = 0
        for sentence in _sentences(seeds_result):
            for column in align(sentence.text, sentence.witnesses):
                base = column.cells[0]
                for cell in column.cells[1:]:
                    for piece in cell:
                        if piece.role in ("same", "removed"):
                            assert base and piece.text == base[0].text
                            checked += 1
        assert checked >= 100

    def test_base_row_rebuilds_the_sentence(self, seeds_result: Result) -> None:
        for sentence in _sentences(seeds_result):
            columns = align(sentence.text, sentence.witnesses)
            rebuilt = "".join(p.text for c in columns for p in c.cells[0])
            assert rebuilt == re.sub(r"\s+", "", sentence.text)

    def test_a_change_is_marked_once_with_its_kind(self, seeds_result: Result) -> None:
        sentence = next(
            s for s in _sentences(seeds_result) if any(w.substantive_count for w in s.witnesses)
        )
        columns = align(sentence.text, sentence.witnesses)
        for row, witness in enumerate(sentence.witnesses, 1):
            letters = [p.letter for c in columns for p in c.cells[row] if p.letter]
            shown = [d for d in witness.differences if d.witness.strip() or d.base.strip()]
            assert len(letters) == len(shown)
            assert sum(letter.isupper() for letter in letters) == witness.substantive_count


class TestBlocks:
    @pytest.mark.parametrize("width", [12, 30, 56, 120])
    def test_blocks_fit_the_width(self, seeds_result: Result, width: int) -> None:
        checked = 0
        for sentence in _sentences(seeds_result):
            for block in blocks(align(sentence.text, sentence.witnesses), width):
                used = sum(c.width for c in block) + sum(len(c.glue) for c in block[1:])
                assert used <= width
                assert all(cell_width(cell) <= width for c in block for cell in c.cells)
                checked += 1
        assert checked >= len(_sentences(seeds_result))

    def test_nothing_is_lost_when_wrapping(self, seeds_result: Result) -> None:
        sentence = max(_sentences(seeds_result), key=lambda s: len(s.text))
        columns = align(sentence.text, sentence.witnesses)
        for row in range(len(sentence.witnesses) + 1):
            whole = [p.text for c in columns for p in c.cells[row]]
            wrapped = [p.text for b in blocks(columns, 12) for c in b for p in c.cells[row]]
            assert "".join(wrapped).replace(" ", "") == "".join(whole).replace(" ", "")


class TestPlaces:
    def test_location_counts_like_an_editor(self) -> None:
        text = "one\ntwo three\nfour"
        assert location(text, 0) == (1, 1)
        assert location(text, text.index("three")) == (2, 5)
        assert location(text, text.index("four")) == (3, 1)

    def test_paragraph_marks_the_passage(self) -> None:
        text = 'Intro line.\n\nHe said "we agree" today.\nSame paragraph.\n\nNext one.'
        start = text.index("we agree")
        chunk, a, b = paragraph(text, start, start + len("we agree"))
        assert chunk == 'He said "we agree" today.\nSame paragraph.'
        assert chunk[a:b] == "we agree"

    def test_long_paragraph_is_cut_around_the_passage(self) -> None:
        text = "word " * 600 + "PASSAGE" + " word" * 600
        start = text.index("PASSAGE")
        chunk, a, b = paragraph(text, start, start + 7)
        assert chunk[a:b] == "PASSAGE"
        assert chunk.startswith("…") and chunk.endswith("…")
        assert len(chunk) < 1000


class TestOrder:
    def test_next_substantive_walks_forward_and_wraps(self, seeds_result: Result) -> None:
        stops = [
            (s.id, i + 1)
            for s in _sentences(seeds_result)
            for i, w in enumerate(s.witnesses)
            if w.substantive_count
        ]
        assert len(stops) > 2
        here: tuple[str, int] | None = (stops[0][0], stops[0][1])
        seen = []
        for _ in stops:
            assert here is not None
            here = next_substantive(seeds_result, here[0], here[1])
            seen.append(here)
        assert seen == stops[1:] + stops[:1]
        assert next_substantive(seeds_result, stops[0][0], stops[0][1], -1) == stops[-1]

    def test_nothing_to_find(self, seeds_result: Result) -> None:
        calm = replace(
            seeds_result,
            readouts=tuple(
                replace(
                    r,
                    sentences=tuple(
                        replace(s, witnesses=tuple(replace(w, differences=()) for w in s.witnesses))
                        for s in r.sentences
                    ),
                )
                for r in seeds_result.readouts
            ),
        )
        assert next_substantive(calm, None, 0) is None

    def test_filters(self, seeds_result: Result) -> None:
        everything = visible(seeds_result, False, "")
        assert [r.id for r, _ in everything] == [r.id for r in seeds_result.readouts]
        only = visible(seeds_result, True, "")
        assert only and all(
            sum(w.substantive_count for w in s.witnesses) for _, ss in only for s in ss
        )
        found = visible(seeds_result, False, "RE-ESTABLISH DIRECT")
        assert [s.id for _, ss in found for s in ss] == [
            s.id
            for s in _sentences(seeds_result)
            if "re-establish direct" in s.text.lower()
            or any("re-establish direct" in w.text.lower() for w in s.witnesses)
        ]
