"""Score the engine against hand-written gold on real stories (issue 8).

    python benchmarks/accuracy.py                      # every story, both modes, Markdown table
    python benchmarks/accuracy.py --story SLUG         # one story (repeatable)
    python benchmarks/accuracy.py --stories DIR        # another folder of stories
    python benchmarks/accuracy.py --json FILE          # every figure, as JSON
    python benchmarks/accuracy.py --record-first       # keep the first score of new stories

Each story (see benchmarks/accuracy/GOLD.md) is analysed twice through the public API
`readout_diff.analyse`: with its official texts (mode "official") and from the articles
alone (mode "articles"). The figures are counts, summed over articles, stories and the
overall row; ratios are taken from the sums. This is a benchmark, not a gate: it always
exits 0 unless it is given no story at all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import subprocess
import sys
import time
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readout_diff import analyse
from readout_diff.model import Difference, Readout, Result, Role, Witness

HERE = Path(__file__).resolve().parent
STORIES = HERE / "accuracy" / "stories"
HISTORY = HERE / "accuracy" / "history"
MODES = ("official", "articles")
MODE_NAMES = {"official": "with official", "articles": "articles only"}
KINDS = ("quote", "post", "paraphrase")
SLACK = 2  # characters around a passage where its quotation marks may stand

Counts = dict[str, int]
COUNT_KEYS = (
    "articles article_readouts_gold article_readouts_reported article_readouts_right "
    "engine_readouts invented_readouts gold_readouts gold_readouts_mapped duplicate_readouts "
    "identity_caller identity_counterpart identity_day identity_issuer_known identity_issuer "
    + " ".join(f"{k}_gold {k}_found {k}_right_readout" for k in KINDS)
    + " passages_unlocated decoys decoys_unlocated false_passages other_witnesses "
    "differences_gold differences_found differences_missed differences_in_passages_not_found "
    "differences_invented differences_invented_substantive differences_kind_right "
    "differences_substantive_right differences_substantive_wrong "
    + " ".join(
        f"verbatim_{k}_found verbatim_{k}_flagged verbatim_{k}_false_substantive" for k in KINDS
    )
    + " base_sentences base_equal"
    " paraphrase_meaning_gold paraphrase_meaning_flagged"
    " faithful_paraphrase_found faithful_paraphrase_flagged"
).split()


# ---------------------------------------------------------------- text normalisation

_QUOTES = {c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"}
_DASHES = {c: "-" for c in "‐‑‒–—―−"}
_FOLD_EXTRA = {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"}


def fold_accents(text: str) -> str:
    text = "".join(_FOLD_EXTRA.get(c, c) for c in text)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _normalised_with_index(text: str) -> tuple[str, list[int]]:
    """Quotes, dashes, ellipses and whitespace folded, lower case; each output character
    keeps the index of the input character it came from."""
    out: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        if char.isspace():
            if out and out[-1] == " ":
                continue
            piece = " "
        elif char == "…":
            piece = "..."
        else:
            piece = _QUOTES.get(char) or _DASHES.get(char) or char.lower()
        for c in piece:
            out.append(c)
            index.append(i)
    return "".join(out), index


def locate(needle: str, hay: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """Where `needle` stands in `hay[start:end]`: exact first, else quote/whitespace/case
    folded. Offsets are into `hay`."""
    end = len(hay) if end is None else end
    if not needle.strip():
        return None
    found = hay.find(needle, start, end)
    if found >= 0:
        return found, found + len(needle)
    norm_hay, index = _normalised_with_index(hay[start:end])
    norm_needle = _normalised_with_index(needle.strip())[0]
    found = norm_hay.find(norm_needle)
    if found < 0:
        return None
    last = found + len(norm_needle) - 1
    return start + index[found], start + index[last] + 1


def words(text: str) -> list[str]:
    """Normalised words: case and accents folded, quote style and punctuation dropped."""
    return re.findall(r"\w+", fold_accents(text).casefold())


def compare_key(text: str) -> str:
    """Wording with case, punctuation and quote style aside ("U.S." equals "US")."""
    text = re.sub(r"[.'’‘`´]", "", text)
    return " ".join(re.findall(r"\w+", text.casefold()))


def _has_word_char(text: str) -> bool:
    return any(c.isalnum() for c in text)


# ---------------------------------------------------------------- names and days

_TITLES = set(
    "mr mrs ms dr secretary state of us u s foreign minister prime president sheikh prince "
    "the eam fm pm".split()
)


def name_tokens(name: str) -> list[str]:
    text = re.sub(r"['’]s\b", "", fold_accents(name).casefold())
    return re.findall(r"[a-z0-9]+", text)


def same_person(gold: str, engine: str | None) -> bool:
    """By surname: the gold name's last word is among the engine name's words, or the
    engine name's last word among the gold name's (a name given as "Wang" or "Fidan")."""
    if not engine:
        return False
    g, e = name_tokens(gold), name_tokens(engine)
    e = [t for t in e if t not in _TITLES] or e
    if not g or not e:
        return False
    return g[-1] in e or e[-1] in g


def engine_caller(readout: Readout) -> str | None:
    caller = getattr(readout, "caller", None)
    if caller:
        return str(caller)
    label = readout.label
    return label.split(" – ", 1)[0] if " – " in label else None


def _day(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------- gold


@dataclass
class GoldDifference:
    kind: str
    base: str
    witness: str
    substantive: bool


@dataclass
class GoldPassage:
    readout: str
    kind: str
    text: str
    official: str
    verbatim: bool
    differences: list[GoldDifference]
    span: tuple[int, int] | None = None  # located in the engine's Document.text


@dataclass
class GoldDecoy:
    text: str
    why: str
    span: tuple[int, int] | None = None


@dataclass
class GoldArticle:
    file: str
    readouts: list[str]
    passages: list[GoldPassage]
    decoys: list[GoldDecoy]


@dataclass
class GoldReadout:
    id: str
    issuer: str
    caller: str
    counterpart: str
    day: str
    official: str


@dataclass
class Story:
    slug: str
    folder: Path
    title: str
    blind: bool
    readouts: list[GoldReadout]
    articles: list[GoldArticle]


def load_story(folder: Path) -> Story:
    """Read gold.toml; raises ValueError with a readable reason when it is unusable."""
    try:
        data = tomllib.loads((folder / "gold.toml").read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ValueError(f"gold.toml cannot be read: {error}") from None
    meta = data.get("story", {})
    readouts = [
        GoldReadout(
            id=str(r["id"]),
            issuer=str(r.get("issuer", "")),
            caller=str(r.get("caller", "")),
            counterpart=str(r.get("counterpart", "")),
            day=str(r.get("day", "")),
            official=str(r.get("official", "")),
        )
        for r in data.get("readout", [])
    ]
    articles = []
    for a in data.get("article", []):
        passages = [
            GoldPassage(
                readout=str(p.get("readout", "")),
                kind=str(p.get("kind", "quote")),
                text=str(p["text"]),
                official=str(p.get("official", "")),
                verbatim=bool(p.get("verbatim", False)),
                differences=[
                    GoldDifference(
                        kind=str(d.get("kind", "")),
                        base=str(d.get("base", "")),
                        witness=str(d.get("witness", "")),
                        substantive=bool(d.get("substantive", False)),
                    )
                    for d in p.get("difference", [])
                ],
            )
            for p in a.get("passage", [])
        ]
        decoys = [GoldDecoy(str(d["text"]), str(d.get("why", ""))) for d in a.get("decoy", [])]
        articles.append(
            GoldArticle(str(a["file"]), [str(r) for r in a.get("readouts", [])], passages, decoys)
        )
    known = {r.id for r in readouts}
    for article in articles:
        for rid in [*article.readouts, *(p.readout for p in article.passages)]:
            if rid not in known:
                raise ValueError(f"{article.file}: unknown readout {rid!r}")
        for p in article.passages:
            if p.kind not in KINDS:
                raise ValueError(f"{article.file}: passage kind {p.kind!r}")
    return Story(
        slug=str(meta.get("slug") or folder.name),
        folder=folder,
        title=str(meta.get("title", "")),
        blind=bool(meta.get("blind", False)),
        readouts=readouts,
        articles=articles,
    )


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


# ---------------------------------------------------------------- spans


def _overlap_has_word(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return end > start and _has_word_char(text[start:end])


def _minus(span: tuple[int, int], holes: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """`span` with the `holes` cut out."""
    pieces = [span]
    for h0, h1 in holes:
        cut: list[tuple[int, int]] = []
        for s, e in pieces:
            if h1 <= s or h0 >= e:
                cut.append((s, e))
                continue
            if h0 > s:
                cut.append((s, h0))
            if h1 < e:
                cut.append((h1, e))
        pieces = cut
    return pieces


def _nested(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans strictly inside `span` (a quote inside the reported speech around it)."""
    return [o for o in others if span[0] <= o[0] and o[1] <= span[1] and o != span]


