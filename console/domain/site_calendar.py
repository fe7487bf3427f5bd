"""Where the official calendar comes from: the ``chinesecalendar`` package's tables, and the site
calendar file ``db/calendar/site_calendar.toml`` holding later years' State Council notices.

Parsing is strict: every mistake in the site file is a ValueError naming the file, the
``[years.YYYY]`` section and the entry. See :mod:`console.domain.calendar` for the rules.
Pure Python.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from chinese_calendar import constants as _package_constants

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# The package's own tables. Typed here because the package ships no type information.
PACKAGE_HOLIDAYS: Mapping[date, str] = _package_constants.holidays  # 法定节假日 (incl. weekends)
PACKAGE_WORKDAYS: Mapping[date, str] = _package_constants.workdays  # 调休上班日


def package_years() -> range:
    """Years the ``chinesecalendar`` package covers (it raises NotImplementedError outside).

    Same bounds as the package's own check: first to last year that has a holiday entry.
    """
    years = [d.year for d in PACKAGE_HOLIDAYS]
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

    def __reduce__(self) -> tuple[type[SiteYear], tuple[object, ...]]:
        """Picklable (a mapping proxy is not): the demo loader hands the calendar to workers."""
        return SiteYear, (self.year, self.source, dict(self.holidays), dict(self.workdays))


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

    def __reduce__(self) -> tuple[type[SiteCalendar], tuple[object, ...]]:
        return SiteCalendar, (dict(self.years), self.origin)


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
    """Parse site-calendar TOML text; every error is a ValueError naming ``origin`` and, where
    it can be found, the line: ``origin:LINE: [years.YYYY] …``.

    Checks the file's own consistency only; whether a year clashes with the package is
    checked by :func:`load_site_calendar` and :class:`BusinessCalendar`.
    """
    try:
        return _parse(text, origin)
    except ValueError as exc:
        raise ValueError(_with_line(str(exc), origin, text)) from exc


def _parse(text: str, origin: str) -> SiteCalendar:
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


def reject_package_years(site: SiteCalendar) -> None:
    covered = package_years()
    clashing = sorted(year for year in site.years if year in covered)
    if clashing:
        raise ValueError(
            f"{site.origin}: [years.{clashing[0]}]: {clashing[0]} is already covered by the "
            f"chinesecalendar package ({covered.start}–{covered.stop - 1}), which is "
            "authoritative for it; remove the section (or upgrade the package instead)"
        )


def load_site_calendar(path: Path) -> SiteCalendar:
    """Read and validate the site calendar file; errors are ValueErrors naming the file and,
    where it can be found, the line (an unreadable file: OSError)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    site = parse_site_calendar(text, origin=str(path))
    try:
        reject_package_years(site)
    except ValueError as exc:
        raise ValueError(_with_line(str(exc), str(path), text)) from None
    return site


_SECTION = re.compile(r"\[years\.([^\]\s]+)\]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_KEY = re.compile(
    r"(?:unknown key\(s\)|unknown top-level key\(s\)) (\w+)|'(\w+)'|[\] ](holidays|workdays)"
)


def _with_line(message: str, origin: str, text: str) -> str:
    """``message`` (which starts with ``origin: ``) with the line it is about after ``origin``:
    the first line of the named ``[years.YYYY]`` section holding the date (else the key) the
    message names, else the section's header; unchanged when nothing can be found."""
    prefix = f"{origin}: "
    if not message.startswith(prefix):
        return message
    why = message[len(prefix) :]
    syntax = re.search(r"at line (\d+)", why)
    if syntax:
        return f"{origin}:{syntax[1]}: {why}"
    lines = text.splitlines()
    section = _SECTION.search(why)
    begin, end = 0, len(lines)
    header: int | None = None
    if section:
        head = re.compile(rf"\s*\[\s*years\s*\.\s*[\"']?{re.escape(section[1])}[\"']?\s*\]")
        header = next((n for n, line in enumerate(lines) if head.match(line)), None)
        if header is not None:
            begin = header + 1
            after = (n for n in range(begin, end) if re.match(r"\s*\[", lines[n]))
            end = next(after, end)
    needles = [re.escape(d) for d in _DATE.findall(why)]
    key = _KEY.search(why)
    if key:
        name = next(g for g in key.groups() if g)
        needles.append(rf"^\s*\[*\s*[\"']?{name}[\"']?\s*[=.\]]")
    for needle in needles:
        for n in range(begin, end):
            if re.search(needle, lines[n].split("#", 1)[0]):
                return f"{origin}:{n + 1}: {why}"
    return f"{origin}:{header + 1}: {why}" if header is not None else message
