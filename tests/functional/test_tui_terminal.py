"""The real console script in a real terminal (tmux): it draws, marks, obeys keys, exits."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from readout_diff.model import Result
from readout_diff.views import describe
from tests.conftest import ROOT

TMUX = shutil.which("tmux")
SCRIPT = ROOT / ".venv" / "bin" / "readout-diff"
PHRASE = "re-establish direct communications"
MARKED = re.compile(r"\x1b\[[0-9;]*?(?<![0-9])(4|9)(;[0-9;]*)?m")  # underline or strike on

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed: no real terminal to test in"),
    pytest.mark.skipif(not SCRIPT.exists(), reason=f"{SCRIPT} is not installed"),
]


class Terminal:
    """A detached tmux session running one command, read and typed into like a user."""

    def __init__(self, name: str) -> None:
        self.name = name

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        done = subprocess.run([TMUX, *args], capture_output=True, text=True, timeout=10)
        return done.stdout

    def screen(self, escapes: bool = False) -> str:
        return self.tmux("capture-pane", "-p", *(["-e"] if escapes else []), "-t", self.name)

    def wait_for(
        self, test: Callable[[str], bool], escapes: bool = False, timeout: float = 15
    ) -> str:
        end = time.monotonic() + timeout
        while True:
            text = self.screen(escapes)
            if test(text):
                return text
            if time.monotonic() > end:
                raise AssertionError(f"timed out; the screen shows:\n{self.screen()}")
            time.sleep(0.1)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(f"readout-diff-test-{uuid.uuid4().hex[:8]}")
    try:
        yield term
    finally:
        term.tmux("kill-session", "-t", term.name)


def start(term: Terminal, *args: str, script: Path = SCRIPT) -> None:
    """The command in a 120x36 terminal (COLUMNS and LINES say so too: pytest sets them)."""
    command = " ".join([str(script), "review", *args])
    term.tmux(
        "new-session",
        "-d",
        "-s",
        term.name,
        "-x",
        "120",
        "-y",
        "36",
        "-c",
        str(ROOT),
        "-e",
        "TERM=xterm-256color",
        "-e",
        "COLUMNS=120",
        "-e",
        "LINES=36",
        f"unset NO_COLOR; {command}; echo EXIT=$?; sleep 30",
    )


def test_the_sharif_sentence_and_its_differences_show(
    terminal: Terminal, seeds_result: Result
) -> None:
    sentence = next(
        s
        for r in seeds_result.readouts
        for s in r.sentences
        if PHRASE in s.text and any(w.substantive_count for w in s.witnesses)
    )
    witness = next(w for w in sentence.witnesses if w.substantive_count)
    expected = min(
        (describe(d.kind, d.base, d.witness) for d in witness.differences if d.substantive), key=len
    )[:24]  # its start: a long description wraps in the detail pane

    start(terminal, "seeds/")
    terminal.wait_for(lambda text: "outlets" in text and "Move" in text)
    terminal.keys("/")
    terminal.wait_for(lambda text: "search the sentences" in text)
    terminal.keys("-l", PHRASE)
    terminal.wait_for(lambda text: PHRASE in text.splitlines()[-3])
    terminal.keys("Enter")
    terminal.wait_for(lambda text: f"Versions of {sentence.id}" in text)
    terminal.keys("n")  # the first version with a substantive difference
    screen = terminal.wait_for(lambda text: expected in text)
    assert "re-establish" in screen
    coloured = terminal.screen(escapes=True)
    assert MARKED.search(coloured), "no struck or underlined text on the screen"
    terminal.keys("q")
    terminal.wait_for(lambda text: "EXIT=0" in text)


def test_unreadable_input_exits_2_after_the_app_closes(terminal: Terminal, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    start(terminal, "seeds/", str(missing))
    terminal.wait_for(lambda text: "missing.txt" in text and "Move" in text)
    terminal.keys("q")
    screen = terminal.wait_for(lambda text: "EXIT=" in text)
    assert "EXIT=2" in screen
    assert f"readout-diff: error: {missing}: " in screen.replace("\n", "")
