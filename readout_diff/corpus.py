"""Corpus runs: months of coverage split into windows of call days, analysed alone, joined.

Pure: no files, no processes, no clocks. The `corpus` command streams its inputs into
windows (`Plan.windows_of`), hands each window's records to `analyse_window` (any process,
any machine: the output is a function of the records alone), and joins the windows'
readouts with `join`.

window   call days [start, end) plus a margin of later publication days for late coverage;
         a document goes to every window whose days or margin hold its publication date
block    documents of one window whose content keys (rare capitalised words: names,
         countries) are alike (rapidfuzz `cdist`); the engine runs once per block
copy     one block's version of one readout; a readout found in several blocks or windows
         is joined once by `join`: the copy from the window that holds its call day (most
         witnesses first) is the primary, the others add the witnesses it lacks
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from .api import analyse
from .dates import MONTH_NAMES, WEEKDAYS
from .lexicon import strip_possessive
from .model import Readout, Result, Source
from .serialise import to_dict
from .views import COSMETIC, divergence, words

# Windows are counted from a fixed Monday, so a streamed input needs no first pass.
ORIGIN = dt.date(2000, 1, 3)
UNDATED = "undated"
BLOCK_THRESHOLD = 60.0  # token_set_ratio of content keys for two documents to share a block
SMALL_WINDOW = 400  # a window of fewer documents is analysed whole, as one block
FEW_UNDATED = 200  # so few undated documents are read with every window, not alone
COMMON_SHARE = 0.3  # words in more than this share of a window's documents key nothing


@dataclass(frozen=True, slots=True)
class Record:
    """One streamed document, as the engine will read it."""

    id: str  # unique in the run: the file's stem, or "stem#line" for a JSON Lines record
    path: str  # where it came from: a file, or "shard.jsonl:LINE"
    text: str
    outlet: str | None = None
    date: str | None = None  # ISO publication date, when known
    title: str | None = None
    url: str | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> Record:
        return cls(**json.loads(line))

    def source(self) -> Source:
        """The engine's input: a one-record JSON file named so the document id is `id`."""
        fields = {"text": self.text, "outlet": self.outlet, "date": self.date}
        fields |= {"title": self.title, "url": self.url}
        record = {k: v for k, v in fields.items() if v is not None}
        return Source(f"{self.id}.json", json.dumps(record, ensure_ascii=False))


@dataclass(frozen=True, slots=True)
class Window:
    """Call days [start, end); `key` names it ("2026-03-02", or "undated")."""

    key: str
    start: dt.date | None
    end: dt.date | None

    def owns(self, day: str | None) -> bool:
        """Whether a readout of this call day belongs here (undated ones: where found)."""
        if self.start is None or self.end is None or day is None:
            return True
        try:
            return self.start <= dt.date.fromisoformat(day) < self.end
        except ValueError:
            return True


@dataclass(frozen=True, slots=True)
class Plan:
    """How a corpus is cut: windows of `days` call days, documents published up to
    `margin` days after a window's last day read there too."""

    days: int = 7
    margin: int = 3

    def window_at(self, day: dt.date) -> Window:
        index = (day - ORIGIN).days // self.days
        start = ORIGIN + dt.timedelta(days=index * self.days)
        return Window(start.isoformat(), start, start + dt.timedelta(days=self.days))

    def window(self, key: str) -> Window:
        if key == UNDATED:
            return Window(UNDATED, None, None)
        return self.window_at(dt.date.fromisoformat(key))

    def windows_of(self, published: str | None) -> list[Window]:
        """The windows a document published that day is read in (its own, then earlier
        windows whose margin reaches it)."""
        day = _day(published)
        if day is None:
            return [Window(UNDATED, None, None)]
        seen: dict[str, Window] = {}
        for back in range(self.margin + 1):
            window = self.window_at(day - dt.timedelta(days=back))
            seen.setdefault(window.key, window)
        return list(seen.values())


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


_CAPITALISED = re.compile(r"(?<![\w.])([A-Z][\w’'-]{2,})")
_NOT_KEYS = frozenset(
    "The This That These Those There Their They Then When While After Before His Her Its Our "
    "Mr Mrs Ms Dr".split()
) | {name.capitalize() for name in (*WEEKDAYS, *MONTH_NAMES)}


def content_keys(texts: Sequence[str]) -> list[str]:
    """Each text's key: its capitalised words (names, places) that are rare in `texts`,
    sorted; words most documents share (the caller, the ministry) key nothing."""
    words = [{strip_possessive(w) for w in _CAPITALISED.findall(t)} - _NOT_KEYS for t in texts]
    counts = Counter(w for ws in words for w in ws)
    common = max(2.0, COMMON_SHARE * len(texts))
    return [" ".join(sorted(w for w in ws if counts[w] <= common)) for ws in words]


