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
   but :func:`is_official` is False and deadlines crossing them are flagged provisional.

Deadline rule: the day of ``start`` never counts; the deadline is 23:59:59 China time
(Asia/Shanghai) on the ``days``-th working day after it. "The day of start" is the China date
of the instant, whatever zone ``start`` is expressed in. Deadlines are returned as aware
datetimes **in UTC** so they compare and store uniformly; convert with
``.astimezone(CHINA_TZ)`` for display.

Pure Python: no Qt, no database (see STYLE.md).
"""

from __future__ import annotations

import functools
import math
import operator
import tomllib
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import MAXYEAR, MINYEAR, UTC, date, datetime, time, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

from chinese_calendar import constants as _package_constants

from console.paths import bundle_path

__all__ = [
    "CHINA_TZ",
    "BusinessCalendar",
    "Deadline",
    "SiteCalendar",
    "SiteYear",
    "china_date",
    "deadline_is_official",
    "default_calendar",
    "hours_after",
    "is_official",
    "is_working_day",
    "load_site_calendar",
    "package_years",
    "parse_site_calendar",
    "working_days_after",
    "working_deadline",
]

CHINA_TZ = ZoneInfo("Asia/Shanghai")
"""Deadlines are defined in China time, wherever the console or its database runs."""

_END_OF_DAY = time(23, 59, 59)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# The package's own tables. Typed here because the package ships no type information.
_PACKAGE_HOLIDAYS: Mapping[date, str] = _package_constants.holidays  # 法定节假日 (incl. weekends)
_PACKAGE_WORKDAYS: Mapping[date, str] = _package_constants.workdays  # 调休上班日


def package_years() -> range:
    """Years the ``chinesecalendar`` package covers (it raises NotImplementedError outside).

    Same bounds as the package's own check: first to last year that has a holiday entry.
    """
    years = [d.year for d in _PACKAGE_HOLIDAYS]
    return range(min(years), max(years) + 1)


# --------------------------------------------------------------------------- site calendar


@dataclass(frozen=True)
class SiteYear:
    """One year's State Council notice as entered by IT in the site calendar.

    ``holidays`` are rest days (list every date of each holiday, weekend ones included; a
    holiday on a weekend is harmless). ``workdays`` are weekend days declared working days
    (调休); a weekday there is an error because it would mean nothing. Validated on
    construction, so injected test data gets the same checks as the file.
    """

    year: int
    source: str
    holidays: Mapping[date, str]
    workdays: Mapping[date, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        where = f"[years.{self.year}]"
        if not isinstance(self.source, str) or not self.source.strip():
            raise ValueError(f"{where}: 'source' must name the notice, e.g. 国办发明电〔…〕N号")
        if not self.holidays:
            raise ValueError(
                f"{where}: no holidays listed; every notice has at least 元旦 (New Year's Day)"
            )
        for kind, entries in (("holidays", self.holidays), ("workdays", self.workdays)):
            for day, name in entries.items():
                entry = _format_entry(day, name)
                if isinstance(day, datetime) or not isinstance(day, date):
                    raise ValueError(f"{where} {kind} {entry}: date must be a plain date")
                if day.year != self.year:
                    raise ValueError(
                        f"{where} {kind} {entry}: date belongs to {day.year}, not {self.year}"
                    )
                if not isinstance(name, str) or not name.strip():
                    raise ValueError(f"{where} {kind} {entry}: 'name' must be a non-empty text")
        for day, name in self.workdays.items():
            if day.weekday() < 5:
                raise ValueError(
                    f"{where} workdays {_format_entry(day, name)}: {day} is a "
                    f"{_WEEKDAY_NAMES[day.weekday()]}, already a working day; list only weekend "
                    "days that become working days (调休)"
                )
        both = sorted(set(self.holidays) & set(self.workdays))
        if both:
            raise ValueError(
                f"{where}: {', '.join(map(str, both))} listed both as holiday and as workday"
            )
        object.__setattr__(self, "holidays", MappingProxyType(dict(self.holidays)))
        object.__setattr__(self, "workdays", MappingProxyType(dict(self.workdays)))


@dataclass(frozen=True)
class SiteCalendar:
    """Parsed site calendar: the notices for years the package does not cover."""

    years: Mapping[int, SiteYear] = field(default_factory=dict)
    origin: str = "<site calendar>"

    def __post_init__(self) -> None:
        for key, entry in self.years.items():
            if key != entry.year:
                raise ValueError(f"{self.origin}: year key {key} holds the notice for {entry.year}")
        object.__setattr__(self, "years", MappingProxyType(dict(self.years)))


def _format_entry(day: object, name: object) -> str:
    shown_day = day.isoformat() if isinstance(day, date) else repr(day)
    return f"{{date = {shown_day}, name = {name!r}}}"


def _parse_entries(raw: object, *, where: str) -> dict[date, str]:
    if not isinstance(raw, list):
        raise ValueError(f'{where}: must be a list like [ {{date = 2027-01-01, name = "元旦"}} ]')
    entries: dict[date, str] = {}
    for index, item in enumerate(raw):
        here = f"{where}[{index}]"
        if not isinstance(item, dict):
            raise ValueError(f'{here} {item!r}: each entry must be {{date = ..., name = "..."}}')
        unknown = sorted(set(item) - {"date", "name"})
        if unknown:
            raise ValueError(f"{here} {item!r}: unknown key(s) {', '.join(unknown)}")
        day, name = item.get("date"), item.get("name")
        entry = _format_entry(day, name)
        if isinstance(day, datetime) or not isinstance(day, date):
            raise ValueError(f"{here} {entry}: 'date' must be a bare TOML date like 2027-01-01")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{here} {entry}: 'name' must be a non-empty text")
        if day in entries:
            raise ValueError(f"{here} {entry}: duplicate date {day} (already listed)")
        entries[day] = name
    return entries


def parse_site_calendar(text: str, *, origin: str = "<site calendar>") -> SiteCalendar:
    """Parse site-calendar TOML text; every error is a ValueError naming ``origin``.

    Checks the file's own consistency only; whether a year clashes with the package is
    checked by :func:`load_site_calendar` and :class:`BusinessCalendar`.
    """
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{origin}: not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"years"})
    if unknown:
        raise ValueError(
            f"{origin}: unknown top-level key(s) {', '.join(unknown)}; use [years.YYYY]"
        )
    raw_years = data.get("years", {})
    if not isinstance(raw_years, dict):
        raise ValueError(f"{origin}: 'years' must be a table of [years.YYYY] sections")
    years: dict[int, SiteYear] = {}
    for key, body in raw_years.items():
        where = f"[years.{key}]"
        if not (key.isascii() and key.isdigit() and len(key) == 4):
            raise ValueError(f"{origin}: {where}: the section name must be a 4-digit year")
        year = int(key)
        if not isinstance(body, dict):
            raise ValueError(f"{origin}: {where} must be a table with source/holidays/workdays")
        unknown = sorted(set(body) - {"source", "holidays", "workdays"})
        if unknown:
            raise ValueError(f"{origin}: {where}: unknown key(s) {', '.join(unknown)}")
        try:
            years[year] = SiteYear(
                year=year,
                source=body.get("source", ""),
                holidays=_parse_entries(body.get("holidays", []), where=f"{where} holidays"),
                workdays=_parse_entries(body.get("workdays", []), where=f"{where} workdays"),
            )
        except ValueError as exc:
            raise ValueError(f"{origin}: {exc}") from exc
    return SiteCalendar(years=years, origin=origin)


def _reject_package_years(site: SiteCalendar) -> None:
    covered = package_years()
    clashing = sorted(year for year in site.years if year in covered)
    if clashing:
        raise ValueError(
            f"{site.origin}: [years.{clashing[0]}]: {clashing[0]} is already covered by the "
            f"chinesecalendar package ({covered.start}–{covered.stop - 1}), which is "
            "authoritative for it; remove the section (or upgrade the package instead)"
        )


def load_site_calendar(path: Path) -> SiteCalendar:
    """Read and validate the site calendar file; errors are ValueErrors naming the file."""
    site = parse_site_calendar(path.read_text(encoding="utf-8"), origin=str(path))
    _reject_package_years(site)
    return site


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
        _reject_package_years(site)
        self.site = site
        covered = package_years()
        rest: dict[int, set[date]] = {year: set() for year in covered}
        work: dict[int, set[date]] = {year: set() for year in covered}
        for day in _PACKAGE_HOLIDAYS:
            rest[day.year].add(day)
        for day in _PACKAGE_WORKDAYS:
            work[day.year].add(day)
        for year, notice in site.years.items():
            rest[year] = set(notice.holidays)
            work[year] = set(notice.workdays)
        self.official_years: frozenset[int] = frozenset(rest)
        # Written only with immutable, deterministic values: a race just computes a table twice.
        self._tables: dict[int, _YearTable] = {
            year: _build_year(year, rest[year], work[year], official=True) for year in rest
        }

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


# --------------------------------------------------------------------------- module-level API


@functools.cache
def default_calendar() -> BusinessCalendar:
    """The calendar built from the shipped site file, loaded once on first use."""
    return BusinessCalendar(load_site_calendar(bundle_path("db", "calendar", "site_calendar.toml")))


def is_working_day(d: date) -> bool:
    """See :meth:`BusinessCalendar.is_working_day` (default calendar)."""
    return default_calendar().is_working_day(d)


def is_official(d: date) -> bool:
    """See :meth:`BusinessCalendar.is_official` (default calendar)."""
    return default_calendar().is_official(d)


def working_days_after(start: datetime, days: int) -> datetime:
    """See :meth:`BusinessCalendar.working_days_after` (default calendar); result is in UTC."""
    return default_calendar().working_days_after(start, days)


def working_deadline(start: datetime, days: int) -> Deadline:
    """See :meth:`BusinessCalendar.working_deadline` (default calendar)."""
    return default_calendar().working_deadline(start, days)


def deadline_is_official(start: datetime, days: int) -> bool:
    """See :meth:`BusinessCalendar.deadline_is_official` (default calendar)."""
    return default_calendar().deadline_is_official(start, days)
