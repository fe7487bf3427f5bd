"""Emergency linkage: partners, incidents, their partners, notifications, alarms, timeline, links.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

QUEUED_SQL = "state = 'queued'"
PENDING_SQL = "raised_at IS NULL AND resolved_at IS NULL"
OPEN_SQL = "raised_at IS NOT NULL AND resolved_at IS NULL"
ACTIVE_SQL = "status = 'active'"

TZ = sa.DateTime(timezone=True)


def _s(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(), nullable=nullable)


def _t(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, TZ, nullable=nullable)


def _i(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Integer(), nullable=False)


def _b(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Boolean(), nullable=False)


def _fk(name: str, target: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Integer(), sa.ForeignKey(target), nullable=False)


def _partial(name: str, table: str, columns: list[str], where: str) -> None:
    op.create_index(
        name, table, columns, sqlite_where=sa.text(where), postgresql_where=sa.text(where)
    )


def upgrade() -> None:
    op.create_table(
        "partner",
        sa.Column("id", sa.Integer(), primary_key=True),
        *(_s(n) for n in ("code", "name", "kind", "city", "duty_phone", "channel", "address")),
        _b("demo"),
        _b("active"),
    )
    op.create_index("ux_partner_code", "partner", ["code"], unique=True)
    op.create_index("ix_partner_city_kind", "partner", ["city", "kind"])

    op.create_table(
        "incident",
        sa.Column("id", sa.Integer(), primary_key=True),
        *(_s(n) for n in ("number", "platform", "event_type", "level", "district", "place")),
        _s("summary"),
        _b("drill"),
        _s("status"),
        _i("revision"),
        _i("version"),
        _t("started_at"),
        _s("started_by"),
        _s("started_login"),
        _s("started_seat"),
        _s("from_order", True),
        _t("stood_down_at", True),
        _s("stood_down_by", True),
        _s("stand_down_summary", True),
        _t("updated_at"),
    )
    op.create_index("ux_incident_number", "incident", ["number"], unique=True)
    _partial("ix_incident_active", "incident", ["district", "started_at"], ACTIVE_SQL)
    op.create_index("ix_incident_started", "incident", ["started_at"])

    op.create_table(
        "incident_partner",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("incident_id", "incident.id"),
        *(_s(n) for n in ("partner_code", "partner_name", "partner_kind", "duty_phone", "task")),
        _i("ack_minutes"),
        _i("added_revision"),
        _t("notified_at"),
        _t("handed_at", True),
        _t("ack_due_at", True),
        _i("attempts"),
        _t("acked_at", True),
        *(_s(n, True) for n in ("ack_means", "ack_by", "ack_recorded_by", "ack_note")),
        _b("refused"),
        _t("released_at", True),
    )
    op.create_index(
        "ux_incident_partner", "incident_partner", ["incident_id", "partner_code"], unique=True
    )

    op.create_table(
        "incident_notification",
        sa.Column("id", sa.Integer(), primary_key=True),
        _s("key"),
        _fk("incident_id", "incident.id"),
        _s("partner_code"),
        _s("kind"),
        _i("revision"),
        _i("attempt"),
        _t("created_at"),
        _s("state"),
        _i("tries"),
        _t("next_try_at"),
        _t("handed_at", True),
        _s("last_error"),
    )
    op.create_index("ux_incident_notification_key", "incident_notification", ["key"], unique=True)
    _partial(
        "ix_incident_notification_queued", "incident_notification", ["next_try_at"], QUEUED_SQL
    )
    op.create_index("ix_incident_notification_incident", "incident_notification", ["incident_id"])

    op.create_table(
        "incident_alarm",
        sa.Column("id", sa.Integer(), primary_key=True),
        _s("key"),
        _fk("incident_id", "incident.id"),
        _s("partner_code"),
        _i("attempt"),
        _t("fires_at"),
        _t("raised_at", True),
        _s("raised_by", True),
        _t("resolved_at", True),
        _t("acknowledged_at", True),
        _s("acknowledged_by", True),
        _s("ack_note", True),
    )
    op.create_index("ux_incident_alarm_key", "incident_alarm", ["key"], unique=True)
    _partial("ix_incident_alarm_pending", "incident_alarm", ["fires_at"], PENDING_SQL)
    _partial("ix_incident_alarm_open", "incident_alarm", ["fires_at"], OPEN_SQL)
    op.create_index("ix_incident_alarm_incident", "incident_alarm", ["incident_id", "partner_code"])

    op.create_table(
        "incident_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("incident_id", "incident.id"),
        _t("at"),
        *(_s(n) for n in ("action", "actor", "seat", "platform", "detail")),
    )
    op.create_index("ix_incident_event_incident", "incident_event", ["incident_id", "at"])

    op.create_table(
        "incident_link",
        sa.Column("id", sa.Integer(), primary_key=True),
        _fk("incident_id", "incident.id"),
        _fk("order_id", "work_order.id"),
        _t("linked_at"),
        _s("linked_by"),
        _s("seat"),
    )
    op.create_index("ux_incident_link", "incident_link", ["incident_id", "order_id"], unique=True)
    op.create_index("ix_incident_link_order", "incident_link", ["order_id"])


def downgrade() -> None:
    for table in (
        "incident_link",
        "incident_event",
        "incident_alarm",
        "incident_notification",
        "incident_partner",
        "incident",
        "partner",
    ):
        op.drop_table(table)
