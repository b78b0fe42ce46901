"""Find dates in article text: full dates, dates without a year, weekdays, "today".

A readout's day is rarely printed in full next to its words, so each mention is kept
with its offset and resolved later against the document's own date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .scanning import initials_of, starting_with

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Each month's first spelling is its full name.
MONTH_NAMES = [next(n for n, k in MONTHS.items() if k == m) for m in range(1, 13)]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    starting_with("12", r"(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b", word=True),
    starting_with(
        initials_of(MONTHS), rf"{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?", re.IGNORECASE, word=True
    ),
    starting_with("0-9", rf"{_DAY}\s+{_MONTH}\b(?:,?\s+{_YEAR}\b)?", re.IGNORECASE, word=True),
]
_WEEKDAY = starting_with(
    initials_of(WEEKDAYS), r"(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE, word=True
)
_RELATIVE = starting_with(
    "ty", r"(?P<rel>today|yesterday|this morning|this evening|tonight)\b", re.I, word=True
)
_DATE_LINE = re.compile(r"^\s*(?:date|published|dated)\s*:?\s*(\S.*?)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date-like phrase at [start, end) of a text."""

    start: int
    end: int
    month: int | None = None
    day: int | None = None
    year: int | None = None
    weekday: int | None = None  # 0 = Monday
    relative: int | None = None  # days from the document's date: 0 today, -1 yesterday

    def resolve(self, reference: dt.date | None) -> dt.date | None:
        """The calendar day this mention names, given the document's own date."""
        if self.month and self.day:
            return self._calendar_day(self.month, self.day, reference)
        if reference is None:
            return None
        if self.relative is not None:
            return reference + dt.timedelta(days=self.relative)
        if self.weekday is not None:
            back = (reference.weekday() - self.weekday) % 7
            return reference - dt.timedelta(days=back)
        return None

    def _calendar_day(self, month: int, day: int, reference: dt.date | None) -> dt.date | None:
        """A month and day in the mention's year, else the document's; a day more than a
        month after the document's date is from the year before."""
        year = self.year or (reference.year if reference else None)
        if year is None:
            return None
        try:
            found = dt.date(year, month, day)
            if self.year is None and reference and found > reference + dt.timedelta(days=31):
                found = found.replace(year=year - 1)
        except ValueError:  # 31 April, or 29 February of a year that has none
            return None
        return found


def find_dates(text: str) -> list[DateMention]:
    """Every date mention, sorted by position; a weekday next to a date merges into it."""
    found: list[DateMention] = []
    taken = bytearray(len(text) + 1)  # characters already inside a date: linear, not n*m
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if taken.find(1, m.start(), m.end()) != -1:
                continue
            groups = m.groupdict()
            month = int(groups["mon"]) if groups.get("mon") else MONTHS[groups["month"].lower()]
            day = int(groups["day"])
            if not 1 <= day <= 31:
                continue
            year = int(groups["year"]) if groups.get("year") else None
            found.append(DateMention(m.start(), m.end(), month, day, year))
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    starts = {d.start for d in found}
    for m in _WEEKDAY.finditer(text):
        if not any(m.end() + gap in starts for gap in range(4)):
            found.append(DateMention(m.start(), m.end(), weekday=WEEKDAYS.index(m.group().lower())))
    for m in _RELATIVE.finditer(text):
        found.append(DateMention(m.start(), m.end(), relative=_days_from_today(m)))
    return sorted(found, key=lambda d: d.start)


def relative_days(text: str) -> list[int]:
    """The days a text names relative to its document's date ("today" 0, "yesterday" -1),
    in order: all some callers need of `find_dates`, without its full-date patterns."""
    return [_days_from_today(m) for m in _RELATIVE.finditer(text)]


def _days_from_today(match: re.Match[str]) -> int:
    return -1 if match.group().lower() == "yesterday" else 0


def parse_date(value: str) -> dt.date | None:
    """A full date from metadata ("2025-05-01", "May 1, 2025", "2025-05-01T10:00Z")."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    for mention in find_dates(value):
        if mention.year:
            return mention.resolve(None)
    return None


def leading_date_line(text: str) -> tuple[dt.date, int] | None:
    """A first line such as "date 2025-05-01": the date and where the line's date ends."""
    first = text.lstrip().split("\n", 1)[0]
    match = _DATE_LINE.match(first)
    if not match:
        return None
    mentions = [m for m in find_dates(match.group(1)) if m.year]
    if not mentions or mentions[0].start != 0:
        return None
    date = mentions[0].resolve(None)
    if date is None:
        return None
    line_start = text.index(first)
    return date, line_start + match.start(1) + mentions[0].end
