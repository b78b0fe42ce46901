"""The HTML report in a real browser: headless Chromium builds the DOM we meant.

Chromium loads the report from a file with networking off and prints the DOM it built
(`--dump-dom`); the checks read that DOM, not our source, so they see what a reader
would: the tables, the marked differences, the highlighted only-in phrases, and no
element or script smuggled in by an article.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from readout_diff import analyse
from readout_diff.model import Result
from readout_diff.reports.html import render
from tests.unit.test_reports_html import Node, Tree

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (apt-get install chromium; scripts/test installs it)",
)


def chromium(page: Path, profile: Path, *extra: str) -> str:
    """Load `page` headless, offline, and return what Chromium prints (the DOM)."""
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            *extra,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def browser_dom(result: Result, tmp_path: Path) -> Node:
    page = tmp_path / "report.html"
    page.write_text(render(result), "utf-8")
    return Tree(chromium(page, tmp_path / "profile", "--dump-dom")).root


def test_seeds_report_builds_tables_marks_and_contrasts(
    seeds_result: Result, tmp_path: Path
) -> None:
    dom = browser_dom(seeds_result, tmp_path)
    tables = dom.find_all("table", cls="alignment")
    assert [t.attrs["data-readout"] for t in tables] == [r.id for r in seeds_result.readouts]
    for table, readout in zip(tables, seeds_result.readouts, strict=True):
        body_rows = [
            tr for tr in table.find("tbody").children if isinstance(tr, Node) and tr.tag == "tr"
        ]
        assert len(body_rows) == len(readout.sentences)
        header = [th.attrs.get("data-doc") for th in table.find("thead").find_all("th")]
        assert header == [None, *readout.documents]

    fidelity_rows = [
        tr for tr in dom.find("table", cls="fidelity").find_all("tr") if "data-doc" in tr.attrs
    ]
    assert len(fidelity_rows) == len(
        {w.document for r in seeds_result.readouts for s in r.sentences for w in s.witnesses}
    )
    cells = dom.find("table", cls="heat").find_all("td", cls="heat")
    assert {c.words for c in cells if "absent" not in c.classes} and all(
        c.words.split()[0] == c.attrs["data-band"] for c in cells if "data-band" in c.attrs
    )

    changes = dom.find_all("span", cls="chg")
    kinds = {c.attrs["data-kind"] for c in changes if "data-kind" in c.attrs}
    assert {"typography", "wording_change", "omission", "addition"} <= kinds
    assert any(c.find_all("del") for c in changes) and any(c.find_all("ins") for c in changes)
    assert all(c.find("sup", cls="tag").text for c in changes)

    only_in = [
        m
        for m in dom.find_all("mark", cls="only-in")
        if m.text == "re-establish direct communications"
    ]
    assert only_in and only_in[0].attrs["data-sentence"].startswith("2025-04-30-sharif/")
    assert dom.find("title").text.startswith("readout-diff report")


def test_injected_markup_neither_builds_elements_nor_runs(seeds_dir: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "evil.txt").write_text(
        "Evil Gazette <script>document.title='pwned'</script>\n\n"
        "Secretary of State Marco Rubio spoke with Pakistan Prime Minister Shehbaz Sharif "
        "on Wednesday, April 30, 2025.\n\n"
        "According to the State Department, \"The Secretary urged Pakistani officials' "
        "cooperation in investigating this unconscionable <img src=x "
        "onerror=\"document.body.setAttribute('data-pwned','img')\"> attack.\"\n\n"
        "Read more at <a href=\"javascript:document.title='pwned'\">our site</a>.\n"
    )
    (articles / "evil.jsonl").write_text(
        '{"text": "Secretary of State Marco Rubio spoke with Pakistan Prime Minister Shehbaz '
        'Sharif on April 30, 2025.", "outlet": "<img src=x onerror=document.title=1>", '
        '"url": "javascript:alert(5)", "title": "<script>document.title=2</script>"}\n'
    )
    dom = browser_dom(analyse([seeds_dir, articles]), tmp_path)
    assert not dom.find_all("script") and not dom.find_all("img")
    assert not [a for a in dom.find_all("a") if not a.attrs.get("href", "").startswith("#")]
    body = dom.find("body")
    assert "data-pwned" not in body.attrs
    assert dom.find("title").text.startswith("readout-diff report")
    text = body.text
    assert "<img src=x onerror=document.title=1>" in text  # the outlet name, as text
    assert "<script>document.title=2</script>" in text  # the title, as text
