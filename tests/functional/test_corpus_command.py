"""`readout-diff corpus` end to end: local against Dask byte for byte, kill and resume,
a failing window retried then reported, and the seeds read as `report` reads them."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from readout_diff import analyse, corpus
from readout_diff.cli import main

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_engine import corpus_lines  # noqa: E402

OUTPUTS = ("readouts.jsonl", "witnesses.jsonl", "summary.md", "summary.html", "failed.jsonl")


def _shard(folder: Path, n: int) -> Path:
    shard = folder / f"corpus-{n}.jsonl"
    shard.write_text("\n".join(corpus_lines(n)) + "\n", "utf-8")
    return shard


def _files(out: Path) -> dict[str, bytes]:
    names = [*OUTPUTS, *(f"partitions/{p.name}" for p in sorted((out / "partitions").iterdir()))]
    return {name: (out / name).read_bytes() for name in names}


@pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="Dask is not installed: pip install 'readout-diff[dask]' (scripts/test does)",
)
def test_local_and_a_two_worker_dask_cluster_write_the_same_bytes(tmp_path: Path) -> None:
    shard = _shard(tmp_path, 3000)  # "a few thousand generated articles" (issue 13)
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main(["corpus", str(shard), "-o", str(local), "-j", "2", "-q"]) == 0
    assert main(["corpus", str(shard), "-o", str(dask), "-j", "2", "--scheduler", "-q"]) == 0
    assert _files(local) == _files(dask)
    rows = [json.loads(line) for line in (local / "readouts.jsonl").open()]
    assert len(rows) >= 95  # about 100 readouts over 60 days
    witness = json.loads((local / "witnesses.jsonl").open().readline())
    for field in ("document", "outlet", "date", "readout", "sentence", "kind", "differences"):
        assert field in witness
    assert "Fidelity over time" in (local / "summary.md").read_text("utf-8")


def test_a_run_killed_mid_way_resumes_from_its_finished_windows(tmp_path: Path) -> None:
    shard = _shard(tmp_path, 900)
    out = tmp_path / "out"
    options = ["-o", str(out), "--days", "3", "-j", "1", "-q"]  # about 20 windows
    command = [sys.executable, "-m", "readout_diff.cli", "corpus", str(shard), *options]
    process = subprocess.Popen(command, start_new_session=True)
    partitions = out / "partitions"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if partitions.exists() and len(list(partitions.glob("*.jsonl"))) >= 2:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished = {p.name: p.stat().st_mtime_ns for p in partitions.glob("*.jsonl")}
    windows = len(list((out / ".spool").glob("*.jsonl")))
    assert 2 <= len(finished) < windows, "the run was to be killed mid-way"
    assert not (out / "readouts.jsonl").exists()

    assert main(["corpus", str(shard), *options]) == 0
    for name, stamp in finished.items():
        assert (partitions / name).stat().st_mtime_ns == stamp, f"{name} was redone"
    fresh = tmp_path / "fresh"
    assert main(["corpus", str(shard), "-o", str(fresh), "--days", "3", "-j", "1", "-q"]) == 0
    assert _files(out) == _files(fresh)


def test_a_failing_window_is_retried_once_then_reported_and_the_rest_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shard = _shard(tmp_path, 300)
    real = corpus.analyse_window
    calls: dict[str, int] = {}

    def flaky(window: corpus.Window, records: list[corpus.Record], **kw: bool) -> object:
        calls[window.key] = calls.get(window.key, 0) + 1
        if window.key == "2026-03-09" or (window.key == "2026-03-16" and calls[window.key] == 1):
            raise RuntimeError("worker lost")
        return real(window, records, **kw)

    monkeypatch.setattr(corpus, "analyse_window", flaky)
    out = tmp_path / "out"
    assert main(["corpus", str(shard), "-o", str(out), "-j", "1", "-q"]) == 2
    assert calls["2026-03-09"] == 2 and calls["2026-03-16"] == 2
    (failed,) = [json.loads(line) for line in (out / "failed.jsonl").open()]
    assert failed["window"] == "2026-03-09"
    assert failed["problems"] == ["RuntimeError: worker lost"] * 2
    assert failed["inputs"] and all(p.startswith(str(shard)) for p in failed["inputs"])
    assert "window 2026-03-09: failed twice" in capsys.readouterr().err
    assert (out / "partitions" / "2026-03-16.jsonl").exists()
    assert not (out / "partitions" / "2026-03-09.jsonl").exists()
    readouts = [json.loads(line) for line in (out / "readouts.jsonl").open()]
    assert readouts and "2026-03-09" in (out / "summary.md").read_text("utf-8")


def test_the_seeds_give_the_readouts_and_witnesses_report_finds(
    seeds_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert main(["corpus", str(seeds_dir), "-o", str(out), "-j", "1", "-q"]) == 0
    rows = [json.loads(line) for line in (out / "readouts.jsonl").open()]
    expected = analyse([seeds_dir])
    assert sorted((r["id"], r["witnesses"]) for r in rows) == sorted(
        (r.id, sum(len(s.witnesses) for s in r.sentences)) for r in expected.readouts
    )
