"""The Markdown report: GFM tables that hold, marks that render and survive a paste.

Rendering goes through markdown-it-py (CommonMark with GFM tables and strikethrough, raw
HTML allowed as GitHub allows it), so "renders" means a real parser agreed.
"""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from readout_diff.model import Result
from readout_diff.reports.markdown import escape, render
from tests.unit.test_reports_common import HOSTILE, tiny_result
from tests.unit.test_reports_html import Node, Tree


def rendered(markdown: str) -> Node:
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    return Tree(html).root


def table_after(root: Node, heading: str) -> Node:
    """The first table after the heading whose text is `heading`."""
    seen = False
    for node in root.children:
        if isinstance(node, Node) and node.tag in ("h2", "h3") and node.text == heading:
            seen = True
        elif seen and isinstance(node, Node) and node.tag == "table":
            return node
    raise AssertionError(f"no table after {heading!r}")


def rows(table: Node) -> list[list[str]]:
    return [
        [cell.text for cell in tr.find_all() if cell.tag in ("th", "td")]
        for tr in table.find_all("tr")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a|b", "a\\|b"),
        ("<script>x</script>", "\\<script\\>x\\</script\\>"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("*bold* ~~gone~~ `code` #1", "\\*bold\\* \\~\\~gone\\~\\~ \\`code\\` \\#1"),
        ("snake_case _emphasis_ __init__", "snake_case \\_emphasis\\_ \\_\\_init\\_\\_"),
        ("&amp; stays, AT&T too", "\\&amp; stays, AT&T too"),
        ("two\nlines", "two lines"),
    ],
)
def test_escape(text: str, expected: str) -> None:
    assert escape(text) == expected
    assert rendered(escape(text)).text.strip() == " ".join(text.split())


def test_hostile_text_stays_text_and_tables_keep_their_shape() -> None:
    markdown = render(tiny_result())
    root = rendered(markdown)
    assert not root.find_all("script") and not root.find_all("img")
    assert not [a for a in root.find_all("a") if "javascript" in a.attrs.get("href", "")]
    unassigned = rows(table_after(root, "Passages assigned to no readout"))
    assert unassigned == [
        ["Outlet", "Where", "Kind", "Passage", "Why not assigned"],
        [
            "The Paper | <i>Daily</i>",
            "in/paper.txt:4",
            "quote",
            f"{HOSTILE} (credited to officials)",
            "not worded as a readout",
        ],
    ]
    for table in root.find_all("table"):
        widths = {len(row) for row in rows(table)}
        assert len(widths) == 1, rows(table)


def test_summary_and_heat_map_tables() -> None:
    root = rendered(render(tiny_result()))
    assert rows(table_after(root, "Readouts found"))[1] == [
        "Secretary – Smith, 2026-01-02",
        "2026-01-02-smith",
        "2026-01-02",
        "2",
        "2",
        "outlets' consensus",
    ]
    assert rows(table_after(root, "Fidelity by outlet"))[1:] == [
        ["1", "The Paper | <i>Daily</i>", "", "1", "100%", "1", "0", "0"],
        ["2", "Wire", "2026-01-03", "2", "90%", "1", "0", "0"],
    ]
    assert rows(table_after(root, "Heat map")) == [
        ["Sentence", "1", "2"],
        ["Secretary – Smith, 2026-01-02", "", ""],
        ["s1", "▒ changed", "▒ changed"],
        ["s2", "", "█ verbatim"],
        ["Secretary – Jones, 2026-01-02", "", ""],
        ["s1", "", ""],
        ["s2", "", ""],
    ]


def test_changes_are_struck_bold_and_tagged() -> None:
    markdown = render(tiny_result())
    assert (
        "| The Secretary urged ~~restraint~~ **calm**[wording change] and dialogue. |" in markdown
    )
    assert "The Secretary urged restraint ~~and dialogue~~[omission]." in markdown
    assert "[wording change] 'calm' for 'restraint' (substantive)" in markdown
    versions = [td for td in rendered(markdown).find_all("td") if td.find_all("s")]
    assert len(versions) == 2  # markdown-it strikes with <s>, GitHub with <del>
    assert [
        (d.text, s.text) for d in versions[0].find_all("s") for s in versions[0].find_all("strong")
    ] == [("restraint", "calm")]
    assert "[wording change]" in versions[0].text


def test_sentence_sections_name_source_line_and_base() -> None:
    markdown = render(tiny_result())
    section = markdown.split("### s1", 1)[1].split("### s2", 1)[0]
    assert "> The Secretary urged restraint and dialogue.\n" in section
    assert "Base: outlets' consensus." in section
    assert "**Wire** (quote, `in/wire.txt:2`, match 0.90)" in section
    assert "**The Paper \\| \\<i\\>Daily\\</i\\>** (quote, `in/paper.txt:3`, match 0.90)" in section


def test_contrast_bolds_only_in_phrases() -> None:
    markdown = render(tiny_result())
    assert "- s1: He urged **a ceasefire** now." in markdown
    assert "- s2: **He welcomed the talks.**" in markdown
    shared = rows(
        table_after(
            rendered(markdown), "Secretary – Smith, 2026-01-02 vs Secretary – Jones, 2026-01-02"
        )
    )
    assert shared[1][-1] == "identical"


def test_seeds_marks_all_render(seeds_result: Result) -> None:
    """Every ~~ and ** the writer emits is taken up by the parser, punctuation included."""
    markdown = render(seeds_result)
    root = rendered(markdown)
    text = root.text
    assert "~~" not in text and "**" not in text
    assert len(root.find_all("s")) == markdown.count("~~") // 2
    assert "re-establish direct communications" in [s.text for s in root.find_all("strong")]
    order = [
        markdown.index(h)
        for h in (
            "## Summary",
            "## Heat map",
            "## How differences",
            f"## {seeds_result.readouts[0].label}",
            "## Contrasts",
            "## Passages assigned",
            "## Documents read",
        )
    ]
    assert order == sorted(order)
