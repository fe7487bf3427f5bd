"""A one-click transfer is written as pending before the call moves, then done or abandoned.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Requests recorded before this revision were carried out in one transaction: done.
    op.add_column(
        "transfer_request",
        sa.Column("state", sa.String(), nullable=False, server_default="done"),
    )
    op.add_column(
        "transfer_request",
        sa.Column("consent", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_transfer_request_seat_state", "transfer_request", ["seat", "state"])


def downgrade() -> None:
    op.drop_index("ix_transfer_request_seat_state", "transfer_request")
    with op.batch_alter_table("transfer_request") as batch:
        batch.drop_column("consent")
        batch.drop_column("state")
