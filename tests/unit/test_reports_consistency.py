"""One result, the same facts in every format: JSON, HTML, Markdown and terminal text.

Each format is read back with a small parser of its own marks (data attributes in HTML,
the change lists in Markdown and text), and what they say must agree: every difference
(sentence, document, kind, base words, outlet words), every heat-map band, every
outlet's fidelity, every only-in phrase. The command-line filters (--hide-cosmetic,
--base) are checked the same way, through `main`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from readout_diff.cli import main
from readout_diff.model import Result
from readout_diff.reports import html, markdown, text
from readout_diff.reports.common import doc_labels
from readout_diff.serialise import to_dict
from tests.unit.test_reports_common import tiny_result
from tests.unit.test_reports_html import Tree

Fact = tuple[str, str, str, str, str]  # sentence, document, kind, base words, outlet words
KINDS = {
    k: k.replace(" ", "_")
    for k in (
        "typography",
        "spelling variant",
        "wording change",
        "omission",
        "addition",
        "truncation",
        "paraphrase",
    )
}
CHANGE = re.compile(r"\[([a-z ]+)\] (.*?) \((substantive|minor|cosmetic)\)(?=; \[[a-z ]+\] |$)")


def words(value: str) -> str:
    return " ".join(value.split())


def fact(sentence: str, doc: str, kind: str, base: str, witness: str) -> Fact:
    return sentence, doc, kind, words(base), words(witness)


def parse_change(description: str) -> tuple[str, str]:
    """(base words, outlet words) back from `common.change_text`."""
    for pattern, pick in (
        (r"spacing in '(.*)'", lambda m: (m[1], m[1])),
        (r"omits '(.*)' \(the outlet has '(.*)'\)", lambda m: (m[1], m[2])),
        (r"adds '(.*)' \(where the base has '(.*)'\)", lambda m: (m[2], m[1])),
        (r"omits '(.*)'", lambda m: (m[1], "")),
        (r"adds '(.*)'", lambda m: ("", m[1])),
        (r"cuts '(.*)' \(marked '(.*)'\)", lambda m: (m[1], m[2])),
        (r"cuts '(.*)'", lambda m: (m[1], "")),
        (r"'(.*)' for '(.*)'", lambda m: (m[2], m[1])),
    ):
        found = re.fullmatch(pattern, description, re.S)
        if found:
            return pick(found)  # type: ignore[no-any-return]
    raise AssertionError(f"unreadable change: {description!r}")


def unescape(value: str) -> str:
    return re.sub(r"\\(.)", r"\1", value)


def from_json(result: Result) -> list[Fact]:
    data = to_dict(result)
    return sorted(
        fact(s["id"], w["document"], d["kind"], d["base"], d["witness"])
        for r in data["readouts"]
        for s in r["sentences"]
        for w in s["witnesses"]
        for d in w["differences"]
    )


def from_html(page: str) -> list[Fact]:
    root = Tree(page).root
    return sorted(
        fact(
            li.attrs["data-sentence"],
            li.attrs["data-doc"],
            li.attrs["data-kind"],
            li.attrs["data-base"],
            li.attrs["data-witness"],
        )
        for li in root.find_all("li", cls="change")
    )


def from_markdown(page: str, result: Result) -> list[Fact]:
    by_label = {unescape(markdown.escape(v)): k for k, v in doc_labels(result).items()}
    facts, readout, sentence = [], "", ""
    for line in page.splitlines():
        if line.startswith("## Contrasts"):
            break
        if found := re.match(r"Readout `([^`]+)`", line):
            readout = found[1]
        elif found := re.match(r"### (s\d+)$", line):
            sentence = f"{readout}/{found[1]}"
        elif found := re.match(r"\| \*\*(.+?)\*\* \((quote|paraphrase|post), ", line):
            doc = by_label[unescape(found[1])]
            changes = re.split(r"(?<!\\)\|", line)[3].strip()
            for kind, description, _ in CHANGE.findall(changes):
                facts.append(fact(sentence, doc, KINDS[kind], *parse_change(unescape(description))))
    return sorted(facts)


def from_text(page: str, result: Result) -> list[Fact]:
    by_label = {v: k for k, v in doc_labels(result).items()}
    facts, readout, sentence, doc = [], "", "", ""
    for line in page.splitlines():
        if found := re.search(r"\[([^\]]+)\] ─+$", line):
            readout = found[1]
        elif found := re.match(r"(s\d+)  base: ", line):
            sentence = f"{readout}/{found[1]}"
        elif found := re.match(r"  #\S+ (.+?) · (quote|paraphrase|post) · ", line):
            doc = by_label[found[1]]
        elif found := re.match(r"      - ([a-z ]+) \((substantive|minor|cosmetic)\): (.*)$", line):
            facts.append(fact(sentence, doc, KINDS[found[1]], *parse_change(found[3])))
    return sorted(facts)


def all_formats(result: Result) -> dict[str, list[Fact]]:
    return {
        "json": from_json(result),
        "html": from_html(html.render(result)),
        "markdown": from_markdown(markdown.render(result), result),
        "text": from_text(text.render(result, width=10_000), result),
    }


@pytest.mark.parametrize("name", ["seeds", "tiny"])
def test_every_format_reports_the_same_differences(name: str, seeds_result: Result) -> None:
    result = seeds_result if name == "seeds" else tiny_result()
    assert all(s.id.startswith(f"{r.id}/") for r in result.readouts for s in r.sentences)
    facts = all_formats(result)
    assert facts["json"], "nothing to compare"
    for fmt in ("html", "markdown", "text"):
        assert Counter(facts[fmt]) == Counter(facts["json"]), fmt


def heat_from_html(page: str) -> set[tuple[str, str, str]]:
    heat = Tree(page).root.find("table", cls="heat")
    return {
        (tr.attrs["data-sentence"], td.attrs["data-doc"], td.attrs.get("data-band", ""))
        for tr in heat.find_all("tr")
        if "data-sentence" in tr.attrs
        for td in tr.find_all("td")
    }


def heat_from_lines(
    rows: list[tuple[str, list[str]]], result: Result, columns: list[str]
) -> set[tuple[str, str, str]]:
    """(row label, cells) in reading order; a readout's row (its label, maybe cut short
    with an ellipsis) comes before its sentences' rows (s1, s2, ...)."""
    cells, readout = set(), ""
    for label, row in rows:
        if not re.fullmatch(r"s\d+", label):
            [readout] = [r.id for r in result.readouts if r.label.startswith(label.rstrip("…"))]
            continue
        for doc, cell in zip(columns, row, strict=True):
            band = next((b for b in ("verbatim", "minor", "changed", "rewritten") if b in cell), "")
            cells.add((f"{readout}/{label}", doc, band))
    return cells


