"""Deadline alarms: pending until their instant, then raised once; unique per key.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "alarm",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("work_order.id"), nullable=False),
        sa.Column("deadline", sa.String(), nullable=False),
        sa.Column("level", sa.String(), nullable=False),
        sa.Column("due_at", TS, nullable=False),
        sa.Column("fires_at", TS, nullable=False),
        sa.Column("raised_at", TS, nullable=True),
        sa.Column("raised_by", sa.String(), nullable=True),
        sa.Column("acknowledged_at", TS, nullable=True),
        sa.Column("acknowledged_by", sa.String(), nullable=True),
        sa.Column("ack_note", sa.String(), nullable=True),
        sa.Column("escalated_to", sa.String(), nullable=True),
        sa.Column("escalated_at", TS, nullable=True),
        sa.Column("resolved_at", TS, nullable=True),
    )
    op.create_index("ux_alarm_key", "alarm", ["key"], unique=True)
    pending = sa.text("raised_at IS NULL AND resolved_at IS NULL")
    open_ = sa.text("raised_at IS NOT NULL AND resolved_at IS NULL")
    op.create_index(
        "ix_alarm_pending", "alarm", ["fires_at"], sqlite_where=pending, postgresql_where=pending
    )
    op.create_index(
        "ix_alarm_open", "alarm", ["level", "due_at"], sqlite_where=open_, postgresql_where=open_
    )
    op.create_index("ix_alarm_order", "alarm", ["order_id"])


def downgrade() -> None:
    op.drop_index("ix_alarm_order", "alarm")
    op.drop_index("ix_alarm_open", "alarm")
    op.drop_index("ix_alarm_pending", "alarm")
    op.drop_index("ux_alarm_key", "alarm")
    op.drop_table("alarm")