# ---------------------------------------------------------------- scoring one run


@dataclass
class EngineWitness:
    readout: Readout
    witness: Witness

    @property
    def span(self) -> tuple[int, int]:
        return self.witness.start, self.witness.end


@dataclass
class Score:
    counts: Counts = field(default_factory=Counter)
    details: dict[str, Any] = field(default_factory=dict)


def map_readouts(
    story: Story,
    result: Result,
    by_doc: dict[str, list[EngineWitness]],
    gold_by_doc: dict[str, GoldArticle],
) -> tuple[dict[str, str | None], dict[str, Counter[str]]]:
    """Engine readout id -> gold readout id (or None: invented), and each engine readout's
    votes: how many of its witnesses overlap a gold passage of each gold readout."""
    mapping: dict[str, str | None] = {}
    all_votes: dict[str, Counter[str]] = {}
    order = {r.id: i for i, r in enumerate(story.readouts)}
    for readout in result.readouts:
        votes: Counter[str] = Counter()
        all_votes[readout.id] = votes
        for doc_id, article in gold_by_doc.items():
            text = result.document(doc_id).text
            for ew in by_doc.get(doc_id, []):
                if ew.readout.id != readout.id:
                    continue
                for passage in article.passages:
                    if passage.span and _overlap_has_word(text, ew.span, passage.span):
                        votes[passage.readout] += 1
        by_name = _by_counterpart_and_day(story, readout)
        if votes:
            top = max(votes.values())
            tied = [g for g, v in votes.items() if v == top]
            preferred = [g for g in tied if g in by_name]
            mapping[readout.id] = min(preferred or tied, key=lambda g: order[g])
        else:
            mapping[readout.id] = by_name[0] if by_name else None
    return mapping, all_votes