def test_every_format_draws_the_same_heat_map_and_fidelity(seeds_result: Result) -> None:
    from readout_diff.views import heat_map

    columns = heat_map(seeds_result)[0]
    expected = heat_from_html(html.render(seeds_result))

    page = markdown.render(seeds_result)
    table = page.split("## Heat map", 1)[1].split("## How differences", 1)[0]
    md_rows = [
        [unescape(c.strip()).strip("*") for c in line.strip("|").split(" | ")]
        for line in table.splitlines()
        if line.startswith("| ") and "---" not in line
    ]
    assert heat_from_lines([(r[0], r[1:]) for r in md_rows[1:]], seeds_result, columns) == expected

    bands = {"██": "verbatim", "▓▓": "minor", "▒▒": "changed", "░░": "rewritten"}
    lines = text.render(seeds_result, width=10_000).splitlines()
    start = lines.index("Heat map") + 4
    positions = [m.start() for m in re.finditer(r"\S+", lines[start - 2])][1:]
    text_rows = []
    for line in lines[start : start + len(expected) // len(columns) + len(seeds_result.readouts)]:
        label = line[: positions[0]].strip()
        cells = [bands.get(line[p - 1 : p + 2].strip(), "") for p in positions]
        text_rows.append((label.split()[0] if re.match(r"s\d+ ", label) else label, cells))
    assert heat_from_lines(text_rows, seeds_result, columns) == expected

    html_rows = {
        tr.attrs["data-doc"]: [td.words for td in tr.find_all("td")][1:]
        for tr in Tree(html.render(seeds_result)).root.find("table", cls="fidelity").find_all("tr")
        if "data-doc" in tr.attrs
    }
    md_table = page.split("### Fidelity by outlet", 1)[1].split("Verbatim:", 1)[0]
    md_rows = [
        [c.strip() for c in line.strip("|").split(" | ")][3:]
        for line in md_table.splitlines()[4:]
        if line.startswith("| ")
    ]
    assert list(html_rows.values()) == md_rows
    text_rows = [
        line.split()[-5:]
        for line in lines[lines.index("Fidelity by outlet") + 4 :][: len(html_rows)]
    ]
    assert text_rows == md_rows


def test_every_format_marks_the_same_only_in_phrases(seeds_result: Result) -> None:
    expected = sorted(
        (p.sentence, words(p.text))
        for c in seeds_result.contrasts
        for p in (*c.only_in_a, *c.only_in_b)
    )
    marks = Tree(html.render(seeds_result)).root.find_all("mark", cls="only-in")
    assert sorted((m.attrs["data-sentence"], words(m.text)) for m in marks) == expected

    labels = {r.label: r.id for r in seeds_result.readouts}

    def phrases(
        page: str, heading: re.Pattern[str], item: re.Pattern[str], mark: re.Pattern[str]
    ) -> list[tuple[str, str]]:
        found, readout = [], ""
        for line in page.splitlines():
            if head := heading.match(line):
                readout = labels[head[1]]
            elif readout and (entry := item.match(line)):
                found += [
                    (f"{readout}/{entry[1]}", words(unescape(p))) for p in mark.findall(entry[2])
                ]
        return sorted(found)

    page = markdown.render(seeds_result).split("## Contrasts", 1)[1]
    assert (
        phrases(
            page,
            re.compile(r"\*\*Only in (.+)\*\*$"),
            re.compile(r"- (s\d+): (.*)"),
            re.compile(r"\*\*(.+?)\*\*"),
        )
        == expected
    )
    page = text.render(seeds_result, width=10_000)
    assert (
        phrases(
            page,
            re.compile(r"Only in (.+)$"),
            re.compile(r"  - (s\d+): (.*)"),
            re.compile(r"«(.+?)»"),
        )
        == expected
    )


# --- the command line's filters apply to every format ------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["report", *args, "-q"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("flags", [["--hide-cosmetic"], ["--base", "001_4841478d94c68db0"]])
def test_filters_reach_every_format(
    flags: list[str],
    seeds_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from readout_diff import analyse
    from readout_diff.rebase import rebase
    from readout_diff.views import hide_cosmetic

    monkeypatch.setenv("COLUMNS", "10000")  # the text report wraps at the terminal's width
    files = [
        str(seeds_dir / f"{name}.txt")
        for name in ("001_4841478d94c68db0", "003_d4c81fa190252cbf", "004_4d627964414fa845")
    ]
    plain = analyse(files)
    expected = hide_cosmetic(plain) if flags == ["--hide-cosmetic"] else rebase(plain, flags[1])
    out = {
        fmt: run(capsys, *files, "-f", fmt, "--color", "never", *flags)
        for fmt in ("json", "html", "markdown", "text")
    }
    data = json.loads(out["json"])
    facts = sorted(
        fact(s["id"], w["document"], d["kind"], d["base"], d["witness"])
        for r in data["readouts"]
        for s in r["sentences"]
        for w in s["witnesses"]
        for d in w["differences"]
    )
    assert facts and facts == from_json(expected) != from_json(plain)
    assert from_html(out["html"]) == facts
    assert from_markdown(out["markdown"], expected) == facts
    assert from_text(out["text"], expected) == facts
    if flags == ["--hide-cosmetic"]:
        assert not {f[2] for f in facts} & {"typography", "spelling_variant"}
    else:
        base = "001_4841478d94c68db0's version (--base)"
        assert f"base: {base}" in Tree(out["html"]).root.text
        assert f"Base: {markdown.escape(base)}." in out["markdown"]
        assert f"base: {base}" in out["text"]
