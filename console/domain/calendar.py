"""Official business calendar: working days, working-day deadlines and natural-hour deadlines.

Why this exists: 12345 ⇄ 110 linkage orders carry deadlines counted in *working days* (工作日),
and China's working days are not "Monday to Friday": public holidays (法定节假日) are rest days
and official make-up workdays (调休) turn weekend days into working days. Getting this wrong
by one day marks a seat overdue (or not) in front of supervisors, so the rules live here, once.

Sources, in order of authority:

1. The ``chinesecalendar`` package (import name ``chinese_calendar``), which transcribes the
   State Council notices (国务院办公厅关于部分节假日安排的通知) for every year it covers
   (2004–2026 at version 1.11). For those years it is the only source.
2. The site calendar ``db/calendar/site_calendar.toml``, where IT enters later years' notices
   as they are published (a deadline set on 30 December runs into next year). It may not
   redefine a year the package covers: loading such a file raises, naming the year.
3. Any other year falls back to "weekends are rest days" and is *unofficial*: the dates work,
   but :meth:`BusinessCalendar.is_official` is False and deadlines crossing them are flagged provisional.

Deadline rule: the day of ``start`` never counts; the deadline is 23:59:59 China time
(Asia/Shanghai) on the ``days``-th working day after it. "The day of start" is the China date
of the instant, whatever zone ``start`` is expressed in. Deadlines are returned as aware
datetimes **in UTC** so they compare and store uniformly; convert with
``.astimezone(CHINA_TZ)`` for display.

Pure Python: no Qt, no database (see STYLE.md).
"""

from __future__ import annotations

import math
import operator
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from console.domain.site_calendar import (
    PACKAGE_HOLIDAYS,
    PACKAGE_WORKDAYS,
    SiteCalendar,
    SiteYear,
    load_site_calendar,
    package_years,
    parse_site_calendar,
    reject_package_years,
)
from console.paths import bundle_path

__all__ = [
    "CHINA_TZ",
    "BusinessCalendar",
    "Deadline",
    "SiteCalendar",
    "SiteYear",
    "china_date",
    "hours_after",
    "load_calendar",
    "load_site_calendar",
    "package_years",
    "parse_site_calendar",
    "site_calendar_path",
]

CHINA_TZ = ZoneInfo("Asia/Shanghai")
"""Deadlines are defined in China time, wherever the console or its database runs."""

_END_OF_DAY = time(23, 59, 59)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# --------------------------------------------------------------------------- the calendar


@dataclass(frozen=True, slots=True)
class _YearTable:
    """Precomputed working days of one year, as date ordinals, so lookups are O(1)/O(log n)."""

    official: bool
    working: frozenset[int]
    ordinals: tuple[int, ...]  # the same days, sorted


@dataclass(frozen=True, slots=True)
class Deadline:
    """A working-day deadline and whether every counted day came from an official notice."""

    at: datetime  # aware, UTC
    official: bool


def china_date(moment: datetime) -> date:
    """The China (Asia/Shanghai) calendar date of an aware instant.

    Naive datetimes are refused: guessing their zone is how deadlines drift by a day.
    """
    if moment.utcoffset() is None:
        raise ValueError(
            f"datetime {moment.isoformat()} is naive; pass a timezone-aware datetime "
            "(e.g. tzinfo=CHINA_TZ or datetime.UTC)"
        )
    return moment.astimezone(CHINA_TZ).date()


def _check_days(days: int) -> int:
    count = operator.index(days)  # TypeError for floats: half working days do not exist
    if count < 1:
        raise ValueError(f"days must be >= 1 (the start day never counts), got {days!r}")
    return count


def _check_plain_date(d: date) -> None:
    if isinstance(d, datetime):
        raise TypeError(
            f"expected a date, got datetime {d.isoformat()}; use china_date(moment) so the "
            "China date is used, not the datetime's own zone's date"
        )


