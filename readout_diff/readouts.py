"""Decide which readout (counterpart + day) each aligned sentence belongs to.

Readouts can be named by the user in TOML; otherwise they are worked out from the
evidence gathered for every witness: a sentence belongs to the counterpart its
witnesses point to, to both twins when they say "in both calls" or when outlets pin
it on each, and to the day most of its dated evidence names.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .align import Cluster
from .errors import ReadoutSpecError as ReadoutSpecError  # moved; still importable from here
from .model import PassageKind, ReadoutKey


@dataclass(frozen=True, slots=True)
class ReadoutSpec:
    """A readout the user names: `[[readout]] id, counterpart, aliases, date, official`."""

    id: str
    counterpart: str
    aliases: tuple[str, ...] = ()
    date: str | None = None
    country: str | None = None
    official: str | None = None  # a path, resolved by the caller, or the text itself
    official_text: str | None = None


def parse_specs(text: str) -> list[ReadoutSpec]:
    """Read `[[readout]]` tables from TOML text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ReadoutSpecError(f"not valid TOML: {error}") from None
    tables = data.get("readout")
    if not isinstance(tables, list) or not tables:
        raise ReadoutSpecError("no [[readout]] tables")
    specs = []
    seen: set[str] = set()
    for number, table in enumerate(tables, 1):
        if not isinstance(table, dict):
            raise ReadoutSpecError(f"readout {number} is not a table")
        specs.append(_spec(_new_id(number, table.get("id"), seen), table))
    return specs


def _new_id(number: int, rid: object, seen: set[str]) -> str:
    """The id of readout `number`, checked and added to `seen`."""
    if not isinstance(rid, str) or not rid.strip():
        raise ReadoutSpecError(f'readout {number} has no "id"')
    if "/" in rid:
        raise ReadoutSpecError(f'readout id "{rid}" may not contain "/"')
    if rid in seen:
        raise ReadoutSpecError(f'readout id "{rid}" is used twice')
    seen.add(rid)
    return rid


def _spec(rid: str, table: dict[str, Any]) -> ReadoutSpec:
    """One `[[readout]]` table whose id is checked."""
    counterpart = table.get("counterpart")
    if not isinstance(counterpart, str) or not counterpart.strip():
        raise ReadoutSpecError(f'readout "{rid}" has no "counterpart"')
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ReadoutSpecError(f'readout "{rid}": "aliases" must be a list of strings')
    official = table.get("official")
    official_text = table.get("official_text")
    return ReadoutSpec(
        rid,
        counterpart,
        tuple(aliases),
        _spec_date(rid, table.get("date")),
        table.get("country"),
        official if isinstance(official, str) else None,
        official_text if isinstance(official_text, str) else None,
    )


def _spec_date(rid: str, date: object) -> str | None:
    """A readout's date as YYYY-MM-DD: a TOML date or a string in that form."""
    if isinstance(date, dt.date):
        return date.isoformat()
    if date is not None and not isinstance(date, str):
        raise ReadoutSpecError(f'readout "{rid}": "date" must be a date')
    if isinstance(date, str):
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise ReadoutSpecError(f'readout "{rid}": date "{date}" is not YYYY-MM-DD') from None
    return date


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a cluster goes: counterparts (one, or twins) and a day."""

    counterparts: tuple[str, ...]
    date: dt.date | None
    fixed_readouts: tuple[ReadoutKey, ...] = ()  # the official readouts a sentence is part of
    both: bool = False  # a witness says it was said in both (all) calls of the day


@dataclass
class _Votes:
    """A cluster's evidence summed over its members."""

    weights: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    dates: dict[dt.date, float] = field(default_factory=lambda: defaultdict(float))
    both: float = 0.0  # weight of the whole sentences that name both calls' partners
    total: float = 0.0  # weight of all whole sentences
    said: bool = False  # a witness itself says "in both calls"
    pins_by_doc: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def _votes(cluster: Cluster) -> _Votes:
    votes = _Votes()
    for member in cluster.members:
        evidence = member.evidence
        if evidence is None:
            continue
        for person, weight in evidence.counterparts.items():
            votes.weights[person] += weight
        for day, weight in evidence.dates.items():
            votes.dates[day] += weight * member.weight
        if member.fragment:
            continue
        votes.total += member.weight
        votes.both += member.weight if evidence.both else 0.0
        votes.said = votes.said or (
            evidence.both_said and member.unit.kind != PassageKind.PARAPHRASE
        )
        if evidence.explicit:
            votes.pins_by_doc[member.doc.id].add(evidence.explicit)
    return votes


