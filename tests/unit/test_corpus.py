"""The corpus module's pure parts: windows, content keys and blocks, the join."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from readout_diff.commands.corpus_run import stream
from readout_diff.corpus import Plan, Record, Window, blocks, content_keys, join


def test_a_document_is_read_in_its_window_and_the_earlier_one_whose_margin_reaches_it() -> None:
    plan = Plan(days=7, margin=3)
    monday = plan.window_at(dt.date(2026, 3, 2))
    assert monday.key == "2026-03-02" and monday.end == dt.date(2026, 3, 9)
    assert [w.key for w in plan.windows_of("2026-03-05")] == ["2026-03-02"]
    assert [w.key for w in plan.windows_of("2026-03-10")] == ["2026-03-09", "2026-03-02"]
    assert [w.key for w in plan.windows_of(None)] == ["undated"]
    assert monday.owns("2026-03-08") and not monday.owns("2026-03-09")


def test_blocks_group_documents_by_their_rare_names() -> None:
    texts = ["Ann Kova of Chile met Bolivia in Lima.", "Kova (Chile) spoke of Bolivia."]
    texts += ["Ben Lund of Norway met Finland.", "Finland heard from Lund, Norway."]
    texts += ["Cy Oduya of Kenya met Tanzania.", "Tanzania and Kenya: Oduya."]
    texts += ["nothing capitalised here.", "nor here."]
    keys = content_keys(texts)
    assert keys[0] == "Ann Bolivia Chile Kova Lima"
    groups = blocks(keys)
    assert groups == [[0, 1], [2, 3], [4, 5], [6, 7]]
    assert blocks(keys) == groups  # deterministic


def _copy(window: str, owned: bool, block: int, witnesses: list[tuple[str, str]]) -> dict[str, Any]:
    sentences: dict[str, list[dict[str, Any]]] = {}
    for sentence, document in witnesses:
        start = "ABC".index(sentence[0]) * 10
        sentences.setdefault(sentence, []).append(
            {"document": document, "start": start, "end": start + 5, "text": "x"}
        )
    return {
        "id": "2026-03-08-otieno",
        "date": "2026-03-08",
        "window": window,
        "block": block,
        "owned": owned,
        "sentences": [
            {"id": f"s{i}", "text": text, "witnesses": ws}
            for i, (text, ws) in enumerate(sentences.items(), 1)
        ],
    }


def test_a_readout_found_in_two_windows_is_joined_once() -> None:
    own = _copy("2026-03-02", True, 0, [("A.", "d1"), ("A.", "d2"), ("B.", "d1")])
    late = _copy("2026-03-09", False, 3, [("A.", "d2"), ("A.", "d3"), ("C.", "d3")])
    joined = join([late, own])
    assert joined == join([own, late])  # the order the windows finish in does not matter
    (readout,) = joined
    assert readout["windows"] == ["2026-03-02", "2026-03-09"]
    by_text = {s["text"]: [w["document"] for w in s["witnesses"]] for s in readout["sentences"]}
    assert by_text == {"A.": ["d1", "d2", "d3"], "B.": ["d1"], "C.": ["d3"]}
    assert readout["sentences"][-1]["id"] == "s2@2026-03-09"


def test_records_round_trip_and_become_engine_sources() -> None:
    record = Record("wire#3", "wire.jsonl:3", "Text “quoted”.", "Outlet", "2026-03-02")
    assert Record.from_json(record.to_json()) == record
    assert record.source().name == "wire#3.json"


def test_stream_reads_globs_shards_and_stdin(tmp_path: Any) -> None:
    (tmp_path / "a.jsonl").write_text(
        '{"text": "One.", "date": "2026-03-02"}\n\n{"text": "Two.", "outlet": "X"}\n', "utf-8"
    )
    (tmp_path / "b.txt").write_text("date 2026-03-03\n\nThree.", "utf-8")
    stdin = io.BytesIO(b'{"text": "Four."}\n')
    items = list(stream([str(tmp_path / "*.*"), "-", str(tmp_path / "nope")], stdin=stdin))
    records = [i for i in items if isinstance(i, Record)]
    assert [(r.id, r.path.split("/")[-1]) for r in records] == [
        ("a#1", "a.jsonl:1"),
        ("a#3", "a.jsonl:3"),
        ("b", "b.txt"),
        ("stdin#1", "-:1"),
    ]
    assert records[0].date == "2026-03-02" and records[1].outlet == "X"
    assert records[2].date == "2026-03-03"
    assert [i for i in items if not isinstance(i, Record)] == [
        (str(tmp_path / "nope"), "no such file or directory")
    ]


def test_an_empty_window_has_no_blocks() -> None:
    from readout_diff.corpus import analyse_window

    result = analyse_window(Window("2026-03-02", None, None), [])
    assert (result.documents, result.blocks, result.copies) == (0, 0, ())