class BusinessCalendar:
    """Working-day arithmetic over the package's data plus a site calendar.

    Per-year tables are precomputed (official years eagerly, fallback years on first use), so
    :meth:`is_working_day` is a set membership and :meth:`working_days_after` a bisect.
    """

    def __init__(self, site: SiteCalendar | None = None) -> None:
        site = site if site is not None else SiteCalendar()
        reject_package_years(site)
        self.site = site
        covered = package_years()
        rest: dict[int, set[date]] = {year: set() for year in covered}
        work: dict[int, set[date]] = {year: set() for year in covered}
        for day in PACKAGE_HOLIDAYS:
            rest[day.year].add(day)
        for day in PACKAGE_WORKDAYS:
            work[day.year].add(day)
        for year, notice in site.years.items():
            rest[year] = set(notice.holidays)
            work[year] = set(notice.workdays)
        self.official_years: frozenset[int] = frozenset(rest)
        # Written only with immutable, deterministic values: a race just computes a table twice.
        self._tables: dict[int, _YearTable] = {
            year: _build_year(year, rest[year], work[year], official=True) for year in rest
        }

    def __reduce__(self) -> tuple[type[BusinessCalendar], tuple[SiteCalendar]]:
        """Pickled as its site calendar (the demo loader's worker processes rebuild the tables)."""
        return BusinessCalendar, (self.site,)

    def _table(self, year: int) -> _YearTable:
        table = self._tables.get(year)
        if table is None:
            if not MINYEAR <= year <= MAXYEAR:
                raise ValueError(f"year {year} is outside the supported range {MINYEAR}–{MAXYEAR}")
            table = _build_year(year, set(), set(), official=False)
            self._tables[year] = table
        return table

    def is_working_day(self, d: date) -> bool:
        """True on working days (incl. 调休 make-up days), False on weekends and holidays."""
        _check_plain_date(d)
        return d.toordinal() in self._table(d.year).working

    def is_official(self, d: date) -> bool:
        """True when ``d``'s year comes from a State Council notice (package or site file)."""
        _check_plain_date(d)
        return d.year in self.official_years

    def _deadline_ordinals(self, start: datetime, days: int) -> tuple[date, int]:
        count = _check_days(days)
        first = china_date(start)
        year = first.year
        ordinals = self._table(year).ordinals
        index = bisect_right(ordinals, first.toordinal()) + count - 1
        while index >= len(ordinals):
            index -= len(ordinals)
            year += 1
            ordinals = self._table(year).ordinals
        return first, ordinals[index]

    def working_days_after(self, start: datetime, days: int) -> datetime:
        """Deadline: 23:59:59 China time on the ``days``-th working day after ``start``'s
        China date (that date itself never counts), as an aware datetime in UTC.

        Raises ValueError for a naive ``start`` or ``days < 1``.
        """
        _, ordinal = self._deadline_ordinals(start, days)
        return _end_of_china_day(ordinal)

    def working_deadline(self, start: datetime, days: int) -> Deadline:
        """:meth:`working_days_after` plus whether every counted day was official, in one pass."""
        first, ordinal = self._deadline_ordinals(start, days)
        first_counted_year = date.fromordinal(first.toordinal() + 1).year
        last_year = date.fromordinal(ordinal).year
        official = all(
            year in self.official_years for year in range(first_counted_year, last_year + 1)
        )
        return Deadline(at=_end_of_china_day(ordinal), official=official)

    def deadline_is_official(self, start: datetime, days: int) -> bool:
        """False when the count crosses a year no notice covers (show it as provisional)."""
        return self.working_deadline(start, days).official


def _build_year(
    year: int, rest: Iterable[date], work: Iterable[date], *, official: bool
) -> _YearTable:
    rest_days = {d.toordinal() for d in rest}
    work_days = {d.toordinal() for d in work}
    first = date(year, 1, 1).toordinal()
    last = date(year, 12, 31).toordinal()
    working = [
        ordinal
        for ordinal in range(first, last + 1)
        # date.toordinal() of a Monday is ≡ 1 (mod 7): weekday() == (ordinal + 6) % 7.
        if ordinal in work_days or ((ordinal + 6) % 7 < 5 and ordinal not in rest_days)
    ]
    return _YearTable(official=official, working=frozenset(working), ordinals=tuple(working))


def _end_of_china_day(ordinal: int) -> datetime:
    return datetime.combine(date.fromordinal(ordinal), _END_OF_DAY, tzinfo=CHINA_TZ).astimezone(UTC)


def hours_after(start: datetime, hours: float) -> datetime:
    """Hour deadlines are natural (elapsed) time, holidays included; returned in UTC.

    Computed in UTC so a zone with daylight saving cannot shift the result.
    """
    if start.utcoffset() is None:
        raise ValueError(f"datetime {start.isoformat()} is naive; pass a timezone-aware datetime")
    if not math.isfinite(hours) or hours < 0:
        raise ValueError(f"hours must be a finite number >= 0, got {hours!r}")
    return start.astimezone(UTC) + timedelta(hours=hours)


# --------------------------------------------------------------------------- loading


def load_calendar(site_file: Path | None = None) -> BusinessCalendar:
    """The package's calendar plus the site file (default: the shipped
    ``db/calendar/site_calendar.toml``). Built once by the composition root or the command that
    needs it and passed down; a mistake in the file is a ValueError naming the file and line."""
    return BusinessCalendar(load_site_calendar(site_file or site_calendar_path()))


def site_calendar_path() -> Path:
    return bundle_path("db", "calendar", "site_calendar.toml")
