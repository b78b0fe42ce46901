"""Textual loads only when `review` runs; the engine never loads Rich.

Each check runs in a fresh interpreter, so what the test process itself imported
(pytest plugins pull in Textual) cannot hide a stray import.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _modules_after(code: str) -> set[str]:
    script = textwrap.dedent(code) + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    return set(done.stdout.split())


def _roots(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_cli_library_and_report_do_not_import_textual() -> None:
    loaded = _modules_after("""
        import readout_diff
        import readout_diff.api
        import readout_diff.cli
        import readout_diff.commands.report
        readout_diff.cli.build_parser()
    """)
    assert "textual" not in _roots(loaded)
    assert "readout_diff.tui" not in loaded


def test_engine_does_not_import_rich() -> None:
    loaded = _modules_after("""
        import readout_diff.api
        import readout_diff.pipeline
        import readout_diff.serialise
    """)
    assert "rich" not in _roots(loaded)
    assert "textual" not in _roots(loaded)


def test_review_parser_is_built_without_textual() -> None:
    loaded = _modules_after("""
        import readout_diff.cli
        args = readout_diff.cli.build_parser().parse_args(["review", "seeds/"])
        assert args.run.__module__ == "readout_diff.commands.review"
    """)
    assert "textual" not in _roots(loaded)
