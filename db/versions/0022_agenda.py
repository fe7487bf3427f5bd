"""The disputed-matter agenda (会商议题): consultation items, and the index on order events by
action and time that the agenda's query of a period's dispute lines reads.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "consultation_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("keyword", sa.String(), nullable=False),
        sa.Column("district", sa.String(), nullable=False),
        sa.Column("orders", sa.Integer(), nullable=False),
        sa.Column("counts", sa.String(), nullable=False),
        sa.Column("examples", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("decided_at", TZ, nullable=True),
        sa.Column("decided_by", sa.String(), nullable=True),
        sa.Column("rule_id", sa.String(), nullable=True),
        sa.Column("rule_version", sa.Integer(), nullable=True),
    )
    op.create_index("ix_consultation_item_status", "consultation_item", ["status", "created_at"])
    op.create_index("ix_order_event_action_at", "order_event", ["action", "at"])


def downgrade() -> None:
    op.drop_index("ix_order_event_action_at", "order_event")
    op.drop_index("ix_consultation_item_status", "consultation_item")
    op.drop_table("consultation_item")
