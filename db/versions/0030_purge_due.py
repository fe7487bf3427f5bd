"""The retention purge finds its orders without walking every order: ``ix_work_order_purge``
holds only the orders it may still rewrite — closed (完成/撤销) and whose caller is not yet a
pseudonym (``~…``) — by (``created_at``, ``id``).

The purge (``console/store/privacy.py``) pages through it by keyset on (``created_at``, ``id``)
up to its cut-off (an order is created before it closes, so every order closed before the
cut-off was created before it) and checks each one's closing event as before. A purged order
leaves the index with its new phone, so a run's cost follows the orders still due — not the
table (walked whole by id before: 89.6 s for 127,872 orders of 10 M) nor the orders purged in
earlier runs. Its WHERE text must stay identical to the query's (``PURGEABLE_SQL`` in
``console/store/tables.py``), or SQLite will not use it.

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None

PURGEABLE = sa.text("status IN ('cancelled', 'completed') AND caller_phone NOT LIKE '~%'")


def upgrade() -> None:
    op.create_index(
        "ix_work_order_purge",
        "work_order",
        ["created_at", "id"],
        sqlite_where=PURGEABLE,
        postgresql_where=PURGEABLE,
    )
    if op.get_context().dialect.name == "sqlite":
        analysed = (
            op.get_bind()
            .exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
            .first()
        )
        if analysed:  # statistics for the others and none for it: give it its own
            op.execute("ANALYZE ix_work_order_purge")


def downgrade() -> None:
    op.drop_index("ix_work_order_purge", "work_order")