def _by_counterpart_and_day(story: Story, readout: Readout) -> list[str]:
    day = _day(readout.date)
    if day is None:
        return []
    found = []
    for gold in story.readouts:
        gold_day = _day(gold.day)
        near = gold_day is not None and abs((gold_day - day).days) <= 1
        if gold_day and near and same_person(gold.counterpart, readout.counterpart):
            found.append((abs((gold_day - day).days), gold.id))
    return [g for _, g in sorted(found, key=lambda f: f[0])]


@dataclass
class _Scoring:
    """One run against its story's gold: what every part of the score reads."""

    story: Story
    result: Result
    c: Counts  # the counts being summed
    gold_by_doc: dict[str, GoldArticle]  # engine document id -> its gold article
    by_doc: dict[str, list[EngineWitness]]  # engine document id -> its witnesses
    mapping: dict[str, str | None] = field(default_factory=dict)  # engine -> gold readout
    votes: dict[str, Counter[str]] = field(default_factory=dict)


def score_run(story: Story, result: Result, mode: str) -> Score:
    score = Score()
    score.counts.update(dict.fromkeys(COUNT_KEYS, 0))  # every figure present, zero or not
    problems: list[str] = []
    gold_by_doc = _gold_articles(story, result, problems)
    file_of = {doc_id: a.file for doc_id, a in gold_by_doc.items()}
    run = _Scoring(story, result, score.counts, gold_by_doc, _witnesses_by_doc(result))
    run.mapping, run.votes = map_readouts(story, result, run.by_doc, gold_by_doc)
    per_article = _score_article_readouts(run)
    identity = {gold.id: _score_identity(run, gold) for gold in story.readouts}
    passages_detail: list[dict[str, Any]] = []
    for doc_id, article in gold_by_doc.items():
        passages_detail.extend(_score_passages(run, doc_id, article))
    if mode == "articles":
        score.details["base_sentences"] = _base_equal(story, result, gold_by_doc, run.c)
    score.details.update(
        per_article=per_article,
        mapping=run.mapping,
        identity=identity,
        passages=passages_detail,
        problems=problems,
        errors=[f"{e.path}: {e.message}" for e in result.errors],
        files={doc_id: file_of[doc_id] for doc_id in sorted(file_of)},
    )
    return score


def _gold_articles(story: Story, result: Result, problems: list[str]) -> dict[str, GoldArticle]:
    """Each gold article by the engine's id of its document, its passages located in it."""
    docs_by_path = {str(Path(d.path).resolve()): d for d in result.documents}
    gold_by_doc: dict[str, GoldArticle] = {}
    for article in story.articles:
        doc = docs_by_path.get(str((story.folder / article.file).resolve()))
        if doc is None or doc.role != Role.REPORT:
            problems.append(f"{article.file}: not among the engine's documents")
            continue
        gold_by_doc[doc.id] = article
        _locate_gold(article, doc.text, problems)
    return gold_by_doc


def _witnesses_by_doc(result: Result) -> dict[str, list[EngineWitness]]:
    by_doc: dict[str, list[EngineWitness]] = {}
    for readout in result.readouts:
        for sentence in readout.sentences:
            for witness in sentence.witnesses:
                by_doc.setdefault(witness.document, []).append(EngineWitness(readout, witness))
    return by_doc


def _score_article_readouts(run: _Scoring) -> dict[str, Any]:
    """Readouts per article: the gold's, and the engine's mapped onto them."""
    c, mapping = run.c, run.mapping
    per_article: dict[str, Any] = {}
    for doc_id, article in run.gold_by_doc.items():
        engine_ids = sorted({ew.readout.id for ew in run.by_doc.get(doc_id, [])})
        mapped = {mapping[e] for e in engine_ids if mapping[e] is not None}
        invented = [e for e in engine_ids if mapping[e] is None]
        gold_ids = set(article.readouts)
        reported = len(mapped) + len(invented)
        hits = len(mapped & gold_ids)
        c["articles"] += 1
        c["article_readouts_gold"] += len(gold_ids)
        c["article_readouts_reported"] += reported
        c["article_readouts_right"] += hits
        per_article[article.file] = {
            "gold": sorted(gold_ids),
            "engine": {e: mapping[e] for e in engine_ids},
            "precision": _ratio(hits, reported),
            "recall": _ratio(hits, len(gold_ids)),
        }
    c["engine_readouts"] += len(run.result.readouts)
    c["invented_readouts"] += sum(1 for g in mapping.values() if g is None)
    c["gold_readouts"] += len(run.story.readouts)
    return per_article


def _score_identity(run: _Scoring, gold: GoldReadout) -> dict[str, Any] | None:
    """Who called whom and when, for one gold readout: the engine readout that carries
    most of its passages speaks for it. None when no engine readout maps onto it."""
    c = run.c
    engine = [r for r in run.result.readouts if run.mapping[r.id] == gold.id]
    if not engine:
        return None
    c["gold_readouts_mapped"] += 1
    c["duplicate_readouts"] += len(engine) - 1
    main = max(
        engine,
        key=lambda r: (run.votes[r.id][gold.id], sum(len(s.witnesses) for s in r.sentences)),
    )
    caller = engine_caller(main)
    caller_right = same_person(gold.caller, caller)
    counterpart_right = same_person(gold.counterpart, main.counterpart)
    day_right = main.date == gold.day
    row: dict[str, Any] = {
        "engine": [r.id for r in engine],
        "label": main.label,
        "caller": [caller, caller_right],
        "counterpart": [main.counterpart, counterpart_right],
        "day": [main.date, day_right],
    }
    c["identity_caller"] += caller_right
    c["identity_counterpart"] += counterpart_right
    c["identity_day"] += day_right
    issuer = getattr(main, "issuer", None)
    if issuer is not None:
        issuer_right = bool(gold.issuer) and (
            compare_key(gold.issuer) in compare_key(str(issuer))
            or compare_key(str(issuer)) in compare_key(gold.issuer)
        )
        row["issuer"] = [str(issuer), issuer_right]
        c["identity_issuer_known"] += 1
        c["identity_issuer"] += issuer_right
    evidence = getattr(main, "date_evidence", None)
    if evidence is not None:
        row["date_evidence"] = str(evidence)
    return row


