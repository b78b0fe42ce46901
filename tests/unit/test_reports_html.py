"""The HTML report: escaped, self-contained, and showing each figure where the issue says.

`Tree` parses the page with the standard library so the tests can ask for elements the
way a browser would see them; the browser test (tests/functional) reuses it on the DOM
Chromium builds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from readout_diff import analyse
from readout_diff.cli import main
from readout_diff.model import Result
from readout_diff.reports.html import render, safe_url
from tests.unit.test_reports_common import tiny_result

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class Node:
    """An element: tag, attributes, children (elements and text)."""

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag, self.attrs = tag, attrs
        self.children: list[Node | str] = []

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    @property
    def words(self) -> str:
        """The text with elements apart, as a reader sees table cells and marks."""
        return " ".join(self.text_pieces().split())

    def text_pieces(self) -> str:
        return " ".join(c if isinstance(c, str) else c.text_pieces() for c in self.children)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> Iterator[Node]:
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        """Descendants by tag, class and exact attributes (data_doc= means data-doc=)."""
        wanted = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(k) == v for k, v in wanted.items())
        ]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}>"
        return found[0]


class Tree(HTMLParser):
    """A forgiving HTML-to-`Node` parser (what the page says, not how it is spelled)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self._stack = [self.root]
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self._stack[-1].children.append(node)
        if tag not in VOID:
            self._stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)


def page(result: Result) -> Node:
    return Tree(render(result)).root


# --- escaping and self-containment -------------------------------------------------------


def test_article_text_is_escaped_in_every_field() -> None:
    html = render(tiny_result())
    assert "<script" not in html and "<i>" not in html and "<b>Title" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [red]x[/red] | *boom* `tick`" in html
    assert "The Paper | &lt;i&gt;Daily&lt;/i&gt;" in html
    assert "cannot be read: &lt;denied&gt;" in html
    links = [a.attrs["href"] for a in Tree(html).root.find_all("a")]
    assert links and all(href.startswith("#") for href in links)  # javascript: URL not linked
    assert "javascript:alert(1)" in html  # but still shown, as text


def test_a_crafted_article_renders_as_text(tmp_path: Path, seeds_dir: Path) -> None:
    """Markup in an article, its outlet, title and URL survives the real engine as text."""
    evil = tmp_path / "evil.txt"
    evil.write_text(
        "Evil Gazette <script>document.title='pwned'</script>\n\n"
        "Secretary of State Marco Rubio spoke with Pakistan Prime Minister Shehbaz Sharif "
        "on Wednesday, April 30, 2025.\n\n"
        "According to the State Department, \"The Secretary urged Pakistani officials' "
        'cooperation in investigating this unconscionable <img src=x onerror="alert(1)"> '
        'attack."\n\nRead more at <a href="javascript:alert(2)">our site</a>.\n'
    )
    (tmp_path / "evil.jsonl").write_text(
        '{"text": "Secretary of State Marco Rubio spoke with Pakistan Prime Minister Shehbaz '
        'Sharif on April 30, 2025.", "outlet": "<img src=x onerror=alert(4)>", '
        '"url": "javascript:alert(5)", "title": "<script>alert(6)</script>"}\n'
    )
    result = analyse([seeds_dir, tmp_path])
    html = render(result)
    assert not re.search(r"<(script|img|iframe|object)\b", html, re.I)
    assert "javascript:" not in "".join(
        a.attrs.get("href", "") for a in Tree(html).root.find_all("a")
    )
    assert "&lt;img src=x onerror=alert(4)&gt;" in html  # the outlet, as text
    assert "“&lt;script&gt;alert(6)&lt;/script&gt;”" in html  # the title, as text
    quoted = [
        v.words for v in Tree(html).root.find_all("div", cls="version") if "onerror" in v.words
    ]
    assert quoted and all("<img src=x onerror=" in words for words in quoted)


def test_page_is_self_contained_printable_and_responsive() -> None:
    html = render(tiny_result())
    root = Tree(html).root
    csp = root.find("meta", http_equiv="Content-Security-Policy").attrs["content"]
    assert "default-src 'none'" in csp and "script-src" not in csp  # no script, no fetch
    assert not root.find_all("script") and not root.find_all("link")
    assert not [n for n in root.iter() if "src" in n.attrs]
    assert root.find("meta", name="viewport").attrs["content"].startswith("width=device-width")
    assert "@media print" in html and "@media (max-width: 720px)" in html
    assert len(root.find_all("details", open="")) == 4  # two readouts, contrasts, unassigned
    assert render(tiny_result()) == html