def _called_that_day(
    weights: dict[str, float], calls: Counter[tuple[str, dt.date]] | None, date: dt.date | None
) -> dict[str, float]:
    """A counterpart the articles say was called on other days, never this one, is out."""
    if not calls or date is None:
        return weights
    called = {p for p, _ in calls}
    that_day = {p for (p, d) in calls if abs((d - date).days) <= 1}
    kept = {p: w for p, w in weights.items() if p in that_day or p not in called}
    return kept or weights


def place(cluster: Cluster, calls: Counter[tuple[str, dt.date]] | None = None) -> Placement | None:
    """The counterpart(s) and day a cluster's evidence points to, or None if unknown.

    `calls` are the (counterpart, day) calls the articles announce; a sentence of a day
    with announced calls goes only to counterparts called that day."""
    votes = _votes(cluster)
    dates = votes.dates
    # on a tie the earlier day: a call is reported on its day or after, never before
    date = max(dates.items(), key=lambda kv: (kv[1], -kv[0].toordinal()))[0] if dates else None
    if not votes.weights:
        return None
    weights = _called_that_day(votes.weights, calls, date)
    top = max(weights.values())
    chosen = {p for p, w in weights.items() if w >= 0.8 * top}
    for pins in votes.pins_by_doc.values():
        if len(pins) > 1:
            chosen |= pins  # one article quotes it from each call: it was in each
    # "In both calls, ..." in a quote, or most witnesses naming both calls' partners
    both = votes.said or (votes.total > 0 and votes.both >= votes.total / 2)
    return Placement(tuple(sorted(chosen)), date, both=both)


def snap_dates(
    placements: Sequence[Placement | None], strength: Sequence[float]
) -> list[Placement | None]:
    """A day next to a much better-attested day of the same counterpart is that day
    (a report dated the morning after a call)."""
    totals: dict[tuple[str, dt.date], float] = defaultdict(float)
    for placement, weight in zip(placements, strength, strict=True):
        if placement and placement.date:
            for person in placement.counterparts:
                totals[(person, placement.date)] += weight
    out: list[Placement | None] = []
    for placement in placements:
        if placement is None or placement.date is None or placement.fixed_readouts:
            out.append(placement)
            continue
        date = placement.date

        def attested(day: dt.date, people: tuple[str, ...] = placement.counterparts) -> float:
            return sum(totals[(person, day)] for person in people)

        near = [date + dt.timedelta(days=-1), date + dt.timedelta(days=1)]
        best = max(near, key=attested)
        if attested(best) > attested(date):
            date = best
        out.append(Placement(placement.counterparts, date, both=placement.both))
    return out


def widen_to_twins(placements: Sequence[Placement | None]) -> list[Placement | None]:
    """ "In both calls": a sentence so marked belongs to every call of its day."""
    by_day: dict[dt.date, set[str]] = defaultdict(set)
    for placement in placements:
        if placement and placement.date and not placement.fixed_readouts:
            by_day[placement.date].update(placement.counterparts)
    out: list[Placement | None] = []
    for placement in placements:
        if placement and placement.both and placement.date:
            wider = tuple(sorted(set(placement.counterparts) | by_day[placement.date]))
            placement = Placement(wider, placement.date, both=True)
        out.append(placement)
    return out
