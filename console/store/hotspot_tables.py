"""Hot spots found by the scan (migration 0016), with their evidence and what was done.

One row per hot spot per window: ``(window_end, dimension, district, subject)`` is unique, so
a scan repeated for the same window (the scheduler's, then the shift lead's on demand, or two
consoles at once) inserts nothing new (``INSERT … ON CONFLICT DO NOTHING``) and a hot spot taken
up stays taken up: it does not fire again for that window. ``baseline`` and ``numbers`` are the
evidence as it was found (JSON lists): the baseline windows' counts newest first (``null`` for a
window with no data) and the orders' numbers.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class HotspotRow(SQLModel, table=True):
    __tablename__ = "hotspot"
    __table_args__ = (
        Index("ux_hotspot_cell", "window_end", "dimension", "district", "subject", unique=True),
        # The shift lead's list: the latest windows' open hot spots.
        Index("ix_hotspot_state", "state", "window_end"),
    )
    id: int | None = Field(default=None, primary_key=True)
    platform: str  # whose orders were counted
    window_start: datetime
    window_end: datetime
    dimension: str  # console.domain.hotspots.Dimension
    district: str
    subject: str  # kind code, field code or normalised address
    count: int
    baseline: str = "[]"  # JSON: the baseline windows' counts, newest first
    mean: float = 0.0
    sd: float = 0.0
    threshold: float = 0.0
    numbers: str = "[]"  # JSON: the orders behind it
    found_at: datetime
    state: str = "open"  # console.domain.hotspots.State
    taken_up_at: datetime | None = None
    taken_up_by: str | None = None  # the shift lead's login
    department: str | None = None  # where the verification order was dispatched
    order_number: str | None = None  # the verification order (核查工单)
