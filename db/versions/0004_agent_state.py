"""Agent state changes per seat, so a shift lead sees who is in which state and for how long.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agent_state",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("seat", sa.String(), nullable=False),
        sa.Column("agent", sa.String(), nullable=False),
        sa.Column("platform", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_agent_state_seat", "agent_state", ["seat", "at"])


def downgrade() -> None:
    op.drop_index("ix_agent_state_seat", "agent_state")
    op.drop_table("agent_state")
