"""SQLModel tables. The schema itself is created and changed only by the Alembic migrations in
``db/versions``; ``tests/store/test_migrations.py`` checks the two never drift apart."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer
from sqlmodel import Field, SQLModel

from console.store.dialects import where


class KindRow(SQLModel, table=True):
    """A request kind (诉求类型) of one platform: 咨询, 投诉 … for 12345; 刑事, 治安 … for 110."""

    __tablename__ = "kind"
    code: str = Field(primary_key=True)
    platform: str
    name_zh: str
    name_en: str
    hint_zh: str = ""
    weight: int = 1
    police: bool = False
    active: bool = True


class FieldRow(SQLModel, table=True):
    """A 12345 field (领域): 经济调节, 市场监管, 社会管理, 公共服务, 生态环境保护."""

    __tablename__ = "field"
    code: str = Field(primary_key=True)
    platform: str
    name_zh: str
    name_en: str
    weight: int = 1
    active: bool = True


class DistrictRow(SQLModel, table=True):
    """A Liaoning city or county-level district, by its administrative division code."""

    __tablename__ = "district"
    code: str = Field(primary_key=True)
    name_zh: str
    name_en: str
    city_code: str
    weight: int = 1


class DepartmentRow(SQLModel, table=True):
    """A department of the 12345 dispatch directory (承办单位); retire with ``active = false``."""

    __tablename__ = "department"
    code: str = Field(primary_key=True)
    name_zh: str
    name_en: str
    district: str = Field(foreign_key="district.code")
    kind: str  # government | functional
    active: bool = True


# Open orders, and orders sent to the peer awaiting sign-for: the partial queue indexes' WHERE.
OPEN_SQL = "status NOT IN ('completed', 'cancelled')"
TRANSFERRED_SQL = "status = 'transferred'"
# What a caller's history shows beyond its key: on SQLite the caller indexes carry it (0025).
HISTORY_SHOWN = ("status", "number", "kind", "owner", "description", "address")
# Fed back, waiting for the origin's 办结 (the 我的 queue, the inbox): migration 0010's index.
FED_BACK_SQL = "status = 'fed_back'"
# What the peer did to an order that its sender hears of (the inbox): migration 0010's index.
NEWS_SQL = "action IN ('sign_for', 'feed_back', 'return')"
# Closed, the caller not yet a pseudonym: what the retention purge may still rewrite (0030's
# index, console/store/privacy.py).
PURGEABLE_SQL = "status IN ('cancelled', 'completed') AND caller_phone NOT LIKE '~%'"


class OrderRow(SQLModel, table=True):
    __tablename__ = "work_order"
    __table_args__ = (
        Index("ux_work_order_number", "number", unique=True),
        # Screen pop: a caller's orders, newest first, and the open ones (migration 0025). On
        # SQLite both keys go on with HISTORY_SHOWN (covering: the table is never read).
        Index("ix_work_order_caller", "caller_phone", "created_at"),
        Index(
            "ix_work_order_caller_open",
            "caller_phone",
            "created_at",
            **where(OPEN_SQL),
        ),
        # Queues and alarms: my platform's orders in a status, by deadline.
        Index("ix_work_order_queue", "owner", "status", "feedback_due"),
        # Queues (console/store/queues.py), each paged by keyset on (sort key, id). The partial
        # indexes' WHERE text must match the queries' text exactly, or SQLite will not use them.
        Index(
            "ix_work_order_open_due",
            "owner",
            "feedback_due",
            "id",
            **where(OPEN_SQL),
        ),
        Index(
            "ix_work_order_open_created",
            "owner",
            "created_at",
            "id",
            **where(OPEN_SQL),
        ),
        Index(
            "ix_work_order_seat_due",
            "seat",
            "feedback_due",
            "id",
            **where(OPEN_SQL),
        ),
        Index(
            "ix_work_order_sign_for",
            "owner",
            "sign_for_due",
            "id",
            **where(TRANSFERRED_SQL),
        ),
        Index(
            "ix_work_order_fed_back",
            "origin",
            "feedback_due",
            "id",
            **where(FED_BACK_SQL),
        ),
        Index("ix_work_order_due", "feedback_due", "id"),
        Index("ix_work_order_created", "created_at", "id"),
        Index("ix_work_order_escalated_from", "escalated_from"),
        # The retention purge: the orders it may still rewrite, by creation (keyset pages).
        Index(
            "ix_work_order_purge",
            "created_at",
            "id",
            **where(PURGEABLE_SQL),
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    number: str
    origin: str
    owner: str
    caller_phone: str
    caller_name: str | None = None
    kind: str = Field(foreign_key="kind.code")
    field: str | None = Field(default=None, foreign_key="field.code")
    district: str = Field(foreign_key="district.code")
    address: str = ""
    description: str
    priority: int = 0
    social_stability: bool = False
    consent: bool = False
    status: str
    first_contact_mode: str | None = None
    sign_for_due: datetime | None = None
    feedback_due: datetime | None = None
    completion_due: datetime | None = None
    created_at: datetime
    updated_at: datetime
    version: int = 1  # optimistic concurrency: every write bumps it
    # The seat that took the order's latest step (经办坐席): "my orders" are the open ones whose
    # seat is mine. Every save writes the seat of the last timeline event; migration 0003
    # filled it in from the timelines.
    seat: str | None = None
    department: str | None = None  # 承办单位 (code; checked by the service, no FK: migration 0006)
    escalated_from: str | None = None  # 联动110派警: the number of the order it came from


class EventRow(SQLModel, table=True):
    __tablename__ = "order_event"
    __table_args__ = (
        Index("ix_order_event_order", "order_id", "at"),
        # The inbox: the peer's sign-fors, feedback and returns of the last hours.
        Index(
            "ix_order_event_news",
            "platform",
            "at",
            **where(NEWS_SQL),
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="work_order.id")
    at: datetime
    actor: str
    seat: str
    platform: str
    action: str
    from_status: str | None = None
    to_status: str
    note: str = ""
    detail: str = ""  # the department, linked order or three-way outcome the action names


class SequenceRow(SQLModel, table=True):
    """Last number handed out per platform and China day, for readable order numbers."""

    __tablename__ = "order_sequence"
    platform: str = Field(primary_key=True)
    day: str = Field(primary_key=True)
    last: int = 0


class AlarmRow(SQLModel, table=True):
    """One alarm level of one deadline of one order, written as soon as the deadline is set.

    A row is *pending* until its instant comes (``raised_at`` empty), then *raised* by exactly one
    console: raising is ``UPDATE … SET raised_at WHERE raised_at IS NULL``, so a restart, a second
    console on the same database or a retried sweep can never raise it twice. ``key`` (order,
    deadline and its due instant, level) is unique. A met deadline resolves its rows.
    """

    __tablename__ = "alarm"
    __table_args__ = (
        Index("ux_alarm_key", "key", unique=True),
        # The sweep: pending alarms whose instant has come.
        Index(
            "ix_alarm_pending",
            "fires_at",
            **where("raised_at IS NULL AND resolved_at IS NULL"),
        ),
        # The panel: raised, unresolved alarms by level, soonest deadline first.
        Index(
            "ix_alarm_open",
            "level",
            "due_at",
            **where("raised_at IS NOT NULL AND resolved_at IS NULL"),
        ),
        Index("ix_alarm_order", "order_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    key: str
    order_id: int = Field(foreign_key="work_order.id")
    deadline: str  # sign_for | feedback | completion
    level: str  # warning | due | overdue
    due_at: datetime
    fires_at: datetime  # when the level begins, by the deadline's own clock
    raised_at: datetime | None = None
    raised_by: str | None = None  # the seat whose console raised it
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None
    ack_note: str | None = None
    escalated_to: str | None = None  # 督办: the named person it was escalated to
    escalated_at: datetime | None = None
    resolved_at: datetime | None = None  # the deadline was met, replaced, or the order closed


class AgentStateRow(SQLModel, table=True):
    """Every change of a seat's agent state (就绪/示忙/通话中/话后整理), for the shift lead."""

    __tablename__ = "agent_state"
    __table_args__ = (Index("ix_agent_state_seat", "seat", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    seat: str
    agent: str
    platform: str
    state: str
    reason: str | None = None
    at: datetime
    # The seat's heartbeat on its latest row (migration 0010): a seat whose console stopped
    # reporting for the site's ``seat.offline_after_s`` shows as offline on the board.
    alive_at: datetime | None = None


class TransferRequestRow(SQLModel, table=True):
    """One one-click transfer (一键转接) or escalation (联动110派警) as the seat asked for it, keyed
    by the seat's request key: a retried or double-clicked request finds its key here and changes
    nothing a second time. ``order_id``: the transferred order, or the linked order made."""

    __tablename__ = "transfer_request"
    __table_args__ = (Index("ix_transfer_request_seat_state", "seat", "state"),)
    key: str = Field(primary_key=True)
    order_id: int = Field(foreign_key="work_order.id")
    seat: str
    at: datetime
    # pending: asked for, the call is moving (F8); done: the order went over; abandoned: the
    # call did not go and the order stayed. A console finishes its seat's pending ones on start.
    state: str = "done"
    consent: bool = False  # the caller agreed when the transfer was asked for


class ChangeCounterRow(SQLModel, table=True):
    """The SQLite change feed (see :mod:`console.store.changes`): one row, ``id`` 1, whose
    ``seq`` every :meth:`~console.store.engine.Database.write` that changed something and
    announces itself bumps in its own transaction. ``PRAGMA data_version`` moves on any commit
    (an agent-state record too); this moves only on those other seats must re-read for.
    PostgreSQL announces with NOTIFY instead and leaves it alone."""

    __tablename__ = "change_counter"
    id: int = Field(default=1, primary_key=True)
    seq: int = Field(default=0, sa_type=BigInteger)


class DispositionRow(SQLModel, table=True):
    """The wrap-up code (话后小结) a call got that ended without a saved order, or "unchosen"
    when wrap-up ran out first; the period report counts them by code."""

    __tablename__ = "call_disposition"
    __table_args__ = (Index("ix_call_disposition_at", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    call_id: str
    seat: str
    agent: str
    platform: str
    code: str
    at: datetime


class AccountRow(SQLModel, table=True):
    """A person who signs in (console/services/accounts.py): login, roles, the argon2id hash of
    the password and the sign-in state. ``roles``: role values joined by ","; ``recovery_hashes``:
    the SHA-256 hex of each unused recovery code, joined by ","; no password or code is stored."""

    __tablename__ = "account"
    login: str = Field(primary_key=True)  # lower case (console.domain.passwords.LOGIN_PATTERN)
    display_name: str
    platform: str  # 12345 | 110
    roles: str
    enabled: bool = True
    password_hash: str
    password_set_at: datetime
    must_change: bool = True  # set by an administrator: changed at the next sign-in
    failed_attempts: int = 0  # wrong passwords or codes in a row
    locked_until: datetime | None = None
    totp_secret: str | None = None  # base32, RFC 6238; None: not enrolled
    totp_last_step: int | None = None  # the last code's time step: a code counts once
    recovery_hashes: str = ""
    created_at: datetime


class AuditRow(SQLModel, table=True):
    """The audit trail (留痕), append-only: who did what, when, from which seat, and how it went.

    ``seq`` counts rows from 1 without gaps; ``mac`` chains each row on the one before it with
    the site's key (``console.domain.audit``), ``key_id`` names that key. The console only
    ever INSERTs here; on PostgreSQL the seats' role may not UPDATE or DELETE and a trigger
    refuses both to anyone (migration 0012). Kept at least 180 days (网络安全法 art. 21):
    nothing in the console deletes a row."""

    __tablename__ = "audit"
    __table_args__ = (Index("ix_audit_at", "at"), Index("ix_audit_who", "who", "seq"))
    seq: int = Field(
        primary_key=True,
        sa_type=BigInteger().with_variant(Integer(), "sqlite"),  # SQLite: the rowid itself
        sa_column_kwargs={"autoincrement": False},
    )
    at: datetime
    who: str  # the login (today: the agent's name)
    seat: str
    action: str  # a console.domain.audit.AuditAction value
    target: str = ""
    outcome: str = "ok"
    detail: str = ""
    key_id: str
    mac: str


# The other tables live beside these, registered on the same metadata. Imported as modules, so
# that whichever of them a command imports first (each imports this one) finds this one complete.
from console.store import (  # noqa: E402, F401
    agenda_tables,
    consultation_tables,
    duplicate_tables,
    exchange_alarm_tables,
    exchange_tables,
    hotspot_tables,
    incident_tables,
    journal_tables,
    knowledge_tables,
    queue_count_tables,
    report_tables,
)
