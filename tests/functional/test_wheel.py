"""The package as users install it: a built wheel, installed into a clean environment.

Every other test runs on the editable install, which reads files straight from the source
tree and so cannot notice a file the wheel leaves out. scripts/test builds the wheel,
installs it into a fresh virtual environment and points these tests at it:

    READOUT_DIFF_WHEEL      the built wheel
    READOUT_DIFF_INSTALLED  the `readout-diff` console script of that environment

Without READOUT_DIFF_WHEEL the wheel is built here (with `build`); without
READOUT_DIFF_INSTALLED the tests that run the installed commands are skipped (under CI
they fail instead, so a broken scripts/test cannot pass by skipping them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS
from tests.functional.test_tui_terminal import TMUX, Terminal, start

PACKAGE = ROOT / "readout_diff"


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("READOUT_DIFF_WHEEL")
    if given:
        return Path(given)
    pytest.importorskip("build", reason="the build package (test extra) builds the wheel")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="session")
def installed() -> Path:
    given = os.environ.get("READOUT_DIFF_INSTALLED")
    if not given:
        if os.environ.get("CI"):
            pytest.fail("READOUT_DIFF_INSTALLED is not set: scripts/test sets it")
        pytest.skip("READOUT_DIFF_INSTALLED is not set (scripts/test sets it)")
    return Path(given)


def data_files() -> list[str]:
    """Every file of the package that is not Python source, as a path inside the wheel."""
    found = [
        path.relative_to(ROOT).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    ]
    return sorted(found)


def test_the_package_has_data_files() -> None:
    assert "readout_diff/tui/review.tcss" in data_files()
    assert "readout_diff/templates/report.html.j2" in data_files()


def test_the_wheel_holds_every_file_of_the_package(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    sources = sorted(
        p.relative_to(ROOT).as_posix()
        for p in PACKAGE.rglob("*.py")
        if "__pycache__" not in p.parts
    )
    missing = [name for name in [*data_files(), *sources] if name not in names]
    assert not missing, f"{wheel.name} leaves out {missing}"


def test_the_wheels_metadata(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        text = archive.read(metadata).decode("utf-8")
    headers = text.split("\n\n", 1)[0].splitlines()
    assert "License-Expression: MIT" in headers
    requires = [h for h in headers if h.startswith("Requires-Dist:") and "extra ==" not in h]
    assert requires and not [r for r in requires if "==" in r], requires


def run(installed: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "NO_COLOR"}}
    return subprocess.run(
        [str(installed), *args], capture_output=True, text=True, timeout=300, cwd=cwd, env=env
    )


def test_installed_from_the_wheel_not_the_source_tree(installed: Path, tmp_path: Path) -> None:
    python = installed.parent / "python"
    done = subprocess.run(
        [str(python), "-c", "import readout_diff; print(readout_diff.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "site-packages" in done.stdout and str(ROOT / "readout_diff") not in done.stdout


def test_installed_version(installed: Path, tmp_path: Path) -> None:
    done = run(installed, "--version", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("readout-diff ")


def test_installed_report_in_every_format(installed: Path, tmp_path: Path) -> None:
    done = run(installed, "report", str(SEEDS), "-f", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["readouts"]) == 4
    for fmt, sign in (("text", "Rubio"), ("markdown", "# "), ("html", "<!DOCTYPE html>")):
        target = tmp_path / f"report.{fmt}"
        done = run(installed, "report", str(SEEDS), "-f", fmt, "-o", str(target), cwd=tmp_path)
        assert done.returncode == 0, (fmt, done.stderr)
        assert sign in target.read_text("utf-8"), fmt


def test_installed_check(installed: Path, tmp_path: Path) -> None:
    done = run(installed, "check", "--consensus", "--no-config", str(SEEDS), cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert "quotes in 5 articles" in done.stdout
    done = run(
        installed, "check", "--consensus", "--no-config", "-f", "sarif", str(SEEDS), cwd=tmp_path
    )
    assert json.loads(done.stdout)["version"] == "2.1.0"


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed: no real terminal to test in")
def test_installed_review_in_a_terminal(installed: Path) -> None:
    """The review app finds its stylesheet in the installed package (the wheel once left
    out review.tcss, and the app died with StylesheetError before drawing)."""
    term = Terminal(f"readout-diff-wheel-{os.getpid()}")
    try:
        start(term, str(SEEDS), script=installed)
        term.wait_for(lambda text: "outlets" in text and "Move" in text, timeout=60)
        term.keys("q")
        screen = term.wait_for(lambda text: "EXIT=" in text)
        assert "EXIT=0" in screen, screen
    finally:
        term.tmux("kill-session", "-t", term.name)
