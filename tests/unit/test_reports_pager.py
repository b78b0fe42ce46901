"""Long text reports on a terminal go through $PAGER (less -R by default)."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

from readout_diff.reports import pager

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_pager_command_follows_PAGER_like_git() -> None:
    assert pager.pager_command({}) == "less -R"
    assert pager.pager_command({"PAGER": "most"}) == "most"
    assert pager.pager_command({"PAGER": ""}) is None
    assert pager.pager_command({"PAGER": "cat"}) is None


def test_only_long_reports_on_a_terminal_are_paged() -> None:
    long = "line\n" * 50
    assert pager.wanted(long, Terminal(), height=24)
    assert not pager.wanted("short\n", Terminal(), height=24)
    assert not pager.wanted(long, io.StringIO(), height=24)  # piped: never


def test_page_runs_the_pager_with_colour_kept(tmp_path: Path) -> None:
    out = tmp_path / "paged.txt"
    stream = Terminal()
    pager.page("\x1b[1mbold\x1b[0m\n", stream, f"cat > {out}")
    assert out.read_text() == "\x1b[1mbold\x1b[0m\n"
    assert stream.getvalue() == ""
    pager.page("direct\n", stream, None)
    assert stream.getvalue() == "direct\n"
    missing = Terminal()
    pager.page("still shown\n", missing, "no-such-pager-anywhere")
    assert missing.getvalue() == "still shown\n"


def run_on_a_terminal(tmp_path: Path, *flags: str) -> tuple[str, str]:
    """`report seeds/` with stdout on a pseudo-terminal and PAGER writing to a file."""
    paged = tmp_path / "paged.txt"
    leader, follower = pty.openpty()
    env = {**os.environ, "PAGER": f"cat > {paged}", "COLUMNS": "100", "LINES": "24"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [str(Path(sys.executable).with_name("readout-diff")), "report", str(SEEDS), "-q", *flags],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)  # read as it comes: a full pty would block the writer
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    proc.wait(timeout=120)
    assert proc.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace"), (
        paged.read_text() if paged.exists() else ""
    )


def test_report_on_a_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    shown, paged = run_on_a_terminal(tmp_path)
    assert "Fidelity by outlet" in paged and "\x1b[" in paged  # colour kept
    assert "Fidelity by outlet" not in shown
    (tmp_path / "x").mkdir()
    shown, paged = run_on_a_terminal(tmp_path / "x", "--no-pager")
    assert "Fidelity by outlet" in shown and paged == ""
