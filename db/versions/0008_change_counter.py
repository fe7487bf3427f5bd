"""A change counter that only announcing writes bump: SQLite seats skip agent-state commits.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("seq", sa.BigInteger(), nullable=False),
    )
    op.bulk_insert(table, [{"id": 1, "seq": 0}])


def downgrade() -> None:
    op.drop_table("change_counter")
