"""The routing suggestion's outcome per saved order: shown, accepted or ignored (issue 16).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "intake_suggestion",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("work_order.id"), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("platform", sa.String(), nullable=False),
        sa.Column("district", sa.String(), nullable=False),
        sa.Column("saved_at", TZ, nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("reference", sa.String(), nullable=False),
        sa.Column("move", sa.String(), nullable=False),
        sa.Column("department", sa.String(), nullable=True),
        sa.Column("accepted", sa.Boolean(), nullable=False),
        sa.Column("saved_by", sa.String(), nullable=False),
    )
    op.create_index("ux_intake_suggestion_order", "intake_suggestion", ["order_id"], unique=True)
    op.create_index("ix_intake_suggestion_saved", "intake_suggestion", ["saved_at"])


def downgrade() -> None:
    op.drop_index("ix_intake_suggestion_saved", "intake_suggestion")
    op.drop_index("ux_intake_suggestion_order", "intake_suggestion")
    op.drop_table("intake_suggestion")