def test_safe_url_links_only_the_web() -> None:
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url(" JavaScript:alert(1)") is None
    assert safe_url("data:text/html,<b>") is None
    assert safe_url(None) is None


# --- what the page says ---------------------------------------------------------------------


def test_summary_tables() -> None:
    root = page(tiny_result())
    summary = root.find("section", id="summary")
    readouts = [tr.words for tr in summary.find("table", cls="readouts").find_all("tr")[1:]]
    assert readouts == [
        "Secretary – Smith, 2026-01-02 2026-01-02 2 2 outlets' consensus",
        "Secretary – Jones, 2026-01-02 2026-01-02 2 0 outlets' consensus",
    ]
    fidelity = summary.find("table", cls="fidelity")
    wire = fidelity.find("tr", data_doc="wire")
    assert [td.words for td in wire.find_all("td")] == [
        "2 Wire 2026-01-03",
        "2",
        "90%",
        "1",
        "0",
        "0",
    ]
    paper = fidelity.find("tr", data_doc="paper")
    assert [td.words for td in paper.find_all("td")][1:] == ["1", "100%", "1", "0", "0"]


def test_heat_map_cells_are_shaded_and_labelled() -> None:
    section = page(tiny_result()).find("section", id="heat-map")
    assert [li.words for li in section.find("ul", cls="swatches").find_all("li")] == [
        "verbatim the base words (cosmetic changes aside)",
        "minor only changes that keep the meaning",
        "changed a substantive change",
        "rewritten under half of the base words kept",
    ]
    heat = section.find("table", cls="heat")
    assert [th.words for th in heat.find("thead").find_all("th")] == ["Sentence", "1", "2"]
    s1 = heat.find("tr", data_sentence="2026-01-02-smith/s1")
    paper, wire = s1.find_all("td")  # columns: documents sorted by id
    assert (paper.attrs["data-doc"], paper.words, paper.attrs["style"]) == (
        "paper",
        "changed",
        "--d: 0.35",
    )
    assert (wire.attrs["data-band"], wire.words) == ("changed", "changed")
    assert (
        wire.attrs["title"]
        == "Wire, s1: changed, 83% of the base words kept, 1 substantive difference"
    )
    s2 = heat.find("tr", data_sentence="2026-01-02-smith/s2")
    blank, verbatim = s2.find_all("td")
    assert "absent" in blank.classes and blank.text == ""
    assert verbatim.words == "verbatim"
    jones = heat.find("tr", data_sentence="2026-01-02-jones/s1")
    cells = jones.find_all("td")
    assert cells and all(td.text == "" for td in cells)


def test_alignment_table_marks_each_change_by_kind_with_its_source_line() -> None:
    table = page(tiny_result()).find("table", cls="alignment", data_readout="2026-01-02-smith")
    assert [th.words for th in table.find("thead").find_all("th")] == [
        "Base sentence",
        "1 The Paper | <i>Daily</i>",
        "2 Wire",
    ]
    row = table.find("tr", data_sentence="2026-01-02-smith/s1")
    assert row.find("th").words.startswith("s1 The Secretary urged restraint and dialogue.")

    wire = row.find("div", cls="version", data_doc="wire")
    assert wire.attrs["title"] == "in/wire.txt, line 2"
    change = wire.find("span", cls="chg")
    assert change.attrs["data-kind"] == "wording_change" and "sub" in change.classes
    assert (change.find("del").text, change.find("ins").text, change.find("sup").text) == (
        "restraint",
        "calm",
        "word",
    )
    assert (
        wire.find("p", cls="vtext").words == "The Secretary urged restraint calm word and dialogue."
    )
    [item] = wire.find_all("li", cls="change")
    assert item.attrs == {
        "class": "change k-wording_change substantive",
        "data-sentence": "2026-01-02-smith/s1",
        "data-doc": "wire",
        "data-kind": "wording_change",
        "data-base": "restraint",
        "data-witness": "calm",
        "data-weight": "substantive",
    }
    assert item.words == "wording change 'calm' for 'restraint' substantive"

    paper = row.find("div", cls="version", data_doc="paper")
    assert paper.attrs["title"] == "in/paper.txt, line 3"
    omitted = paper.find("span", cls="chg")
    assert omitted.attrs["data-kind"] == "omission" and omitted.find("del").text == "and dialogue"
    assert not omitted.find_all("ins")

    s2 = table.find("tr", data_sentence="2026-01-02-smith/s2")
    assert s2.find("td", data_doc="paper").words == "–"