def blocks(keys: Sequence[str], threshold: float = BLOCK_THRESHOLD) -> list[list[int]]:
    """Indexes of `keys` grouped into blocks, in a deterministic order.

    Leaders are chosen in order (a key like no earlier leader founds a block), then every
    key joins its most alike leader (rapidfuzz `cdist`, `token_set_ratio`). Empty keys
    form one block of their own.
    """
    from rapidfuzz import fuzz, process

    leaders: list[str] = []
    for key in keys:
        if (
            key
            and process.extractOne(
                key, leaders, scorer=fuzz.token_set_ratio, score_cutoff=threshold
            )
            is None
        ):
            leaders.append(key)
    groups: dict[int, list[int]] = {}
    keyed = [i for i, k in enumerate(keys) if k]
    if leaders and keyed:
        scores = process.cdist(
            [keys[i] for i in keyed], leaders, scorer=fuzz.token_set_ratio, workers=1
        )
        for row, index in enumerate(keyed):
            groups.setdefault(int(scores[row].argmax()), []).append(index)
    loose = [i for i, k in enumerate(keys) if not k]
    out = [groups[g] for g in sorted(groups)]
    return out + ([loose] if loose else [])


@dataclass(frozen=True, slots=True)
class WindowResult:
    """One window's readout copies (serialised, with each witness's document facts)."""

    window: str
    documents: int
    blocks: int
    skipped_blocks: int  # blocks of margin documents only: the next window reads them
    copies: tuple[dict[str, Any], ...]
    unassigned: int
    errors: tuple[tuple[str, str], ...]

    def to_jsonl(self) -> str:
        head = {
            "window": self.window,
            "documents": self.documents,
            "blocks": self.blocks,
            "skipped_blocks": self.skipped_blocks,
            "readout_copies": len(self.copies),
            "unassigned": self.unassigned,
            "errors": [list(e) for e in self.errors],
        }
        lines = [json.dumps(head, ensure_ascii=False, sort_keys=True)]
        lines += [json.dumps(c, ensure_ascii=False, sort_keys=True) for c in self.copies]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_jsonl(cls, text: str) -> WindowResult:
        lines = text.splitlines()
        head = json.loads(lines[0])
        return cls(
            head["window"],
            head["documents"],
            head["blocks"],
            head["skipped_blocks"],
            tuple(json.loads(line) for line in lines[1:]),
            head["unassigned"],
            tuple((p, m) for p, m in head["errors"]),
        )


def analyse_window(
    window: Window, records: Sequence[Record], ignore_case: bool = False
) -> WindowResult:
    """Block the window's records and run the engine on each block."""
    ordered = sorted(records, key=lambda r: r.id)
    if len(ordered) < SMALL_WINDOW:
        groups = [list(range(len(ordered)))] if ordered else []
    else:
        groups = blocks(content_keys([r.text for r in ordered]))
    copies: list[dict[str, Any]] = []
    unassigned = skipped = 0
    errors: list[tuple[str, str]] = []
    for number, group in enumerate(groups):
        members = [ordered[i] for i in group]
        if not any(window.owns(r.date) for r in members):
            skipped += 1
            continue
        result = analyse([r.source() for r in members], ignore_case=ignore_case)
        by_id = {r.id: r for r in members}
        copies += [_copy(window, number, r, result, by_id) for r in result.readouts]
        unassigned += len(result.unassigned)
        errors += [(_origin(e.path, by_id), e.message) for e in result.errors]
    return WindowResult(
        window.key, len(ordered), len(groups), skipped, tuple(copies), unassigned, tuple(errors)
    )


def _origin(path: str, records: dict[str, Record]) -> str:
    record = records.get(path.removesuffix(".json"))
    return record.path if record else path


def _copy(
    window: Window, block: int, readout: Readout, result: Result, records: dict[str, Record]
) -> dict[str, Any]:
    row: dict[str, Any] = to_dict(_only(result, readout))["readouts"][0]
    row.pop("documents", None)
    row["window"] = window.key
    row["block"] = block
    row["owned"] = window.owns(readout.date)
    for sentence, typed in zip(row["sentences"], readout.sentences, strict=True):
        sentence.pop("spots", None)
        for witness, w in zip(sentence["witnesses"], typed.witnesses, strict=True):
            record = records.get(w.document)
            witness["path"] = record.path if record else w.document
            witness["outlet"] = record.outlet if record else None
            witness["date"] = record.date if record else None
            witness["divergence"] = divergence(w)
            witness["words"] = max(words(w.text), 1)
            witness["changed"] = sum(words(d.witness) for d in w.differences if d.substantive)
            witness["substantive"] = w.substantive_count
            witness["cosmetic"] = sum(1 for d in w.differences if d.kind in COSMETIC)
    return row


def _only(result: Result, readout: Readout) -> Result:
    return Result(documents=(), readouts=(readout,), contrasts=(), unassigned=())


def _witness_count(copy: dict[str, Any]) -> int:
    return sum(len(s["witnesses"]) for s in copy["sentences"])


