"""`analyse` never raises on odd input: it reports it."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout_diff import ReadoutSpecError, analyse


@pytest.mark.parametrize(
    "text",
    [
        "Secretary X spoke with Minister Y today.\x01 The Secretary urged calm.",
        " date 2024-01-10 On February 29 the Secretary spoke with Minister Y.",
        "A" * 300,
        "The Secretary spoke with Y.\rShe urged calm.\r",
        "The Secretary urged \ud800 calm.",
        "",
        "[Reuters] The Secretary spoke with Minister Y.",
        "“",
        "cafe\u0301 “The Secretary urged calm,” the readout said.",
    ],
)
def test_odd_texts_do_not_raise(text: str) -> None:
    result = analyse([text])
    assert len(result.documents) + len(result.errors) == 1


def test_empty_string_is_not_the_current_folder() -> None:
    result = analyse([""])
    assert [e.message for e in result.errors] == ["file is empty"]


def test_duplicate_file_names_get_distinct_ids(tmp_path: Path) -> None:
    for name in ("a/x.txt", "b/x.txt", "c/x-2.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Secretary X spoke with Minister Y today.")
    ids = [d.id for d in analyse([tmp_path]).documents]
    assert len(ids) == len(set(ids)) == 3


def test_blank_counterpart_is_refused() -> None:
    with pytest.raises(ReadoutSpecError, match='has no "counterpart"'):
        analyse(["x"], readouts='[[readout]]\nid = "a"\ncounterpart = " "\n')