@dataclass
class _ArticleRun:
    """One gold article against the engine's witnesses in its document."""

    file: str
    text: str
    witnesses: list[EngineWitness]
    spans: list[tuple[int, int]]  # its located gold passages
    claimed: set[int] = field(default_factory=set)  # ids of witnesses a passage or decoy took

    def touching(self, pieces: list[tuple[int, int]]) -> list[EngineWitness]:
        """The witnesses sharing a word with any of `pieces`, now claimed."""
        found = [
            ew
            for ew in self.witnesses
            if any(_overlap_has_word(self.text, ew.span, piece) for piece in pieces)
        ]
        self.claimed.update(id(ew) for ew in found)
        return found


def _score_passages(run: _Scoring, doc_id: str, article: GoldArticle) -> list[dict[str, Any]]:
    """One article's gold passages and decoys against the engine's witnesses; the engine
    witnesses neither claims are counted as other witnesses."""
    art = _ArticleRun(
        article.file,
        run.result.document(doc_id).text,
        run.by_doc.get(doc_id, []),
        [p.span for p in article.passages if p.span],
    )
    rows: list[dict[str, Any]] = []
    for passage in article.passages:
        if passage.span is None:
            run.c["passages_unlocated"] += 1
            continue
        rows.append(_score_passage(run, art, passage))
    for decoy in article.decoys:
        row = _score_decoy(run, art, decoy)
        if row is not None:
            rows.append(row)
    other = {
        (ew.witness.start, ew.witness.end) for ew in art.witnesses if id(ew) not in art.claimed
    }
    run.c["other_witnesses"] += len(other)
    return rows


def _score_passage(run: _Scoring, art: _ArticleRun, passage: GoldPassage) -> dict[str, Any]:
    """One located gold passage: found, with the right readout, and its differences."""
    c, kind = run.c, passage.kind
    assert passage.span is not None
    c[f"{kind}_gold"] += 1
    nested = _nested(passage.span, art.spans)
    touching = art.touching(_minus(passage.span, nested))
    right = [ew for ew in touching if run.mapping[ew.readout.id] == passage.readout]
    row: dict[str, Any] = {
        "article": art.file,
        "kind": kind,
        "readout": passage.readout,
        "text": passage.text[:80],
        "found": bool(touching),
        "right_readout": bool(right),
        "engine_readouts": sorted({ew.readout.id for ew in touching}),
    }
    if kind == "paraphrase":
        c["paraphrase_meaning_gold"] += sum(d.substantive for d in passage.differences)
    if not touching:
        c["differences_in_passages_not_found"] += len(passage.differences)
        return row
    c[f"{kind}_found"] += 1
    c[f"{kind}_right_readout"] += bool(right)
    near, owned = _differences_near(passage.span, nested, right or touching)
    row["differences"] = _score_differences(passage, near, owned, art.text, c)
    if kind == "paraphrase":
        _score_paraphrase(c, passage, row["differences"], owned)
    if passage.verbatim:
        flags = sum(1 for d in owned if d.substantive)
        c[f"verbatim_{kind}_found"] += 1
        c[f"verbatim_{kind}_flagged"] += flags > 0
        c[f"verbatim_{kind}_false_substantive"] += flags
    return row


def _score_paraphrase(
    c: Counts, passage: GoldPassage, rows: list[dict[str, Any]], owned: list[Difference]
) -> None:
    # a meaning change the gold names, marked substantive by the engine
    c["paraphrase_meaning_flagged"] += sum(
        1 for r in rows if r["gold"] and r["gold"][3] and r["engine"] and r["engine"][3]
    )
    if not any(d.substantive for d in passage.differences):
        c["faithful_paraphrase_found"] += 1
        c["faithful_paraphrase_flagged"] += any(d.substantive for d in owned)


def _score_decoy(run: _Scoring, art: _ArticleRun, decoy: GoldDecoy) -> dict[str, Any] | None:
    """A decoy the engine took for a passage is a false passage."""
    if decoy.span is None:
        run.c["decoys_unlocated"] += 1
        return None
    run.c["decoys"] += 1
    holes = [s for s in art.spans if s[0] < decoy.span[1] and decoy.span[0] < s[1]]
    hit = art.touching(_minus(decoy.span, holes))
    if not hit:
        return None
    run.c["false_passages"] += 1
    return {
        "article": art.file,
        "kind": "decoy",
        "why": decoy.why,
        "text": decoy.text[:80],
        "engine_readouts": sorted({ew.readout.id for ew in hit}),
    }


def _locate_gold(article: GoldArticle, text: str, problems: list[str]) -> None:
    seen: Counter[tuple[str, str]] = Counter()
    for passage in article.passages:
        key = (passage.text, passage.readout)
        start = 0
        for _ in range(seen[key]):  # the same text twice for one readout: its next occurrence
            previous = locate(passage.text, text, start)
            start = previous[1] if previous else start
        seen[key] += 1
        passage.span = locate(passage.text, text, start) or locate(passage.text, text)
        if passage.span is None:
            problems.append(f"{article.file}: passage not found in text: {passage.text[:60]!r}")
    for decoy in article.decoys:
        decoy.span = locate(decoy.text, text)
        if decoy.span is None:
            problems.append(f"{article.file}: decoy not found in text: {decoy.text[:60]!r}")


