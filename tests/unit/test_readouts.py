from __future__ import annotations

import datetime as dt

import pytest

from readout_diff.readouts import (
    Placement,
    ReadoutSpecError,
    parse_specs,
    snap_dates,
    widen_to_twins,
)


def test_parse_specs() -> None:
    (spec,) = parse_specs(
        '[[readout]]\nid = "a"\ncounterpart = "Ana Lima"\n'
        'aliases = ["Ms Lima"]\ndate = 2026-01-02\ncountry = "Peru"\n'
    )
    assert (spec.id, spec.counterpart, spec.aliases, spec.date, spec.country) == (
        "a",
        "Ana Lima",
        ("Ms Lima",),
        "2026-01-02",
        "Peru",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[readout]\n", "not valid TOML"),
        ("x = 1\n", "no \\[\\[readout\\]\\] tables"),
        ('[[readout]]\ncounterpart = "X"\n', 'readout 1 has no "id"'),
        (
            '[[readout]]\nid = "a"\ncounterpart = "X"\n[[readout]]\nid = "a"\ncounterpart = "Y"\n',
            'readout id "a" is used twice',
        ),
        (
            '[[readout]]\nid = "a"\ncounterpart = "X"\ndate = "May 1"\n',
            'date "May 1" is not YYYY-MM-DD',
        ),
        ('[[readout]]\nid = "a"\ncounterpart = "X"\naliases = "Y"\n', "must be a list"),
    ],
)
def test_bad_specs(text: str, message: str) -> None:
    with pytest.raises(ReadoutSpecError, match=message):
        parse_specs(text)


def test_a_day_beside_a_better_attested_day_snaps_to_it() -> None:
    a = Placement(("person:x",), dt.date(2026, 1, 2))
    b = Placement(("person:x",), dt.date(2026, 1, 3))
    snapped = snap_dates([a, b], [5.0, 1.0])
    assert [p.date for p in snapped if p] == [dt.date(2026, 1, 2), dt.date(2026, 1, 2)]


def test_both_calls_widen_to_the_days_counterparts() -> None:
    day = dt.date(2026, 1, 2)
    placements = [
        Placement(("person:x",), day),
        Placement(("person:y",), day),
        Placement(("person:x",), day, both=True),
    ]
    wide = widen_to_twins(placements)
    assert wide[2] is not None and wide[2].counterparts == ("person:x", "person:y")
