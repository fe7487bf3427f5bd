"""Emergency linkage's tables (migration 0015): the partner directory, incidents, each incident's
partners, the notification outbox, the acknowledgement alarms, the timeline and linked orders.

A notification row is written in the same transaction as the change that calls for it (start,
level change, repeat, stand-down) with its idempotency key fixed there; the pump hands queued rows
to the channel and marks them handed. A crash between the two re-hands the same key, which the
channel deduplicates: a partner is never forgotten and never sent a second key for one notice.
An alarm row is planned with each ask (it fires at the ask's acknowledgement deadline) and raised
by one conditional ``UPDATE`` — exactly once, however many consoles sweep — or resolved by the
acknowledgement, like the deadline alarms in ``alarm``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from console.store.dialects import where

QUEUED_SQL = "state = 'queued'"
PENDING_SQL = "raised_at IS NULL AND resolved_at IS NULL"
OPEN_SQL = "raised_at IS NOT NULL AND resolved_at IS NULL"
ACTIVE_SQL = "status = 'active'"


class PartnerRow(SQLModel, table=True):
    """One unit of the linkage directory (联动单位); ``demo`` marks the seeded demo directory."""

    __tablename__ = "partner"
    __table_args__ = (
        Index("ux_partner_code", "code", unique=True),
        Index("ix_partner_city_kind", "city", "kind"),
    )
    id: int | None = Field(default=None, primary_key=True)
    code: str
    name: str
    kind: str  # PartnerKind
    city: str  # six-digit city code
    duty_phone: str
    channel: str  # Channel
    address: str
    demo: bool = False
    active: bool = True


class IncidentRow(SQLModel, table=True):
    """An emergency incident (突发事件) and its plan's run. ``platform``: who runs it (a copy of
    the peer's incident carries the peer's platform). ``revision`` counts the level changes
    (1 at the start); ``version`` every change (a copy is replaced only by a newer version)."""

    __tablename__ = "incident"
    __table_args__ = (
        Index("ux_incident_number", "number", unique=True),
        Index(
            "ix_incident_active",
            "district",
            "started_at",
            **where(ACTIVE_SQL),
        ),
        Index("ix_incident_started", "started_at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    number: str
    platform: str
    event_type: str  # EventType
    level: str  # Level
    district: str
    place: str
    summary: str
    drill: bool = False  # 演练: marked everywhere, left out of real figures
    status: str = "active"  # IncidentStatus
    revision: int = 1
    version: int = 1
    started_at: datetime
    started_by: str  # display name
    started_login: str
    started_seat: str
    from_order: str | None = None  # the order number it was started from
    stood_down_at: datetime | None = None
    stood_down_by: str | None = None
    stand_down_summary: str | None = None
    updated_at: datetime


class IncidentPartnerRow(SQLModel, table=True):
    """One partner of one incident's plan: what it is asked, its current deadline, its answer.
    ``attempts``: asks written for it (Resgrid's dispatch count: 1 at the first notice)."""

    __tablename__ = "incident_partner"
    __table_args__ = (Index("ux_incident_partner", "incident_id", "partner_code", unique=True),)
    id: int | None = Field(default=None, primary_key=True)
    incident_id: int = Field(foreign_key="incident.id")
    partner_code: str
    partner_name: str
    partner_kind: str
    duty_phone: str
    task: str
    ack_minutes: int
    added_revision: int
    notified_at: datetime  # the first ask was written
    handed_at: datetime | None = None  # the latest ask was handed to the channel
    ack_due_at: datetime | None = None  # the latest ask's deadline (None: nothing asked now)
    attempts: int = 1
    acked_at: datetime | None = None
    ack_means: str | None = None  # AckMeans
    ack_by: str | None = None  # who answered at the partner
    ack_recorded_by: str | None = None  # who recorded it here (a seat's agent, or "channel")
    ack_note: str | None = None
    refused: bool = False
    released_at: datetime | None = None


class IncidentNotificationRow(SQLModel, table=True):
    """One notification to one partner: the outbox row the pump hands to the channel. ``state``:
    queued, handed (the channel took the key, or already had it) or failed (refused for good)."""

    __tablename__ = "incident_notification"
    __table_args__ = (
        Index("ux_incident_notification_key", "key", unique=True),
        Index(
            "ix_incident_notification_queued",
            "next_try_at",
            **where(QUEUED_SQL),
        ),
        Index("ix_incident_notification_incident", "incident_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    key: str
    incident_id: int = Field(foreign_key="incident.id")
    partner_code: str
    kind: str  # NotificationKind
    revision: int
    attempt: int
    created_at: datetime
    state: str = "queued"
    tries: int = 0
    next_try_at: datetime
    handed_at: datetime | None = None
    last_error: str = ""


class IncidentAlarmRow(SQLModel, table=True):
    """A partner's acknowledgement deadline on the shift lead's panel: planned with each ask,
    raised once at ``fires_at`` unless resolved first (by the acknowledgement, a release or the
    stand-down); the lead acknowledges it like a deadline's alarm."""

    __tablename__ = "incident_alarm"
    __table_args__ = (
        Index("ux_incident_alarm_key", "key", unique=True),
        Index(
            "ix_incident_alarm_pending",
            "fires_at",
            **where(PENDING_SQL),
        ),
        Index(
            "ix_incident_alarm_open",
            "fires_at",
            **where(OPEN_SQL),
        ),
        Index("ix_incident_alarm_incident", "incident_id", "partner_code"),
    )
    id: int | None = Field(default=None, primary_key=True)
    key: str
    incident_id: int = Field(foreign_key="incident.id")
    partner_code: str
    attempt: int
    fires_at: datetime
    raised_at: datetime | None = None
    raised_by: str | None = None
    resolved_at: datetime | None = None
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None
    ack_note: str | None = None


class IncidentEventRow(SQLModel, table=True):
    """One line of an incident's timeline: started, level changed, acknowledgement recorded, …"""

    __tablename__ = "incident_event"
    __table_args__ = (Index("ix_incident_event_incident", "incident_id", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    incident_id: int = Field(foreign_key="incident.id")
    at: datetime
    action: str
    actor: str
    seat: str
    platform: str
    detail: str = ""


class IncidentLinkRow(SQLModel, table=True):
    """An order (and so its call) linked to an incident at intake: one incident gathers its calls."""

    __tablename__ = "incident_link"
    __table_args__ = (
        Index("ux_incident_link", "incident_id", "order_id", unique=True),
        Index("ix_incident_link_order", "order_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    incident_id: int = Field(foreign_key="incident.id")
    order_id: int = Field(foreign_key="work_order.id")
    linked_at: datetime
    linked_by: str
    seat: str
