"""Long text reports on a terminal go through a pager, as git does.

`$PAGER` when set (an empty value or `cat` means none), else `less -R` so colour is kept;
`LESS` defaults to `FRX` (quit when it fits on one screen, keep colour, leave the text on
the screen), as git sets it. A report that fits the terminal is written directly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from typing import TextIO

DEFAULT = "less -R"


def pager_command(environ: dict[str, str] | None = None) -> str | None:
    """The pager to run, or None for no pager."""
    env = os.environ if environ is None else environ
    command = env.get("PAGER", DEFAULT).strip()
    if not command or command == "cat":
        return None
    return command


def wanted(content: str, stream: TextIO, height: int | None = None) -> bool:
    """Page only on a terminal, and only what is longer than the screen."""
    if not stream.isatty():
        return False
    rows = height if height is not None else shutil.get_terminal_size((100, 24)).lines
    return content.count("\n") >= rows


def page(content: str, stream: TextIO, command: str | None) -> None:
    """Show `content` through `command` (run by the shell, as git runs $PAGER); write it to
    `stream` directly when there is no pager or it cannot be started."""
    if command is None:
        stream.write(content)
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    stream.flush()
    try:
        process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)  # noqa: S602
    except OSError:
        stream.write(content)
        return
    assert process.stdin is not None
    try:
        process.stdin.write(content.encode("utf-8"))
        process.stdin.close()
    except BrokenPipeError:  # the reader quit early (q in less)
        pass
    try:
        process.wait()
    except KeyboardInterrupt:
        process.wait()
    if process.returncode == 127:  # the shell could not find the pager
        stream.write(content)
