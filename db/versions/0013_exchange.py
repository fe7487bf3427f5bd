"""The exchange with the peer platform's own system: outbox, inbox, link state.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

QUEUED_SQL = "state = 'queued'"


def upgrade() -> None:
    op.create_table(
        "exchange_outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("message_id", sa.String(), nullable=False),
        sa.Column("transaction_id", sa.String(), nullable=False),
        sa.Column("order_number", sa.String(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("seat", sa.String(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_try_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.String(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ack_status", sa.Integer(), nullable=True),
        sa.Column("refusal_code", sa.String(), nullable=True),
        sa.Column("refusal_params", sa.String(), nullable=True),
    )
    op.create_index(
        "ux_exchange_outbox_order_seq",
        "exchange_outbox",
        ["order_number", "sequence"],
        unique=True,
    )
    op.create_index("ux_exchange_outbox_message", "exchange_outbox", ["message_id"], unique=True)
    op.create_index(
        "ux_exchange_outbox_transaction", "exchange_outbox", ["transaction_id"], unique=True
    )
    op.create_index(
        "ix_exchange_outbox_queued",
        "exchange_outbox",
        ["id"],
        sqlite_where=sa.text(QUEUED_SQL),
        postgresql_where=sa.text(QUEUED_SQL),
    )
    op.create_table(
        "exchange_inbox",
        sa.Column("message_id", sa.String(), primary_key=True),
        sa.Column("sender", sa.String(), nullable=False),
        sa.Column("order_number", sa.String(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("ack", sa.LargeBinary(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ux_exchange_inbox_order_seq",
        "exchange_inbox",
        ["sender", "order_number", "sequence"],
        unique=True,
    )
    op.create_table(
        "exchange_peer",
        sa.Column("peer", sa.String(), primary_key=True),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.String(), nullable=False),
        sa.Column("last_acked_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("exchange_peer")
    op.drop_index("ux_exchange_inbox_order_seq", "exchange_inbox")
    op.drop_table("exchange_inbox")
    for name in (
        "ix_exchange_outbox_queued",
        "ux_exchange_outbox_transaction",
        "ux_exchange_outbox_message",
        "ux_exchange_outbox_order_seq",
    ):
        op.drop_index(name, "exchange_outbox")
    op.drop_table("exchange_outbox")
