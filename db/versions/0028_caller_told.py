"""Each caller is told the result at feedback (告知来电人): one row per caller of an order an
agent told the feedback to (the order's own caller and each caller who joined it, 并入).

``caller_told``: the order, the caller's number (the stored form, as ``work_order.caller_phone``
and ``order_caller.phone``), when and by whom (login, seat). Unique on (order, phone): a caller
is told once, however many seats tick it at once (``INSERT … ON CONFLICT DO NOTHING``).

Revision ID: 0028
Revises: 0026
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "caller_told",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("work_order.id"), nullable=False),
        sa.Column("phone", sa.String(), nullable=False),
        sa.Column("told_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("told_by", sa.String(), nullable=False),
        sa.Column("seat", sa.String(), nullable=False),
    )
    op.create_index("ux_caller_told_order_phone", "caller_told", ["order_id", "phone"], unique=True)
    op.create_index("ix_caller_told_at", "caller_told", ["told_at"])


def downgrade() -> None:
    op.drop_index("ix_caller_told_at", "caller_told")
    op.drop_index("ux_caller_told_order_phone", "caller_told")
    op.drop_table("caller_told")