def _differences_near(
    span: tuple[int, int], nested: list[tuple[int, int]], witnesses: list[EngineWitness]
) -> tuple[list[Difference], list[Difference]]:
    """Engine differences touching the passage (candidates for its gold differences) and,
    among them, those it owns: lying inside it and not inside a passage nested in it (a
    quote within reported speech owns its own). Each difference once, even when twin
    readouts share a witness."""
    lo, hi = span[0] - SLACK, span[1] + SLACK
    seen: set[tuple[Any, ...]] = set()
    near: list[Difference] = []
    owned: list[Difference] = []
    for ew in witnesses:
        for d in ew.witness.differences:
            if d.witness_end < lo or d.witness_start > hi:
                continue
            key = (d.kind, d.base, d.witness, d.witness_start, d.witness_end, d.substantive)
            if key in seen:
                continue
            seen.add(key)
            near.append(d)
            inside = lo <= d.witness_start and d.witness_end <= hi
            if inside and not any(
                n[0] <= d.witness_start and d.witness_end <= n[1] for n in nested
            ):
                owned.append(d)
    order = lambda d: (d.witness_start, d.witness_end)  # noqa: E731
    return sorted(near, key=order), sorted(owned, key=order)


def _score_differences(
    passage: GoldPassage, near: list[Difference], owned: list[Difference], text: str, c: Counts
) -> list[dict[str, Any]]:
    """Match each gold difference to an engine difference by where its witness words stand
    (or by shared words; base words for an omission). One engine difference may answer
    several gold ones when it covers them (the engine joined two changes into one)."""
    rows: list[dict[str, Any]] = []
    pairs = _pair_differences(passage, near, text)
    for gold, index in zip(passage.differences, pairs, strict=True):
        c["differences_gold"] += 1
        row: dict[str, Any] = {"gold": [gold.kind, gold.base, gold.witness, gold.substantive]}
        if index is None:
            c["differences_missed"] += 1
            row["engine"] = None
        else:
            d = near[index]
            c["differences_found"] += 1
            c["differences_kind_right"] += d.kind.value == gold.kind
            c["differences_substantive_right"] += d.substantive == gold.substantive
            c["differences_substantive_wrong"] += d.substantive != gold.substantive
            row["engine"] = [d.kind.value, d.base, d.witness, d.substantive]
        rows.append(row)
    matched = {id(near[i]) for i in pairs if i is not None}
    for d in owned:
        if id(d) not in matched:
            c["differences_invented"] += 1
            c["differences_invented_substantive"] += d.substantive
            rows.append({"gold": None, "engine": [d.kind.value, d.base, d.witness, d.substantive]})
    return rows


def _pair_differences(passage: GoldPassage, near: list[Difference], text: str) -> list[int | None]:
    """For each gold difference, the index in `near` of the engine difference that answers
    it. Gold differences are paired with one of the same substance first, then the rest
    with any: one engine difference covering a cosmetic rewording and a dropped claim
    answers the dropped claim, whichever the gold lists first."""
    assert passage.span is not None
    window = (max(passage.span[0] - SLACK, 0), passage.span[1] + SLACK)
    places: list[tuple[int, int] | None] = []
    cursor = passage.span[0]
    for gold in passage.differences:
        where = None
        if gold.witness:
            where = locate(gold.witness, text, cursor, window[1]) or locate(
                gold.witness, text, window[0], window[1]
            )
            if where:
                cursor = where[1]
        places.append(where)
    used: set[int] = set()
    pairs: list[int | None] = [None] * len(passage.differences)
    for same_substance in (True, False):
        for k, gold in enumerate(passage.differences):
            if pairs[k] is not None:
                continue
            pool = [
                d if not same_substance or d.substantive == gold.substantive else None for d in near
            ]
            best = _best_match(gold, places[k], pool, used)
            if best is not None:
                pairs[k] = best[1]
                used.add(best[1])
    return pairs


def _best_match(
    gold: GoldDifference,
    where: tuple[int, int] | None,
    near: Sequence[Difference | None],
    used: set[int],
) -> tuple[tuple[int, int, int, int], int] | None:
    """The engine difference (rank, index in `near`; None entries are out of play) that best
    answers a gold one: at the place of its witness words (`where`), or sharing half its
    words; one not `used` yet first, then one of the same kind."""
    gold_words = set(words(gold.witness or gold.base))
    best: tuple[tuple[int, int, int, int], int] | None = None
    for i, d in enumerate(near):
        if d is None:
            continue
        located = bool(
            where
            and d.witness_end > d.witness_start
            and min(where[1], d.witness_end) > max(where[0], d.witness_start)
        )
        engine_words = set(words(d.witness if gold.witness else d.base))
        if len(engine_words) > 2 * max(len(gold_words), 1) + 3:
            continue  # far coarser than the gold change: it does not mark it
        shared = len(gold_words & engine_words)
        by_words = bool(gold_words) and shared >= max(1, math.ceil(len(gold_words) / 2))
        if not (located or by_words):
            continue
        if i in used and not (located or gold_words <= engine_words):
            continue
        rank = (int(i not in used), int(d.kind.value == gold.kind), int(located), shared)
        if best is None or rank > best[0]:
            best = (rank, i)
    return best


