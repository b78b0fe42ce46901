"""Invariants of the engine's output on real text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from readout_diff import Result, Source, analyse, to_json
from readout_diff.differences import apply

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def test_every_witness_is_rebuilt_from_the_base_and_its_differences(
    seeds_result: Result,
) -> None:
    texts = {d.id: d.text for d in seeds_result.documents}
    checked = 0
    for readout in seeds_result.readouts:
        for sentence in readout.sentences:
            for w in sentence.witnesses:
                rebuilt = apply(
                    sentence.text, w.covered_start, w.covered_end, w.differences, texts[w.document]
                )
                assert rebuilt == w.text, (sentence.id, w.document)
                checked += 1
    assert checked > 30


@settings(max_examples=4, deadline=None)
@given(st.permutations(SEEDS))
def test_input_order_does_not_change_the_result(order: list[Path]) -> None:
    sources = [Source(p.name, p.read_bytes()) for p in order]
    baseline = [Source(p.name, p.read_bytes()) for p in SEEDS]
    assert to_json(analyse(sources)) == to_json(analyse(baseline))


def test_readme_library_example_runs() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    block = readme.split("```python\n", 1)[1].split("```", 1)[0]
    first_part = block.split('\nresult = analyse(["articles/"]', 1)[0]
    namespace: dict[str, object] = {}
    import contextlib
    import io
    import os

    here = os.getcwd()
    os.chdir(Path(__file__).resolve().parents[2])
    try:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            exec(first_part, namespace)  # noqa: S102 - the README's own example
    finally:
        os.chdir(here)
    assert "re-establish direct communications" in out.getvalue()
