"""并单: the callers merged into an order, the repeated-request warnings, and the index of a
district's open orders the duplicates' query reads.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
OPEN_SQL = "status NOT IN ('completed', 'cancelled')"  # as console/store/tables.py says it


def upgrade() -> None:
    op.create_index(
        "ix_work_order_open_district",
        "work_order",
        ["district", "created_at"],
        sqlite_where=sa.text(OPEN_SQL),
        postgresql_where=sa.text(OPEN_SQL),
    )
    op.create_table(
        "order_caller",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("work_order.id"), nullable=False),
        sa.Column("phone", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("merged_from", sa.String(), nullable=False),
        sa.Column("called_at", TZ, nullable=False),
        sa.Column("joined_at", TZ, nullable=False),
        sa.Column("joined_by", sa.String(), nullable=False),
    )
    op.create_index("ix_order_caller_order", "order_caller", ["order_id"])
    op.create_index("ix_order_caller_phone", "order_caller", ["phone"])
    op.create_index("ux_order_caller_merged_from", "order_caller", ["merged_from"], unique=True)
    op.create_table(
        "repeat_warning",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("work_order.id"), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("platform", sa.String(), nullable=False),
        sa.Column("callers", sa.Integer(), nullable=False),
        sa.Column("raised_at", TZ, nullable=False),
        sa.Column("acknowledged_at", TZ, nullable=True),
        sa.Column("acknowledged_by", sa.String(), nullable=True),
    )
    op.create_index("ux_repeat_warning_order", "repeat_warning", ["order_id"], unique=True)
    op.create_index("ix_repeat_warning_platform", "repeat_warning", ["platform", "raised_at"])


def downgrade() -> None:
    op.drop_index("ix_repeat_warning_platform", "repeat_warning")
    op.drop_index("ux_repeat_warning_order", "repeat_warning")
    op.drop_table("repeat_warning")
    op.drop_index("ux_order_caller_merged_from", "order_caller")
    op.drop_index("ix_order_caller_phone", "order_caller")
    op.drop_index("ix_order_caller_order", "order_caller")
    op.drop_table("order_caller")
    op.drop_index("ix_work_order_open_district", "work_order")
