"""The reports' tables (migration 0017): every offered call, and the daily roll-up.

``call_record``: one row per call offered to a seat (arrived, answered, ended; abandoned when the
caller hung up before an answer), so the report counts calls after the console that took them
has closed. ``report_day``: counts per China day × platform × district × figure × value, kept up
to date in the same transaction as each order step and each call record
(``console.store.report_rollup``); a year's report reads it instead of the timeline.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Index
from sqlmodel import Field, SQLModel

from console.store.dialects import where
from console.store.tables import AlarmRow

RAISED_SQL = "raised_at IS NOT NULL"


class CallRecordRow(SQLModel, table=True):
    __tablename__ = "call_record"
    __table_args__ = (
        Index("ux_call_record_call", "call_id", "seat", unique=True),
        Index("ix_call_record_arrived", "arrived_at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    call_id: str
    platform: str  # the line the call came in on (12345 | 110)
    seat: str
    arrived_at: datetime
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    abandoned: bool = False  # the caller hung up before it was answered
    handling_s: float | None = None  # answer to hang-up


class ReportDayRow(SQLModel, table=True):
    """``n`` of ``figure`` (an order action, ``kind``, ``field``, ``fed_back_on_time`` or a
    ``calls_*`` figure) with ``value`` (its code, or "") on a China day; ``district`` "" for calls."""

    __tablename__ = "report_day"
    # The trend and the district bars read two figures over many days.
    __table_args__ = (Index("ix_report_day_figure", "figure", "day"),)
    day: date = Field(primary_key=True)
    platform: str = Field(primary_key=True)
    district: str = Field(primary_key=True)
    figure: str = Field(primary_key=True)
    value: str = Field(primary_key=True)
    n: int = Field(default=0, sa_type=BigInteger)


class ReportMonthRow(SQLModel, table=True):
    """:class:`ReportDayRow` summed per China month (``day``: the month's first day), kept in
    the same statements: a year's report sums twelve months, not 365 days."""

    __tablename__ = "report_month"
    day: date = Field(primary_key=True)
    platform: str = Field(primary_key=True)
    district: str = Field(primary_key=True)
    figure: str = Field(primary_key=True)
    value: str = Field(primary_key=True)
    n: int = Field(default=0, sa_type=BigInteger)


# The report counts alarms raised in a period: an index on raised_at (raised ones only).
Index(
    "ix_alarm_raised",
    AlarmRow.__table__.c.raised_at,  # type: ignore[attr-defined]
    **where(RAISED_SQL),
)
