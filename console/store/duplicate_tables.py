"""并单 (migration 0019): the callers merged into an order, the repeated-request warnings, and
the index the duplicates' district query reads.

``order_caller``: one row per duplicate merged into an order while it is merged (拆单 deletes
it; both timelines keep the 并单 and 拆单 lines): the caller who joined, when they called (the
duplicate's creation) and the duplicate's number (unique: a duplicate joins one order).
``repeat_warning``: one row per order whose matter reached the repeated-request threshold
(重复诉求预警); ``order_id`` is unique, so the warning is raised once however many seats merge
at once (``INSERT … ON CONFLICT DO NOTHING``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field, SQLModel

from console.store.dialects import where
from console.store.tables import OPEN_SQL, OrderRow

# The candidates' district query: a district's open orders, newest first. Declared on the order
# table from here (migration 0019 creates it), so tables.py stays as it was.
_ORDERS = OrderRow.__table__  # type: ignore[attr-defined]
OPEN_DISTRICT = Index(
    "ix_work_order_open_district",
    _ORDERS.c.district,
    _ORDERS.c.created_at,
    **where(OPEN_SQL),
)


class OrderCallerRow(SQLModel, table=True):
    __tablename__ = "order_caller"
    __table_args__ = (
        Index("ix_order_caller_order", "order_id"),
        Index("ix_order_caller_phone", "phone"),
        Index("ux_order_caller_merged_from", "merged_from", unique=True),
    )
    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="work_order.id")
    phone: str  # the stored form, as work_order.caller_phone
    name: str | None = None
    merged_from: str  # the duplicate's number
    called_at: datetime  # the duplicate's creation: when this caller called
    joined_at: datetime
    joined_by: str  # the login that merged


class RepeatWarningRow(SQLModel, table=True):
    __tablename__ = "repeat_warning"
    __table_args__ = (
        Index("ux_repeat_warning_order", "order_id", unique=True),
        Index("ix_repeat_warning_platform", "platform", "raised_at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="work_order.id")
    number: str
    platform: str  # the order's owner when raised: whose shift lead sees it
    callers: int  # distinct callers within the window when raised
    raised_at: datetime
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None


class CallerToldRow(SQLModel, table=True):
    """A caller of an order told the result at feedback (告知来电人, migration 0028): the order's
    own caller or one who joined it; once per (order, phone). Told here: ``told_by`` (a login);
    told at the peer (a ``caller_told`` message, 0029): ``platform`` and ``told_name``."""

    __tablename__ = "caller_told"
    __table_args__ = (
        Index("ux_caller_told_order_phone", "order_id", "phone", unique=True),
        Index("ix_caller_told_at", "told_at"),
        CheckConstraint(
            "(told_by IS NOT NULL AND platform IS NULL AND told_name IS NULL)"
            " OR (told_by IS NULL AND platform IS NOT NULL AND told_name IS NOT NULL)",
            name="ck_caller_told_who",
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="work_order.id")
    phone: str  # the stored form, as work_order.caller_phone
    told_at: datetime
    told_by: str | None = None  # the login of this platform's agent; None: told at the peer
    seat: str  # this platform's seat, or the peer's
    platform: str | None = None  # told at the peer: its platform ("12345" or "110")
    told_name: str | None = None  # told at the peer: its agent's display name
