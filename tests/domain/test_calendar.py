"""Tests for the official business calendar (console.domain.calendar).

Expected dates come from the State Council notices:
- 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号)
- 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号)
The 2027 notice used in some tests is FAKE (injected), since the real one is not known.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain import calendar as calendar_module
from console.domain.calendar import (
    CHINA_TZ,
    BusinessCalendar,
    SiteCalendar,
    SiteYear,
    load_calendar,
    package_years,
)
from console.paths import bundle_path

SITE_FILE = bundle_path("db", "calendar", "site_calendar.toml")
NEW_YORK = ZoneInfo("America/New_York")

# FAKE 2027 notice for tests only: 1–3 January rest, nothing else.
FAKE_2027 = SiteYear(
    year=2027,
    source="FAKE notice for tests",
    holidays={date(2027, 1, d): "元旦" for d in (1, 2, 3)},
)
EMPTY = BusinessCalendar(SiteCalendar())
cal = load_calendar()  # the shipped calendar, as the console builds it
WITH_2027 = BusinessCalendar(SiteCalendar(years={2027: FAKE_2027}))


def cst(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    """A China-time instant."""
    return datetime(year, month, day, hour, minute, second, tzinfo=CHINA_TZ)


def end_of(d: date) -> datetime:
    """Expected deadline: 23:59:59 China time on ``d``, in UTC."""
    return datetime(d.year, d.month, d.day, 23, 59, 59, tzinfo=CHINA_TZ).astimezone(UTC)


def days_between(start: date, end: date) -> list[date]:
    return [start + timedelta(n) for n in range(1, (end - start).days + 1)]


# --------------------------------------------------------------------------- package data


class TestNotice2025:
    """国办发明电〔2024〕12号 — the 2025 holiday arrangement."""

    @pytest.mark.parametrize(
        "rest",
        [
            date(2025, 1, 1),  # 元旦
            *(date(2025, 1, 28) + timedelta(n) for n in range(8)),  # 春节 1月28日–2月4日
            *(date(2025, 10, 1) + timedelta(n) for n in range(8)),  # 国庆+中秋 10月1日–8日
        ],
    )
    def test_rest_days(self, rest: date) -> None:
        assert not cal.is_working_day(rest)
        assert cal.is_official(rest)

    @pytest.mark.parametrize(
        ("makeup", "weekday"),
        [
            (date(2025, 1, 26), 6),  # 春节调休, Sunday
            (date(2025, 2, 8), 5),  # 春节调休, Saturday
            (date(2025, 9, 28), 6),  # 国庆调休, Sunday
            (date(2025, 10, 11), 5),  # 国庆调休, Saturday
        ],
    )
    def test_makeup_workdays(self, makeup: date, weekday: int) -> None:
        assert makeup.weekday() == weekday
        assert cal.is_working_day(makeup)

    def test_days_around_spring_festival(self) -> None:
        assert cal.is_working_day(date(2025, 1, 27))
        assert cal.is_working_day(date(2025, 2, 5))
        assert not cal.is_working_day(date(2025, 1, 25))  # ordinary Saturday


class TestNotice2026:
    """国办发明电〔2025〕7号 — the 2026 holiday arrangement."""

    @pytest.mark.parametrize(
        "rest",
        [
            *(date(2026, 2, 15) + timedelta(n) for n in range(9)),  # 春节 2月15日–23日
            *(date(2026, 10, 1) + timedelta(n) for n in range(7)),  # 国庆 10月1日–7日
        ],
    )
    def test_rest_days(self, rest: date) -> None:
        assert not cal.is_working_day(rest)

    @pytest.mark.parametrize(
        ("makeup", "weekday"),
        [
            (date(2026, 2, 14), 5),  # 春节调休, Saturday
            (date(2026, 2, 28), 5),  # 春节调休, Saturday
            (date(2026, 9, 20), 6),  # 国庆调休, Sunday
            (date(2026, 10, 10), 5),  # 国庆调休, Saturday
        ],
    )
    def test_makeup_workdays(self, makeup: date, weekday: int) -> None:
        assert makeup.weekday() == weekday
        assert cal.is_working_day(makeup)

    def test_national_day_ends_on_the_7th(self) -> None:
        assert cal.is_working_day(date(2026, 10, 8))


def test_agrees_with_package_on_every_covered_day() -> None:
    """The precomputed tables match chinese_calendar.is_workday for 2004–2026, day by day."""
    years = package_years()
    assert years.start == 2004
    assert years.stop - 1 >= 2026
    day = date(years.start, 1, 1)
    while day.year < years.stop:
        assert EMPTY.is_working_day(day) == chinese_calendar.is_workday(day), day
        assert EMPTY.is_official(day)
        day += timedelta(1)


def test_year_outside_package_raises_in_package_but_falls_back_here() -> None:
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(date(2027, 1, 4))
    assert EMPTY.is_working_day(date(2027, 1, 1))  # a Friday: weekends-only fallback
    assert not EMPTY.is_working_day(date(2027, 1, 2))
    assert not EMPTY.is_official(date(2027, 1, 1))
    assert not EMPTY.is_official(date(2003, 12, 31))


# --------------------------------------------------------------------------- deadlines


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (cst(2025, 3, 7, 9, 0), 1, date(2025, 3, 10)),  # Friday → Monday
        (cst(2025, 3, 7, 9, 0), 5, date(2025, 3, 14)),
        (cst(2025, 10, 11, 9, 0), 1, date(2025, 10, 13)),  # start on 调休 Saturday
        (cst(2026, 2, 28, 9, 0), 1, date(2026, 3, 2)),  # start on 调休 Saturday
        (cst(2025, 1, 26, 9, 0), 1, date(2025, 1, 27)),  # start on 调休 Sunday
        (cst(2026, 2, 13, 9, 0), 1, date(2026, 2, 14)),  # eve of 春节 → 调休 Saturday
        (cst(2026, 2, 13, 9, 0), 2, date(2026, 2, 24)),  # ... then after the holiday
        (cst(2025, 1, 27, 9, 0), 1, date(2025, 2, 5)),  # eve of 春节 2025
        (cst(2025, 9, 30, 9, 0), 1, date(2025, 10, 9)),  # eve of 国庆 2025
        (cst(2026, 9, 30, 9, 0), 1, date(2026, 10, 8)),  # eve of 国庆 2026
        (cst(2026, 9, 30, 9, 0), 2, date(2026, 10, 9)),
        (cst(2026, 9, 30, 9, 0), 3, date(2026, 10, 10)),  # 调休 Saturday counts
        (cst(2025, 2, 1, 9, 0), 1, date(2025, 2, 5)),  # start on a holiday
        (cst(2025, 12, 31, 9, 0), 1, date(2026, 1, 4)),  # 元旦 1/1–3, then 调休 Sunday 1/4
        (cst(2025, 12, 31, 9, 0), 2, date(2026, 1, 5)),
        (cst(2025, 12, 31, 9, 0), 30, date(2026, 2, 12)),
    ],
)
def test_working_days_after(start: datetime, days: int, expected: date) -> None:
    result = cal.working_days_after(start, days)
    assert result == end_of(expected)
    assert result.tzinfo is UTC
    assert result.astimezone(CHINA_TZ).time().isoformat() == "23:59:59"
    assert cal.deadline_is_official(start, days)


def test_china_date_is_what_counts() -> None:
    """23:30 and 00:30 China time fall on the same UTC date but different China dates."""
    late = cst(2026, 2, 13, 23, 30)  # Friday, 15:30 UTC
    early = cst(2026, 2, 14, 0, 30)  # 调休 Saturday, 16:30 UTC
    assert late.astimezone(UTC).date() == early.astimezone(UTC).date() == date(2026, 2, 13)
    assert cal.working_days_after(late, 1) == end_of(date(2026, 2, 14))
    assert cal.working_days_after(early, 1) == end_of(date(2026, 2, 24))


def test_zone_of_start_does_not_matter() -> None:
    china = cst(2026, 9, 30, 7, 0)
    for zone in (UTC, NEW_YORK, ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Europe/Moscow")):
        assert cal.working_days_after(china.astimezone(zone), 3) == end_of(date(2026, 10, 10))


def test_result_is_utc_and_compares_with_china_time() -> None:
    result = cal.working_days_after(cst(2025, 3, 7, 9, 0), 1)
    assert result.utcoffset() == timedelta(0)
    assert result == cst(2025, 3, 10, 23, 59, 59)
    assert result == datetime(2025, 3, 10, 15, 59, 59, tzinfo=UTC)


class TestYearEnd:
    """30 December 2026 + 5 working days runs into 2027, which the package does not cover."""

    start = cst(2026, 12, 30, 10, 0)  # Wednesday

    def test_empty_site_file_falls_back_to_weekends_and_is_provisional(self) -> None:
        # Dec 31, Jan 1 (Fri), Jan 4, 5, 6.
        deadline = EMPTY.working_deadline(self.start, 5)
        assert deadline.at == end_of(date(2027, 1, 6))
        assert not deadline.official
        assert not EMPTY.deadline_is_official(self.start, 5)

    def test_shipped_calendar_behaves_the_same(self) -> None:
        shipped = load_calendar()
        assert shipped.working_days_after(self.start, 5) == end_of(date(2027, 1, 6))
        assert not shipped.deadline_is_official(self.start, 5)

    def test_injected_2027_notice_is_used_and_official(self) -> None:
        # FAKE notice: Jan 1–3 rest → Dec 31, Jan 4, 5, 6, 7.
        deadline = WITH_2027.working_deadline(self.start, 5)
        assert deadline.at == end_of(date(2027, 1, 7))
        assert deadline.official
        assert WITH_2027.is_official(date(2027, 6, 1))
        assert not WITH_2027.is_working_day(date(2027, 1, 1))

    def test_only_counted_days_matter_for_officialness(self) -> None:
        assert EMPTY.deadline_is_official(self.start, 1)  # Dec 31 only
        assert not EMPTY.deadline_is_official(cst(2026, 12, 31, 10, 0), 1)
        # Starting on an unofficial day, counting only official days, is official.
        assert WITH_2027.deadline_is_official(cst(2028, 1, 1), 1) is False
        assert WITH_2027.deadline_is_official(cst(2026, 12, 31, 10, 0), 1)

    def test_crossing_into_an_uncovered_year_is_provisional(self) -> None:
        assert not WITH_2027.deadline_is_official(cst(2027, 12, 30, 10, 0), 5)


# --------------------------------------------------------------------------- properties

ZONES = st.sampled_from(
    [UTC, CHINA_TZ, NEW_YORK, ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Pacific/Pago_Pago")]
)
STARTS = st.datetimes(
    min_value=datetime(2003, 6, 1), max_value=datetime(2029, 6, 30), timezones=ZONES
)
CALENDARS = st.sampled_from([EMPTY, WITH_2027])


@given(start=STARTS, days=st.integers(1, 60), calendar=CALENDARS)
def test_deadline_properties(start: datetime, days: int, calendar: BusinessCalendar) -> None:
    result = calendar.working_days_after(start, days)
    local = result.astimezone(CHINA_TZ)
    assert result > start
    assert result.tzinfo is UTC
    assert local.time().isoformat() == "23:59:59"
    assert calendar.is_working_day(local.date())
    span = days_between(
        calendar_module.china_date(start), local.date()
    )  # (start date, result date]
    assert sum(calendar.is_working_day(d) for d in span) == days
    official = all(calendar.is_official(d) for d in span)
    assert calendar.deadline_is_official(start, days) == official


@given(start=STARTS, days=st.integers(1, 40), calendar=CALENDARS)
def test_deadline_strictly_monotonic_in_days(
    start: datetime, days: int, calendar: BusinessCalendar
) -> None:
    assert calendar.working_days_after(start, days) < calendar.working_days_after(start, days + 1)


@given(start=STARTS, hours=st.floats(0, 24 * 400, allow_nan=False))
def test_hours_after_is_elapsed_time(start: datetime, hours: float) -> None:
    result = calendar_module.hours_after(start, hours)
    assert result.tzinfo is UTC
    assert result - start == timedelta(hours=hours)


def test_hours_after_ignores_holidays_and_dst() -> None:
    before_dst = datetime(2026, 3, 7, 12, 0, tzinfo=NEW_YORK)  # EST; DST starts 8 March
    after = calendar_module.hours_after(before_dst, 24)
    assert after == datetime(2026, 3, 8, 17, 0, tzinfo=UTC)
    assert after.astimezone(NEW_YORK).hour == 13  # wall-clock arithmetic would say 12:00 EDT
    assert calendar_module.hours_after(cst(2026, 2, 14, 12, 0), 48) == cst(2026, 2, 16, 12, 0)


# --------------------------------------------------------------------------- errors


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        cal.working_days_after(datetime(2026, 2, 13, 9, 0), 1)
    with pytest.raises(ValueError, match="naive"):
        cal.deadline_is_official(datetime(2026, 2, 13, 9, 0), 1)
    with pytest.raises(ValueError, match="naive"):
        calendar_module.hours_after(datetime(2026, 2, 13, 9, 0), 1.5)


@pytest.mark.parametrize("days", [0, -1])
def test_days_must_be_positive(days: int) -> None:
    with pytest.raises(ValueError, match="days must be >= 1"):
        cal.working_days_after(cst(2026, 2, 13, 9, 0), days)


def test_days_must_be_whole() -> None:
    with pytest.raises(TypeError):
        cal.working_days_after(cst(2026, 2, 13, 9, 0), 1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize("hours", [-1.0, math.nan, math.inf])
def test_hours_must_be_finite_and_non_negative(hours: float) -> None:
    with pytest.raises(ValueError, match="hours must be"):
        calendar_module.hours_after(cst(2026, 2, 13, 9, 0), hours)


def test_datetime_is_not_a_date() -> None:
    """A datetime's own date may not be the China date, so it is refused, not truncated."""
    with pytest.raises(TypeError, match="china_date"):
        cal.is_working_day(cst(2026, 2, 14, 9, 0))


def test_beyond_year_9999() -> None:
    with pytest.raises(ValueError, match="outside the supported range"):
        EMPTY.working_days_after(cst(9999, 12, 31, 9, 0), 1)


# --------------------------------------------------------------------------- site calendar file
