"""Alarm levels of a deadline: WARNING (预警), DUE (到期), OVERDUE (超期).

For each deadline (a clock ``start``, a ``due`` instant and the :class:`DeadlineSpec` it came
from) :func:`thresholds` gives the instant each level begins; :func:`level_at` reads the level
at any instant; :func:`alarm_key` names the stored alarm so each level fires once.

The rules, exactly:

- **DUE** begins at ``due`` itself (for working days, 23:59:59 China time of the last day).
- **OVERDUE** begins one second later, at ``due + 1 s`` (for working days, the midnight that
  ends the last day).
- **WARNING** begins when the allowed time is ``warn_share`` used up, or ``warn_lead_hours``
  before the end, whichever is earlier if both are set, *measured in the deadline's own time*:

  * hour deadlines: natural time, ``start + share × (due − start)`` or ``due − lead``;
  * working-day deadlines: **working time**. Only working days count, each as its full 24 h
    from 00:00 to 24:00 China time; the day of ``start`` counts from ``start`` to its midnight,
    and only if it is a working day; the last day counts up to ``due + 1 s`` (its midnight).
    The warning is the instant that much working time has elapsed, so it always falls on a
    working day: no warning fires at 3 a.m. on a holiday for a deadline days away. (A warning
    that lands exactly on a working day's midnight is shown one second earlier, 23:59:59, so
    its China date stays the working day.)

- Clamping keeps ``start <= WARNING < DUE < OVERDUE``: a warning computed before ``start``
  (a lead longer than the time allowed) begins at ``start`` (for working days, at the first
  working instant at or after ``start``); one computed at or after ``due`` begins one second
  before ``due`` (never before ``start``).

Pure Python: no Qt, no database (see STYLE.md).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from console.domain.calendar import CHINA_TZ, BusinessCalendar, china_date
from console.domain.order_types import DeadlineKind

if TYPE_CHECKING:  # deadlines imports AlarmSettings from here; no import cycle at run time
    from console.domain.deadlines import DeadlineSpec

__all__ = [
    "AlarmLevel",
    "AlarmSettings",
    "Thresholds",
    "alarm_key",
    "level_at",
    "next_change",
    "thresholds",
    "working_time",
]

_SECOND = timedelta(seconds=1)
_DAY = timedelta(days=1)
_DEADLINE_NAMES = frozenset(kind.value for kind in DeadlineKind)


class AlarmLevel(enum.StrEnum):
    """The value is what alarm keys and the database store; order by :attr:`rank`."""

    WARNING = "warning"  # 预警
    DUE = "due"  # 到期
    OVERDUE = "overdue"  # 超期

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {AlarmLevel.WARNING: 0, AlarmLevel.DUE: 1, AlarmLevel.OVERDUE: 2}

Thresholds = list[tuple[AlarmLevel, datetime]]
"""(level, instant it begins), in rank order; instants strictly increasing, in UTC."""


@dataclass(frozen=True, slots=True)
class AlarmSettings:
    """When WARNING begins: at ``warn_share`` of the allowed time, or ``warn_lead_hours``
    before the end, or the earlier of the two if both are set (the ``[alarms]`` table)."""

    warn_share: float | None = 0.75
    warn_lead_hours: float | None = None

    def __post_init__(self) -> None:
        share, lead = self.warn_share, self.warn_lead_hours
        if share is None and lead is None:
            raise ValueError("set warn_share, warn_lead_hours or both")
        for key, value in (("warn_share", share), ("warn_lead_hours", lead)):
            if value is not None and (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
            ):
                raise ValueError(f"{key} must be a number, got {value!r}")
        if share is not None and not 0 < share < 1:
            raise ValueError(f"warn_share must be between 0 and 1 (exclusive), got {share!r}")
        if lead is not None and lead <= 0:
            raise ValueError(f"warn_lead_hours must be > 0, got {lead!r}")


def _day_bounds(d: date) -> tuple[datetime, datetime]:
    """00:00 and 24:00 China time of ``d``, in UTC."""
    begin = datetime.combine(d, time(0), tzinfo=CHINA_TZ).astimezone(UTC)
    return begin, datetime.combine(d + _DAY, time(0), tzinfo=CHINA_TZ).astimezone(UTC)


def _working_spans(
    start: datetime, end: datetime, calendar: BusinessCalendar
) -> Iterator[tuple[datetime, datetime]]:
    """The parts of [start, end) that lie on working days, in order."""
    day, last = china_date(start), china_date(end)
    while day <= last:
        if calendar.is_working_day(day):
            begin, stop = _day_bounds(day)
            lo, hi = max(begin, start), min(stop, end)
            if lo < hi:
                yield lo, hi
        day += _DAY


def working_time(start: datetime, end: datetime, calendar: BusinessCalendar) -> timedelta:
    """Working time in [start, end): the parts on working days, each day 00:00–24:00 China."""
    return sum((hi - lo for lo, hi in _working_spans(start, end, calendar)), timedelta())


def _after_working_time(
    start: datetime, end: datetime, target: timedelta, calendar: BusinessCalendar
) -> datetime | None:
    """The instant ``target`` working time after ``start`` (first working instant if
    ``target <= 0``), kept inside its working day; None if [start, end) has too little."""
    elapsed = timedelta()
    for lo, hi in _working_spans(start, end, calendar):
        if elapsed + (hi - lo) >= target:
            at = lo + max(target - elapsed, timedelta())
            return max(lo, min(at, hi - _SECOND)) if at >= hi else at
        elapsed += hi - lo
    return None


def thresholds(
    start: datetime,
    due: datetime,
    spec: DeadlineSpec,
    alarms: AlarmSettings,
    calendar: BusinessCalendar,
) -> Thresholds:
    """The instants WARNING, DUE and OVERDUE begin for a deadline running from ``start`` to
    ``due``, by the rules in the module docstring. Raises ValueError unless ``start < due``
    (both aware)."""
    start_utc = _aware(start, "start").astimezone(UTC)
    due_utc = _aware(due, "due").astimezone(UTC)
    if not start_utc < due_utc:
        raise ValueError(
            f"the deadline {due.isoformat()} must be after its start {start.isoformat()}"
        )
    end = due_utc + _SECOND  # OVERDUE begins; the end of the allowed time
    cal = calendar
    in_hours = spec.working_days is None
    allowed = due_utc - start_utc if in_hours else working_time(start_utc, end, cal)
    targets: list[timedelta] = []
    if alarms.warn_share is not None:
        targets.append(allowed * alarms.warn_share)
    if alarms.warn_lead_hours is not None:
        targets.append(allowed - timedelta(hours=alarms.warn_lead_hours))
    target = min(targets)
    warning: datetime | None
    if in_hours:
        warning = start_utc + max(target, timedelta())
    else:
        warning = _after_working_time(start_utc, end, target, cal)
    if warning is None:  # no working time at all before due: not a real working-day deadline
        warning = start_utc
    if warning >= due_utc:
        warning = max(start_utc, due_utc - _SECOND)
    return [
        (AlarmLevel.WARNING, max(warning, start_utc)),
        (AlarmLevel.DUE, due_utc),
        (AlarmLevel.OVERDUE, end),
    ]


def level_at(now: datetime, levels: Sequence[tuple[AlarmLevel, datetime]]) -> AlarmLevel | None:
    """The level in force at ``now`` (the last one that has begun), or None before WARNING."""
    _aware(now, "now")
    current = None
    for level, begins in levels:
        if begins <= now:
            current = level
    return current


def next_change(now: datetime, levels: Sequence[tuple[AlarmLevel, datetime]]) -> datetime | None:
    """When the next level begins after ``now`` (for the scheduler), or None after OVERDUE."""
    _aware(now, "now")
    return next((begins for _, begins in levels if begins > now), None)


def alarm_key(
    order_number: str, deadline_name: str, level: AlarmLevel, due: datetime | None = None
) -> str:
    """The unique key an alarm is stored under: ``"{number}:{deadline}:{level}"``, e.g.
    ``12345-20261126-000042:feedback:warning``.

    With ``due`` the due instant is appended (``…:warning:20261128T155959Z``), so the alarms of
    a fresh clock (transfer, return, reopen) get fresh keys instead of colliding with the ones
    that fired for the previous clock.
    """
    if deadline_name not in _DEADLINE_NAMES:
        raise ValueError(f"unknown deadline {deadline_name!r}; one of {', '.join(DeadlineKind)}")
    if not order_number or ":" in order_number:
        raise ValueError(f"order number {order_number!r} must be non-empty and contain no ':'")
    key = f"{order_number}:{deadline_name}:{AlarmLevel(level).value}"
    if due is not None:
        key += ":" + _aware(due, "due").astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return key


def _aware(moment: datetime, name: str) -> datetime:
    if moment.utcoffset() is None:
        raise ValueError(f"{name} {moment.isoformat()} is naive; pass a timezone-aware datetime")
    return moment
