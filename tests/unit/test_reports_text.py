"""The terminal report: every mark as text without colour, within the width, in order."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from readout_diff.cli import main
from readout_diff.model import Result
from readout_diff.reports.text import render
from tests.unit.test_reports_common import HOSTILE, tiny_result


def test_plain_text_marks_changes_without_colour() -> None:
    text = render(tiny_result(), color=False, width=100)
    assert "\x1b[" not in text
    assert "    The Secretary urged [-restraint-] {+calm+}<word> and dialogue.\n" in text
    assert "    The Secretary urged restraint [-and dialogue-]<omit>.\n" in text
    assert "      - wording change (substantive): 'calm' for 'restraint'\n" in text
    assert "  #2 Wire · quote · in/wire.txt:2 · match 0.90\n" in text


def test_summary_and_heat_map() -> None:
    lines = render(tiny_result(), width=100).splitlines()
    fidelity = lines[lines.index("Fidelity by outlet") + 4 :][:2]
    assert [line.split() for line in fidelity] == [
        ["1", "The", "Paper", "|", "<i>Daily</i>", "1", "100%", "1", "0", "0"],
        ["2", "Wire", "2026-01-03", "2", "90%", "1", "0", "0"],
    ]
    heat = lines[lines.index("Heat map") :]
    assert heat[2].split() == ["sentence", "1", "2"]
    assert heat[5].split() == [
        "s1",
        "The",
        "Secretary",
        "urged",
        "restraint",
        "and",
        "dialogue.",
        "▒▒",
        "▒▒",
    ]
    assert heat[6].split() == ["s2", "He", "welcomed", "the", "talks.", "██"]
    assert any("██ verbatim (the base words" in line for line in heat)


def test_contrasts_unassigned_and_inputs() -> None:
    text = render(tiny_result(), width=200)
    assert "  - s1: He urged «a ceasefire» now.\n" in text
    assert "  - s2: «He welcomed the talks.»\n" in text
    assert "  - s1 = s2 (identical): The Secretary urged restraint and dialogue.\n" in text
    assert f"{HOSTILE} (credited to officials) — not worded as a readout" in text
    assert "  error: in/broken.txt: cannot be read: <denied>\n" in text
    order = [
        text.index(h)
        for h in (
            "Readouts found",
            "Fidelity by outlet",
            "Heat map",
            "How differences are marked",
            "[2026-01-02-smith] ─",
            "Contrast:",
            "Passages assigned to no readout",
            "Inputs",
            "Documents read",
        )
    ]
    assert order == sorted(order)


def test_colour_styles_but_article_text_is_never_markup() -> None:
    text = render(tiny_result(), color=True, width=100)
    assert re.search(r"\x1b\[(\d+;)*9(;\d+)*m\[-restraint-\]", text)  # struck through
    assert re.search(r"\x1b\[(\d+;)*4(;\d+)*m\{\+calm\+\}", text)  # underlined
    assert "[red]x[/red]" in text and "[red]x[/red]" in render(tiny_result())


@pytest.mark.parametrize("width", [50, 80, 100, 160])
def test_lines_fit_the_width(width: int, seeds_result: Result) -> None:
    for color in (False, True):
        text = render(seeds_result, color=color, width=width)
        if color:
            from rich.text import Text

            text = Text.from_ansi(text).plain
        too_wide = [line for line in text.splitlines() if cell_len(line) > width]
        assert text.count("\n") > 50 and not too_wide


def test_no_trailing_spaces_or_doubled_blank_lines(seeds_result: Result) -> None:
    text = render(seeds_result)
    assert all(line == line.rstrip() for line in text.splitlines())
    assert "\n\n\n" not in text


def test_command_colour_follows_the_flag_and_no_color(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(seeds_dir / "002_9ec8bcdebe72d600.txt")]
    assert main(["report", *files, "--color", "always"]) == 0
    assert "\x1b[" in capsys.readouterr().out
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("PAGER", "")  # a terminal pages long reports; here, none
    main(["report", *files])
    assert "\x1b[" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    main(["report", *files])
    plain = capsys.readouterr().out
    assert "\x1b[" not in plain and "He reiterated his calls for Pakistan" in plain
