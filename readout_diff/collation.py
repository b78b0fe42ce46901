"""Collate: every version of one readout sentence in one variant table, and its majority.

The versions (witnesses) are aligned by star alignment on match keys: the pivot is the
medoid (rapidfuzz `fuzz.ratio` over key sequences, each key one character), every
version is aligned to it with difflib opcodes (`autojunk=False`), and then once more
against the first consensus, so a change the pivot alone carries does not shape the
table. The table has one column per pivot token (a *slot*) and one between each two (a
*gap*, where versions insert words); each cell names its witness and that witness's
vote. Columns a witness does not speak for (a quote taken up mid-sentence, one cut
short) hold no cell of it: silence there is not a vote.

Each column is decided by weighted majority: one vote per independent witness (copies
of one wire text share a vote), quotes outweigh posts, which outweigh reported speech,
and reported speech never outvotes quoted wording (where any quote speaks, only quotes
decide; paraphrase breaks ties). Where no reading has more than half of the votes the
spot is *disputed* (in a gap, only where two different insertions compete: words one
outlet adds against the others' silence are its own): the base shows the reading the
weights prefer, ties going to the shorter (words not all carry stay out), then the
alphabetically first, so the order witnesses come in never changes the base. Date words
an outlet opens its version with ("Today,") stay out of the base unless two or more
independent quotes, most of those that speak there, carry them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .dates import MONTHS, WEEKDAYS
from .differences import Opcode, key_opcodes
from .normalise import Token

QUOTE_KEYS = frozenset({'"', "'"})
# words an outlet dates its report with ("Today,", "On Monday, April 30,")
DATE_FRAMING = (
    frozenset(WEEKDAYS)
    | frozenset(MONTHS)
    | frozenset(["today", "yesterday", "tonight", "on", "earlier", "this", "last", "week"])
    | frozenset(["morning", "afternoon", "evening", "late", "early"])
)


@dataclass(frozen=True, slots=True)
class Version:
    """One witness as the collation sees it."""

    tokens: tuple[Token, ...]
    weight: float  # this witness's share of its group's vote (kind weight / copies)
    group: str  # independent witness: copies of one wire text share a group
    verbatim: bool  # a quote or a post, not reported speech
    from_start: bool  # speaks for the sentence's start (its silence there is a vote)
    to_end: bool  # speaks for the sentence's end
    label: str = ""  # stable name (document and offset): breaks ties without input order


@dataclass(frozen=True, slots=True)
class Cell:
    """The reading of one column by witnesses worded alike: a token, some inserted tokens,
    or () (none)."""

    witnesses: tuple[int, ...]
    tokens: tuple[Token, ...]
    keys: tuple[str, ...]  # the tokens' match keys: what the reading is
    shown: tuple[str, ...]  # the tokens as printed (case kept)


@dataclass(frozen=True, slots=True)
class Column:
    """A pivot token's place (`slot`) or the place between two (`gap`), with every cell
    of the witnesses that speak for it."""

    slot: bool
    position: int  # the pivot token (slot) or the pivot token it stands before (gap)
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a column and who carries it."""

    tokens: tuple[Token, ...]
    weight: float
    verbatim_weight: float
    groups: frozenset[str]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.tokens)

    @property
    def text(self) -> str:
        return " ".join(t.norm for t in self.tokens)


@dataclass(frozen=True, slots=True)
class Verdict:
    """A column decided: the readings best first, and whether the first has a majority."""

    column: Column
    readings: tuple[Reading, ...]
    majority: bool
    disputed: bool  # two or more independent quotes speak here and none has a majority
    covering: int  # independent witnesses that speak for the column

    @property
    def winner(self) -> Reading:
        return self.readings[0]


@dataclass(frozen=True, slots=True)
class VariantTable:
    """Columns of aligned tokens with gaps, each cell naming its witness."""

    versions: tuple[Version, ...]
    pivot: tuple[Token, ...]
    columns: tuple[Column, ...]

    def verdicts(self) -> list[Verdict]:
        return [decide(column, self.versions) for column in self.columns]

    def consensus(self) -> list[Token]:
        verdicts = self.verdicts()
        lead = self._date_framing(verdicts)
        return [t for v in verdicts[lead:] for t in v.winner.tokens]

    def _date_framing(self, verdicts: Sequence[Verdict]) -> int:
        """How many leading columns are an outlet's date framing ("Today,", "On Monday,"):
        not readout wording unless two or more independent quotes, most of those that
        speak there, carry it. Only where other witnesses speak for the sentence too."""
        if len({v.group for v in self.versions}) < 2:
            return 0
        lead, dated = 0, False
        for verdict in verdicts:
            words = [t for t in verdict.winner.tokens if t.is_word]
            if not all(t.key in DATE_FRAMING or t.key.isdigit() for t in words):
                break
            quoted = {
                self.versions[i].group
                for c in verdict.column.cells
                if c.keys == verdict.winner.keys
                for i in c.witnesses
                if self.versions[i].verbatim
            }
            if words and verdict.majority and len(quoted) >= 2:
                break
            dated = dated or bool(words)
            lead += 1
        return lead if dated and lead < len(verdicts) else 0