def _base_equal(
    story: Story, result: Result, gold_by_doc: dict[str, GoldArticle], c: Counts
) -> list[dict[str, Any]]:
    """Issue 9's measure: of the official sentences that three or more outlets quote
    verbatim (whole or in part), how many have an engine base sentence equal to the
    official wording (case, punctuation and quote style aside) over the stretch those
    quotes cover, or a longer stretch of the same sentence."""
    bases = [compare_key(s.text).split() for r in result.readouts for s in r.sentences]
    rows = []
    for readout in story.readouts:
        quoted = [
            (_outlet(story, article.file), p)
            for article in gold_by_doc.values()
            for p in article.passages
            if p.readout == readout.id and p.verbatim and p.official.strip()
        ]
        official = _read_body(story.folder / readout.official) if readout.official else ""
        sentences = split_sentences(official) or _fragment_sentences([p for _, p in quoted])
        covered: dict[int, list[tuple[str, int, int]]] = {}
        for outlet, passage in quoted:
            for index, at, end in _quoted_stretches(passage, sentences):
                covered.setdefault(index, []).append((outlet, at, end))
        for index, spans in sorted(covered.items()):
            outlets = {outlet for outlet, _, _ in spans}
            if len(outlets) < 3:
                continue
            words = sentences[index]
            lo, hi = min(a for _, a, _ in spans), max(b for _, _, b in spans)
            equal = any(
                (at := _run_at(base, words)) is not None and at <= lo and hi <= at + len(base)
                for base in bases
            )
            c["base_sentences"] += 1
            c["base_equal"] += equal
            rows.append(
                {"official": " ".join(words[lo:hi]), "outlets": len(outlets), "equal": equal}
            )
    return rows


_NO_BREAK = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]|Mr|Mrs|Ms|Dr|St|Jr|Gen|Sen|Rep|No")


