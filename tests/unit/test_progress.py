"""Progress on a terminal: each engine stage with its counts, on stderr; nothing when
stderr is not a terminal or with --quiet."""

from __future__ import annotations

import io
import re
import sys

import pytest

from readout_diff.cli import build_parser
from readout_diff.commands.common import StageProgress
from readout_diff.commands.report import run

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_each_stage_shows_with_its_counts() -> None:
    stream = Terminal()
    progress = StageProgress(True, stream)
    calls = [("read", 1, 3), ("read", 2, 3), ("read", 3, 3), ("passages", 12, 3)]
    for stage, done, total in calls:
        progress(stage, done, total)
    progress._bar.refresh()
    progress.finish()
    shown = ANSI.sub("", stream.getvalue())
    assert "reading" in shown and "3/3" in shown
    assert "finding passages" in shown and "12 in 3 documents" in shown


def test_an_unnamed_stage_is_shown_by_its_name() -> None:
    stream = Terminal()
    progress = StageProgress(True, stream)
    progress("cluster", 5, 10)
    progress._bar.refresh()
    progress.finish()
    assert "cluster" in ANSI.sub("", stream.getvalue())


@pytest.mark.parametrize("enabled, stream", [(True, io.StringIO()), (False, Terminal())])
def test_nothing_when_piped_or_quiet(enabled: bool, stream: io.StringIO) -> None:
    progress = StageProgress(enabled, stream)
    progress("read", 1, 1)
    progress.finish()
    assert stream.getvalue() == ""


def test_a_report_on_a_terminal_clears_its_progress(
    monkeypatch: pytest.MonkeyPatch, seeds_dir: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """The stages show while the engine runs, then leave stderr as it was."""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    args = build_parser().parse_args(["report", str(seeds_dir), "-f", "json"])
    assert run(args) == 0
    out, err = capsys.readouterr()
    assert out.startswith("{")
    assert "Traceback" not in err
