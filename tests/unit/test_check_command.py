"""`readout-diff check` on the command line: exit codes, options, configuration, errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from readout_diff.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "check"
SOURCES = str(FIXTURES / "sources")
ARTICLES = FIXTURES / "articles"


def _run(capsys, *argv: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_help_documents_exit_codes_and_rules(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert stop.value.code == 0
    assert "exit codes:\n  0    every quote is faithful" in out
    assert "  2    an input or source could not be read" in out
    assert "RD006  warning  quote is pinned on a different call" in out
    assert '<!-- readout-diff: ignore RD002 reason="' in out


def test_faithful_articles_exit_0(capsys):
    code, out, err = _run(
        capsys,
        "--no-config",
        "-s",
        SOURCES,
        str(ARTICLES / "exact.txt"),
        str(ARTICLES / "split.txt"),
    )
    assert (code, out, err) == (0, "2 quotes in 2 articles: 2 exact; 0 findings\n", "")


def test_findings_exit_1_unless_exit_zero_or_below_fail_on(capsys):
    spelling = str(ARTICLES / "spelling.txt")
    assert _run(capsys, "--no-config", "-s", SOURCES, spelling)[0] == 1
    assert _run(capsys, "--no-config", "-s", SOURCES, "--exit-zero", spelling)[0] == 0
    assert _run(capsys, "--no-config", "-s", SOURCES, "--fail-on", "error", spelling)[0] == 0
    assert (
        _run(capsys, "--no-config", "-s", SOURCES, "--spelling-variants", "allow", spelling)[0] == 0
    )
    assert _run(capsys, "--no-config", "-s", SOURCES, "--ignore", "RD003", spelling)[0] == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["-s", "missing.txt", "a.txt"],
            "readout-diff: error: missing.txt: no such file or directory",
        ),
        (["a.txt"], "readout-diff: error: --source: no sources: give --source OFFICIAL"),
        (["--consensus", "-s", SOURCES, "a.txt"], "readout-diff: error: --consensus: compares"),
        (
            ["--select", "RD1", "-s", SOURCES, "a.txt"],
            'readout-diff: error: command line: "RD1" is not a rule code (known: RD001',
        ),
        (
            ["--min-similarity", "3", "-s", SOURCES, "a.txt"],
            "readout-diff: error: command line: min-similarity must be a number above 0",
        ),
    ],
)
def test_usage_and_input_errors_exit_2_on_one_line(capsys, argv, message):
    code, out, err = _run(capsys, "--no-config", *argv)
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1 and "Traceback" not in err


def test_unreadable_article_is_reported_and_the_rest_checked(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    code, out, err = _run(
        capsys, "--no-config", "-s", SOURCES, str(empty), str(binary), str(ARTICLES / "exact.txt")
    )
    assert code == 2
    assert err == (
        f"readout-diff: error: {empty}: file is empty\n"
        f"readout-diff: error: {binary}: file is binary, not text\n"
    )
    assert out == "1 quote in 1 article: 1 exact; 0 findings\n"


def test_pyproject_configuration_and_cli_overrides(capsys, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.readout-diff]\nsources = ["{SOURCES}"]\nformat = "json"\n'
        'spelling-variants = "allow"\nshade = 1\n'
    )
    nested = tmp_path / "newsroom"
    nested.mkdir()
    monkeypatch.chdir(nested)
    code, out, err = _run(capsys, str(ARTICLES / "spelling.txt"))
    assert code == 0
    assert json.loads(out)["quotes"][0]["verdict"] == "equivalent"
    assert err == (
        f"readout-diff: note: {tmp_path / 'pyproject.toml'}: unknown key in "
        "[tool.readout-diff] ignored: shade\n"
    )
    code, out, _ = _run(
        capsys, "-q", "--spelling-variants", "flag", "-f", "text", str(ARTICLES / "spelling.txt")
    )
    assert code == 1 and " RD003 " in out


def test_bad_pyproject_exits_2(capsys, tmp_path):
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.readout-diff]\nfail-on = "never"\n')
    code, out, err = _run(capsys, "--config", str(config), "-s", SOURCES, "x.txt")
    assert (code, out) == (2, "")
    assert err == (
        f"readout-diff: error: {config}: [tool.readout-diff]: fail-on must be "
        '"error", "warning" or "info"\n'
    )


def test_output_file_and_stdin(capsys, tmp_path, monkeypatch):
    target = tmp_path / "report.sarif"
    code, out, _ = _run(
        capsys,
        "--no-config",
        "-s",
        SOURCES,
        "-f",
        "sarif",
        "-o",
        str(target),
        str(ARTICLES / "restore.txt"),
    )
    assert (code, out) == (1, "")
    assert json.loads(target.read_text())["runs"][0]["results"][0]["ruleId"] == "RD002"
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO((ARTICLES / "exact.txt").read_bytes()))
    )
    code, out, _ = _run(capsys, "--no-config", "-s", SOURCES, "-")
    assert (code, out) == (0, "1 quote in 1 article: 1 exact; 0 findings\n")


def test_consensus_from_the_command_line(capsys):
    code, out, _ = _run(
        capsys, "--no-config", "--consensus", "-f", "github", str(FIXTURES / "consensus")
    )
    assert code == 1
    assert out.startswith(f"::error file={FIXTURES}/consensus/c4_river_post.txt,line=3,col=2,")


def test_check_prints_the_same_input_notes_as_report(capsys, tmp_path):
    article = tmp_path / "latin.txt"
    text = (ARTICLES / "exact.txt").read_text(encoding="utf-8")
    article.write_bytes(
        (text + "\nCaf\u00e9 na\u00efve r\u00e9sum\u00e9 \u2014 ok.\n").encode("cp1252")
    )
    code, _, err = _run(capsys, "--no-config", "-s", SOURCES, str(article))
    main(["report", "-q", str(article)])
    quiet = capsys.readouterr().err
    main(["report", str(article)])
    report_err = capsys.readouterr().err
    notes = [line for line in err.splitlines() if line.startswith("readout-diff: note:")]
    assert notes and "read as" in notes[0]
    assert notes[0] in report_err.splitlines()
    assert quiet == ""
    _run(capsys, "--no-config", "-q", "-s", SOURCES, str(article))
    assert capsys.readouterr().err == ""