def keys_of(tokens: Sequence[Token]) -> list[str]:
    return [t.key for t in tokens]


def medoid(versions: Sequence[Version]) -> int:
    """The version closest to all others (weighted), preferring verbatim ones that speak
    for the whole sentence; ties go to the longer, then the smaller label."""
    codes: dict[str, str] = {}
    encoded = [
        "".join(codes.setdefault(k, chr(0xE000 + len(codes))) for k in keys_of(v.tokens))
        for v in versions
    ]
    closeness = _closeness(encoded, [v.weight for v in versions])
    central = [
        closeness[code] - fuzz.ratio(code, code) * v.weight
        for code, v in zip(encoded, versions, strict=True)
    ]
    verbatim = [i for i, v in enumerate(versions) if v.verbatim]
    pool = verbatim or list(range(len(versions)))
    return max(
        pool,
        key=lambda i: (
            versions[i].from_start and versions[i].to_end,
            round(float(central[i]) * versions[i].weight, 3),
            len(encoded[i]),
            tuple(-ord(c) for c in versions[i].label),
        ),
    )


def _closeness(encoded: Sequence[str], weights: Sequence[float]) -> dict[str, float]:
    """Each wording's weighted similarity to every version (itself included): the
    wordings are compared once each, however many versions share them."""
    mass: dict[str, float] = {}
    for code, weight in zip(encoded, weights, strict=True):
        mass[code] = mass.get(code, 0.0) + weight
    wordings = list(mass)
    return {
        code: sum(
            score * mass[wordings[j]]
            for _, score, j in process.extract(code, wordings, scorer=fuzz.ratio, limit=None)
        )
        for code in wordings
    }


_NONE: tuple[Token, ...] = ()


def _readings_of(ops: Sequence[Opcode]) -> tuple[list[int], dict[int, range]]:
    """A version's reading of each pivot token (the index of its own token there, or -1)
    and the runs of its tokens it inserts before each pivot token."""
    slot_of: list[int] = []
    gap_of: dict[int, range] = {}
    for tag, i1, i2, j1, j2 in ops:
        if tag == "insert":
            gap_of[i1] = range(j1, j2)
            continue
        common = min(i2 - i1, j2 - j1) if tag != "delete" else 0
        slot_of.extend(range(j1, j1 + common))
        slot_of.extend([-1] * (i2 - i1 - common))
        if j2 - j1 > common:
            gap_of[i2] = range(j1 + common, j2)
    return slot_of, gap_of


def align(pivot: Sequence[Token], versions: Sequence[Version]) -> VariantTable:
    """Every version against the pivot tokens: the variant table. Versions worded alike
    (most of them, often) are aligned once and share their cells."""
    n = len(pivot)
    pivot_keys = tuple(keys_of(pivot))
    slots: list[list[Cell]] = [[] for _ in range(n)]
    gaps: list[list[Cell]] = [[] for _ in range(n + 1)]
    alike: dict[tuple[tuple[str, ...], tuple[str, ...], bool, bool], list[int]] = {}
    for index, version in enumerate(versions):
        toks = version.tokens
        wording = (tuple(t.norm for t in toks), tuple(keys_of(toks)))
        alike.setdefault((*wording, version.from_start, version.to_end), []).append(index)
    for (shown, keys, from_start, to_end), indices in alike.items():
        toks = versions[indices[0]].tokens
        witnesses = tuple(indices)
        ops = key_opcodes(pivot_keys, keys)
        equal = [op for op in ops if op[0] == "equal"]
        if not equal:
            continue
        lo = 0 if from_start else equal[0][1]
        hi = n if to_end else equal[-1][2]
        none = Cell(witnesses, _NONE, (), ())
        slot_of, gap_of = _readings_of(ops)
        for k in range(lo, hi):
            j = slot_of[k]
            slots[k].append(
                Cell(witnesses, (toks[j],), (keys[j],), (shown[j],)) if j >= 0 else none
            )
        for k in range(lo, hi + 1):
            if lo < k < hi or (k == lo and from_start) or (k == hi and to_end):
                run = gap_of.get(k)
                gaps[k].append(
                    Cell(
                        witnesses,
                        toks[run.start : run.stop],
                        keys[run.start : run.stop],
                        shown[run.start : run.stop],
                    )
                    if run
                    else none
                )
    columns: list[Column] = []
    for k in range(n + 1):
        if any(c.tokens for c in gaps[k]):
            columns.append(Column(False, k, tuple(gaps[k])))
        if k < n:
            columns.append(Column(True, k, tuple(slots[k])))
    return VariantTable(tuple(versions), tuple(pivot), tuple(columns))


