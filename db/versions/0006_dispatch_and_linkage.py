"""Department directory, dispatch and escalation links, and what each timeline event refers to.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "department",
        sa.Column("code", sa.String(), primary_key=True),
        sa.Column("name_zh", sa.String(), nullable=False),
        sa.Column("name_en", sa.String(), nullable=False),
        sa.Column("district", sa.String(), sa.ForeignKey("district.code"), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    # Plain ADD COLUMNs, no foreign key (SQLite would need a batch copy of a table that may hold
    # millions of orders): the service checks the department against the directory.
    op.add_column("work_order", sa.Column("department", sa.String(), nullable=True))
    op.add_column("work_order", sa.Column("escalated_from", sa.String(), nullable=True))
    op.create_index("ix_work_order_escalated_from", "work_order", ["escalated_from"])
    op.add_column(
        "order_event", sa.Column("detail", sa.String(), nullable=False, server_default="")
    )


def downgrade() -> None:
    op.drop_column("order_event", "detail")
    op.drop_index("ix_work_order_escalated_from", "work_order")
    with op.batch_alter_table("work_order") as batch:
        batch.drop_column("escalated_from")
        batch.drop_column("department")
    op.drop_table("department")
