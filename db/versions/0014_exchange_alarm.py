"""The unacknowledged-message alarm: one row per outage per peer.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

OPEN_SQL = "resolved_at IS NULL"


def upgrade() -> None:
    op.create_table(
        "exchange_alarm",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("peer", sa.String(), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("raised_by", sa.String(), nullable=False),
        sa.Column("oldest_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("queued", sa.Integer(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_by", sa.String(), nullable=True),
        sa.Column("ack_note", sa.String(), nullable=True),
    )
    op.create_index(
        "ux_exchange_alarm_open",
        "exchange_alarm",
        ["peer"],
        unique=True,
        sqlite_where=sa.text(OPEN_SQL),
        postgresql_where=sa.text(OPEN_SQL),
    )


def downgrade() -> None:
    op.drop_index("ux_exchange_alarm_open", "exchange_alarm")
    op.drop_table("exchange_alarm")
