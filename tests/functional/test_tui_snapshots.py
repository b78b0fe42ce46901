"""Snapshots of the review app's screens on the seeds, small (80x24) and wide (160x45).

One class per feature. Update after a deliberate change with
`pytest tests/functional/test_tui_snapshots.py --snapshot-update`, then look at the SVGs
(tests/functional/__snapshots__/): the engine's output is in them, so an engine change
that alters the seeds' result changes them too.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from readout_diff.model import InputError, Result
from readout_diff.tui import ReviewApp
from tests.conftest import ROOT

SMALL = (80, 24)
WIDE = (160, 45)
PHRASE = "re-establish direct communications"
Compare = Callable[..., bool]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


@pytest.fixture(autouse=True)
def _still(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Nothing time-dependent: no blinking cursor, no colour switch from the environment."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield


@pytest.fixture(scope="module")
def seeds(seeds_result: Result) -> Result:
    """The seeds' result with paths as typed from the project folder, whoever runs it."""
    return replace(
        seeds_result,
        documents=tuple(
            replace(d, path=os.path.relpath(d.path, ROOT)) for d in seeds_result.documents
        ),
    )


def searched(text: str, *keys: str) -> Steps:
    """Search for `text` (the shortest way to a given sentence), then press `keys`."""

    async def steps(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, ReviewApp)
        await pilot.pause()
        await pilot.press("slash")
        app.main.query_one("#search", Input).value = text
        await pilot.press("enter", *keys)
        await app.workers.wait_for_complete()
        await pilot.pause()

    return steps


class TestMainScreen:
    def test_first_screen_small(self, snap_compare: Compare, seeds: Result) -> None:
        assert snap_compare(ReviewApp(seeds), terminal_size=SMALL)

    def test_first_screen_wide(self, snap_compare: Compare, seeds: Result) -> None:
        assert snap_compare(ReviewApp(seeds), terminal_size=WIDE)

    def test_stacked_rows_small(self, snap_compare: Compare, seeds: Result) -> None:
        """Four versions of the Sharif sentence, one row each, words aligned."""
        assert snap_compare(
            ReviewApp(seeds), terminal_size=SMALL, run_before=searched(PHRASE, "tab", "down")
        )

    def test_stacked_rows_wide(self, snap_compare: Compare, seeds: Result) -> None:
        assert snap_compare(ReviewApp(seeds), terminal_size=WIDE, run_before=searched(PHRASE, "n"))

    def test_side_by_side_wide(self, snap_compare: Compare, seeds: Result) -> None:
        """Three versions fit side by side; the focused one's detail below."""
        assert snap_compare(
            ReviewApp(seeds),
            terminal_size=WIDE,
            run_before=searched("emphasized the need", "tab", "down"),
        )

    def test_light_theme(self, snap_compare: Compare, seeds: Result) -> None:
        assert snap_compare(
            ReviewApp(seeds, theme="textual-light"),
            terminal_size=WIDE,
            run_before=searched(PHRASE, "n"),
        )

    def test_no_color(
        self, snap_compare: Compare, seeds: Result, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Monochrome: strike, underline and the kind letters still tell the changes."""
        monkeypatch.setenv("NO_COLOR", "1")
        assert snap_compare(ReviewApp(seeds), terminal_size=SMALL, run_before=searched(PHRASE, "n"))


class TestFilters:
    def test_only_substantive_and_cosmetic_hidden(
        self, snap_compare: Compare, seeds: Result
    ) -> None:
        assert snap_compare(ReviewApp(seeds), terminal_size=SMALL, press=["s", "h"])


class TestOverview:
    def test_heat_map_small(self, snap_compare: Compare, seeds: Result) -> None:
        assert snap_compare(ReviewApp(seeds), terminal_size=SMALL, press=["o", "j", "l"])

    def test_heat_map_wide(self, snap_compare: Compare, seeds: Result) -> None:
        assert snap_compare(ReviewApp(seeds), terminal_size=WIDE, press=["o", "j", "l", "l", "l"])


class TestContrast:
    def test_twins_small(self, snap_compare: Compare, seeds: Result) -> None:
        assert snap_compare(
            ReviewApp(seeds), terminal_size=SMALL, run_before=searched(PHRASE, "c", "j", "j", "j")
        )

    def test_twins_wide(self, snap_compare: Compare, seeds: Result) -> None:
        assert snap_compare(ReviewApp(seeds), terminal_size=WIDE, run_before=searched(PHRASE, "c"))


class TestDialogs:
    def test_help_small(self, snap_compare: Compare, seeds: Result) -> None:
        assert snap_compare(ReviewApp(seeds), terminal_size=SMALL, press=["question_mark"])

    def test_base_picker_small(self, snap_compare: Compare, seeds: Result) -> None:
        assert snap_compare(ReviewApp(seeds), terminal_size=SMALL, press=["b", "down"])

    def test_export_small(self, snap_compare: Compare, seeds: Result) -> None:
        assert snap_compare(ReviewApp(seeds), terminal_size=SMALL, press=["e"])


class TestInputs:
    def test_unreadable_input_wide(self, snap_compare: Compare, seeds: Result) -> None:
        broken = replace(
            seeds,
            errors=(
                InputError("feeds/garbled.html", "not UTF-8 and no charset could be detected"),
            ),
        )
        assert snap_compare(ReviewApp(broken), terminal_size=WIDE, press=["exclamation_mark"])
