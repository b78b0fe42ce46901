"""The command line on any platform Python runs on: no Linux-only call at start-up,
the version from the installed metadata, one exception base class for library users."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from importlib.metadata import version

import pytest

from readout_diff.cli import main
from readout_diff.commands.common import usable_cores


def test_every_command_starts_without_sched_getaffinity() -> None:
    """macOS and Windows have no os.sched_getaffinity: building the parser must not need it."""
    script = textwrap.dedent("""
        import contextlib, io, os
        del os.sched_getaffinity
        if hasattr(os, "process_cpu_count"):  # as os.py defines it where there is no affinity
            os.process_cpu_count = os.cpu_count
        from readout_diff.cli import main
        for argv in (["--help"], ["check", "--help"], ["report", "--help"], ["review", "--help"]):
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                try:
                    main(argv)
                except SystemExit as done:
                    assert done.code == 0, (argv, done.code)
            assert "usage: readout-diff" in out.getvalue(), argv
        print("ok")
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_usable_cores_without_process_cpu_count(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.delattr(os, "process_cpu_count", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: None)  # "cannot be determined"
    assert usable_cores() == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 6)
    assert usable_cores() == 6


def test_version_is_the_installed_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    import readout_diff

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"readout-diff {version('readout-diff')}\n"
    assert readout_diff.__version__ == version("readout-diff")


def test_every_library_error_derives_from_one_base() -> None:
    from readout_diff import ReadoutDiffError, ReadoutSpecError
    from readout_diff.check import ConfigError
    from readout_diff.check.rules import RuleSelectionError
    from readout_diff.documents import InputProblem
    from readout_diff.rebase import RebaseError

    for error in (ReadoutSpecError, ConfigError, RuleSelectionError, InputProblem, RebaseError):
        assert issubclass(error, ReadoutDiffError), error
    assert issubclass(ReadoutSpecError, ValueError)  # as before, for code that caught that


def test_a_bad_readouts_file_is_caught_as_the_base_class() -> None:
    from readout_diff import ReadoutDiffError, analyse

    with pytest.raises(ReadoutDiffError):
        analyse(["Some text."], readouts="[[readout]]\nid = 3\n")