def split_sentences(text: str) -> list[list[str]]:
    """A text's sentences, each as its compare_key words: a break after . ! or ? before a
    capital (not after an initial, "U.S." or a title), and at every line end."""
    out: list[list[str]] = []
    start = 0
    for m in re.finditer(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+", text):
        before = re.search(r"(\S+)$", text[: m.start()])
        word = before.group(1) if before else ""
        if m.group().startswith(".") and _NO_BREAK.fullmatch(word.rstrip(".")):
            continue
        out.append(compare_key(text[start : m.end()]).split())
        start = m.end()
    out.append(compare_key(text[start:]).split())
    return [words for words in out if words]


def _quoted_stretches(
    passage: GoldPassage, sentences: list[list[str]]
) -> list[tuple[int, int, int]]:
    """The official sentences a verbatim passage quotes, and the words of each it covers:
    its own words where they stand in the official text (a quote taken up mid-sentence
    covers only what it quotes), else the official wording the gold gives for it."""
    for text in (passage.text, passage.official):
        found = [_sentence_at(part, sentences) for part in split_sentences(text)]
        if found and all(f is not None for f in found):
            return [f for f in found if f is not None]
    return []


def _sentence_at(part: list[str], sentences: list[list[str]]) -> tuple[int, int, int] | None:
    for index, words in enumerate(sentences):
        at = _run_at(part, words)
        if at is not None:
            return index, at, at + len(part)
    return None


def _fragment_sentences(passages: list[GoldPassage]) -> list[list[str]]:
    """Without an official text, the sentences of the official wording the gold gives for
    its verbatim passages (a fragment inside a longer one adds nothing)."""
    parts = [words for p in passages for words in split_sentences(p.official)]
    unique = {tuple(words): words for words in parts}
    return [
        words
        for key, words in unique.items()
        if not any(other != key and _run_at(list(key), list(other)) is not None for other in unique)
    ]


def _run_at(part: list[str], words: list[str]) -> int | None:
    """Where the words `part` stand as a run in `words`, if they do."""
    for at in range(len(words) - len(part) + 1):
        if words[at : at + len(part)] == part:
            return at
    return None


def _outlet(story: Story, file: str) -> str:
    """The article's outlet from its front matter (the file name when it has none)."""
    head = (story.folder / file).read_text("utf-8")[:2000]
    found = re.search(r"^outlet:[ \t]*(.+?)[ \t]*$", head, re.M)
    return found.group(1) if found else file


def _read_body(path: Path) -> str:
    try:
        text = path.read_text("utf-8")
    except OSError:
        return ""
    match = re.match(r"\A---[ \t]*\n.*?\n---[ \t]*\n", text, re.S)
    return text[match.end() :] if match else text


# ---------------------------------------------------------------- running stories


def run_story(story: Story) -> dict[str, Any]:
    articles = [str(p) for p in _files(story.folder / "articles")]
    officials = [str(p) for p in _files(story.folder / "official")]
    out: dict[str, Any] = {"slug": story.slug, "blind": story.blind, "modes": {}}
    for mode in MODES:
        started = time.perf_counter()
        try:
            result = analyse(articles, official=officials if mode == "official" else ())
        except Exception as error:  # an engine crash is a finding, not the end of the run
            out["modes"][mode] = {
                "counts": {},
                "crash": f"{type(error).__name__}: {error}",
                "seconds": round(time.perf_counter() - started, 2),
            }
            continue
        score = score_run(story, result, mode)
        out["modes"][mode] = {
            "counts": dict(sorted(score.counts.items())),
            "figures": derived(score.counts),
            "seconds": round(time.perf_counter() - started, 2),
            **score.details,
        }
    return out


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def derived(c: Counts) -> dict[str, Any]:
    """The headline figures of a set of counts."""
    get = c.get
    fig: dict[str, Any] = {
        "readout_precision": _ratio(
            get("article_readouts_right", 0), get("article_readouts_reported", 0)
        ),
        "readout_recall": _ratio(get("article_readouts_right", 0), get("article_readouts_gold", 0)),
        "invented_readouts": get("invented_readouts", 0),
    }
    for part in ("caller", "counterpart", "day"):
        fig[f"{part}_right"] = _ratio(get(f"identity_{part}", 0), get("gold_readouts_mapped", 0))
    for kind in KINDS:
        fig[f"{kind}_found"] = _ratio(get(f"{kind}_found", 0), get(f"{kind}_gold", 0))
        fig[f"{kind}_right_readout"] = _ratio(
            get(f"{kind}_right_readout", 0), get(f"{kind}_gold", 0)
        )
    fig["false_passages"] = get("false_passages", 0)
    fig["differences_found"] = _ratio(get("differences_found", 0), get("differences_gold", 0))
    fig["differences_invented"] = get("differences_invented", 0)
    fig["substantive_right"] = _ratio(
        get("differences_substantive_right", 0), get("differences_found", 0)
    )
    fig["paraphrase_meaning_flagged"] = _ratio(
        get("paraphrase_meaning_flagged", 0), get("paraphrase_meaning_gold", 0)
    )
    fig["faithful_paraphrase_flagged"] = _ratio(
        get("faithful_paraphrase_flagged", 0), get("faithful_paraphrase_found", 0)
    )
    fig["base_equal"] = _ratio(get("base_equal", 0), get("base_sentences", 0))
    return fig


def total(counts: Iterable[Counts]) -> Counts:
    summed: Counter[str] = Counter()
    for c in counts:
        summed.update(c)
    return dict(sorted(summed.items()))


# ---------------------------------------------------------------- the table


def _frac(c: Counts, num: str, den: str) -> str:
    d = c.get(den, 0)
    return f"{c.get(num, 0)}/{d}" if d else "–"


def _pr(c: Counts, num: str, den: str) -> str:
    d = c.get(den, 0)
    return f"{c.get(num, 0) / d:.2f}" if d else "–"


def _num(c: Counts, key: str) -> str:
    return str(c.get(key, 0))


def _sum_kinds(c: Counts, suffix: str) -> Counts:
    return {
        "n": sum(c.get(f"{k}_{suffix}", 0) for k in KINDS),
        "d": sum(c.get(f"{k}_gold", 0) for k in KINDS),
    }


COLUMNS: dict[str, list[tuple[str, Any]]] = {
    "Readouts and identity": [
        ("articles", lambda c: _num(c, "articles")),
        ("readout P", lambda c: _pr(c, "article_readouts_right", "article_readouts_reported")),
        ("readout R", lambda c: _pr(c, "article_readouts_right", "article_readouts_gold")),
        ("invented", lambda c: _num(c, "invented_readouts")),
        ("duplicates", lambda c: _num(c, "duplicate_readouts")),
        ("mapped", lambda c: _frac(c, "gold_readouts_mapped", "gold_readouts")),
        ("caller", lambda c: _frac(c, "identity_caller", "gold_readouts_mapped")),
        ("counterpart", lambda c: _frac(c, "identity_counterpart", "gold_readouts_mapped")),
        ("day", lambda c: _frac(c, "identity_day", "gold_readouts_mapped")),
    ],
    "Passages": [
        ("quotes", lambda c: _frac(c, "quote_found", "quote_gold")),
        ("posts", lambda c: _frac(c, "post_found", "post_gold")),
        ("reported speech", lambda c: _frac(c, "paraphrase_found", "paraphrase_gold")),
        ("right readout", lambda c: _frac(_sum_kinds(c, "right_readout"), "n", "d")),
        ("false (decoys)", lambda c: _frac(c, "false_passages", "decoys")),
        ("other witnesses", lambda c: _num(c, "other_witnesses")),
        ("unlocated", lambda c: _num(c, "passages_unlocated")),
    ],
    "Differences": [
        ("found", lambda c: _frac(c, "differences_found", "differences_gold")),
        ("missed", lambda c: _num(c, "differences_missed")),
        ("invented (subst.)", lambda c: _invented(c)),
        ("kind right", lambda c: _frac(c, "differences_kind_right", "differences_found")),
        ("subst. right", lambda c: _frac(c, "differences_substantive_right", "differences_found")),
        ("subst. wrong", lambda c: _num(c, "differences_substantive_wrong")),
        (
            "meaning changes flagged",
            lambda c: _frac(c, "paraphrase_meaning_flagged", "paraphrase_meaning_gold"),
        ),
        (
            "false subst. faithful paraphrase",
            lambda c: _frac(c, "faithful_paraphrase_flagged", "faithful_paraphrase_found"),
        ),
        ("false subst. verbatim quotes", lambda c: _verbatim(c, "quote")),
        ("… posts", lambda c: _verbatim(c, "post")),
        ("base = official", lambda c: _frac(c, "base_equal", "base_sentences")),
    ],
}


def _invented(c: Counts) -> str:
    return f"{c.get('differences_invented', 0)} ({c.get('differences_invented_substantive', 0)})"


def _verbatim(c: Counts, kind: str) -> str:
    """Substantive flags on verbatim passages (passages flagged / verbatim passages found)."""
    found = c.get(f"verbatim_{kind}_found", 0)
    if not found:
        return "–"
    flags = c.get(f"verbatim_{kind}_false_substantive", 0)
    return f"{flags} ({c.get(f'verbatim_{kind}_flagged', 0)}/{found})"


def _cell(fn: Any, current: Counts | None, first: Counts | None) -> str:
    if current is None:
        return "crash"
    now = str(fn(current))
    if first is None:
        return now
    return f"{fn(first)} → {now}"


Row = tuple[str, str, Counts | None, Counts | None]  # story, mode, current, first


def render(report: dict[str, Any], firsts: dict[str, dict[str, Counts]]) -> str:
    stories = report["stories"]
    rows = _rows(report, firsts)
    lines = [
        "# Accuracy on real coverage",
        "",
        "Cells read `first → current` where a story's first score is recorded.",
        "",
    ]
    for title, columns in COLUMNS.items():
        lines += [f"## {title}", ""]
        header = ["story", "mode", *(name for name, _ in columns)]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        for name, mode, current, first in rows:
            cells = [_cell(fn, current, first) for _, fn in columns]
            lines.append("| " + " | ".join([name, MODE_NAMES[mode], *cells]) + " |")
        lines.append("")
    notes = _notes(report)
    if notes:
        lines += ["## Notes", "", *notes, ""]
    seconds = sum(m.get("seconds", 0) for s in stories.values() for m in s["modes"].values())
    lines.append(f"{len(stories)} stories scored in {seconds:.1f} s of engine and scoring time.")
    return "\n".join(lines)


def _rows(report: dict[str, Any], firsts: dict[str, dict[str, Counts]]) -> list[Row]:
    """The overall rows, then each story's, each mode's counts now and first."""
    rows: list[Row] = []
    stories = report["stories"]
    for mode in MODES:
        every_first = all(s in firsts for s in stories)
        first_total = total(firsts[s][mode] for s in stories) if every_first and stories else None
        rows.append(("**overall**", mode, report["overall"][mode], first_total))
    for slug, story in stories.items():
        name = f"{slug} (blind)" if story["blind"] else slug
        for mode in MODES:
            run = story["modes"][mode]
            current = None if "crash" in run else run["counts"]
            rows.append((name, mode, current, firsts.get(slug, {}).get(mode)))
    return rows


def _notes(report: dict[str, Any]) -> list[str]:
    """Crashes, gold that could not be located, engine errors, skipped stories."""
    notes = []
    for slug, story in report["stories"].items():
        for mode in MODES:
            run = story["modes"][mode]
            if "crash" in run:
                notes.append(f"- {slug}, {MODE_NAMES[mode]}: ENGINE CRASH {run['crash']}")
                continue
            if mode == "official":
                notes += [f"- {slug}: {p}" for p in run["problems"]]
                notes += [f"- {slug}: engine error: {e}" for e in run["errors"]]
    for problem in report["skipped"]:
        notes.append(f"- skipped {problem}")
    return notes


# ---------------------------------------------------------------- main


def git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=HERE, capture_output=True, text=True, timeout=5
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def score_stories(folder: Path, only: Sequence[str] = ()) -> dict[str, Any]:
    report: dict[str, Any] = {"stories": {}, "skipped": [], "overall": {}}
    for path in sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []:
        if only and path.name not in only:
            continue
        if not (path / "gold.toml").is_file():
            report["skipped"].append(f"{path.name}: no gold.toml yet")
            continue
        try:
            story = load_story(path)
        except (ValueError, KeyError, TypeError) as error:
            report["skipped"].append(f"{path.name}: {error}")
            continue
        report["stories"][story.slug] = run_story(story)
    for mode in MODES:
        report["overall"][mode] = total(
            s["modes"][mode].get("counts", {}) for s in report["stories"].values()
        )
        report.setdefault("overall_figures", {})[mode] = derived(report["overall"][mode])
    return report


def load_firsts(history: Path, slugs: Iterable[str]) -> dict[str, dict[str, Counts]]:
    firsts = {}
    for slug in slugs:
        path = history / f"{slug}.first.json"
        if path.is_file():
            data = json.loads(path.read_text("utf-8"))
            firsts[slug] = {mode: data["modes"][mode].get("counts", {}) for mode in MODES}
    return firsts


def record_firsts(report: dict[str, Any], history: Path) -> list[Path]:
    written = []
    history.mkdir(parents=True, exist_ok=True)
    for slug, story in report["stories"].items():
        path = history / f"{slug}.first.json"
        if path.exists():
            continue
        record = {
            "slug": slug,
            "recorded": dt.date.today().isoformat(),
            "engine_commit": git_commit(),
            **story,
        }
        path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", "utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--stories", type=Path, default=STORIES, help="folder of stories")
    parser.add_argument("--story", action="append", default=[], help="score only this slug")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument(
        "--record-first", action="store_true", help="store the first score of stories without one"
    )
    parser.add_argument("--history", type=Path, default=HISTORY, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    report = score_stories(args.stories, args.story)
    if not report["stories"]:
        print(f"no story with a gold.toml in {args.stories}", file=sys.stderr)
        for problem in report["skipped"]:
            print(f"  skipped {problem}", file=sys.stderr)
        return 1
    if args.record_first:
        for path in record_firsts(report, args.history):
            print(f"recorded {path}", file=sys.stderr)
    firsts = load_firsts(args.history, report["stories"])
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(render(report, firsts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
