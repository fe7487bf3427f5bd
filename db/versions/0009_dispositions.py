"""Wrap-up codes (话后小结) of calls that ended without a saved order, for the period report.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "call_disposition",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("call_id", sa.String(), nullable=False),
        sa.Column("seat", sa.String(), nullable=False),
        sa.Column("agent", sa.String(), nullable=False),
        sa.Column("platform", sa.String(), nullable=False),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_call_disposition_at", "call_disposition", ["at"])


def downgrade() -> None:
    op.drop_index("ix_call_disposition_at", "call_disposition")
    op.drop_table("call_disposition")
