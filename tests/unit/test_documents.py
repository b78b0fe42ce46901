from __future__ import annotations

import json

import pytest

from readout_diff.documents import InputProblem, decode, parse
from readout_diff.model import Role


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty"),
        (b"  \n\t ", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "file is binary, not text"),
    ],
)
def test_unusable_bytes(data: bytes, message: str) -> None:
    with pytest.raises(InputProblem, match=message):
        decode(data)


def test_too_large() -> None:
    with pytest.raises(InputProblem, match=r"file is 2\.0 MB, over the 1\.0 MB limit"):
        decode(b"a" * 2_000_000, max_bytes=1_000_000)


def test_non_utf8_is_detected() -> None:
    raw = decode("Le ministre a déclaré « la paix » à Genève, señor.".encode("cp1252"))
    assert "déclaré" in raw.text and raw.encoding_note and "not UTF-8" in raw.encoding_note


def test_front_matter_gives_outlet_and_date() -> None:
    data = b"---\noutlet: Meridian Review\ndate: 2026-03-12\ntitle: T\n---\nBody text here.\n"
    (doc,), note = parse("x.md", data)
    assert (doc.outlet, doc.date, doc.title, doc.text) == (
        "Meridian Review",
        "2026-03-12",
        "T",
        "Body text here.\n",
    )
    assert note is None


def test_jsonl_records_become_documents() -> None:
    lines = [
        json.dumps({"text": f"Story {n}.", "outlet": f"O{n}", "date": "2026-03-1" + str(n)})
        for n in (1, 2)
    ]
    docs, _ = parse("batch.jsonl", "\n".join(lines).encode())
    assert [(d.id, d.outlet, d.date) for d in docs] == [
        ("batch#1", "O1", "2026-03-11"),
        ("batch#2", "O2", "2026-03-12"),
    ]


def test_bad_json_names_the_line() -> None:
    with pytest.raises(InputProblem, match="line 2 is not valid JSON"):
        parse("b.jsonl", b'{"text": "ok"}\n{broken\n')
    with pytest.raises(InputProblem, match='no JSON record with a "text" string'):
        parse("b.json", b'{"body": "x"}')


def test_html_keeps_the_article_and_drops_chrome() -> None:
    html = b"""<html><head><title>Calls</title></head><body>
    <nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <article><h1>US urges calm</h1>
    <p>Secretary Whitcombe spoke with Foreign Minister Lena Vardanyan on Wednesday and urged
    both sides to de-escalate, the State Department said in a statement.</p>
    <p>"The Secretary emphasized the need to prioritize immediate de-escalation," it said.</p>
    </article><aside class="related"><h3>Related</h3><a href="/x">Other story</a></aside>
    <footer>Copyright 2026</footer></body></html>"""
    (doc,), _ = parse("page.html", html, Role.REPORT)
    assert "emphasized the need to prioritize" in doc.text
    assert "Copyright" not in doc.text and "Other story" not in doc.text


def test_leading_date_line_sets_the_date() -> None:
    (doc,), _ = parse("a.txt", b" date 2025-05-01 Rubio has spoken to Jaishankar.")
    assert doc.date == "2025-05-01" and doc.outlet == "a"
