"""The benchmarks fail loudly: a run whose input the engine rejected is not a figure."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_bench_engine_exits_1_with_the_reason_when_an_input_is_rejected() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_engine.py"), "--max-bytes", "1000", "5"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "N=5: input rejected: bench.jsonl: file is" in done.stderr
    assert "over the" in done.stderr
