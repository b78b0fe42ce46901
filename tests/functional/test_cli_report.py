"""The `report` command end to end: exit codes, stderr lines, stable JSON, the README."""

from __future__ import annotations

import argparse
import json
import re
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from readout_diff.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_matches_the_documented_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["report", str(SEEDS), "-f", "json"], capsys)
    assert code == 0 and err == ""
    schema = json.loads(
        resources.files("readout_diff").joinpath("schema/readout-diff-1.json").read_text("utf-8")
    )
    document = json.loads(out)
    jsonschema.validate(document, schema)
    assert document["schema"] == "readout-diff/1"
    assert [r["id"] for r in document["readouts"]] == [
        "2025-04-30-jaishankar",
        "2025-05-08-jaishankar",
        "2025-04-30-sharif",
        "2025-05-08-sharif",
    ]


def test_same_input_same_bytes_whatever_the_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(SEEDS.glob("*.txt"))
    _, first, _ = run(["report", *map(str, files), "-f", "json"], capsys)
    _, again, _ = run(["report", *map(str, files), "-f", "json"], capsys)
    _, reverse, _ = run(["report", *map(str, reversed(files)), "-f", "json"], capsys)
    assert first == again == reverse


def test_bad_inputs_are_reported_and_the_rest_still_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "latin.txt").write_bytes("Le ministre a déclaré « la paix ».".encode("cp1252"))
    (tmp_path / "none.txt").write_text("The weather in Paris was mild on Sunday.\n")
    (tmp_path / "folder").mkdir()
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 4_200_000)
    out_file = tmp_path / "report.json"
    code, out, err = run(
        [
            "report",
            str(SEEDS / "001_4841478d94c68db0.txt"),
            str(tmp_path / "missing.txt"),
            str(tmp_path / "empty.txt"),
            str(tmp_path / "binary.txt"),
            str(tmp_path / "latin.txt"),
            str(tmp_path / "none.txt"),
            str(tmp_path / "folder"),
            str(big),
            "-f",
            "json",
            "-o",
            str(out_file),
        ],
        capsys,
    )
    assert code == 2 and out == ""
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert errors == [
        f"readout-diff: error: {tmp_path / 'missing.txt'}: no such file or directory",
        f"readout-diff: error: {tmp_path / 'empty.txt'}: file is empty",
        f"readout-diff: error: {tmp_path / 'binary.txt'}: file is binary, not text",
        f"readout-diff: error: {tmp_path / 'folder'}: directory has no readable text files "
        "(.txt, .md, .html, .json, .jsonl)",
        f"readout-diff: error: {big}: file is 21.0 MB, over the 5.0 MB limit for one input "
        "(raise it with --max-bytes)",
    ]
    assert f"readout-diff: note: {tmp_path / 'none.txt'}: no readout passage found" in err
    assert "Traceback" not in err
    written = json.loads(out_file.read_text())
    assert written["readouts"] and len(written["errors"]) == 5


def test_quiet_keeps_errors_but_drops_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "none.txt").write_text("Nothing to see here at all today.\n")
    code, out, err = run(
        ["report", str(tmp_path / "none.txt"), str(tmp_path / "gone.txt"), "-q", "-f", "json"],
        capsys,
    )
    assert code == 2
    assert err.splitlines() == [
        f"readout-diff: error: {tmp_path / 'gone.txt'}: no such file or directory"
    ]


def test_unwritable_output_is_exit_2_and_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "dir" / "r.json"
    code, _, err = run(["report", str(SEEDS), "-f", "json", "-o", str(target)], capsys)
    assert code == 2 and err.startswith(f"readout-diff: error: {target}: cannot be written")
    assert not target.parent.exists()


def test_existing_report_is_replaced_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "r.json"
    target.write_text("old")
    assert run(["report", str(SEEDS), "-f", "json", "-o", str(target)], capsys)[0] == 0
    assert json.loads(target.read_text())["schema"] == "readout-diff/1"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["report", str(SEEDS), "--format", "pdf"])
    assert stop.value.code == 2
    assert "invalid choice: 'pdf'" in capsys.readouterr().err


def test_bad_readouts_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "r.toml"
    spec.write_text('[[readout]]\nid = "x"\n')
    code, out, err = run(["report", str(SEEDS), "--readouts", str(spec)], capsys)
    assert code == 2 and out == ""
    assert err.strip() == f'readout-diff: error: {spec}: readout "x" has no "counterpart"'


def test_readouts_file_names_the_readouts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "r.toml"
    spec.write_text(
        '[[readout]]\nid = "sharif-0430"\ncounterpart = "Shehbaz Sharif"\ndate = 2025-04-30\n'
    )
    code, out, _ = run(["report", str(SEEDS), "--readouts", str(spec), "-f", "json"], capsys)
    ids = [r["id"] for r in json.loads(out)["readouts"]]
    assert code == 0 and "sharif-0430" in ids and "2025-04-30-sharif" not in ids


def test_stdin_is_read(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    data = (SEEDS / "002_9ec8bcdebe72d600.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(["report", "-", "-f", "json"], capsys)
    assert code == 0 and json.loads(out)["documents"][0]["path"] == "-"


def _option_table_rows(section: str) -> list[str]:
    return [line for line in section.splitlines() if line.startswith("| `-")]


def _section(readme: str, heading: str) -> str:
    """From `heading` to the next heading of the same or a higher level."""
    start = readme.index(heading)
    level = heading.split(" ")[0]
    rest = readme[start + len(heading) :]
    ends = [m.start() for m in re.finditer(rf"^#{{1,{len(level)}}} ", rest, re.M)]
    return rest[: ends[0]] if ends else rest


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {o for action in parser._actions for o in action.option_strings} - {"-h", "--help"}


def test_readme_documents_every_option() -> None:
    """Each command's options table in the README lists exactly its options (as
    sqlite-utils' documentation test does), short and long forms alike."""
    readme = (ROOT / "README.md").read_text("utf-8")
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    sections = {"": _section(readme, "## Commands").split("\n### ")[0]}
    sections.update({name: _section(readme, f"### `readout-diff {name}`") for name in commands})
    assert sorted(sections) == ["", "check", "corpus", "report", "review"]
    for name, section in sections.items():
        options = _options(commands[name] if name else parser)
        rows = _option_table_rows(section)
        assert rows, f"no options table for readout-diff {name}"
        table = "\n".join(rows)
        for option in options:
            assert re.search(rf"`{re.escape(option)}(?![\w-])", table), (name, option)
        for row in rows:
            first_cell = row.split(" | ")[0]
            for named in re.findall(r"`(-[\w-]+)", first_cell):
                assert named in options | {"-h", "--help"}, (name, named, "is not an option")


@pytest.mark.skipif(
    shutil.which("readout-diff") is None and not (ROOT / ".venv/bin/readout-diff").exists(),
    reason="console script not installed",
)
def test_console_script_runs(tmp_path: Path) -> None:
    import subprocess

    script = shutil.which("readout-diff") or str(ROOT / ".venv/bin/readout-diff")
    done = subprocess.run(
        [script, "report", str(SEEDS / "002_9ec8bcdebe72d600.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "\x1b[" not in done.stdout
    flowing = " ".join(done.stdout.split())  # the report wraps to the terminal's width
    assert "The Secretary expressed sorrow for the reported loss of civilian lives" in flowing