def test_legend_names_every_kind_with_its_tag() -> None:
    legend = page(tiny_result()).find("section", id="legend")
    tags = [
        (n.attrs["data-legend"], n.find("sup").text) for n in legend.find_all("span", cls="chg")
    ]
    assert tags == [
        ("typography", "typo"),
        ("spelling_variant", "spell"),
        ("wording_change", "word"),
        ("omission", "omit"),
        ("addition", "add"),
        ("truncation", "cut"),
        ("paraphrase", "para"),
        ("transposition", "moved"),
    ]


def test_contrast_highlights_only_in_phrases_and_lists_shared_sentences() -> None:
    contrast = page(tiny_result()).find("section", cls="contrast")
    only_b = contrast.find("div", cls="only-b")
    item = only_b.find("li", data_sentence="2026-01-02-jones/s1")
    assert item.words == "s1 He urged a ceasefire now."
    assert [m.text for m in item.find_all("mark", cls="only-in")] == ["a ceasefire"]
    whole = contrast.find("div", cls="only-a").find("mark", cls="only-in")
    assert whole.text == "He welcomed the talks."
    shared = contrast.find("table", cls="shared").find("tr", data_a="2026-01-02-smith/s1")
    assert shared.find_all("td")[-1].words == "identical"


def test_unassigned_passages_and_input_problems_come_last() -> None:
    html = render(tiny_result())
    order = [
        html.index(f'id="{name}"')
        for name in (
            "summary",
            "heat-map",
            "legend",
            "r-2026-01-02-smith",
            "r-2026-01-02-jones",
            "contrasts",
            "unassigned",
            "inputs",
        )
    ]
    assert order == sorted(order)
    root = Tree(html).root
    row = root.find("table", cls="unassigned").find("tr", data_doc="paper")
    assert [td.words for td in row.find_all("td")] == [
        "The Paper | <i>Daily</i>",
        "4",
        "quote",
        "<script>alert(1)</script> [red]x[/red] | *boom* `tick` (credited to officials)",
        "not worded as a readout",
    ]
    problems = [li.words for li in root.find("section", id="inputs").find_all("li")]
    assert problems == [
        "error in/broken.txt : cannot be read: <denied>",
        "note in/empty.txt : no readout passage found",
    ]


def test_seeds_report_has_a_table_per_readout_and_the_twin_contrast(seeds_result: Result) -> None:
    root = page(seeds_result)
    tables = root.find_all("table", cls="alignment")
    assert [t.attrs["data-readout"] for t in tables] == [r.id for r in seeds_result.readouts]
    for table, readout in zip(tables, seeds_result.readouts, strict=True):
        rows = table.find("tbody").find_all("tr")
        assert [tr.attrs["data-sentence"] for tr in rows] == [s.id for s in readout.sentences]
    marks = [m.words for m in root.find_all("mark", cls="only-in")]
    assert "re-establish direct communications" in marks


# --- through the command line -----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_unwritable_output_is_one_line_and_exit_2(
    fmt: str, tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / f"report.{fmt}"
    code = main(["report", str(seeds_dir), "-f", fmt, "-o", str(target), "-q"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1
    assert err.startswith(f"readout-diff: error: {target}: cannot be written")


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_written_report_replaces_the_old_and_leaves_no_temporary_file(
    fmt: str, tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"report.{fmt}"
    target.write_text("old report")
    assert main(["report", str(seeds_dir), "-f", fmt, "-o", str(target), "-q"]) == 0
    assert capsys.readouterr().out == ""
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    assert target.read_text("utf-8").startswith(
        "<!DOCTYPE html>" if fmt == "html" else "# readout-diff report"
    )
