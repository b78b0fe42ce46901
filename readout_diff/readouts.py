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
from dataclasses import dataclass

from .align import Cluster
from .entities import Cast
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
        rid = table.get("id")
        counterpart = table.get("counterpart")
        if not isinstance(rid, str) or not rid.strip():
            raise ReadoutSpecError(f'readout {number} has no "id"')
        if "/" in rid:
            raise ReadoutSpecError(f'readout id "{rid}" may not contain "/"')
        if rid in seen:
            raise ReadoutSpecError(f'readout id "{rid}" is used twice')
        seen.add(rid)
        if not isinstance(counterpart, str) or not counterpart.strip():
            raise ReadoutSpecError(f'readout "{rid}" has no "counterpart"')
        aliases = table.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ReadoutSpecError(f'readout "{rid}": "aliases" must be a list of strings')
        date = table.get("date")
        if isinstance(date, dt.date):
            date = date.isoformat()
        if date is not None and not isinstance(date, str):
            raise ReadoutSpecError(f'readout "{rid}": "date" must be a date')
        if isinstance(date, str):
            try:
                dt.date.fromisoformat(date)
            except ValueError:
                raise ReadoutSpecError(
                    f'readout "{rid}": date "{date}" is not YYYY-MM-DD'
                ) from None
        official = table.get("official")
        official_text = table.get("official_text")
        specs.append(
            ReadoutSpec(
                rid,
                counterpart,
                tuple(aliases),
                date,
                table.get("country"),
                official if isinstance(official, str) else None,
                official_text if isinstance(official_text, str) else None,
            )
        )
    return specs


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a cluster goes: counterparts (one, or twins) and a day."""

    counterparts: tuple[str, ...]
    date: dt.date | None
    fixed_readouts: tuple[ReadoutKey, ...] = ()  # the official readouts a sentence is part of
    both: bool = False  # a witness says it was said in both (all) calls of the day


def place(
    cluster: Cluster, cast: Cast, calls: Counter[tuple[str, dt.date]] | None = None
) -> Placement | None:
    """The counterpart(s) and day a cluster's evidence points to, or None if unknown.

    `calls` are the (counterpart, day) calls the articles announce; a sentence of a day
    with announced calls goes only to counterparts called that day."""
    weights: dict[str, float] = defaultdict(float)
    dates: dict[dt.date, float] = defaultdict(float)
    both = 0.0
    total = 0.0
    said = False
    pins_by_doc: dict[str, set[str]] = defaultdict(set)
    for member in cluster.members:
        evidence = member.evidence
        if evidence is None:
            continue
        for person, weight in evidence.counterparts.items():
            weights[person] += weight
        for day, weight in evidence.dates.items():
            dates[day] += weight * member.weight
        if not member.fragment:
            total += member.weight
            both += member.weight if evidence.both else 0.0
            said = said or (evidence.both_said and member.unit.kind != PassageKind.PARAPHRASE)
        if evidence.explicit and not member.fragment:
            pins_by_doc[member.doc.id].add(evidence.explicit)
    # on a tie the earlier day: a call is reported on its day or after, never before
    date = max(dates.items(), key=lambda kv: (kv[1], -kv[0].toordinal()))[0] if dates else None
    if not weights:
        return None
    if calls and date is not None:
        # a counterpart the articles say was called on other days, never this one, is out
        called = {p for p, _ in calls}
        that_day = {p for (p, d) in calls if abs((d - date).days) <= 1}
        kept = {p: w for p, w in weights.items() if p in that_day or p not in called}
        weights = kept or weights
    top = max(weights.values())
    chosen = {p for p, w in weights.items() if w >= 0.8 * top}
    for pins in pins_by_doc.values():
        if len(pins) > 1:
            chosen |= pins  # one article quotes it from each call: it was in each
    # "In both calls, ..." in a quote, or most witnesses naming both calls' partners
    return Placement(tuple(sorted(chosen)), date, both=said or (total > 0 and both >= total / 2))


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
