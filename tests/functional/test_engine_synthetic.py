"""The benchmark's synthetic coverage, small: many outlets, six counterparts, three days
whose readouts repeat the same boilerplate with other names."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from readout_diff import Source, analyse

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_engine.py"


def test_every_readout_is_found_with_its_own_sentences() -> None:
    spec = importlib.util.spec_from_file_location("bench_engine", BENCH)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = analyse([Source("synthetic.jsonl", bench.build(90))])
    assert len(result.readouts) == 18
    thanked_in_all = 0
    for readout in result.readouts:
        surname = readout.counterpart.split()[-1]
        assert len(readout.sentences) >= 3, readout.id
        thanked = [s for s in readout.sentences if s.text.startswith("The Secretary thanked")]
        assert all(surname in s.text for s in thanked), readout.id
        thanked_in_all += len(thanked)
    assert thanked_in_all > 0  # the surname check above ran
