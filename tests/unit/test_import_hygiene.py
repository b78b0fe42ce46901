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


# What `--help` has no use for: the engine's stages, the faces' libraries, numpy.
NOT_FOR_HELP = {
    "textual",
    "jinja2",
    "rich",
    "numpy",
    "rapidfuzz",
    "syntok",
    "trafilatura",
    "readout_diff.api",
    "readout_diff.pipeline",
    "readout_diff.align",
    "readout_diff.attribute",
    "readout_diff.passages",
    "readout_diff.witnesses",
    "readout_diff.differences",
    "readout_diff.entities",
    "readout_diff.check.core",
    "readout_diff.check.match",
    "readout_diff.tui",
}


def test_help_loads_no_engine_and_no_face_library() -> None:
    """A module-set check, never a timing one: benchmarks/bench_startup.py times it."""
    loaded = _modules_after("""
        import contextlib, io
        from readout_diff.cli import main
        for argv in (["--help"], ["report", "--help"], ["check", "--help"], ["review", "--help"]):
            with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
                main(argv)
    """)
    assert "readout_diff.cli" in loaded and "readout_diff.commands.check" in loaded
    stray = {name for name in NOT_FOR_HELP if name in loaded or name in _roots(loaded)}
    assert not stray, f"--help imported {sorted(stray)}"


def test_importing_the_package_loads_nothing_until_a_name_is_used() -> None:
    loaded = _modules_after("""
        import readout_diff
    """)
    assert "readout_diff.pipeline" not in loaded and "readout_diff.api" not in loaded
    loaded = _modules_after("""
        import readout_diff
        assert readout_diff.Source is readout_diff.model.Source
        assert callable(readout_diff.analyse)
    """)
    assert "readout_diff.api" in loaded


def test_every_exported_name_resolves() -> None:
    import readout_diff
    import readout_diff.check

    for package in (readout_diff, readout_diff.check):
        assert len(package.__all__) >= 10
        for name in package.__all__:
            assert getattr(package, name) is not None, (package.__name__, name)
            assert name in dir(package)
        assert sorted(package.__all__) == sorted(package._EXPORTS)  # type: ignore[attr-defined]


def test_source_is_importable_where_library_users_import_it() -> None:
    from readout_diff import Source as from_package
    from readout_diff.model import Source
    from readout_diff.pipeline import Source as from_pipeline

    assert from_package is Source is from_pipeline


# What a JSON report or a check has no use for: the faces' libraries and the extractors of
# formats the seeds are not in (HTML, other encodings).
NOT_FOR_JSON = {"textual", "jinja2", "rich", "trafilatura", "charset_normalizer", "lxml"}


def test_report_and_check_in_json_load_only_what_they_use() -> None:
    """Module sets after whole runs on the seeds (lazy imports included), never timings:
    benchmarks/bench_startup.py times them."""
    for argv in (["report", "-f", "json", "seeds"], ["check", "--consensus", "--no-config"]):
        if argv[0] == "check":
            argv += ["-f", "json", "seeds"]
        loaded = _modules_after(f"""
            import contextlib, io
            from readout_diff.cli import main
            with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
                main({argv!r})
        """)
        assert "readout_diff.api" in loaded or "readout_diff.check.core" in loaded
        unused = NOT_FOR_JSON | ({"numpy"} if argv[0] == "report" else set())
        stray = {name for name in unused if name in _roots(loaded)}
        assert not stray, f"{' '.join(argv)} imported {sorted(stray)}"
        faces = {"readout_diff.tui", *(f"readout_diff.reports.{f}" for f in ("text", "html"))}
        assert not faces & loaded, f"{' '.join(argv)} imported {sorted(faces & loaded)}"
