"""The review app driven with keys (and a click): what it shows and what it does."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static
from textual.worker import WorkerFailed

from readout_diff.model import InputError, ReadoutSentence, Result
from readout_diff.readouts import ReadoutSpecError
from readout_diff.tui import ReviewApp
from readout_diff.tui.dialogs import ExportDialog, FailureScreen, HelpScreen, InputsScreen
from readout_diff.tui.layout import location, next_substantive, substantive_count
from readout_diff.tui.render import ONLY_IN
from readout_diff.tui.screens import ContrastScreen, OverviewScreen
from readout_diff.views import COSMETIC, heat_map

SIZE = (120, 36)
PHRASE = "re-establish direct communications"


def shown(app: ReviewApp, selector: str) -> str:
    """The plain text a Static of the main screen shows."""
    content = app.main.query_one(selector, Static).content
    return str(content)


def sentences(result: Result) -> list[ReadoutSentence]:
    return [s for r in result.readouts for s in r.sentences]


def listed(app: ReviewApp) -> list[str]:
    """Sentence ids the navigator lists, in order."""
    options = app.main.query_one("#navigator", OptionList).options
    return [o.id for o in options if o.id and not o.disabled]


async def settle(app: ReviewApp, pilot: Pilot[Any]) -> None:
    """Let the app's workers finish (a failed one is the app's business) and redraw."""
    with contextlib.suppress(WorkerFailed):
        await app.workers.wait_for_complete()
    await pilot.pause()


async def search(app: ReviewApp, pilot: Pilot[Any], text: str) -> None:
    """`/`, the text (set at once: typing it key by key adds nothing), Enter."""
    await pilot.press("slash")
    app.main.query_one("#search", Input).value = text
    await pilot.press("enter")


def recorder(app: ReviewApp) -> list[str]:
    """Every notification message the app sends, in order."""
    messages: list[str] = []
    original = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        messages.append(message)
        original(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return messages


class TestNavigation:
    async def test_first_sentence_is_shown(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        async with app.run_test(size=SIZE):
            first = sentences(seeds_result)[0]
            assert app.sentence == first.id
            assert first.text.split()[0] in shown(app, "#versions-body")
            assert "base" in shown(app, "#detail-body")

    async def test_arrows_and_j_k_move_through_sentences_across_readouts(
        self, seeds_result: Result
    ) -> None:
        app = ReviewApp(seeds_result)
        order = [s.id for s in sentences(seeds_result)]
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("down")
            assert app.sentence == order[1]
            await pilot.press("j", "j")
            assert app.sentence == order[3]  # past the second readout's header
            await pilot.press("k", "up")
            assert app.sentence == order[1]

    async def test_badges_count_outlets_and_substantive_differences(
        self, seeds_result: Result
    ) -> None:
        app = ReviewApp(seeds_result)
        async with app.run_test(size=SIZE):
            navigator = app.main.query_one("#navigator", OptionList)
            assert sentences(seeds_result)
            for sentence in sentences(seeds_result):
                prompt = str(navigator.get_option(sentence.id).prompt)
                outlets = len({w.document for w in sentence.witnesses})
                assert f"◫{outlets} Δ{substantive_count(sentence)}" in prompt

    async def test_versions_pane_moves_between_versions_and_detail_follows(
        self, seeds_result: Result
    ) -> None:
        app = ReviewApp(seeds_result)
        target = next(s for s in sentences(seeds_result) if len(s.witnesses) >= 2)
        async with app.run_test(size=SIZE) as pilot:
            app.select(target.id)
            await pilot.press("tab")
            assert app.focused is app.main.query_one("#versions")
            await pilot.press("down")
            assert app.version == 1
            await pilot.press("j")
            assert app.version == 2
            witness = target.witnesses[1]
            doc = seeds_result.document(witness.document)
            line, column = location(doc.text, witness.start)
            detail = shown(app, "#detail-body")
            assert f"{doc.path}:{line}:{column}" in detail
            assert witness.kind.value in detail and f"{witness.score:.2f}" in detail
            await pilot.press("left")
            assert app.version == 1

    async def test_detail_lists_differences_in_words_and_marks_the_passage(
        self, seeds_result: Result
    ) -> None:
        app = ReviewApp(seeds_result)
        sentence, version = next_substantive(seeds_result, None, 0) or ("", 0)
        async with app.run_test(size=SIZE):
            app.select(sentence, version)
            found = app.current()
            assert found is not None
            witness = found[1].witnesses[version - 1]
            detail = shown(app, "#detail-body")
            from readout_diff.views import describe

            for d in witness.differences:
                assert describe(d.kind, d.base, d.witness) in detail
            assert f"▶{witness.text[:20]}" in detail.replace("\n", " ")

    async def test_a_click_picks_a_version(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        target = next(s for s in sentences(seeds_result) if len(s.witnesses) == 2)
        async with app.run_test(size=(160, 45)) as pilot:
            app.select(target.id)
            await pilot.pause()
            versions = app.main.query_one("#versions")
            assert not versions.has_class("-stacked")  # three versions fit side by side
            body = app.main.query_one("#versions-body")
            await pilot.click(body, offset=(body.size.width - 5, 5))
            assert app.version == 2

    async def test_clicks_pick_a_sentence_and_open_a_heat_map_cell(
        self, seeds_result: Result
    ) -> None:
        app = ReviewApp(seeds_result)
        order = [s.id for s in sentences(seeds_result)]
        async with app.run_test(size=SIZE) as pilot:
            navigator = app.main.query_one("#navigator", OptionList)
            await pilot.click(navigator, offset=(10, 5))  # header (2 lines), s1 (2), s2
            assert app.sentence == order[1]
            await pilot.press("o")
            table = app.screen.query_one("#heat")
            await pilot.click(table, offset=(30, 3))  # highlight the cell, then open it
            await pilot.click(table, offset=(30, 3))
            assert not isinstance(app.screen, OverviewScreen)
            assert app.sentence == order[2]

    async def test_narrow_screen_stacks_the_versions(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        target = max(sentences(seeds_result), key=lambda s: len(s.witnesses))
        async with app.run_test(size=(80, 24)) as pilot:
            app.select(target.id)
            await pilot.pause()
            assert app.main.query_one("#versions").has_class("-stacked")
            body = shown(app, "#versions-body")
            rows = [line for line in body.splitlines() if line[1:3].strip() in {"B", "2"}]
            assert rows[0].startswith("▶B")

    async def test_narrow_screen_shows_the_focused_versions_changed_words(
        self, seeds_result: Result
    ) -> None:
        from readout_diff.views import outlet_numbers

        app = ReviewApp(seeds_result)
        target = next(
            s
            for s in sentences(seeds_result)
            for w in s.witnesses
            if any(d.substantive and d.witness and d.base_start > 60 for d in w.differences)
        )
        version, witness = next(
            (i, w)
            for i, w in enumerate(target.witnesses, 1)
            if any(d.substantive and d.witness and d.base_start > 60 for d in w.differences)
        )
        late = next(d for d in witness.differences if d.substantive and d.base_start > 60)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.select(target.id, version)
            await pilot.pause()
            pane = app.main.query_one("#versions")
            top = shown(app, "#versions-body").splitlines()[: pane.scrollable_content_region.height]
            number = str(outlet_numbers(seeds_result)[witness.document])
            assert top[0].startswith(f"▶{number}")
            assert late.witness.split()[0] in " ".join(top)

    async def test_versions_are_numbered_as_the_report_numbers_outlets(
        self, seeds_result: Result
    ) -> None:
        from readout_diff.views import outlet_numbers

        numbers = outlet_numbers(seeds_result)
        app = ReviewApp(seeds_result)
        target = next(s for s in sentences(seeds_result) if len(s.witnesses) >= 2)
        async with app.run_test(size=SIZE) as pilot:
            app.select(target.id)
            await pilot.pause()
            body = shown(app, "#versions-body")
            for witness in target.witnesses:
                assert f" {numbers[witness.document]}" in body


class TestFilters:
    async def test_hide_cosmetic_differences(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("h")
            assert app.view is not None
            assert not [
                d
                for s in sentences(app.view)
                for w in s.witnesses
                for d in w.differences
                if d.kind in COSMETIC
            ]
            assert "cosmetic hidden" in shown(app, "#status")
            await pilot.press("h")
            assert app.view == seeds_result

    async def test_only_sentences_with_substantive_differences(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            wanted = [s.id for s in sentences(seeds_result) if substantive_count(s)]
            assert listed(app) == wanted
            assert app.sentence == wanted[0]
            assert "only substantive" in shown(app, "#status")
            await pilot.press("s")
            assert len(listed(app)) == len(sentences(seeds_result))

    async def test_next_substantive_difference(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        async with app.run_test(size=SIZE) as pilot:
            expected = next_substantive(seeds_result, app.sentence, 0)
            await pilot.press("n")
            assert (app.sentence, app.version) == expected
            assert expected is not None
            after = next_substantive(seeds_result, *expected)
            await pilot.press("n")
            assert (app.sentence, app.version) == after
            await pilot.press("N")
            assert (app.sentence, app.version) == expected


class TestSearch:
    async def test_search_lists_and_opens_the_matching_sentence(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        async with app.run_test(size=SIZE) as pilot:
            await search(app, pilot, "re-establish")
            matching = [
                s.id
                for s in sentences(seeds_result)
                if PHRASE in s.text or any(PHRASE in w.text for w in s.witnesses)
            ]
            assert listed(app) == matching
            assert app.sentence == matching[0]
            assert "/re-establish" in shown(app, "#status")
            assert app.focused is app.main.query_one("#navigator")

    async def test_escape_clears_the_search(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        async with app.run_test(size=SIZE) as pilot:
            await search(app, pilot, "sharif")
            narrowed = len(listed(app))
            await pilot.press("slash", "escape")
            assert app.query_text == ""
            assert len(listed(app)) > narrowed

    async def test_escape_clears_an_applied_search_from_the_list(
        self, seeds_result: Result
    ) -> None:
        app = ReviewApp(seeds_result)
        async with app.run_test(size=SIZE) as pilot:
            await search(app, pilot, "sharif")
            narrowed = len(listed(app))
            assert app.query_text == "sharif"
            await pilot.press("escape")  # the search line is closed, the list has focus
            assert app.query_text == ""
            assert len(listed(app)) > narrowed


class TestBase:
    async def test_pick_an_outlet_as_base_and_back(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        doc = sentences(seeds_result)[0].witnesses[0].document
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("b")
            options = app.screen.query_one(OptionList)
            options.highlighted = options.get_option_index(doc)
            await pilot.press("enter")
            await settle(app, pilot)
            assert app.base == doc
            assert app.view is not None
            quoted = [
                s
                for s in sentences(app.view)
                if any(w.document == doc and w.kind != "paraphrase" for w in s.witnesses)
            ]  # reported speech never becomes the base
            assert quoted and all(s.base_source == f"document:{doc}" for s in quoted)
            outlet = seeds_result.document(doc).outlet
            assert f"base: {outlet}" in shown(app, "#status")
            await pilot.press("b")
            options = app.screen.query_one(OptionList)
            options.highlighted = 0
            await pilot.press("enter")
            await settle(app, pilot)
            assert app.base is None and app.view == seeds_result

    async def test_b_passes_ignore_case_as_report_does(self) -> None:
        from readout_diff import analyse
        from readout_diff.rebase import rebase

        seeds = Path(__file__).resolve().parents[2] / "seeds"
        folded = analyse([seeds], ignore_case=True)
        doc = "000_9346caa3c28eb405"
        app = ReviewApp(folded, ignore_case=True)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("b")
            options = app.screen.query_one(OptionList)
            options.highlighted = options.get_option_index(doc)
            await pilot.press("enter")
            await settle(app, pilot)
            assert app.view == rebase(folded, doc, ignore_case=True)


class TestOverview:
    async def test_fidelity_by_outlet_is_shown_as_the_report_counts_it(
        self, seeds_result: Result
    ) -> None:
        from readout_diff.views import fidelity

        app = ReviewApp(seeds_result)
        documents, _ = heat_map(seeds_result)
        rows = {row.document: row for row in fidelity(seeds_result)}
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("o")
            shown_rows = str(app.screen.query_one("#overview-fidelity", Static).content)
            lines = shown_rows.splitlines()
            assert lines[0] == "Fidelity by outlet"
            assert len(lines) == len(rows) + 1
            for number, doc in enumerate(documents, 1):
                row = rows[doc]
                line = lines[number]
                assert line.startswith(f"{number} ")
                assert f"{row.verbatim_share:.0%} verbatim" in line
                misquotes = "misquote" if row.misquotes == 1 else "misquotes"
                assert f"{row.misquotes} {misquotes} · {row.drift} drift" in line

    async def test_a_cell_opens_that_outlets_version(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        documents, cells = heat_map(seeds_result)
        cell = next(c for c in cells if c.band not in (None, "verbatim"))
        order = [s.id for s in sentences(seeds_result)]
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("o")
            assert isinstance(app.screen, OverviewScreen)
            await pilot.press("home")
            for _ in range(order.index(cell.sentence)):
                await pilot.press("j")
            for _ in range(documents.index(cell.document)):
                await pilot.press("l")
            status = str(app.screen.query_one("#overview-status", Static).content)
            assert f"{cell.band}, {cell.kept:.0%} of the base words" in status
            await pilot.press("enter")
            assert not isinstance(app.screen, OverviewScreen)
            found = app.current()
            assert found is not None and app.sentence == cell.sentence
            assert found[1].witnesses[app.version - 1].document == cell.document

    async def test_an_empty_cell_opens_the_base(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        messages = recorder(app)
        _, cells = heat_map(seeds_result)
        first = cells[0]
        assert first.band is None  # the seeds' first outlet skips the first sentence
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("o", "enter")
            assert (app.sentence, app.version) == (first.sentence, 0)
            assert any("does not carry" in m for m in messages)


class TestContrast:
    async def test_twins_are_paired_and_only_in_phrases_marked(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        async with app.run_test(size=SIZE) as pilot:
            await search(app, pilot, PHRASE)
            await pilot.press("c")
            screen = app.screen
            assert isinstance(screen, ContrastScreen)
            found = app.current()
            assert found is not None and screen.a == found[0].id
            twin = next(c for c in seeds_result.contrasts if screen.a in (c.a, c.b))
            assert {screen.a, screen.b} == {twin.a, twin.b}
            content = screen.query_one("#contrast-body", Static).content
            assert isinstance(content, Content)
            marked = [content.plain[s.start : s.end] for s in content.spans if s.style == ONLY_IN]
            assert PHRASE in " ".join(marked).replace("\n", " ")
            await pilot.press("escape")
            assert not isinstance(app.screen, ContrastScreen)

    async def test_any_two_readouts_can_be_contrasted(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        first, *_, last = seeds_result.readouts
        assert not any({c.a, c.b} == {first.id, last.id} for c in seeds_result.contrasts)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("c")
            screen = app.screen
            assert isinstance(screen, ContrastScreen)
            screen.query_one("#contrast-b", Select).value = last.id
            await pilot.pause()
            assert (screen.a, screen.b) == (first.id, last.id)
            built = app.contrast(first.id, last.id)
            body = str(screen.query_one("#contrast-body", Static).content)
            for phrase in built.only_in_b:
                assert phrase.text.split()[0] in body


class TestExport:
    @pytest.mark.parametrize("name", ["view.json", "view.txt", "view.md", "view.html"])
    async def test_export_writes_the_sentence_shown(
        self, seeds_result: Result, tmp_path: Path, name: str
    ) -> None:
        app = ReviewApp(seeds_result)
        target = tmp_path / name
        async with app.run_test(size=SIZE) as pilot:
            await search(app, pilot, PHRASE)
            await pilot.press("e")
            assert isinstance(app.screen, ExportDialog)
            app.screen.query_one("#export-path", Input).value = str(target)
            await pilot.press("enter")
            await settle(app, pilot)
            found = app.current()
        assert found is not None and target.exists()
        readout, sentence = found
        text = target.read_text("utf-8")
        if name.endswith(".json"):
            data = json.loads(text)
            assert [r["id"] for r in data["readouts"]] == [readout.id]
            text = json.dumps(data, ensure_ascii=False)
        assert sentence.text[:40] in text
        assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left

    async def test_a_file_that_cannot_be_written_is_named(
        self, seeds_result: Result, tmp_path: Path
    ) -> None:
        app = ReviewApp(seeds_result)
        messages = recorder(app)
        target = tmp_path / "no-such-folder" / "view.json"
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")
            app.screen.query_one("#export-path", Input).value = str(target)
            await pilot.press("enter")
            await settle(app, pilot)
        assert f"{target}: cannot be written: No such file or directory" in messages

    async def test_unknown_extension_is_refused(self, seeds_result: Result, tmp_path: Path) -> None:
        app = ReviewApp(seeds_result)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e")
            dialog = app.screen
            dialog.query_one("#export-path", Input).value = str(tmp_path / "x.pdf")
            await pilot.press("enter")
            assert app.screen is dialog
            assert "Unknown extension" in str(dialog.query_one("#export-hint", Static).content)
        assert not list(tmp_path.iterdir())


class TestInputs:
    async def test_unreadable_inputs_are_named(self, seeds_result: Result) -> None:
        broken = replace(
            seeds_result, errors=(InputError("missing/article.txt", "no such file or directory"),)
        )
        app = ReviewApp(broken)
        messages = recorder(app)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "missing/article.txt: no such file or directory" in messages
            assert "1 unreadable" in shown(app, "#status")
            await pilot.press("exclamation_mark")
            assert isinstance(app.screen, InputsScreen)
            assert "missing/article.txt" in str(app.screen.query_one(Static).content)

    async def test_only_unreadable_inputs_close_the_app(self) -> None:
        nothing = Result((), (), (), (), (InputError("a.bin", "binary file"),))
        app = ReviewApp(nothing)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
        assert not app.is_running and app.original is nothing

    async def test_one_file_read_is_singular(self, seeds_result: Result) -> None:
        release = threading.Event()

        def loader(progress: Callable[[str, int, int], None]) -> Result:
            progress("read", 1, 5)
            release.wait(10)
            return seeds_result

        app = ReviewApp(loader)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.1)
            assert "1 file read" in shown(app, "#loading-label")
            assert "files" not in shown(app, "#loading-label")
            release.set()
            await settle(app, pilot)

    async def test_loader_runs_in_a_worker_with_progress(self, seeds_result: Result) -> None:
        stages: list[str] = []

        def loader(progress: Callable[[str, int, int], None]) -> Result:
            progress("read", 5, 5)
            stages.append("read")
            return seeds_result

        app = ReviewApp(loader)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            assert stages == ["read"]
            assert app.original is seeds_result
            assert not app.main.has_class("-loading")
            assert app.sentence == sentences(seeds_result)[0].id

    async def test_keys_while_the_engine_runs(self, seeds_result: Result) -> None:
        release = threading.Event()

        def loader(progress: Callable[[str, int, int], None]) -> Result:
            progress("read", 2, 5)
            release.wait(10)
            return seeds_result

        app = ReviewApp(loader)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.1)
            assert app.main.has_class("-loading")
            assert "2 files read" in shown(app, "#loading-label")
            await pilot.press("s", "h", "n", "o", "c", "e", "b")
            await search(app, pilot, "sharif")
            assert app.screen is app.main and app.original is None
            release.set()
            await settle(app, pilot)
            assert app.original is seeds_result
            assert app.only_substantive and app.cosmetic_hidden and app.query_text == "sharif"
            assert app.view is not None and not [
                d
                for s in sentences(app.view)
                for w in s.witnesses
                for d in w.differences
                if d.kind in COSMETIC
            ]
            assert listed(app)

    async def test_an_unusable_readouts_file_shows_a_failure_screen(self) -> None:
        def loader(progress: Callable[[str, int, int], None]) -> Result:
            raise ReadoutSpecError("readouts.toml: line 3: expected '='")

        app = ReviewApp(loader)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            assert isinstance(app.screen, FailureScreen)
            assert app.failure == "readouts.toml: line 3: expected '='"
            await pilot.press("q")
        assert not app.is_running

    async def test_no_readouts_found(self, seeds_result: Result) -> None:
        empty = replace(seeds_result, readouts=(), contrasts=())
        app = ReviewApp(empty)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n", "o", "c", "e")
            assert app.screen is app.main
            assert "No readout found in 5 inputs" in shown(app, "#detail-body")
            assert listed(app) == []
            options = app.main.query_one("#navigator", OptionList).options
            assert "No readout found" in str(options[0].prompt)


class TestKeys:
    async def test_help_lists_every_key_of_the_footer(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        async with app.run_test(size=SIZE) as pilot:
            footer = [b for b in app.main.BINDINGS if getattr(b, "show", False)]
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            text = str(app.screen.query_one(Static).content)
            names = {"slash": "/", "question_mark": "?", "up,k": "↑", "down,j": "↓"}
            for binding in footer:
                key = binding.key  # type: ignore[union-attr]
                assert names.get(key, key) in text
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)

    async def test_theme_and_quit(self, seeds_result: Result) -> None:
        app = ReviewApp(seeds_result)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("t")
            assert app.theme == "textual-light"
            await pilot.press("q")
        assert not app.is_running


class TestDisputedSpots:
    """Issue 9: where no reading has a majority, the detail pane says so."""

    async def test_a_two_outlet_split_is_named_in_the_detail_pane(self) -> None:
        from readout_diff import Source, analyse
        from tests.functional.test_engine_collation import FOURTH, _articles

        split = FOURTH.replace("strengthen", "improve")
        result = analyse([Source("two.jsonl", _articles([FOURTH, split]))])
        sentence = next(s for s in sentences(result) if "emergency response" in s.text)
        app = ReviewApp(result)
        async with app.run_test(size=SIZE) as pilot:
            app.select(sentence.id)
            await pilot.pause()
            detail = shown(app, "#detail-body")
            assert "Where the outlets split" in detail
            assert "disputed" in detail and "strengthen" in detail and "improve" in detail
