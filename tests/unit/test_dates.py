from __future__ import annotations

import datetime as dt

from readout_diff.dates import find_dates, leading_date_line, parse_date


def test_full_and_partial_dates() -> None:
    text = "on Thursday (May 8), April 30, 2025, 22 April and 2025-05-01 today"
    found = [
        (text[m.start : m.end], m.month, m.day, m.year, m.weekday, m.relative)
        for m in find_dates(text)
    ]
    assert found == [
        ("May 8", 5, 8, None, None, None),
        ("April 30, 2025", 4, 30, 2025, None, None),
        ("22 April", 4, 22, None, None, None),
        ("2025-05-01", 5, 1, 2025, None, None),
        ("today", None, None, None, None, 0),
    ]


def test_resolving_against_the_document_date() -> None:
    ref = dt.date(2025, 5, 1)  # a Thursday
    weekday, yesterday, undated = (
        find_dates("Wednesday")[0],
        find_dates("yesterday")[0],
        find_dates("Dec 30")[0],
    )
    assert weekday.resolve(ref) == dt.date(2025, 4, 30)
    assert yesterday.resolve(ref) == dt.date(2025, 4, 30)
    assert undated.resolve(ref) == dt.date(2024, 12, 30)


def test_leading_date_line() -> None:
    text = " date 2025-05-01 US Secretary of State Marco Rubio has spoken"
    assert leading_date_line(text) == (dt.date(2025, 5, 1), 16)
    assert leading_date_line("Dated: not a date\nbody") is None


def test_parse_date() -> None:
    assert parse_date("2026-03-11T23:58:00Z") == dt.date(2026, 3, 11)
    assert parse_date("March 11, 2026") == dt.date(2026, 3, 11)
    assert parse_date("soon") is None