def _reading(cells: Sequence[Cell], versions: Sequence[Version]) -> Reading:
    """One reading's weight, quoted weight and independent witnesses; how it is printed is
    itself a vote ("Prime Minister Sharif", "Sharif")."""
    weight = verbatim_weight = 0.0
    groups: set[str] = set()
    forms: dict[tuple[str, ...], tuple[float, tuple[Token, ...]]] = {}
    for cell in cells:
        cell_weight = 0.0
        for index in cell.witnesses:
            version = versions[index]
            cell_weight += version.weight
            verbatim_weight += version.weight if version.verbatim else 0.0
            groups.add(version.group)
        weight += cell_weight
        shown, toks = forms.get(cell.shown, (0.0, cell.tokens))
        forms[cell.shown] = (shown + cell_weight, toks)
    form = max(forms.items(), key=lambda kv: (round(kv[1][0], 6), kv[0]))[1][1]
    return Reading(form, weight, verbatim_weight, frozenset(groups))


def decide(column: Column, versions: Sequence[Version]) -> Verdict:
    """Weighted majority over one column (see the module docstring)."""
    by_reading: dict[tuple[str, ...], list[Cell]] = {}
    for cell in column.cells:
        by_reading.setdefault(cell.keys, []).append(cell)
    readings = [_reading(cells, versions) for cells in by_reading.values()]
    if not readings:
        return Verdict(column, (Reading((), 0.0, 0.0, frozenset()),), False, False, 0)
    readings.sort(
        key=lambda r: (
            -round(r.verbatim_weight, 6),
            -round(r.weight, 6),
            -len(r.groups),
            len(r.tokens),
            r.keys,
        )
    )
    total_verbatim = sum(r.verbatim_weight for r in readings)
    best = readings[0]
    if total_verbatim > 0:
        majority = best.verbatim_weight > total_verbatim / 2 + 1e-9
        quoted = {g for r in readings if r.verbatim_weight > 0 for g in r.groups}
        # words one outlet adds against the others' silence are its own, not a dispute
        added = sum(1 for r in readings if r.tokens and r.verbatim_weight > 0)
        disputed = not majority and len(quoted) >= 2 and (column.slot or added >= 2)
    else:
        majority = best.weight > sum(r.weight for r in readings) / 2 + 1e-9
        disputed = False  # reported speech is the outlet's own wording: no dispute
    covering = len({g for r in readings for g in r.groups})
    return Verdict(column, tuple(readings), majority, disputed, covering)


def collate(versions: Sequence[Version], pivot: Sequence[Token] | None = None) -> VariantTable:
    """The variant table of `versions`: against `pivot` when it is given (an official
    sentence), else against the medoid and then once more against the first consensus."""
    clean = [
        Version(
            tuple(t for t in v.tokens if t.key not in QUOTE_KEYS),
            v.weight,
            v.group,
            v.verbatim,
            v.from_start,
            v.to_end,
            v.label,
        )
        for v in versions
    ]
    if pivot is not None:
        return align([t for t in pivot if t.key not in QUOTE_KEYS], clean)
    if not clean:
        return VariantTable((), (), ())
    first = align(clean[medoid(clean)].tokens, clean)
    return align(first.consensus(), clean)


def join_words(words: Sequence[str]) -> str:
    """Words as printed: no space before closing marks or after opening ones."""
    text = ""
    for word in words:
        if not text:
            text = word
        elif word[:1] in ",.;:!?)]}’”…%" or text[-1:] in "([{“‘£$€¥#" or word.startswith("'s"):
            text += word
        else:
            text += " " + word
    text = text.strip(" ,;:")
    if text[:1].islower():
        text = text[0].upper() + text[1:]  # a sentence starts with a capital
    if text and text[-1] not in ".!?…":
        text += "."
    return text
