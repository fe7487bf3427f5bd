"""Queues: the seat of each order's latest step, and the indexes the queues page by.

``work_order.seat`` is filled in from each order's timeline (the seat of its latest event).
Every index ends in ``id`` so that keyset pages on (sort key, id) are served in order on both
SQLite and PostgreSQL. The partial indexes' WHERE text must stay identical to the queries'
(``console/store/queues.py``), or SQLite will not use them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

OPEN = sa.text("status NOT IN ('completed', 'cancelled')")
TRANSFERRED = sa.text("status = 'transferred'")

PARTIAL = (
    ("ix_work_order_open_due", ["owner", "feedback_due", "id"], OPEN),
    ("ix_work_order_open_created", ["owner", "created_at", "id"], OPEN),
    ("ix_work_order_seat_due", ["seat", "feedback_due", "id"], OPEN),
    ("ix_work_order_sign_for", ["owner", "sign_for_due", "id"], TRANSFERRED),
)
FULL = (
    ("ix_work_order_due", ["feedback_due", "id"]),
    ("ix_work_order_created", ["created_at", "id"]),
)


def upgrade() -> None:
    # A plain ADD COLUMN (no batch copy of the table): instant on SQLite even with 1 M orders.
    op.add_column("work_order", sa.Column("seat", sa.String(), nullable=True))
    op.execute(
        "UPDATE work_order SET seat = (SELECT e.seat FROM order_event e "
        "WHERE e.order_id = work_order.id ORDER BY e.at DESC, e.id DESC LIMIT 1)"
    )
    for name, columns, where in PARTIAL:
        op.create_index(name, "work_order", columns, sqlite_where=where, postgresql_where=where)
    for name, columns in FULL:
        op.create_index(name, "work_order", columns)


def downgrade() -> None:
    for name, _columns in reversed(FULL):
        op.drop_index(name, "work_order")
    for name, _columns, _where in reversed(PARTIAL):
        op.drop_index(name, "work_order")
    with op.batch_alter_table("work_order") as batch:
        batch.drop_column("seat")