def join(copies: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One readout per id from every window's and block's copies, in call-day order.

    The primary copy comes from the window that holds the call day, the one with most
    witnesses first (then the earliest window and block); each other copy adds the
    witnesses the primary lacks: to the sentence of the same text, or as a sentence of
    its own. The same witness read in two windows (a margin document) counts once.
    """
    grouped: dict[str, list[dict[str, Any]]] = {}
    for copy in copies:
        grouped.setdefault(copy["id"], []).append(copy)
    joined = [_join_one(group) for group in grouped.values()]
    return sorted(joined, key=lambda r: (r["date"] or "9999", r["id"]))


def _join_one(group: list[dict[str, Any]]) -> dict[str, Any]:
    ordered = sorted(
        group, key=lambda c: (not c["owned"], -_witness_count(c), c["window"], c["block"])
    )
    primary: dict[str, Any] = json.loads(json.dumps(ordered[0]))  # a deep copy
    sentences: dict[str, dict[str, Any]] = {s["text"]: s for s in primary["sentences"]}
    seen = {_seen_key(w) for s in primary["sentences"] for w in s["witnesses"]}
    for other in ordered[1:]:
        for sentence in other["sentences"]:
            fresh = [w for w in sentence["witnesses"] if _seen_key(w) not in seen]
            seen |= {_seen_key(w) for w in fresh}
            if not fresh:
                continue
            target = sentences.get(sentence["text"])
            if target is None:
                target = dict(sentence, id=f"{sentence['id']}@{other['window']}", witnesses=[])
                primary["sentences"].append(target)
                sentences[sentence["text"]] = target
            target["witnesses"].extend(fresh)
    primary["windows"] = sorted({c["window"] for c in group})
    for key in ("window", "block", "owned"):
        primary.pop(key)
    return primary


def _seen_key(witness: dict[str, Any]) -> tuple[str, int, int]:
    return (witness["document"], witness["start"], witness["end"])


WITNESS_FIELDS = (
    "document path outlet date kind start end text score divergence words changed substantive "
    "cosmetic "
    "claimed_readout differences"
).split()


def witness_rows(readout: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per witness of a joined readout: who carries which sentence, how."""
    for sentence in readout["sentences"]:
        for witness in sentence["witnesses"]:
            row: dict[str, Any] = {"readout": readout["id"], "sentence": sentence["id"]}
            row |= {field: witness.get(field) for field in WITNESS_FIELDS}
            yield row


def readout_row(readout: dict[str, Any]) -> dict[str, Any]:
    """One row per joined readout: its sentences and how faithfully it was carried."""
    witnesses = [w for s in readout["sentences"] for w in s["witnesses"]]
    tally = Tally()
    for witness in witnesses:
        tally.add(witness)
    keep = "id label counterpart date caller issuer official_document date_evidence windows"
    row = {k: readout.get(k) for k in keep.split()}
    row["sentences"] = [
        {
            "id": s["id"],
            "text": s["text"],
            "base_source": s["base_source"],
            "witnesses": len(s["witnesses"]),
        }
        for s in readout["sentences"]
    ]
    row["witnesses"] = len(witnesses)
    row["documents"] = len({w["document"] for w in witnesses})
    row["outlets"] = len({w["outlet"] for w in witnesses})
    row["substantive"] = tally.substantive
    row["cosmetic"] = tally.cosmetic
    row["verbatim_share"] = tally.verbatim_share
    return row


@dataclass(slots=True)
class Tally:
    """Running figures for one outlet or one week: versions, words, changes."""

    witnesses: int = 0
    words: int = 0
    changed: int = 0
    substantive: int = 0
    cosmetic: int = 0

    def add(self, row: dict[str, Any]) -> None:
        """Add one witness row (the report's fidelity: words inside no substantive change)."""
        self.witnesses += 1
        self.words += row["words"]
        self.changed += row["changed"]
        self.substantive += row["substantive"]
        self.cosmetic += row["cosmetic"]

    @property
    def verbatim_share(self) -> float | None:
        return round(max(0.0, 1 - self.changed / self.words), 3) if self.words else None


@dataclass(slots=True)
class Summary:
    """What the corpus summary report shows: per readout, per outlet, per week."""

    documents: int = 0
    windows: int = 0
    failed: tuple[str, ...] = ()
    readouts: list[dict[str, Any]] | None = None
    outlets: dict[str, Tally] | None = None
    weeks: dict[str, Tally] | None = None

    def add_readout(self, row: dict[str, Any]) -> None:
        if self.readouts is None:
            self.readouts = []
        self.readouts.append(row)

    def add_witness(self, row: dict[str, Any]) -> None:
        if self.outlets is None:
            self.outlets = {}
        if self.weeks is None:
            self.weeks = {}
        self.outlets.setdefault(row["outlet"] or row["document"], Tally()).add(row)
        day = _day(row["date"])
        week = (day - dt.timedelta(days=day.weekday())).isoformat() if day else UNDATED
        self.weeks.setdefault(week, Tally()).add(row)
