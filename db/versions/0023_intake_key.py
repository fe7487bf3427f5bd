"""The client-generated key of each order (and step) a seat recorded, so a replay of the seat's
outage journal never writes one twice (docs/outage.md).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "intake_key",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("intake_key")
